package dev.undertone.core.decode;

import java.time.Instant;
import java.util.Objects;

/**
 * One raw record as a source produced it and the journal keeps it: the bytes, untouched, plus what
 * is needed to decode them later.
 *
 * @param format the decoder to use: one of {@link Formats}
 * @param origin where the record came from, e.g. {@code /data/a.jsonl:42} for line 42 of a file, or
 *     null for live sources; decoders derive stable ids from it for formats without ids
 * @param receivedAt when the source received it; decoders use it as the post time when the record
 *     carries none (plain text lines)
 * @param payload the record's bytes exactly as received (one line, one frame, one SSE event)
 */
public record RawRecord(String format, String origin, Instant receivedAt, byte[] payload) {
    public RawRecord {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(payload, "payload");
    }
}
