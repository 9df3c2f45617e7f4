package dev.undertone.app.source.file;

import java.io.IOException;

/** Cuts a byte stream into records: lines, SSE events, or CSV records. Not thread-safe. */
interface RecordFramer {

    /** One record's payload and the number of the line it starts on. */
    record Framed(byte[] payload, long firstLine) {}

    /** The next record, or null at the end of the stream. */
    Framed next() throws IOException;

    /** The byte offset just after the last record returned (and any blank lines before it). */
    long offset();

    /** The number of lines consumed so far. */
    long lineNumber();

    /** Whether more bytes can be read without blocking. */
    boolean hasBuffered() throws IOException;
}
