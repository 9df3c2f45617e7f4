package dev.undertone.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.undertone.app.testing.Fixtures;
import dev.undertone.app.testing.JetstreamTestServer;
import dev.undertone.app.testing.MastodonTestServer;
import dev.undertone.app.testing.RawKeys;
import dev.undertone.app.testing.UndertoneProcess;
import dev.undertone.app.testing.XTestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code undertone run --source bluesky|x|mastodon} against local protocol servers, as a user runs
 * it (the packaged jar in a child JVM, tokens from {@code --secrets}), checked through the HTTP
 * API: the posts arrive in the index and {@code /api/health} reports the source, without its token.
 */
class LiveSourcesRunIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final String X_TOKEN = "x-token-for-the-run-it-123";
    private static final String MASTODON_TOKEN = "m-token-for-the-run-it-456";

    @TempDir Path tmp;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> r =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    private static long total(int port) {
        try {
            return get(port, "/api/summary").path("total").asLong(-1);
        } catch (Exception e) {
            return -1;
        }
    }

    private JsonNode runUntil(String name, long expectedTotal, String... args) throws Exception {
        int port = freePort();
        Path secrets =
                Files.writeString(
                        tmp.resolve(name + ".secrets"),
                        "UNDERTONE_X_BEARER_TOKEN="
                                + X_TOKEN
                                + "\nUNDERTONE_MASTODON_TOKEN="
                                + MASTODON_TOKEN
                                + "\n");
        List<String> cmd = new ArrayList<>(List.of("run", "--port", Integer.toString(port)));
        cmd.addAll(List.of("--data", tmp.resolve(name + "-data").toString()));
        cmd.addAll(List.of("--secrets", secrets.toString()));
        cmd.addAll(List.of(args));
        Process p = UndertoneProcess.start(tmp.resolve("logs"), name, cmd.toArray(String[]::new));
        try {
            await().atMost(WAIT).until(() -> total(port) == expectedTotal || !p.isAlive());
            assertThat(p.isAlive()).as("run exited early; see %s", tmp.resolve("logs")).isTrue();
            assertThat(total(port)).isEqualTo(expectedTotal);
            JsonNode health = get(port, "/api/health");
            assertThat(health.toString()).doesNotContain(X_TOKEN, MASTODON_TOKEN);
            return health;
        } finally {
            p.destroy();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
            String logs = Files.readString(tmp.resolve("logs").resolve(name + ".err"));
            assertThat(logs).doesNotContain(X_TOKEN, MASTODON_TOKEN);
        }
    }

    @Test
    void runIndexesBlueskyPostsFromAJetstreamServer() throws Exception {
        List<byte[]> events = Fixtures.lines("jetstream-events.jsonl");
        try (JetstreamTestServer server =
                JetstreamTestServer.start(
                        c -> {
                            c.accept();
                            for (byte[] e : JetstreamTestServer.from(events, c.cursor())) {
                                c.text(e);
                            }
                            c.stall();
                        })) {
            long expected = RawKeys.jetstream(events).size();
            JsonNode health =
                    runUntil(
                            "bluesky",
                            expected,
                            "--source",
                            "bluesky",
                            "--jetstream-url",
                            server.url().toString());
            JsonNode source = health.path("sources").get(0);
            assertThat(source.path("name").asText()).isEqualTo("bluesky");
            assertThat(source.path("events").asLong()).isEqualTo(events.size());
        }
    }

    @Test
    void runIndexesXPostsWithTheTokenFromTheSecretsFile() throws Exception {
        byte[] body = Fixtures.bytes("x-filtered-stream.ndjson");
        try (XTestServer server =
                XTestServer.start(
                        X_TOKEN,
                        ex -> {
                            ex.begin("application/json");
                            ex.write(body);
                            ex.stall();
                        })) {
            List<byte[]> lines = new ArrayList<>();
            for (byte[] l : Fixtures.lines("x-filtered-stream.ndjson")) {
                JsonNode data = JSON.readTree(l).path("data");
                String text =
                        data.path("note_tweet").path("text").asText(data.path("text").asText(""));
                if (text.toLowerCase(java.util.Locale.ROOT).matches("(?s).*\\bstimulus\\b.*")) {
                    lines.add(l);
                }
            }
            long expected = RawKeys.x(lines).size();
            runUntil(
                    "x",
                    expected,
                    "--source",
                    "x",
                    "--x-url",
                    server.url().toString(),
                    "--track",
                    "stimulus");
            assertThat(server.rules())
                    .extracting(XTestServer.Rule::tag)
                    .containsExactly("stimulus");
        }
    }

    @Test
    void runIndexesMastodonStatusesFromAnSseStream() throws Exception {
        byte[] sse = Fixtures.bytes("mastodon-hashtag.sse");
        try (MastodonTestServer server =
                MastodonTestServer.start(
                        "coffee",
                        MASTODON_TOKEN,
                        ex -> {
                            ex.begin("text/event-stream");
                            ex.write(sse);
                            ex.stall();
                        })) {
            long expected = RawKeys.mastodon(server.url().toString(), sse).size();
            runUntil(
                    "mastodon",
                    expected,
                    "--source",
                    "mastodon",
                    "--mastodon-url",
                    server.url().toString());
            assertThat(server.requests(MastodonTestServer.PUBLIC_STREAM)).isNotEmpty();
        }
    }
}
