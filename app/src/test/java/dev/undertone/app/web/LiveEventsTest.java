package dev.undertone.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.undertone.app.store.StoreFixtures;
import dev.undertone.app.testing.FixtureIndex;
import dev.undertone.core.post.PostSource;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/events} over real connections: posts as they are indexed, and summary ticks. */
class LiveEventsTest {
    private static final int CLIENTS = 200;
    private static final int READ_TIMEOUT_MILLIS = 20_000;

    @TempDir Path dir;
    private FixtureIndex index;
    private LiveFeed feed;
    private ApiServer server;
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        index = FixtureIndex.withFixtures(dir);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        feed = new LiveFeed(registry);
        server =
                new ApiServer(
                        index.store(),
                        registry,
                        feed,
                        Map::of,
                        new ApiServerConfig("127.0.0.1", 0, null, false));
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        server.close();
        feed.close();
        index.close();
    }

    private BufferedReader connect(String query) throws IOException {
        Socket s = new Socket("127.0.0.1", server.port());
        s.setSoTimeout(READ_TIMEOUT_MILLIS);
        sockets.add(s);
        s.getOutputStream()
                .write(
                        ("GET /api/events"
                                        + query
                                        + " HTTP/1.1\r\nHost: localhost\r\n"
                                        + "Accept: text/event-stream\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
        return new BufferedReader(
                new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Reads lines until one contains the text; fails on timeout or end of stream. */
    private static String readUntil(BufferedReader in, String text) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.contains(text)) {
                return line;
            }
        }
        throw new IOException("the stream ended before '" + text + "'");
    }

    @Test
    void aNewlyIndexedPostAndSummaryTicksReachTheClient() throws IOException {
        BufferedReader in = connect("?track=climate");
        await().atMost(Duration.ofSeconds(10)).until(() -> feed.clients() == 1);

        index.add(
                List.of(
                        StoreFixtures.post(
                                50,
                                PostSource.BLUESKY,
                                "en",
                                "Fresh climate news",
                                List.of("climate"),
                                StoreFixtures.positive(0.9),
                                List.of(),
                                List.of())),
                feed);

        assertThat(readUntil(in, "event: post")).isEqualTo("event: post");
        assertThat(in.readLine()).startsWith("data: {").contains("\"text\":\"Fresh climate news\"");
        // A tick counted just before the post was indexed may still come first.
        assertThat(readUntil(in, "\"total\":9")).startsWith("data: {");
    }

    @Test
    void twoHundredClientsAllGetTheLivePost() throws IOException {
        List<BufferedReader> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(connect(""));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> feed.clients() == CLIENTS);

        index.add(
                List.of(
                        StoreFixtures.post(
                                55,
                                PostSource.X,
                                "en",
                                "Broadcast to everyone",
                                List.of("climate"),
                                StoreFixtures.neutral(0.7),
                                List.of(),
                                List.of())),
                feed);

        for (BufferedReader in : clients) {
            assertThat(readUntil(in, "Broadcast to everyone")).startsWith("data: ");
        }
        assertThat(feed.droppedForSlowClients()).isZero();
    }

    @Test
    void anInvalidFilterIsRefusedBeforeTheStreamStarts() throws IOException {
        BufferedReader in = connect("?sentiment=happy");

        assertThat(in.readLine()).startsWith("HTTP/1.1 400");
        assertThat(feed.clients()).isZero();
    }
}
