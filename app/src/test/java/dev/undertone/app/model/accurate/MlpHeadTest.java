package dev.undertone.app.model.accurate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.undertone.core.sentiment.eval.Metrics;
import dev.undertone.core.sentiment.fast.TrainingListener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Head training and head files on synthetic features (no MiniLM needed). */
class MlpHeadTest {

    /** Rows whose class shows in a few pooled dimensions and in the fast scores, plus noise. */
    private static float[] rows(byte[] labels, long seed) {
        Random r = new Random(seed);
        float[] x = new float[labels.length * TextFeatures.DIMS];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) r.nextInt(3);
            int at = i * TextFeatures.DIMS;
            for (int d = 0; d < Pooling.DIMS; d++) {
                x[at + d] = (float) r.nextGaussian();
            }
            for (int pool = 0; pool < 3; pool++) {
                x[at + pool * MiniLmEncoder.HIDDEN + labels[i]] += 4f;
            }
            x[at + Pooling.DIMS + (labels[i] == 2 ? 0 : labels[i] == 0 ? 1 : 2)] = 0.8f;
        }
        return x;
    }

    private static HeadOptions options(int hidden) {
        return new HeadOptions(FeatureSelection.MEAN_CLS_MAX_FAST, hidden, 4, 32, 1e-2, 0, 0.1, 7);
    }

    private static byte[] bytes(MlpHead head) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        head.write(out);
        return out.toByteArray();
    }

    @Test
    void learnsASeparableProblemAndKeepsTheBestEpoch() {
        byte[] trainY = new byte[600];
        byte[] valY = new byte[200];
        float[] train = rows(trainY, 1);
        float[] val = rows(valY, 2);

        for (int hidden : new int[] {0, 16}) {
            HeadTrainer.Result r =
                    new HeadTrainer(options(hidden), TrainingListener.NONE)
                            .train("t", train, trainY, val, valY);

            assertThat(r.validation().macroRecall()).as("hidden %d", hidden).isGreaterThan(0.9);
            Metrics again = HeadTrainer.evaluate(r.head(), val, valY);
            assertThat(again.macroRecall()).isEqualTo(r.validation().macroRecall());
        }
    }

    @Test
    void theSameDataAndSeedGiveTheSameBytes() throws IOException {
        byte[] y = new byte[300];
        float[] x = rows(y, 3);
        HeadTrainer trainer = new HeadTrainer(options(8), TrainingListener.NONE);

        byte[] a = bytes(trainer.train("t", x, y, x, y).head());
        byte[] b = bytes(trainer.train("t", x, y, x, y).head());

        assertThat(a).isEqualTo(b);
    }

    @Test
    void aHeadFileReadsBackToTheSameHead() throws IOException {
        byte[] y = new byte[100];
        float[] x = rows(y, 4);
        MlpHead head =
                new HeadTrainer(options(4), TrainingListener.NONE).train("id-x", x, y, x, y).head();

        MlpHead back = MlpHead.read(new ByteArrayInputStream(bytes(head)));

        assertThat(bytes(back)).isEqualTo(bytes(head));
        assertThat(back.id).isEqualTo("id-x");
        double[] p = new double[3];
        double[] q = new double[3];
        head.probabilities(x, 0, p);
        back.probabilities(x, 0, q);
        assertThat(q).containsExactly(p);
    }

    @Test
    void rejectsBytesThatAreNotAHead() {
        assertThatThrownBy(() -> MlpHead.read(new ByteArrayInputStream(new byte[] {1, 2, 3, 4})))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not an accurate-model head");
    }

    @Test
    void theShippedHeadLoads() throws IOException {
        try (var in = AccurateModels.class.getResourceAsStream(AccurateModels.BUILT_IN_RESOURCE)) {
            MlpHead head = MlpHead.read(in);

            assertThat(head.id).isEqualTo(AccurateModels.BUILT_IN_ID);
            assertThat(head.selection).isEqualTo(HeadOptions.defaults().selection());
            assertThat(head.hidden).isEqualTo(HeadOptions.defaults().hidden());
        }
    }
}
