package dev.undertone.app.source;

import java.io.IOException;

/**
 * Where a source's batches go: the local journal on one machine, a Kafka topic when scaled out.
 *
 * <p>{@link #append} returns only once the batch and the source's position are durable (fsynced to
 * the journal, acknowledged by Kafka); that is the moment a record counts as accepted and will not
 * be lost. Called from the source's reader thread.
 */
public interface RecordSink {

    /**
     * Durably appends a batch read from the named source, with its resume position.
     *
     * @throws IOException when the batch could not be made durable; nothing of it counts as
     *     accepted and the source is read again from its last durable position
     */
    void append(String sourceName, SourceBatch batch) throws IOException;

    /**
     * The last durable position of the named source, or null if none was recorded; sources resume
     * after it.
     */
    String position(String sourceName) throws IOException;
}
