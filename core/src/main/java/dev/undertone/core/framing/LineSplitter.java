package dev.undertone.core.framing;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/**
 * Cuts a byte stream that arrives in arbitrary chunks into lines ending in {@code \n}, {@code \r\n}
 * or {@code \r} (the terminators HTTP streaming and Server-Sent Events use), whatever the chunk
 * boundaries: a line torn across chunks comes out whole, and a {@code \r\n} split between two
 * chunks counts once. Used by the live sources and the decoders. Not thread-safe: one reader feeds
 * it.
 */
public final class LineSplitter {

    /**
     * One line: {@code raw} holds its bytes with the terminator, the first {@code length} without.
     */
    public record Line(byte[] raw, int length) {
        /** True for an empty line (a keep-alive, or the end of an SSE event). */
        public boolean isBlank() {
            return length == 0;
        }

        /** The bytes without the terminator. */
        public byte[] content() {
            return java.util.Arrays.copyOf(raw, length);
        }
    }

    private static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream(4096);
    private boolean lastWasCr;

    /**
     * Feeds {@code n} bytes from {@code buf} and hands every completed line to {@code out}.
     *
     * @throws IllegalStateException never; a line longer than 16 MiB is cut there to bound memory
     */
    public void feed(byte[] buf, int off, int n, Consumer<Line> out) {
        int start = off;
        int end = off + n;
        for (int i = off; i < end; i++) {
            byte b = buf[i];
            if (lastWasCr) {
                lastWasCr = false;
                if (b == '\n') {
                    // the \n completing a \r\n whose \r ended the previous chunk: already emitted
                    start = i + 1;
                    continue;
                }
            }
            if (b == '\n' || b == '\r') {
                int len = pending.size() + (i - start);
                pending.write(buf, start, i - start);
                boolean crlf = b == '\r' && i + 1 < end && buf[i + 1] == '\n';
                int termEnd = crlf ? i + 2 : i + 1;
                pending.write(buf, i, termEnd - i);
                out.accept(new Line(pending.toByteArray(), len));
                pending.reset();
                if (b == '\r' && !crlf) {
                    lastWasCr = i + 1 == end;
                }
                i = termEnd - 1;
                start = termEnd;
            }
        }
        if (start < end) {
            pending.write(buf, start, end - start);
            if (pending.size() > MAX_LINE_BYTES) {
                out.accept(new Line(pending.toByteArray(), pending.size()));
                pending.reset();
            }
        }
    }

    /**
     * Hands out the unfinished line held back, if any, as a last line without terminator: for a
     * whole payload, whose last line need not end in one (a live stream drops it instead).
     */
    public void finish(Consumer<Line> out) {
        if (pending.size() > 0) {
            out.accept(new Line(pending.toByteArray(), pending.size()));
            pending.reset();
        }
        lastWasCr = false;
    }

    /** The lines of a whole payload, the last one with or without its terminator. */
    public static java.util.List<Line> lines(byte[] payload) {
        java.util.List<Line> out = new java.util.ArrayList<>();
        LineSplitter s = new LineSplitter();
        s.feed(payload, 0, payload.length, out::add);
        s.finish(out::add);
        return out;
    }

    /** Bytes of an unfinished line held back, waiting for its terminator. */
    public int pendingBytes() {
        return pending.size();
    }
}
