package dev.undertone.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {

    @TempDir Path dir;

    private CliRun evaluate(String texts, String labels) throws Exception {
        Path t = Files.writeString(dir.resolve("texts.txt"), texts);
        Path l = Files.writeString(dir.resolve("labels.txt"), labels);
        return CliRun.run("", "evaluate", "--texts", t.toString(), "--labels", l.toString());
    }

    @Test
    void printsTheContractSummaryAsTheLastLine() throws Exception {
        CliRun r =
                evaluate(
                        "I love it, wonderful!\nterrible, I hate this\nThe meeting is at 3pm on Tuesday in room 4\n",
                        "2\n0\n1\n");
        assertThat(r.exitCode).isZero();
        JsonNode s = new ObjectMapper().readTree(r.lastOutLine());
        assertThat(s.fieldNames())
                .toIterable()
                .containsExactly(
                        "n",
                        "accuracy",
                        "macro_recall",
                        "macro_f1",
                        "f1_pn",
                        "per_class",
                        "posts_per_second",
                        "model");
        assertThat(s.get("n").asInt()).isEqualTo(3);
        assertThat(s.get("accuracy").asDouble()).isEqualTo(1.0);
        assertThat(s.get("per_class").get("negative").get("support").asInt()).isEqualTo(1);
        assertThat(s.get("posts_per_second").asDouble()).isPositive();
        assertThat(s.get("model").asText()).isEqualTo("fast-1");
    }

    @Test
    void langScoresTheTextsWithThatLanguagesModel() throws Exception {
        String texts =
                "Me encanta, qué maravilla\nOdio este tráfico, qué horror\nEl tren sale a las tres\n";
        Path t = Files.writeString(dir.resolve("es.txt"), texts);
        Path l = Files.writeString(dir.resolve("es-labels.txt"), "2\n0\n1\n");
        CliRun r =
                CliRun.run(
                        "",
                        "evaluate",
                        "--texts",
                        t.toString(),
                        "--labels",
                        l.toString(),
                        "--lang",
                        "es");
        assertThat(r.exitCode).as(r.err).isZero();
        JsonNode s = new ObjectMapper().readTree(r.lastOutLine());
        assertThat(s.get("model").asText()).isEqualTo("fast-2/es");
        assertThat(s.get("n").asInt()).isEqualTo(3);
        assertThat(r.err).contains("fast-2/es");
    }

    @Test
    void langThatNoModelScoresIsAUsageError() throws Exception {
        Path t = Files.writeString(dir.resolve("sv.txt"), "jag älskar det\n");
        Path l = Files.writeString(dir.resolve("sv-labels.txt"), "2\n");
        CliRun r =
                CliRun.run(
                        "",
                        "evaluate",
                        "--texts",
                        t.toString(),
                        "--labels",
                        l.toString(),
                        "--lang",
                        "sv");
        assertThat(r.exitCode).isEqualTo(2);
        assertThat(r.err).contains("--lang").contains("'sv'");
    }

    @Test
    void exitsTwoNamingTheLineWhenTheFilesDoNotLineUp() throws Exception {
        CliRun r = evaluate("a\nb\nc\n", "1\n2\n");
        assertThat(r.exitCode).isEqualTo(2);
        assertThat(r.err).contains("line 3").contains("no label");
        assertThat(r.out).isEmpty();
    }

    @Test
    void exitsTwoNamingTheLineOfALabelOutsideZeroToTwo() throws Exception {
        CliRun r = evaluate("a\nb\n", "1\n5\n");
        assertThat(r.exitCode).isEqualTo(2);
        assertThat(r.err).contains("--labels").contains("line 2").contains("'5'");
    }

    @Test
    void exitsTwoForAMissingFile() {
        CliRun r =
                CliRun.run(
                        "",
                        "evaluate",
                        "--texts",
                        dir.resolve("none.txt").toString(),
                        "--labels",
                        dir.resolve("none2.txt").toString());
        assertThat(r.exitCode).isEqualTo(2);
        assertThat(r.err).contains("--texts").contains("none.txt");
    }
}
