package dev.undertone.core.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

    private static List<String> split(String text, int chunk) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        LineSplitter s = new LineSplitter();
        List<String> out = new ArrayList<>();
        for (int off = 0; off < b.length; off += chunk) {
            s.feed(
                    b,
                    off,
                    Math.min(chunk, b.length - off),
                    l -> out.add(new String(l.content(), StandardCharsets.UTF_8)));
        }
        return out;
    }

    @Test
    void yieldsTheSameLinesWhateverTheChunkBoundaries() {
        String text = "{\"a\":1}\r\n\r\n{\"b\":\"é ☕\"}\r\nevent: x\ndata: y\n\rlast\r";
        List<String> whole = split(text, text.length() + 10);
        assertThat(whole)
                .containsExactly(
                        "{\"a\":1}", "", "{\"b\":\"é ☕\"}", "event: x", "data: y", "", "last");
        for (int chunk = 1; chunk < 12; chunk++) {
            assertThat(split(text, chunk)).as("chunks of %d bytes", chunk).isEqualTo(whole);
        }
    }

    @Test
    void holdsBackAnUnfinishedLine() {
        LineSplitter s = new LineSplitter();
        List<LineSplitter.Line> out = new ArrayList<>();
        byte[] b = "one\r\ntwo-without-end".getBytes(StandardCharsets.UTF_8);
        s.feed(b, 0, b.length, out::add);
        assertThat(out).hasSize(1);
        assertThat(new String(out.get(0).raw(), StandardCharsets.UTF_8)).isEqualTo("one\r\n");
        assertThat(s.pendingBytes()).isEqualTo("two-without-end".length());
    }
}
