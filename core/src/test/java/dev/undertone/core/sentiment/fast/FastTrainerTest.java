package dev.undertone.core.sentiment.fast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.undertone.core.sentiment.eval.LabeledTexts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FastTrainerTest {

    private static final TrainOptions SMALL =
            new TrainOptions(new FeatureSpec(16, 2, 4, true, true), 2, 0.1, 1e-3, true, 1.0, 1, 7);

    private static LabeledTexts sample;
    private static LabeledTexts validation;

    @BeforeAll
    static void readSample() throws IOException, URISyntaxException {
        sample =
                LabeledTexts.read(
                        resource("sample_train_text.txt"), resource("sample_train_labels.txt"));
        LabeledTexts val = LabeledTexts.read(resource("val_text.txt"), resource("val_labels.txt"));
        validation =
                new LabeledTexts(
                        val.texts().subList(0, 200), java.util.Arrays.copyOf(val.labels(), 200));
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(FastTrainerTest.class.getResource("/tweeteval/" + name).toURI());
    }

    private static byte[] bytes(FastModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelFile.write(model, out);
        return out.toByteArray();
    }

    @Test
    void givesTheSameBytesForTheSameDataAndSeed() throws IOException {
        FastTrainer.Result a =
                new FastTrainer(SMALL, TrainingListener.NONE).train("t-1", sample, validation);
        FastTrainer.Result b =
                new FastTrainer(SMALL, TrainingListener.NONE).train("t-1", sample, validation);
        assertThat(bytes(a.model())).isEqualTo(bytes(b.model()));
        assertThat(a.validation()).isEqualTo(b.validation());
    }

    @Test
    void givesOtherWeightsForAnotherSeed() throws IOException {
        FastTrainer.Result a =
                new FastTrainer(SMALL, TrainingListener.NONE).train("t-1", sample, validation);
        FastTrainer.Result b =
                new FastTrainer(SMALL.withSeed(8), TrainingListener.NONE)
                        .train("t-1", sample, validation);
        assertThat(bytes(a.model())).isNotEqualTo(bytes(b.model()));
    }

    @Test
    void learnsSomethingFromASmallSample() {
        FastTrainer.Result r =
                new FastTrainer(SMALL, TrainingListener.NONE).train("t-1", sample, validation);
        assertThat(r.validation().n()).isEqualTo(200);
        // chance is 1/3; 600 tweets are enough to beat it clearly
        assertThat(r.validation().macroRecall()).isGreaterThan(0.45);
    }

    @Test
    void reportsEveryPhaseAndEpoch() {
        List<String> events = new ArrayList<>();
        TrainingListener listener =
                new TrainingListener() {
                    @Override
                    public void phase(String name, long total) {
                        events.add(name + "/" + total);
                    }

                    @Override
                    public void epochDone(int epoch, dev.undertone.core.sentiment.eval.Metrics v) {
                        events.add("done " + epoch);
                    }
                };
        new FastTrainer(SMALL, listener).train("t-1", sample, validation);
        assertThat(events)
                .containsExactly(
                        "features/600",
                        "run 1/1 epoch 1/2/600",
                        "done 1",
                        "run 1/1 epoch 2/2/600",
                        "done 2");
    }

    @Test
    void roundTripsThroughTheModelFile() throws IOException {
        FastModel model =
                new FastTrainer(SMALL, TrainingListener.NONE)
                        .train("t-1", sample, validation)
                        .model();
        FastModel read = ModelFile.read(new ByteArrayInputStream(bytes(model)), Lexicon.vader());
        assertThat(read.id()).isEqualTo("t-1");
        assertThat(read.weights().values()).isEqualTo(model.weights().values());
        assertThat(read.weights().scale()).isEqualTo(model.weights().scale());
        assertThat(read.classify(sample.texts().subList(0, 50)))
                .isEqualTo(model.classify(sample.texts().subList(0, 50)));
    }
}
