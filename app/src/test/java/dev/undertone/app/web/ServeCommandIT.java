package dev.undertone.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.undertone.app.testing.FixtureIndex;
import dev.undertone.app.testing.UndertoneProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code undertone serve} over an existing index, as a user runs it. */
class ServeCommandIT {
    private static final Pattern URL = Pattern.compile("\\{\"url\":\"(http://[^\"]+)\"}");

    @TempDir Path dir;

    @Test
    void servesTheDashboardAndApiOverAnExistingIndexAndStopsOnSigterm() throws Exception {
        Path data = dir.resolve("data");
        FixtureIndex.withFixtures(data.resolve("index")).close();
        Process serve =
                UndertoneProcess.start(
                        dir, "serve", "serve", "--data", data.toString(), "--port", "0");
        try {
            Path out = dir.resolve("serve.out");
            String url =
                    await().atMost(Duration.ofSeconds(60)).until(() -> urlIn(out), u -> u != null);
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> summary =
                    http.send(
                            HttpRequest.newBuilder(URI.create(url + "api/summary")).build(),
                            HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> page =
                    http.send(
                            HttpRequest.newBuilder(URI.create(url)).build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(new ObjectMapper().readTree(summary.body()).get("total").asLong())
                    .isEqualTo(12);
            assertThat(page.body()).contains("<title>Undertone");
            assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
            assertThat(url).startsWith("http://127.0.0.1:");
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
    }

    @Test
    void bindingBeyondLoopbackWithoutATokenExits2() throws Exception {
        UndertoneProcess.Result r =
                UndertoneProcess.run(
                        dir, "exposed", "serve", "--data", dir.toString(), "--host", "0.0.0.0");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("UNDERTONE_AUTH_TOKEN").contains("--insecure");
    }

    private static String urlIn(Path out) throws Exception {
        if (!Files.exists(out)) {
            return null;
        }
        Matcher m = URL.matcher(Files.readString(out));
        return m.find() ? m.group(1) : null;
    }
}
