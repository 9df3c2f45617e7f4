package dev.undertone.core.decode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Validates source-native ids and derives stable ids for records that carry none. */
final class Ids {
    /** Origins longer than this are hashed so derived ids stay short. */
    private static final int MAX_READABLE_ORIGIN = 200;

    private static final int HASH_HEX_CHARS = 32;

    private Ids() {}

    /**
     * Returns the id if it is acceptable, else rejects the record naming the problem.
     *
     * @param what what the id is, for the message (e.g. "tweet id")
     */
    static String check(String id, String what) {
        if (id == null) {
            throw new Rejection("record has no " + what);
        }
        if (id.isEmpty()) {
            throw new Rejection("record has an empty " + what);
        }
        if (id.length() > RecordLimits.MAX_ID_CHARS) {
            throw new Rejection(
                    what
                            + " is "
                            + id.length()
                            + " characters long, over the limit of "
                            + RecordLimits.MAX_ID_CHARS);
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c > ' ' && c < 0x7f) {
                continue;
            }
            if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                throw new Rejection(
                        what + " contains a control or whitespace character at position " + i);
            }
        }
        return id;
    }

    /** Rejects an id that is not 1 to 19 ASCII digits (X and Twitter ids). */
    static String checkNumeric(String id, String what) {
        check(id, what);
        if (id.length() > 19 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Rejection(what + " '" + abbreviate(id) + "' is not a number");
        }
        return id;
    }

    /**
     * A stable id for a record without one: its origin (file and line) when known, so replays of
     * the same file are idempotent; otherwise a hash of its bytes.
     */
    static String derive(String origin, byte[] payload) {
        if (origin != null && !origin.isEmpty()) {
            boolean readable = origin.length() <= MAX_READABLE_ORIGIN;
            for (int i = 0; readable && i < origin.length(); i++) {
                char c = origin.charAt(i);
                readable = !Character.isISOControl(c) && !Character.isWhitespace(c);
            }
            return readable ? origin : "o" + hash(origin.getBytes(StandardCharsets.UTF_8));
        }
        return "h" + hash(payload);
    }

    static String hash(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
