package dev.undertone.core.sentiment.fast;

import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.core.sentiment.eval.ConfusionMatrix;
import dev.undertone.core.sentiment.eval.LabeledTexts;
import dev.undertone.core.sentiment.eval.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Stratified k-fold cross-validation of {@link TrainOptions} over one training split, so a
 * language's settings are chosen without looking at its validation split. Deterministic: the folds
 * come from a seeded shuffle of each class's examples.
 */
public final class CrossValidation {

    private CrossValidation() {}

    /**
     * The fold of each example: each class's examples, shuffled with {@code seed}, dealt round
     * robin over the {@code k} folds, so every fold has the class balance of the whole.
     */
    static int[] folds(byte[] labels, int k, long seed) {
        if (k < 2 || k > labels.length) {
            throw new IllegalArgumentException("k must be in 2.." + labels.length + ": " + k);
        }
        int[] fold = new int[labels.length];
        Random random = new Random(seed);
        for (int c = 0; c < Scorer.CLASSES; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    members.add(i);
                }
            }
            for (int i = members.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Integer t = members.get(i);
                members.set(i, members.get(j));
                members.set(j, t);
            }
            for (int i = 0; i < members.size(); i++) {
                fold[members.get(i)] = i % k;
            }
        }
        return fold;
    }

    /**
     * The metrics of the out-of-fold predictions: for each fold, a model trained on the other folds
     * (plus {@code extra}, if any, in every training set) scores the fold; the predictions of all
     * folds are pooled into one confusion matrix.
     *
     * @param extra examples added to every fold's training set (e.g. English tweets), or null
     */
    public static Metrics evaluate(
            TrainOptions options,
            String language,
            LabeledTexts data,
            LabeledTexts extra,
            int k,
            long seed) {
        int[] fold = folds(data.labels(), k, seed);
        ConfusionMatrix m = new ConfusionMatrix();
        for (int f = 0; f < k; f++) {
            LabeledTexts train = select(data, fold, f, false);
            if (extra != null) {
                train = concat(train, extra);
            }
            LabeledTexts held = select(data, fold, f, true);
            FastModel model =
                    new FastTrainer(options, new TrainingListener() {})
                            .train("cv", language, train, null)
                            .model();
            List<SentimentResult> results = model.classify(held.texts());
            for (int i = 0; i < held.size(); i++) {
                m.add(held.labels()[i], results.get(i).sentiment());
            }
        }
        return m.metrics();
    }

    private static LabeledTexts select(LabeledTexts data, int[] fold, int f, boolean in) {
        List<String> texts = new ArrayList<>();
        byte[] labels = new byte[data.size()];
        int n = 0;
        for (int i = 0; i < data.size(); i++) {
            if ((fold[i] == f) == in) {
                texts.add(data.texts().get(i));
                labels[n++] = data.labels()[i];
            }
        }
        return new LabeledTexts(texts, java.util.Arrays.copyOf(labels, n));
    }

    /** {@code a}'s examples followed by {@code b}'s. */
    public static LabeledTexts concat(LabeledTexts a, LabeledTexts b) {
        List<String> texts = new ArrayList<>(a.size() + b.size());
        texts.addAll(a.texts());
        texts.addAll(b.texts());
        byte[] labels = new byte[a.size() + b.size()];
        System.arraycopy(a.labels(), 0, labels, 0, a.size());
        System.arraycopy(b.labels(), 0, labels, a.size(), b.size());
        return new LabeledTexts(texts, labels);
    }
}
