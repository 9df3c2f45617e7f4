package dev.undertone.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.undertone.app.testing.FixtureIndex;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random and hostile parameter values against every read endpoint: the answer is always 200 or a
 * 400 with a JSON error, never a 500.
 */
class ApiFuzzTest {
    private static final long SEED = 20250301L;
    private static final int REQUESTS = 400;
    private static final List<String> ENDPOINTS =
            List.of("/api/summary", "/api/timeline", "/api/posts", "/api/terms", "/api/export");
    private static final List<String> PARAMS =
            List.of(
                    "track",
                    "sentiment",
                    "lang",
                    "source",
                    "q",
                    "from",
                    "to",
                    "limit",
                    "interval",
                    "field",
                    "format");
    private static final List<String> NASTY =
            List.of(
                    "",
                    " ",
                    ",",
                    ",,,",
                    "-1",
                    "0",
                    "99999999999999999999",
                    "1e9",
                    "NaN",
                    "positive,unscored",
                    "auto",
                    "1s",
                    "100000d",
                    "9999999m",
                    "*",
                    "?",
                    "a*",
                    "\"unclosed",
                    "((((",
                    "~2",
                    "a~",
                    "title:x",
                    "\\",
                    "%",
                    "+-",
                    "|",
                    "<script>alert(1)</script>",
                    "javascript:alert(1)",
                    "' OR 1=1 --",
                    "2025-03-01T12:00:00Z",
                    "2025-03-01T12:00:00+02:00",
                    "+1000000000-01-01T00:00:00Z",
                    "-999999999-01-01T00:00:00Z",
                    "2025-02-30T00:00:00Z",
                    "\u0000",
                    "\uFFFF",
                    "\uD800",
                    "ü",
                    "日本語",
                    "x".repeat(600),
                    "en-",
                    "EN-us",
                    "x_y",
                    "hashtags",
                    "WORDS",
                    "csv",
                    "JSONL");

    @TempDir Path dir;

    @Test
    void noParameterValueMakesTheServerFail() throws Exception {
        Random random = new Random(SEED);
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newHttpClient();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (FixtureIndex index = FixtureIndex.withFixtures(dir);
                LiveFeed feed = new LiveFeed(registry);
                ApiServer server =
                        new ApiServer(
                                index.store(),
                                registry,
                                feed,
                                Map::of,
                                new ApiServerConfig("127.0.0.1", 0, null, false))) {
            String base = "http://127.0.0.1:" + server.start();
            for (int i = 0; i < REQUESTS; i++) {
                String path = ENDPOINTS.get(random.nextInt(ENDPOINTS.size())) + "?" + query(random);
                HttpResponse<String> r =
                        http.send(
                                HttpRequest.newBuilder(URI.create(base + path)).build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(path).isIn(200, 400);
                if (r.statusCode() == 400) {
                    assertThat(json.readTree(r.body()).get("error").asText()).as(path).isNotBlank();
                }
            }
        }
    }

    private static String query(Random random) {
        StringBuilder q = new StringBuilder();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                q.append('&');
            }
            q.append(PARAMS.get(random.nextInt(PARAMS.size()))).append('=');
            String v =
                    random.nextInt(4) == 0
                            ? randomString(random)
                            : NASTY.get(random.nextInt(NASTY.size()));
            q.append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        }
        return q.toString();
    }

    private static String randomString(Random random) {
        int len = random.nextInt(40);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < len; i++) {
            s.append(
                    (char)
                            (random.nextInt(2) == 0
                                    ? 32 + random.nextInt(95)
                                    : random.nextInt(0x3000)));
        }
        return s.toString();
    }
}
