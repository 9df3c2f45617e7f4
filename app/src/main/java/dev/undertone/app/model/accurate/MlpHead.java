package dev.undertone.app.model.accurate;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The trained part of the accurate model: a small multi-layer perceptron over the selected text
 * features. Inputs are standardised with the training set's mean and deviation, pass one hidden
 * ReLU layer (or none, for a linear head) and a softmax over TweetEval's three classes.
 *
 * <p>Immutable and thread-safe; each call of {@link #probabilities} uses its own buffers.
 *
 * <p>File layout (big-endian, as {@link DataOutputStream} writes): the magic {@code "UTHD"}, the
 * format version, the id, the feature selection, the input and hidden sizes, then the mean, the
 * inverse deviation, the hidden weights (input-major) and biases, the output weights (hidden-major)
 * and biases, as floats.
 */
final class MlpHead {

    /** The three classes, in TweetEval's label order. */
    static final int CLASSES = 3;

    private static final int MAGIC = 0x55544844;
    private static final int VERSION = 1;

    final String id;
    final FeatureSelection selection;
    final int inputs;
    final int hidden;
    final float[] mean;
    final float[] invStd;
    final float[] w1;
    final float[] b1;
    final float[] w2;
    final float[] b2;

    MlpHead(
            String id,
            FeatureSelection selection,
            int hidden,
            float[] mean,
            float[] invStd,
            float[] w1,
            float[] b1,
            float[] w2,
            float[] b2) {
        this.id = Objects.requireNonNull(id, "id");
        this.selection = selection;
        this.inputs = selection.dims();
        this.hidden = hidden;
        this.mean = mean;
        this.invStd = invStd;
        this.w1 = w1;
        this.b1 = b1;
        this.w2 = w2;
        this.b2 = b2;
        int layerIn = hidden == 0 ? inputs : hidden;
        if (mean.length != inputs
                || invStd.length != inputs
                || w1.length != (hidden == 0 ? 0 : inputs * hidden)
                || b1.length != hidden
                || w2.length != layerIn * CLASSES
                || b2.length != CLASSES) {
            throw new IllegalArgumentException("head weights do not match its sizes");
        }
    }

    /**
     * The class probabilities of one text.
     *
     * @param features the text's full feature row ({@link TextFeatures#DIMS} floats at {@code
     *     offset})
     * @param p where to write the three probabilities
     */
    void probabilities(float[] features, int offset, double[] p) {
        float[] x = new float[inputs];
        selection.select(features, offset, x, 0);
        for (int i = 0; i < inputs; i++) {
            x[i] = (x[i] - mean[i]) * invStd[i];
        }
        float[] h = x;
        if (hidden > 0) {
            h = b1.clone();
            for (int i = 0; i < inputs; i++) {
                float xi = x[i];
                if (xi == 0f) {
                    continue;
                }
                int row = i * hidden;
                for (int j = 0; j < hidden; j++) {
                    h[j] += xi * w1[row + j];
                }
            }
            for (int j = 0; j < hidden; j++) {
                h[j] = Math.max(0f, h[j]);
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < CLASSES; c++) {
            double z = b2[c];
            for (int j = 0; j < h.length; j++) {
                z += h[j] * w2[j * CLASSES + c];
            }
            p[c] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int c = 0; c < CLASSES; c++) {
            p[c] = Math.exp(p[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < CLASSES; c++) {
            p[c] /= sum;
        }
    }

    /** Writes the head; the same head always gives the same bytes. */
    void write(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(MAGIC);
        d.writeInt(VERSION);
        d.writeUTF(id);
        d.writeUTF(selection.name());
        d.writeInt(inputs);
        d.writeInt(hidden);
        for (float[] a : new float[][] {mean, invStd, w1, b1, w2, b2}) {
            for (float v : a) {
                d.writeFloat(v);
            }
        }
        d.flush();
    }

    /**
     * Reads a head written by {@link #write}.
     *
     * @throws IOException if the bytes are not a head file of this version
     */
    static MlpHead read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        if (d.readInt() != MAGIC) {
            throw new IOException("not an accurate-model head file");
        }
        int version = d.readInt();
        if (version != VERSION) {
            throw new IOException("head file version " + version + ", expected " + VERSION);
        }
        String id = d.readUTF();
        FeatureSelection selection;
        try {
            selection = FeatureSelection.valueOf(d.readUTF());
        } catch (IllegalArgumentException e) {
            throw new IOException("head file names an unknown feature selection", e);
        }
        int inputs = d.readInt();
        int hidden = d.readInt();
        if (inputs != selection.dims() || hidden < 0 || hidden > 4096) {
            throw new IOException("head file sizes are inconsistent");
        }
        int layerIn = hidden == 0 ? inputs : hidden;
        float[] mean = floats(d, inputs);
        float[] invStd = floats(d, inputs);
        float[] w1 = floats(d, hidden == 0 ? 0 : inputs * hidden);
        float[] b1 = floats(d, hidden);
        float[] w2 = floats(d, layerIn * CLASSES);
        float[] b2 = floats(d, CLASSES);
        return new MlpHead(id, selection, hidden, mean, invStd, w1, b1, w2, b2);
    }

    private static float[] floats(DataInputStream d, int n) throws IOException {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = d.readFloat();
        }
        return a;
    }
}
