package dev.undertone.core.decode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Normalises language tags from post metadata to lower-case primary subtags. */
public final class Langs {
    /** Tags that say "no language" or "unknown" (X uses the q* private-use codes). */
    private static final Set<String> NOT_A_LANGUAGE =
            Set.of("und", "zxx", "mul", "mis", "qme", "qht", "qam", "qct", "qst", "art");

    private static final int MAX_TAGS = 3;

    private Langs() {}

    /**
     * Reduces tags such as {@code en-US} to {@code en}, drops unknown or malformed ones and
     * duplicates, and keeps at most three, in order.
     */
    public static List<String> normalize(Collection<String> tags) {
        if (tags == null || tags.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(Math.min(tags.size(), MAX_TAGS));
        for (String tag : tags) {
            String primary = primary(tag);
            if (primary != null && !out.contains(primary)) {
                out.add(primary);
                if (out.size() == MAX_TAGS) {
                    break;
                }
            }
        }
        return out;
    }

    /** One tag's primary subtag in lower case, or null when it is not a language. */
    public static String primary(String tag) {
        if (tag == null) {
            return null;
        }
        String t = tag.trim();
        int cut = indexOfSeparator(t);
        String p = (cut < 0 ? t : t.substring(0, cut)).toLowerCase(Locale.ROOT);
        if (p.length() < 2 || p.length() > 3 || !isAsciiLowerCase(p)) {
            return null;
        }
        return NOT_A_LANGUAGE.contains(p) ? null : p;
    }

    /** A loop, not a stream: the scorer asks for every post's tags, several times. */
    private static boolean isAsciiLowerCase(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    private static int indexOfSeparator(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '-' || c == '_') {
                return i;
            }
        }
        return -1;
    }
}
