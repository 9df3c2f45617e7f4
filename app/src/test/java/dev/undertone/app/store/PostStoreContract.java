package dev.undertone.app.store;

import static dev.undertone.app.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.undertone.app.store.TopTerms.TermCount;
import dev.undertone.core.sentiment.Sentiment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link PostStore} shares, run against each implementation: a subclass loads
 * the {@link StoreFixtures} posts into a fresh store of its kind. Public (unlike other test
 * classes) so the OpenSearch store's test in another package can extend it.
 */
public abstract class PostStoreContract {
    private PostStore store;

    /**
     * A new store of the implementation under test holding exactly these posts, each indexed at its
     * {@link StoredPost#indexedAt()}, all of them visible to searches when this returns.
     */
    protected abstract PostStore storeWith(List<StoredPost> posts) throws Exception;

    @BeforeEach
    void loadFixtures() throws Exception {
        store = storeWith(StoreFixtures.posts());
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    private static PostFilter filter(String name, String value) {
        return PostFilter.parse(Map.of(name, value)::get);
    }

    @Test
    void summaryCountsEveryPostBySentimentAndTheUnscoredByReason() {
        Summary s = store.summary(PostFilter.ALL);

        assertThat(s.total()).isEqualTo(12);
        assertThat(s.sentiment())
                .containsExactly(
                        entry(Sentiment.POSITIVE, 3L),
                        entry(Sentiment.NEGATIVE, 2L),
                        entry(Sentiment.NEUTRAL, 2L),
                        entry(Sentiment.MIXED, 2L));
        assertThat(s.unscored()).isEqualTo(3);
        assertThat(s.unscoredReasons())
                .containsExactly(entry("empty_text", 1L), entry("unsupported_language", 2L));
    }

    /** The counts by language worked out from the fixture posts themselves. */
    private static Map<String, LanguageCounts> expectedLanguages(
            java.util.function.Predicate<StoredPost> keep) {
        Map<String, LanguageCounts> out = new java.util.TreeMap<>();
        for (StoredPost p : StoreFixtures.posts()) {
            if (!keep.test(p)) {
                continue;
            }
            var r = p.post().sentiment();
            java.util.Set<String> langs = new java.util.TreeSet<>();
            for (String tag : p.post().post().langs()) {
                langs.add(dev.undertone.core.decode.Langs.primary(tag));
            }
            if (langs.isEmpty()) {
                langs.add(LanguageCounts.NO_LANGUAGE);
            }
            Map<Sentiment, Long> one = r.isScored() ? Map.of(r.sentiment(), 1L) : Map.of();
            for (String l : langs) {
                out.merge(
                        l, new LanguageCounts(1, one, r.isScored() ? 0 : 1), LanguageCounts::plus);
            }
        }
        return out;
    }

    @Test
    void summaryCountsEachLanguageBySentiment() {
        Summary all = store.summary(PostFilter.ALL);
        // Worked out by hand from StoreFixtures: nine English posts (one en-US), one each of
        // de (unsupported), es (mixed), fr (unsupported).
        assertThat(all.languages()).containsOnlyKeys("de", "en", "es", "fr");
        LanguageCounts en = all.languages().get("en");
        assertThat(en.total()).isEqualTo(9);
        assertThat(en.sentiment())
                .containsExactly(
                        entry(Sentiment.POSITIVE, 3L),
                        entry(Sentiment.NEGATIVE, 2L),
                        entry(Sentiment.NEUTRAL, 2L),
                        entry(Sentiment.MIXED, 1L));
        assertThat(en.unscored()).isEqualTo(1);
        assertThat(all.languages().get("es").count(Sentiment.MIXED)).isEqualTo(1);
        assertThat(all.languages().get("de").unscored()).isEqualTo(1);
        assertThat(all.languages()).isEqualTo(expectedLanguages(p -> true));
        // A filter that keeps every post counts through the other code path: the same counts.
        Summary filtered = store.summary(filter("from", T0.minusSeconds(3600).toString()));
        assertThat(filtered.languages()).isEqualTo(all.languages());
    }

    @Test
    void languageCountsFollowTheFilter() {
        Summary unscored = store.summary(filter("sentiment", "unscored"));
        assertThat(unscored.languages())
                .isEqualTo(expectedLanguages(p -> !p.post().sentiment().isScored()));
        assertThat(unscored.languages()).containsOnlyKeys("de", "en", "fr");
        Summary bluesky = store.summary(filter("source", "bluesky"));
        assertThat(bluesky.languages())
                .isEqualTo(
                        expectedLanguages(
                                p ->
                                        p.post().post().source()
                                                == dev.undertone.core.post.PostSource.BLUESKY));
    }

    @Test
    void summaryAppliesEachFilterPart() {
        Function<PostFilter, Long> total = f -> store.summary(f).total();

        assertThat(total.apply(filter("track", "climate"))).isEqualTo(8);
        assertThat(total.apply(filter("track", "Football"))).isEqualTo(5);
        assertThat(total.apply(filter("track", "climate,football"))).isEqualTo(12);
        assertThat(total.apply(filter("sentiment", "positive"))).isEqualTo(3);
        assertThat(total.apply(filter("sentiment", "unscored"))).isEqualTo(3);
        assertThat(total.apply(filter("sentiment", "NEGATIVE,mixed"))).isEqualTo(4);
        assertThat(total.apply(filter("lang", "en"))).as("en matches en-US").isEqualTo(9);
        assertThat(total.apply(filter("lang", "en-US"))).isEqualTo(1);
        assertThat(total.apply(filter("lang", "de,fr"))).isEqualTo(2);
        assertThat(total.apply(filter("source", "bluesky"))).isEqualTo(6);
        assertThat(total.apply(filter("source", "x,mastodon"))).isEqualTo(5);
        assertThat(total.apply(filter("from", T0.plusSeconds(600).toString()))).isEqualTo(6);
        assertThat(total.apply(filter("to", T0.plusSeconds(600).toString()))).isEqualTo(6);
        assertThat(total.apply(filter("q", "climate"))).isEqualTo(5);
    }

    @Test
    void filterPartsCombineWithAnd() {
        PostFilter f =
                PostFilter.parse(
                        Map.of("track", "climate", "sentiment", "positive", "source", "bluesky")
                                ::get);

        Summary s = store.summary(f);

        assertThat(s.total()).isEqualTo(1);
        assertThat(s.count(Sentiment.POSITIVE)).isEqualTo(1);
    }

    @Test
    void postsAreNewestFirstWithTheTotalAndTheLimitApplied() {
        PostPage page = store.posts(filter("track", "climate"), 3);

        assertThat(page.total()).isEqualTo(8);
        assertThat(page.posts())
                .extracting(p -> p.post().post().id())
                .containsExactly("p40", "p38", "p31");
    }

    @Test
    void postsComeBackWithEveryFieldAsStored() {
        List<StoredPost> expected = StoreFixtures.posts();

        List<StoredPost> got = store.posts(PostFilter.ALL, 100).posts();

        assertThat(got).hasSize(expected.size());
        assertThat(got.get(got.size() - 1)).isEqualTo(expected.get(0));
        assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void fullTextMatchesWordsAndPhrasesCaseInsensitively() {
        assertThat(store.posts(filter("q", "GREAT"), 10).posts())
                .extracting(p -> p.post().post().id())
                .containsExactly("p38", "p7", "p0");
        assertThat(store.posts(filter("q", "\"total disaster\""), 10).posts())
                .extracting(p -> p.post().post().id())
                .containsExactly("p1");
        assertThat(store.posts(filter("q", "climate -great"), 10).total()).isEqualTo(3);
        assertThat(store.posts(filter("q", "<script>"), 10).posts())
                .extracting(p -> p.post().post().id())
                .containsExactly("p31");
    }

    @Test
    void timelineCountsEachSentimentPerBucketWithEmptyBucketsKept() {
        Timeline t = store.timeline(PostFilter.ALL, Duration.ofMinutes(10));

        assertThat(t.interval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(t.buckets())
                .extracting(Timeline.Bucket::start)
                .containsExactly(
                        T0,
                        T0.plusSeconds(600),
                        T0.plusSeconds(1200),
                        T0.plusSeconds(1800),
                        T0.plusSeconds(2400));
        assertThat(counts(t.buckets().get(0))).containsExactly(2L, 1L, 1L, 1L, 1L);
        assertThat(counts(t.buckets().get(1))).containsExactly(0L, 1L, 0L, 0L, 0L);
        assertThat(counts(t.buckets().get(2))).containsExactly(0L, 0L, 0L, 0L, 2L);
        assertThat(counts(t.buckets().get(3))).containsExactly(1L, 0L, 1L, 0L, 0L);
        assertThat(counts(t.buckets().get(4))).containsExactly(0L, 0L, 0L, 1L, 0L);
    }

    @Test
    void timelineCoversTheFilterRangeEvenWhereNothingMatches() {
        Instant from = T0.minusSeconds(3600);
        PostFilter f = filter("sentiment", "negative").withRange(from, T0.plusSeconds(3600));

        Timeline t = store.timeline(f, Duration.ofMinutes(30));

        assertThat(t.from()).isEqualTo(from);
        assertThat(t.to()).isEqualTo(T0.plusSeconds(3600));
        assertThat(t.buckets()).hasSize(4);
        assertThat(t.buckets().stream().mapToLong(b -> b.count("NEGATIVE")).sum()).isEqualTo(2);
        assertThat(t.buckets().get(2).count("NEGATIVE")).isEqualTo(2);
    }

    @Test
    void timelineChoosesAnIntervalWhenNoneIsGiven() {
        Timeline t = store.timeline(PostFilter.ALL, null);

        assertThat(t.buckets()).hasSizeBetween(2, TimelinePlan.AUTO_TARGET_BUCKETS);
        assertThat(t.buckets().stream().mapToLong(b -> total(b)).sum()).isEqualTo(12);
    }

    @Test
    void timelineOfNothingHasNoBuckets() {
        Timeline t = store.timeline(filter("q", "nosuchwordanywhere"), Duration.ofMinutes(1));

        assertThat(t.buckets()).isEmpty();
    }

    @Test
    void trackTimelinesCountEachTracksPostsOnOnePlanAndAPostOfTwoTracksInEach() {
        List<Timeline> t =
                store.trackTimelines(
                        PostFilter.ALL, List.of("climate", "Football"), Duration.ofMinutes(10));

        // climate: minutes 0 pos, 1 neg, 2 neutral, 5 unscored, 25 unscored, 31 neutral, 38 pos,
        // 40 mixed; football: 7 pos, 9 mixed, 12 neg, 20 unscored, 38 pos (p38 has both tracks).
        assertThat(t).hasSize(2);
        for (Timeline tl : t) {
            assertThat(tl.interval()).isEqualTo(Duration.ofMinutes(10));
            assertThat(tl.from()).isEqualTo(T0);
            assertThat(tl.to()).isEqualTo(T0.plusSeconds(3000));
        }
        assertThat(t.get(0).buckets().stream().map(PostStoreContract::counts))
                .containsExactly(
                        List.of(1L, 1L, 1L, 0L, 1L),
                        List.of(0L, 0L, 0L, 0L, 0L),
                        List.of(0L, 0L, 0L, 0L, 1L),
                        List.of(1L, 0L, 1L, 0L, 0L),
                        List.of(0L, 0L, 0L, 1L, 0L));
        assertThat(t.get(1).buckets().stream().map(PostStoreContract::counts))
                .containsExactly(
                        List.of(1L, 0L, 0L, 1L, 0L),
                        List.of(0L, 1L, 0L, 0L, 0L),
                        List.of(0L, 0L, 0L, 0L, 1L),
                        List.of(1L, 0L, 0L, 0L, 0L),
                        List.of(0L, 0L, 0L, 0L, 0L));
    }

    @Test
    void trackTimelinesKeepTheFiltersRangeToTheMillisecondInsideAlignedBuckets() {
        // From minute 3 to 39: the first bucket starts at T0 but holds only minutes 3 to 9.
        PostFilter f = PostFilter.ALL.withRange(T0.plusSeconds(180), T0.plusSeconds(39 * 60));

        List<Timeline> t =
                store.trackTimelines(f, List.of("climate", "football"), Duration.ofMinutes(10));

        assertThat(t.get(0).from()).isEqualTo(T0);
        assertThat(t.get(0).to()).isEqualTo(T0.plusSeconds(2400));
        assertThat(t.get(0).buckets().stream().map(PostStoreContract::counts))
                .containsExactly(
                        List.of(0L, 0L, 0L, 0L, 1L),
                        List.of(0L, 0L, 0L, 0L, 0L),
                        List.of(0L, 0L, 0L, 0L, 1L),
                        List.of(1L, 0L, 1L, 0L, 0L));
        assertThat(t.get(1).buckets().stream().map(PostStoreContract::counts))
                .containsExactly(
                        List.of(1L, 0L, 0L, 1L, 0L),
                        List.of(0L, 1L, 0L, 0L, 0L),
                        List.of(0L, 0L, 0L, 0L, 1L),
                        List.of(1L, 0L, 0L, 0L, 0L));
    }

    @Test
    void trackTimelinesPlanOverThePostsOfAnyOfTheTracksThatTheFilterKeeps() {
        // The negative posts: p1 (climate, minute 1) and p12 (football, minute 12). A span of 11
        // minutes gets 15 s buckets (the finest giving at most 120), from minute 1 to minute 12.
        List<Timeline> t =
                store.trackTimelines(
                        filter("sentiment", "negative"), List.of("football", "climate"), null);

        for (Timeline tl : t) {
            assertThat(tl.interval()).isEqualTo(Duration.ofSeconds(15));
            assertThat(tl.from()).isEqualTo(T0.plusSeconds(60));
            assertThat(tl.buckets()).hasSize(45);
        }
        assertThat(t.get(0).buckets().get(44).count("NEGATIVE")).isEqualTo(1);
        assertThat(t.get(0).buckets().stream().mapToLong(PostStoreContract::total).sum())
                .isEqualTo(1);
        assertThat(t.get(1).buckets().get(0).count("NEGATIVE")).isEqualTo(1);
        assertThat(t.get(1).buckets().stream().mapToLong(PostStoreContract::total).sum())
                .isEqualTo(1);
    }

    @Test
    void trackTimelinesOfNothingHaveNoBuckets() {
        List<Timeline> none =
                store.trackTimelines(
                        filter("q", "nosuchwordanywhere"),
                        List.of("climate", "football"),
                        Duration.ofMinutes(1));
        List<Timeline> unknown =
                store.trackTimelines(PostFilter.ALL, List.of("nosuchtrack"), Duration.ofMinutes(1));

        assertThat(none).hasSize(2).allSatisfy(tl -> assertThat(tl.buckets()).isEmpty());
        assertThat(unknown).hasSize(1).allSatisfy(tl -> assertThat(tl.buckets()).isEmpty());
    }

    @Test
    void termsCountLowerCasedHashtagsOverallAndPerSentiment() {
        TopTerms t = store.terms(PostFilter.ALL, TermField.HASHTAGS, 3);

        assertThat(t.overall())
                .containsExactly(
                        new TermCount("climate", 3),
                        new TermCount("football", 3),
                        new TermCount("greendeal", 1));
        assertThat(t.bySentiment().get("POSITIVE"))
                .containsExactly(
                        new TermCount("climate", 2),
                        new TermCount("football", 1),
                        new TermCount("greendeal", 1));
        assertThat(t.bySentiment().get("UNSCORED")).containsExactly(new TermCount("klima", 1));
        assertThat(t.bySentiment()).containsKeys("NEGATIVE", "NEUTRAL", "MIXED");
    }

    @Test
    void termsCountContentWordsWithoutStopWordsAndRespectTheFilter() {
        TopTerms t = store.terms(filter("sentiment", "positive"), TermField.WORDS, 2);

        assertThat(t.overall())
                .containsExactly(new TermCount("great", 3), new TermCount("action", 1));
        assertThat(t.bySentiment().get("NEGATIVE")).isEmpty();
        assertThat(store.terms(PostFilter.ALL, TermField.WORDS, 50).overall())
                .extracting(TermCount::term)
                .doesNotContain("the", "and", "was");
    }

    @Test
    void termsCountMentions() {
        TopTerms t = store.terms(PostFilter.ALL, TermField.MENTIONS, 10);

        assertThat(t.overall())
                .containsExactly(new TermCount("alice.bsky.social", 1), new TermCount("club", 1));
    }

    @Test
    void exportStreamsEveryMatchOldestFirst() throws Exception {
        List<String> ids = new ArrayList<>();

        long n = store.export(filter("track", "climate"), p -> ids.add(p.post().post().id()));

        assertThat(n).isEqualTo(8);
        assertThat(ids).containsExactly("p0", "p1", "p2", "p5", "p25", "p31", "p38", "p40");
    }

    private static List<Long> counts(Timeline.Bucket b) {
        return PostFilter.SENTIMENT_VALUES.stream().map(b::count).toList();
    }

    private static long total(Timeline.Bucket b) {
        return counts(b).stream().mapToLong(Long::longValue).sum();
    }
}
