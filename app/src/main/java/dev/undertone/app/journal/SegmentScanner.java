package dev.undertone.app.journal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads entries one after another from a segment's channel, stopping cleanly at a limit, at the end
 * of the file, or at the first torn or corrupt entry.
 */
final class SegmentScanner {
    private final FileChannel channel;
    private long position;

    /**
     * The body of the entry being read, reused from entry to entry: a replay's entries are
     * megabytes each, and a fresh buffer per entry went straight to the old generation.
     */
    private ByteBuffer body = ByteBuffer.allocate(0);

    /** A larger body buffer than this is not kept after the entry that needed it. */
    private static final int MAX_KEPT_BODY_BYTES = 16 * 1024 * 1024;

    SegmentScanner(FileChannel channel, long position) {
        this.channel = channel;
        this.position = position;
    }

    /** The byte position after the last entry returned. */
    long position() {
        return position;
    }

    /**
     * The next entry that ends at or before {@code limit}, or null when there is none (limit
     * reached, end of file, torn tail, checksum mismatch).
     */
    JournalEntry next(long limit, boolean withRecords) throws IOException {
        if (position + JournalCodec.HEADER_BYTES > limit) {
            return null;
        }
        ByteBuffer header = ByteBuffer.allocate(JournalCodec.HEADER_BYTES);
        if (!readFully(header, position)) {
            return null;
        }
        header.flip();
        int length = header.getInt();
        int crc = header.getInt();
        if (length < 0 || length > JournalCodec.MAX_BODY_BYTES) {
            return null;
        }
        long end = position + JournalCodec.HEADER_BYTES + length;
        if (end > limit) {
            return null;
        }
        if (body.capacity() < length) {
            body = ByteBuffer.allocate(length);
        }
        body.clear().limit(length);
        if (!readFully(body, position + JournalCodec.HEADER_BYTES)) {
            return null;
        }
        byte[] bytes = body.array();
        if (!JournalCodec.checksumMatches(bytes, length, crc)) {
            return null;
        }
        JournalEntry entry;
        try {
            entry = JournalCodec.decodeBody(bytes, length, withRecords);
        } catch (EOFException e) {
            return null;
        }
        position = end;
        if (body.capacity() > MAX_KEPT_BODY_BYTES) {
            body = ByteBuffer.allocate(0);
        }
        return entry;
    }

    private boolean readFully(ByteBuffer buf, long at) throws IOException {
        long p = at;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, p);
            if (n < 0) {
                return false;
            }
            p += n;
        }
        return true;
    }
}
