package dev.undertone.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.undertone.app.source.NotConnectedException;
import dev.undertone.app.source.RecordSink;
import dev.undertone.app.source.Source;
import dev.undertone.app.source.SourceBatch;
import dev.undertone.app.source.SourceFatalException;
import dev.undertone.app.testing.ListSource;
import dev.undertone.core.decode.RawRecord;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SourceRunnerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** A sink in memory that can be told to fail, like a full disk. */
    static final class MemorySink implements RecordSink {
        final List<String> positions = Collections.synchronizedList(new ArrayList<>());
        final List<RawRecord> records = Collections.synchronizedList(new ArrayList<>());
        volatile boolean full;

        @Override
        public void append(String sourceName, SourceBatch batch) throws IOException {
            if (full) {
                throw new IOException("No space left on device");
            }
            records.addAll(batch.records());
            positions.add(batch.position());
        }

        @Override
        public String position(String sourceName) {
            return positions.isEmpty() ? null : positions.get(positions.size() - 1);
        }
    }

    private static SourceRunner start(Source source, RecordSink sink) {
        SourceRunner r =
                new SourceRunner(source, sink, new PipelineStats(), Clock.systemUTC(), false);
        new Thread(r).start();
        return r;
    }

    @Test
    void aFiniteSourceIsReadToTheEndAndFinishes() throws Exception {
        MemorySink sink = new MemorySink();
        SourceRunner r = start(new ListSource("l", "text", List.of("a", "b", "c"), 2), sink);
        assertThat(r.await(WAIT)).isTrue();
        assertThat(sink.records).hasSize(3);
        assertThat(sink.positions).containsExactly("2", "3");
        assertThat(r.state().status()).isEqualTo(SourceState.Status.FINISHED);
    }

    @Test
    void aFailedAppendStopsTheSourceWithAClearErrorAndAdvancesNothing() throws Exception {
        MemorySink sink = new MemorySink();
        sink.full = true;
        SourceRunner r = start(new ListSource("l", "text", List.of("a", "b"), 1), sink);
        assertThat(r.await(WAIT)).isTrue();
        assertThat(r.state().status()).isEqualTo(SourceState.Status.FAILED);
        assertThat(r.fatalError())
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("No space left on device")
                .hasMessageContaining("check free disk space");
        assertThat(sink.positions).isEmpty();
    }

    @Test
    void reconnectsAfterALostConnectionWithTheLastDurablePosition() throws Exception {
        AtomicInteger connects = new AtomicInteger();
        List<String> connectedAt = Collections.synchronizedList(new ArrayList<>());
        Source flaky =
                new Source() {
                    int sent;

                    @Override
                    public String name() {
                        return "flaky";
                    }

                    @Override
                    public void connect(String position) {
                        connects.incrementAndGet();
                        connectedAt.add(String.valueOf(position));
                    }

                    @Override
                    public SourceBatch read(Duration timeout) throws IOException {
                        sent++;
                        if (sent == 2) {
                            throw new NotConnectedException("server closed the connection");
                        }
                        if (sent > 4) {
                            throw new SourceFatalException("done for this test");
                        }
                        RawRecord rec =
                                new RawRecord("text", null, Instant.now(), new byte[] {'x'});
                        return new SourceBatch(List.of(rec), "p" + sent);
                    }

                    @Override
                    public dev.undertone.app.source.ReconnectPolicy reconnectPolicy() {
                        return (attempt, failure) -> Duration.ofMillis(10);
                    }

                    @Override
                    public void close() {}
                };
        MemorySink sink = new MemorySink();
        SourceRunner r = start(flaky, sink);
        assertThat(r.await(WAIT)).isTrue();
        assertThat(connectedAt).containsExactly("null", "p1");
        assertThat(r.state().reconnects()).isEqualTo(1);
        assertThat(sink.positions).containsExactly("p1", "p3", "p4");
    }
}
