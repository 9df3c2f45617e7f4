package dev.undertone.app.source.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.undertone.app.source.SourceMetrics;
import dev.undertone.app.testing.Fixtures;
import dev.undertone.app.testing.SourceDriver;
import dev.undertone.app.testing.StreamingHttpServer;
import dev.undertone.app.testing.XTestServer;
import dev.undertone.core.decode.Formats;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class XSourceTest {

    private static final String TOKEN = "AAAAtest-bearer-token-0123456789";
    private static final String JSON = "application/json";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration FAST = Duration.ofMillis(20);
    private static final List<String> PHRASES =
            List.of("stimulus", "relief check", "\"cheque de ayuda\"");

    private final SourceMetrics metrics =
            new SourceMetrics(
                    "x",
                    new SimpleMeterRegistry(),
                    Clock.systemUTC(),
                    dev.undertone.app.source.Secrets.fromMap(
                            java.util.Map.of("UNDERTONE_X_BEARER_TOKEN", TOKEN)));
    private XTestServer server;
    private SourceDriver driver;

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private XSource source(URI url, String token, Duration stall) {
        XSourceConfig cfg =
                XSourceConfig.of(url, PHRASES).withTimeouts(stall, Duration.ofSeconds(5));
        return new XSource("x", cfg, token, metrics, Clock.systemUTC(), "undertone/test");
    }

    private static List<String> dataLines() {
        return Fixtures.lines("x-filtered-stream.ndjson").stream()
                .map(b -> new String(b, StandardCharsets.UTF_8))
                .filter(l -> l.contains("\"data\""))
                .toList();
    }

    @Test
    void syncsRulesThenStreamsEveryPostLineUntouched() throws Exception {
        server =
                XTestServer.start(
                        TOKEN,
                        ex -> {
                            ex.begin(JSON);
                            // 7-byte chunks tear lines and CRLFs everywhere
                            ex.writeInPieces(Fixtures.bytes("x-filtered-stream.ndjson"), 7);
                        },
                        ex -> {
                            ex.begin(JSON);
                            ex.stall();
                        });
        server.addRule("old OR rule", "no longer tracked");
        server.addRule(XRules.ruleFor("stimulus").value(), "stimulus");
        driver = SourceDriver.start(source(server.url(), TOKEN, WAIT), null, FAST);

        await().atMost(WAIT).until(() -> server.requests(XTestServer.STREAM).size() == 2);
        assertThat(driver.payloads()).containsExactlyElementsOf(dataLines());
        assertThat(driver.records()).allMatch(r -> r.format().equals(Formats.X_V2));
        assertThat(server.rules())
                .extracting(XTestServer.Rule::tag)
                .containsExactlyInAnyOrder("stimulus", "relief check", "\"cheque de ayuda\"");
        assertThat(server.rules())
                .extracting(XTestServer.Rule::value)
                .contains("(relief OR #relief) (check OR #check)", "\"cheque de ayuda\"");
        // the operational disconnect ends the stream: reconnect on the network schedule
        SourceDriver.Backoff b = driver.backoffs().get(0);
        assertThat(((XStreamException) b.failure()).kind())
                .isEqualTo(XStreamException.Kind.NETWORK);
        assertThat(b.failure()).hasMessageContaining("operational");
        assertThat(b.delay()).isEqualTo(Duration.ofMillis(250));
        // rules are synced once, not on every reconnect
        assertThat(
                        server.requests(XTestServer.RULES).stream()
                                .filter(r -> r.method().equals("GET")))
                .hasSize(1);
        StreamingHttpServer.Request stream = server.requests(XTestServer.STREAM).get(0);
        assertThat(stream.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(stream.header("User-Agent")).startsWith("undertone/");
        assertThat(stream.query())
                .contains("tweet.fields=created_at,lang,author_id")
                .contains("expansions=author_id");
    }

    @Test
    void reconnectsWhenNeitherDataNorKeepAliveArrivesAndPassesMalformedLinesOn() throws Exception {
        String post = dataLines().get(0);
        server =
                XTestServer.start(
                        TOKEN,
                        ex -> {
                            ex.begin(JSON);
                            ex.write("\r\n" + post + "\r\n{\"data\":{\"id\":\"1\",\r\n");
                            ex.write("not json\r\n");
                            ex.stall();
                        },
                        ex -> {
                            ex.begin(JSON);
                            ex.stall();
                        });
        driver =
                SourceDriver.start(source(server.url(), TOKEN, Duration.ofMillis(300)), null, FAST);

        await().atMost(WAIT).until(() -> !driver.backoffs().isEmpty());
        assertThat(driver.payloads()).containsExactly(post, "{\"data\":{\"id\":\"1\",", "not json");
        assertThat(driver.backoffs().get(0).failure()).hasMessageContaining("stall");
        assertThat(driver.backoffs().get(0).delay()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void backsOffAsDocumentedFor429AndServerErrors() throws Exception {
        long reset = Instant.now().getEpochSecond() + 120;
        server =
                XTestServer.start(
                        TOKEN,
                        ex ->
                                ex.header("x-rate-limit-reset", Long.toString(reset))
                                        .respond(429, JSON, "{\"title\":\"Too Many Requests\"}"),
                        ex ->
                                ex.respond(
                                        429,
                                        JSON,
                                        "{\"title\":\"ConnectionException\",\"connection_issue\":\"TooManyConnections\"}"),
                        ex -> ex.respond(503, JSON, "{\"title\":\"Service Unavailable\"}"),
                        ex -> ex.respond(500, JSON, ""),
                        ex -> {
                            ex.begin(JSON);
                            ex.write(dataLines().get(0) + "\r\n");
                            ex.stall();
                        });
        driver = SourceDriver.start(source(server.url(), TOKEN, WAIT), null, FAST);

        await().atMost(WAIT).until(() -> driver.records().size() == 1);
        List<SourceDriver.Backoff> b = driver.backoffs();
        assertThat(b).hasSize(4);
        assertThat(b.get(0).delay()).isBetween(Duration.ofSeconds(100), Duration.ofSeconds(121));
        assertThat(b.get(1).delay()).isEqualTo(Duration.ofSeconds(120));
        assertThat(b.get(1).failure()).hasMessageContaining("TooManyConnections");
        assertThat(b.get(2).delay()).isEqualTo(Duration.ofSeconds(20));
        assertThat(b.get(3).delay()).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void stopsWithAnActionableErrorOn401WithoutRetryingOrShowingTheToken() throws Exception {
        String wrong = "wrong-secret-token-987654321";
        server = XTestServer.start(TOKEN, ex -> ex.respond(200, JSON, ""));
        SourceMetrics m =
                new SourceMetrics(
                        "x",
                        new SimpleMeterRegistry(),
                        Clock.systemUTC(),
                        dev.undertone.app.source.Secrets.fromMap(
                                java.util.Map.of("UNDERTONE_X_BEARER_TOKEN", wrong)));
        XSource s =
                new XSource(
                        "x",
                        XSourceConfig.of(server.url(), PHRASES),
                        wrong,
                        m,
                        Clock.systemUTC(),
                        "t");
        driver = SourceDriver.start(s, null, FAST);

        await().atMost(WAIT).until(() -> driver.fatal() != null);
        assertThat(driver.fatal())
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("UNDERTONE_X_BEARER_TOKEN")
                .hasMessageNotContaining(wrong);
        assertThat(driver.backoffs()).isEmpty();
        assertThat(server.requests(XTestServer.RULES)).hasSize(1);
        assertThat(server.requests(XTestServer.STREAM)).isEmpty();
        assertThat(m.snapshot()).containsEntry("state", "failed");
        assertThat(m.snapshot().toString()).doesNotContain(wrong);
    }

    @Test
    void stopsOn403FromTheStream() throws Exception {
        server =
                XTestServer.start(
                        TOKEN,
                        ex ->
                                ex.respond(
                                        403,
                                        JSON,
                                        "{\"title\":\"Client Forbidden\",\"reason\":\"client-not-enrolled\"}"));
        driver = SourceDriver.start(source(server.url(), TOKEN, WAIT), null, FAST);

        await().atMost(WAIT).until(() -> driver.fatal() != null);
        assertThat(driver.fatal())
                .hasMessageContaining("HTTP 403")
                .hasMessageContaining("Client Forbidden");
        assertThat(server.requests(XTestServer.STREAM)).hasSize(1);
    }

    @Test
    void retriesADnsFailureOnTheNetworkSchedule() {
        driver =
                SourceDriver.start(
                        source(URI.create("http://nonexistent.invalid"), TOKEN, WAIT), null, FAST);

        await().atMost(WAIT).until(() -> driver.backoffs().size() >= 3);
        List<SourceDriver.Backoff> b = driver.backoffs();
        assertThat(b)
                .extracting(SourceDriver.Backoff::delay)
                .startsWith(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(750));
        assertThat(((XStreamException) b.get(0).failure()).kind())
                .isEqualTo(XStreamException.Kind.NETWORK);
        assertThat(driver.fatal()).isNull();
        assertThat(metrics.snapshot().get("last_error").toString()).doesNotContain(TOKEN);
    }
}
