package dev.undertone.core.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileFormatDecodersTest {

    private static Post post(Decoded d) {
        assertThat(d).isInstanceOf(Decoded.NewPost.class);
        return ((Decoded.NewPost) d).post();
    }

    @Test
    void genericJsonLinesMapEveryField() {
        List<Decoded> d = Fixtures.decodeLines("generic.jsonl", Formats.JSON);
        Post first = post(d.get(0));
        assertThat(first.source()).isEqualTo(PostSource.FILE);
        assertThat(first.id()).isEqualTo("g-1");
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2026-03-14T15:00:00Z"));
        assertThat(first.langs()).containsExactly("en");
        assertThat(first.authorHandle()).isEqualTo("sam");
        assertThat(first.hashtags()).containsExactly("coffee");
        assertThat(first.mentions()).containsExactly("bea");
        Post second = post(d.get(1));
        assertThat(second.id()).isEqualTo("42");
        assertThat(second.createdAt()).isEqualTo(Instant.parse("2026-03-14T15:00:00Z"));
        assertThat(second.langs()).containsExactly("es");
    }

    @Test
    void genericJsonWithoutIdOrTimeUsesOriginAndReceiveTime() {
        Post p = post(Fixtures.decodeLines("generic.jsonl", Formats.JSON).get(2));
        assertThat(p.id()).isEqualTo("generic.jsonl:3");
        assertThat(p.createdAt()).isEqualTo(Fixtures.RECEIVED);
        assertThat(p.langs()).isEmpty();
    }

    @Test
    void genericJsonRejectsBadTimesAndNullText() {
        List<Decoded> d = Fixtures.decodeLines("generic.jsonl", Formats.JSON);
        assertThat(((Decoded.Rejected) d.get(3)).reason())
                .startsWith("created_at 'yesterday-ish' is not a time");
        assertThat(d.get(4)).isEqualTo(new Decoded.Rejected("JSON record has a null 'text'"));
    }

    @Test
    void textLinesDeriveIdsFromOriginElseFromTheirBytes() {
        Post fromFile =
                post(
                        Decoders.forRecords()
                                .decode(
                                        Fixtures.record(
                                                Formats.TEXT, "/data/a.txt:7", "Hello #World\r")));
        assertThat(fromFile.id()).isEqualTo("/data/a.txt:7");
        assertThat(fromFile.text()).isEqualTo("Hello #World");
        assertThat(fromFile.hashtags()).containsExactly("World");
        assertThat(fromFile.createdAt()).isEqualTo(Fixtures.RECEIVED);
        Post a = post(Fixtures.decode(Formats.TEXT, "same text"));
        Post b = post(Fixtures.decode(Formats.TEXT, "same text"));
        assertThat(a.id()).isEqualTo(b.id()).startsWith("h").hasSize(33);
        assertThat(Fixtures.decode(Formats.TEXT, "   ")).isEqualTo(new Decoded.NotAPost("blank"));
    }

    @Test
    void csvRecordsCarryTheirHeaderAndMayHoldQuotedNewlines() {
        String header = "id,created_at,lang,author,text";
        Post p =
                post(
                        Fixtures.decode(
                                Formats.CSV,
                                header
                                        + "\nc1,2026-03-14T15:00:00Z,en,sam,\"Great service, friendly staff\""));
        assertThat(p.id()).isEqualTo("c1");
        assertThat(p.text()).isEqualTo("Great service, friendly staff");
        assertThat(p.langs()).containsExactly("en");
        assertThat(p.authorHandle()).isEqualTo("sam");
        Post q =
                post(
                        Fixtures.decode(
                                Formats.CSV,
                                header + "\nc2,,de,,\"Zwei Zeilen:\nerste und \"\"zweite\"\"\""));
        assertThat(q.text()).isEqualTo("Zwei Zeilen:\nerste und \"zweite\"");
        assertThat(q.createdAt()).isEqualTo(Fixtures.RECEIVED);
        assertThat(q.authorHandle()).isNull();
        Post r =
                post(
                        Decoders.forRecords()
                                .decode(
                                        Fixtures.record(
                                                Formats.CSV,
                                                "/d/p.csv:5",
                                                header + "\n,,,,plain")));
        assertThat(r.id()).isEqualTo("/d/p.csv:5");
    }

    @Test
    void csvAcceptsTabAndSemicolonHeaders() {
        assertThat(post(Fixtures.decode(Formats.CSV, "text\tlang\nhola\tes")).langs())
                .containsExactly("es");
        assertThat(post(Fixtures.decode(Formats.CSV, "lang;text\nfr;salut, toi")).text())
                .isEqualTo("salut, toi");
    }

    @Test
    void csvRejectionsNameTheProblem() {
        assertThat(((Decoded.Rejected) Fixtures.decode(Formats.CSV, "id,body\n1,hi")).reason())
                .isEqualTo("CSV header has no 'text' column (columns: id, body)");
        assertThat(
                        ((Decoded.Rejected) Fixtures.decode(Formats.CSV, "id,text\n1,hi,extra"))
                                .reason())
                .isEqualTo("CSV record has 3 fields but the header has 2");
        assertThat(((Decoded.Rejected) Fixtures.decode(Formats.CSV, "just one line")).reason())
                .startsWith("CSV record without its header line");
        assertThat(
                        ((Decoded.Rejected) Fixtures.decode(Formats.CSV, "text\n\"never closed"))
                                .reason())
                .isEqualTo("CSV record has a quoted field with no closing quote");
    }
}
