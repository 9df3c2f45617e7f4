package dev.undertone.app.store;

import dev.undertone.core.index.IndexFields;
import java.util.Locale;

/** The fields whose top terms a store can count (the {@code field} parameter of the terms API). */
public enum TermField {
    /** Hashtags, lower-cased, without the {@code #}. */
    HASHTAGS(IndexFields.HASHTAGS),
    /** Mentioned handles, lower-cased, without the {@code @}. */
    MENTIONS(IndexFields.MENTIONS),
    /** Content words of the text (see {@link dev.undertone.core.index.ContentWords}). */
    WORDS(IndexFields.WORDS);

    private final String indexField;

    TermField(String indexField) {
        this.indexField = indexField;
    }

    /** The index field that holds the terms. */
    public String indexField() {
        return indexField;
    }

    /** The name used in the API. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the API name.
     *
     * @throws InvalidQueryException naming {@code field} if the name is unknown
     */
    public static TermField parse(String id) {
        for (TermField f : values()) {
            if (f.id().equalsIgnoreCase(id.strip())) {
                return f;
            }
        }
        throw new InvalidQueryException("field", "must be one of hashtags, mentions, words");
    }
}
