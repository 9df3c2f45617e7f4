package dev.undertone.core.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.Revisions;
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
        assertThat(decoded.stream().filter(d -> d instanceof Decoded.AccountStatus)).hasSize(2);
        assertThat(decoded.stream().filter(d -> d instanceof Decoded.NotAPost)).hasSize(5);
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
                                "bluesky:did:plc:r6edt4sywb5wkh7dnsipzz7f/3ma6k7hauzwfi",
                                Revisions.fromTid("3mcuxjbmmllrk")));
        assertThat(decoded.get(19)).isEqualTo(new Decoded.NotAPost("app.bsky.graph.follow#delete"));
    }

    @Test
    void likesRepostsIdentityAndAccountEventsAreNotPosts() {
        assertThat(decoded.get(1)).isEqualTo(new Decoded.NotAPost("app.bsky.feed.like#create"));
        assertThat(decoded.get(7)).isEqualTo(new Decoded.NotAPost("app.bsky.feed.repost#create"));
        assertThat(decoded.get(5)).isEqualTo(new Decoded.NotAPost("identity"));
    }

    @Test
    void accountEventsCarryTheDidAndStatusAndOnlyDeletedOrTakenDownPurges() {
        String did = "did:plc:jgxbenyjqwx6hh7566tfjgvq";
        Decoded.AccountStatus deactivated = (Decoded.AccountStatus) decoded.get(12);
        assertThat(deactivated)
                .isEqualTo(
                        new Decoded.AccountStatus(PostSource.BLUESKY, did, false, "deactivated"));
        assertThat(deactivated.purges()).isFalse();
        assertThat(decoded.get(17))
                .isEqualTo(new Decoded.AccountStatus(PostSource.BLUESKY, did, true, null));
        for (String status : List.of("deleted", "takendown")) {
            assertThat(((Decoded.AccountStatus) account(did, false, status)).purges()).isTrue();
        }
        for (String status : List.of("suspended", "desynchronized", "throttled")) {
            assertThat(((Decoded.AccountStatus) account(did, false, status)).purges()).isFalse();
        }
        assertThat(((Decoded.AccountStatus) account(did, true, "deleted")).purges()).isFalse();
    }

    @Test
    void accountEventWithoutActiveIsRejected() {
        String event =
                "{\"did\":\"did:plc:a\",\"time_us\":1,\"kind\":\"account\",\"account\":"
                        + "{\"did\":\"did:plc:a\",\"status\":\"deleted\"}}";
        assertThat(((Decoded.Rejected) Fixtures.decode(Formats.JETSTREAM, event)).reason())
                .contains("'active'");
    }

    @Test
    void commitRevOrdersTheVersionsOfAPost() {
        // Line 10 creates the post with rev 3mgrwgory3ujt; line 16 edits it with 3mtk25qwzje24.
        Post created = post(10);
        Post edited = ((Decoded.NewPost) decoded.get(15)).post();
        assertThat(created.revision()).isEqualTo(Revisions.fromTid("3mgrwgory3ujt"));
        assertThat(edited.revision()).isEqualTo(Revisions.fromTid("3mtk25qwzje24"));
        assertThat(Revisions.isOlder(created.revision(), edited.revision())).isTrue();
    }

    @Test
    void escapedControlCharactersAreDroppedFromTheTextAndThePostKept() {
        String event =
                "{\"did\":\"did:plc:a\",\"time_us\":1773500400123456,\"kind\":\"commit\","
                        + "\"commit\":{\"rev\":\"3mgrwgory3ujt\",\"operation\":\"create\","
                        + "\"collection\":\"app.bsky.feed.post\",\"rkey\":\"3k\",\"record\":"
                        + "{\"text\":\"nul\\u0000here\\u0007 and\\ttab\\nline\"}}}";
        Post p = ((Decoded.NewPost) Fixtures.decode(Formats.JETSTREAM, event)).post();
        assertThat(p.text()).isEqualTo("nulhere and\ttab\nline");
    }

    @Test
    void unknownEventKindsAndFieldsAreIgnored() {
        // Jetstream v2 adds a 'cursor' to every event and kinds such as 'sync'.
        String sync = "{\"did\":\"did:plc:a\",\"time_us\":1,\"cursor\":77,\"kind\":\"sync\"}";
        assertThat(Fixtures.decode(Formats.JETSTREAM, sync))
                .isEqualTo(new Decoded.NotAPost(JetstreamDecoder.UNKNOWN_KIND_PREFIX + "sync"));
        String withCursor =
                "{\"did\":\"did:plc:a\",\"time_us\":1773500400123456,\"cursor\":12345,"
                        + "\"kind\":\"commit\",\"commit\":{\"rev\":\"3mgrwgory3ujt\","
                        + "\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\","
                        + "\"rkey\":\"3k\",\"newField\":{\"x\":1},\"record\":{\"text\":\"hi\"}}}";
        assertThat(((Decoded.NewPost) Fixtures.decode(Formats.JETSTREAM, withCursor)).post().text())
                .isEqualTo("hi");
    }

    private static Decoded account(String did, boolean active, String status) {
        return Fixtures.decode(
                Formats.JETSTREAM,
                "{\"did\":\""
                        + did
                        + "\",\"time_us\":1,\"kind\":\"account\",\"account\":{\"active\":"
                        + active
                        + ",\"did\":\""
                        + did
                        + "\",\"seq\":1,\"status\":\""
                        + status
                        + "\",\"time\":\"2026-03-14T15:00:01.872Z\"}}");
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
        assertThat(Fixtures.decode(Formats.JETSTREAM, noText))
                .isEqualTo(new Decoded.Rejected("Bluesky post record has no 'text' field"));
        assertThat(((Decoded.Rejected) Fixtures.decode(Formats.JETSTREAM, badRkey)).reason())
                .contains("Bluesky record key");
    }
}
