package dev.undertone.core.sentiment.fast;

import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.core.sentiment.eval.ConfusionMatrix;
import dev.undertone.core.sentiment.eval.LabeledTexts;
import dev.undertone.core.sentiment.eval.Metrics;
import java.util.List;
import java.util.Random;

/**
 * Trains a {@link FastModel}: multinomial logistic regression by AdaGrad, one example at a time in
 * an order shuffled with a fixed seed, with each class weighted by the inverse of its frequency
 * when {@link TrainOptions#balanced()}.
 *
 * <p>Deterministic: single-threaded, {@link StrictMath} for the softmax, and a seeded order, so the
 * same data and options give the same weights bit for bit on any JVM.
 */
public final class FastTrainer {

    private static final double EPSILON = 1e-8;

    private final TrainOptions options;
    private final TrainingListener listener;

    public FastTrainer(TrainOptions options, TrainingListener listener) {
        this.options = options;
        this.listener = listener;
    }

    /**
     * Trains on {@code train}, reporting validation metrics after each epoch.
     *
     * @param id the id of the model, e.g. {@code fast-1}
     */
    public Result train(String id, LabeledTexts train, LabeledTexts validation) {
        FeatureExtractor extractor = new FeatureExtractor(options.spec(), Lexicon.vader());
        ExampleSet examples = ExampleSet.of(extractor, train.texts(), train.labels(), listener);
        int rows = options.spec().rows();
        float[] w = new float[rows * Scorer.CLASSES];
        float[] g2 = new float[w.length];
        float[] u = new float[w.length];
        double[] classWeight = classWeights(train.labels());
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(options.seed());
        long steps = 0;
        Metrics metrics = null;
        FastModel model = null;
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            listener.phase("epoch " + epoch + "/" + options.epochs(), order.length);
            shuffle(order, random);
            for (int k = 0; k < order.length; k++) {
                steps++;
                step(examples, order[k], w, g2, u, steps, classWeight);
                if ((k + 1) % 1000 == 0) {
                    listener.progress(k + 1);
                }
            }
            listener.progress(order.length);
            float[] weights = options.averaged() ? average(w, u, steps) : w.clone();
            model = new FastModel(id, extractor, weights);
            metrics = evaluate(model, validation);
            listener.epochDone(epoch, metrics);
        }
        return new Result(model, metrics);
    }

    /**
     * The average of the weights over all steps so far, from the running weights {@code w} and
     * {@code u}, the sum of each update times its step number (the lazy form of averaged SGD).
     */
    private static float[] average(float[] w, float[] u, long steps) {
        float[] avg = new float[w.length];
        for (int j = 0; j < w.length; j++) {
            avg[j] = (float) (w[j] - (double) u[j] / steps);
        }
        return avg;
    }

    private void step(
            ExampleSet ex, int i, float[] w, float[] g2, float[] u, long t, double[] classWeight) {
        int from = ex.offsets[i];
        int to = ex.offsets[i + 1];
        double[] z = new double[Scorer.CLASSES];
        for (int k = from; k < to; k++) {
            int base = ex.rows[k] * Scorer.CLASSES;
            float v = ex.values[k];
            for (int c = 0; c < Scorer.CLASSES; c++) {
                z[c] += v * w[base + c];
            }
        }
        softmax(z);
        int y = ex.labels[i];
        double cw = classWeight[y];
        double rate = options.learningRate();
        double l2 = options.l2();
        for (int c = 0; c < Scorer.CLASSES; c++) {
            z[c] = cw * (z[c] - (c == y ? 1 : 0));
        }
        for (int k = from; k < to; k++) {
            int base = ex.rows[k] * Scorer.CLASSES;
            float v = ex.values[k];
            for (int c = 0; c < Scorer.CLASSES; c++) {
                int j = base + c;
                double grad = z[c] * v + l2 * w[j];
                g2[j] += (float) (grad * grad);
                double delta = rate * grad / (StrictMath.sqrt(g2[j]) + EPSILON);
                w[j] -= (float) delta;
                u[j] -= (float) (t * delta);
            }
        }
    }

    private static void softmax(double[] z) {
        double max = Math.max(z[0], Math.max(z[1], z[2]));
        double sum = 0;
        for (int c = 0; c < z.length; c++) {
            z[c] = StrictMath.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < z.length; c++) {
            z[c] /= sum;
        }
    }

    private double[] classWeights(byte[] labels) {
        double[] w = {1, 1, 1};
        if (!options.balanced()) {
            return w;
        }
        long[] counts = new long[Scorer.CLASSES];
        for (byte y : labels) {
            counts[y]++;
        }
        for (int c = 0; c < Scorer.CLASSES; c++) {
            w[c] = counts[c] == 0 ? 0 : (double) labels.length / (Scorer.CLASSES * counts[c]);
        }
        return w;
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Scores {@code data} with {@code model} in batches and returns the metrics. */
    public static Metrics evaluate(FastModel model, LabeledTexts data) {
        ConfusionMatrix m = new ConfusionMatrix();
        List<SentimentResult> results = model.classify(data.texts());
        for (int i = 0; i < data.size(); i++) {
            m.add(data.labels()[i], results.get(i).sentiment());
        }
        return m.metrics();
    }

    /**
     * A trained model and its validation metrics.
     *
     * @param model the model after the last epoch
     * @param validation its metrics on the validation data
     */
    public record Result(FastModel model, Metrics validation) {}
}
