package dev.undertone.app.cli;

import dev.undertone.app.alert.Alerting;
import dev.undertone.app.alert.WebhookSender;
import dev.undertone.app.pipeline.Pipeline;
import dev.undertone.app.pipeline.PipelineConfig;
import dev.undertone.app.pipeline.PipelineStats;
import dev.undertone.app.pipeline.Stages;
import dev.undertone.app.source.ProgressAware;
import dev.undertone.app.source.file.FileSource;
import dev.undertone.app.source.file.FileSourceConfig;
import dev.undertone.app.store.lucene.LucenePostStore;
import dev.undertone.app.web.ApiJson;
import dev.undertone.core.decode.Formats;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code undertone replay FILE...}: ingests files through the same pipeline as live sources, exits
 * when done, and prints the summary of CONTRACT.md.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Ingest files through the pipeline (decode, track, classify, index) and exit.",
            "An interrupted replay of the same file resumes where it stopped; lines appended"
                    + " since are read on the next replay. Last stdout line:"
                    + " {\"read\",\"posts\",\"matched\",\"indexed\",\"updated\",\"deleted\","
                    + "\"rejected\",\"alerts\",\"seconds\"}."
        })
public final class ReplayCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to ingest, in order.")
    List<Path> files;

    @Option(
            names = "--format",
            paramLabel = "F",
            defaultValue = Formats.AUTO,
            description =
                    "auto (detected per record), jetstream, x, twitter, mastodon, json, text or"
                            + " csv. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(
            names = "--from-start",
            description = "Read the files from their beginning even if replayed before.")
    boolean fromStart;

    @Mixin IngestFilterOptions filters;
    @Mixin ModelChoice model;
    @Mixin RetainOption retain;
    @Mixin DataOption data;
    @Mixin AlertOptions alertOptions;

    @Override
    public Integer call() throws Exception {
        for (Path f : files) {
            if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
                throw new UsageException("FILE: cannot read " + f + " (no such readable file)");
            }
        }
        if (!Formats.isKnown(format)) {
            throw new UsageException("--format: " + Formats.unknownMessage(format));
        }
        Clock clock = Clock.systemUTC();
        long started = System.nanoTime();
        var rules = filters.rules();
        var alertRules = alertOptions.rules();
        var webhooks = alertOptions.webhooks();
        var stages = Stages.of(rules, filters.languages(), model.load(), clock);
        // The files themselves are the durable copy: journal segments can go once indexed,
        // instead of doubling the disk a large archive takes for a day.
        PipelineConfig config =
                PipelineConfig.DEFAULTS
                        .withRetain(retain.duration())
                        .withJournalRetention(Duration.ZERO);
        Map<String, Object> summary;
        try (Pipeline pipeline = Pipeline.open(data.dir(), config, clock);
                Alerting alerting =
                        Alerting.start(
                                data.dir(),
                                new LucenePostStore(pipeline.index().searcherManager()),
                                rules.phrases(),
                                alertRules,
                                webhooks,
                                WebhookSender.Options.DEFAULTS,
                                new SimpleMeterRegistry(),
                                clock,
                                false)) {
            int alertsBefore = alerting.store().all().size();
            pipeline.startProcessing(stages, alerting.indexListener());
            ingest(pipeline, clock);
            pipeline.drain();
            // The archive ended: its last windows close now, as they would have live.
            alerting.finish(Alerting.DELIVERY_DRAIN);
            pipeline.close();
            summary = new LinkedHashMap<>(pipeline.stats().summary());
            summary.put("alerts", alerting.store().all().size() - alertsBefore);
        }
        summary.put("seconds", Math.round((System.nanoTime() - started) / 1e6) / 1e3);
        System.out.println(ApiJson.write(summary));
        return 0;
    }

    private void ingest(Pipeline pipeline, Clock clock) throws InterruptedException {
        PipelineStats stats = pipeline.stats();
        long totalBytes = 0;
        for (Path f : files) {
            totalBytes += sizeOf(f);
        }
        AtomicLong finishedBytes = new AtomicLong();
        AtomicReference<ProgressAware> current = new AtomicReference<>();
        long total = totalBytes;
        try (Progress progress =
                Progress.start(
                        "replay",
                        () -> {
                            ProgressAware c = current.get();
                            long read = finishedBytes.get() + (c == null ? 0 : c.progressDone());
                            // Bytes read scaled by the share of read records already indexed,
                            // so the bar reaches 100% when the index, not the reader, is done.
                            long records = stats.read.sum();
                            double indexed =
                                    records == 0
                                            ? 0
                                            : Math.min(1.0, stats.applied.sum() / (double) records);
                            return (long) (read * indexed);
                        },
                        () -> total,
                        "MB",
                        1 << 20)) {
            for (Path f : files) {
                FileSource source = new FileSource(FileSourceConfig.of(f, format));
                current.set(source);
                pipeline.readToEnd(source, fromStart);
                current.set(null);
                finishedBytes.addAndGet(sizeOf(f));
            }
            // Keep the bar up while the index works off what was read.
            pipeline.awaitApplied();
        }
    }

    private static long sizeOf(Path f) {
        try {
            return Files.size(f);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
