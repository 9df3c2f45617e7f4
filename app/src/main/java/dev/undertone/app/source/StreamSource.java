package dev.undertone.app.source;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * The life of a live stream source, written once for Jetstream, X and Mastodon: connecting (with
 * the failure reported to the metrics), reading from the current connection, the stall rule (no
 * data for the stall timeout means the stream is dead), a lost connection (dropped, reported,
 * thrown so the pipeline reconnects) and closing. A protocol supplies how to open its connection,
 * how to turn what arrived into a batch, and the words of its messages.
 *
 * <p>{@link #read} is called from one thread; {@link #close} and {@link #health} from any.
 *
 * @param <C> the protocol's connection
 */
public abstract class StreamSource<C extends StreamConnection> implements Source {

    /** How a protocol names itself and its silence in log lines and errors. */
    /**
     * How a protocol words its messages.
     *
     * @param source as in "the SOURCE source is not connected", e.g. {@code X}
     * @param stream as in "STREAM lost: why", e.g. {@code X stream}
     * @param connecting what failed when a connection attempt fails
     * @param reading what failed when a connection is lost
     * @param silence as in "no SILENCE for 21000 ms (stall)", e.g. {@code data and no keep-alive}
     */
    public record Wording(
            String source, String stream, String connecting, String reading, String silence) {}

    private final String name;
    private final Duration stallTimeout;
    private final Wording wording;
    protected final SourceMetrics metrics;
    private volatile C connection;
    private volatile boolean closed;

    /**
     * @param name the source's name in the journal
     * @param stallTimeout how long a connection may stay silent before it counts as dead
     * @param wording the words of its log lines and errors
     * @param metrics where connection state and failures are reported
     */
    protected StreamSource(
            String name, Duration stallTimeout, Wording wording, SourceMetrics metrics) {
        this.name = name;
        this.stallTimeout = stallTimeout;
        this.wording = wording;
        this.metrics = metrics;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final void connect(String position) throws IOException {
        // the runner closes a source between attempts; connecting again reopens it
        closed = false;
        dropConnection();
        C c;
        try {
            c = open(position);
        } catch (SourceFatalException e) {
            metrics.fatal(e.getMessage());
            throw e;
        } catch (IOException e) {
            onFailure();
            metrics.failed(wording.connecting(), e);
            throw e;
        }
        connection = c;
        metrics.connected();
    }

    /**
     * Opens a connection resuming after {@code position} (reset any per-connection state first and
     * call {@link SourceMetrics#connecting}). Whatever it opened and then failed to finish must be
     * shut down before throwing.
     */
    protected abstract C open(String position) throws IOException;

    @Override
    public final SourceBatch read(Duration timeout) throws IOException, InterruptedException {
        C c = connection;
        if (closed || c == null) {
            throw notConnected("the " + wording.source() + " source is not connected", null);
        }
        SourceBatch batch = take(c, timeout);
        if (batch.records().isEmpty()) {
            checkAlive(c);
        }
        return batch;
    }

    /**
     * What arrived on {@code c}: waits at most {@code timeout} for the first item, then takes what
     * is already there, up to the protocol's batch size. Counts the records in the metrics.
     */
    protected abstract SourceBatch take(C c, Duration timeout)
            throws IOException, InterruptedException;

    /** Why {@code c} ended (its read error, or how it was closed), for the log. */
    protected abstract String endReason(C c);

    /**
     * The exception a lost or missing connection is reported with; protocols whose reconnect policy
     * tells failures apart return their own subclass.
     */
    protected NotConnectedException notConnected(String message, Throwable cause) {
        return new NotConnectedException(message, cause);
    }

    /**
     * Called when a connection attempt fails or a connection is lost (e.g. to try another host).
     */
    protected void onFailure() {}

    private void checkAlive(C c) throws NotConnectedException {
        if (c.endedAndDrained()) {
            throw lost(c, endReason(c), c.failure());
        }
        long quiet = c.nanosSinceLastData();
        if (quiet >= stallTimeout.toNanos()) {
            throw lost(
                    c,
                    "no "
                            + wording.silence()
                            + " for "
                            + Duration.ofNanos(quiet).toMillis()
                            + " ms (stall)",
                    null);
        }
    }

    private NotConnectedException lost(C c, String why, Throwable cause) {
        if (connection == c) {
            connection = null;
        }
        c.shutdown();
        onFailure();
        NotConnectedException e = notConnected(wording.stream() + " lost: " + why, cause);
        if (!closed) {
            metrics.failed(wording.reading(), e);
        }
        return e;
    }

    @Override
    public Map<String, Object> health() {
        return metrics.snapshot();
    }

    private void dropConnection() {
        C c = connection;
        connection = null;
        if (c != null) {
            c.shutdown();
        }
    }

    @Override
    public final void close() {
        closed = true;
        dropConnection();
        metrics.closed();
    }
}
