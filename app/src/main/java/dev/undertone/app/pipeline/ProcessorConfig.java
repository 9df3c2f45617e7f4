package dev.undertone.app.pipeline;

import java.time.Duration;

/**
 * Settings of the processor.
 *
 * @param maxBatchRecords records taken from the journal per batch
 * @param pollWait how long the processor waits for new records before housekeeping
 * @param retain posts created longer ago than this are removed from the index; null keeps all
 * @param retentionCheckInterval how often retention runs
 */
public record ProcessorConfig(
        int maxBatchRecords, Duration pollWait, Duration retain, Duration retentionCheckInterval) {
    public static final ProcessorConfig DEFAULTS =
            new ProcessorConfig(2048, Duration.ofMillis(50), null, Duration.ofMinutes(1));

    public ProcessorConfig {
        if (maxBatchRecords < 1) {
            throw new IllegalArgumentException("processor max_batch_records must be >= 1");
        }
    }

    /** The same settings with another retention. */
    public ProcessorConfig withRetain(Duration newRetain) {
        return new ProcessorConfig(maxBatchRecords, pollWait, newRetain, retentionCheckInterval);
    }
}
