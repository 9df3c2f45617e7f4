package dev.undertone.core.kafka;

/**
 * How a {@link dev.undertone.core.decode.RawRecord} travels on the raw Kafka topic: the value is
 * the payload exactly as received, the key is the post key when the ingest could tell it (so all
 * versions of a post share a partition and stay in order), the record timestamp is {@code
 * receivedAt}, and these headers carry the rest. Written by {@code undertone ingest}, read by the
 * Flink job.
 */
public final class RawRecordHeaders {
    /** The record's format name (one of {@code Formats}), UTF-8. */
    public static final String FORMAT = "undertone.format";

    /** Where the record came from (a file and line), UTF-8; absent for live sources. */
    public static final String ORIGIN = "undertone.origin";

    /** The name of the source that read it ({@code bluesky}, {@code file:/path}), UTF-8. */
    public static final String SOURCE = "undertone.source";

    private RawRecordHeaders() {}
}
