package dev.undertone.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.undertone.app.alert.AlertStore;
import dev.undertone.app.store.StoreFixtures;
import dev.undertone.app.testing.FixtureIndex;
import dev.undertone.core.alert.Alert;
import dev.undertone.core.alert.AlertKind;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/tracks} and {@code /api/alerts} over the fixture index, checked against the other
 * endpoints' answers for the same filters.
 */
class MonitorApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TRACKS = List.of("climate", "football");

    @TempDir Path dir;
    private FixtureIndex index;
    private AlertStore alerts;
    private LiveFeed feed;
    private ApiServer server;
    private String base;
    private List<String> tracksInForce = TRACKS;

    @BeforeEach
    void start() throws Exception {
        index = FixtureIndex.withFixtures(dir.resolve("index"));
        alerts = AlertStore.open(dir.resolve("alerts"));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        feed = new LiveFeed(registry);
        server =
                new ApiServer(
                                index.store(),
                                registry,
                                feed,
                                Map::of,
                                new ApiServerConfig("127.0.0.1", 0, null, false))
                        .withMonitoring(
                                new MonitorView(
                                        () -> tracksInForce, alerts, Duration.ofMinutes(10)));
        base = "http://127.0.0.1:" + server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        feed.close();
        alerts.close();
        index.close();
    }

    private HttpResponse<String> raw(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = raw(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void eachTrackHasTheCountsOfItsFilterAndItsNetSentiment() throws Exception {
        for (String query : List.of("", "lang=en", "sentiment=positive,negative", "q=climate")) {
            JsonNode tracks = get("/api/tracks?" + query).get("tracks");
            assertThat(tracks).hasSize(2);
            for (int i = 0; i < 2; i++) {
                JsonNode t = tracks.get(i);
                assertThat(t.get("track").asText()).isEqualTo(TRACKS.get(i));
                JsonNode s = get("/api/summary?track=" + TRACKS.get(i) + "&" + query);
                assertThat(t.get("total").asLong()).as(query).isEqualTo(s.get("total").asLong());
                assertThat(t.get("sentiment")).as(query).isEqualTo(s.get("sentiment"));
                assertThat(t.get("unscored").asLong()).isEqualTo(s.get("unscored").asLong());
                long pos = s.get("sentiment").get("POSITIVE").asLong();
                long neg = s.get("sentiment").get("NEGATIVE").asLong();
                long scored = s.get("total").asLong() - s.get("unscored").asLong();
                if (scored == 0) {
                    assertThat(t.get("net_sentiment").isNull()).isTrue();
                } else {
                    assertThat(t.get("net_sentiment").asDouble())
                            .isCloseTo(
                                    (pos - neg) / (double) scored,
                                    org.assertj.core.data.Offset.offset(0.001));
                }
                long seriesTotal = 0;
                for (JsonNode p : t.get("series")) {
                    seriesTotal += p.get("total").asLong();
                }
                assertThat(seriesTotal).isEqualTo(s.get("total").asLong());
            }
        }
    }

    @Test
    void volumeNowIsTheWindowOfTheNewestPostAgainstTheMedianBefore() throws Exception {
        JsonNode body = get("/api/tracks");
        Instant now = Instant.parse(body.get("window_start").asText());
        JsonNode newest = get("/api/posts?limit=1").get("posts").get(0);
        Instant newestAt = Instant.parse(newest.get("created_at").asText());
        assertThat(now).isBeforeOrEqualTo(newestAt).isAfter(newestAt.minusSeconds(600));
        for (JsonNode t : body.get("tracks")) {
            String track = t.get("track").asText();
            JsonNode inWindow =
                    get(
                            "/api/summary?track="
                                    + track
                                    + "&from="
                                    + now
                                    + "&to="
                                    + now.plusSeconds(600));
            assertThat(t.get("volume").get("now").asLong())
                    .as(track)
                    .isEqualTo(inWindow.get("total").asLong());
        }
    }

    @Test
    void theTrackParameterKeepsOnlyThoseTracks() throws Exception {
        JsonNode tracks = get("/api/tracks?track=Football").get("tracks");
        assertThat(tracks).hasSize(1);
        assertThat(tracks.get(0).get("track").asText()).isEqualTo("football");
        assertThat(get("/api/tracks?track=nothing").get("tracks")).isEmpty();
        assertThat(raw("/api/tracks?from=yesterday").statusCode()).isEqualTo(400);
    }

    @Test
    void moreTracksThanOneFilterNamesAreAnsweredAlike() throws Exception {
        JsonNode two = get("/api/tracks");
        // run takes up to 1,000 tracks; a filter names at most 50.
        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i < 58; i++) {
            many.add("quiet" + i);
        }
        many.addAll(TRACKS);
        tracksInForce = many;

        JsonNode sixty = get("/api/tracks");

        assertThat(sixty.get("tracks")).hasSize(60);
        assertThat(sixty.get("tracks").get(58)).isEqualTo(two.get("tracks").get(0));
        assertThat(sixty.get("tracks").get(59)).isEqualTo(two.get("tracks").get(1));
        assertThat(sixty.get("tracks").get(0).get("total").asLong()).isZero();
        assertThat(sixty.get("window_start")).isEqualTo(two.get("window_start"));
    }

    private static Alert alert(String track, AlertKind kind, int window) {
        Instant start = StoreFixtures.T0.plusSeconds(600L * window);
        return new Alert(
                track,
                kind,
                start,
                start.plusSeconds(600),
                50,
                10,
                6,
                null,
                null,
                50,
                144,
                List.of(),
                List.of(),
                start.plusSeconds(601));
    }

    @Test
    void alertsAreNewestFirstAndFiltered() throws Exception {
        alerts.add(alert("climate", AlertKind.VOLUME, 0));
        alerts.add(alert("football", AlertKind.NEGATIVE_SHARE, 1));
        alerts.add(alert("climate", AlertKind.NEGATIVE_SHARE, 2));

        JsonNode all = get("/api/alerts");
        assertThat(all.get("total").asInt()).isEqualTo(3);
        assertThat(all.get("alerts").findValuesAsText("window_start"))
                .containsExactly(
                        StoreFixtures.T0.plusSeconds(1200).toString(),
                        StoreFixtures.T0.plusSeconds(600).toString(),
                        StoreFixtures.T0.toString());
        assertThat(get("/api/alerts?track=climate").get("total").asInt()).isEqualTo(2);
        assertThat(get("/api/alerts?kind=negative_share&track=climate").get("total").asInt())
                .isEqualTo(1);
        assertThat(
                        get("/api/alerts?from=" + StoreFixtures.T0.plusSeconds(600))
                                .get("total")
                                .asInt())
                .isEqualTo(2);
        assertThat(get("/api/alerts?limit=1").get("alerts")).hasSize(1);
        HttpResponse<String> bad = raw("/api/alerts?kind=loud");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("kind");
    }

    @Test
    void alertsAreCountedInTheMetrics() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        var metrics = new dev.undertone.app.alert.AlertMetrics(registry, TRACKS);
        metrics.raised(alert("climate", AlertKind.VOLUME, 0));
        String scrape = registry.scrape();
        assertThat(scrape)
                .contains("undertone_alerts_total{kind=\"volume\",track=\"climate\"} 1.0")
                .contains("undertone_alerts_total{kind=\"negative_share\",track=\"football\"} 0.0");
    }
}
