package dev.undertone.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.undertone.app.cli.UndertoneCommand;
import dev.undertone.app.source.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The deploy files cannot run here (no container engine), so they are checked statically: they
 * parse, images carry the versions the build uses, ports and environment agree with the code, and
 * every Undertone command line in them is one the CLI accepts.
 */
class DeployFilesTest {
    private static final Path ROOT = Path.of("..");
    private static final Path DEPLOY = ROOT.resolve("deploy");
    private static final YAMLMapper YAML = new YAMLMapper();

    private static JsonNode compose() throws IOException {
        return YAML.readTree(DEPLOY.resolve("docker-compose.yml").toFile());
    }

    private static List<JsonNode> k8s(String file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var parser =
                new YAMLFactory().createParser(DEPLOY.resolve("k8s").resolve(file).toFile())) {
            new ObjectMapper().readValues(parser, JsonNode.class).forEachRemaining(docs::add);
        }
        return docs;
    }

    private static String property(Path pom, String name) throws IOException {
        Matcher m =
                Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</")
                        .matcher(Files.readString(pom));
        assertThat(m.find()).as(name + " in " + pom).isTrue();
        return m.group(1);
    }

    private static String[] args(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(a -> out.add(a.asText()));
        return out.toArray(new String[0]);
    }

    @Test
    void imagesCarryTheVersionsTheBuildAndTestsUse() throws IOException {
        JsonNode services = compose().get("services");
        String kafka = property(ROOT.resolve("pom.xml"), "kafka.version");
        String flink = property(ROOT.resolve("pom.xml"), "flink.version");
        String opensearch =
                property(ROOT.resolve("testkit-opensearch/pom.xml"), "opensearch.version");

        assertThat(services.at("/kafka/image").asText()).isEqualTo("apache/kafka:" + kafka);
        assertThat(services.at("/opensearch/image").asText())
                .isEqualTo("opensearchproject/opensearch:" + opensearch);
        assertThat(services.at("/opensearch-dashboards/image").asText())
                .isEqualTo("opensearchproject/opensearch-dashboards:" + opensearch);
        assertThat(Files.readString(DEPLOY.resolve("Dockerfile.flink")))
                .contains("FROM flink:" + flink + "-java17")
                .contains(
                        "flink-job/target/undertone-flink-job-"
                                + property(ROOT.resolve("pom.xml"), "version")
                                + ".jar");
        assertThat(Files.readString(DEPLOY.resolve("Dockerfile")))
                .contains("COPY app/target/undertone.jar");
    }

    @Test
    void portsAndAddressesAgreeAcrossServices() throws IOException {
        JsonNode s = compose().get("services");

        assertThat(s.at("/opensearch/ports/0").asText()).isEqualTo("9200:9200");
        assertThat(s.at("/opensearch-dashboards/ports/0").asText()).isEqualTo("5601:5601");
        assertThat(s.at("/opensearch-dashboards/environment/OPENSEARCH_HOSTS").asText())
                .contains("http://opensearch:9200");
        assertThat(s.at("/kafka/environment/KAFKA_ADVERTISED_LISTENERS").asText())
                .isEqualTo("PLAINTEXT://kafka:9092");
        assertThat(s.at("/jobmanager/ports/0").asText()).isEqualTo("8081:8081");
        String[] dashboard = args(s.at("/dashboard/command"));
        String port = dashboard[List.of(dashboard).indexOf("--port") + 1];
        assertThat(s.at("/dashboard/ports/0").asText()).isEqualTo(port + ":" + port);
        assertThat(List.of(args(s.at("/ingest/command"))))
                .contains("kafka://kafka:9092/undertone-raw");
        assertThat(List.of(args(s.at("/jobmanager/command"))))
                .containsSequence("--bootstrap-servers", "kafka:9092")
                .containsSequence("--raw-topic", "undertone-raw")
                .containsSequence("--opensearch", "http://opensearch:9200")
                .containsSequence("--index", "undertone-posts");
        assertThat(List.of(dashboard)).contains("opensearch://opensearch:9200/undertone-posts");
    }

    @Test
    void everyUndertoneCommandLineParses() throws IOException {
        JsonNode s = compose().get("services");
        List<String[]> lines = new ArrayList<>();
        lines.add(args(s.at("/ingest/command")));
        lines.add(args(s.at("/dashboard/command")));
        for (String f : List.of("undertone-ingest.yaml", "undertone-dashboard.yaml")) {
            for (JsonNode doc : k8s(f)) {
                JsonNode c = doc.at("/spec/template/spec/containers/0/args");
                if (!c.isMissingNode()) {
                    lines.add(args(c));
                }
            }
        }
        assertThat(lines).hasSize(4);
        for (String[] line : lines) {
            assertThatCode(() -> UndertoneCommand.commandLine().parseArgs(line))
                    .as(String.join(" ", line))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void aDashboardListeningBeyondLoopbackIsGivenAToken() throws IOException {
        JsonNode s = compose().get("services");
        assertThat(List.of(args(s.at("/dashboard/command")))).containsSequence("--host", "0.0.0.0");
        assertThat(s.at("/dashboard/environment").has(Secrets.AUTH_TOKEN)).isTrue();

        JsonNode pod =
                k8s("undertone-dashboard.yaml").get(0).at("/spec/template/spec/containers/0");
        assertThat(pod.at("/env/0/name").asText()).isEqualTo(Secrets.AUTH_TOKEN);
        assertThat(pod.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
    }

    @Test
    void theDashboardsImportLoadsTheCommittedSavedObjects() throws IOException {
        JsonNode importer = compose().at("/services/dashboards-import");
        String mount = importer.at("/volumes/0").asText();

        assertThat(DEPLOY.resolve(mount.substring(0, mount.indexOf(':')))).exists();
        assertThat(importer.at("/entrypoint/2").asText())
                .contains("osd-xsrf: true")
                .contains("/api/saved_objects/_import?overwrite=true")
                .contains("file=@/undertone.ndjson");
    }

    @Test
    void theFlinkDeploymentRunsTheJobJarTheImageHolds() throws IOException {
        JsonNode d = k8s("flink-deployment.yaml").get(0);

        assertThat(d.get("apiVersion").asText()).isEqualTo("flink.apache.org/v1beta1");
        assertThat(d.get("kind").asText()).isEqualTo("FlinkDeployment");
        assertThat(d.at("/spec/job/entryClass").asText())
                .isEqualTo("dev.undertone.flink.SentimentJobMain");
        assertThat(Files.readString(DEPLOY.resolve("Dockerfile.flink")))
                .contains(d.at("/spec/job/jarURI").asText().replace("local://", ""));
        assertThat(d.at("/spec/image").asText())
                .isEqualTo(compose().at("/services/jobmanager/image").asText());
    }
}
