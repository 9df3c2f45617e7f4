package dev.undertone.app.pipeline;

import dev.undertone.app.source.EndOfInputException;
import dev.undertone.app.source.RecordSink;
import dev.undertone.app.source.Source;
import dev.undertone.app.source.SourceBatch;
import dev.undertone.app.source.SourceFatalException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one source: connects (retrying with the source's reconnect policy), reads batches and
 * appends each to the record sink before asking for the next. The one place that retries and waits
 * for sources, so no source carries its own loop.
 */
public final class SourceRunner implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(SourceRunner.class);
    private static final Duration READ_WAIT = Duration.ofMillis(200);

    private final Source source;
    private final RecordSink sink;
    private final PipelineStats stats;
    private final Clock clock;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile SourceState.Status status = SourceState.Status.CONNECTING;
    private volatile long reconnects;
    private volatile long records;
    private volatile Instant lastRecordAt;
    private volatile String lastError;
    private volatile int failedAttempts;
    private volatile Throwable fatal;

    private final boolean fromStart;

    /**
     * @param fromStart ignore the journaled position on the first connection
     */
    public SourceRunner(
            Source source, RecordSink sink, PipelineStats stats, Clock clock, boolean fromStart) {
        this.fromStart = fromStart;
        this.source = source;
        this.sink = sink;
        this.stats = stats;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            loop();
        } finally {
            source.close();
            done.countDown();
        }
    }

    private void loop() {
        int attempt = 0;
        boolean everConnected = false;
        while (stopped.getCount() > 0) {
            try {
                boolean ignorePosition = fromStart && !everConnected;
                source.connect(ignorePosition ? null : sink.position(source.name()));
                if (everConnected) {
                    reconnects++;
                }
                everConnected = true;
                status = SourceState.Status.CONNECTED;
                while (stopped.getCount() > 0) {
                    SourceBatch batch = source.read(READ_WAIT);
                    if (!batch.records().isEmpty() || batch.position() != null) {
                        append(batch);
                        attempt = 0;
                        failedAttempts = 0;
                    }
                }
                return;
            } catch (EndOfInputException e) {
                status = SourceState.Status.FINISHED;
                return;
            } catch (SourceFatalException e) {
                fail(e, e.getMessage());
                return;
            } catch (PipelineException e) {
                fail(e, e.getMessage());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                if (stopped.getCount() == 0) {
                    return;
                }
                attempt++;
                failedAttempts = attempt;
                Duration delay = source.reconnectPolicy().delay(attempt, e);
                lastError = e.getMessage();
                status = SourceState.Status.RECONNECTING;
                LOG.warn(
                        "Reading the source {} failed: {}; reconnecting in {} ms (attempt {}).",
                        source.name(),
                        e.getMessage(),
                        delay.toMillis(),
                        attempt);
                source.close();
                if (!sleep(delay)) {
                    return;
                }
            }
        }
    }

    private void append(SourceBatch batch) {
        try {
            sink.append(source.name(), batch);
        } catch (IOException e) {
            throw new PipelineException(
                    "journaling a batch of "
                            + batch.records().size()
                            + " records from "
                            + source.name()
                            + " failed ("
                            + e.getMessage()
                            + "); check free disk space and permissions of the data directory,"
                            + " then start again: nothing acknowledged was lost",
                    e);
        }
        int n = batch.records().size();
        if (n > 0) {
            records += n;
            stats.read.add(n);
            lastRecordAt = clock.instant();
        }
    }

    private void fail(Throwable t, String message) {
        fatal = t;
        lastError = message;
        status = SourceState.Status.FAILED;
        LOG.error("The source {} stopped: {}", source.name(), message);
    }

    private boolean sleep(Duration delay) {
        try {
            return !stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Asks the runner to stop: ends waits and closes the source. */
    public void stop() {
        stopped.countDown();
        source.close();
    }

    /** Waits until the runner has finished; true if it did within the timeout. */
    public boolean await(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The failure that stopped the source for good, or null. */
    public Throwable fatalError() {
        return fatal;
    }

    /** The source this runner drives. */
    public Source source() {
        return source;
    }

    /** A snapshot of the source's state. */
    public SourceState state() {
        return new SourceState(
                source.name(),
                status,
                reconnects,
                records,
                lastRecordAt,
                lastError,
                failedAttempts);
    }
}
