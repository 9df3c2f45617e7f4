package dev.undertone.app.source.file;

import java.util.Arrays;

/**
 * Joins lines into one record payload, keeping at most {@code maxBytes + 1} bytes: a payload over
 * the limit stays over it (so the decoder rejects it) without growing further.
 */
final class PayloadBuilder {
    private final int cap;
    private byte[] bytes = new byte[512];
    private int size;

    PayloadBuilder(int maxBytes) {
        this.cap = maxBytes + 1;
    }

    void append(byte b) {
        if (size < cap) {
            grow(size + 1);
            bytes[size++] = b;
        }
    }

    /** Appends a line; a truncated line fills the payload to over the limit. */
    void append(byte[] line, boolean truncated) {
        int take = Math.min(line.length, cap - size);
        if (take > 0) {
            grow(size + take);
            System.arraycopy(line, 0, bytes, size, take);
            size += take;
        }
        if (truncated && size < cap) {
            // The line was cut at read time: mark the record as over the limit.
            grow(cap);
            Arrays.fill(bytes, size, cap, (byte) ' ');
            size = cap;
        }
    }

    byte[] bytes() {
        return Arrays.copyOf(bytes, size);
    }

    private void grow(int needed) {
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.min(cap, Math.max(needed, bytes.length * 2)));
        }
    }
}
