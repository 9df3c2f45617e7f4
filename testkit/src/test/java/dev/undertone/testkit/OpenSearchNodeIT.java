package dev.undertone.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenSearchNodeIT {
    private static OpenSearchNode node;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startNode() {
        node = OpenSearchNode.start();
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(node.url() + path))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void indexesAndSearchesWithTheCommonAnalysers() throws Exception {
        // the "simple" analyser comes from analysis-common: its presence proves the plugin loaded
        assertThat(
                        send(
                                        "PUT",
                                        "/smoke",
                                        "{\"mappings\":{\"properties\":{\"t\":{\"type\":\"text\","
                                                + "\"analyzer\":\"simple\"}}}}")
                                .statusCode())
                .isEqualTo(200);
        assertThat(
                        send("PUT", "/smoke/_doc/1?refresh=true", "{\"t\":\"Hello OpenSearch\"}")
                                .statusCode())
                .isEqualTo(201);
        HttpResponse<String> hits =
                send("POST", "/smoke/_search", "{\"query\":{\"match\":{\"t\":\"opensearch\"}}}");
        assertThat(hits.body()).contains("\"total\":{\"value\":1");
    }

    @Test
    void keepsDataAndPortAcrossARestart() throws Exception {
        send("PUT", "/restart/_doc/a?refresh=true", "{\"n\":1}");
        int port = node.port();
        node.restart();
        assertThat(node.port()).isEqualTo(port);
        assertThat(send("GET", "/restart/_doc/a", null).body()).contains("\"found\":true");
    }
}
