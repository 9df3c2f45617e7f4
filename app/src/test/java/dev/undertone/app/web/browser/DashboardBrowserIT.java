package dev.undertone.app.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.undertone.app.store.IndexListener;
import dev.undertone.app.store.StoreFixtures;
import dev.undertone.app.store.StoredPost;
import dev.undertone.app.testing.FixtureIndex;
import dev.undertone.app.web.ApiServer;
import dev.undertone.app.web.ApiServerConfig;
import dev.undertone.app.web.LiveFeed;
import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.post.TestPosts;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in headless Chromium against a real server and index: it shows the API's counts,
 * takes new posts live, filters, and renders hostile post content as text. Screenshots (light,
 * dark, phone) land in {@code app/target/screenshots}; with {@code
 * -Dundertone.docs.screenshots=true} the light one also replaces the README's {@code
 * docs/dashboard.png}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LAPTOP_WIDTH = 1366;
    private static final int LAPTOP_HEIGHT = 1600;
    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;

    /** A post whose author and link are attacks, besides the fixture's hostile text. */
    static final String EVIL_AUTHOR = "<b onmouseover=\"window.__xss=3\">mallory</b>";

    private static Path dir;
    private static FixtureIndex index;
    private static LiveFeed feed;
    private static ApiServer server;
    private static Browser browser;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("undertone-browser");
        index = FixtureIndex.withFixtures(dir.resolve("index"));
        index.add(List.of(evilLinkPost()), IndexListener.NONE);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        feed = new LiveFeed(registry);
        server =
                new ApiServer(
                        index.store(),
                        registry,
                        feed,
                        Map::of,
                        new ApiServerConfig("127.0.0.1", 0, null, false));
        base = "http://127.0.0.1:" + server.start();
        browser = new Browser(dir.resolve("profile"), LAPTOP_WIDTH, LAPTOP_HEIGHT);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
        server.close();
        feed.close();
        index.close();
    }

    @BeforeEach
    void laptop() {
        browser.resize(LAPTOP_WIDTH, LAPTOP_HEIGHT);
    }

    private static StoredPost evilLinkPost() {
        Post p =
                TestPosts.post(
                                PostSource.MASTODON,
                                "evil-link",
                                StoreFixtures.T0.plusSeconds(60 * 33),
                                "Click here for a prize")
                        .author(EVIL_AUTHOR, null)
                        .langs(List.of("en"))
                        .url("javascript:window.__xss=4")
                        .tracks(List.of("climate"))
                        .build();
        ScoredPost s =
                new ScoredPost(p, StoreFixtures.positive(0.7), StoreFixtures.MODEL, p.createdAt());
        return new StoredPost(s, p.createdAt());
    }

    private static ChromeDriver driver() {
        return browser.driver();
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(driver(), WAIT);
    }

    private static void open(String query) {
        driver().get(base + "/" + query);
        waiting()
                .until(
                        d ->
                                "true"
                                        .equals(
                                                d.findElement(By.tagName("body"))
                                                        .getDomAttribute("data-ready")));
        waiting()
                .until(
                        d ->
                                "true"
                                        .equals(
                                                d.findElement(By.tagName("body"))
                                                        .getDomAttribute("data-live")));
    }

    private static JsonNode api(String pathAndQuery) throws Exception {
        HttpResponse<String> r =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(base + pathAndQuery)).build(),
                                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    private static String text(String id) {
        return driver().findElement(By.id(id)).getText();
    }

    private static long number(String id) {
        return Long.parseLong(text(id).replaceAll("[^0-9]", ""));
    }

    /** Waits until the page shows this total; on timeout says what it shows instead. */
    private static void waitForTotal(long expected) {
        waiting()
                .withMessage(
                        () ->
                                "total shown: "
                                        + text("count-total")
                                        + ", error: "
                                        + text("error")
                                        + ", url: "
                                        + driver().getCurrentUrl())
                .until(d -> number("count-total") == expected);
    }

    /**
     * Waits until the table shows this text: the counts and the table are fetched separately, so
     * the total can change before the rows do.
     */
    private static void waitForPosts(String text) {
        waiting()
                .withMessage(() -> "posts shown: " + text("posts"))
                .until(d -> text("posts").contains(text));
    }

    @Test
    @Order(1)
    void thePageShowsTheCountsTheApiReports() throws Exception {
        open("");
        JsonNode summary = api("/api/summary");

        assertThat(number("count-total")).isEqualTo(summary.get("total").asLong()).isEqualTo(13);
        for (String label : new String[] {"POSITIVE", "NEGATIVE", "NEUTRAL", "MIXED"}) {
            assertThat(number("count-" + label))
                    .as(label)
                    .isEqualTo(summary.get("sentiment").get(label).asLong());
        }
        assertThat(number("count-UNSCORED")).isEqualTo(summary.get("unscored").asLong());
        assertThat(text("pct-POSITIVE")).isEqualTo("30.8%");
        assertThat(text("coverage-reasons"))
                .contains("unsupported language: 2")
                .contains("empty text: 1");
        assertThat(driver().findElements(By.cssSelector("#posts tbody tr"))).hasSize(13);
        assertThat(text("terms")).contains("#climate");
        Browser.refreshDocs(browser.screenshot("dashboard-light"), "dashboard");
    }

    @Test
    @Order(1)
    void theCoveragePanelShowsEachLanguageWithItsCounts() throws Exception {
        open("");
        JsonNode langs = api("/api/summary").get("languages");

        // The panel re-renders with each summary tick: read it again if a row went stale.
        waiting()
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(
                        d -> {
                            checkLanguageRows(langs);
                            return true;
                        });
        // de and fr posts are all unscored (unsupported_language): listed as not scored.
        assertThat(text("coverage-languages"))
                .contains("Not scored:")
                .contains("de 1")
                .contains("fr 1");
        // The language suggestions re-render with each summary tick too.
        List<String> options =
                waiting()
                        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                        .until(
                                d -> {
                                    List<String> values = new java.util.ArrayList<>();
                                    for (WebElement o :
                                            d.findElements(By.cssSelector("#f-lang-list option"))) {
                                        values.add(o.getDomAttribute("value"));
                                    }
                                    return values;
                                });
        assertThat(options).containsAll(List.of("en", "de", "es", "fr"));
    }

    private static void checkLanguageRows(JsonNode langs) {
        List<WebElement> rows = driver().findElements(By.cssSelector("#languages-rows tr"));
        assertThat(rows).hasSize(langs.size());
        int i = 0;
        for (var it = langs.fields(); it.hasNext(); i++) {
            var e = it.next();
            WebElement row = rows.get(i);
            assertThat(row.getDomAttribute("data-lang")).isEqualTo(e.getKey());
            List<WebElement> cells = row.findElements(By.cssSelector("td.n"));
            long total = e.getValue().get("total").asLong();
            long unscored = e.getValue().get("unscored").asLong();
            assertThat(cells.get(0).getText().replaceAll("[^0-9]", "")).isEqualTo("" + total);
            assertThat(cells.get(2).getText().replaceAll("[^0-9]", "")).isEqualTo("" + unscored);
            // One bar segment per non-zero count.
            long segments = 0;
            for (String l : new String[] {"POSITIVE", "NEGATIVE", "NEUTRAL", "MIXED"}) {
                segments += e.getValue().get(l).asLong() > 0 ? 1 : 0;
            }
            segments += unscored > 0 ? 1 : 0;
            assertThat(row.findElements(By.cssSelector(".seg"))).hasSize((int) segments);
        }
    }

    @Test
    @Order(2)
    void hostilePostContentRendersAsText() {
        open("");

        WebElement xssRow =
                driver().findElement(
                                By.cssSelector("#posts tr[data-key='bluesky:p31'] .post-text"));
        assertThat(xssRow.getText()).isEqualTo(StoreFixtures.XSS_TEXT);
        assertThat(driver().findElements(By.cssSelector("#posts img, #posts script, #posts b")))
                .isEmpty();
        WebElement evil =
                driver().findElement(By.cssSelector("#posts tr[data-key='mastodon:evil-link']"));
        assertThat(evil.findElement(By.cssSelector(".author")).getText())
                .isEqualTo("@" + EVIL_AUTHOR);
        assertThat(evil.findElements(By.cssSelector("a")))
                .as("no link for a javascript: URL")
                .isEmpty();
        WebElement safe =
                driver().findElement(By.cssSelector("#posts tr[data-key='bluesky:p0'] a"));
        assertThat(safe.getDomAttribute("href")).isEqualTo("https://example.social/bluesky/p0");
        assertThat(safe.getDomAttribute("rel")).contains("noopener");
        assertThat(driver().executeScript("return window.__xss === undefined")).isEqualTo(true);
    }

    @Test
    @Order(3)
    void filtersChangeWhatIsShown() {
        open("");

        new Select(driver().findElement(By.id("f-sentiment"))).selectByValue("NEGATIVE");
        driver().findElement(By.id("f-apply")).click();
        waitForTotal(2);
        waiting().until(d -> d.findElements(By.cssSelector("#posts tbody tr")).size() == 2);
        assertThat(driver().findElements(By.cssSelector("#posts tbody .badge")))
                .extracting(WebElement::getText)
                .containsOnly("negative");
        assertThat(driver().getCurrentUrl()).contains("sentiment=NEGATIVE");

        new Select(driver().findElement(By.id("f-sentiment"))).selectByValue("");
        driver().findElement(By.id("f-track")).sendKeys("football");
        driver().findElement(By.id("f-lang")).sendKeys("es");
        driver().findElement(By.id("f-apply")).click();
        waitForTotal(1);
        waitForPosts("Partido aburrido");

        driver().findElement(By.id("f-reset")).click();
        driver().findElement(By.id("f-q")).sendKeys("\"total disaster\"");
        driver().findElement(By.id("f-apply")).click();
        waitForTotal(1);
        waitForPosts("The climate summit was a total disaster");

        driver().findElement(By.id("f-reset")).click();
        waitForTotal(13);
    }

    @Test
    @Order(4)
    void aNewlyIndexedPostAppearsLive() throws IOException {
        open("");
        String text = "Live from the stadium: what a wonderful goal!";

        index.add(
                List.of(
                        StoreFixtures.post(
                                45,
                                PostSource.BLUESKY,
                                "en",
                                text,
                                List.of("football"),
                                StoreFixtures.positive(0.93),
                                List.of("goal"),
                                List.of())),
                feed);

        WebElement row =
                waiting()
                        .until(
                                ExpectedConditions.presenceOfElementLocated(
                                        By.cssSelector("#posts tbody tr[data-key='bluesky:p45']")));
        assertThat(row.getText()).contains(text).contains("positive").contains("93%");
        assertThat(
                        driver().findElements(By.cssSelector("#posts tbody tr"))
                                .get(0)
                                .getDomAttribute("data-key"))
                .isEqualTo("bluesky:p45");
        waitForTotal(14);
        waiting().until(d -> number("count-POSITIVE") == 5);
    }

    @Test
    @Order(5)
    void darkThemeAndPhoneWidthScreenshots() throws IOException {
        open("");
        driver().findElement(By.id("theme-toggle")).click();
        driver().findElement(By.id("theme-toggle")).click();
        assertThat(driver().findElement(By.tagName("html")).getDomAttribute("data-theme"))
                .isEqualTo("dark");
        Object bg =
                driver().executeScript("return getComputedStyle(document.body).backgroundColor");
        assertThat(bg).isEqualTo("rgb(18, 21, 27)");
        browser.screenshot("dashboard-dark");

        browser.resize(PHONE_WIDTH, PHONE_HEIGHT);
        open("");
        Object scrollWidth = driver().executeScript("return document.documentElement.scrollWidth");
        Object clientWidth = driver().executeScript("return document.documentElement.clientWidth");
        assertThat(scrollWidth).as("no sideways scrolling on a phone").isEqualTo(clientWidth);
        browser.screenshot("dashboard-phone");
        driver().findElement(By.id("theme-toggle")).click();
        assertThat(driver().findElement(By.tagName("html")).getDomAttribute("data-theme")).isNull();
    }

    @Test
    @Order(6)
    void aServerWithATokenAsksForItOnceAndThenShowsTheCounts() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (LiveFeed guardedFeed = new LiveFeed(registry);
                ApiServer guarded =
                        new ApiServer(
                                index.store(),
                                registry,
                                guardedFeed,
                                Map::of,
                                new ApiServerConfig("127.0.0.1", 0, "open-sesame", false))) {
            String url = "http://127.0.0.1:" + guarded.start() + "/";
            driver().get(url);
            WebElement form =
                    waiting()
                            .until(
                                    ExpectedConditions.visibilityOfElementLocated(
                                            By.id("token-form")));
            assertThat(text("count-total")).isEqualTo("–");

            driver().findElement(By.id("token")).sendKeys("open-sesame");
            form.findElement(By.cssSelector("button")).click();

            waiting()
                    .until(
                            d ->
                                    "true"
                                            .equals(
                                                    d.findElement(By.tagName("body"))
                                                            .getDomAttribute("data-ready")));
            waitForTotal(14);
            assertThat(driver().findElement(By.id("token-form")).isDisplayed()).isFalse();
            driver().navigate().refresh();
            waiting()
                    .until(
                            d ->
                                    "true"
                                            .equals(
                                                    d.findElement(By.tagName("body"))
                                                            .getDomAttribute("data-live")));
            assertThat(driver().findElement(By.id("token-form")).isDisplayed())
                    .as("asked once")
                    .isFalse();
            driver().executeScript("localStorage.removeItem('undertone.token')");
        }
    }
}
