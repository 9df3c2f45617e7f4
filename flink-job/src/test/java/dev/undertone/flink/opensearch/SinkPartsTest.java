package dev.undertone.flink.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.undertone.core.index.opensearch.IndexRotation;
import dev.undertone.core.index.opensearch.PostJson;
import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.post.TestPosts;
import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.core.stage.PostWrite;
import dev.undertone.flink.IndexChange;
import dev.undertone.opensearch.BulkAction;
import dev.undertone.opensearch.OpenSearchConfig;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;

class SinkPartsTest {
    private static final Instant CREATED = Instant.parse("2025-02-03T04:05:06Z");
    private static final Instant NOW = Instant.parse("2025-02-04T00:00:00Z");

    private static ScoredPost post(String id, String text) {
        Post p =
                TestPosts.post(PostSource.X, id, CREATED, text)
                        .author("a", null)
                        .langs(List.of("en"))
                        .build();
        return new ScoredPost(p, SentimentResult.unscored("empty_text"), "m-1", NOW);
    }

    @Test
    void anIndexedPostBecomesAVersionedIndexActionOnItsKeyWithItsContentWords() throws Exception {
        IndexChangeConverter c =
                new IndexChangeConverter(OpenSearchConfig.of("http://h:1", "posts"));

        BulkAction a =
                c.convert(
                        new IndexChange(
                                new PostWrite.Upsert(post("1", "wonderful sunny weather")), 7),
                        NOW);

        assertThat(a.op()).isEqualTo(BulkAction.Op.INDEX);
        assertThat(a.index()).isEqualTo("posts");
        assertThat(a.id()).isEqualTo("x:1");
        assertThat(a.version()).isEqualTo(7);
        var doc = PostJson.mapper().readTree(a.source());
        assertThat(doc.get("indexed_at").asText()).isEqualTo(NOW.toString());
        assertThat(doc.get("words")).extracting(n -> n.asText()).contains("wonderful", "sunny");
    }

    @Test
    void rotationPicksTheIndexOfThePostsCreationDayAndDeletesByKeyAcrossIndices() {
        IndexChangeConverter c =
                new IndexChangeConverter(
                        OpenSearchConfig.of("http://h:1", "posts").withRotation(IndexRotation.DAY));

        assertThat(c.convert(new IndexChange(new PostWrite.Upsert(post("1", "t")), 1), NOW).index())
                .isEqualTo("posts-2025-02-03");
        BulkAction del = c.convert(new IndexChange(new PostWrite.Delete("x:1"), 2), NOW);
        assertThat(del.op()).isEqualTo(BulkAction.Op.DELETE_BY_KEY);
        assertThat(del.index()).isEqualTo("posts");
        assertThat(new String(del.source(), StandardCharsets.UTF_8)).isEqualTo("x:1");
    }

    @Test
    void withoutRotationADeleteIsAVersionedBulkDelete() {
        IndexChangeConverter c =
                new IndexChangeConverter(OpenSearchConfig.of("http://h:1", "posts"));

        BulkAction del = c.convert(new IndexChange(new PostWrite.Delete("x:1"), 9), NOW);

        assertThat(del.op()).isEqualTo(BulkAction.Op.DELETE);
        assertThat(del.version()).isEqualTo(9);
    }

    @Test
    void theVersionIsThePostsRevisionWhenItsSourceGivesOneElseTheKafkaOffset() {
        ScoredPost plain = post("1", "t");
        ScoredPost revised =
                new ScoredPost(
                        plain.post().withRevision(1_850_000_000_000_000_000L),
                        plain.sentiment(),
                        plain.modelId(),
                        plain.scoredAt());

        assertThat(IndexChange.of(new PostWrite.Upsert(plain), 41).version()).isEqualTo(41);
        assertThat(IndexChange.of(new PostWrite.Upsert(revised), 41).version())
                .isEqualTo(1_850_000_000_000_000_000L);
        assertThat(IndexChange.of(new PostWrite.Delete("x:1", 77), 42).version()).isEqualTo(77);
        assertThat(IndexChange.of(new PostWrite.Delete("x:1"), 43).version()).isEqualTo(43);
    }

    @Test
    void aPurgeIsADeleteByQueryOnTheAccountAcrossTheAlias() {
        IndexChangeConverter c =
                new IndexChangeConverter(
                        OpenSearchConfig.of("http://h:1", "posts").withRotation(IndexRotation.DAY));

        BulkAction purge =
                c.convert(
                        IndexChange.of(
                                new PostWrite.PurgeAccount(PostSource.BLUESKY, "did:plc:gone"), 5),
                        NOW);

        assertThat(purge.op()).isEqualTo(BulkAction.Op.DELETE_BY_AUTHOR);
        assertThat(purge.op().byQuery()).isTrue();
        assertThat(purge.index()).isEqualTo("posts");
        assertThat(purge.id()).isEqualTo("bluesky:did:plc:gone");
        assertThat(new String(purge.source(), StandardCharsets.UTF_8))
                .isEqualTo("bluesky\ndid:plc:gone");
        assertThat(purge.version()).isEqualTo(BulkAction.NO_VERSION);
    }

    @Test
    void bufferedActionsSurviveTheCheckpointRoundTrip() throws Exception {
        BulkAction a =
                BulkAction.index("posts", "x:1", "{\"a\":1}".getBytes(StandardCharsets.UTF_8))
                        .withVersion(3)
                        .failedAt(1234);
        BulkAction b = BulkAction.deleteByKey("posts", "x:2");
        var deque = new ArrayDeque<RequestEntryWrapper<BulkAction>>();
        deque.add(new RequestEntryWrapper<>(a, a.sizeInBytes()));
        deque.add(new RequestEntryWrapper<>(b, b.sizeInBytes()));
        BulkActionStateSerializer s = new BulkActionStateSerializer();

        BufferedRequestState<BulkAction> back =
                s.deserialize(
                        s.getVersion(),
                        s.serialize(new BufferedRequestState<>(List.copyOf(deque))));

        assertThat(back.getBufferedRequestEntries())
                .extracting(RequestEntryWrapper::getRequestEntry)
                .containsExactly(a, b);
    }
}
