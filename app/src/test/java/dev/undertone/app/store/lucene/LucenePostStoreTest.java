package dev.undertone.app.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.undertone.app.store.PostFilter;
import dev.undertone.app.store.PostStore;
import dev.undertone.app.store.PostStoreContract;
import dev.undertone.app.store.StoreException;
import dev.undertone.app.store.StoreFixtures;
import dev.undertone.app.store.StoredPost;
import dev.undertone.app.store.Timeline;
import dev.undertone.app.store.TimelinePlan;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.sentiment.Sentiment;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on a real Lucene index written the way the pipeline's writer writes it. */
class LucenePostStoreTest extends PostStoreContract {
    @TempDir Path dir;
    private Directory directory;
    private IndexWriter writer;
    private SearcherManager manager;

    @Override
    protected PostStore storeWith(List<StoredPost> posts) throws IOException {
        directory = FSDirectory.open(dir.resolve("index"));
        writer = new IndexWriter(directory, new IndexWriterConfig(PostDocuments.analyzer()));
        write(writer, posts);
        manager = new SearcherManager(writer, null);
        return new LucenePostStore(manager);
    }

    static void write(IndexWriter writer, List<StoredPost> posts) throws IOException {
        for (int i = 0; i < posts.size(); i++) {
            StoredPost p = posts.get(i);
            writer.updateDocument(
                    PostDocuments.keyTerm(p.post().post().key()),
                    PostDocuments.toDocument(p.post(), p.indexedAt()));
            if (i == posts.size() / 2) {
                // Two segments, so per-segment ordinals and merging are exercised.
                writer.commit();
            }
        }
        writer.commit();
    }

    @AfterEach
    void closeIndex() throws IOException {
        if (manager != null) {
            manager.close();
            writer.close();
            directory.close();
        }
    }

    @Test
    void postsWithoutALanguageCountAsUndAndOneWithTwoCountsUnderEach() throws IOException {
        StoredPost tagged = StoreFixtures.posts().get(0); // en, POSITIVE
        StoredPost none = StoreFixtures.posts().get(1); // en, NEGATIVE, retagged below
        StoredPost two = StoreFixtures.posts().get(2); // en-US, NEUTRAL, retagged below
        List<StoredPost> posts =
                List.of(tagged, retag(none, List.of()), retag(two, List.of("pt-BR", "es")));
        try (Directory d = FSDirectory.open(dir.resolve("languages"));
                IndexWriter w =
                        new IndexWriter(d, new IndexWriterConfig(PostDocuments.analyzer()))) {
            write(w, posts);
            try (LucenePostStore store = new LucenePostStore(new SearcherManager(w, null))) {
                for (PostFilter f :
                        List.of(
                                PostFilter.ALL,
                                PostFilter.parse(
                                        java.util.Map.of("from", "2000-01-01T00:00:00Z")::get))) {
                    var langs = store.summary(f).languages();
                    assertThat(langs).containsOnlyKeys("en", "und", "pt", "es");
                    assertThat(langs.get("en").count(Sentiment.POSITIVE)).isEqualTo(1);
                    assertThat(langs.get("und").total()).isEqualTo(1);
                    assertThat(langs.get("und").count(Sentiment.NEGATIVE)).isEqualTo(1);
                    assertThat(langs.get("pt").count(Sentiment.NEUTRAL)).isEqualTo(1);
                    assertThat(langs.get("es").count(Sentiment.NEUTRAL)).isEqualTo(1);
                    assertThat(langs.get("pt").total()).as("pt-BR counts once, as pt").isEqualTo(1);
                }
            }
        }
    }

    private static StoredPost retag(StoredPost p, List<String> langs) {
        var s = p.post();
        return new StoredPost(
                new ScoredPost(s.post().withLangs(langs), s.sentiment(), s.modelId(), s.scoredAt()),
                p.indexedAt());
    }

    @Test
    void aReadOnlyStoreSeesTheCommittedIndexAndLaterCommits() throws IOException {
        try (LucenePostStore ro = LucenePostStore.openReadOnly(dir.resolve("index"))) {
            assertThat(ro.summary(PostFilter.ALL).total()).isEqualTo(12);
        }
    }

