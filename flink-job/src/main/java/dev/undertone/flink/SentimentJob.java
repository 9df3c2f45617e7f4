package dev.undertone.flink;

import dev.undertone.core.decode.RecordDecoder;
import dev.undertone.core.sentiment.SentimentModel;
import dev.undertone.core.track.PostTracker;
import java.time.Duration;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The scaled-out pipeline: raw records -> decode -> track -> classify (batched) -> OpenSearch, plus
 * the scored posts to Kafka and rejected records to the dead-letter topic. Decode, track and score
 * are {@code core}'s record-to-write stage ({@link dev.undertone.core.stage}), the code the
 * one-machine pipeline runs, with the same decoders, track rules and models.
 *
 * <p>Source and sinks are injected so tests run the job on a MiniCluster against anything; {@link
 * SentimentJobMain} wires Kafka and OpenSearch. Delivery is at-least-once with checkpoints; the
 * index is still exactly-once because document ids are post keys and writes are versioned. All
 * operators are chained (same parallelism, forward edges) and object reuse is on, so changes are
 * never serialized between steps, and a post's versions, which share a Kafka partition, stay in
 * order.
 */
public final class SentimentJob {

    /**
     * How the job runs.
     *
     * @param name the job's name
     * @param parallelism parallel instances of every operator (at most the raw topic's partitions
     *     is useful)
     * @param checkpointInterval how often state (Kafka offsets, the sink's buffer) is checkpointed
     * @param classifyBatchSize the most posts per model call
     * @param classifyMaxWait the longest a post waits for its model batch to fill
     */
    public record Settings(
            String name,
            int parallelism,
            Duration checkpointInterval,
            int classifyBatchSize,
            Duration classifyMaxWait) {
        public Settings {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be >= 1");
            }
            if (checkpointInterval.toMillis() < 10) {
                throw new IllegalArgumentException("checkpoint interval must be >= 10 ms");
            }
        }

        /** Defaults: parallelism 1, checkpoints every 10 s, batches of 64 posts or 50 ms. */
        public static Settings defaults() {
            return new Settings(
                    "undertone-sentiment", 1, Duration.ofSeconds(10), 64, Duration.ofMillis(50));
        }

        /** A copy with another parallelism. */
        public Settings withParallelism(int p) {
            return new Settings(name, p, checkpointInterval, classifyBatchSize, classifyMaxWait);
        }

        /** A copy with another checkpoint interval. */
        public Settings withCheckpointInterval(Duration d) {
            return new Settings(name, parallelism, d, classifyBatchSize, classifyMaxWait);
        }
    }

    private final Source<RawEvent, ?, ?> source;
    private final Sink<IndexChange> index;
    private final Sink<IndexChange> scored;
    private final Sink<DeadLetter> rejected;
    private final SerializableFactory<RecordDecoder> decoder;
    private final SerializableFactory<PostTracker> tracker;
    private final SerializableFactory<SentimentModel> model;
    private final Settings settings;

    /**
     * @param source raw records, e.g. the raw Kafka topic
     * @param index where changes are applied, e.g. OpenSearch
     * @param scored where scored posts also go (the scored-posts topic), or null
     * @param rejected where undecodable records go (the dead-letter topic)
     * @param tracker the track rules, parsed on each task manager (see {@link
     *     SentimentJobMain#tracker})
     */
    public SentimentJob(
            Source<RawEvent, ?, ?> source,
            Sink<IndexChange> index,
            Sink<IndexChange> scored,
            Sink<DeadLetter> rejected,
            SerializableFactory<RecordDecoder> decoder,
            SerializableFactory<PostTracker> tracker,
            SerializableFactory<SentimentModel> model,
            Settings settings) {
        this.source = source;
        this.index = index;
        this.scored = scored;
        this.rejected = rejected;
        this.decoder = decoder;
        this.tracker = tracker;
        this.model = model;
        this.settings = settings;
    }

    /** Adds the pipeline to an environment (and configures it); does not run it. */
    public void build(StreamExecutionEnvironment env) {
        env.setParallelism(settings.parallelism());
        env.getConfig().enableObjectReuse();
        env.enableCheckpointing(
                settings.checkpointInterval().toMillis(), CheckpointingMode.AT_LEAST_ONCE);

        DataStream<RawEvent> raw =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "raw records")
                        .uid("raw-source");
        SingleOutputStreamOperator<PendingChange> tracked =
                raw.process(
                                new DecodeTrackFunction(decoder, tracker),
                                TypeInformation.of(PendingChange.class))
                        .name("decode and track")
                        .uid("decode");
        tracked.getSideOutput(DecodeTrackFunction.REJECTED)
                .sinkTo(rejected)
                .name("dead letters")
                .uid("dead-letter-sink");
        DataStream<IndexChange> changes =
                tracked.transform(
                                "classify",
                                TypeInformation.of(IndexChange.class),
                                new ClassifyOperator(
                                        model,
                                        settings.classifyBatchSize(),
                                        settings.classifyMaxWait().toMillis()))
                        .uid("classify");
        DataStream<IndexChange> gated =
                changes.filter(c -> !c.accountWrite())
                        .name("post changes")
                        .uid("post-changes")
                        .connect(
                                changes.filter(IndexChange::accountWrite)
                                        .name("account changes")
                                        .uid("account-changes")
                                        .broadcast(AccountGate.PURGED))
                        .process(new AccountGate(), TypeInformation.of(IndexChange.class))
                        .name("purged accounts")
                        .uid("account-gate");
        gated.sinkTo(index).name("opensearch").uid("opensearch-sink");
        if (scored != null) {
            // the topic is keyed by post: a purge names no post, so it is not sent there
            gated.filter(c -> !c.accountWrite())
                    .name("scored changes")
                    .uid("scored-changes")
                    .sinkTo(scored)
                    .name("scored posts")
                    .uid("scored-sink");
        }
    }

    /** Builds the pipeline on the current environment and runs it until it ends or fails. */
    public JobExecutionResult execute() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        build(env);
        return env.execute(settings.name());
    }
}
