package dev.undertone.app.source.jetstream;

import java.nio.charset.StandardCharsets;

/**
 * Reads the few top-level fields the source needs straight from an event's JSON bytes, without
 * parsing it: the {@code time_us} (the resume position) and an identity for duplicate detection.
 * Decoding proper happens later, in {@code core/decode}; malformed events simply yield "absent".
 */
final class JetstreamEvents {

    private static final byte[] TIME_US = key("time_us");
    private static final byte[] DID = key("did");
    private static final byte[] COMMIT = key("commit");
    private static final byte[][] COMMIT_KEYS = {
        DID, key("rev"), key("operation"), key("collection"), key("rkey")
    };
    private static final byte[] KIND = key("kind");
    private static final byte[][] OTHER_KEYS = {DID, KIND, key("seq")};
    private static final java.util.Set<String> KNOWN_KINDS =
            java.util.Set.of("commit", "identity", "account");
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private JetstreamEvents() {}

    private static byte[] key(String name) {
        return ("\"" + name + "\":").getBytes(StandardCharsets.US_ASCII);
    }

    /** The event's {@code time_us}, or -1 when absent or not a number. */
    static long timeUs(byte[] json) {
        int i = valueStart(json, TIME_US);
        if (i < 0) {
            return -1;
        }
        long v = 0;
        int digits = 0;
        for (; i < json.length && json[i] >= '0' && json[i] <= '9' && digits < 19; i++, digits++) {
            v = v * 10 + (json[i] - '0');
        }
        return digits == 0 ? -1 : v;
    }

    /**
     * A 64-bit hash of what makes an event unique (DID, kind, commit rev, operation, collection,
     * rkey, or the relay seq of identity and account events); 0 when the event has no DID. Two
     * deliveries of the same event hash alike even from different instances, whose {@code time_us}
     * differ.
     */
    static long identity(byte[] json) {
        long h = FNV_OFFSET;
        boolean any = false;
        // only the keys the event's kind has, so no search runs to the end of the event in vain
        byte[][] keys = valueStart(json, COMMIT) >= 0 ? COMMIT_KEYS : OTHER_KEYS;
        for (byte[] k : keys) {
            int start = valueStart(json, k);
            int end = start < 0 ? -1 : valueEnd(json, start);
            if (end > start) {
                any |= k == DID;
                for (int i = start; i < end; i++) {
                    h = (h ^ (json[i] & 0xff)) * FNV_PRIME;
                }
            }
            h = (h ^ 0x1f) * FNV_PRIME;
        }
        return !any || h == 0 ? 0 : h;
    }

    /**
     * The event's top-level {@code kind} when it is not one a post or account change comes from
     * ({@code commit}, {@code identity}, {@code account}), e.g. v2's {@code sync}; null for the
     * known kinds and when there is none.
     */
    static String otherKind(byte[] json) {
        int start = valueStart(json, KIND);
        int end = start < 0 ? -1 : valueEnd(json, start);
        if (end <= start + 1 || json[start] != '"') {
            return null;
        }
        String kind = new String(json, start + 1, end - start - 2, StandardCharsets.UTF_8);
        return KNOWN_KINDS.contains(kind) ? null : kind;
    }

    /** Index of the first byte of the value after the first {@code "key":}, or -1. */
    private static int valueStart(byte[] json, byte[] key) {
        int limit = json.length - key.length;
        outer:
        for (int i = 0; i <= limit; i++) {
            if (json[i] != '"') {
                continue;
            }
            for (int j = 1; j < key.length; j++) {
                if (json[i + j] != key[j]) {
                    continue outer;
                }
            }
            int v = i + key.length;
            while (v < json.length && (json[v] == ' ' || json[v] == '\t')) {
                v++;
            }
            return v < json.length ? v : -1;
        }
        return -1;
    }

    /** End (exclusive) of the string or scalar value starting at {@code start}. */
    private static int valueEnd(byte[] json, int start) {
        if (json[start] == '"') {
            for (int i = start + 1; i < json.length; i++) {
                if (json[i] == '\\') {
                    i++;
                } else if (json[i] == '"') {
                    return i + 1;
                }
            }
            return -1;
        }
        int i = start;
        while (i < json.length && json[i] != ',' && json[i] != '}' && json[i] != ']') {
            i++;
        }
        return i;
    }
}
