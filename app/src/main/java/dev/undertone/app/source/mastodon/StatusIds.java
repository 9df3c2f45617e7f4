package dev.undertone.app.source.mastodon;

import java.util.Comparator;

/**
 * Orders Mastodon status ids. They are strings, usually decimal snowflakes that grow with time, so
 * a longer numeric id is newer; non-numeric ids fall back on string order.
 */
final class StatusIds {

    static final Comparator<String> ORDER =
            Comparator.nullsFirst(Comparator.comparingInt(String::length).thenComparing(s -> s));

    private StatusIds() {}

    /** The newer of two ids (either may be null). */
    static String max(String a, String b) {
        return ORDER.compare(a, b) >= 0 ? a : b;
    }
}
