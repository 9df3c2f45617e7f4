package dev.undertone.core.alert;

import java.util.Locale;

/** What changed in a window: its volume, or the share of negative posts. */
public enum AlertKind {
    /** Many more posts than the baseline of the preceding windows. */
    VOLUME,
    /** A much larger share of negative posts than the baseline. */
    NEGATIVE_SHARE;

    /** The name in JSON and the API: {@code volume}, {@code negative_share}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@link #id()}.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static AlertKind fromId(String id) {
        for (AlertKind k : values()) {
            if (k.id().equalsIgnoreCase(id.strip())) {
                return k;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not one of volume, negative_share");
    }
}
