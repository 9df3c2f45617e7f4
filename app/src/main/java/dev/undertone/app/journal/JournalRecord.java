package dev.undertone.app.journal;

import dev.undertone.core.decode.RawRecord;

/**
 * A raw record as read back from the journal, with its offset.
 *
 * @param offset the record's position in the journal: dense, increasing, starting at 0
 * @param sourceName the name of the source that produced it
 * @param record the record itself
 */
public record JournalRecord(long offset, String sourceName, RawRecord record) {}
