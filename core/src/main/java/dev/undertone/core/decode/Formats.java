package dev.undertone.core.decode;

/** The names of the record formats, as given to {@code --format} and stored in the journal. */
public final class Formats {
    /** Detect the format of each record from its content. */
    public static final String AUTO = "auto";

    public static final String JETSTREAM = "jetstream";
    public static final String X_V2 = "x";
    public static final String TWITTER_V1 = "twitter";
    public static final String MASTODON = "mastodon";
    public static final String JSON = "json";
    public static final String TEXT = "text";
    public static final String CSV = "csv";

    private Formats() {}
}
