package dev.undertone.app.store;

import java.util.List;

/**
 * The distinct content words of a post's text, as indexed in {@code words} for the top-terms view.
 * The rules live in {@link dev.undertone.core.index.ContentWords}, shared with the Flink job so
 * that every store indexes the same words.
 */
public final class ContentWords {
    /** The most words kept from one post. */
    public static final int MAX_WORDS_PER_POST =
            dev.undertone.core.index.ContentWords.MAX_WORDS_PER_POST;

    private ContentWords() {}

    /** The distinct content words of a text, in order of first occurrence. */
    public static List<String> of(String text) {
        return dev.undertone.core.index.ContentWords.of(text);
    }
}
