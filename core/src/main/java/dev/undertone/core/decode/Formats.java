package dev.undertone.core.decode;

import java.util.List;

/** The names of the record formats, as given to {@code --format} and stored in the journal. */
public final class Formats {
    /** Detect the format of each record from its content. */
    public static final String AUTO = "auto";

    /** Bluesky Jetstream event JSON, one event per line. */
    public static final String JETSTREAM = "jetstream";

    /** X API v2 filtered-stream lines. */
    public static final String X_V2 = "x";

    /** Twitter v1.1 tweet JSON lines (the original streaming API, tweet archives). */
    public static final String TWITTER_V1 = "twitter";

    /** Mastodon Status JSON lines, SSE events or streaming WebSocket frames. */
    public static final String MASTODON = "mastodon";

    /** Generic JSON lines {@code {"id","text","created_at","lang","author"}}. */
    public static final String JSON = "json";

    /** Plain text, one post per line. */
    public static final String TEXT = "text";

    /** CSV with a header naming a {@code text} column; each payload is header + one record. */
    public static final String CSV = "csv";

    /** Every format name, {@link #AUTO} first. */
    public static final List<String> ALL =
            List.of(AUTO, JETSTREAM, X_V2, TWITTER_V1, MASTODON, JSON, TEXT, CSV);

    private Formats() {}

    /** Whether the name is one of {@link #ALL}. */
    public static boolean isKnown(String format) {
        return format != null && ALL.contains(format);
    }

    /** The message for an unknown format name, listing the known ones. */
    public static String unknownMessage(String format) {
        return "unknown format '" + format + "'; expected one of " + String.join(", ", ALL);
    }
}
