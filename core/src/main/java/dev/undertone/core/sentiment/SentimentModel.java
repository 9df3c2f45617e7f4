package dev.undertone.core.sentiment;

import java.util.List;

/**
 * A sentiment model: a value that scores batches of texts.
 *
 * <p>Implementations are thread-safe: {@link #classify} may be called from several threads at once.
 * They never throw for any input string (empty, huge, invalid surrogates, control characters): a
 * text they cannot score yields {@link SentimentResult#unscored(String)}.
 */
public interface SentimentModel {

    /** A short stable name plus version, stored on every scored post, e.g. {@code fast-1.0}. */
    String id();

    /**
     * Scores a batch of texts.
     *
     * @param texts the texts, already decoded from their source (the model normalises them)
     * @return one result per text, in the same order
     */
    List<SentimentResult> classify(List<String> texts);

    /**
     * Whether this model scores a post with these language tags (from the post's metadata, or
     * detected; empty when unknown). {@link PostScorer} marks the other posts {@link
     * SentimentResult#UNSUPPORTED_LANGUAGE} without calling the model. The default is what the
     * built-in models were trained on: untagged or English.
     */
    default boolean supports(List<String> langs) {
        return PostScorer.isSupported(langs);
    }

    /**
     * The id stored on a post with these language tags: this model's {@link #id}, or for a model
     * per language ({@link LanguageRoutedModel}) the id of the one that scores them, e.g. {@code
     * fast-2/es}.
     */
    default String idFor(List<String> langs) {
        return id();
    }

    /**
     * Scores a batch of texts, each with its post's language tags. Models that need the language
     * (Comprehend) override this; the default ignores the tags.
     *
     * @param texts the texts
     * @param langs each text's language tags, in the same order (each list may be empty)
     * @return one result per text, in the same order
     */
    default List<SentimentResult> classify(List<String> texts, List<List<String>> langs) {
        return classify(texts);
    }
}
