package dev.undertone.app.store.lucene;

import java.time.Duration;

/**
 * Settings of the embedded index writer.
 *
 * @param refreshInterval new writes become searchable at least this often
 * @param commitInterval writes and the journal offset are committed at least this often
 * @param ramBufferMb memory for buffering documents before a segment is flushed
 */
public record LuceneIndexConfig(
        Duration refreshInterval, Duration commitInterval, double ramBufferMb) {
    /** Searchable within 100 ms, committed every 5 s, 64 MB of buffer. */
    public static final LuceneIndexConfig DEFAULTS =
            new LuceneIndexConfig(Duration.ofMillis(100), Duration.ofSeconds(5), 64);

    public LuceneIndexConfig {
        if (refreshInterval.isNegative() || refreshInterval.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("index refresh_interval must be between 0 and 1 s");
        }
        if (commitInterval.isNegative() || commitInterval.isZero()) {
            throw new IllegalArgumentException("index commit_interval must be > 0");
        }
        if (ramBufferMb < 1) {
            throw new IllegalArgumentException("index ram_buffer_mb must be >= 1");
        }
    }
}
