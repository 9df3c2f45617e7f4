package dev.undertone.core.sentiment.fast;

import dev.undertone.core.sentiment.eval.LabeledTexts;
import java.util.List;

/**
 * The settings of the English {@code fast} model checked by k-fold cross-validation over the
 * TweetEval train split, rather than on the 2,000 val tweets alone (a small sample from another
 * period than the held-out tweets the model meets later), with the machinery of {@link
 * LanguageSettings}. The shipped settings ({@link TrainOptions#defaults()}) stay unless a neighbour
 * beats them by more than {@link #MARGIN}.
 */
public final class EnglishSettings {

    /** A candidate must beat the shipped settings by this much (the folds' noise is ~0.003). */
    public static final double MARGIN = 0.005;

    private EnglishSettings() {}

    /** The shipped settings first, then one change at a time around them. */
    public static List<LanguageRecipe> grid() {
        TrainOptions d = TrainOptions.defaults();
        FeatureSpec s = d.spec();
        return List.of(
                english("shipped", d),
                english("l2 1e-3", with(d, d.epochs(), 1e-3, d.nbAlpha())),
                english("l2 1e-2", with(d, d.epochs(), 1e-2, d.nbAlpha())),
                english("3 epochs", with(d, 3, d.l2(), d.nbAlpha())),
                english("nb alpha 1", with(d, d.epochs(), d.l2(), 1.0)),
                english(
                        "chars 2-4",
                        new TrainOptions(
                                new FeatureSpec(s.bits(), 2, 4, s.wordBigrams(), s.negation()),
                                d.epochs(),
                                d.learningRate(),
                                d.l2(),
                                d.balanced(),
                                d.nbAlpha(),
                                d.runs(),
                                d.seed())));
    }

    private static LanguageRecipe english(String name, TrainOptions options) {
        return new LanguageRecipe(FastModel.ENGLISH, name, options, 0);
    }

    private static TrainOptions with(TrainOptions d, int epochs, double l2, double nbAlpha) {
        return new TrainOptions(
                d.spec(), epochs, d.learningRate(), l2, d.balanced(), nbAlpha, d.runs(), d.seed());
    }

    /** Cross-validates each candidate of {@link #grid} over {@code train}, in grid order. */
    public static List<LanguageSettings.Scored> search(
            LabeledTexts train, LanguageSettings.Listener listener) {
        return LanguageSettings.search(grid(), train, null, listener);
    }

    /** The shipped candidate, unless the best beats it by more than {@link #MARGIN}. */
    public static LanguageSettings.Scored choice(List<LanguageSettings.Scored> scored) {
        LanguageSettings.Scored shipped = scored.get(0);
        LanguageSettings.Scored best = LanguageSettings.best(scored);
        return best.metrics().macroRecall() - shipped.metrics().macroRecall() > MARGIN
                ? best
                : shipped;
    }
}
