package dev.undertone.core.sentiment.fast;

import dev.undertone.core.decode.Langs;
import dev.undertone.core.sentiment.MixedRule;
import dev.undertone.core.sentiment.SentimentModel;
import dev.undertone.core.sentiment.SentimentResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The built-in {@code fast} model: a class-balanced multinomial logistic regression over hashed
 * word and character n-grams plus lexicon and style features, trained on TweetEval by {@link
 * FastTrainer}. Scoring a tweet takes a few microseconds on one core.
 *
 * <p>Thread-safe and immutable: the weights are never written after construction and each call of
 * {@link #classify} uses its own buffers. Texts are normalised with {@link TextNormalizer}; one
 * that is empty afterwards is unscored with {@link SentimentResult#EMPTY_TEXT}.
 */
public final class FastModel implements SentimentModel {

    /** The name users pass to {@code --model}. */
    public static final String NAME = "fast";

    /** Class ids of the weight columns and the probabilities: TweetEval's label ids. */
    static final int NEGATIVE = 0;

    static final int NEUTRAL = 1;
    static final int POSITIVE = 2;

    /** The language of the English model, which also scores posts whose language is unknown. */
    public static final String ENGLISH = "en";

    private final String id;
    private final String language;
    private final FeatureExtractor extractor;
    private final Weights weights;

    /** A model with trained weights, which it quantises. */
    FastModel(String id, String language, FeatureExtractor extractor, float[] weights) {
        this(id, language, extractor, Weights.quantize(weights));
    }

    FastModel(String id, String language, FeatureExtractor extractor, Weights weights) {
        this.id = Objects.requireNonNull(id, "id");
        this.language = Objects.requireNonNull(language, "language");
        this.extractor = extractor;
        this.weights = weights;
        int expected = extractor.spec().rows() * Scorer.CLASSES;
        if (weights.length() != expected) {
            throw new IllegalArgumentException(
                    "expected " + expected + " weights, got " + weights.length());
        }
    }

    @Override
    public String id() {
        return id;
    }

    /** The language this model was trained on, an ISO 639-1 code such as {@code es}. */
    public String language() {
        return language;
    }

    /**
     * Posts tagged with this model's language; the English model also takes untagged posts (as
     * fast-1 always has).
     */
    @Override
    public boolean supports(List<String> langs) {
        if (langs.isEmpty()) {
            return ENGLISH.equals(language);
        }
        for (String tag : langs) {
            if (language.equals(Langs.primary(tag))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<SentimentResult> classify(List<String> texts) {
        Tokens tokens = new Tokens();
        Scorer scorer = new Scorer(weights, extractor.spec().buckets());
        double[] p = new double[Scorer.CLASSES];
        List<SentimentResult> results = new ArrayList<>(texts.size());
        for (String text : texts) {
            String normalized = extractor.prepare(text);
            if (normalized.isEmpty()) {
                results.add(SentimentResult.unscored(SentimentResult.EMPTY_TEXT));
                continue;
            }
            scorer.reset();
            extractor.extract(normalized, tokens, scorer);
            scorer.probabilities(p);
            results.add(MixedRule.result(p[POSITIVE], p[NEGATIVE], p[NEUTRAL]));
        }
        return results;
    }

    FeatureExtractor extractor() {
        return extractor;
    }

    Weights weights() {
        return weights;
    }
}
