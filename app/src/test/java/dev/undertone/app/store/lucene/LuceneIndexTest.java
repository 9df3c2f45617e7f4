package dev.undertone.app.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.undertone.app.store.IndexListener;
import dev.undertone.app.store.PostMark;
import dev.undertone.app.store.WriteCounts;
import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.post.TestPosts;
import dev.undertone.core.sentiment.Sentiment;
import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.core.sentiment.SentimentScores;
import dev.undertone.core.stage.PostWrite;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneIndexTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final int POSTS = 3000;
    private static final int BATCH = 100;

    @TempDir Path dir;

    /** The upsert of a post scored neutral by the model {@code test-1}. */
    private static PostWrite neutral(Post p) {
        return new PostWrite.Upsert(
                new ScoredPost(
                        p,
                        SentimentResult.scored(
                                Sentiment.NEUTRAL, new SentimentScores(0.1, 0.1, 0.7, 0.1)),
                        "test-1",
                        T0));
    }

    private static List<PostWrite> upserts(int from, int to) {
        List<PostWrite> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Post p =
                    TestPosts.post(PostSource.FILE, "p" + i, T0, "text " + i)
                            .author("a", null)
                            .langs(List.of("en"))
                            .build();
            out.add(neutral(p));
        }
        return out;
    }

    private int liveDocs() throws Exception {
        try (var d = FSDirectory.open(dir);
                DirectoryReader r = DirectoryReader.open(d)) {
            return r.numDocs();
        }
    }

    @Test
    void postsSeenAgainAreUpdatedNotDuplicatedWhileRefreshesOverlapWritesAndTheKeyFilterFills()
            throws Exception {
        long offset = 0;
        try (LuceneIndex index =
                LuceneIndex.openWithKeyCapacity(
                        dir, LuceneIndexConfig.DEFAULTS, Clock.systemUTC(), 1024)) {
            for (int from = 0; from < POSTS; from += 2 * BATCH) {
                index.apply(upserts(from, from + BATCH), ++offset);
                // As in the processor: the refresh runs on another thread and the next batch is
                // written before its completion is handled.
                LuceneIndex.RefreshTicket ticket = index.beginRefresh();
                index.refreshSearchers();
                index.apply(upserts(from + BATCH, from + 2 * BATCH), ++offset);
                index.completeRefresh(ticket);
            }
            WriteCounts again = index.apply(upserts(0, POSTS), ++offset);
            assertThat(again).isEqualTo(new WriteCounts(0, POSTS, 0));
            index.refresh();
        }
        assertThat(liveDocs()).isEqualTo(POSTS);
    }

    @Test
    void theCommitRecordsTheJournalOffsetAndAReopenedIndexResumesFromIt() throws Exception {
        try (LuceneIndex index =
                LuceneIndex.open(dir, LuceneIndexConfig.DEFAULTS, Clock.systemUTC())) {
            assertThat(index.committedOffset()).isZero();
            index.apply(upserts(0, 10), 42);
            index.commit();
            index.apply(upserts(10, 20), 50);
        }
        try (LuceneIndex index =
                LuceneIndex.open(dir, LuceneIndexConfig.DEFAULTS, Clock.systemUTC())) {
            // close() commits what was applied, with its offset.
            assertThat(index.committedOffset()).isEqualTo(50);
            assertThat(index.apply(upserts(0, 20), 60)).isEqualTo(new WriteCounts(0, 20, 0));
        }
        try (var d = FSDirectory.open(dir)) {
            Map<String, String> data = DirectoryReader.listCommits(d).get(0).getUserData();
            assertThat(data).containsEntry(LuceneIndex.JOURNAL_OFFSET, "60");
        }
    }

    @Test
    void eachRefreshHandsOverOnlyWhatTheListenerReads() throws Exception {
        try (LuceneIndex index =
                LuceneIndex.open(dir, LuceneIndexConfig.DEFAULTS, Clock.systemUTC())) {
            index.apply(upserts(0, 4), 1);
            index.refresh();

            // The alert monitor reads marks only: neither the posts nor the deletes are kept.
            index.publishing(IndexListener.Detail.MARKS);
            List<PostWrite> writes = new ArrayList<>(tracked(4, 7, "climate"));
            writes.add(new PostWrite.Delete("file:p0"));
            index.apply(writes, 2);
            LuceneIndex.Refreshed marks = index.refresh();
            assertThat(marks.marks())
                    .containsExactly(
                            new PostMark(T0.plusSeconds(4), List.of("climate")),
                            new PostMark(T0.plusSeconds(5), List.of("climate")),
                            new PostMark(T0.plusSeconds(6), List.of("climate")));
            assertThat(marks.posts()).isEmpty();
            assertThat(marks.deletedKeys()).isEmpty();

            // The live feed reads everything.
            index.publishing(IndexListener.Detail.POSTS);
            writes = new ArrayList<>(tracked(7, 8, "football"));
            writes.add(new PostWrite.Delete("file:p1"));
            index.apply(writes, 3);
            LuceneIndex.Refreshed all = index.refresh();
            assertThat(all.marks())
                    .containsExactly(new PostMark(T0.plusSeconds(7), List.of("football")));
            assertThat(all.posts()).extracting(sp -> sp.post().key()).containsExactly("file:p7");
            assertThat(all.deletedKeys()).containsExactly("file:p1");

            // Nobody listening: nothing is kept.
            index.publishing(IndexListener.Detail.NOTHING);
            writes = new ArrayList<>(tracked(8, 9, "climate"));
            writes.add(new PostWrite.Delete("file:p2"));
            index.apply(writes, 4);
            LuceneIndex.Refreshed none = index.refresh();
            assertThat(none.marks()).isEmpty();
            assertThat(none.posts()).isEmpty();
            assertThat(none.deletedKeys()).isEmpty();
        }
        assertThat(liveDocs()).isEqualTo(9 - 3);
    }

    /** Posts {@code from} to {@code to} - 1 of one track, post i created i seconds after T0. */
    private static List<PostWrite> tracked(int from, int to, String track) {
        List<PostWrite> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Post p =
                    TestPosts.post(PostSource.FILE, "p" + i, T0.plusSeconds(i), track + " " + i)
                            .author("a", null)
                            .langs(List.of("en"))
                            .tracks(List.of(track))
                            .build();
            out.add(neutral(p));
        }
        return out;
    }
}
