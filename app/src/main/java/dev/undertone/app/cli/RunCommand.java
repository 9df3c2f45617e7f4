package dev.undertone.app.cli;

import dev.undertone.app.pipeline.PipelineConfig;
import dev.undertone.app.pipeline.Stages;
import dev.undertone.app.runtime.LiveRun;
import dev.undertone.app.source.Secrets;
import dev.undertone.app.source.Source;
import dev.undertone.app.source.SourceOptions;
import dev.undertone.app.source.Sources;
import dev.undertone.core.decode.Formats;
import dev.undertone.core.sentiment.SentimentModel;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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

    @Mixin IngestFilterOptions filters;
    @Mixin ModelChoice model;
    @Mixin RetainOption retain;
    @Mixin ServerOptions server;
    @Mixin DataOption data;
    @Mixin AlertOptions alertOptions;
    @Mixin SecretsOption secretsOption;

    @Override
    public Integer call() throws Exception {
        Clock clock = Clock.systemUTC();
        var alertRules = alertOptions.rules();
        var webhooks = alertOptions.webhooks();
        Secrets secrets = secretsOption.secrets();
        var serverConfig = server.config(secrets);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Source src = createSource(secrets, registry, clock);
        SentimentModel sentimentModel = model.load();
        var stages = Stages.of(filters.rules(), filters.languages(), sentimentModel, clock);
        LiveRun run =
                LiveRun.start(
                        new LiveRun.Settings(
                                data.dir(),
                                PipelineConfig.DEFAULTS.withRetain(retain.duration()),
                                stages,
                                sentimentModel,
                                src,
                                Sources.isLive(source),
                                filters.rules().phrases(),
                                alertRules,
                                webhooks,
                                serverConfig,
                                registry,
                                clock));
        System.err.printf(
                "Undertone is running: dashboard on http://%s:%d/ (source %s%s). Ctrl-C stops.%n",
                serverConfig.host().contains(":")
                        ? "[" + serverConfig.host() + "]"
                        : serverConfig.host(),
                run.port(),
                source,
                filters.track() == null ? "" : ", tracking " + filters.track());
        if (ingestFor != null) {
            Thread.sleep(ingestFor.toMillis());
            run.stopSources();
            System.err.printf(
                    "Ingested for %s; still serving the dashboard. Ctrl-C stops.%n", ingestFor);
        }
        run.awaitStopped();
        return 0;
    }

    private Source createSource(Secrets secrets, PrometheusMeterRegistry registry, Clock clock) {
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
            return Sources.open(source, format, opts);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
