package dev.undertone.core.decode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Locale;

/** The checks every payload passes before any decoder looks at it: size, NUL bytes, UTF-8. */
final class PayloadChecks {
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_BITS = 0x0101010101010101L;

    private PayloadChecks() {}

    /** Returns why the payload is unacceptable, or null when it may be decoded. */
    static String problem(byte[] payload) {
        if (payload.length > RecordLimits.MAX_RECORD_BYTES) {
            return "record is larger than the "
                    + RecordLimits.MAX_RECORD_BYTES
                    + "-byte (1 MiB) limit; only its first bytes were kept: split or shorten it";
        }
        int i = 0;
        int n = payload.length;
        while (i < n) {
            // Eight bytes at a time while they are all ASCII and none is NUL (most payloads).
            while (i + Long.BYTES <= n) {
                long v = (long) LONGS.get(payload, i);
                if ((v & HIGH_BITS) != 0 || ((v - LOW_BITS) & ~v & HIGH_BITS) != 0) {
                    break;
                }
                i += Long.BYTES;
            }
            if (i >= n) {
                break;
            }
            int b = payload[i];
            if (b > 0) {
                i++;
                continue;
            }
            if (b == 0) {
                return "record contains a NUL byte at offset "
                        + i
                        + "; the input looks binary or UTF-16 encoded: convert it to UTF-8 text";
            }
            int len = utf8SequenceLength(payload, i);
            if (len < 0) {
                return String.format(
                        Locale.ROOT,
                        "record is not valid UTF-8 (byte 0x%02x at offset %d): convert the input"
                                + " to UTF-8",
                        payload[i] & 0xff,
                        i);
            }
            i += len;
        }
        return null;
    }

    /** The length of the well-formed UTF-8 sequence starting at i (a non-ASCII lead), or -1. */
    private static int utf8SequenceLength(byte[] p, int i) {
        int b0 = p[i] & 0xff;
        int n = p.length;
        if (b0 >= 0xc2 && b0 <= 0xdf) {
            return i + 1 < n && isCont(p[i + 1]) ? 2 : -1;
        }
        if (b0 >= 0xe0 && b0 <= 0xef) {
            if (i + 2 >= n || !isCont(p[i + 1]) || !isCont(p[i + 2])) {
                return -1;
            }
            int b1 = p[i + 1] & 0xff;
            // Overlong encodings and UTF-16 surrogates are not valid UTF-8.
            if ((b0 == 0xe0 && b1 < 0xa0) || (b0 == 0xed && b1 > 0x9f)) {
                return -1;
            }
            return 3;
        }
        if (b0 >= 0xf0 && b0 <= 0xf4) {
            if (i + 3 >= n || !isCont(p[i + 1]) || !isCont(p[i + 2]) || !isCont(p[i + 3])) {
                return -1;
            }
            int b1 = p[i + 1] & 0xff;
            if ((b0 == 0xf0 && b1 < 0x90) || (b0 == 0xf4 && b1 > 0x8f)) {
                return -1;
            }
            return 4;
        }
        return -1;
    }

    private static boolean isCont(byte b) {
        return (b & 0xc0) == 0x80;
    }
}
