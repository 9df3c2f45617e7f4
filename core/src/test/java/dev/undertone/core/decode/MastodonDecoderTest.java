package dev.undertone.core.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MastodonDecoderTest {
    private static final String ORIGIN =
            "https://social.example/api/v1/streaming/hashtag?tag=coffee";

    /** The SSE capture split into events at blank lines, as the sources frame it. */
    private static List<Decoded> decodeCapture(String origin) {
        List<Decoded> out = new ArrayList<>();
        for (String event : Fixtures.read("mastodon-hashtag.sse").split("\n\n")) {
            if (!event.isBlank()) {
                out.add(
                        Decoders.forRecords()
                                .decode(Fixtures.record(Formats.MASTODON, origin, event)));
            }
        }
        return out;
    }

    private final List<Decoded> decoded = decodeCapture(ORIGIN);

    private Post post(int index) {
        return ((Decoded.NewPost) decoded.get(index)).post();
    }

    @Test
    void captureHasFourUpdatesOneEditAndTwoDeletes() {
        assertThat(decoded).noneMatch(d -> d instanceof Decoded.Rejected);
        assertThat(decoded.stream().filter(d -> d instanceof Decoded.NewPost n && !n.edit()))
                .hasSize(4);
        assertThat(decoded.stream().filter(d -> d instanceof Decoded.NewPost n && n.edit()))
                .hasSize(1);
        assertThat(decoded.stream().filter(d -> d instanceof Decoded.Deletion)).hasSize(2);
    }

    @Test
    void updateBecomesAPostWithPlainTextAndInstanceQualifiedId() {
        Post p = post(0);
        assertThat(p.source()).isEqualTo(PostSource.MASTODON);
        assertThat(p.id()).isEqualTo("social.example/116210045123456789");
        assertThat(p.text())
                .isEqualTo(
                        "First pour-over with the new Ethiopian beans and wow, blueberry notes"
                                + " everywhere. Absolutely delighted! #coffee");
        assertThat(p.hashtags()).containsExactly("coffee");
        assertThat(p.langs()).containsExactly("en");
        assertThat(p.authorHandle()).isEqualTo("bea_roasts@social.example");
        assertThat(p.url()).isEqualTo("https://social.example/@bea_roasts/116210045123456789");
        assertThat(p.createdAt()).isEqualTo(Instant.parse("2026-03-14T15:02:11.512Z"));
    }

    @Test
    void remoteAccountKeepsItsAcct() {
        assertThat(post(1).authorHandle()).isEqualTo("kaffeklubben@mastodon.example.de");
        assertThat(post(1).hashtags()).containsExactly("coffee", "kaffee");
    }

    @Test
    void statusUpdateIsAnEditOfTheSameKeyAndDeleteUsesTheSameKeyShape() {
        Decoded.NewPost edit =
                (Decoded.NewPost)
                        decoded.stream()
                                .filter(d -> d instanceof Decoded.NewPost n && n.edit())
                                .findFirst()
                                .orElseThrow();
        assertThat(edit.post().key()).isEqualTo(post(0).key());
        assertThat(edit.post().text()).contains("will order again!");
        assertThat(deletedKeys(decoded)).contains("mastodon:social.example/116210048120000111");
        assertThat(post(2).key()).isEqualTo("mastodon:social.example/116210048120000111");
    }

    @Test
    void withoutAnInstanceOriginIdsAreTheLocalIds() {
        List<Decoded> fromFile = decodeCapture("/tmp/capture.sse:1");
        assertThat(((Decoded.NewPost) fromFile.get(0)).post().id()).isEqualTo("116210045123456789");
        assertThat(deletedKeys(fromFile)).contains("mastodon:116210048120000111");
    }

    @Test
    void contentWarningComesBeforeTheTextAndRepliesAreMarked() {
        List<Post> posts =
                decoded.stream()
                        .filter(d -> d instanceof Decoded.NewPost)
                        .map(d -> ((Decoded.NewPost) d).post())
                        .toList();
        assertThat(posts).anyMatch(Post::reply);
        String status =
                "{\"id\":\"7\",\"uri\":\"https://a.example/s/7\",\"url\":null,\"content\":\"<p>the"
                        + " plot</p>\",\"spoiler_text\":\"spoilers\",\"account\":{\"acct\":\"z@b.example\"},"
                        + "\"language\":null}";
        Post p = ((Decoded.NewPost) Fixtures.decode(Formats.MASTODON, status)).post();
        assertThat(p.text()).isEqualTo("spoilers\nthe plot");
        assertThat(p.url()).isEqualTo("https://a.example/s/7");
        assertThat(p.langs()).isEmpty();
    }

    @Test
    void boostIsARepostWithTheBoostedText() {
        String status =
                "{\"id\":\"8\",\"uri\":\"u\",\"content\":\"\",\"account\":{\"acct\":\"b\"},"
                        + "\"reblog\":{\"id\":\"1\",\"uri\":\"u1\",\"content\":\"<p>original &amp; good</p>\","
                        + "\"language\":\"fr\",\"tags\":[{\"name\":\"x\"}],\"account\":{\"acct\":\"o\"}}}";
        Post p = ((Decoded.NewPost) Fixtures.decode(Formats.MASTODON, status)).post();
        assertThat(p.repost()).isTrue();
        assertThat(p.text()).isEqualTo("original & good");
        assertThat(p.langs()).containsExactly("fr");
        assertThat(p.hashtags()).containsExactly("x");
    }

    @Test
    void webSocketFramesAreParsedTwice() {
        String frame =
                "{\"stream\":[\"hashtag\",\"coffee\"],\"event\":\"update\",\"payload\":"
                        + "\"{\\\"id\\\":\\\"9\\\",\\\"content\\\":\\\"<p>hi</p>\\\",\\\"account\\\":{}}\"}";
        assertThat(((Decoded.NewPost) Fixtures.decode(Formats.MASTODON, frame)).post().text())
                .isEqualTo("hi");
        String delete = "{\"stream\":[\"public\"],\"event\":\"delete\",\"payload\":\"9\"}";
        assertThat(deletedKeys(List.of(Fixtures.decode(Formats.MASTODON, delete))))
                .containsExactly("mastodon:9");
    }

    @Test
    void otherEventsAndHeartbeatsAreNotPosts() {
        assertThat(Fixtures.decode(Formats.MASTODON, "event: filters_changed\ndata: undefined"))
                .isEqualTo(new Decoded.NotAPost("filters_changed"));
        assertThat(Fixtures.decode(Formats.MASTODON, ":thump"))
                .isEqualTo(new Decoded.NotAPost("heartbeat"));
    }

    @Test
    void multiLineDataIsJoinedWithNewlines() {
        String event =
                "event: update\ndata: {\"id\":\"5\",\ndata: \"content\":\"<p>a</p>\",\"account\":{}}";
        assertThat(((Decoded.NewPost) Fixtures.decode(Formats.MASTODON, event)).post().text())
                .isEqualTo("a");
    }

    @Test
    void updateWithBrokenJsonIsRejected() {
        Decoded d = Fixtures.decode(Formats.MASTODON, "event: update\ndata: {\"id\":");
        assertThat(((Decoded.Rejected) d).reason()).startsWith("malformed JSON");
    }

    @Test
    void editedAtOrdersTheVersionsAndADeleteComesAfterThem() {
        Decoded.NewPost edit =
                (Decoded.NewPost)
                        decoded.stream()
                                .filter(d -> d instanceof Decoded.NewPost n && n.edit())
                                .findFirst()
                                .orElseThrow();
        // created_at 2026-03-14T15:02:11.512Z, edited_at 2026-03-14T15:04:02.640Z: microseconds
        assertThat(post(0).revision()).isEqualTo(1_773_500_531_512_000L);
        assertThat(edit.post().revision()).isEqualTo(1_773_500_642_640_000L);
        // A delete is ordered by when it was received (Fixtures.RECEIVED, 2026-03-14T16:00:00Z).
        assertThat(
                        decoded.stream()
                                .filter(d -> d instanceof Decoded.Deletion)
                                .map(d -> ((Decoded.Deletion) d).revision()))
                .containsOnly(1_773_504_000_000_000L);
    }

    private static List<String> deletedKeys(List<Decoded> decoded) {
        return decoded.stream()
                .filter(d -> d instanceof Decoded.Deletion)
                .map(d -> ((Decoded.Deletion) d).key())
                .toList();
    }
}
