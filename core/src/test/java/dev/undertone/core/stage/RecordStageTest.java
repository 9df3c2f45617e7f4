package dev.undertone.core.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.undertone.core.decode.Decoders;
import dev.undertone.core.decode.RawRecord;
import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.Revisions;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.sentiment.PostScorer;
import dev.undertone.core.sentiment.Sentiment;
import dev.undertone.core.sentiment.SentimentModel;
import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.core.sentiment.SentimentScores;
import dev.undertone.core.track.PostTracker;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The record-to-write stage from raw Jetstream bytes through the real decoders and track rules.
 * Every expected key, text and write is read off the raw JSON written here ({@code bluesky:} + the
 * event's {@code did} + {@code /} + the commit's {@code rkey}), not from a decoder.
 */
class RecordStageTest {
    private static final Instant NOW = Instant.parse("2026-03-14T16:00:00Z");
    private static final String DID = "did:plc:ujzdegxdncf32epf3dhodzdo";

    /** A Jetstream commit event for a post in {@code app.bsky.feed.post}. */
    private static String post(String operation, String rkey, String text, String lang) {
        return "{\"did\":\""
                + DID
                + "\",\"time_us\":1773500400123456,\"kind\":\"commit\",\"commit\":{\"rev\":\"3maiygphy2yq7\","
                + "\"operation\":\""
                + operation
                + "\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\""
                + rkey
                + "\",\"record\":{\"$type\":\"app.bsky.feed.post\",\"createdAt\":\"2026-03-14T14:59:59.273Z\","
                + "\"langs\":[\""
                + lang
                + "\"],\"text\":\""
                + text
                + "\"},\"cid\":\"bafyreihym6l3vfz5zfkkibj5j6wjibagi3mnbqnspuq2idw52ijb4lajlj\"}}";
    }

    private static String delete(String rkey) {
        return "{\"did\":\""
                + DID
                + "\",\"time_us\":1773500400999999,\"kind\":\"commit\",\"commit\":{\"rev\":\"3maiygphy2yq9\","
                + "\"operation\":\"delete\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\""
                + rkey
                + "\"}}";
    }

    private static final String LIKE =
            "{\"did\":\"did:plc:cis2jhtlgmxgedn73u55xtpl\",\"time_us\":1773500400302227,\"kind\":\"commit\","
                    + "\"commit\":{\"rev\":\"3myb5oya5jgl4\",\"operation\":\"create\",\"collection\":\"app.bsky.feed.like\","
                    + "\"rkey\":\"3maw36woglwyj\",\"record\":{\"$type\":\"app.bsky.feed.like\","
                    + "\"createdAt\":\"2026-03-14T14:59:59.902Z\",\"subject\":{\"cid\":\"bafyreihym6l3vfz5zfkkibj5j6wjibagi3mnbqnspuq2idw52ijb4lajlj\","
                    + "\"uri\":\"at://did:plc:ujzdegxdncf32epf3dhodzdo/app.bsky.feed.post/3m3lykgqwqr7i\"}},"
                    + "\"cid\":\"bafyreiqm4i2hz4uep3enthjxjqi5ogz7kok3zv2mwufxbv54byvsehogfq\"}}";

