package dev.undertone.app.cli;

import dev.undertone.app.alert.Alerting;
import dev.undertone.app.alert.WebhookSender;
import dev.undertone.app.model.ModelMetrics;
import dev.undertone.app.pipeline.Pipeline;
import dev.undertone.app.pipeline.PipelineConfig;
import dev.undertone.app.pipeline.PipelineMetrics;
import dev.undertone.app.pipeline.SourceRunner;
import dev.undertone.app.pipeline.SourceState;
import dev.undertone.app.pipeline.Stages;
import dev.undertone.app.source.Secrets;
import dev.undertone.app.source.Source;
import dev.undertone.app.source.SourceOptions;
import dev.undertone.app.source.Sources;
import dev.undertone.app.source.file.FileSource;
import dev.undertone.app.source.file.FileSourceConfig;
import dev.undertone.app.source.file.StdinSource;
import dev.undertone.app.store.IndexListener;
import dev.undertone.app.store.lucene.LucenePostStore;
import dev.undertone.app.web.ApiServer;
import dev.undertone.app.web.LiveFeed;
import dev.undertone.app.web.MonitorView;
import dev.undertone.core.alert.AlertJson;
import dev.undertone.core.decode.Formats;
import dev.undertone.core.sentiment.SentimentModel;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code undertone run}: the main job. Ingests from a source, keeps the posts matching the track
 * rules, classifies, indexes and serves the dashboard until stopped. Ctrl-C stops cleanly:
 * everything accepted is in the journal and is indexed now or on the next start.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Ingest a live stream (or a file), classify, index and serve the live dashboard.",
            "Sources: bluesky (default, keyless), x (UNDERTONE_X_BEARER_TOKEN), mastodon"
                    + " (UNDERTONE_MASTODON_TOKEN where the instance needs one), file:PATH, stdin."
        })
