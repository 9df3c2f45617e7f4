package dev.undertone.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.core.sentiment.fast.FastModels;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode parse(String line) throws Exception {
        return JSON.readTree(line);
    }

    @Test
    void printsOneJsonLinePerTextArgument() throws Exception {
        CliRun r =
                CliRun.run("", "classify", "I love this so much!", "This is terrible, I hate it");
        assertThat(r.exitCode).isZero();
        List<String> lines = r.outLines();
        assertThat(lines).hasSize(2);
        JsonNode first = parse(lines.get(0));
        assertThat(first.get("text").asText()).isEqualTo("I love this so much!");
        assertThat(first.get("sentiment").asText()).isEqualTo("POSITIVE");
        JsonNode scores = first.get("scores");
        assertThat(scores.fieldNames())
                .toIterable()
                .containsExactly("positive", "negative", "neutral", "mixed");
        double sum = 0;
        for (JsonNode s : scores) {
            sum += s.asDouble();
        }
        assertThat(sum).isCloseTo(1.0, within(1e-5));
        assertThat(parse(lines.get(1)).get("sentiment").asText()).isEqualTo("NEGATIVE");
    }

    @Test
    void langScoresWithThatLanguagesModel() throws Exception {
        String text = "Me encanta este lugar, todo es maravilloso";
        CliRun es = CliRun.run("", "classify", "--lang", "es", text);
        assertThat(es.exitCode).as(es.err).isZero();
        SentimentResult spanish = FastModels.language("es").classify(List.of(text)).get(0);
        JsonNode line = parse(es.outLines().get(0));
        assertThat(line.get("sentiment").asText()).isEqualTo(spanish.sentiment().name());
        assertThat(line.get("scores").get("positive").asDouble())
                .isCloseTo(spanish.scores().positive(), within(1e-6));
        // Stdin lines go the same way.
        CliRun stdin = CliRun.run(text + "\n", "classify", "--lang", "es");
        assertThat(stdin.outLines()).isEqualTo(es.outLines());
    }

    @Test
    void langThatNoModelScoresOrThatIsNoCodeIsAUsageError() {
        CliRun sv = CliRun.run("", "classify", "--lang", "sv", "hej");
        assertThat(sv.exitCode).isEqualTo(2);
        assertThat(sv.err).contains("--lang").contains("'sv'");
        CliRun bad = CliRun.run("", "classify", "--lang", "spanish", "hola");
        assertThat(bad.exitCode).isEqualTo(2);
        assertThat(bad.err).contains("--lang").contains("'spanish'");
    }

    @Test
    void readsStandardInputLinesWhenGivenNoText() throws Exception {
        CliRun r = CliRun.run("good morning :)\n\nawful news\n", "classify");
        assertThat(r.exitCode).isZero();
        List<String> lines = r.outLines();
        assertThat(lines).hasSize(3);
        JsonNode empty = parse(lines.get(1));
        assertThat(empty.get("text").asText()).isEmpty();
        assertThat(empty.get("sentiment").isNull()).isTrue();
        assertThat(empty.get("unscored").asText()).isEqualTo("empty_text");
        assertThat(parse(lines.get(2)).get("text").asText()).isEqualTo("awful news");
    }

    @Test
    void streamsMoreLinesThanOneBatch() throws Exception {
        StringBuilder in = new StringBuilder();
        int n = ClassifyCommand.BATCH * 2 + 7;
        for (int i = 0; i < n; i++) {
            in.append("line ").append(i).append('\n');
        }
        CliRun r = CliRun.run(in.toString(), "classify");
        assertThat(r.outLines()).hasSize(n);
        assertThat(parse(r.lastOutLine()).get("text").asText()).isEqualTo("line " + (n - 1));
    }

    @Test
    void escapesUntrustedTextsIntoValidJson() throws Exception {
        String nasty = "quote \" backslash \\ ctrl \u0001 tag </script> lone \uD800";
        CliRun r = CliRun.run("", "classify", nasty);
        assertThat(r.outLines()).hasSize(1);
        JsonNode node = parse(r.lastOutLine());
        assertThat(node.get("text").asText()).startsWith("quote \" backslash \\ ctrl \u0001 tag");
        assertThat(r.lastOutLine()).doesNotContain("\u0001");
    }

    @Test
    void exitsTwoNamingTheOptionForAnUnknownModel() {
        CliRun r = CliRun.run("", "classify", "--model", "nope", "hi");
        assertThat(r.exitCode).isEqualTo(2);
        assertThat(r.err).contains("--model").contains("nope").contains("fast");
    }
}
