package dev.undertone.app.journal;

import java.time.Duration;

/**
 * Settings of the journal.
 *
 * @param segmentBytes a segment is closed and a new one started once it grows past this size
 * @param retention closed segments whose records are all committed to the index are deleted once
 *     older than this
 */
public record JournalConfig(long segmentBytes, Duration retention) {
    /** 64 MiB segments kept for a day after they are committed. */
    public static final JournalConfig DEFAULTS =
            new JournalConfig(64L * 1024 * 1024, Duration.ofHours(24));

    public JournalConfig {
        if (segmentBytes < 1024) {
            throw new IllegalArgumentException("journal segment_bytes must be >= 1024");
        }
        if (retention == null || retention.isNegative()) {
            throw new IllegalArgumentException("journal retention must be >= 0");
        }
    }
}
