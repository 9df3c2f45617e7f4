package dev.undertone.core.post;

import java.util.Locale;

/** Where a post was published. The name is the first part of every post key. */
public enum PostSource {
    BLUESKY,
    X,
    MASTODON,
    FILE;

    /** The lower-case name used in keys, the index and the API. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a source id as written in keys and the API.
     *
     * @throws IllegalArgumentException if the name is not a known source
     */
    public static PostSource fromId(String id) {
        for (PostSource s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown source '" + id + "'");
    }
}
