package dev.undertone.core.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JetstreamDecoderTest {
    private static final String FIXTURE = "jetstream-events.jsonl";

    private final List<Decoded> decoded = Fixtures.decodeLines(FIXTURE, Formats.JETSTREAM);

    private Post post(int line) {
        Decoded d = decoded.get(line - 1);
        assertThat(d).isInstanceOf(Decoded.NewPost.class);
        return ((Decoded.NewPost) d).post();
    }

    @Test
    void fixtureDecodesIntoPostsEditsDeletesAndOtherEvents() {
        assertThat(decoded).hasSize(21);
        assertThat(decoded).noneMatch(d -> d instanceof Decoded.Rejected);
        assertThat(decoded.stream().filter(d -> d instanceof Decoded.NewPost n && !n.edit()))
                .hasSize(12);
        assertThat(decoded.stream().filter(d -> d instanceof Decoded.NewPost n && n.edit()))
                .hasSize(1);
        assertThat(decoded.stream().filter(d -> d instanceof Decoded.Deletion)).hasSize(1);
        assertThat(decoded.stream().filter(d -> d instanceof Decoded.NotAPost)).hasSize(7);
    }

    @Test
    void createCarriesIdUrlTextTimeLangsAndTagFacets() {
        Post p = post(1);
        assertThat(p.source()).isEqualTo(PostSource.BLUESKY);
        assertThat(p.id()).isEqualTo("did:plc:ujzdegxdncf32epf3dhodzdo/3m3lykgqwqr7i");
        assertThat(p.key()).isEqualTo("bluesky:did:plc:ujzdegxdncf32epf3dhodzdo/3m3lykgqwqr7i");
        assertThat(p.url())
                .isEqualTo(
                        "https://bsky.app/profile/did:plc:ujzdegxdncf32epf3dhodzdo/post/3m3lykgqwqr7i");
        assertThat(p.text()).startsWith("Just finished the half marathon").endsWith("#SundayVibes");
        assertThat(p.createdAt()).isEqualTo(Instant.parse("2026-03-14T14:59:59.273Z"));
        assertThat(p.langs()).containsExactly("en");
        assertThat(p.hashtags()).containsExactly("running", "SundayVibes");
        assertThat(p.authorId()).isEqualTo("did:plc:ujzdegxdncf32epf3dhodzdo");
        assertThat(p.authorHandle()).isNull();
        assertThat(p.reply()).isFalse();
        assertThat(p.repost()).isFalse();
        assertThat(p.quote()).isFalse();
    }

    @Test
    void mentionFacetIsSlicedByUtf8OffsetsAndReplyIsMarked() {
        Post p = post(4);
        assertThat(p.mentions()).containsExactly("ana.example.social");
        assertThat(p.reply()).isTrue();
    }

    @Test
    void nonAsciiTagFacetAndJapaneseLanguageSurvive() {
        Post p = post(5);
        assertThat(p.hashtags()).containsExactly("カフェ巡り");
        assertThat(p.langs()).containsExactly("ja");
    }

    @Test
    void linkFacetBecomesALink() {
        assertThat(post(7).links()).containsExactly("https://bahn.example/info/fahrplan-2026");
    }

    @Test
    void severalLanguagesAndMissingLanguagesAreKeptAsGiven() {
        assertThat(post(9).langs()).containsExactly("pt", "en");
        assertThat(post(10).langs()).isEmpty();
    }

    @Test
    void tagsArrayAddsHashtagsThatAreNotInTheText() {
        assertThat(post(10).hashtags()).containsExactly("commute");
    }

    @Test
    void quoteEmbedMarksAQuoteAndImageOnlyPostHasEmptyText() {
        assertThat(post(15).quote()).isTrue();
        assertThat(post(17).text()).isEmpty();
    }

    @Test
    void createdAtAheadOfTheServerTimeFallsBackToTimeUs() {
        assertThat(post(19).createdAt()).isEqualTo(Instant.parse("2026-03-14T15:00:02.670385Z"));
    }

    @Test
    void updateIsAnEditOfTheSameKey() {
        Decoded.NewPost edit = (Decoded.NewPost) decoded.get(15);
        assertThat(edit.edit()).isTrue();
        assertThat(edit.post().key()).isEqualTo(post(10).key());
        assertThat(edit.post().text()).contains("(fixed");
    }

    @Test
    void postDeleteIsADeletionAndOtherDeletesAreNotPosts() {
        assertThat(decoded.get(10))
                .isEqualTo(
                        new Decoded.Deletion(
                                "bluesky:did:plc:r6edt4sywb5wkh7dnsipzz7f/3ma6k7hauzwfi"));
        assertThat(decoded.get(19)).isEqualTo(new Decoded.NotAPost("app.bsky.graph.follow#delete"));
    }

    @Test
    void likesRepostsIdentityAndAccountEventsAreNotPosts() {
        assertThat(decoded.get(1)).isEqualTo(new Decoded.NotAPost("app.bsky.feed.like#create"));
        assertThat(decoded.get(7)).isEqualTo(new Decoded.NotAPost("app.bsky.feed.repost#create"));
        assertThat(decoded.get(5)).isEqualTo(new Decoded.NotAPost("identity"));
        assertThat(decoded.get(12)).isEqualTo(new Decoded.NotAPost("account"));
    }

    @Test
    void regionSubtagsAreReducedToTheLanguage() {
        Decoded d =
                Fixtures.decode(
                        Formats.JETSTREAM,
                        "{\"did\":\"did:plc:a\",\"time_us\":1773500400123456,\"kind\":\"commit\","
                                + "\"commit\":{\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\","
                                + "\"rkey\":\"3k\",\"record\":{\"text\":\"hi\",\"langs\":[\"en-US\",\"EN\",\"und\"]}}}");
        assertThat(((Decoded.NewPost) d).post().langs()).containsExactly("en");
    }

    @Test
    void rejectsPostsWithoutTextAndBadKeys() {
        String noText =
                "{\"did\":\"did:plc:a\",\"time_us\":1,\"kind\":\"commit\",\"commit\":{\"operation\":"
                        + "\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"3k\",\"record\":{}}}";
        String badRkey = noText.replace("\"3k\"", "\"a b\"").replace("{}", "{\"text\":\"x\"}");
        String badKind = "{\"did\":\"did:plc:a\",\"time_us\":1,\"kind\":\"mystery\"}";
        assertThat(Fixtures.decode(Formats.JETSTREAM, noText))
                .isEqualTo(new Decoded.Rejected("Bluesky post record has no 'text' field"));
        assertThat(((Decoded.Rejected) Fixtures.decode(Formats.JETSTREAM, badRkey)).reason())
                .contains("Bluesky record key");
        assertThat(((Decoded.Rejected) Fixtures.decode(Formats.JETSTREAM, badKind)).reason())
                .isEqualTo("unknown Jetstream event kind 'mystery'");
    }
}
