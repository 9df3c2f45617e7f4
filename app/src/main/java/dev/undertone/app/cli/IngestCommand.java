package dev.undertone.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.undertone.app.kafka.KafkaRecordSink;
import dev.undertone.app.kafka.KafkaTarget;
import dev.undertone.app.pipeline.PipelineStats;
import dev.undertone.app.pipeline.SourceRunner;
import dev.undertone.app.source.Source;
import dev.undertone.app.source.SourceOptions;
import dev.undertone.app.source.Sources;
import dev.undertone.core.decode.Decoders;
import dev.undertone.core.decode.Formats;
import dev.undertone.core.track.TrackRules;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code undertone ingest --to kafka://HOST:PORT/TOPIC}: runs a source into the raw Kafka topic
 * that the Flink job consumes, resuming where the last ingest of that source stopped.
 */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Scaled out: run a source into a Kafka raw topic, keyed by post key, for the Flink job.",
            "Each source's resume position is kept in TOPIC.positions, so a restarted ingest"
                    + " continues where it stopped. Prints a JSON summary when it ends."
        })
public final class IngestCommand implements Callable<Integer> {
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    @Option(
            names = "--to",
            required = true,
            paramLabel = "kafka://HOST:PORT/TOPIC",
            description = "The brokers and the raw topic (created when missing).")
    String to;

    @Option(
            names = "--source",
            defaultValue = "bluesky",
            paramLabel = "S",
            description = "bluesky (default), x, mastodon, file:PATH or stdin.")
    String source;

    @Option(
            names = "--format",
            defaultValue = Formats.AUTO,
            paramLabel = "F",
            description = "Record format of file:PATH and stdin (default: detected per record).")
    String format;

    @Option(
            names = "--track",
            paramLabel = "T",
            description =
                    "Track phrases for the live sources' own server-side filters (X rules,"
                            + " Mastodon hashtags); the Flink job's --track does the matching.")
    String track;

    @Option(
            names = "--partitions",
            defaultValue = "2",
            description =
                    "Partitions of the raw topic when it is created (default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(
            names = "--for",
            converter = DurationConverter.class,
            paramLabel = "DURATION",
            description =
                    "Stop after this long (e.g. 10s); default: until stopped or the input ends.")
    Duration forDuration;

    @Option(names = "--jetstream-url", paramLabel = "URL", description = "Jetstream endpoint(s).")
    List<URI> jetstreamUrls;

    @Option(names = "--x-url", paramLabel = "URL", description = "X API base URL.")
    URI xUrl;

    @Option(names = "--mastodon-url", paramLabel = "URL", description = "Mastodon server URL.")
    URI mastodonUrl;

    @Mixin SecretsOption secrets;

    @Override
    public Integer call() throws Exception {
        quietKafkaClients();
        KafkaTarget target;
        List<String> phrases;
        try {
            target = KafkaTarget.parse(to);
            phrases = TrackRules.parse(track).phrases();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--to/--track: " + e.getMessage());
        }
        if (partitions < 1) {
            throw new UsageException("--partitions must be >= 1");
        }
        SourceOptions opts =
                new SourceOptions(
                        phrases,
                        jetstreamUrls,
                        null,
                        xUrl,
                        mastodonUrl,
                        secrets.secrets(),
                        null,
                        null);
        Source src;
        try {
            src = Sources.open(source, format, opts);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Instant start = Instant.now();
        PipelineStats stats = new PipelineStats();
        try (KafkaRecordSink sink = open(target)) {
            SourceRunner runner = new SourceRunner(src, sink, stats, Clock.systemUTC(), false);
            Thread reader = new Thread(runner, "ingest-" + src.name());
            Thread hook = new Thread(runner::stop, "ingest-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            reader.start();
            boolean finished =
                    runner.await(forDuration == null ? Duration.ofDays(365 * 100) : forDuration);
            if (!finished) {
                runner.stop();
                runner.await(STOP_WAIT);
            }
            removeHook(hook);
            printSummary(target, stats, start);
            if (runner.fatalError() != null) {
                System.err.println("error: " + runner.fatalError().getMessage());
                return RuntimeErrorHandler.RUNTIME_FAILURE;
            }
        }
        return 0;
    }

    /**
     * The Kafka clients log their whole configuration at INFO; a user of this command wants the
     * warnings only. Set before the first Kafka logger exists, and only if the user set nothing.
     */
    private static void quietKafkaClients() {
        String key = "org.slf4j.simpleLogger.log.org.apache.kafka";
        if (System.getProperty(key) == null) {
            System.setProperty(key, "warn");
        }
    }

    private KafkaRecordSink open(KafkaTarget target) throws IOException {
        return new KafkaRecordSink(target, Decoders.forRecords(), partitions);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already stopping: the hook runs anyway
        }
    }

    private static void printSummary(KafkaTarget target, PipelineStats stats, Instant start) {
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("topic", target.topic());
        n.put("sent", stats.read.sum());
        n.put("seconds", Duration.between(start, Instant.now()).toMillis() / 1000.0);
        System.out.println(n);
    }
}
