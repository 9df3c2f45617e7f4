package dev.undertone.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.undertone.app.testing.FixtureIndex;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stats} and {@code export} over a data directory holding the fixture index. */
class QueryCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path data;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream stdout;
    private PrintStream stderr;

    @BeforeEach
    void captureOutput() throws Exception {
        FixtureIndex.withFixtures(data.resolve("index")).close();
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    private int run(String... args) {
        return UndertoneCommand.commandLine().execute(args);
    }

    private List<String> outLines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void statsPrintsTheContractObjectAsTheLastLine() throws Exception {
        int status = run("stats", "--data", data.toString());

        assertThat(status).isZero();
        List<String> lines = outLines();
        JsonNode s = JSON.readTree(lines.get(lines.size() - 1));
        assertThat(s.get("total").asLong()).isEqualTo(12);
        assertThat(s.get("sentiment").toString())
                .isEqualTo("{\"POSITIVE\":3,\"NEGATIVE\":2,\"NEUTRAL\":2,\"MIXED\":2}");
        assertThat(s.get("unscored").asLong()).isEqualTo(3);
    }

    @Test
    void statsFiltersByTrackTimeAndLanguage() throws Exception {
        int status =
                run(
                        "stats",
                        "--data",
                        data.toString(),
                        "--track",
                        "climate",
                        "--lang",
                        "en",
                        "--since",
                        "2025-03-01T12:01:00Z",
                        "--until",
                        "2025-03-01T12:39:00Z");

        assertThat(status).isZero();
        assertThat(JSON.readTree(outLines().get(0)).get("total").asLong()).isEqualTo(4);
    }

    @Test
    void aBadValueExits2NamingTheOption() {
        int status = run("stats", "--data", data.toString(), "--since", "last tuesday");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: --since:");
    }

    @Test
    void aMissingIndexExits1SayingWhatToDo() {
        int status = run("stats", "--data", data.resolve("nothing").toString());

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no index at").contains("replay");
    }

    @Test
    void exportStreamsJsonLinesOldestFirstAndCountsOnStderr() throws Exception {
        int status = run("export", "--data", data.toString(), "--sentiment", "unscored");

        assertThat(status).isZero();
        assertThat(outLines()).hasSize(3);
        assertThat(JSON.readTree(outLines().get(0)).get("unscored_reason").asText())
                .isEqualTo("unsupported_language");
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("{\"exported\":3}");
    }

    @Test
    void exportWritesCsvWithAHeader() {
        int status =
                run("export", "--data", data.toString(), "--format", "csv", "--track", "football");

        assertThat(status).isZero();
        assertThat(outLines()).hasSize(6);
        assertThat(outLines().get(0)).startsWith("key,source,id,created_at");
    }

    @Test
    void anUnknownExportFormatExits2() {
        assertThat(run("export", "--data", data.toString(), "--format", "xml")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--format");
    }
}
