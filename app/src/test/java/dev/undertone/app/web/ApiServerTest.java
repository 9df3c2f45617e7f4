package dev.undertone.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.undertone.app.store.IndexListener;
import dev.undertone.app.store.PostFilter;
import dev.undertone.app.store.PostStore;
import dev.undertone.app.store.StoreFixtures;
import dev.undertone.app.store.StoredPost;
import dev.undertone.app.testing.FixtureIndex;
import dev.undertone.core.post.PostSource;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HTTP API over a real Lucene index of the fixture posts, on a free loopback port. */
class ApiServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;
    private FixtureIndex index;
    private PrometheusMeterRegistry registry;
    private LiveFeed feed;
    private ApiServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private String base;

    @BeforeEach
    void start() throws IOException {
        index = FixtureIndex.withFixtures(dir);
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        feed = new LiveFeed(registry);
        server = startServer(new ApiServerConfig("127.0.0.1", 0, null, false));
    }

    private ApiServer startServer(ApiServerConfig config) {
        ApiServer s =
                new ApiServer(
                        index.store(), registry, feed, () -> Map.of("pipeline", "running"), config);
        base = "http://127.0.0.1:" + s.start();
        return s;
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        feed.close();
        index.close();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void summaryIsTheStatsObjectOfTheStore() throws Exception {
        JsonNode s = getJson("/api/summary");

        assertThat(s.get("total").asLong()).isEqualTo(12);
        assertThat(s.get("sentiment").toString())
                .isEqualTo("{\"POSITIVE\":3,\"NEGATIVE\":2,\"NEUTRAL\":2,\"MIXED\":2}");
        assertThat(s.get("unscored").asLong()).isEqualTo(3);
        assertThat(s.get("unscored_reasons").get("unsupported_language").asLong()).isEqualTo(2);
        assertThat(getJson("/api/summary?track=football&lang=en").get("total").asLong())
                .isEqualTo(4);
    }

    @Test
    void summaryCountsEachLanguageMostPostsFirst() throws Exception {
        JsonNode langs = getJson("/api/summary").get("languages");

        // StoreFixtures: nine English posts (one tagged en-US), one each of de, es and fr.
        assertThat(langs.fieldNames()).toIterable().containsExactly("en", "de", "es", "fr");
        assertThat(langs.get("en").toString())
                .isEqualTo(
                        "{\"total\":9,\"POSITIVE\":3,\"NEGATIVE\":2,\"NEUTRAL\":2,\"MIXED\":1,"
                                + "\"unscored\":1}");
        assertThat(langs.get("de").get("unscored").asLong()).isEqualTo(1);
        assertThat(langs.get("es").get("MIXED").asLong()).isEqualTo(1);
        // The filters apply: only the posts that match are counted.
        JsonNode unscored = getJson("/api/summary?sentiment=unscored").get("languages");
        assertThat(unscored.fieldNames()).toIterable().containsExactly("de", "en", "fr");
        assertThat(unscored.get("en").get("total").asLong()).isEqualTo(1);
    }

    @Test
    void postsCarryTheContractFieldsNewestFirst() throws Exception {
        JsonNode body = getJson("/api/posts?limit=2");

        assertThat(body.get("total").asLong()).isEqualTo(12);
        JsonNode first = body.get("posts").get(0);
        assertThat(first.get("id").asText()).isEqualTo("p40");
        for (String field :
                new String[] {
                    "id",
                    "source",
                    "author",
                    "text",
                    "lang",
                    "created_at",
                    "url",
                    "sentiment",
                    "scores",
                    "confidence",
                    "tracks"
                }) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(first.get("created_at").asText())
                .isEqualTo(StoreFixtures.T0.plusSeconds(2400).toString());
        assertThat(first.get("scores").get("mixed").asDouble()).isEqualTo(0.5);
        assertThat(body.get("posts")).hasSize(2);
    }

    @Test
    void oversizedLimitsAreCapped() throws Exception {
        // More posts than the posts cap, each with a content word of its own: more distinct words
        // than the terms cap, so an uncapped answer would be longer than the cap.
        int extra = PostStore.MAX_POSTS_LIMIT + 1;
        List<StoredPost> more = new ArrayList<>();
        for (int i = 0; i < extra; i++) {
            more.add(
                    StoreFixtures.post(
                            1000 + i,
                            PostSource.BLUESKY,
                            "en",
                            "word " + letters(i),
                            List.of(),
                            StoreFixtures.neutral(0.9),
                            List.of(),
                            List.of()));
        }
        index.add(more, IndexListener.NONE);
        assertThat(getJson("/api/posts?limit=99999999").get("posts"))
                .hasSize(PostStore.MAX_POSTS_LIMIT);
        assertThat(getJson("/api/terms?field=words&limit=100000").get("terms"))
                .hasSize(PostStore.MAX_TERMS_LIMIT);
    }

    /** A distinct word of letters only for each {@code i} (content words have no digits). */
    private static String letters(int i) {
        StringBuilder b = new StringBuilder("zq");
        for (int n = i; ; n /= 26) {
            b.append((char) ('a' + n % 26));
            if (n < 26) {
                return b.toString();
            }
        }
    }

    @Test
    void timelineAndTermsAnswerInTheirShapes() throws Exception {
        JsonNode t = getJson("/api/timeline?interval=10m");
        assertThat(t.get("interval").asText()).isEqualTo("10m");
        assertThat(t.get("buckets")).hasSize(5);
        assertThat(t.get("buckets").get(0).get("start").asText())
                .isEqualTo(StoreFixtures.T0.toString());
        assertThat(t.get("buckets").get(0).get("POSITIVE").asLong()).isEqualTo(2);

        JsonNode terms = getJson("/api/terms?field=hashtags&limit=1");
        assertThat(terms.get("terms").get(0).get("term").asText()).isEqualTo("climate");
        assertThat(terms.get("by_sentiment").get("NEGATIVE").get(0).get("count").asLong())
                .isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({
        "/api/summary?sentiment=happy, sentiment",
        "/api/summary?from=yesterday, from",
        "/api/summary?to=2025-13-01T00:00:00Z, to",
        "/api/summary?lang=%3Cscript%3E, lang",
        "/api/summary?source=myspace, source",
        "/api/posts?limit=-1, limit",
        "/api/posts?limit=ten, limit",
        "/api/timeline?interval=5x, interval",
        "/api/timeline?interval=0m, interval",
        "/api/terms?field=authors, field",
        "/api/export?format=xml, format",
    })
    void invalidParametersGet400NamingTheParameter(String path, String parameter) throws Exception {
        HttpResponse<String> r = get(path);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(JSON.readTree(r.body()).get("error").asText()).startsWith(parameter);
    }

    @Test
    void malformedPercentEncodingIs400() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream()
                    .write(
                            "GET /api/summary?q=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                                    .getBytes(StandardCharsets.US_ASCII));
            String status =
                    new BufferedReader(
                                    new InputStreamReader(
                                            socket.getInputStream(), StandardCharsets.US_ASCII))
                            .readLine();
            assertThat(status).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/", "/api/summary", "/app.js"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValue(ApiServer.CSP);
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
        assertThat(get("/").body()).contains("<title>Undertone");
    }

    @Test
    void theEventStreamWithoutItsAcceptHeaderIsA400SayingWhatToSend() throws Exception {
        HttpResponse<String> r = get("/api/events");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("error").asText())
                .isEqualTo("Accept: send the header Accept: text/event-stream");
    }

    @Test
    void unknownApiPathsGetAJson404() throws Exception {
        HttpResponse<String> r = get("/api/nothing");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(r.body()).get("error").asText()).contains("/api/nothing");
    }

    @Test
    void healthIsUpWithTheCallersDetails() throws Exception {
        JsonNode h = getJson("/api/health");

        assertThat(h.get("status").asText()).isEqualTo("up");
        assertThat(h.get("pipeline").asText()).isEqualTo("running");
        assertThat(h.has("live_clients")).isTrue();
    }

    @Test
    void metricsAreInPrometheusFormatAndCountRequests() throws Exception {
        getJson("/api/summary");

        HttpResponse<String> r = get("/metrics");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains(
                        "undertone_http_requests_seconds_count{method=\"GET\",route=\"/api/summary\",status=\"200\"}")
                .contains("undertone_live_clients");
    }

    @Test
    void exportStreamsJsonLinesAndCsvWithFilters() throws Exception {
        HttpResponse<String> jsonl = get("/api/export?track=climate");
        assertThat(jsonl.statusCode()).isEqualTo(200);
        assertThat(jsonl.body().lines()).hasSize(8);
        assertThat(JSON.readTree(jsonl.body().lines().findFirst().orElseThrow()).get("id").asText())
                .isEqualTo("p0");

        HttpResponse<String> csv = get("/api/export?format=csv&sentiment=neutral");
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(csv.body().split("\r\n")).hasSize(3);
        assertThat(csv.body()).startsWith("key,source,id,created_at");
    }

    @Test
    void aTokenIsRequiredWhenConfigured() throws Exception {
        server.close();
        server = startServer(new ApiServerConfig("127.0.0.1", 0, "s3cret", false));

        HttpResponse<String> none = get("/api/summary");
        HttpResponse<String> wrong = get("/api/summary", "Authorization", "Bearer nope");
        HttpResponse<String> right = get("/api/summary", "Authorization", "Bearer s3cret");
        HttpResponse<String> metrics = get("/metrics");
        JsonNode health = JSON.readTree(get("/api/health").body());

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(none.body()).get("error").asText()).contains("token");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(metrics.statusCode()).isEqualTo(401);
        assertThat(health.get("status").asText()).isEqualTo("up");
        assertThat(health.has("pipeline")).as("details only with the token").isFalse();
        assertThat(get("/").statusCode()).as("the page itself asks for the token").isEqualTo(200);
    }

    @Test
    void bindingBeyondLoopbackNeedsATokenOrInsecure() {
        assertThatThrownBy(() -> new ApiServerConfig("0.0.0.0", 0, null, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UNDERTONE_AUTH_TOKEN")
                .hasMessageContaining("--insecure");
        assertThat(new ApiServerConfig("0.0.0.0", 0, "t", false).host()).isEqualTo("0.0.0.0");
        assertThat(new ApiServerConfig("0.0.0.0", 0, null, true).insecure()).isTrue();
        assertThat(new ApiServerConfig(null, 0, "hunter2", false).toString())
                .doesNotContain("hunter2");
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static PostFilter all() {
        return PostFilter.ALL;
    }
}