public final class RunCommand implements Callable<Integer> {
    private static final String FILE_PREFIX = "file:";
    private static final String STDIN = "stdin";

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--source",
            paramLabel = "S",
            defaultValue = Sources.BLUESKY,
            description = "bluesky, x, mastodon, file:PATH or stdin. Default: ${DEFAULT-VALUE}.")
    String source;

    @Option(
            names = "--for",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Ingest for this long (e.g. 10s), then stop ingesting and keep serving.")
    Duration ingestFor;

    @Option(
            names = "--format",
            paramLabel = "F",
            defaultValue = Formats.AUTO,
            description = "Record format of file: and stdin sources. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(
            names = "--jetstream-url",
            paramLabel = "URL",
            description = "Jetstream endpoint(s) to use instead of Bluesky's public ones.")
    List<URI> jetstreamUrls = new ArrayList<>();

    @Option(
            names = "--jetstream-zstd-dictionary",
            paramLabel = "FILE",
            description = "Ask Jetstream for zstd-compressed events, decoded with this dictionary.")
    Path zstdDictionary;

    @Option(names = "--x-url", paramLabel = "URL", description = "X API base URL.")
    URI xUrl;

    @Option(names = "--mastodon-url", paramLabel = "URL", description = "Mastodon instance URL.")
    URI mastodonUrl;

    @Option(
            names = "--secrets",
            paramLabel = "FILE",
            description =
                    "File of NAME=value lines for the UNDERTONE_* tokens (else from the env).")
    Path secretsFile;

    @Mixin IngestFilterOptions filters;
    @Mixin ModelChoice model;
    @Mixin RetainOption retain;
    @Mixin ServerOptions server;
    @Mixin DataOption data;
    @Mixin AlertOptions alertOptions;

    @Override
    public Integer call() throws Exception {
        Clock clock = Clock.systemUTC();
        var alertRules = alertOptions.rules();
        var webhooks = alertOptions.webhooks();
        Secrets secrets = secrets();
        var serverConfig = server.config(secrets);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Source src = createSource(secrets, registry, clock);
        SentimentModel sentimentModel = model.load();
        var stages = Stages.of(filters.rules(), filters.languages(), sentimentModel, clock);
        Pipeline pipeline =
                Pipeline.open(
                        data.dir(), PipelineConfig.DEFAULTS.withRetain(retain.duration()), clock);
        LiveFeed feed = new LiveFeed(registry);
        LucenePostStore store = new LucenePostStore(pipeline.index().searcherManager());
        Alerting alerting;
        try {
            alerting =
                    Alerting.start(
                            data.dir(),
                            store,
                            filters.rules().phrases(),
                            alertRules,
                            webhooks,
                            WebhookSender.Options.DEFAULTS,
                            registry,
                            clock,
                            isLive());
        } catch (IOException | RuntimeException e) {
            pipeline.close();
            throw e;
        }
        alerting.monitor().addListener(a -> feed.alert(a.track(), AlertJson.write(a)));
        List<SourceRunner> runners = new ArrayList<>();
        ApiServer api =
                new ApiServer(store, registry, feed, () -> health(pipeline, runners), serverConfig)
                        .withMonitoring(
                                new MonitorView(
                                        filters.rules()::phrases,
                                        alerting.store(),
                                        alertRules.window()));
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook =
                new Thread(
                        () -> {
                            System.err.println("Stopping: committing what was accepted...");
                            api.close();
                            alerting.close();
                            pipeline.close();
                            feed.close();
                            stopped.countDown();
                        },
                        "undertone-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PipelineMetrics.bind(pipeline, registry);
        ModelMetrics.bind(sentimentModel, registry);
        int port = api.start();
        pipeline.startProcessing(stages, IndexListener.all(feed, alerting.indexListener()));
        runners.add(pipeline.startSource(src));
        System.err.printf(
                "Undertone is running: dashboard on http://%s:%d/ (source %s%s). Ctrl-C stops.%n",
                serverConfig.host().contains(":")
                        ? "[" + serverConfig.host() + "]"
                        : serverConfig.host(),
                port,
                source,
                filters.track() == null ? "" : ", tracking " + filters.track());
        if (ingestFor != null) {
            Thread.sleep(ingestFor.toMillis());
            pipeline.stopSources();
            System.err.printf(
                    "Ingested for %s; still serving the dashboard. Ctrl-C stops.%n", ingestFor);
        }
        stopped.await();
        return 0;
    }

    /** Whether the source is a live stream, whose windows also close by the wall clock. */
    private boolean isLive() {
        return !source.startsWith(FILE_PREFIX) && !STDIN.equals(source);
    }

    private Secrets secrets() throws IOException {
        if (secretsFile == null) {
            return Secrets.fromEnvironment();
        }
        if (!Files.isReadable(secretsFile)) {
            throw new UsageException("--secrets: cannot read " + secretsFile);
        }
        return Secrets.load(secretsFile, System.getenv());
    }

    private Source createSource(Secrets secrets, PrometheusMeterRegistry registry, Clock clock) {
        if (source.startsWith(FILE_PREFIX)) {
            Path file = Path.of(source.substring(FILE_PREFIX.length()));
            if (!Files.isReadable(file)) {
                throw new UsageException("--source: cannot read " + file);
            }
            return new FileSource(FileSourceConfig.of(file, format));
        }
        if (STDIN.equals(source)) {
            return new StdinSource(System.in, format);
        }
        SourceOptions opts =
                new SourceOptions(
                        filters.rules().phrases(),
                        jetstreamUrls,
                        zstdDictionary,
                        xUrl,
                        mastodonUrl,
                        secrets,
                        registry,
                        clock);
        try {
            return Sources.create(source, opts);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Map<String, Object> health(Pipeline pipeline, List<SourceRunner> runners) {
        Map<String, Object> h = new LinkedHashMap<>();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("state", pipeline.processorFailure() == null ? "running" : "failed");
        p.put("journal_end_offset", pipeline.journal().endOffset());
        p.put("index_offset", pipeline.index().appliedOffset());
        p.put("backlog", pipeline.journal().endOffset() - pipeline.index().appliedOffset());
        h.put("pipeline", p);
        List<Map<String, Object>> sources = new ArrayList<>();
        for (SourceRunner r : runners) {
            SourceState s = r.state();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("status", s.status().name().toLowerCase(java.util.Locale.ROOT));
            m.put("reconnects", s.reconnects());
            m.put("records", s.records());
            m.put("last_record_at", s.lastRecordAt() == null ? null : s.lastRecordAt().toString());
            m.put("last_error", s.lastError());
            m.put("attempt", s.attempt());
            m.putAll(r.source().health());
            sources.add(m);
        }
        h.put("sources", sources);
        return h;
    }
}
