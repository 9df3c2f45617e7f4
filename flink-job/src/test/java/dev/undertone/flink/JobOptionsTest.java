package dev.undertone.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.undertone.core.index.opensearch.IndexRotation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobOptionsTest {
    private static final Path DEPLOY = Path.of("..", "deploy");

    @Test
    void defaultsNeedOnlyTheBrokers() {
        JobOptions o = JobOptions.parse(new String[] {"--bootstrap-servers", "k:9092"}, Map.of());

        assertThat(o.rawTopic()).isEqualTo("undertone-raw");
        assertThat(o.sink().cluster().url()).isEqualTo("http://localhost:9200");
        assertThat(o.sink().cluster().rotation()).isEqualTo(IndexRotation.NONE);
        assertThat(o.settings().parallelism()).isEqualTo(1);
    }

    @Test
    void unknownKeysAndBadNumbersAreErrorsNamingTheKey() {
        assertThatThrownBy(
                        () ->
                                JobOptions.parse(
                                        new String[] {
                                            "--bootstrap-servers", "k:1", "--paralelism", "2"
                                        },
                                        Map.of()))
                .hasMessageContaining("--paralelism is not an option");
        assertThatThrownBy(
                        () ->
                                JobOptions.parse(
                                        new String[] {
                                            "--bootstrap-servers", "k:1", "--parallelism", "two"
                                        },
                                        Map.of()))
                .hasMessageContaining("--parallelism must be a whole number");
        assertThatThrownBy(() -> JobOptions.parse(new String[] {}, Map.of()))
                .hasMessageContaining("--bootstrap-servers is required");
        assertThatThrownBy(
                        () ->
                                JobOptions.parse(
                                        new String[] {
                                            "--bootstrap-servers", "k:1", "--model", "nope"
                                        },
                                        Map.of()))
                .hasMessageContaining("--model");
    }

    @Test
    void thePasswordComesFromTheEnvironmentAndIsNeverPrinted() {
        String[] args = {
            "--bootstrap-servers",
            "k:1",
            "--opensearch",
            "https://os:9200",
            "--opensearch-user",
            "admin"
        };
        assertThatThrownBy(() -> JobOptions.parse(args, Map.of()))
                .hasMessageContaining(JobOptions.PASSWORD_ENV);

        JobOptions o = JobOptions.parse(args, Map.of(JobOptions.PASSWORD_ENV, "s3cret"));

        assertThat(o.sink().cluster().password()).isEqualTo("s3cret");
        assertThat(o.toString()).doesNotContain("s3cret");
    }

    private static String[] afterClassName(JsonNode command) {
        List<String> out = new ArrayList<>();
        boolean seen = false;
        for (JsonNode a : command) {
            if (seen) {
                out.add(a.asText());
            } else if (a.asText().equals("dev.undertone.flink.SentimentJobMain")) {
                seen = true;
            }
        }
        return out.toArray(new String[0]);
    }

    @Test
    void theJobArgumentsInTheDeployFilesParse() throws IOException {
        JsonNode compose = new YAMLMapper().readTree(DEPLOY.resolve("docker-compose.yml").toFile());
        JobOptions c =
                JobOptions.parse(
                        afterClassName(compose.at("/services/jobmanager/command")), Map.of());
        assertThat(c.settings().parallelism()).isEqualTo(2);

        JsonNode k8s;
        try (var p =
                new YAMLFactory()
                        .createParser(DEPLOY.resolve("k8s/flink-deployment.yaml").toFile())) {
            k8s = new ObjectMapper().readTree(p);
        }
        List<String> args = new ArrayList<>();
        k8s.at("/spec/job/args").forEach(a -> args.add(a.asText()));
        JobOptions k = JobOptions.parse(args.toArray(new String[0]), Map.of());
        assertThat(k.sink().cluster().rotation()).isEqualTo(IndexRotation.MONTH);
        assertThat(k.sink().shards()).isEqualTo(2);
    }
}
