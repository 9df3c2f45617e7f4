package dev.undertone.app.pipeline;

import dev.undertone.app.journal.JournalConfig;
import dev.undertone.app.store.lucene.LuceneIndexConfig;

/** Settings of the embedded pipeline's parts. */
public record PipelineConfig(
        JournalConfig journal, LuceneIndexConfig index, ProcessorConfig processor) {
    public static final PipelineConfig DEFAULTS =
            new PipelineConfig(
                    JournalConfig.DEFAULTS, LuceneIndexConfig.DEFAULTS, ProcessorConfig.DEFAULTS);

    /** The same settings with another index retention ({@code --retain}); null keeps all. */
    public PipelineConfig withRetain(java.time.Duration retain) {
        return new PipelineConfig(journal, index, processor.withRetain(retain));
    }

    /** The same settings with another journal retention for committed segments. */
    public PipelineConfig withJournalRetention(java.time.Duration retention) {
        return new PipelineConfig(
                new JournalConfig(journal.segmentBytes(), retention), index, processor);
    }
}
