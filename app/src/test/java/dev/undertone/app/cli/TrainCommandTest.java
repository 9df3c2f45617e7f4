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
}
