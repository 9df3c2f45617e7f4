package dev.undertone.app.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.undertone.app.store.WriteCounts;
import dev.undertone.core.index.IndexFields;
import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.sentiment.Sentiment;
import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.core.sentiment.SentimentScores;
import dev.undertone.core.stage.PostWrite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Revisions and account purges in a real index: an older version never replaces or removes a newer
 * one, a purge removes the account's posts (refreshed or not) and refuses its later ones until it
 * is restored, and both hold in what a crash leaves on disk.
 */
class LuceneIndexRevisionsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String ALICE = "did:plc:alice";
    private static final String BOB = "did:plc:bob";

    @TempDir Path tmp;

    private static PostWrite.Upsert upsert(String author, String id, String text, long revision) {
        Post p =
                new Post(
                                PostSource.BLUESKY,
                                author + "/" + id,
                                T0,
                                author + ".test",
                                author,
                                text,
                                List.of("en"),
                                null,
                                null,
                                null,
                                false,
                                false,
                                false,
                                null,
                                null)
                        .withRevision(revision);
        return new PostWrite.Upsert(
                new ScoredPost(
                        p,
                        SentimentResult.scored(
                                Sentiment.NEUTRAL, new SentimentScores(0.1, 0.1, 0.7, 0.1)),
                        "test-1",
                        T0));
    }

    private static String key(String author, String id) {
        return "bluesky:" + author + "/" + id;
    }

    private static LuceneIndex open(Path dir) throws Exception {
        return LuceneIndex.open(dir, LuceneIndexConfig.DEFAULTS, Clock.systemUTC());
    }

    /** Key to text of the live documents of the committed index in {@code dir}. */
    private static Map<String, String> stored(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (var d = FSDirectory.open(dir);
                DirectoryReader r = DirectoryReader.open(d)) {
            Bits live = MultiBits.getLiveDocs(r);
            for (int i = 0; i < r.maxDoc(); i++) {
                if (live == null || live.get(i)) {
                    var doc = r.storedFields().document(i);
                    out.put(doc.get(IndexFields.KEY), doc.get(IndexFields.TEXT));
                }
            }
        }
        return out;
    }

    @Test
    void anOlderVersionNeverReplacesOrRemovesANewerOneRefreshedOrNot() throws Exception {
        Path dir = tmp.resolve("index");
        try (LuceneIndex index = open(dir)) {
            // within one batch (not refreshed yet): the edit, then the create it edited
            WriteCounts first =
                    index.apply(
                            List.of(
                                    upsert(ALICE, "1", "edited", 20),
                                    upsert(ALICE, "1", "original", 10),
                                    new PostWrite.Delete(key(ALICE, "1"), 15)),
                            3);
            assertThat(first).isEqualTo(new WriteCounts(1, 0, 0, 0, 2, 0));
            index.refresh();
            // against the searchers: older create and delete ignored, newer delete applies
            assertThat(index.apply(List.of(upsert(ALICE, "1", "original", 10)), 4))
                    .isEqualTo(new WriteCounts(0, 0, 0, 0, 1, 0));
            assertThat(index.apply(List.of(upsert(ALICE, "2", "two", 5)), 5).indexed())
                    .isEqualTo(1);
            index.refresh();
            assertThat(
                            index.apply(
                                    List.of(
                                            new PostWrite.Delete(key(ALICE, "2"), 30),
                                            upsert(ALICE, "1", "edited again", 21)),
                                    6))
                    .isEqualTo(new WriteCounts(0, 1, 1, 0, 0, 0));
        }
        assertThat(stored(dir)).isEqualTo(Map.of(key(ALICE, "1"), "edited again"));
    }

    @Test
    void aPurgeRemovesTheAccountsPostsAndRefusesItsNewOnesUntilItIsRestored() throws Exception {
        Path dir = tmp.resolve("index");
        try (LuceneIndex index = open(dir)) {
            index.apply(
                    List.of(
                            upsert(ALICE, "1", "a1", 1),
                            upsert(BOB, "1", "b1", 1),
                            upsert(ALICE, "2", "a2", 1)),
                    3);
            index.refresh();
            // one of Alice's posts is searchable, the other written since the last refresh
            WriteCounts purge =
                    index.apply(
                            List.of(
                                    upsert(ALICE, "3", "a3", 1),
                                    new PostWrite.PurgeAccount(PostSource.BLUESKY, ALICE),
                                    upsert(ALICE, "4", "a4 after the purge", 2),
                                    new PostWrite.PurgeAccount(PostSource.BLUESKY, ALICE)),
                            7);
            assertThat(purge).isEqualTo(new WriteCounts(1, 0, 3, 1, 0, 1));
            assertThat(index.purgedAccounts()).containsExactly("bluesky:" + ALICE);
            LuceneIndex.Refreshed refreshed = index.refresh();
            assertThat(refreshed.deletedKeys())
                    .containsExactlyInAnyOrder(key(ALICE, "1"), key(ALICE, "2"), key(ALICE, "3"));
        }
        assertThat(stored(dir)).isEqualTo(Map.of(key(BOB, "1"), "b1"));

        // reopened: the purge is remembered, until the account is active again
        try (LuceneIndex index = open(dir)) {
            assertThat(index.committedOffset()).isEqualTo(7);
            assertThat(index.apply(List.of(upsert(ALICE, "5", "a5", 3)), 8).refused()).isEqualTo(1);
            index.apply(
                    List.of(
                            new PostWrite.RestoreAccount(PostSource.BLUESKY, ALICE),
                            upsert(ALICE, "6", "a6 back again", 4)),
                    10);
        }
        assertThat(stored(dir))
                .isEqualTo(Map.of(key(BOB, "1"), "b1", key(ALICE, "6"), "a6 back again"));
    }

    @Test
    void afterACrashBetweenAnEditAndAReplayedCreateTheEditStands() throws Exception {
        Path dir = tmp.resolve("index");
        Path crashed = tmp.resolve("crashed");
        LuceneIndex index = open(dir);
        try {
            index.apply(List.of(upsert(ALICE, "1", "original", 10)), 1);
            index.apply(List.of(upsert(ALICE, "1", "edited", 20)), 2);
            index.apply(List.of(new PostWrite.PurgeAccount(PostSource.BLUESKY, BOB)), 3);
            index.commit();
            // applied but not committed when the process dies
            index.apply(List.of(new PostWrite.RestoreAccount(PostSource.BLUESKY, BOB)), 4);
            // kill -9: what is on disk now is all a restart finds (the copy is that disk)
            copy(dir, crashed);
        } finally {
            index.close();
        }
        try (LuceneIndex restarted = open(crashed)) {
            assertThat(restarted.committedOffset()).isEqualTo(3);
            assertThat(restarted.purgedAccounts()).containsExactly("bluesky:" + BOB);
            // the source rewinds and sends the create again; the journal sends the restore again
            WriteCounts again =
                    restarted.apply(
                            List.of(
                                    new PostWrite.RestoreAccount(PostSource.BLUESKY, BOB),
                                    upsert(ALICE, "1", "original", 10),
                                    upsert(BOB, "1", "b1", 5)),
                            6);
            assertThat(again).isEqualTo(new WriteCounts(1, 0, 0, 0, 1, 0));
        }
        assertThat(stored(crashed))
                .isEqualTo(Map.of(key(ALICE, "1"), "edited", key(BOB, "1"), "b1"));
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().equals("write.lock")) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
    }
}
