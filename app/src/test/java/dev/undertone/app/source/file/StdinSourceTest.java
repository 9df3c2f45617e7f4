package dev.undertone.app.source.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.undertone.app.source.EndOfInputException;
import dev.undertone.app.source.SourceBatch;
import dev.undertone.core.decode.Formats;
import dev.undertone.core.decode.RawRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StdinSourceTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static List<String> readAll(StdinSource s) throws Exception {
        List<String> out = new ArrayList<>();
        s.connect(null);
        for (int i = 0; i < 1000; i++) {
            try {
                for (RawRecord r : s.read(TIMEOUT).records()) {
                    assertThat(r.origin()).isNull();
                    out.add(r.format() + "|" + new String(r.payload(), StandardCharsets.UTF_8));
                }
            } catch (EndOfInputException e) {
                return out;
            }
        }
        throw new AssertionError("no end of input");
    }

    @Test
    void readsLinesUntilTheEndOfInput() throws Exception {
        StdinSource s =
                new StdinSource(
                        new ByteArrayInputStream("a\n\nb\r\n".getBytes(StandardCharsets.UTF_8)),
                        Formats.AUTO);
        assertThat(readAll(s)).containsExactly("auto|a", "auto|b");
        assertThatThrownBy(() -> s.read(TIMEOUT)).isInstanceOf(EndOfInputException.class);
        s.close();
    }

    @Test
    void framesCsvWithItsHeader() throws Exception {
        StdinSource s =
                new StdinSource(
                        new ByteArrayInputStream(
                                "text\n\"a\nb\"\nc\n".getBytes(StandardCharsets.UTF_8)),
                        Formats.CSV);
        assertThat(readAll(s)).containsExactly("csv|text\n\"a\nb\"", "csv|text\nc");
    }

    @Test
    void framesSseEvents() throws Exception {
        String sse = ":)\nevent: delete\ndata: 1\n\n:thump\nevent: delete\ndata: 2\n\n";
        StdinSource s =
                new StdinSource(
                        new ByteArrayInputStream(sse.getBytes(StandardCharsets.UTF_8)),
                        Formats.AUTO);
        assertThat(readAll(s))
                .containsExactly("auto|event: delete\ndata: 1", "auto|event: delete\ndata: 2");
    }

    @Test
    void returnsAnEmptyBatchWhenInputIsSlowAndRecordsOnceTheyCome() throws Exception {
        PipedOutputStream writer = new PipedOutputStream();
        StdinSource s = new StdinSource(new PipedInputStream(writer, 1 << 16), Formats.TEXT);
        s.connect(null);
        SourceBatch none = s.read(Duration.ofMillis(50));
        assertThat(none.records()).isEmpty();
        writer.write("typed line\n".getBytes(StandardCharsets.UTF_8));
        writer.flush();
        List<RawRecord> got = new ArrayList<>();
        for (int i = 0; i < 50 && got.isEmpty(); i++) {
            got.addAll(s.read(Duration.ofMillis(100)).records());
        }
        assertThat(got)
                .extracting(r -> new String(r.payload(), StandardCharsets.UTF_8))
                .containsExactly("typed line");
        writer.close();
        s.close();
    }

    @Test
    void cannotBeReadAgainOnceClosed() {
        StdinSource s = new StdinSource(new ByteArrayInputStream(new byte[0]), Formats.TEXT);
        s.connect(null);
        s.close();
        assertThatThrownBy(() -> s.connect(null))
                .isInstanceOf(dev.undertone.app.source.SourceFatalException.class)
                .hasMessageContaining("cannot be read again");
    }

    @Test
    void readFailureIsFatal() throws Exception {
        java.io.InputStream broken =
                new java.io.InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("device gone");
                    }
                };
        StdinSource s = new StdinSource(broken, Formats.TEXT);
        s.connect(null);
        assertThatThrownBy(
                        () -> {
                            for (int i = 0; i < 100; i++) {
                                s.read(Duration.ofMillis(100));
                            }
                        })
                .isInstanceOf(dev.undertone.app.source.SourceFatalException.class)
                .hasMessageContaining("device gone");
    }
}
