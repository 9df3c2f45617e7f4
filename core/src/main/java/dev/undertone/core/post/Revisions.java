package dev.undertone.core.post;

import java.time.Instant;

/**
 * Revisions order the versions of one post as its source ordered them, whatever order they arrive
 * in: a higher revision is a newer version. Each source has its own scale (Bluesky: the commit's
 * repository revision, a TID; X: the id of the version in the edit chain; Mastodon: the microsecond
 * of {@code edited_at}, else {@code created_at}), so revisions compare only between versions of the
 * same post.
 */
public final class Revisions {
    /**
     * The revision of a post whose source gives none: it replaces, and is replaced by, anything.
     */
    public static final long UNKNOWN = 0;

    private static final String TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";
    private static final int TID_LENGTH = 13;
    private static final int TID_BITS_PER_CHAR = 5;

    private Revisions() {}

    /**
     * Whether a version with revision {@code incoming} is older than the stored one with {@code
     * stored}, so must not replace it. Unknown revisions are never older and never newer.
     */
    public static boolean isOlder(long incoming, long stored) {
        return incoming != UNKNOWN && stored != UNKNOWN && incoming < stored;
    }

    /**
     * The number an atproto TID stands for (13 base32-sortable characters, a 63-bit integer whose
     * order is the TID's string order), or {@link #UNKNOWN} when the text is not a TID.
     */
    public static long fromTid(String tid) {
        if (tid == null || tid.length() != TID_LENGTH) {
            return UNKNOWN;
        }
        long v = 0;
        for (int i = 0; i < TID_LENGTH; i++) {
            int digit = TID_ALPHABET.indexOf(tid.charAt(i));
            if (digit < 0) {
                return UNKNOWN;
            }
            v = (v << TID_BITS_PER_CHAR) | digit;
        }
        // 13 characters carry 65 bits: a TID's first character leaves the top two at zero.
        int first = TID_ALPHABET.indexOf(tid.charAt(0));
        return first >= 1 << 3 ? UNKNOWN : v;
    }

    /** A revision from a point in time: its microseconds since the epoch. */
    public static long fromInstant(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }
}
