package dev.undertone.app.store.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.undertone.app.store.PostFilter;
import dev.undertone.app.store.StoreFixtures;
import dev.undertone.app.store.StoredPost;
import dev.undertone.core.index.ContentWords;
import dev.undertone.core.index.opensearch.BulkAction;
import dev.undertone.core.index.opensearch.BulkWriter;
import dev.undertone.core.index.opensearch.IndexRotation;
import dev.undertone.core.index.opensearch.IndexSetup;
import dev.undertone.core.index.opensearch.OpenSearchClient;
import dev.undertone.core.index.opensearch.OpenSearchConfig;
import dev.undertone.core.index.opensearch.PostJson;
import dev.undertone.core.index.opensearch.RetryAction;
import dev.undertone.core.post.Post;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.testkit.OpenSearchNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Time-based rotation on a real node: posts land in one index per day through the template, the
 * store reads them all through the alias, re-writes stay in their day's index, and a delete by key
 * finds a post whichever index holds it.
 */
class RotatedIndicesIT {
    private static OpenSearchNode node;

    @BeforeAll
    static void startNode() {
        node = OpenSearchNode.start();
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    private static BulkAction upsert(OpenSearchConfig c, ScoredPost p) {
        byte[] doc =
                PostJson.toDocument(p, p.scoredAt(), ContentWords.of(p.post().text()))
                        .toString()
                        .getBytes(StandardCharsets.UTF_8);
        return BulkAction.index(
                IndexSetup.writeIndex(c, p.post().createdAt()), p.post().key(), doc);
    }

    private static ScoredPost daysLater(ScoredPost s, int days) {
        Post p = s.post();
        Post moved =
                new Post(
                        p.source(),
                        p.id() + "-d" + days,
                        p.createdAt().plus(Duration.ofDays(days)),
                        p.authorHandle(),
                        p.authorId(),
                        p.text(),
                        p.langs(),
                        p.url(),
                        p.hashtags(),
                        p.mentions(),
                        p.reply(),
                        p.repost(),
                        p.quote(),
                        p.tracks());
        return new ScoredPost(moved, s.sentiment(), s.modelId(), s.scoredAt());
    }

    @Test
    void postsSpreadOverDailyIndicesAreReadThroughTheAliasAndDeletedByKey() throws Exception {
        OpenSearchConfig c =
                OpenSearchConfig.of(node.url(), "rotated").withRotation(IndexRotation.DAY);
        OpenSearchClient client = new OpenSearchClient(c);
        IndexSetup.ensure(client, 1, 0);
        BulkWriter writer = new BulkWriter(client);
        List<ScoredPost> posts = new ArrayList<>();
        for (StoredPost s : StoreFixtures.posts()) {
            posts.add(s.post());
            posts.add(daysLater(s.post(), 1));
        }
        List<BulkAction> actions = new ArrayList<>();
        posts.forEach(p -> actions.add(upsert(c, p)));
        assertThat(writer.write(actions)).isEqualTo(new RetryAction.Success());
        // a replay of the same posts overwrites in place
        assertThat(writer.write(actions)).isEqualTo(new RetryAction.Success());
        client.call("refreshing", "POST", "/rotated/_refresh", null);

        assertThat(
                        client.call(
                                "listing",
                                "GET",
                                "/_cat/indices/rotated-*?h=index&format=json",
                                null))
                .extracting(n -> n.get("index").asText())
                .containsExactlyInAnyOrder("rotated-2025-03-01", "rotated-2025-03-02");
        try (OpenSearchPostStore store = new OpenSearchPostStore(client)) {
            assertThat(store.summary(PostFilter.ALL).total()).isEqualTo(posts.size());

            String gone = posts.get(1).post().key();
            assertThat(writer.write(List.of(BulkAction.deleteByKey("rotated", gone))))
                    .isEqualTo(new RetryAction.Success());
            client.call("refreshing", "POST", "/rotated/_refresh", null);

            assertThat(store.summary(PostFilter.ALL).total()).isEqualTo(posts.size() - 1);
            assertThat(store.posts(PostFilter.ALL, 100).posts())
                    .noneMatch(p -> p.post().post().key().equals(gone));
        }
    }
}
