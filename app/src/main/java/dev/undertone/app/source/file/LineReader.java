package dev.undertone.app.source.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads byte lines from a stream, counting byte offsets and line numbers, without ever holding more
 * than {@code maxLineBytes + 1} bytes of one line: the rest of an over-long line is read and
 * dropped, and the line is marked truncated. Lines end at LF; a CR before it is dropped. Not
 * thread-safe.
 */
final class LineReader {
    private static final int BUFFER_BYTES = 1 << 16;

    /**
     * One line: its bytes (without terminator), where it starts and ends, its number, and how many
     * double quotes the whole line holds (when counted).
     */
    record Line(byte[] bytes, long start, long end, long number, boolean truncated, int quotes) {
        boolean isBlank() {
            for (byte b : bytes) {
                if (b != ' ' && b != '\t') {
                    return false;
                }
            }
            return !truncated;
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private boolean countQuotes;
    private final byte[] buf = new byte[BUFFER_BYTES];
    private int pos;
    private int limit;
    private long offset;
    private long lineNumber;
    private boolean eof;
    private byte[] carry = new byte[256];

    /**
     * @param in the stream, positioned at {@code startOffset}
     * @param startOffset the byte offset of the stream's first byte in the file
     * @param linesBefore how many lines precede that offset
     */
    LineReader(InputStream in, int maxLineBytes, long startOffset, long linesBefore) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.offset = startOffset;
        this.lineNumber = linesBefore;
    }

    /** Makes {@link Line#quotes} count double quotes (CSV needs them; other framings do not). */
    LineReader countingQuotes() {
        countQuotes = true;
        return this;
    }

    /** The offset just after the last line returned. */
    long offset() {
        return offset;
    }

    /** The number of lines read so far, counting those before the start. */
    long lineNumber() {
        return lineNumber;
    }

    /** Whether bytes are buffered or the stream says more can be read without blocking. */
    boolean hasBuffered() throws IOException {
        return pos < limit || in.available() > 0;
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        long start = offset;
        int kept = 0;
        long total = 0;
        int quotes = 0;
        while (true) {
            if (pos == limit && !fill()) {
                if (total == 0) {
                    return null;
                }
                // The last line of a file may lack its newline; it still counts.
                return finish(start, kept, total, quotes, false);
            }
            int nl = indexOf(buf, pos, limit, (byte) '\n');
            int end = nl < 0 ? limit : nl;
            int len = end - pos;
            if (countQuotes) {
                quotes += count(buf, pos, end, (byte) '"');
            }
            if (kept <= maxLineBytes) {
                int take = Math.min(len, maxLineBytes + 1 - kept);
                ensureCarry(kept + take);
                System.arraycopy(buf, pos, carry, kept, take);
                kept += take;
            }
            total += len;
            pos = end;
            offset += len;
            if (nl >= 0) {
                pos++;
                offset++;
                return finish(start, kept, total, quotes, true);
            }
        }
    }

    private Line finish(long start, int kept, long total, int quotes, boolean newline) {
        lineNumber++;
        int n = kept;
        boolean truncated = total > maxLineBytes;
        if (!truncated && n > 0 && carry[n - 1] == '\r' && newline) {
            n--;
        }
        return new Line(Arrays.copyOf(carry, n), start, offset, lineNumber, truncated, quotes);
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int r = in.read(buf, 0, buf.length);
        if (r <= 0) {
            eof = r < 0;
            if (r == 0) {
                // A stream that returns 0 without blocking is treated as at its end.
                eof = true;
            }
            return false;
        }
        pos = 0;
        limit = r;
        return true;
    }

    private void ensureCarry(int size) {
        if (size > carry.length) {
            carry =
                    Arrays.copyOf(
                            carry, Math.max(size, Math.min(carry.length * 2, maxLineBytes + 1)));
        }
    }

    private static int indexOf(byte[] b, int from, int to, byte v) {
        for (int i = from; i < to; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private static int count(byte[] b, int from, int to, byte v) {
        int c = 0;
        for (int i = from; i < to; i++) {
            if (b[i] == v) {
                c++;
            }
        }
        return c;
    }
}
