package dev.undertone.core.index;

/**
 * The field names of a stored post, shared by the Lucene index, the OpenSearch template and the API
 * so that the same names mean the same thing everywhere.
 */
public final class IndexFields {
    /** {@code source:id}; the document id. Keyword. */
    public static final String KEY = "key";

    /** {@code bluesky|x|mastodon|file}. Keyword. */
    public static final String SOURCE = "source";

    /** The source-native id. Keyword. */
    public static final String ID = "id";

    /** When the post was published. Date (epoch millis in doc values). */
    public static final String CREATED_AT = "created_at";

    /** When Undertone indexed it. Date. */
    public static final String INDEXED_AT = "indexed_at";

    /** When it was scored. Date. */
    public static final String SCORED_AT = "scored_at";

    /** The author's handle. Keyword. */
    public static final String AUTHOR = "author";

    /** The author's stable id. Keyword. */
    public static final String AUTHOR_ID = "author_id";

    /**
     * The post's revision in its source's own order ({@code Revisions}); absent when the source
     * gives none. Long (doc values): a store never lets an older revision replace a newer one.
     */
    public static final String REVISION = "revision";

    /** The post's text. Analysed and stored. */
    public static final String TEXT = "text";

    /** Language tags. Multi-valued keyword. */
    public static final String LANG = "lang";

    /** Link to the original. Stored only. */
    public static final String URL = "url";

    /** Hashtags, lower-cased. Multi-valued keyword. */
    public static final String HASHTAGS = "hashtags";

    /** Mentioned handles, lower-cased. Multi-valued keyword. */
    public static final String MENTIONS = "mentions";

    /**
     * Distinct content words of the text (lower-cased, stop words removed), for the top-terms view.
     * Multi-valued keyword.
     */
    public static final String WORDS = "words";

    /** The track phrases the post matched. Multi-valued keyword. */
    public static final String TRACKS = "tracks";

    /** POSITIVE, NEGATIVE, NEUTRAL, MIXED, or {@link #UNSCORED}. Keyword, faceted. */
    public static final String SENTIMENT = "sentiment";

    /** Why a post was not scored (empty_text, unsupported_language). Keyword. */
    public static final String UNSCORED_REASON = "unscored_reason";

    public static final String SCORE_POSITIVE = "score_positive";
    public static final String SCORE_NEGATIVE = "score_negative";
    public static final String SCORE_NEUTRAL = "score_neutral";
    public static final String SCORE_MIXED = "score_mixed";

    /** The winning score. Double doc values. */
    public static final String CONFIDENCE = "confidence";

    /** The id of the model that scored the post. Keyword. */
    public static final String MODEL = "model";

    /** Reply / repost / quote markers. Keyword {@code true|false}. */
    public static final String REPLY = "reply";

    public static final String REPOST = "repost";
    public static final String QUOTE = "quote";

    /** The value of {@link #SENTIMENT} for a post the model did not score. */
    public static final String UNSCORED = "UNSCORED";

    private IndexFields() {}
}
