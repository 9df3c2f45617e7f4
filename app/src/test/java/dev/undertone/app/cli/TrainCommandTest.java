package dev.undertone.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThat(summary.get("macro_recall").asDouble()).isBetween(0.0, 1.0);
        assertThat(summary.get("model").asText()).isEqualTo("fast-1");
        assertThat(first.err).contains("epoch 1/").contains("Wrote model fast-1");
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
