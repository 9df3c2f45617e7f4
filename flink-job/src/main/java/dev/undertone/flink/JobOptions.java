package dev.undertone.flink;

import dev.undertone.core.index.opensearch.IndexRotation;
import dev.undertone.core.sentiment.SentimentModels;
import dev.undertone.flink.opensearch.OpenSearchSinkConfig;
import dev.undertone.opensearch.OpenSearchConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.util.ParameterTool;

/**
 * The job's command line ({@code --key value}), checked before anything starts: unknown keys and
 * bad values are errors naming the key. The OpenSearch password is read from {@value
 * #PASSWORD_ENV}, never from the command line.
 *
 * @param bootstrapServers Kafka brokers, {@code host:port[,host:port]}
 * @param rawTopic the topic {@code undertone ingest} writes
 * @param scoredTopic where scored posts also go; empty for none
 * @param deadLetterTopic where records that fail for good go
 * @param groupId the consumer group, whose committed offsets a fresh start resumes from
 * @param track the track phrases; empty keeps every post
 * @param lang the languages kept; empty keeps all
 * @param model the sentiment model name
 * @param sink the OpenSearch sink settings
 * @param settings parallelism, checkpoints, classify batching
 */
public record JobOptions(
        String bootstrapServers,
        String rawTopic,
        String scoredTopic,
        String deadLetterTopic,
        String groupId,
        String track,
        String lang,
        String model,
        OpenSearchSinkConfig sink,
        SentimentJob.Settings settings) {

    /** Where the OpenSearch basic-auth password comes from. */
    public static final String PASSWORD_ENV = "UNDERTONE_OPENSEARCH_PASSWORD";

    static final Set<String> KEYS =
            new TreeSet<>(
                    Set.of(
                            "bootstrap-servers",
                            "raw-topic",
                            "scored-topic",
                            "dead-letter-topic",
                            "group-id",
                            "track",
                            "lang",
                            "model",
                            "opensearch",
                            "index",
                            "rotation",
                            "shards",
                            "replicas",
                            "opensearch-user",
                            "opensearch-ca-cert",
                            "opensearch-insecure",
                            "parallelism",
                            "checkpoint-interval-ms",
                            "classify-batch",
                            "max-batch-size",
                            "max-batch-bytes",
                            "max-batch-ms",
                            "retry-max-duration-ms"));

    /**
     * Parses the arguments.
     *
     * @param env the environment, for the password
     * @throws IllegalArgumentException naming the first bad or unknown key
     */
    public static JobOptions parse(String[] args, Map<String, String> env) {
        ParameterTool p = ParameterTool.fromArgs(args);
        for (String k : p.toMap().keySet()) {
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException("--" + k + " is not an option; known: " + KEYS);
            }
        }
        OpenSearchConfig cluster =
                new OpenSearchConfig(
                        p.get("opensearch", "http://localhost:9200"),
                        p.get("index", OpenSearchConfig.DEFAULT_INDEX),
                        IndexRotation.parse(p.get("rotation", "none")),
                        p.get("opensearch-user"),
                        p.has("opensearch-user") ? password(env) : null,
                        p.get("opensearch-ca-cert"),
                        p.has("opensearch-insecure"),
                        0);
        OpenSearchSinkConfig defaults = OpenSearchSinkConfig.defaults(cluster);
        OpenSearchSinkConfig sink =
                defaults.withBatching(
                                intOf(p, "max-batch-size", defaults.maxBatchSize()),
                                longOf(p, "max-batch-bytes", defaults.maxBatchBytes()),
                                longOf(p, "max-batch-ms", defaults.maxTimeInBufferMillis()))
                        .withRetries(
                                defaults.retryInitialBackoffMillis(),
                                defaults.retryMaxBackoffMillis(),
                                longOf(
                                        p,
                                        "retry-max-duration-ms",
                                        defaults.retryMaxDurationMillis()))
                        .withShards(intOf(p, "shards", 1), intOf(p, "replicas", 0));
        SentimentJob.Settings d = SentimentJob.Settings.defaults();
        SentimentJob.Settings settings =
                new SentimentJob.Settings(
                        d.name(),
                        intOf(p, "parallelism", d.parallelism()),
                        Duration.ofMillis(
                                longOf(
                                        p,
                                        "checkpoint-interval-ms",
                                        d.checkpointInterval().toMillis())),
                        intOf(p, "classify-batch", d.classifyBatchSize()),
                        d.classifyMaxWait());
        String model = p.get("model", SentimentModels.DEFAULT);
        if (!JobModels.names().contains(model)) {
            throw new IllegalArgumentException(
                    "--model: unknown model '" + model + "'; known: " + JobModels.names());
        }
        String bootstrap = p.get("bootstrap-servers");
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new IllegalArgumentException("--bootstrap-servers is required (host:port)");
        }
        return new JobOptions(
                bootstrap,
                p.get("raw-topic", "undertone-raw"),
                p.get("scored-topic", "undertone-scored"),
                p.get("dead-letter-topic", "undertone-dead-letters"),
                p.get("group-id", "undertone-sentiment"),
                p.get("track", ""),
                p.get("lang", ""),
                model,
                sink,
                settings);
    }

    private static String password(Map<String, String> env) {
        String pw = env.get(PASSWORD_ENV);
        if (pw == null || pw.isBlank()) {
            throw new IllegalArgumentException(
                    "--opensearch-user needs a password in the environment variable "
                            + PASSWORD_ENV);
        }
        return pw;
    }

    private static int intOf(ParameterTool p, String key, int dflt) {
        return (int) longOf(p, key, dflt);
    }

    private static long longOf(ParameterTool p, String key, long dflt) {
        String v = p.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--" + key + " must be a whole number, got '" + v + "'");
        }
    }
}
