package dev.undertone.app.model.accurate;

import dev.undertone.core.sentiment.MixedRule;
import dev.undertone.core.sentiment.eval.ConfusionMatrix;
import dev.undertone.core.sentiment.eval.Metrics;
import dev.undertone.core.sentiment.fast.TrainingListener;
import java.util.Random;

/**
 * Trains the accurate model's head on precomputed features: class-balanced cross-entropy (each
 * class weighs as much as the others in total, since TweetEval has far more neutral than negative
 * tweets), AdamW on mini-batches, input dropout, and the epoch with the best validation
 * macro-recall kept. Single-threaded and seeded, so the same features and options give the same
 * head, bit for bit.
 */
final class HeadTrainer {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final HeadOptions options;
    private final TrainingListener listener;

    HeadTrainer(HeadOptions options, TrainingListener listener) {
        this.options = options;
        this.listener = listener;
    }

    /** A trained head and its validation metrics. */
    record Result(MlpHead head, Metrics validation, int epoch) {}

    /**
     * Trains a head.
     *
     * @param train full feature rows ({@link TextFeatures#DIMS} floats each) of the training texts
     * @param trainLabels their labels (0 negative, 1 neutral, 2 positive)
     * @param val feature rows of the validation texts
     * @param valLabels their labels
     */
    Result train(String id, float[] train, byte[] trainLabels, float[] val, byte[] valLabels) {
        FeatureSelection sel = options.selection();
        int d = sel.dims();
        int n = trainLabels.length;
        float[] x = selectAll(sel, train, n);
        float[] mean = new float[d];
        float[] invStd = new float[d];
        standardise(x, n, d, mean, invStd);
        Params p = Params.init(d, options.hidden(), new Random(options.seed()));
        Adam adam = new Adam(p.size());
        double[] classWeight = classWeights(trainLabels);
        Random order = new Random(options.seed() + 1);
        Random dropout = new Random(options.seed() + 2);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Result best = null;
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            listener.phase("epoch " + epoch + " of " + options.epochs(), n);
            shuffle(idx, order);
            Params grad = Params.zeros(d, options.hidden());
            Step step = new Step(d, options.hidden());
            for (int start = 0; start < n; start += options.batch()) {
                int end = Math.min(n, start + options.batch());
                grad.clear();
                for (int k = start; k < end; k++) {
                    int i = idx[k];
                    step.accumulate(
                            p,
                            grad,
                            x,
                            i * d,
                            trainLabels[i],
                            classWeight,
                            dropout,
                            options.dropout());
                }
                adam.update(p, grad, end - start, options);
                listener.progress(end);
            }
            MlpHead head = p.toHead(id, sel, mean, invStd);
            Metrics m = evaluate(head, val, valLabels);
            listener.epochDone(epoch, m);
            if (best == null || m.macroRecall() > best.validation().macroRecall()) {
                best = new Result(head, m, epoch);
            }
        }
        return best;
    }

    /** The metrics of a head on feature rows, labelled as {@code evaluate} labels them. */
    static Metrics evaluate(MlpHead head, float[] features, byte[] labels) {
        ConfusionMatrix matrix = new ConfusionMatrix();
        double[] prob = new double[MlpHead.CLASSES];
        for (int i = 0; i < labels.length; i++) {
            head.probabilities(features, i * TextFeatures.DIMS, prob);
            matrix.add(
                    labels[i],
                    MixedRule.result(
                                    prob[ConfusionMatrix.POSITIVE],
                                    prob[ConfusionMatrix.NEGATIVE],
                                    prob[ConfusionMatrix.NEUTRAL])
                            .sentiment());
        }
        return matrix.metrics();
    }

    private static float[] selectAll(FeatureSelection sel, float[] rows, int n) {
        int d = sel.dims();
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            sel.select(rows, i * TextFeatures.DIMS, x, i * d);
        }
        return x;
    }

    private static void standardise(float[] x, int n, int d, float[] mean, float[] invStd) {
        double[] sum = new double[d];
        double[] sq = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double v = x[i * d + j];
                sum[j] += v;
                sq[j] += v * v;
            }
        }
        for (int j = 0; j < d; j++) {
            double m = sum[j] / n;
            double var = Math.max(sq[j] / n - m * m, 0);
            mean[j] = (float) m;
            invStd[j] = (float) (1 / Math.sqrt(var + 1e-6));
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (x[i * d + j] - mean[j]) * invStd[j];
            }
        }
    }

    private static double[] classWeights(byte[] labels) {
        long[] count = new long[MlpHead.CLASSES];
        for (byte l : labels) {
            count[l]++;
        }
        double[] w = new double[MlpHead.CLASSES];
        for (int c = 0; c < MlpHead.CLASSES; c++) {
            w[c] = count[c] == 0 ? 0 : labels.length / (double) (MlpHead.CLASSES * count[c]);
        }
        return w;
    }

    private static void shuffle(int[] a, Random r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Weights (or their gradients) laid out as in {@link MlpHead}, in one array. */
    static final class Params {
        final int d;
        final int h;
        final float[] all;

        private Params(int d, int h) {
            this.d = d;
            this.h = h;
            int layerIn = h == 0 ? d : h;
            this.all =
                    new float
                            [(h == 0 ? 0 : d * h)
                                    + h
                                    + layerIn * MlpHead.CLASSES
                                    + MlpHead.CLASSES];
        }

        static Params zeros(int d, int h) {
            return new Params(d, h);
        }

        /** He initialisation for the hidden layer, Glorot for the output layer, zero biases. */
        static Params init(int d, int h, Random r) {
            Params p = new Params(d, h);
            int layerIn = h == 0 ? d : h;
            double s1 = Math.sqrt(2.0 / d);
            for (int i = 0; i < w1Size(d, h); i++) {
                p.all[i] = (float) (r.nextGaussian() * s1);
            }
            double s2 = Math.sqrt(2.0 / (layerIn + MlpHead.CLASSES));
            for (int i = 0; i < layerIn * MlpHead.CLASSES; i++) {
                p.all[p.w2() + i] = (float) (r.nextGaussian() * s2);
            }
            return p;
        }

        private static int w1Size(int d, int h) {
            return h == 0 ? 0 : d * h;
        }

        int b1() {
            return w1Size(d, h);
        }

        int w2() {
            return b1() + h;
        }

        int b2() {
            return w2() + (h == 0 ? d : h) * MlpHead.CLASSES;
        }

        int size() {
            return all.length;
        }

        void clear() {
            java.util.Arrays.fill(all, 0f);
        }

        MlpHead toHead(String id, FeatureSelection sel, float[] mean, float[] invStd) {
            return new MlpHead(
                    id,
                    sel,
                    h,
                    mean.clone(),
                    invStd.clone(),
                    java.util.Arrays.copyOfRange(all, 0, b1()),
                    java.util.Arrays.copyOfRange(all, b1(), w2()),
                    java.util.Arrays.copyOfRange(all, w2(), b2()),
                    java.util.Arrays.copyOfRange(all, b2(), all.length));
        }
    }

    /** One example's forward and backward pass, with reusable buffers. */
    static final class Step {
        private final float[] in;
        private final float[] hid;
        private final float[] dHid;
        private final double[] z = new double[MlpHead.CLASSES];

        Step(int d, int h) {
            this.in = new float[d];
            this.hid = new float[h];
            this.dHid = new float[h];
        }

        void accumulate(
                Params p,
                Params g,
                float[] x,
                int off,
                int label,
                double[] classWeight,
                Random dropout,
                double rate) {
            int d = p.d;
            int h = p.h;
            float keep = (float) (1 / (1 - rate));
            for (int i = 0; i < d; i++) {
                in[i] = rate > 0 && dropout.nextDouble() < rate ? 0f : x[off + i] * keep;
            }
            float[] w = p.all;
            float[] layer = in;
            if (h > 0) {
                System.arraycopy(w, p.b1(), hid, 0, h);
                for (int i = 0; i < d; i++) {
                    float xi = in[i];
                    if (xi == 0f) {
                        continue;
                    }
                    int row = i * h;
                    for (int j = 0; j < h; j++) {
                        hid[j] += xi * w[row + j];
                    }
                }
                for (int j = 0; j < h; j++) {
                    hid[j] = Math.max(0f, hid[j]);
                }
                layer = hid;
            }
            int w2 = p.w2();
            int b2 = p.b2();
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < MlpHead.CLASSES; c++) {
                double s = w[b2 + c];
                for (int j = 0; j < layer.length; j++) {
                    s += layer[j] * w[w2 + j * MlpHead.CLASSES + c];
                }
                z[c] = s;
                max = Math.max(max, s);
            }
            double sum = 0;
            for (int c = 0; c < MlpHead.CLASSES; c++) {
                z[c] = Math.exp(z[c] - max);
                sum += z[c];
            }
            float[] gw = g.all;
            double cw = classWeight[label];
            for (int c = 0; c < MlpHead.CLASSES; c++) {
                z[c] = cw * (z[c] / sum - (c == label ? 1 : 0));
                gw[b2 + c] += (float) z[c];
            }
            for (int j = 0; j < layer.length; j++) {
                int at = w2 + j * MlpHead.CLASSES;
                gw[at] += (float) (layer[j] * z[0]);
                gw[at + 1] += (float) (layer[j] * z[1]);
                gw[at + 2] += (float) (layer[j] * z[2]);
            }
            if (h == 0) {
                return;
            }
            for (int j = 0; j < h; j++) {
                int at = w2 + j * MlpHead.CLASSES;
                dHid[j] =
                        hid[j] > 0
                                ? (float) (w[at] * z[0] + w[at + 1] * z[1] + w[at + 2] * z[2])
                                : 0f;
                gw[p.b1() + j] += dHid[j];
            }
            for (int i = 0; i < d; i++) {
                float xi = in[i];
                if (xi == 0f) {
                    continue;
                }
                int row = i * h;
                for (int j = 0; j < h; j++) {
                    gw[row + j] += xi * dHid[j];
                }
            }
        }
    }

    /** AdamW over one flat parameter array; biases are not decayed. */
    static final class Adam {
        private final float[] m;
        private final float[] v;
        private int t;

        Adam(int size) {
            this.m = new float[size];
            this.v = new float[size];
        }

        void update(Params p, Params g, int batch, HeadOptions o) {
            t++;
            double lr = o.learningRate();
            double c1 = 1 - Math.pow(BETA1, t);
            double c2 = 1 - Math.pow(BETA2, t);
            float[] w = p.all;
            float[] gw = g.all;
            int biasFrom1 = p.b1();
            int biasTo1 = p.w2();
            int biasFrom2 = p.b2();
            for (int i = 0; i < w.length; i++) {
                double gi = gw[i] / batch;
                m[i] = (float) (BETA1 * m[i] + (1 - BETA1) * gi);
                v[i] = (float) (BETA2 * v[i] + (1 - BETA2) * gi * gi);
                double stepSize = lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPSILON);
                boolean bias = (i >= biasFrom1 && i < biasTo1) || i >= biasFrom2;
                double decay = bias ? 0 : lr * o.weightDecay() * w[i];
                w[i] = (float) (w[i] - stepSize - decay);
            }
        }
    }
}
