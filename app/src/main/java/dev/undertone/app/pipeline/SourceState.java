package dev.undertone.app.pipeline;

import java.time.Instant;

/**
 * A snapshot of one source's connection, for {@code /api/health} and the logs.
 *
 * @param name the source's name
 * @param status connecting, connected, reconnecting, finished or failed
 * @param reconnects how many times the connection was re-established after a failure
 * @param records records accepted into the journal from this source
 * @param lastRecordAt when the last record was accepted, or null
 * @param lastError the last failure's message (never a secret), or null
 * @param attempt the failed connection attempts in a row (0 while connected)
 */
public record SourceState(
        String name,
        Status status,
        long reconnects,
        long records,
        Instant lastRecordAt,
        String lastError,
        int attempt) {

    /** Where a source stands. */
    public enum Status {
        CONNECTING,
        CONNECTED,
        RECONNECTING,
        FINISHED,
        FAILED
    }
}
