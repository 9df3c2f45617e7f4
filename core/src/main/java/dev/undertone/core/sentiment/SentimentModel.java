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
}
