package dev.undertone.core.sentiment.fast;

import dev.undertone.core.sentiment.eval.LabeledTexts;
import dev.undertone.core.sentiment.eval.Metrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The settings of each language's shipped fast model ({@code fast-2/L}), and the small grid they
 * were chosen from by 5-fold cross-validation over that language's train split only ({@link
 * #search}); the validation split is only reported. The grid is kept small on purpose: a few
 * feature shapes and regularisations that differ in kind, each with and without the language's
 * folding, and once with English tweets added.
 */
public final class LanguageSettings {

    /** Folds of the cross-validation. */
    public static final int FOLDS = 5;

    /** Seed of the folds. */
    public static final long FOLD_SEED = 7;

    /** English tweets added in the one grid entry that adds them. */
    static final int ENGLISH_EXAMPLES = 10_000;

    /** Hashed-table bits: 2^18 buckets are plenty for 1,839 tweets and keep each file at 1.5 MB. */
    static final int BITS = 18;

    /** The seed of the example order of every language model (fast-1's). */
    static final long SEED = 42;

    /**
     * The winner of {@link #search} per language, recorded so that {@code train} is quick. Hindi's
     * is recorded so that its figures can be reproduced, but its model is not shipped: every
     * setting is at chance in cross-validation ({@link FastModels#LANGUAGES}).
     */
    private static final Map<String, String> CHOSEN =
            Map.of(
                    "ar", "B+fold+lex",
                    "de", "D+fold+lex",
                    "es", "A+fold+lex",
                    "fr", "D+fold+lex",
                    "hi", "A+en",
                    "it", "A+fold+lex",
                    "pt", "E+fold+lex");

    private LanguageSettings() {}

    /** The folding that fits a language's script: Arabic letters, or Latin accents. */
    static int folding(String language) {
        return switch (language) {
            case "ar" -> LanguageNormalization.ARABIC;
            case "hi" -> LanguageNormalization.NONE;
            default -> LanguageNormalization.FOLD_ACCENTS;
        };
    }

    /** The candidates of one language, in a fixed order (the first best one wins ties). */
    public static List<LanguageRecipe> grid(String language) {
        List<LanguageRecipe> out = new ArrayList<>();
        int fold = folding(language);
        int[] foldings = fold == 0 ? new int[] {0} : new int[] {0, fold};
        for (int f : foldings) {
            addShapes(out, language, f == 0 ? "" : "+fold", f);
        }
        out.add(recipe(language, "A+en", 2, 5, 2, 3e-3, 2.0, fold, ENGLISH_EXAMPLES));
        // The language's own lexicon (with its folding) beside VADER's, on each shape.
        addShapes(
                out,
                language,
                fold == 0 ? "+lex" : "+fold+lex",
                fold | LanguageNormalization.LEXICON);
        return out;
    }

    /** The five feature shapes A-E under one normalisation, named with its suffix. */
    private static void addShapes(
            List<LanguageRecipe> out, String language, String suffix, int normalization) {
        out.add(recipe(language, "A" + suffix, 2, 5, 2, 3e-3, 2.0, normalization, 0));
        out.add(recipe(language, "B" + suffix, 1, 4, 3, 1e-3, 1.0, normalization, 0));
        out.add(recipe(language, "C" + suffix, 0, 0, 2, 3e-3, 2.0, normalization, 0));
        out.add(recipe(language, "D" + suffix, 2, 5, 5, 1e-2, 2.0, normalization, 0));
        out.add(recipe(language, "E" + suffix, 3, 6, 2, 3e-3, 0.5, normalization, 0));
    }

    private static LanguageRecipe recipe(
            String language,
            String name,
            int charMin,
            int charMax,
            int epochs,
            double l2,
            double nbAlpha,
            int folding,
            int english) {
        TrainOptions o =
                new TrainOptions(
                        new FeatureSpec(BITS, charMin, charMax, true, true),
                        epochs,
                        0.1,
                        l2,
                        true,
                        nbAlpha,
                        3,
                        SEED,
                        folding);
        return new LanguageRecipe(language, name, o, english);
    }

    /** The shipped settings of a language: the grid entry {@link #search} chose. */
    public static LanguageRecipe chosen(String language) {
        String name = CHOSEN.get(language);
        if (name == null) {
            throw new IllegalArgumentException(
                    "no fast model settings for '" + language + "': one of " + CHOSEN.keySet());
        }
        return grid(language).stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    /** The training examples of a recipe: the language's own, then the English ones it adds. */
    public static LabeledTexts examples(
            LanguageRecipe recipe, LabeledTexts own, LabeledTexts english) {
        if (recipe.englishExamples() == 0) {
            return own;
        }
        return CrossValidation.concat(own, head(english, recipe.englishExamples()));
    }

    private static LabeledTexts head(LabeledTexts data, int n) {
        int k = Math.min(n, data.size());
        return new LabeledTexts(data.texts().subList(0, k), Arrays.copyOf(data.labels(), k));
    }

    /**
     * One candidate's cross-validated figures.
     *
     * @param recipe the candidate
     * @param metrics the pooled out-of-fold metrics
     */
    public record Scored(LanguageRecipe recipe, Metrics metrics) {}

    /** Receives each candidate's figures as they are computed. */
    public interface Listener {
        void scored(Scored s);
    }

    /**
     * Cross-validates every candidate of the grid over {@code train} (English tweets joining each
     * fold's training side only, never the held-out side) and returns them in grid order; the
     * winner is the first with the highest macro-recall ({@link #best}).
     */
    public static List<Scored> search(
            String language, LabeledTexts train, LabeledTexts english, Listener listener) {
        return search(grid(language), train, english, listener);
    }

    /** Cross-validates the given candidates over {@code train}, in their order. */
    public static List<Scored> search(
            List<LanguageRecipe> grid,
            LabeledTexts train,
            LabeledTexts english,
            Listener listener) {
        List<Scored> out = new ArrayList<>();
        for (LanguageRecipe r : grid) {
            LabeledTexts extra =
                    r.englishExamples() == 0 ? null : head(english, r.englishExamples());
            Metrics m =
                    CrossValidation.evaluate(
                            r.options(), r.language(), train, extra, FOLDS, FOLD_SEED);
            Scored s = new Scored(r, m);
            listener.scored(s);
            out.add(s);
        }
        return out;
    }

    /** The first candidate with the highest cross-validated macro-recall. */
    public static Scored best(List<Scored> scored) {
        Scored best = null;
        for (Scored s : scored) {
            if (best == null || s.metrics().macroRecall() > best.metrics().macroRecall()) {
                best = s;
            }
        }
        return best;
    }
}
