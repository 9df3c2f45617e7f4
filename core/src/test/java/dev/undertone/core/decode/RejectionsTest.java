package dev.undertone.core.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RejectionsTest {

    private static String reason(String format, byte[] payload) {
        Decoded d =
                Decoders.forRecords()
                        .decode(new RawRecord(format, "f.jsonl:1", Fixtures.RECEIVED, payload));
        assertThat(d).isInstanceOf(Decoded.Rejected.class);
        return ((Decoded.Rejected) d).reason();
    }

    private static String reason(String format, String payload) {
        return reason(format, payload.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "auto|{\"text\": \"abc\"|malformed JSON at line 1, column 15",
                "json|not json at all|malformed JSON at line 1",
                "auto|{\"text\":null}|JSON record has a null 'text'",
                "json|{\"id\":\"1\"}|JSON record has no 'text' field",
                "json|{\"text\":5}|JSON record has a 'text' that is a number, not text",
                "json|{\"id\":\"a\\u0001b\",\"text\":\"t\"}|file post id contains a control or whitespace"
                        + " character at position 1",
                "json|{\"id\":\"\",\"text\":\"t\"}|record has an empty file post id",
                "json|{\"id\":1.5,\"text\":\"t\"}|JSON record's 'id' is a number; use a string or an integer",
                "auto|{\"foo\":1,\"bar\":2}|unknown JSON record shape (fields: foo, bar)",
                "auto|[1,2]|record is a JSON array; expected one JSON object per line",
                "json|[1,2]|JSON record is not an object (an array)",
                "json|{\"text\":\"a\"} trailing|malformed JSON",
                "mastodon|event: delete|Mastodon 'delete' event has no status id",
                "twitter|{\"delete\":{\"status\":{\"id_str\":\"abc\"}}}|deleted tweet id 'abc' is not a number",
                "rss|<item/>|unknown format 'rss'; expected one of auto, jetstream, x, twitter, mastodon,"
                        + " json, text, csv",
            })
    void rejectsWithAReasonAUserCanActOn(String format, String payload, String expectedStart) {
        assertThat(reason(format, payload)).startsWith(expectedStart);
    }

    @Test
    void rejectsAbsurdlyLongIds() {
        String id = "9".repeat(RecordLimits.MAX_ID_CHARS + 1);
        assertThat(reason(Formats.JSON, "{\"id\":\"" + id + "\",\"text\":\"t\"}"))
                .isEqualTo("file post id is 513 characters long, over the limit of 512");
        assertThat(
                        reason(
                                Formats.X_V2,
                                "{\"data\":{\"id\":\"" + "1".repeat(25) + "\",\"text\":\"t\"}}"))
                .contains("is not a number");
    }

    @Test
    void rejectsInvalidUtf8NamingTheOffset() {
        byte[] bad = {
            '{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'
        };
        assertThat(reason(Formats.AUTO, bad))
                .isEqualTo(
                        "record is not valid UTF-8 (byte 0xc3 at offset 9): convert the input to UTF-8");
        byte[] surrogate = {(byte) 0xed, (byte) 0xa0, (byte) 0x80};
        assertThat(reason(Formats.TEXT, surrogate)).startsWith("record is not valid UTF-8");
        byte[] overlong = {(byte) 0xc0, (byte) 0xaf};
        assertThat(reason(Formats.TEXT, overlong)).startsWith("record is not valid UTF-8");
    }

    @Test
    void rejectsNulBytes() {
        byte[] utf16 = "hi".getBytes(StandardCharsets.UTF_16LE);
        assertThat(reason(Formats.TEXT, utf16))
                .startsWith("record contains a NUL byte at offset 1");
    }

    @Test
    void keepsAValidJsonPostWhoseTextEscapesNulDroppingTheControlCharacters() {
        for (String format : new String[] {Formats.JSON, Formats.AUTO}) {
            Decoded d =
                    Fixtures.decode(
                            format, "{\"id\":\"1\",\"text\":\"a\\u0000b\\u001bc\\u0085d\"}");
            assertThat(d).isInstanceOf(Decoded.NewPost.class);
            assertThat(((Decoded.NewPost) d).post().text()).isEqualTo("abcd");
        }
    }

    @Test
    void rejectsRecordsOverTheSizeLimitWithoutParsingThem() {
        byte[] big = new byte[RecordLimits.MAX_RECORD_BYTES + 1];
        Arrays.fill(big, (byte) 'a');
        assertThat(reason(Formats.AUTO, big))
                .startsWith("record is larger than the 1048576-byte (1 MiB) limit");
    }

    @Test
    void acceptsMultiByteTextAtTheEdges() {
        Decoded d = Fixtures.decode(Formats.TEXT, "😀 日本語 é");
        assertThat(d).isInstanceOf(Decoded.NewPost.class);
    }

    @Test
    void neverThrowsOnArbitraryBytesInAnyFormat() {
        Random random = new Random(42);
        String[] seeds = {
            Fixtures.lines("jetstream-events.jsonl").get(0),
            Fixtures.lines("x-filtered-stream.ndjson").get(1),
            Fixtures.lines("twitter-v1.jsonl").get(0),
            "event: update\ndata: {\"id\":\"1\",\"content\":\"<p>x</p>\"}",
            "id,text\n1,\"a\"",
        };
        for (int round = 0; round < 2000; round++) {
            byte[] p = seeds[round % seeds.length].getBytes(StandardCharsets.UTF_8);
            int cuts = 1 + random.nextInt(4);
            for (int c = 0; c < cuts; c++) {
                p[random.nextInt(p.length)] = (byte) random.nextInt(128);
            }
            byte[] mutated = random.nextBoolean() ? p : Arrays.copyOf(p, random.nextInt(p.length));
            for (String format : Formats.ALL) {
                Decoded d =
                        Decoders.forRecords()
                                .decode(new RawRecord(format, null, Fixtures.RECEIVED, mutated));
                assertThat(d).isNotNull();
            }
        }
    }
}
