package dev.undertone.core.sentiment.fast;

import dev.undertone.core.sentiment.eval.LabeledTexts;
import dev.undertone.core.sentiment.eval.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The settings of the English {@code fast} model checked by k-fold cross-validation over the
 * TweetEval train split, rather than on the 2,000 val tweets alone (a small sample from another
 * period than the held-out tweets the model meets later). The shipped settings ({@link
 * TrainOptions#defaults()}) stay unless a neighbour beats them by more than {@link #MARGIN}.
 */
public final class EnglishSettings {

    /** A candidate must beat the shipped settings by this much (the folds' noise is ~0.003). */
    public static final double MARGIN = 0.005;

    private EnglishSettings() {}

    /** A named candidate. */
    public record Candidate(String name, TrainOptions options) {}

    /** A candidate with its pooled out-of-fold metrics. */
    public record Scored(Candidate candidate, Metrics metrics) {}

    /** The shipped settings first, then one change at a time around them. */
    public static List<Candidate> grid() {
        TrainOptions d = TrainOptions.defaults();
        FeatureSpec s = d.spec();
        return List.of(
                new Candidate("shipped", d),
                new Candidate("l2 1e-3", with(d, d.epochs(), 1e-3, d.nbAlpha())),
                new Candidate("l2 1e-2", with(d, d.epochs(), 1e-2, d.nbAlpha())),
                new Candidate("3 epochs", with(d, 3, d.l2(), d.nbAlpha())),
                new Candidate("nb alpha 1", with(d, d.epochs(), d.l2(), 1.0)),
                new Candidate(
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

    private static TrainOptions with(TrainOptions d, int epochs, double l2, double nbAlpha) {
        return new TrainOptions(
                d.spec(), epochs, d.learningRate(), l2, d.balanced(), nbAlpha, d.runs(), d.seed());
    }

    /** Cross-validates each candidate ({@link LanguageSettings#FOLDS} folds) in grid order. */
    public static List<Scored> search(LabeledTexts train, Consumer<Scored> listener) {
        List<Scored> out = new ArrayList<>();
        for (Candidate c : grid()) {
            Metrics m =
                    CrossValidation.evaluate(
                            c.options(),
                            "en",
                            train,
                            null,
                            LanguageSettings.FOLDS,
                            LanguageSettings.FOLD_SEED);
            Scored s = new Scored(c, m);
            listener.accept(s);
            out.add(s);
        }
        return out;
    }

    /** The shipped candidate, unless another beats it by more than {@link #MARGIN}. */
    public static Scored choice(List<Scored> scored) {
        Scored shipped = scored.get(0);
        Scored best = shipped;
        for (Scored s : scored) {
            if (s.metrics().macroRecall() > best.metrics().macroRecall()) {
                best = s;
            }
        }
        return best.metrics().macroRecall() - shipped.metrics().macroRecall() > MARGIN
                ? best
                : shipped;
    }
}
