package dev.undertone.app.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.undertone.app.alert.AlertStore;
import dev.undertone.app.store.StoreFixtures;
import dev.undertone.app.testing.FixtureIndex;
import dev.undertone.app.testing.UndertoneProcess;
import dev.undertone.app.web.ApiServer;
import dev.undertone.app.web.ApiServerConfig;
import dev.undertone.app.web.LiveFeed;
import dev.undertone.app.web.MonitorView;
import dev.undertone.core.alert.Alert;
import dev.undertone.core.alert.AlertExample;
import dev.undertone.core.alert.AlertJson;
import dev.undertone.core.alert.AlertKind;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Topic monitoring in headless Chromium: the tracks side by side (and clicking one filters the
 * page), the alert panel (stored and live alerts, hostile post texts inert), and a source that
 * cannot connect shown as failing, with the live indicator not green.
 */
class MonitorBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVIL_AUTHOR = "<img src=x onerror=\"window.__xss=7\">";

    private static Path dir;
    private static FixtureIndex index;
    private static AlertStore alerts;
    private static LiveFeed feed;
    private static ApiServer server;
    private static Browser browser;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("undertone-monitor-browser");
        index = FixtureIndex.withFixtures(dir.resolve("index"));
        alerts = AlertStore.open(dir.resolve("alerts"));
        alerts.add(alert("climate", StoreFixtures.T0, StoreFixtures.XSS_TEXT, EVIL_AUTHOR));
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
                                        () -> List.of("climate", "football"),
                                        alerts,
                                        Duration.ofMinutes(10)));
        base = "http://127.0.0.1:" + server.start();
        browser = new Browser(dir.resolve("profile"), 1366, 1600);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
        server.close();
        feed.close();
        alerts.close();
        index.close();
    }

    private static Alert alert(String track, Instant start, String text, String author) {
        AlertExample e =
                new AlertExample(
                        "bluesky:evil",
                        "evil",
                        author,
                        text,
                        "NEGATIVE",
                        0.97,
                        start.plusSeconds(30),
                        "javascript:window.__xss=8");
        return new Alert(
                track,
                AlertKind.VOLUME,
                start,
                start.plusSeconds(600),
                120,
                30,
                9.1,
                null,
                null,
                120,
                144,
                List.of("<b>outage</b>", "storm"),
                List.of(e),
                start.plusSeconds(601));
    }

    private static ChromeDriver driver() {
        return browser.driver();
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(driver(), WAIT);
    }

    private static void open(String url) {
        driver().get(url);
        waiting()
                .until(
                        d ->
                                "true"
                                        .equals(
                                                d.findElement(By.tagName("body"))
                                                        .getDomAttribute("data-ready")));
    }

    private static JsonNode api(String pathAndQuery) throws Exception {
        HttpResponse<String> r =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(base + pathAndQuery)).build(),
                                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    @Test
    void theTracksAreShownSideBySideAndClickingOneFiltersThePage() throws Exception {
        open(base + "/");
        JsonNode tracks = api("/api/tracks").get("tracks");

        List<WebElement> rows = driver().findElements(By.cssSelector("#tracks tbody tr"));
        assertThat(rows).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonNode t = tracks.get(i);
            WebElement row = rows.get(i);
            assertThat(row.getDomAttribute("data-track")).isEqualTo(t.get("track").asText());
            assertThat(row.findElement(By.cssSelector(".total")).getText())
                    .isEqualTo(t.get("total").asText());
            assertThat(row.findElement(By.cssSelector(".neg")).getText())
                    .isEqualTo(t.get("sentiment").get("NEGATIVE").asText());
        }
        Object datasets =
                driver().executeScript(
                                "return Chart.getChart('tracks-chart').data.datasets.map(d => d.label)");
        assertThat(datasets).isEqualTo(List.of("climate", "football"));
        browser.screenshot("monitor-tracks");

        rows.get(1).click();
        long football = tracks.get(1).get("total").asLong();
        waiting()
                .until(
                        d ->
                                d.findElement(By.id("count-total"))
                                        .getText()
                                        .equals(Long.toString(football)));
        assertThat(driver().getCurrentUrl()).contains("track=football");
        waiting()
                .until(d -> !d.findElements(By.cssSelector("#tracks tbody tr.selected")).isEmpty());
        assertThat(
                        driver().findElement(By.cssSelector("#tracks tbody tr.selected"))
                                .getDomAttribute("data-track"))
                .isEqualTo("football");
        assertThat(driver().findElements(By.cssSelector("#tracks tbody tr"))).hasSize(2);
    }

    @Test
    void alertsAreListedAndArriveLiveWithPostTextsAsText() throws Exception {
        open(base + "/");
        WebElement first = driver().findElement(By.cssSelector("#alerts > li"));
        assertThat(first.getText())
                .contains("volume spike")
                .contains("climate")
                .contains("120 posts");
        assertThat(first.findElement(By.cssSelector(".example-text")).getText())
                .isEqualTo(StoreFixtures.XSS_TEXT);
        assertThat(first.findElement(By.cssSelector(".author")).getText())
                .isEqualTo("@" + EVIL_AUTHOR);
        assertThat(first.findElement(By.cssSelector(".terms")).getText()).contains("<b>outage</b>");
        assertThat(
                        driver().findElements(
                                        By.cssSelector(
                                                "#alerts img, #alerts script, #alerts b, #alerts a")))
                .isEmpty();

        waiting()
                .until(
                        d ->
                                "true"
                                        .equals(
                                                d.findElement(By.tagName("body"))
                                                        .getDomAttribute("data-live")));
        Alert live =
                alert(
                        "football",
                        StoreFixtures.T0.plusSeconds(3600),
                        "<script>window.__xss=9</script>Live: the match is a disaster",
                        "fan");
        alerts.add(live);
        feed.alert(live.track(), AlertJson.write(live));

        waiting()
                .until(
                        d ->
                                d.findElements(By.cssSelector("#alerts > li")).size() == 2
                                        && d.findElement(By.cssSelector("#alerts > li"))
                                                .getText()
                                                .contains("football"));
        assertThat(driver().findElement(By.cssSelector("#alerts > li .example-text")).getText())
                .isEqualTo("<script>window.__xss=9</script>Live: the match is a disaster");
        assertThat(driver().executeScript("return window.__xss === undefined")).isEqualTo(true);
        browser.screenshot("monitor-alerts");
    }

    @Test
    void aSourceThatCannotConnectIsShownAsFailingAndThePageIsNotLive() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p =
                UndertoneProcess.start(
                        dir.resolve("logs"),
                        "run-offline",
                        "run",
                        "--data",
                        dir.resolve("run-data").toString(),
                        "--port",
                        Integer.toString(port),
                        "--jetstream-url",
                        "ws://127.0.0.1:" + closedPort + "/subscribe");
        try {
            String url = "http://127.0.0.1:" + port + "/";
            // A new JVM loading the index, the models and the language detector: on a shared
            // 2-core machine that can take longer than a page's usual wait.
            new WebDriverWait(driver(), Duration.ofSeconds(120))
                    .until(
                            d -> {
                                try {
                                    HttpClient.newHttpClient()
                                            .send(
                                                    HttpRequest.newBuilder(
                                                                    URI.create(url + "api/health"))
                                                            .build(),
                                                    HttpResponse.BodyHandlers.discarding());
                                    return true;
                                } catch (IOException e) {
                                    return false;
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                    return false;
                                }
                            });
            open(url);
            WebElement source =
                    waiting()
                            .until(
                                    d ->
                                            d
                                                    .findElements(
                                                            By.cssSelector(
                                                                    "#sources li[data-state='reconnecting']"))
                                                    .stream()
                                                    .findFirst()
                                                    .orElse(null));
            assertThat(source.getText()).contains("bluesky").contains("reconnecting, attempt");
            waiting()
                    .until(
                            d ->
                                    "stale"
                                            .equals(
                                                    d.findElement(By.id("live-status"))
                                                            .getDomAttribute("data-state")));
            assertThat(driver().findElement(By.id("live-status")).getText())
                    .startsWith("no source connected");
            browser.screenshot("monitor-source-failing");
        } finally {
            p.destroy();
            p.waitFor();
        }
    }
}
