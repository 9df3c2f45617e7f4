package dev.undertone.app.journal;

import dev.undertone.core.decode.RawRecord;
import java.util.List;
import java.util.Map;

/**
 * One durable unit of the journal: a batch of records from one source and the source positions that
 * become true once it is written. An entry is written and checksummed as a whole, so a crash never
 * leaves half a batch or a position without its records.
 *
 * @param baseOffset the offset of the first record (the next offset when there are none)
 * @param sourceName the source the records came from ("" for a positions snapshot)
 * @param positions resume positions to record: normally the source's own; every segment starts with
 *     a snapshot of all known positions so opening the journal reads only the last segment
 * @param records the records, possibly none
 */
record JournalEntry(
        long baseOffset,
        String sourceName,
        Map<String, String> positions,
        List<RawRecord> records) {

    /** The offset after this entry's last record. */
    long endOffset() {
        return baseOffset + records.size();
    }
}
