package dev.undertone.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    @TempDir Path dir;

    private static Path sampleData() throws Exception {
        return Path.of(TrainCommandTest.class.getResource("/tweeteval/train_text.txt").toURI())
                .getParent();
    }

    @Test
    void trainsDeterministicallyAndPrintsValidationMetricsLast() throws Exception {
        Path a = dir.resolve("a.model");
        Path b = dir.resolve("b.model");
        CliRun first =
                CliRun.run("", "train", "--data", sampleData().toString(), "--out", a.toString());
        CliRun second =
                CliRun.run("", "train", "--data", sampleData().toString(), "--out", b.toString());
        assertThat(first.exitCode).isZero();
        assertThat(second.exitCode).isZero();
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        JsonNode summary = new ObjectMapper().readTree(first.lastOutLine());
        assertThat(summary.get("n").asInt()).isEqualTo(300);
        assertThat(summary.get("macro_recall").asDouble())
                .isCloseTo(macroRecallOf(a), within(1e-6));
        assertThat(summary.get("model").asText()).isEqualTo("fast-1");
        assertThat(first.err).contains("epoch 1/").contains("Wrote model fast-1");
    }

    /**
     * The validation macro recall of a model file, worked out here from the fixture's labels (0
     * negative, 1 neutral, 2 positive) and the labels {@code classify} gives each text: the mean
     * over the three classes of the share of that class's texts labelled right (MIXED is wrong).
     */
    private static double macroRecallOf(Path model) throws Exception {
        List<String> texts = Files.readAllLines(sampleData().resolve("val_text.txt"));
        List<String> gold = Files.readAllLines(sampleData().resolve("val_labels.txt"));
        CliRun r =
                CliRun.run(
                        String.join("\n", texts) + "\n", "classify", "--model", model.toString());
        assertThat(r.exitCode).as(r.err).isZero();
        List<String> out = r.outLines();
        assertThat(out).hasSameSizeAs(texts);
        String[] names = {"NEGATIVE", "NEUTRAL", "POSITIVE"};
        int[] support = new int[3];
        int[] right = new int[3];
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < texts.size(); i++) {
            int label = Integer.parseInt(gold.get(i).strip());
            support[label]++;
            if (names[label].equals(json.readTree(out.get(i)).path("sentiment").asText())) {
                right[label]++;
            }
        }
        double sum = 0;
        for (int c = 0; c < 3; c++) {
            sum += right[c] / (double) support[c];
        }
        return sum / 3;
    }

    @Test
    void scoresWithTheTrainedFileGivenAsModel() throws Exception {
        Path model = dir.resolve("m.model");
        CliRun.run("", "train", "--data", sampleData().toString(), "--out", model.toString());
        CliRun r = CliRun.run("", "classify", "--model", model.toString(), "what a day");
        assertThat(r.exitCode).isZero();
        assertThat(r.outLines()).hasSize(1);
    }

    @Test
    void exitsTwoWithAClearErrorWhenTheDataIsMissing() {
        CliRun r = CliRun.run("", "train", "--data", dir.resolve("nothing").toString());
        assertThat(r.exitCode).isEqualTo(2);
        assertThat(r.err).contains("--data").contains("train_text.txt");
    }

    private static Path umsabSample() throws Exception {
        return Path.of(TrainCommandTest.class.getResource("/umsab/spanish/train_text.txt").toURI())
                .getParent()
                .getParent();
    }

    @Test
    void trainsALanguageModelDeterministicallyIntoTheOutDirectory() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        String[] args = {"train", "--lang", "es", "--lang-data", umsabSample().toString()};
        CliRun first = CliRun.run("", concat(args, "--out", a.toString()));
        CliRun second = CliRun.run("", concat(args, "--out", b.toString()));
        assertThat(first.exitCode).as(first.err).isZero();
        assertThat(second.exitCode).as(second.err).isZero();
        Path model = a.resolve("fast-2-es.model");
        assertThat(Files.readAllBytes(model))
                .isEqualTo(Files.readAllBytes(b.resolve("fast-2-es.model")));
        JsonNode summary = new ObjectMapper().readTree(first.lastOutLine());
        assertThat(summary.get("n").asInt()).isEqualTo(60);
        assertThat(summary.get("model").asText()).isEqualTo("fast-2/es");
        assertThat(summary.get("lang").asText()).isEqualTo("es");
        assertThat(summary.get("train_n").asInt()).isEqualTo(150);
        assertThat(first.err).contains("Wrote model fast-2/es");
        // The file is a Spanish model: it scores texts given as Spanish, and only those.
        CliRun es = CliRun.run("", "classify", "--model", model.toString(), "--lang", "es", "hola");
        assertThat(es.exitCode).as(es.err).isZero();
        CliRun en = CliRun.run("", "classify", "--model", model.toString(), "--lang", "en", "hi");
        assertThat(en.exitCode).isEqualTo(2);
    }

    @Test
    void langMustNameALanguageWithAModel() throws Exception {
        CliRun sv =
                CliRun.run("", "train", "--lang", "sv", "--lang-data", umsabSample().toString());
        assertThat(sv.exitCode).isEqualTo(2);
        assertThat(sv.err).contains("--lang").contains("'sv'");
        CliRun en = CliRun.run("", "train", "--lang", "en");
        assertThat(en.exitCode).isEqualTo(2);
        assertThat(en.err).contains("--lang");
        CliRun missing =
                CliRun.run("", "train", "--lang", "de", "--lang-data", umsabSample().toString());
        assertThat(missing.exitCode).isEqualTo(2);
        assertThat(missing.err).contains("--lang-data").contains("german");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
