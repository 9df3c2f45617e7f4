package dev.undertone.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.undertone.app.store.lucene.LuceneIndex;
import dev.undertone.app.store.lucene.LuceneIndexConfig;
import dev.undertone.core.index.IndexFields;
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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --retain}: old posts leave the committed index, the data directory is locked. */
class IndexRetentionTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir Path data;

    private static PostWrite upsert(String id, Instant created) {
        Post p =
                TestPosts.post(PostSource.FILE, id, created, "text of " + id)
                        .author("a", null)
                        .langs(List.of("en"))
                        .build();
        return new PostWrite.Upsert(
                new ScoredPost(
                        p,
                        SentimentResult.scored(
                                Sentiment.NEUTRAL, new SentimentScores(0.1, 0.1, 0.7, 0.1)),
                        "test-1",
                        created));
    }

    private Set<String> committedKeys() throws Exception {
        Set<String> keys = new HashSet<>();
        try (var dir = FSDirectory.open(DataDir.indexPath(data));
                DirectoryReader r = DirectoryReader.open(dir)) {
            var stored = r.storedFields();
            for (int i = 0; i < r.maxDoc(); i++) {
                keys.add(stored.document(i).get(IndexFields.KEY));
            }
            return r.numDocs() == keys.size() ? keys : Set.of("(deleted documents left)");
        }
    }

    @Test
    void removesPostsOlderThanTheRetentionAndCommits() throws Exception {
        // 8 days old and 6 days old against a 7-day retention.
        try (LuceneIndex index =
                LuceneIndex.open(DataDir.indexPath(data), LuceneIndexConfig.DEFAULTS, CLOCK)) {
            index.apply(
                    List.of(
                            upsert("old1", NOW.minus(Duration.ofDays(8))),
                            upsert("old2", NOW.minus(Duration.ofDays(8))),
                            upsert("new1", NOW.minus(Duration.ofDays(6))),
                            upsert("new2", NOW.minusSeconds(60))),
                    1);
            index.commit();
        }
        assertThat(committedKeys()).hasSize(4);

        try (IndexRetention retention = IndexRetention.start(data, Duration.ofDays(7), CLOCK)) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () ->
                                    assertThat(committedKeys())
                                            .containsExactlyInAnyOrder("file:new1", "file:new2"));
            // It holds the data directory: no pipeline can write it meanwhile.
            assertThatThrownBy(() -> DataDir.openForWriting(data))
                    .isInstanceOf(PipelineException.class);
        }
        DataDir.openForWriting(data).close();
    }
}
