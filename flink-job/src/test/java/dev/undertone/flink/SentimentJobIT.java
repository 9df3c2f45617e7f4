package dev.undertone.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.undertone.core.decode.JetstreamLines;
import dev.undertone.core.sentiment.SentimentModel;
import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.core.track.PostTracker;
import dev.undertone.flink.opensearch.OpenSearchSink;
import dev.undertone.flink.opensearch.OpenSearchSinkConfig;
import dev.undertone.opensearch.OpenSearchClient;
import dev.undertone.opensearch.OpenSearchConfig;
import dev.undertone.testkit.KafkaBroker;
import dev.undertone.testkit.OpenSearchNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The job on a MiniCluster at parallelism 2, between a real Kafka broker and a real OpenSearch
 * node.
 */
class SentimentJobIT {
    private static final int PARALLELISM = 2;

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(PARALLELISM)
                            .build());

    private static KafkaBroker kafka;
    private static OpenSearchNode node;
    private static OpenSearchClient http;

    @BeforeAll
    static void startServers() {
        kafka = KafkaBroker.start();
        node = OpenSearchNode.start();
        http = new OpenSearchClient(OpenSearchConfig.of(node.url(), "unused"));
    }

    @AfterAll
    static void stopServers() {
        node.close();
        kafka.close();
    }

    private record Topics(String raw, String scored, String dead, String index) {
        static Topics named(String test) {
            return new Topics(test + "-raw", test + "-scored", test + "-dead", test + "-posts");
        }
    }

    private static KafkaSource<RawEvent> source(Topics t, boolean bounded) {
        KafkaSourceBuilder<RawEvent> source =
                KafkaSource.<RawEvent>builder()
                        .setBootstrapServers(kafka.bootstrapServers())
                        .setTopics(t.raw())
                        .setGroupId(t.raw() + "-job")
                        .setStartingOffsets(OffsetsInitializer.earliest())
                        .setDeserializer(new RawRecordDeserializer());
        if (bounded) {
            source.setBounded(OffsetsInitializer.latest());
        }
        return source.build();
    }

    private static KafkaSink<DeadLetter> deadSink(Topics t) {
        return KafkaSink.<DeadLetter>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setRecordSerializer(new DeadLetterSerializer(t.dead()))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }

    private SentimentJob job(Topics t, boolean bounded, OpenSearchSinkConfig sinkConfig) {
        return job(t, bounded, sinkConfig, SentimentJobMain.tracker(null, null));
    }

    private SentimentJob job(
            Topics t,
            boolean bounded,
            OpenSearchSinkConfig sinkConfig,
            SerializableFactory<PostTracker> tracker) {
        return job(t, bounded, sinkConfig, tracker, TestPipeline.WordModel::new);
    }

    private SentimentJob job(
            Topics t,
            boolean bounded,
            OpenSearchSinkConfig sinkConfig,
            SerializableFactory<PostTracker> tracker,
            SerializableFactory<SentimentModel> model) {
        KafkaSink<IndexChange> scored =
                KafkaSink.<IndexChange>builder()
                        .setBootstrapServers(kafka.bootstrapServers())
                        .setRecordSerializer(new ScoredPostSerializer(t.scored()))
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .build();
        String bootstrap = kafka.bootstrapServers();
        String deadTopic = t.dead();
        return new SentimentJob(
                source(t, bounded),
                new OpenSearchSink(sinkConfig, KafkaDeadLetters.factory(bootstrap, deadTopic)),
                scored,
                deadSink(t),
                TestPipeline.TestDecoder::new,
                tracker,
                model,
                SentimentJob.Settings.defaults()
                        .withParallelism(PARALLELISM)
                        .withCheckpointInterval(Duration.ofMillis(500)));
    }

    private static OpenSearchSinkConfig sinkConfig(Topics t) {
        return OpenSearchSinkConfig.defaults(OpenSearchConfig.of(node.url(), t.index()))
                .withBatching(50, 1 << 20, 200)
                .withRetries(50, 1000, 120_000);
    }

    /**
     * Writes test input and waits for every acknowledgement, so a lost record fails here and not as
     * a missing document later. Not idempotent: on a loaded machine an idempotent producer's
     * timed-out batch can end in OutOfOrderSequenceException, and a duplicate raw record is
     * harmless to the index anyway.
     */
    private static void produce(List<ProducerRecord<byte[], byte[]>> records) throws Exception {
        try (var producer =
                new KafkaProducer<byte[], byte[]>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers(),
                                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                                false,
                                ProducerConfig.ACKS_CONFIG,
                                "all",
                                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                                1),
                        new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
            for (var r : records) {
                acks.add(producer.send(r));
            }
            for (var ack : acks) {
                ack.get();
            }
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> consumeAll(String topic, int atLeast) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (var consumer =
                new KafkaConsumer<byte[], byte[]>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers(),
                                ConsumerConfig.GROUP_ID_CONFIG,
                                topic + "-check",
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                "earliest"),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> {
                                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
                                return out.size() >= atLeast;
                            });
            consumer.poll(Duration.ofMillis(500)).forEach(out::add);
        }
        return out;
    }

    private static Map<String, JsonNode> documents(String index) throws IOException {
        http.call("refreshing", "POST", "/" + index + "/_refresh", null);
        JsonNode hits =
                http.call(
                                "searching",
                                "POST",
                                "/" + index + "/_search?size=10000&version=true",
                                "{\"query\":{\"match_all\":{}}}")
                        .path("hits")
                        .path("hits");
        Map<String, JsonNode> docs = new HashMap<>();
        hits.forEach(h -> docs.put(h.get("_id").asText(), h));
        return docs;
    }

    private static long count(String index) {
        try {
            http.call("refreshing", "POST", "/" + index + "/_refresh", null);
            return http.call("counting", "GET", "/" + index + "/_count", null)
                    .path("count")
                    .asLong();
        } catch (IOException e) {
            return -1;
        }
    }

    @Test
    void indexesScoresAppliesEditsAndDeletesAndDeadLettersGarbage() throws Exception {
        Topics t = Topics.named("basic");
        kafka.createTopics(PARALLELISM, t.raw(), t.scored(), t.dead());
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        String[] texts = {"a good day", "a bad day", "good and bad", "just a day"};
        for (int i = 0; i < 200; i++) {
            records.add(TestPipeline.post(t.raw(), "p" + i, texts[i % texts.length], false));
        }
        for (int i = 0; i < 10; i++) {
            records.add(TestPipeline.post(t.raw(), "p" + i, "edited to good", true));
        }
        for (int i = 190; i < 200; i++) {
            records.add(TestPipeline.delete(t.raw(), "p" + i));
        }
        // the rules keep "day" and "good": this edit no longer matches, so its stored version
        // must go; this new post never matches, so it is never stored
        records.add(TestPipeline.post(t.raw(), "e1", "a good day", false));
        records.add(TestPipeline.post(t.raw(), "e1", "nothing left of it", true));
        records.add(TestPipeline.post(t.raw(), "e2", "nothing matches", false));
        records.add(TestPipeline.garbage(t.raw(), "this is not json {"));
        records.add(TestPipeline.garbage(t.raw(), TestPipeline.CRASHES_THE_DECODER));
        produce(records);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        job(t, true, sinkConfig(t), SentimentJobMain.tracker("day,good", null)).build(env);
        env.execute("basic");

        Map<String, JsonNode> docs = documents(t.index());
        assertThat(docs).hasSize(190);
        for (int i = 0; i < 190; i++) {
            JsonNode src = docs.get("file:p" + i).get("_source");
            String text = i < 10 ? "edited to good" : texts[i % texts.length];
            assertThat(src.get("text").asText()).isEqualTo(text);
            assertThat(src.get("sentiment").asText()).isEqualTo(TestPipeline.expected(text));
            assertThat(src.get("model").asText()).isEqualTo("words-1");
        }
        assertThat(docs).doesNotContainKeys("file:p190", "file:p199", "file:e1", "file:e2");

        List<ConsumerRecord<byte[], byte[]>> dead = consumeAll(t.dead(), 2);
        assertThat(dead).hasSize(2);
        Map<String, JsonNode> letters = new HashMap<>();
        for (var r : dead) {
            JsonNode letter =
                    dev.undertone.core.index.opensearch.PostJson.mapper().readTree(r.value());
            assertThat(letter.get("errorCode").asText()).isEqualTo("decode_rejected");
            letters.put(
                    new String(
                            java.util.Base64.getDecoder().decode(letter.get("rawData").asText()),
                            StandardCharsets.UTF_8),
                    letter);
        }
        assertThat(letters)
                .containsOnlyKeys("this is not json {", TestPipeline.CRASHES_THE_DECODER);
        assertThat(letters.get(TestPipeline.CRASHES_THE_DECODER).get("errorMessage").asText())
                .startsWith("decoder failed: ");

        // 200 posts, 10 edits and e1, then 11 tombstones: the 10 deletes and e1's dropped edit
        List<ConsumerRecord<byte[], byte[]>> scored = consumeAll(t.scored(), 222);
        assertThat(scored).hasSize(222);
        assertThat(scored.stream().filter(r -> r.value() == null)).hasSize(11);
    }

    @Test
    void openSearchGoingAwayMidRunLosesAndDuplicatesNothing() throws Exception {
        Topics t = Topics.named("fault");
        kafka.createTopics(PARALLELISM, t.raw(), t.scored(), t.dead());
        List<ProducerRecord<byte[], byte[]>> first = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            first.add(TestPipeline.post(t.raw(), "q" + i, "good " + i, false));
        }
        produce(first);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        job(t, false, sinkConfig(t)).build(env);
        JobClient client = env.executeAsync("fault");
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> count(t.index()) == 300);

            node.stop();
            List<ProducerRecord<byte[], byte[]>> second = new ArrayList<>();
            for (int i = 300; i < 600; i++) {
                second.add(TestPipeline.post(t.raw(), "q" + i, "bad " + i, false));
            }
            for (int i = 0; i < 50; i++) {
                second.add(TestPipeline.post(t.raw(), "q" + i, "edited bad " + i, true));
            }
            produce(second);
            // the job has taken in new posts while every bulk request fails; a checkpoint then
            // waits for the sink, which holds them and retries
            await().atMost(Duration.ofSeconds(60)).until(() -> consumeCount(t.scored()) > 300);
            node.restart();

            await().atMost(Duration.ofSeconds(120)).until(() -> count(t.index()) == 600);
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () ->
                                    documents(t.index())
                                            .get("file:q49")
                                            .get("_source")
                                            .get("text")
                                            .asText()
                                            .equals("edited bad 49"));
        } finally {
            client.cancel().get();
        }
        Map<String, JsonNode> docs = documents(t.index());
        assertThat(docs).hasSize(600);
        for (int i = 0; i < 600; i++) {
            String expected = i < 50 ? "edited bad " + i : (i < 300 ? "good " : "bad ") + i;
            assertThat(docs.get("file:q" + i).get("_source").get("text").asText())
                    .isEqualTo(expected);
        }
        assertThat(consumeAll(t.dead(), 0)).isEmpty();
    }

    @Test
    void realJetstreamRecordsGoThroughTheCoreDecodersAndTheBuiltInModel() throws Exception {
        Topics t = Topics.named("jetstream");
        kafka.createTopics(PARALLELISM, t.raw(), t.scored(), t.dead());
        List<byte[]> events;
        try (var in =
                SentimentJobIT.class.getResourceAsStream("/fixtures/jetstream-events.jsonl")) {
            events =
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)
                            .lines()
                            .filter(l -> !l.isBlank())
                            .map(l -> l.getBytes(StandardCharsets.UTF_8))
                            .toList();
        }
        // what must be stored, read off the raw events: the last text of each app.bsky.feed.post
        // record (key bluesky:<did>/<rkey>) that was not deleted; other collections store nothing
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        Map<String, String> expectedModel = new HashMap<>();
        java.util.Set<String> languageModels =
                dev.undertone.core.sentiment.fast.FastModels.languages().keySet();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (byte[] e : events) {
            JsonNode event = dev.undertone.core.index.opensearch.PostJson.mapper().readTree(e);
            JsonNode commit = event.path("commit");
            String key = null;
            if (commit.path("collection").asText().equals("app.bsky.feed.post")) {
                key = "bluesky:" + event.get("did").asText() + "/" + commit.get("rkey").asText();
                if (commit.get("operation").asText().equals("delete")) {
                    expected.remove(key);
                } else {
                    expected.put(key, commit.path("record").get("text").asText());
                    // fast scores a post with the model of its first language that has one
                    // (English: fast-1, which also keeps the id of posts no model knows)
                    String model = "fast-1";
                    for (JsonNode lang : commit.path("record").path("langs")) {
                        if (lang.asText().equals("en")) {
                            break;
                        }
                        if (languageModels.contains(lang.asText())) {
                            model = "fast-2/" + lang.asText();
                            break;
                        }
                    }
                    expectedModel.put(key, model);
                }
            }
            ProducerRecord<byte[], byte[]> r =
                    new ProducerRecord<>(
                            t.raw(), key == null ? null : key.getBytes(StandardCharsets.UTF_8), e);
            r.headers()
                    .add(
                            dev.undertone.core.kafka.RawRecordHeaders.FORMAT,
                            dev.undertone.core.decode.Formats.JETSTREAM.getBytes(
                                    StandardCharsets.UTF_8));
            records.add(r);
        }
        produce(records);
        assertThat(expected).isNotEmpty();

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        SentimentJob real =
                new SentimentJob(
                        source(t, true),
                        new OpenSearchSink(
                                sinkConfig(t),
                                KafkaDeadLetters.factory(kafka.bootstrapServers(), t.dead())),
                        null,
                        deadSink(t),
                        dev.undertone.core.decode.Decoders::forRecords,
                        SentimentJobMain.tracker(null, null),
                        () ->
                                dev.undertone.core.sentiment.SentimentModels.load(
                                        dev.undertone.core.sentiment.SentimentModels.DEFAULT),
                        SentimentJob.Settings.defaults().withParallelism(PARALLELISM));
        real.build(env);
        env.execute("jetstream");

        Map<String, JsonNode> docs = documents(t.index());
        assertThat(docs.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (var e : expected.entrySet()) {
            JsonNode src = docs.get(e.getKey()).get("_source");
            assertThat(src.get("text").asText()).isEqualTo(e.getValue());
            assertThat(src.get("model").asText()).isEqualTo(expectedModel.get(e.getKey()));
            assertThat(src.get("sentiment").asText()).isNotBlank();
        }
    }

    /** Jetstream lines on partition 0, so the test knows their order. */
    private static List<ProducerRecord<byte[], byte[]>> jetRecords(String topic, String... lines) {
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        for (String line : lines) {
            ProducerRecord<byte[], byte[]> r =
                    new ProducerRecord<>(topic, 0, null, line.getBytes(StandardCharsets.UTF_8));
            r.headers()
                    .add(
                            dev.undertone.core.kafka.RawRecordHeaders.FORMAT,
                            dev.undertone.core.decode.Formats.JETSTREAM.getBytes(
                                    StandardCharsets.UTF_8));
            out.add(r);
        }
        return out;
    }

    /** The documents, or none while the index does not exist yet. */
    private static Map<String, JsonNode> documentsSoFar(String index) {
        try {
            return documents(index);
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static String text(Map<String, JsonNode> docs, String key) {
        JsonNode d = docs.get(key);
        return d == null ? null : d.get("_source").get("text").asText();
    }

    @Test
    void purgedAccountsLoseTheirPostsAndAnOlderRevisionNeverReplacesANewerOne() throws Exception {
        Topics t = Topics.named("accounts");
        kafka.createTopics(PARALLELISM, t.raw(), t.scored(), t.dead());
        String alice = "did:plc:alice";
        String bob = "did:plc:bob";
        String dave = "did:plc:dave";
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        new SentimentJob(
                        source(t, false),
                        new OpenSearchSink(
                                sinkConfig(t),
                                KafkaDeadLetters.factory(kafka.bootstrapServers(), t.dead())),
                        null,
                        deadSink(t),
                        dev.undertone.core.decode.Decoders::forRecords,
                        SentimentJobMain.tracker(null, null),
                        TestPipeline.WordModel::new,
                        SentimentJob.Settings.defaults()
                                .withParallelism(PARALLELISM)
                                .withCheckpointInterval(Duration.ofMillis(500)))
                .build(env);
        JobClient client = env.executeAsync("accounts");
        try {
            produce(
                    jetRecords(
                            t.raw(),
                            JetstreamLines.post(
                                    "create", alice, "3maaaaaaaaaa2", "3maaaaaaaaaa2", "alice one"),
                            JetstreamLines.post(
                                    "create", alice, "3maaaaaaaaab2", "3maaaaaaaaab2", "alice two"),
                            JetstreamLines.post(
                                    "create", bob, "3mbbbbbbbbbb2", "3mbbbbbbbbbb2", "bob one"),
                            JetstreamLines.post(
                                    "create", dave, "3mdddddddddd2", "3mdddddddddd2", "dave one"),
                            JetstreamLines.post(
                                    "update",
                                    dave,
                                    "3mdddddddddd2",
                                    "3mdddddddddf2",
                                    "dave edited"),
                            JetstreamLines.post(
                                    "create",
                                    dave,
                                    "3mddddddddde2",
                                    "3mddddddddde2",
                                    "dave\\u0000 two")));
            String a1 = "bluesky:" + alice + "/3maaaaaaaaaa2";
            String a2 = "bluesky:" + alice + "/3maaaaaaaaab2";
            String b1 = "bluesky:" + bob + "/3mbbbbbbbbbb2";
            String d1 = "bluesky:" + dave + "/3mdddddddddd2";
            String d2 = "bluesky:" + dave + "/3mddddddddde2";
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> "dave edited".equals(text(documentsSoFar(t.index()), d1)));
            await().atMost(Duration.ofSeconds(60)).until(() -> count(t.index()) == 5);
            // the escaped NUL is dropped by the decoder, the post kept
            assertThat(text(documents(t.index()), d2)).isEqualTo("dave two");

            // alice's account is deleted, bob's deactivated: alice's posts go, bob's stay
            produce(
                    jetRecords(
                            t.raw(),
                            JetstreamLines.account(alice, false, "deleted"),
                            JetstreamLines.account(bob, false, "deactivated")));
            await().atMost(Duration.ofSeconds(60)).until(() -> count(t.index()) == 3);
            assertThat(documents(t.index()).keySet()).containsExactlyInAnyOrder(b1, d1, d2);

            // a later post of alice is refused; the rewound create of dave's post (revision
            // older than the stored edit) does not replace the edit; bob's new post marks the end
            String b2 = "bluesky:" + bob + "/3mbbbbbbbbbc2";
            produce(
                    jetRecords(
                            t.raw(),
                            JetstreamLines.post(
                                    "create",
                                    alice,
                                    "3maaaaaaaaac2",
                                    "3maaaaaaaaac2",
                                    "alice again"),
                            JetstreamLines.post(
                                    "create", dave, "3mdddddddddd2", "3mdddddddddd2", "dave one"),
                            JetstreamLines.post(
                                    "create", bob, "3mbbbbbbbbbc2", "3mbbbbbbbbbc2", "bob two")));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> documents(t.index()).containsKey(b2));
            Map<String, JsonNode> docs = documents(t.index());
            assertThat(docs.keySet()).containsExactlyInAnyOrder(b1, b2, d1, d2);
            assertThat(text(docs, d1)).isEqualTo("dave edited");
            // the stored version is the edit's revision, the TID 3mdddddddddf2
            assertThat(docs.get(d1).get("_version").asLong())
                    .isEqualTo(dev.undertone.core.post.Revisions.fromTid("3mdddddddddf2"));
            assertThat(a1).isNotIn(docs.keySet());
            assertThat(a2).isNotIn(docs.keySet());

            // alice is active again: her next post is stored. Account changes reach every subtask
            // on the broadcast side, not ordered with the posts (AccountGate): the post is sent
            // once the restore has had time to arrive, as a later post in a live stream would be.
            String a4 = "bluesky:" + alice + "/3maaaaaaaaad2";
            produce(jetRecords(t.raw(), JetstreamLines.account(alice, true, null)));
            Thread.sleep(3000);
            produce(
                    jetRecords(
                            t.raw(),
                            JetstreamLines.post(
                                    "create",
                                    alice,
                                    "3maaaaaaaaad2",
                                    "3maaaaaaaaad2",
                                    "alice back")));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> "alice back".equals(text(documents(t.index()), a4)));
            assertThat(documents(t.index()).keySet()).containsExactlyInAnyOrder(b1, b2, d1, d2, a4);
        } finally {
            client.cancel().get();
        }
        assertThat(consumeAll(t.dead(), 0)).isEmpty();
    }

    @Test
    void documentsTheIndexRefusesGoToTheDeadLetterTopic() throws Exception {
        Topics t = Topics.named("refused");
        kafka.createTopics(PARALLELISM, t.raw(), t.scored(), t.dead());
        // an index someone created by hand with a mapping that fits none of our documents
        http.call(
                "creating a foreign index",
                "PUT",
                "/" + t.index(),
                "{\"mappings\":{\"dynamic\":\"strict\",\"properties\":{\"key\":{\"type\":\"keyword\"}}}}");
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(TestPipeline.post(t.raw(), "r" + i, "good " + i, false));
        }
        produce(records);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        job(t, true, sinkConfig(t)).build(env);
        env.execute("refused");

        List<ConsumerRecord<byte[], byte[]>> dead = consumeAll(t.dead(), 20);
        assertThat(dead).hasSize(20);
        JsonNode letter =
                dev.undertone.core.index.opensearch.PostJson.mapper().readTree(dead.get(0).value());
        assertThat(letter.get("errorCode").asText()).isEqualTo("index_rejected");
        assertThat(letter.get("errorMessage").asText())
                .contains("strict_dynamic_mapping_exception");
        assertThat(letter.get("osIndexName").asText()).isEqualTo(t.index());
        assertThat(letter.get("osDocumentId").asText()).startsWith("file:r");
        assertThat(count(t.index())).isZero();
    }

    private static int consumeCount(String topic) {
        try (var consumer =
                new KafkaConsumer<byte[], byte[]>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers(),
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                "earliest"),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
            var parts =
                    consumer.partitionsFor(topic).stream()
                            .map(
                                    p ->
                                            new org.apache.kafka.common.TopicPartition(
                                                    topic, p.partition()))
                            .toList();
            return consumer.endOffsets(parts).values().stream().mapToInt(Long::intValue).sum();
        }
    }

    /** How many times {@link FailsOnceAfterScoring} has thrown: the MiniCluster shares the JVM. */
    private static final AtomicInteger INJECTED_FAILURES = new AtomicInteger();

    /** Posts the model has scored before the injected failure. */
    private static final AtomicInteger SCORED_BEFORE_FAILURE = new AtomicInteger();

    /**
     * The model the job's {@code --model accurate} builds, failing its task once after it has
     * scored a batch, so the job restarts from its last checkpoint and builds the model again.
     */
    private static final class FailsOnceAfterScoring
            implements SerializableFactory<SentimentModel> {
        private static final long serialVersionUID = 1L;

        @Override
        public SentimentModel create() throws Exception {
            SentimentModel real = JobModels.factory("accurate").create();
            return new SentimentModel() {
                @Override
                public String id() {
                    return real.id();
                }

                @Override
                public List<SentimentResult> classify(List<String> texts) {
                    List<SentimentResult> r = real.classify(texts);
                    if (SCORED_BEFORE_FAILURE.addAndGet(texts.size()) > 0
                            && INJECTED_FAILURES.compareAndSet(0, 1)) {
                        throw new IllegalStateException("injected task failure after scoring");
                    }
                    return r;
                }
            };
        }
    }

    @Test
    void theAccurateModelRunsInTheJobAndAgainAfterATaskFailure() throws Exception {
        Topics t = Topics.named("accurate");
        kafka.createTopics(PARALLELISM, t.raw(), t.scored(), t.dead());
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        Map<String, String> expected = new HashMap<>();
        String[][] texts = {
            {"I love this so much, what a wonderful day", "POSITIVE"},
            {"This is awful, I hate it, worst service ever", "NEGATIVE"}
        };
        for (int i = 0; i < 120; i++) {
            String[] t2 = texts[i % 2];
            records.add(TestPipeline.post(t.raw(), "a" + i, t2[0] + " #" + i, false));
            expected.put("file:a" + i, t2[1]);
        }
        produce(records);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        job(
                        t,
                        true,
                        sinkConfig(t),
                        SentimentJobMain.tracker(null, null),
                        new FailsOnceAfterScoring())
                .build(env);
        env.execute("accurate");

        assertThat(INJECTED_FAILURES.get()).as("the task failed once and restarted").isEqualTo(1);
        Map<String, JsonNode> docs = documents(t.index());
        assertThat(docs.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (var e : expected.entrySet()) {
            JsonNode src = docs.get(e.getKey()).get("_source");
            assertThat(src.get("model").asText()).isEqualTo("accurate-2");
            assertThat(src.get("sentiment").asText()).as(e.getKey()).isEqualTo(e.getValue());
        }
    }
}
