package dev.undertone.app.model.accurate;

import dev.undertone.core.sentiment.SentimentModel;
import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.core.sentiment.SentimentScores;
import dev.undertone.core.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Computes what the accurate model's head reads for each text: the pooled MiniLM states ({@link
 * Pooling#DIMS} floats) followed by the {@code fast} model's four scores ({@link #FAST} floats).
 * Texts are normalised as the fast model does; a text that is empty afterwards gets all zeros and
 * {@link #isEmpty} says so.
 */
final class TextFeatures {

    /** Floats of the fast model's scores: positive, negative, neutral, mixed. */
    static final int FAST = 4;

    /** Floats per text. */
    static final int DIMS = Pooling.DIMS + FAST;

    /** Texts encoded per chunk when computing many (progress is reported per chunk). */
    static final int CHUNK = 512;

    private final MiniLmEncoder encoder;
    private final SentimentModel fast;

    TextFeatures(MiniLmEncoder encoder, SentimentModel fast) {
        this.encoder = encoder;
        this.fast = fast;
    }

    /**
     * The features of the texts.
     *
     * @param texts raw texts (any string)
     * @param progress told how many texts are done after each chunk
     * @return {@link #DIMS} floats per text, text after text
     */
    float[] compute(List<String> texts, LongConsumer progress) {
        float[] out = new float[texts.size() * DIMS];
        for (int start = 0; start < texts.size(); start += CHUNK) {
            int end = Math.min(texts.size(), start + CHUNK);
            computeChunk(texts.subList(start, end), out, start);
            progress.accept(end);
        }
        return out;
    }

    private void computeChunk(List<String> texts, float[] out, int first) {
        List<String> normalized = new ArrayList<>(texts.size());
        List<Integer> rows = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String n = TextNormalizer.normalize(texts.get(i));
            if (!n.isEmpty()) {
                normalized.add(n);
                rows.add(first + i);
            }
        }
        float[] pooled = encoder.encode(normalized);
        List<SentimentResult> fastResults = fast.classify(normalized);
        for (int j = 0; j < rows.size(); j++) {
            int at = rows.get(j) * DIMS;
            System.arraycopy(pooled, j * Pooling.DIMS, out, at, Pooling.DIMS);
            SentimentResult r = fastResults.get(j);
            if (r.isScored()) {
                SentimentScores s = r.scores();
                out[at + Pooling.DIMS] = (float) s.positive();
                out[at + Pooling.DIMS + 1] = (float) s.negative();
                out[at + Pooling.DIMS + 2] = (float) s.neutral();
                out[at + Pooling.DIMS + 3] = (float) s.mixed();
            }
        }
    }

    /** Whether a row of features is all zeros (its text was empty once normalised). */
    static boolean isEmpty(float[] features, int row) {
        int at = row * DIMS;
        for (int d = 0; d < DIMS; d++) {
            if (features[at + d] != 0f) {
                return false;
            }
        }
        return true;
    }
}
