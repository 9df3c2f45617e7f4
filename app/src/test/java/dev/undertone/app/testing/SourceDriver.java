package dev.undertone.app.testing;

import dev.undertone.app.source.Source;
import dev.undertone.app.source.SourceBatch;
import dev.undertone.app.source.SourceFatalException;
import dev.undertone.core.decode.RawRecord;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Drives a {@link Source} the way the pipeline does: connect with the last journaled position, read
 * batches and "journal" them in memory, and on a failure ask the source's reconnect policy how long
 * to wait. The delays it asked for are recorded (tests assert them), but each real wait is cut to
 * {@code maxWait} so tests stay fast.
 */
public final class SourceDriver implements AutoCloseable {

    /** One reconnect decision: the failure and the delay the policy chose. */
    public record Backoff(int attempt, Exception failure, Duration delay) {}

    private static final Duration READ_TIMEOUT = Duration.ofMillis(50);

    private final Source source;
    private final Duration maxWait;
    private final List<RawRecord> journal = Collections.synchronizedList(new ArrayList<>());
    private final List<Backoff> backoffs = Collections.synchronizedList(new ArrayList<>());
    private final List<String> connectPositions = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;
    private volatile String position;
    private volatile RuntimeException fatal;

    private SourceDriver(Source source, String initialPosition, Duration maxWait) {
        this.source = source;
        this.position = initialPosition;
        this.maxWait = maxWait;
        this.thread = new Thread(this::run, "source-driver-" + source.name());
        this.thread.setDaemon(true);
    }

    /** Starts driving {@code source} from {@code initialPosition} (null: the natural start). */
    public static SourceDriver start(Source source, String initialPosition, Duration maxWait) {
        SourceDriver d = new SourceDriver(source, initialPosition, maxWait);
        d.thread.start();
        return d;
    }

    private void run() {
        int attempt = 0;
        while (stop.getCount() > 0) {
            try {
                connectPositions.add(String.valueOf(position));
                source.connect(position);
                while (stop.getCount() > 0) {
                    SourceBatch b = source.read(READ_TIMEOUT);
                    journal.addAll(b.records());
                    if (b.position() != null) {
                        position = b.position();
                    }
                    if (!b.records().isEmpty()) {
                        attempt = 0;
                    }
                }
            } catch (SourceFatalException e) {
                fatal = e;
                return;
            } catch (IOException e) {
                attempt++;
                if (!backoff(attempt, e)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean backoff(int attempt, Exception e) {
        Duration d = source.reconnectPolicy().delay(attempt, e);
        backoffs.add(new Backoff(attempt, e, d));
        if (d == null || d.isNegative() || d.isZero()) {
            fatal = new IllegalStateException("the reconnect policy asked for no delay: " + d);
            return false;
        }
        long waitMs = Math.max(1, Math.min(d.toMillis(), maxWait.toMillis()));
        try {
            return !stop.await(waitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Everything journaled so far, in order. */
    public List<RawRecord> records() {
        synchronized (journal) {
            return List.copyOf(journal);
        }
    }

    /** The payloads journaled so far, as strings. */
    public List<String> payloads() {
        return records().stream()
                .map(r -> new String(r.payload(), java.nio.charset.StandardCharsets.UTF_8))
                .toList();
    }

    /** The reconnect decisions so far. */
    public List<Backoff> backoffs() {
        synchronized (backoffs) {
            return List.copyOf(backoffs);
        }
    }

    /** The position passed to each connect, in order ("null" for none). */
    public List<String> connectPositions() {
        synchronized (connectPositions) {
            return List.copyOf(connectPositions);
        }
    }

    /** The last journaled position. */
    public String position() {
        return position;
    }

    /** The fatal error that stopped the loop, or null while it runs. */
    public RuntimeException fatal() {
        return fatal;
    }

    /** True while the loop runs. */
    public boolean running() {
        return thread.isAlive();
    }

    /** Stops the loop and closes the source. */
    @Override
    public void close() {
        stop.countDown();
        source.close();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
