package dev.undertone.app.source;

import dev.undertone.core.framing.LineSplitter;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads a long-lived HTTP response body (chunked streaming, Server-Sent Events) on its own daemon
 * thread and hands out complete lines through a bounded queue, so a source's {@code read} never
 * blocks on the socket and can apply a stall rule: {@link #nanosSinceLastData()} counts from the
 * last byte of any kind, keep-alives included. When the queue is full the reader waits, which
 * pushes back on the server instead of dropping lines.
 *
 * <p>A line cut off by the end of the stream is not handed out (it is incomplete); {@link
 * #tornBytes()} says how many bytes were discarded that way.
 */
public final class LineStream implements StreamConnection {

    private static final int BUFFER_BYTES = 64 * 1024;
    private static final long OFFER_WAIT_MS = 100;
    private static final Object END = new Object();

    private final InputStream in;
    private final BlockingQueue<Object> lines;
    private final SourceMetrics metrics;
    private final Thread thread;
    private final AtomicLong lastByteNanos = new AtomicLong(System.nanoTime());
    private volatile boolean closed;
    private volatile IOException failure;
    private volatile boolean ended;
    private volatile int tornBytes;

    /**
     * @param name the reader thread's name
     * @param in the response body; closed by {@link #shutdown()}
     * @param capacity the most lines held before the reader waits
     * @param metrics where bytes received are counted
     */
    public LineStream(String name, InputStream in, int capacity, SourceMetrics metrics) {
        this.in = in;
        this.lines = new ArrayBlockingQueue<>(capacity);
        this.metrics = metrics;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    /** Starts the reader thread. */
    public LineStream start() {
        thread.start();
        return this;
    }

    private void run() {
        LineSplitter splitter = new LineSplitter();
        byte[] buf = new byte[BUFFER_BYTES];
        try {
            int n;
            while (!closed && (n = in.read(buf)) >= 0) {
                if (n == 0) {
                    continue;
                }
                lastByteNanos.set(System.nanoTime());
                metrics.bytesReceived(n);
                splitter.feed(buf, 0, n, this::enqueue);
            }
            tornBytes = splitter.pendingBytes();
        } catch (IOException e) {
            tornBytes = splitter.pendingBytes();
            if (!closed) {
                failure = e;
            }
        } catch (StopReading e) {
            tornBytes = splitter.pendingBytes();
        } finally {
            ended = true;
            lines.offer(END);
        }
    }

    private void enqueue(LineSplitter.Line line) {
        try {
            while (!closed && !lines.offer(line, OFFER_WAIT_MS, TimeUnit.MILLISECONDS)) {
                // the consumer is behind: wait (TCP backpressure) rather than drop
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StopReading();
        }
    }

    /** Unwinds the reader when it is interrupted while waiting for queue space. */
    private static final class StopReading extends RuntimeException {
        StopReading() {
            super(null, null, false, false);
        }
    }

    /**
     * The next complete line, waiting at most {@code timeout}; null when none came in time or the
     * stream has ended (then {@link #endedAndDrained()} is true and {@link #failure()} says why, if
     * it failed).
     */
    public LineSplitter.Line poll(Duration timeout) throws InterruptedException {
        Object o = lines.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (o == END) {
            lines.offer(END);
            return null;
        }
        return (LineSplitter.Line) o;
    }

    /** The next line if one is already waiting, else null (never waits). */
    public LineSplitter.Line pollNow() {
        Object o = lines.poll();
        if (o == END) {
            lines.offer(END);
            return null;
        }
        return (LineSplitter.Line) o;
    }

    /** True once the body ended (cleanly or not) and every line before the end was taken. */
    @Override
    public boolean endedAndDrained() {
        return ended && (lines.isEmpty() || lines.peek() == END);
    }

    /** The read error that ended the stream, or null for a clean end or a close. */
    @Override
    public IOException failure() {
        return failure;
    }

    /** Bytes of a last, unterminated line dropped at the end of the stream. */
    public int tornBytes() {
        return tornBytes;
    }

    /** Nanoseconds since the last byte arrived (or since the stream was created). */
    @Override
    public long nanosSinceLastData() {
        return System.nanoTime() - lastByteNanos.get();
    }

    /** Stops the reader and closes the body. Idempotent; callable from any thread. */
    @Override
    public void shutdown() {
        closed = true;
        try {
            in.close();
        } catch (IOException | RuntimeException ignored) {
            // closing a body that is already broken has nothing left to report
        }
        thread.interrupt();
    }
}
