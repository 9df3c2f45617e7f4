package dev.undertone.app.testing;

import dev.undertone.app.pipeline.PipelineStats;
import dev.undertone.app.pipeline.SourceRunner;
import dev.undertone.app.source.ReconnectPolicy;
import dev.undertone.app.source.RecordSink;
import dev.undertone.app.source.Source;
import dev.undertone.app.source.SourceBatch;
import dev.undertone.core.decode.RawRecord;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Drives a {@link Source} with the pipeline's own {@link SourceRunner} into an in-memory record
 * sink (the "journal"). The delays the source's reconnect policy asks for are recorded (tests
 * assert them), but each real wait is cut to {@code maxWait} so tests stay fast.
 */
public final class SourceDriver implements AutoCloseable {

    /** One reconnect decision: the failure and the delay the policy chose. */
    public record Backoff(int attempt, Exception failure, Duration delay) {}

    private final List<RawRecord> journal = Collections.synchronizedList(new ArrayList<>());
    private final List<Backoff> backoffs = Collections.synchronizedList(new ArrayList<>());
    private final List<String> connectPositions = Collections.synchronizedList(new ArrayList<>());
    private final SourceRunner runner;
    private final Thread thread;
    private volatile String position;

    private SourceDriver(Source source, String initialPosition, Duration maxWait) {
        this.position = initialPosition;
        Source recording = new Recording(source, maxWait);
        this.runner =
                new SourceRunner(
                        recording, new MemorySink(), new PipelineStats(), Clock.systemUTC(), false);
        this.thread = new Thread(runner, "source-driver-" + source.name());
        this.thread.setDaemon(true);
    }

    /** Starts driving {@code source} from {@code initialPosition} (null: the natural start). */
    public static SourceDriver start(Source source, String initialPosition, Duration maxWait) {
        SourceDriver d = new SourceDriver(source, initialPosition, maxWait);
        d.thread.start();
        return d;
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

    /** The failure that stopped the source for good, or null while it runs. */
    public Throwable fatal() {
        return runner.fatalError();
    }

    /** Stops the runner (which closes the source). */
    @Override
    public void close() {
        runner.stop();
        try {
            runner.await(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class MemorySink implements RecordSink {
        @Override
        public void append(String sourceName, SourceBatch batch) {
            journal.addAll(batch.records());
            if (batch.position() != null) {
                position = batch.position();
            }
        }

        @Override
        public String position(String sourceName) {
            return position;
        }
    }

    /** The source as it is, except that its policy's delays are recorded and capped. */
    private final class Recording implements Source {
        private final Source delegate;
        private final Duration maxWait;

        Recording(Source delegate, Duration maxWait) {
            this.delegate = delegate;
            this.maxWait = maxWait;
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public void connect(String pos) throws IOException {
            connectPositions.add(String.valueOf(pos));
            delegate.connect(pos);
        }

        @Override
        public SourceBatch read(Duration timeout) throws IOException, InterruptedException {
            return delegate.read(timeout);
        }

        @Override
        public ReconnectPolicy reconnectPolicy() {
            return (attempt, failure) -> {
                Duration d = delegate.reconnectPolicy().delay(attempt, failure);
                backoffs.add(new Backoff(attempt, failure, d));
                if (d == null || d.isNegative() || d.isZero()) {
                    throw new IllegalStateException(
                            "the reconnect policy asked for no delay: " + d);
                }
                return d.compareTo(maxWait) > 0 ? maxWait : d;
            };
        }

        @Override
        public Map<String, Object> health() {
            return delegate.health();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
