package dev.undertone.app.source.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.undertone.app.source.EndOfInputException;
import dev.undertone.app.source.SourceBatch;
import dev.undertone.app.source.SourceFatalException;
import dev.undertone.core.decode.Decoded;
import dev.undertone.core.decode.Decoders;
import dev.undertone.core.decode.Formats;
import dev.undertone.core.decode.RawRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @TempDir Path dir;

    /** Everything read until the end, and the position after the last batch. */
    private record Drained(List<RawRecord> records, String position) {
        List<String> payloads() {
            return records.stream()
                    .map(r -> new String(r.payload(), StandardCharsets.UTF_8))
                    .toList();
        }
    }

    private static Drained drain(FileSource source, String from, int maxBatches)
            throws IOException {
        source.connect(from);
        List<RawRecord> all = new ArrayList<>();
        String position = from;
        for (int i = 0; i < maxBatches; i++) {
            SourceBatch b;
            try {
                b = source.read(TIMEOUT);
            } catch (EndOfInputException e) {
                return new Drained(all, position);
            }
            all.addAll(b.records());
            position = b.position();
        }
        return new Drained(all, position);
    }

    private static FileSource source(Path file, String format, int batch) {
        return new FileSource(new FileSourceConfig(file, format, batch, 1 << 20, 1 << 20));
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void framesLinesSkippingBlanksAndStrippingCrlf() throws IOException {
        Path f = write("a.txt", "one\r\n\r\ntwo\n   \nthree");
        Drained d = drain(source(f, Formats.TEXT, 100), null, 10);
        assertThat(d.payloads()).containsExactly("one", "two", "three");
        String abs = f.toAbsolutePath().normalize().toString();
        assertThat(d.records())
                .extracting(RawRecord::origin)
                .containsExactly(abs + ":1", abs + ":3", abs + ":5");
        assertThat(d.records()).allMatch(r -> r.format().equals(Formats.TEXT));
    }

    @Test
    void nameIsTheAbsolutePath() {
        assertThat(source(dir.resolve("x/../a.txt"), Formats.AUTO, 1).name())
                .isEqualTo("file:" + dir.resolve("a.txt").toAbsolutePath());
    }

    @Test
    void throwsEndOfInputAtTheEndAndAgainAfterward() throws IOException {
        FileSource s = source(write("a.txt", "x\n"), Formats.TEXT, 10);
        s.connect(null);
        assertThat(s.read(TIMEOUT).records()).hasSize(1);
        assertThatThrownBy(() -> s.read(TIMEOUT)).isInstanceOf(EndOfInputException.class);
        assertThatThrownBy(() -> s.read(TIMEOUT)).isInstanceOf(EndOfInputException.class);
        s.close();
        s.close();
    }

    @Test
    void resumesExactlyAfterTheLastBatchWithTheSameOrigins() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            text.append("line ").append(i).append('\n');
        }
        Path f = write("a.txt", text.toString());
        Drained all = drain(source(f, Formats.TEXT, 3), null, 100);
        Drained first = drain(source(f, Formats.TEXT, 3), null, 2);
        assertThat(first.records()).hasSize(6);
        Drained rest = drain(source(f, Formats.TEXT, 3), first.position(), 100);
        List<RawRecord> joined = new ArrayList<>(first.records());
        joined.addAll(rest.records());
        assertThat(joined)
                .extracting(RawRecord::origin)
                .isEqualTo(all.records().stream().map(RawRecord::origin).toList());
        assertThat(rest.payloads()).containsExactly("line 7", "line 8", "line 9", "line 10");
    }

    @Test
    void stopAppendResumeReadsOnlyTheNewLines() throws IOException {
        Path f = write("a.jsonl", "{\"text\":\"a\"}\n{\"text\":\"b\"}\n");
        Drained first = drain(source(f, Formats.JSON, 10), null, 10);
        Files.writeString(f, "{\"text\":\"c\"}\n{\"text\":\"d\"}\n", StandardOpenOption.APPEND);
        Drained second = drain(source(f, Formats.JSON, 10), first.position(), 10);
        assertThat(first.payloads()).hasSize(2);
        assertThat(second.payloads()).containsExactly("{\"text\":\"c\"}", "{\"text\":\"d\"}");
        assertThat(second.records().get(0).origin()).endsWith(":3");
    }

    @Test
    void truncatedFileIsReadAgainFromTheStart() throws IOException {
        Path f = write("a.txt", "a\nb\nc\nd\n");
        Drained first = drain(source(f, Formats.TEXT, 10), null, 10);
        Files.writeString(f, "a\n");
        assertThat(drain(source(f, Formats.TEXT, 10), first.position(), 10).payloads())
                .containsExactly("a");
    }

    @Test
    void replacedFileOfTheSameLengthIsReadAgainFromTheStart() throws IOException {
        Path f = write("a.txt", "a\nb\n");
        Drained first = drain(source(f, Formats.TEXT, 10), null, 10);
        Files.writeString(f, "x\ny\nz\n");
        assertThat(drain(source(f, Formats.TEXT, 10), first.position(), 10).payloads())
                .containsExactly("x", "y", "z");
    }

    @Test
    void unreadablePositionStartsFromTheBeginning() throws IOException {
        Path f = write("a.txt", "a\n");
        assertThat(drain(source(f, Formats.TEXT, 10), "garbage", 10).payloads())
                .containsExactly("a");
    }

    @Test
    void overLongLineBecomesOneCutRecordThatTheDecoderRejects() throws IOException {
        Path f = dir.resolve("big.jsonl");
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write("{\"text\":\"before\"}\n".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 20];
            java.util.Arrays.fill(chunk, (byte) 'x');
            out.write("{\"text\":\"".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 5; i++) {
                out.write(chunk);
            }
            out.write("\"}\n{\"text\":\"after\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        int max = 1 << 20;
        FileSource s = new FileSource(new FileSourceConfig(f, Formats.AUTO, 100, 8 << 20, max));
        Drained d = drain(s, null, 10);
        assertThat(d.records()).hasSize(3);
        assertThat(d.records().get(1).payload()).hasSize(max + 1);
        assertThat(d.payloads().get(2)).isEqualTo("{\"text\":\"after\"}");
        Decoded big = Decoders.forRecords().decode(d.records().get(1));
        assertThat(((Decoded.Rejected) big).reason()).startsWith("record is larger than");
    }

    @Test
    void csvRecordsCarryTheHeaderAndMaySpanLines() throws IOException {
        Path f =
                write(
                        "posts.csv",
                        "\ufeffid,text\n1,\"two\nlines, \"\"quoted\"\"\"\n\n2,plain\n3,\"x\"\n");
        Drained d = drain(source(f, Formats.AUTO, 100), null, 10);
        assertThat(d.payloads())
                .containsExactly(
                        "id,text\n1,\"two\nlines, \"\"quoted\"\"\"",
                        "id,text\n2,plain",
                        "id,text\n3,\"x\"");
        assertThat(d.records()).allMatch(r -> r.format().equals(Formats.CSV));
        assertThat(d.records().get(1).origin()).endsWith(":5");
        Decoded first = Decoders.forRecords().decode(d.records().get(0));
        assertThat(((Decoded.NewPost) first).post().text()).isEqualTo("two\nlines, \"quoted\"");
    }

    @Test
    void oversizedSseEventAndUnclosedCsvQuoteStayWithinTheLimit() throws IOException {
        String data = "x".repeat(300);
        Path sse =
                write(
                        "big.sse",
                        "event: update\ndata: "
                                + data
                                + "\ndata: "
                                + data
                                + "\n\nevent: delete\ndata: 7\n\n");
        Drained events =
                drain(
                        new FileSource(new FileSourceConfig(sse, Formats.AUTO, 10, 1 << 20, 256)),
                        null,
                        10);
        assertThat(events.records()).hasSize(2);
        assertThat(events.records().get(0).payload()).hasSize(257);
        assertThat(events.payloads().get(1)).isEqualTo("event: delete\ndata: 7");
        Path csv = write("bad.csv", "text\n\"never closed\n" + "more\n".repeat(200));
        Drained rows =
                drain(
                        new FileSource(new FileSourceConfig(csv, Formats.AUTO, 10, 1 << 20, 256)),
                        null,
                        10);
        assertThat(rows.records()).hasSize(1);
        assertThat(rows.records().get(0).payload()).hasSize(257);
    }

    @Test
    void csvResumedMidFileStillCarriesTheHeader() throws IOException {
        Path f = write("posts.csv", "text,id\na,1\nb,2\nc,3\n");
        Drained first = drain(source(f, Formats.CSV, 1), null, 1);
        Drained rest = drain(source(f, Formats.CSV, 1), first.position(), 10);
        assertThat(first.payloads()).containsExactly("text,id\na,1");
        assertThat(rest.payloads()).containsExactly("text,id\nb,2", "text,id\nc,3");
    }

    @Test
    void sseCaptureIsFramedIntoEventsWithoutHeartbeats() throws IOException {
        Path f = dir.resolve("capture.sse");
        try (InputStream in =
                FileSourceTest.class.getResourceAsStream("/fixtures/mastodon-hashtag.sse")) {
            Files.write(f, in.readAllBytes());
        }
        Drained d = drain(source(f, Formats.AUTO, 100), null, 10);
        List<Decoded> decoded = d.records().stream().map(Decoders.forRecords()::decode).toList();
        assertThat(d.records()).hasSize(7);
        assertThat(d.payloads()).allMatch(p -> p.startsWith("event: "));
        assertThat(decoded.stream().filter(x -> x instanceof Decoded.NewPost)).hasSize(5);
        assertThat(decoded.stream().filter(x -> x instanceof Decoded.Deletion)).hasSize(2);
    }

    @Test
    void readsGzipFilesAndResumesInThem() throws IOException {
        Path f = dir.resolve("a.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write("a\nb\nc\nd\ne\n".getBytes(StandardCharsets.UTF_8));
        }
        Drained first = drain(source(f, Formats.TEXT, 2), null, 1);
        Drained rest = drain(source(f, Formats.TEXT, 2), first.position(), 10);
        assertThat(first.payloads()).containsExactly("a", "b");
        assertThat(rest.payloads()).containsExactly("c", "d", "e");
    }

    @Test
    void progressCountsBytesOfTheFileOnDiskForPlainAndGzipFiles() throws IOException {
        Path plain = write("a.txt", "a\nb\nc\n");
        FileSource p = source(plain, Formats.TEXT, 10);
        drain(p, null, 10);
        assertThat(p.progressDone()).isEqualTo(p.progressTotal()).isEqualTo(6);
        Path gz = dir.resolve("b.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("x\n".repeat(10_000).getBytes(StandardCharsets.UTF_8));
        }
        FileSource g = source(gz, Formats.TEXT, 100_000);
        drain(g, null, 10);
        assertThat(g.progressDone()).isEqualTo(g.progressTotal()).isEqualTo(Files.size(gz));
    }

    @Test
    void corruptGzipIsAFatalErrorNamingTheFile() throws IOException {
        Path f = dir.resolve("bad.gz");
        byte[] bytes = new byte[64];
        bytes[0] = 0x1f;
        bytes[1] = (byte) 0x8b;
        Files.write(f, bytes);
        FileSource s = source(f, Formats.TEXT, 10);
        assertThatThrownBy(() -> drain(s, null, 10))
                .isInstanceOf(SourceFatalException.class)
                .hasMessageContaining(f.toAbsolutePath().toString());
    }

    @Test
    void missingFileOrDirectoryIsAFatalErrorNamingIt() {
        Path missing = dir.resolve("nope.jsonl");
        assertThatThrownBy(() -> source(missing, Formats.AUTO, 1).connect(null))
                .isInstanceOf(SourceFatalException.class)
                .hasMessage(
                        "reading " + missing.toAbsolutePath() + ": no such file; check the path");
        assertThatThrownBy(() -> source(dir, Formats.AUTO, 1).connect(null))
                .isInstanceOf(SourceFatalException.class)
                .hasMessageContaining("is a directory");
    }

    @Test
    void batchesStopAtTheByteLimit() throws IOException {
        Path f = write("a.txt", "aaaa\nbbbb\ncccc\n");
        FileSource s = new FileSource(new FileSourceConfig(f, Formats.TEXT, 100, 6, 64));
        s.connect(null);
        assertThat(s.read(TIMEOUT).records()).hasSize(2);
        assertThat(s.read(TIMEOUT).records()).hasSize(1);
    }
}
