package dev.undertone.flink.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.post.TestPosts;
import dev.undertone.core.sentiment.Sentiment;
import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.core.sentiment.SentimentScores;
import dev.undertone.core.stage.PostWrite;
import dev.undertone.flink.DeadLetter;
import dev.undertone.flink.DeadLetters;
import dev.undertone.flink.IndexChange;
import dev.undertone.opensearch.OpenSearchConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.apache.flink.streaming.runtime.operators.sink.SinkWriterOperatorFactory;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenSearch sink writer in Flink's operator test harness against a loopback HTTP server that
 * answers {@code _bulk} requests with the faults a cluster under load gives (429, 503, items that
 * fail one by one): what is retried, what is dead-lettered, and that the end of input waits for all
 * of it. The server is a fake because a real node cannot be made to answer these on cue.
 */
class OpenSearchSinkWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Dead letters the writer stored, for the test to read (the Kafka topic in production). */
    static final Queue<DeadLetter> LETTERS = new ConcurrentLinkedQueue<>();

    /** Stores letters in {@link #LETTERS}. */
    static final class ListDeadLetters implements DeadLetters {
        @Override
        public CompletableFuture<Void> send(List<DeadLetter> letters) {
            LETTERS.addAll(letters);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {}
    }

    /** An answer to one {@code _bulk} request: its status and body, given the ids it held. */
    private record Answer(int status, Function<List<String>, String> body) {
        static Answer status(int status) {
            return new Answer(
                    status, ids -> "{\"error\":\"test fault\",\"status\":" + status + "}");
        }

        /** HTTP 200 with one item per action, item i having {@code statuses[i]}. */
        static Answer items(int... statuses) {
            return new Answer(
                    200,
                    ids -> {
                        StringBuilder b = new StringBuilder("{\"errors\":true,\"items\":[");
                        for (int i = 0; i < ids.size(); i++) {
                            int s = statuses.length == 0 ? 201 : statuses[i];
                            b.append(i == 0 ? "" : ",")
                                    .append("{\"index\":{\"_id\":\"")
                                    .append(ids.get(i))
                                    .append("\",\"status\":")
                                    .append(s);
                            if (s >= 300) {
                                b.append(
                                                ",\"error\":{\"type\":\"test_exception\",\"reason\":\"status ")
                                        .append(s)
                                        .append("\"}");
                            }
                            b.append("}}");
                        }
                        return b.append("]}").toString();
                    });
        }
    }

    private HttpServer server;
    private final List<Answer> script = new ArrayList<>();
    private Answer afterScript = Answer.items();

    /** The document ids of each {@code _bulk} request, in arrival order. */
    private final List<List<String>> requests = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        LETTERS.clear();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private synchronized void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        if (!ex.getRequestURI().getPath().equals("/_bulk")) {
            // index set-up: the template is put, the index exists
            reply(ex, 200, ex.getRequestMethod().equals("HEAD") ? null : "{}");
            return;
        }
        List<String> ids = new ArrayList<>();
        for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
            JsonNode n = JSON.readTree(line);
            JsonNode action = n.has("index") ? n.get("index") : n.get("delete");
            if (action != null && action.has("_id")) {
                ids.add(action.get("_id").asText());
            }
        }
        requests.add(ids);
        Answer a = requests.size() <= script.size() ? script.get(requests.size() - 1) : afterScript;
        reply(ex, a.status(), a.body().apply(ids));
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body == null ? -1 : b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private synchronized List<List<String>> requests() {
        return List.copyOf(requests);
    }

    private static IndexChange upsert(String id, long version) {
        Post p =
                TestPosts.post(
                                PostSource.FILE,
                                id,
                                Instant.parse("2026-01-01T00:00:00Z"),
                                "text " + id)
                        .author("a", null)
                        .langs(List.of("en"))
                        .build();
        ScoredPost sp =
                new ScoredPost(
                        p,
                        SentimentResult.scored(
                                Sentiment.NEUTRAL, new SentimentScores(.1, .1, .7, .1)),
                        "m",
                        Instant.parse("2026-01-01T00:00:01Z"));
        return new IndexChange(new PostWrite.Upsert(sp), version);
    }

    /** Writes the changes in one batch and ends the input, which waits for every retry. */
    private void write(long retryMaxDurationMillis, IndexChange... changes) throws Exception {
        OpenSearchSinkConfig config =
                OpenSearchSinkConfig.defaults(
                                OpenSearchConfig.of(
                                        "http://127.0.0.1:" + server.getAddress().getPort(),
                                        "posts"))
                        .withBatching(50, 1 << 20, 60_000)
                        .withRetries(1, 2, retryMaxDurationMillis);
        var sink = new OpenSearchSink(config, ListDeadLetters::new);
        try (var h =
                new OneInputStreamOperatorTestHarness<>(
                        new SinkWriterOperatorFactory<IndexChange, Object>(sink))) {
            h.open();
            for (IndexChange c : changes) {
                h.processElement(new StreamRecord<>(c));
            }
            h.endInput();
        }
    }

    @Test
    void aRequestRefusedWith429Or503IsSentAgainUntilItIsAccepted() throws Exception {
        script.add(Answer.status(429));
        script.add(Answer.status(503));

        write(60_000, upsert("1", 1), upsert("2", 2), upsert("3", 3));

        assertThat(requests())
                .containsExactly(
                        List.of("file:1", "file:2", "file:3"),
                        List.of("file:1", "file:2", "file:3"),
                        List.of("file:1", "file:2", "file:3"));
        assertThat(LETTERS).isEmpty();
    }

    @Test
    void onlyItemsThatFailedForNowAreRetriedAndRefusedOnesAreDeadLettered() throws Exception {
        script.add(Answer.items(201, 429, 400, 503));

        write(60_000, upsert("1", 1), upsert("2", 2), upsert("3", 3), upsert("4", 4));

        assertThat(requests())
                .containsExactly(
                        List.of("file:1", "file:2", "file:3", "file:4"),
                        List.of("file:2", "file:4"));
        assertThat(LETTERS)
                .singleElement()
                .satisfies(
                        l -> {
                            assertThat(l.errorCode()).isEqualTo("index_rejected");
                            assertThat(l.documentId()).isEqualTo("file:3");
                            assertThat(l.indexName()).isEqualTo("posts");
                            assertThat(l.errorMessage()).contains("test_exception");
                        });
    }

    @Test
    void actionsStillFailingAfterTheRetryWindowAreDeadLetteredAndTheSinkGoesOn() throws Exception {
        afterScript = Answer.status(503);

        // a window of 0 ms: the first failure is retried, the next one is past the window
        write(0, upsert("1", 1), upsert("2", 2));

        assertThat(requests()).hasSize(2);
        assertThat(LETTERS)
                .extracting(DeadLetter::errorCode, DeadLetter::documentId, DeadLetter::attemptsMade)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("retries_exhausted", "file:1", 2),
                        org.assertj.core.groups.Tuple.tuple("retries_exhausted", "file:2", 2));
    }
}
