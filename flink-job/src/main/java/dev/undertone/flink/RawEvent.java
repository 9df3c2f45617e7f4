package dev.undertone.flink;

import dev.undertone.core.decode.RawRecord;

/**
 * A raw record read from the raw topic, with its position there.
 *
 * @param record the record as the ingest wrote it
 * @param version the record's offset in its partition; since all versions of a post share a
 *     partition, a later version of a post always has a higher number, which the index uses to
 *     refuse stale writes
 */
public record RawEvent(RawRecord record, long version) {}
