package dev.undertone.flink.bench;

import dev.undertone.core.decode.Decoders;
import dev.undertone.core.decode.Formats;
import dev.undertone.core.kafka.RawRecordHeaders;
import dev.undertone.core.sentiment.SentimentModels;
import dev.undertone.flink.DeadLetter;
import dev.undertone.flink.DeadLetterSerializer;
import dev.undertone.flink.JobModels;
import dev.undertone.flink.KafkaDeadLetters;
import dev.undertone.flink.RawEvent;
import dev.undertone.flink.RawRecordDeserializer;
import dev.undertone.flink.SentimentJob;
import dev.undertone.flink.SentimentJobMain;
import dev.undertone.flink.opensearch.OpenSearchSink;
import dev.undertone.flink.opensearch.OpenSearchSinkConfig;
import dev.undertone.opensearch.OpenSearchClient;
import dev.undertone.opensearch.OpenSearchConfig;
import dev.undertone.testkit.KafkaBroker;
import dev.undertone.testkit.OpenSearchNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The whole job, Kafka raw topic to OpenSearch, with the real decoders, track step and the built-in
 * {@code fast} model ({@code -Dundertone.model=accurate} for the other), on a local Flink cluster
 * at each given parallelism. The raw topic is filled first; each run reads all of it (bounded) into
 * its own index. Prints one JSON line per run: posts per second from job start to the last document
 * written.
 *
 * <p>Run (see docs/benchmarks.md, "Scale-out"): {@code java -cp "$CP"
 * dev.undertone.flink.bench.JobThroughputBenchmark 100000 1 2} (posts, then the parallelisms to
 * run).
 */
public final class JobThroughputBenchmark {
    private static final int PARTITIONS = 4;
    private static final String RAW = "bench-raw";

    /** The model to run: {@code -Dundertone.model=accurate} (default {@code fast}). */
    private static final String MODEL =
            System.getProperty("undertone.model", SentimentModels.DEFAULT);

    private JobThroughputBenchmark() {}

    public static void main(String[] args) throws Exception {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (KafkaBroker kafka = KafkaBroker.start();
                OpenSearchNode node = OpenSearchNode.startForBenchmark()) {
            kafka.createTopics(PARTITIONS, RAW, "bench-dead");
            fill(kafka, posts);
            for (int i = 1; i < Math.max(args.length, 2); i++) {
                int parallelism = args.length > i ? Integer.parseInt(args[i]) : 1;
                run(kafka, node, posts, parallelism);
            }
        }
    }

    private static void fill(KafkaBroker kafka, int posts) {
        SyntheticPosts gen = new SyntheticPosts(7);
        try (var producer =
                new KafkaProducer<byte[], byte[]>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers(),
                                ProducerConfig.LINGER_MS_CONFIG,
                                20,
                                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                                "lz4"),
                        new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            byte[] format = Formats.JSON.getBytes(StandardCharsets.UTF_8);
            for (long i = 0; i < posts; i++) {
                ProducerRecord<byte[], byte[]> r =
                        new ProducerRecord<>(
                                RAW,
                                SyntheticPosts.key(i).getBytes(StandardCharsets.UTF_8),
                                gen.line(i).getBytes(StandardCharsets.UTF_8));
                r.headers().add(RawRecordHeaders.FORMAT, format);
                producer.send(r);
            }
            producer.flush();
        }
    }

    private static void run(KafkaBroker kafka, OpenSearchNode node, int posts, int parallelism)
            throws Exception {
        String index = "bench-job-p" + parallelism + "-" + System.nanoTime();
        OpenSearchConfig cluster = OpenSearchConfig.of(node.url(), index);
        KafkaSource<RawEvent> source =
                KafkaSource.<RawEvent>builder()
                        .setBootstrapServers(kafka.bootstrapServers())
                        .setTopics(RAW)
                        .setGroupId(index)
                        .setStartingOffsets(OffsetsInitializer.earliest())
                        .setBounded(OffsetsInitializer.latest())
                        .setDeserializer(new RawRecordDeserializer())
                        .build();
        KafkaSink<DeadLetter> dead =
                KafkaSink.<DeadLetter>builder()
                        .setBootstrapServers(kafka.bootstrapServers())
                        .setRecordSerializer(new DeadLetterSerializer("bench-dead"))
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .build();
        SentimentJob job =
                new SentimentJob(
                        source,
                        new OpenSearchSink(
                                OpenSearchSinkConfig.defaults(cluster),
                                KafkaDeadLetters.factory(kafka.bootstrapServers(), "bench-dead")),
                        null,
                        dead,
                        Decoders::forRecords,
                        SentimentJobMain.tracker(null, null),
                        JobModels.factory(MODEL),
                        SentimentJob.Settings.defaults()
                                .withParallelism(parallelism)
                                .withCheckpointInterval(Duration.ofSeconds(10)));
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        job.build(env);
        long start = System.nanoTime();
        long nodeCpuBefore = node.cpuTime().toMillis();
        long ownCpuBefore = Cpu.processMillis();
        env.execute("bench-p" + parallelism);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu =
                (node.cpuTime().toMillis() - nodeCpuBefore + Cpu.processMillis() - ownCpuBefore)
                        / 1000.0;
        OpenSearchClient http = new OpenSearchClient(cluster);
        http.call("refreshing", "POST", "/" + index + "/_refresh", null);
        long count =
                http.call("counting", "GET", "/" + index + "/_count", null).get("count").asLong();
        System.out.printf(
                "{\"benchmark\":\"flink_job\",\"parallelism\":%d,\"posts\":%d,\"indexed\":%d,"
                        + "\"seconds\":%.2f,\"posts_per_second\":%.0f,\"cpu_seconds\":%.1f,"
                        + "\"posts_per_cpu_second\":%.0f,\"load_average\":%.1f}%n",
                parallelism,
                posts,
                count,
                seconds,
                posts / seconds,
                cpu,
                posts / cpu,
                Cpu.loadAverage());
    }
}