    private static RawRecord jetstream(String json) {
        return new RawRecord("jetstream", null, NOW, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Every count, by name, so a test can say exactly which moved. */
    private static final class Counts implements StageCounts {
        final Map<String, Integer> n = new TreeMap<>();

        private void inc(String name) {
            n.merge(name, 1, Integer::sum);
        }

        @Override
        public void post() {
            inc("post");
        }

        @Override
        public void matched() {
            inc("matched");
        }

        @Override
        public void unmatched() {
            inc("unmatched");
        }

        @Override
        public void notAPost() {
            inc("notAPost");
        }

        @Override
        public void rejected() {
            inc("rejected");
        }

        @Override
        public void unscored() {
            inc("unscored");
        }
    }

    /** "love" is positive, anything else neutral; only English is supported. */
    private static final class LoveModel implements SentimentModel {
        final List<List<String>> calls = new ArrayList<>();

        @Override
        public String id() {
            return "love-1";
        }

        @Override
        public List<SentimentResult> classify(List<String> texts) {
            calls.add(texts);
            return texts.stream()
                    .map(
                            t ->
                                    t.toLowerCase(Locale.ROOT).contains("love")
                                            ? SentimentResult.scored(
                                                    Sentiment.POSITIVE,
                                                    new SentimentScores(.9, .02, .05, .03))
                                            : SentimentResult.scored(
                                                    Sentiment.NEUTRAL,
                                                    new SentimentScores(.1, .1, .75, .05)))
                    .toList();
        }
    }

    private final Counts counts = new Counts();
    private final LoveModel model = new LoveModel();

    private List<Outcome> process(String track, String lang, List<String> jsonLines) {
        TrackStage track1 =
                new TrackStage(Decoders.forRecords(), PostTracker.parse(track, lang), counts);
        ScoreStage score =
                new ScoreStage(
                        new PostScorer(model, Clock.fixed(NOW, ZoneOffset.UTC))::score, counts);
        List<Pending> pending = new ArrayList<>();
        for (String line : jsonLines) {
            pending.add(track1.apply(jetstream(line)));
        }
        return score.score(pending);
    }

    @Test
    void aMatchingPostIsScoredAndUpsertedWithTheRulesItMatched() {
        List<Outcome> out =
                process(
                        "coffee",
                        null,
                        List.of(post("create", "3m3ly", "I love this coffee", "en")));

        assertThat(out).hasSize(1);
        ScoredPost sp = ((PostWrite.Upsert) out.get(0)).post();
        assertThat(sp.post().key()).isEqualTo("bluesky:" + DID + "/3m3ly");
        assertThat(out.get(0)).isInstanceOf(PostWrite.class);
        assertThat(((PostWrite) out.get(0)).key()).isEqualTo("bluesky:" + DID + "/3m3ly");
        assertThat(sp.post().text()).isEqualTo("I love this coffee");
        assertThat(sp.post().tracks()).containsExactly("coffee");
        assertThat(sp.sentiment().sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(sp.modelId()).isEqualTo("love-1");
        assertThat(sp.scoredAt()).isEqualTo(NOW);
        assertThat(counts.n).isEqualTo(Map.of("post", 1, "matched", 1));
    }

    @Test
    void anEditThatNoLongerMatchesBecomesADeleteAndANewPostThatDoesNotIsSkipped() {
        List<Outcome> out =
                process(
                        "coffee",
                        null,
                        List.of(
                                post("create", "aaa", "coffee first", "en"),
                                post("update", "aaa", "now about tea", "en"),
                                post("create", "bbb", "tea only", "en"),
                                post("update", "ccc", "coffee again", "en")));

        assertThat(out)
                .extracting(o -> o.getClass().getSimpleName())
                .containsExactly("Upsert", "Delete", "Skipped", "Upsert");
        // the delete carries the edit's revision: a newer stored version would stay
        assertThat(out.get(1))
                .isEqualTo(
                        new PostWrite.Delete(
                                "bluesky:" + DID + "/aaa", Revisions.fromTid("3maiygphy2yq7")));
        assertThat(((PostWrite.Upsert) out.get(3)).post().post().text()).isEqualTo("coffee again");
        assertThat(counts.n).isEqualTo(Map.of("post", 4, "matched", 2, "unmatched", 2));
    }

    @Test
    void deletesPassWhateverTheRulesAndNotPostsAreSkipped() {
        List<Outcome> out = process("coffee", null, List.of(delete("zzz"), LIKE));

        assertThat(out.get(0))
                .isEqualTo(
                        new PostWrite.Delete(
                                "bluesky:" + DID + "/zzz", Revisions.fromTid("3maiygphy2yq9")));
        assertThat(out.get(1)).isInstanceOf(Outcome.Skipped.class);
        assertThat(((Outcome.Skipped) out.get(1)).why()).startsWith("not a post");
        assertThat(counts.n).isEqualTo(Map.of("notAPost", 1));
        assertThat(model.calls).isEmpty();
    }

    private static String account(boolean active, String status) {
        return "{\"did\":\""
                + DID
                + "\",\"time_us\":1773500401000000,\"kind\":\"account\",\"account\":{\"active\":"
                + active
                + (status == null ? "" : ",\"status\":\"" + status + "\"")
                + ",\"did\":\""
                + DID
                + "\",\"seq\":7,\"time\":\"2026-03-14T16:00:01Z\"}}";
    }

    @Test
    void deletedAndTakenDownAccountsArePurgedActiveOnesRestoredOthersSkipped() {
        List<Outcome> out =
                process(
                        "coffee",
                        null,
                        List.of(
                                account(false, "deleted"),
                                account(false, "takendown"),
                                account(false, "deactivated"),
                                account(false, "suspended"),
                                account(true, null)));

        PostWrite purge = new PostWrite.PurgeAccount(PostSource.BLUESKY, DID);
        assertThat(out)
                .containsExactly(
                        purge,
                        purge,
                        new Outcome.Skipped("account status: deactivated"),
                        new Outcome.Skipped("account status: suspended"),
                        new PostWrite.RestoreAccount(PostSource.BLUESKY, DID));
        assertThat(purge.key()).isEqualTo("bluesky:" + DID);
        assertThat(counts.n).isEqualTo(Map.of("notAPost", 5));
        assertThat(model.calls).isEmpty();
    }

    @Test
    void undecodableRecordsAreRejectedWithTheDecodersReason() {
        List<Outcome> out = process(null, null, List.of("{\"did\": \"x\""));

        assertThat(out).hasSize(1);
        assertThat(out.get(0)).isInstanceOf(Outcome.Rejected.class);
        assertThat(((Outcome.Rejected) out.get(0)).reason()).contains("malformed JSON");
        assertThat(counts.n).isEqualTo(Map.of("rejected", 1));
    }

    @Test
    void aDecoderThatThrowsGivesARejectionNotAnException() {
        TrackStage stage =
                new TrackStage(
                        r -> {
                            throw new IllegalStateException("boom at byte 3");
                        },
                        PostTracker.KEEP_ALL,
                        counts);

        Pending p = stage.apply(jetstream("{}"));

        assertThat(p)
                .isEqualTo(
                        new Outcome.Rejected(
                                "decoder failed: java.lang.IllegalStateException: boom at byte 3"));
        assertThat(counts.n).isEqualTo(Map.of("rejected", 1));
    }

    @Test
    void keptPostsOfABatchAreScoredInOneModelCallInRecordOrder() {
        List<Outcome> out =
                process(
                        null,
                        null,
                        List.of(
                                post("create", "p1", "love it", "en"),
                                delete("p0"),
                                LIKE,
                                post("create", "p2", "plain words", "en"),
                                post("create", "p3", "me encanta", "es")));

        assertThat(model.calls).containsExactly(List.of("love it", "plain words"));
        assertThat(out)
                .extracting(o -> o instanceof PostWrite w ? w.key() : o.getClass().getSimpleName())
                .containsExactly(
                        "bluesky:" + DID + "/p1",
                        "bluesky:" + DID + "/p0",
                        "Skipped",
                        "bluesky:" + DID + "/p2",
                        "bluesky:" + DID + "/p3");
        ScoredPost spanish = ((PostWrite.Upsert) out.get(4)).post();
        assertThat(spanish.sentiment().isScored()).isFalse();
        assertThat(spanish.sentiment().unscoredReason())
                .isEqualTo(SentimentResult.UNSUPPORTED_LANGUAGE);
        assertThat(counts.n)
                .isEqualTo(Map.of("post", 3, "matched", 3, "notAPost", 1, "unscored", 1));
    }

    @Test
    void theLanguageFilterDropsPostsInOtherLanguages() {
        List<Outcome> out =
                process(
                        null,
                        "es",
                        List.of(
                                post("create", "e1", "me encanta", "es"),
                                post("create", "e2", "hello there", "en")));

        assertThat(out.get(0)).isInstanceOf(PostWrite.Upsert.class);
        assertThat(out.get(1)).isInstanceOf(Outcome.Skipped.class);
    }

    @Test
    void aScorerReturningTheWrongNumberOfResultsIsAnError() {
        ScoreStage broken = new ScoreStage(posts -> List.of(), counts);
        Post p =
                ((Pending.ToScore)
                                new TrackStage(Decoders.forRecords(), PostTracker.KEEP_ALL, counts)
                                        .apply(jetstream(post("create", "x1", "hi", "en"))))
                        .post();

        assertThatThrownBy(() -> broken.score(List.of(new Pending.ToScore(p))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("0 results for 1");
    }
}
