package dev.undertone.app.source;

import java.io.IOException;
import java.time.Duration;

/**
 * A source speaks one protocol and yields raw records with a resume position.
 *
 * <p>Lifecycle (owned by the pipeline, which retries {@link #connect} with backoff): {@code
 * connect} once, then {@code read} in a loop from one thread, then {@code close}. When the
 * connection is lost, {@code read} throws {@link NotConnectedException} and the pipeline calls
 * {@code connect} again with the last journaled position. A finite source (a file) throws {@link
 * EndOfInputException} when it is exhausted. Sources never sleep or retry on their own.
 *
 * <p>A batch counts as accepted only once the journal has appended it (fsynced) together with its
 * position; the source is then asked for the next batch. A source therefore never needs its own
 * acknowledgement bookkeeping.
 */
public interface Source extends AutoCloseable {

    /**
     * The stable name the journal keeps this source's position under, e.g. {@code bluesky} or
     * {@code file:/abs/path/posts.jsonl}.
     */
    String name();

    /**
     * Opens the connection (or the file), resuming after {@code position}.
     *
     * @param position the position of the last batch journaled from this source, or null to start
     *     at the source's natural beginning (the start of a file, "now" for a live stream)
     * @throws IOException when the connection cannot be made; the pipeline retries with backoff
     * @throws SourceFatalException when retrying cannot help (bad credentials, a missing file)
     */
    void connect(String position) throws IOException;

    /**
     * Returns the next records, waiting at most {@code timeout}; an empty batch when none came.
     *
     * @throws NotConnectedException when the connection was lost; the pipeline reconnects
     * @throws EndOfInputException when a finite source has nothing more
     * @throws IOException on another read failure; the pipeline reconnects
     */
    SourceBatch read(Duration timeout) throws IOException, InterruptedException;

    /** How long to wait before reconnecting after a failure; protocols may override. */
    default ReconnectPolicy reconnectPolicy() {
        return ReconnectPolicy.DEFAULT;
    }

    /**
     * The source's health for {@code /api/health}: connection state, reconnects, last event time,
     * lag, events and bytes received ({@link SourceMetrics#snapshot()}); empty for sources without
     * a connection. Callable from any thread.
     */
    default java.util.Map<String, Object> health() {
        return java.util.Map.of();
    }

    /** Releases the connection or file. Idempotent; may be called from another thread. */
    @Override
    void close();
}
