package dev.undertone.flink.opensearch;

import dev.undertone.opensearch.OpenSearchConfig;
import java.io.Serializable;
import java.util.Objects;

/**
 * How the OpenSearch sink batches, retries and gives up.
 *
 * @param cluster where to write, and the index naming
 * @param maxBatchSize the most actions per {@code _bulk} request
 * @param maxBatchBytes the most bytes of actions per request (OpenSearch suggests 5 to 15 MB)
 * @param maxTimeInBufferMillis the longest an action waits for its batch to fill
 * @param maxInFlightRequests concurrent requests per sink instance; 1 keeps changes of a post in
 *     order even without versions
 * @param maxBufferedRequests actions buffered before the sink applies backpressure
 * @param retryInitialBackoffMillis the first retry's delay; it doubles, with jitter, per attempt
 * @param retryMaxBackoffMillis the longest delay between two attempts
 * @param retryMaxDurationMillis how long an action is retried after its first failure before it
 *     goes to the dead-letter topic (Firehose's default is 300 s)
 * @param shards primary shards of a new index
 * @param replicas replicas per shard of a new index
 */
public record OpenSearchSinkConfig(
        OpenSearchConfig cluster,
        int maxBatchSize,
        long maxBatchBytes,
        long maxTimeInBufferMillis,
        int maxInFlightRequests,
        int maxBufferedRequests,
        long retryInitialBackoffMillis,
        long retryMaxBackoffMillis,
        long retryMaxDurationMillis,
        int shards,
        int replicas)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public OpenSearchSinkConfig {
        Objects.requireNonNull(cluster, "cluster");
        positive("sinks.opensearch.max_batch_size", maxBatchSize);
        positive("sinks.opensearch.max_batch_bytes", maxBatchBytes);
        positive("sinks.opensearch.max_time_in_buffer_ms", maxTimeInBufferMillis);
        positive("sinks.opensearch.max_in_flight_requests", maxInFlightRequests);
        positive("sinks.opensearch.retry_initial_backoff_ms", retryInitialBackoffMillis);
        positive("sinks.opensearch.shards", shards);
        if (maxBufferedRequests < maxBatchSize) {
            throw new IllegalArgumentException(
                    "sinks.opensearch.max_buffered_requests must be >= max_batch_size");
        }
        if (retryMaxBackoffMillis < retryInitialBackoffMillis) {
            throw new IllegalArgumentException(
                    "sinks.opensearch.retry_max_backoff_ms must be >= retry_initial_backoff_ms");
        }
        if (retryMaxDurationMillis < 0 || replicas < 0) {
            throw new IllegalArgumentException(
                    "sinks.opensearch.retry_max_duration_ms and replicas must be >= 0");
        }
    }

    /** Defaults for a live dashboard: 1,000 actions or 5 MB or 1 s, 300 s of retries. */
    public static OpenSearchSinkConfig defaults(OpenSearchConfig cluster) {
        return new OpenSearchSinkConfig(
                cluster, 1000, 5L << 20, 1000, 1, 10_000, 100, 5_000, 300_000, 1, 0);
    }

    /** A copy with other batching limits. */
    public OpenSearchSinkConfig withBatching(int size, long bytes, long timeMillis) {
        return new OpenSearchSinkConfig(
                cluster,
                size,
                bytes,
                timeMillis,
                maxInFlightRequests,
                Math.max(maxBufferedRequests, size),
                retryInitialBackoffMillis,
                retryMaxBackoffMillis,
                retryMaxDurationMillis,
                shards,
                replicas);
    }

    /** A copy with other retry limits. */
    public OpenSearchSinkConfig withRetries(
            long initialMillis, long maxMillis, long maxDurationMillis) {
        return new OpenSearchSinkConfig(
                cluster,
                maxBatchSize,
                maxBatchBytes,
                maxTimeInBufferMillis,
                maxInFlightRequests,
                maxBufferedRequests,
                initialMillis,
                maxMillis,
                maxDurationMillis,
                shards,
                replicas);
    }

    /** A copy with other index shape. */
    public OpenSearchSinkConfig withShards(int newShards, int newReplicas) {
        return new OpenSearchSinkConfig(
                cluster,
                maxBatchSize,
                maxBatchBytes,
                maxTimeInBufferMillis,
                maxInFlightRequests,
                maxBufferedRequests,
                retryInitialBackoffMillis,
                retryMaxBackoffMillis,
                retryMaxDurationMillis,
                newShards,
                newReplicas);
    }

    private static void positive(String key, long v) {
        if (v <= 0) {
            throw new IllegalArgumentException(key + " must be > 0");
        }
    }
}
