package dev.undertone.core.decode;

import java.util.Objects;

/**
 * One raw record as a source produced it and the journal keeps it: the bytes, untouched, plus what
 * is needed to decode them later.
 *
 * @param format the decoder to use: one of {@link Formats}
 * @param origin where the record came from, e.g. {@code /data/a.jsonl:42} for line 42 of a file, or
 *     null for live sources; decoders derive stable ids from it for formats without ids
 * @param payload the record's bytes exactly as received (one line, one frame, one SSE event)
 */
public record RawRecord(String format, String origin, byte[] payload) {
    public RawRecord {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(payload, "payload");
    }
}
