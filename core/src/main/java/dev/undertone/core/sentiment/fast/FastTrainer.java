package dev.undertone.core.sentiment.fast;

import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.core.sentiment.eval.ConfusionMatrix;
import dev.undertone.core.sentiment.eval.LabeledTexts;
import dev.undertone.core.sentiment.eval.Metrics;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Trains a {@link FastModel}: multinomial logistic regression by AdaGrad, one example at a time in
 * an order shuffled with a fixed seed, with each class weighted by the inverse of its frequency
 * when {@link TrainOptions#balanced()}, over features scaled by their naive Bayes log-count ratios
 * when {@link TrainOptions#nbAlpha()} is positive. With several {@link TrainOptions#runs()}, the
 * model is the mean of the weights of runs in different orders: an ensemble that costs nothing at
 * scoring time, since the mean of linear models is one linear model.
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
     * Trains on {@code train}, reporting validation metrics after each epoch of each run.
     *
     * @param id the id of the model, e.g. {@code fast-1}
     */
    public Result train(String id, LabeledTexts train, LabeledTexts validation) {
        return train(id, FastModel.ENGLISH, train, validation);
    }

    /**
     * Trains a model of one language on {@code train}, reporting validation metrics after each
     * epoch of each run.
     *
     * @param id the id of the model, e.g. {@code fast-2/es}
     * @param language its ISO 639-1 code: the posts it will score
     */
    public Result train(String id, String language, LabeledTexts train, LabeledTexts validation) {
        FeatureExtractor extractor =
                new FeatureExtractor(
                        options.spec(),
                        Lexicon.of(language, options.normalization()),
                        options.normalization());
        ExampleSet examples = ExampleSet.of(extractor, train.texts(), train.labels(), listener);
        double[] classWeight = classWeights(train.labels());
        float[] ratios = nbRatios(examples, options.nbAlpha());
        float[] sum = new float[options.spec().rows() * Scorer.CLASSES];
        for (int run = 0; run < options.runs(); run++) {
            float[] w =
                    run(examples, ratios, classWeight, run, id, language, extractor, validation);
            for (int j = 0; j < sum.length; j++) {
                sum[j] += w[j];
            }
        }
        for (int j = 0; j < sum.length; j++) {
            sum[j] /= options.runs();
        }
        FastModel model = new FastModel(id, language, extractor, sum);
        return new Result(model, validation == null ? null : evaluate(model, validation));
    }

    /** One run of AdaGrad over the examples in its own seeded order; returns its weights. */
    private float[] run(
            ExampleSet examples,
            float[] ratios,
            double[] classWeight,
            int run,
            String id,
            String language,
            FeatureExtractor extractor,
            LabeledTexts validation) {
        float[] w = new float[options.spec().rows() * Scorer.CLASSES];
        float[] g2 = new float[w.length];
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(options.seed() + run);
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            listener.phase(
                    "run "
                            + (run + 1)
                            + "/"
                            + options.runs()
                            + " epoch "
                            + epoch
                            + "/"
                            + options.epochs(),
                    order.length);
            shuffle(order, random);
            for (int k = 0; k < order.length; k++) {
                step(examples, order[k], w, g2, ratios, classWeight);
                if ((k + 1) % 1000 == 0) {
                    listener.progress(k + 1);
                }
            }
            listener.progress(order.length);
            listener.epochDone(
                    epoch,
                    validation == null
                            ? null
                            : evaluate(
                                    new FastModel(id, language, extractor, effective(w, ratios)),
                                    validation));
        }
        return effective(w, ratios);
    }

    /** The model's weights for trained weights {@code v} of features scaled by {@code ratios}. */
    private static float[] effective(float[] v, float[] ratios) {
        float[] w = new float[v.length];
        for (int j = 0; j < v.length; j++) {
            w[j] = v[j] * ratios[j];
        }
        return w;
    }

    /**
     * Naive Bayes log-count ratios of the hashed features (Wang and Manning's NBSVM, one class
     * against the rest): {@code |log((p_c(f) / |p_c|) / (q_c(f) / |q_c|))|}, with {@code p_c(f)}
     * the smoothed number of class-{@code c} examples that have feature {@code f} and {@code q_c}
     * the same for the other classes. Scaling each feature by its ratio lets the evidence a feature
     * carries set how fast its weight grows. Dense rows keep ratio 1, and all rows do when {@code
     * alpha} is 0 (no scaling).
     */
    private float[] nbRatios(ExampleSet ex, double alpha) {
        int buckets = options.spec().buckets();
        float[] r = new float[options.spec().rows() * Scorer.CLASSES];
        Arrays.fill(r, 1f);
        if (alpha == 0) {
            return r;
        }
        double[] counts = new double[buckets * Scorer.CLASSES];
        for (int i = 0; i < ex.size(); i++) {
            int y = ex.labels[i];
            for (int k = ex.offsets[i]; k < ex.offsets[i + 1]; k++) {
                if (ex.rows[k] < buckets) {
                    counts[ex.rows[k] * Scorer.CLASSES + y] += 1;
                }
            }
        }
        double[] total = new double[Scorer.CLASSES];
        for (int f = 0; f < buckets; f++) {
            for (int c = 0; c < Scorer.CLASSES; c++) {
                total[c] += counts[f * Scorer.CLASSES + c] + alpha;
            }
        }
        for (int f = 0; f < buckets; f++) {
            for (int c = 0; c < Scorer.CLASSES; c++) {
                double p = (counts[f * Scorer.CLASSES + c] + alpha) / total[c];
                double qn = 0;
                double qd = 0;
                for (int o = 0; o < Scorer.CLASSES; o++) {
                    if (o != c) {
                        qn += counts[f * Scorer.CLASSES + o] + alpha;
                        qd += total[o];
                    }
                }
                r[f * Scorer.CLASSES + c] = (float) Math.abs(StrictMath.log(p / (qn / qd)));
            }
        }
        return r;
    }

    private void step(
            ExampleSet ex, int i, float[] w, float[] g2, float[] ratios, double[] classWeight) {
        int from = ex.offsets[i];
        int to = ex.offsets[i + 1];
        double[] z = new double[Scorer.CLASSES];
        for (int k = from; k < to; k++) {
            int base = ex.rows[k] * Scorer.CLASSES;
            float v = ex.values[k];
            for (int c = 0; c < Scorer.CLASSES; c++) {
                z[c] += v * w[base + c] * ratios[base + c];
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
                double grad = z[c] * v * ratios[j] + l2 * w[j];
                g2[j] += (float) (grad * grad);
                w[j] -= (float) (rate * grad / (StrictMath.sqrt(g2[j]) + EPSILON));
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
