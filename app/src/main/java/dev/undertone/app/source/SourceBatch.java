package dev.undertone.app.source;

import dev.undertone.core.decode.RawRecord;
import java.util.List;

/**
 * Records read from a source in one go, and the position to resume from once they are journaled.
 *
 * @param records the raw records, possibly empty
 * @param position an opaque resume position after the last record (a byte offset, a Jetstream
 *     {@code time_us}), or null when the source has no position to record
 */
public record SourceBatch(List<RawRecord> records, String position) {
    public SourceBatch {
        records = List.copyOf(records);
    }

    /** An empty batch that keeps the position as it was. */
    public static SourceBatch empty() {
        return new SourceBatch(List.of(), null);
    }
}
