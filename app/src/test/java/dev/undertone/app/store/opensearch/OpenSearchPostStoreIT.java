package dev.undertone.app.store.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.undertone.app.store.PostFilter;
import dev.undertone.app.store.PostStore;
import dev.undertone.app.store.PostStoreContract;
import dev.undertone.app.store.StoreException;
import dev.undertone.app.store.StoreFixtures;
import dev.undertone.app.store.StoredPost;
import dev.undertone.core.index.ContentWords;
import dev.undertone.core.index.opensearch.IndexRotation;
import dev.undertone.core.index.opensearch.PostJson;
import dev.undertone.core.post.Post;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.post.TestPosts;
import dev.undertone.opensearch.BulkAction;
import dev.undertone.opensearch.BulkWriter;
import dev.undertone.opensearch.IndexSetup;
import dev.undertone.opensearch.OpenSearchClient;
import dev.undertone.opensearch.OpenSearchConfig;
import dev.undertone.opensearch.RetryAction;
import dev.undertone.testkit.OpenSearchNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store contract on a real OpenSearch node, each test on a fresh index written through the
 * index template and the {@code _bulk} writer the Flink job uses.
 */
class OpenSearchPostStoreIT extends PostStoreContract {
    private static final AtomicInteger INDICES = new AtomicInteger();
    private static OpenSearchNode node;

    @BeforeAll
    static void startNode() {
        node = OpenSearchNode.start();
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Override
    protected PostStore storeWith(List<StoredPost> posts) throws Exception {
        OpenSearchConfig config =
                OpenSearchConfig.of(node.url(), "contract-" + INDICES.incrementAndGet());
        OpenSearchClient client = new OpenSearchClient(config);
        IndexSetup.ensure(client, 1, 0);
        List<BulkAction> actions = new ArrayList<>();
        for (StoredPost p : posts) {
            byte[] doc =
                    PostJson.toDocument(
                                    p.post(),
                                    p.indexedAt(),
                                    ContentWords.of(p.post().post().text()))
                            .toString()
                            .getBytes(StandardCharsets.UTF_8);
            actions.add(BulkAction.index(config.index(), p.post().post().key(), doc));
        }
        assertThat(new BulkWriter(client).write(actions)).isEqualTo(new RetryAction.Success());
        client.call("refreshing", "POST", "/" + config.index() + "/_refresh", null);
        return new OpenSearchPostStore(client);
    }

    @Test
    void theApiServesTheSameSummaryFromOpenSearch() throws Exception {
        try (PostStore store = storeWith(dev.undertone.app.store.StoreFixtures.posts());
                var feed = new dev.undertone.app.web.LiveFeed(new SimpleMeterRegistry());
                var server =
                        new dev.undertone.app.web.ApiServer(
                                store,
                                new SimpleMeterRegistry(),
                                feed,
                                java.util.Map::of,
                                new dev.undertone.app.web.ApiServerConfig(null, 0, null, false))) {
            int port = server.start();
            var response =
                    java.net.http.HttpClient.newHttpClient()
                            .send(
                                    java.net.http.HttpRequest.newBuilder(
                                                    java.net.URI.create(
                                                            "http://127.0.0.1:"
                                                                    + port
                                                                    + "/api/summary?track=climate"))
                                            .build(),
                                    java.net.http.HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            var json = PostJson.mapper().readTree(response.body());
            assertThat(json.get("total").asLong()).isEqualTo(8);
            var expected =
                    store.summary(PostFilter.parse(java.util.Map.of("track", "climate")::get));
            assertThat(json.at("/sentiment/POSITIVE").asLong())
                    .isEqualTo(expected.count(dev.undertone.core.sentiment.Sentiment.POSITIVE));
            assertThat(json.get("unscored").asLong()).isEqualTo(expected.unscored());
        }
    }

    @Test
    void aMissingIndexSaysWhatToStart() {
        try (PostStore store =
                OpenSearchPostStore.open(OpenSearchConfig.of(node.url(), "nothing-here"))) {
            assertThatThrownBy(() -> store.summary(PostFilter.ALL))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("no index 'nothing-here'")
                    .hasMessageContaining("Flink job");
        }
    }

    @Test
    void anUnreachableClusterIsAStoreErrorNamingIt() {
        try (PostStore store =
                OpenSearchPostStore.open(OpenSearchConfig.of("http://127.0.0.1:1", "p"))) {
            assertThatThrownBy(() -> store.summary(PostFilter.ALL))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("http://127.0.0.1:1");
        }
    }

    // Time-based rotation on the same node: one index per day through the template, read through
    // the alias, re-writes in place, and a delete by key finds the post in whichever index holds
    // it.
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
                TestPosts.post(
                                p.source(),
                                p.id() + "-d" + days,
                                p.createdAt().plus(Duration.ofDays(days)),
                                p.text())
                        .author(p.authorHandle(), p.authorId())
                        .langs(p.langs())
                        .url(p.url())
                        .hashtags(p.hashtags())
                        .mentions(p.mentions())
                        .tracks(p.tracks())
                        .reply(p.reply())
                        .repost(p.repost())
                        .quote(p.quote())
                        .build();
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
