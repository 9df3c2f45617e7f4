package dev.undertone.app.source.jetstream;

import dev.undertone.app.source.NetworkErrors;
import dev.undertone.app.source.SourceMetrics;
import dev.undertone.app.source.StreamConnection;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * One WebSocket connection to a Jetstream {@code /subscribe} URL. Its socket thread puts each
 * message into a bounded queue and waits when the queue is full (pushing back on the server, which
 * drops a subscriber that falls too far behind: the source then resumes from its cursor, so nothing
 * is lost). Used once: a reconnect makes a new one.
 */
final class JetstreamConnection extends WebSocketClient implements StreamConnection {

    /** One WebSocket message as received. */
    record Frame(byte[] bytes, boolean binary, Instant receivedAt) {}

    private static final long OFFER_WAIT_MS = 100;

    private final BlockingQueue<Frame> frames;
    private final SourceMetrics metrics;
    private final Clock clock;
    private volatile long lastFrameNanos = System.nanoTime();
    private volatile boolean stopping;
    private volatile boolean opened;
    private volatile boolean ended;
    private volatile String endReason;
    private volatile Exception error;

    JetstreamConnection(
            URI uri,
            Map<String, String> headers,
            Duration connectTimeout,
            Duration pingTimeout,
            int capacity,
            SourceMetrics metrics,
            Clock clock) {
        this(
                uri,
                new RawTextDraft(),
                headers,
                connectTimeout,
                pingTimeout,
                capacity,
                metrics,
                clock);
    }

    private JetstreamConnection(
            URI uri,
            RawTextDraft draft,
            Map<String, String> headers,
            Duration connectTimeout,
            Duration pingTimeout,
            int capacity,
            SourceMetrics metrics,
            Clock clock) {
        super(uri, draft, headers, (int) connectTimeout.toMillis());
        draft.bind(this::onRawText);
        this.frames = new ArrayBlockingQueue<>(capacity);
        this.metrics = metrics;
        this.clock = clock;
        setConnectionLostTimeout((int) Math.max(1, pingTimeout.toSeconds()));
        setTcpNoDelay(true);
    }

    /**
     * Connects and completes the handshake, or throws saying why not (DNS, refused, HTTP status).
     */
    void open(Duration timeout) throws IOException {
        boolean ok;
        try {
            ok = connectBlocking(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutdown();
            throw new InterruptedIOException("interrupted while connecting to Jetstream");
        }
        // a server may accept, send and close before connectBlocking returns: that was a
        // connection, and its messages are still queued for read
        if (!ok && !opened) {
            shutdown();
            String why =
                    error != null
                            ? describe(error)
                            : endReason != null
                                    ? endReason
                                    : "no handshake within " + timeout.toMillis() + " ms";
            throw new IOException("connecting to " + uri + ": " + why, error);
        }
    }

    private static String describe(Exception e) {
        return NetworkErrors.describe(e);
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        opened = true;
        lastFrameNanos = System.nanoTime();
    }

    @Override
    public void onMessage(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        enqueue(new Frame(bytes, false, clock.instant()));
    }

    private void onRawText(ByteBuffer message) {
        byte[] bytes = new byte[message.remaining()];
        message.get(bytes);
        enqueue(new Frame(bytes, false, clock.instant()));
    }

    @Override
    public void onMessage(ByteBuffer message) {
        byte[] bytes = new byte[message.remaining()];
        message.get(bytes);
        enqueue(new Frame(bytes, true, clock.instant()));
    }

    private void enqueue(Frame f) {
        lastFrameNanos = System.nanoTime();
        metrics.bytesReceived(f.bytes().length);
        try {
            while (!stopping && !frames.offer(f, OFFER_WAIT_MS, TimeUnit.MILLISECONDS)) {
                // the pipeline is behind: hold the socket thread instead of dropping the event
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        if (endReason == null) {
            endReason =
                    (remote ? "closed by the server" : "closed")
                            + " (code "
                            + code
                            + (reason == null || reason.isBlank() ? "" : ", " + reason)
                            + ")";
        }
        ended = true;
    }

    @Override
    public void onError(Exception ex) {
        if (error == null) {
            error = ex;
        }
    }

    /** The next message, waiting at most {@code timeout}; null when none came. */
    Frame poll(Duration timeout) throws InterruptedException {
        return frames.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The next message already received, or null. */
    Frame pollNow() {
        return frames.poll();
    }

    /** True when the connection is gone and every message received before that was taken. */
    @Override
    public boolean endedAndDrained() {
        return (ended || isClosed()) && frames.isEmpty();
    }

    /** Why the connection ended, for the log. */
    String endReason() {
        if (error != null) {
            return describe(error);
        }
        return endReason != null ? endReason : "connection closed";
    }

    @Override
    public Throwable failure() {
        return error;
    }

    /** Time since the last message arrived (or since the connection opened). */
    @Override
    public long nanosSinceLastData() {
        return System.nanoTime() - lastFrameNanos;
    }

    /** Closes the socket without waiting; idempotent, callable from any thread. */
    @Override
    public void shutdown() {
        stopping = true;
        frames.clear();
        try {
            close();
        } catch (RuntimeException ignored) {
            // the socket is already unusable; nothing more to release
        }
    }
}
