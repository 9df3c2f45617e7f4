package dev.undertone.core.sentiment.fast;

/**
 * The settings of one training run; the defaults are the ones the shipped model was built with,
 * chosen on TweetEval's validation split.
 *
 * @param spec the features
 * @param epochs passes over the training data
 * @param learningRate AdaGrad's base step
 * @param l2 L2 penalty, applied to the weights of the features each example has
 * @param balanced whether each class gets the same total weight (recommended: the held-out data's
 *     class balance differs from training's)
 * @param nbAlpha smoothing of the naive Bayes log-count ratios that scale the hashed features (0
 *     leaves them unscaled)
 * @param runs independent runs, each in its own order (seeds {@code seed}, {@code seed + 1}, ...),
 *     whose weights are averaged
 * @param seed seed of the example order
 * @param normalization the {@link LanguageNormalization} flags (0 for English)
 */
public record TrainOptions(
        FeatureSpec spec,
        int epochs,
        double learningRate,
        double l2,
        boolean balanced,
        double nbAlpha,
        int runs,
        long seed,
        int normalization) {

    /** Settings without language folding. */
    public TrainOptions(
            FeatureSpec spec,
            int epochs,
            double learningRate,
            double l2,
            boolean balanced,
            double nbAlpha,
            int runs,
            long seed) {
        this(spec, epochs, learningRate, l2, balanced, nbAlpha, runs, seed, 0);
    }

    public TrainOptions {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1: " + epochs);
        }
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1: " + runs);
        }
        if (!(learningRate > 0) || !(l2 >= 0) || !(nbAlpha >= 0)) {
            throw new IllegalArgumentException("learningRate must be > 0, l2 and nbAlpha >= 0");
        }
    }

    /** The settings of the shipped model. */
    public static TrainOptions defaults() {
        return new TrainOptions(
                new FeatureSpec(19, 2, 5, true, true), 2, 0.1, 3e-3, true, 2.0, 3, 42);
    }

    /** These settings with another seed. */
    public TrainOptions withSeed(long newSeed) {
        return new TrainOptions(
                spec, epochs, learningRate, l2, balanced, nbAlpha, runs, newSeed, normalization);
    }

    /** Whether Arabic letters are folded ({@link LanguageNormalization#ARABIC}). */
    public boolean foldsArabic() {
        return (normalization & LanguageNormalization.ARABIC) != 0;
    }

    /** Whether Latin accents are folded ({@link LanguageNormalization#FOLD_ACCENTS}). */
    public boolean foldsAccents() {
        return (normalization & LanguageNormalization.FOLD_ACCENTS) != 0;
    }

    /** The flag of Arabic folding, for {@link #normalization}. */
    public static final int ARABIC = LanguageNormalization.ARABIC;

    /** The flag of accent folding, for {@link #normalization}. */
    public static final int FOLD_ACCENTS = LanguageNormalization.FOLD_ACCENTS;
}
