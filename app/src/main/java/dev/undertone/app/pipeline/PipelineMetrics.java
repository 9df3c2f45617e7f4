package dev.undertone.app.pipeline;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Exposes the pipeline's counters and backlog in a meter registry ({@code /metrics}). Counters are
 * read from {@link PipelineStats} when scraped, so the hot path never touches Micrometer.
 */
public final class PipelineMetrics {
    private PipelineMetrics() {}

    /** Registers the pipeline's meters. */
    public static void bind(Pipeline pipeline, MeterRegistry registry) {
        PipelineStats s = pipeline.stats();
        Map<String, LongAdder> stages =
                Map.ofEntries(
                        Map.entry("read", s.read),
                        Map.entry("posts", s.posts),
                        Map.entry("matched", s.matched),
                        Map.entry("indexed", s.indexed),
                        Map.entry("updated", s.updated),
                        Map.entry("deleted", s.deleted),
                        Map.entry("rejected", s.rejected),
                        Map.entry("not_post", s.notPosts),
                        Map.entry("unscored", s.unscored),
                        Map.entry("stale", s.stale),
                        Map.entry("refused", s.refused));
        stages.forEach(
                (stage, adder) ->
                        FunctionCounter.builder("undertone_pipeline_events", adder, LongAdder::sum)
                                .description("Records and posts through each pipeline stage")
                                .tag("stage", stage)
                                .register(registry));
        FunctionCounter.builder("undertone_accounts_purged", s.purged, LongAdder::sum)
                .description(
                        "Accounts deleted or taken down at their source whose posts were removed")
                .register(registry);
        Gauge.builder("undertone_journal_end_offset", pipeline.journal(), j -> j.endOffset())
                .description("Offset of the next record the journal will accept")
                .register(registry);
        Gauge.builder(
                        "undertone_index_backlog_records",
                        pipeline,
                        p -> p.journal().endOffset() - p.index().appliedOffset())
                .description("Journaled records not yet applied to the index")
                .register(registry);
    }
}