    @Test
    void updatingAPostByKeyReplacesIt() throws IOException {
        StoredPost first = StoreFixtures.posts().get(0);
        writer.updateDocument(
                PostDocuments.keyTerm(first.post().post().key()),
                PostDocuments.toDocument(first.post(), first.indexedAt()));
        manager.maybeRefreshBlocking();

        try (LucenePostStore store = new LucenePostStore(manager)) {
            assertThat(store.summary(PostFilter.ALL).total()).isEqualTo(12);
        }
    }

    @Test
    void tracksCountsKeptPerSegmentFollowNewPostsAndDeletes() throws IOException {
        List<String> tracks = List.of("climate", "football");
        Duration tenMinutes = Duration.ofMinutes(10);
        try (LucenePostStore store = new LucenePostStore(manager)) {
            // The fixtures: 8 climate posts, 5 football posts, in two segments.
            assertThat(totals(store.trackTimelines(PostFilter.ALL, tracks, tenMinutes)))
                    .containsExactly(8L, 5L);
            assertThat(store.keptSegmentCounts()).isEqualTo(2);
            assertThat(totals(store.trackTimelines(PostFilter.ALL, tracks, tenMinutes)))
                    .containsExactly(8L, 5L);
            assertThat(store.keptSegmentCounts()).isEqualTo(2);

            // A new segment with one more football post, inside the same plan (minutes 0 to 40).
            StoredPost late =
                    StoreFixtures.post(
                            30,
                            PostSource.X,
                            "en",
                            "Late goal",
                            List.of("football"),
                            StoreFixtures.positive(0.9),
                            List.of(),
                            List.of());
            write(writer, List.of(late));
            manager.maybeRefreshBlocking();
            List<Timeline> after = store.trackTimelines(PostFilter.ALL, tracks, tenMinutes);
            assertThat(totals(after)).containsExactly(8L, 6L);
            assertThat(after.get(1).buckets().get(3).count("POSITIVE")).isEqualTo(2);
            assertThat(store.keptSegmentCounts()).isEqualTo(3);

            // A delete in an old segment (p1, climate): that segment is counted again.
            writer.deleteDocuments(
                    PostDocuments.keyTerm(StoreFixtures.posts().get(1).post().post().key()));
            manager.maybeRefreshBlocking();
            assertThat(totals(store.trackTimelines(PostFilter.ALL, tracks, tenMinutes)))
                    .containsExactly(7L, 6L);
        }
    }

    @Test
    void keptCountsAreBoundedAndTheTotalsStayExact() throws IOException {
        write(writer, List.of(StoreFixtures.posts().get(4))); // a third segment (p7 again)
        manager.maybeRefreshBlocking();
        TimelinePlan plan =
                TimelinePlan.of(
                        Duration.ofMinutes(10),
                        StoreFixtures.T0,
                        StoreFixtures.T0.plusSeconds(40 * 60));
        List<String> tracks = List.of("climate", "football");
        TrackTimelineCollector collector = new TrackTimelineCollector(plan, tracks);
        // Room for the counts of one segment only.
        SegmentCountCache cache = new SegmentCountCache(collector.size());
        IndexSearcher searcher = manager.acquire();
        try {
            assertThat(searcher.getIndexReader().leaves()).hasSize(3);
            for (int i = 0; i < 3; i++) {
                long[] counts =
                        cache.count(searcher, new MatchAllDocsQuery(), tracks, plan, collector);
                assertThat(totals(collector.timelines(counts))).containsExactly(8L, 5L);
                assertThat(cache.size()).isEqualTo(1);
            }
        } finally {
            manager.release(searcher);
        }
    }

    private static List<Long> totals(List<Timeline> timelines) {
        return timelines.stream()
                .map(
                        t ->
                                t.buckets().stream()
                                        .flatMap(b -> b.counts().values().stream())
                                        .mapToLong(Long::longValue)
                                        .sum())
                .toList();
    }

    @Test
    void openingAMissingIndexSaysWhatToRun() {
        assertThatThrownBy(() -> LucenePostStore.openReadOnly(dir.resolve("nothing")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("no index at")
                .hasMessageContaining("replay");
    }
}
