package dev.undertone.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.undertone.app.testing.FakeComprehend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code --model comprehend} on the command line, against the fake endpoint. */
class ComprehendCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY_ID = "aws.accessKeyId";
    private static final String SECRET = "aws.secretAccessKey";

    private FakeComprehend fake;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeComprehend();
        // The default credential chain reads these system properties before the environment.
        System.setProperty(KEY_ID, "AKIDEXAMPLE");
        System.setProperty(SECRET, "cli-test-secret");
    }

    @AfterEach
    void stop() {
        System.clearProperty(KEY_ID);
        System.clearProperty(SECRET);
        fake.close();
    }

    @Test
    void classifyCallsTheEndpointGivenAndPrintsComprehendsLabels() throws Exception {
        CliRun r =
                CliRun.run(
                        "",
                        "classify",
                        "--model",
                        "comprehend",
                        "--comprehend-endpoint",
                        fake.endpoint().toString(),
                        "--comprehend-region",
                        "eu-west-1",
                        "I love it",
                        "love and hate");

        assertThat(r.exitCode).as(r.err).isZero();
        JsonNode first = JSON.readTree(r.outLines().get(0));
        JsonNode second = JSON.readTree(r.outLines().get(1));
        assertThat(first.get("sentiment").asText()).isEqualTo("POSITIVE");
        assertThat(second.get("sentiment").asText()).isEqualTo("MIXED");
        assertThat(fake.calls()).hasSize(1);
        assertThat(fake.calls().get(0).signed()).isTrue();
        assertThat(r.err).doesNotContain("cli-test-secret");
    }

    @Test
    void aBadEndpointIsAUsageError() {
        CliRun r =
                CliRun.run(
                        "",
                        "classify",
                        "--model",
                        "comprehend",
                        "--comprehend-endpoint",
                        "not a url",
                        "text");

        assertThat(r.exitCode).isEqualTo(2);
        assertThat(r.err).contains("--comprehend-endpoint");
    }
}
