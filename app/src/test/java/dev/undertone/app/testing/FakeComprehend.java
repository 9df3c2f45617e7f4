package dev.undertone.app.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake Amazon Comprehend endpoint on loopback speaking the AWS JSON 1.1 protocol: {@code POST /}
 * with {@code X-Amz-Target: Comprehend_20171127.BatchDetectSentiment}. It scores a document by
 * words in it ("love" positive, "hate" negative, both mixed, else neutral) and can be told to
 * throttle, to fail, or to fail single documents (those containing {@code FAILDOC}), as the real
 * service does. It enforces the real limits: 25 documents, 5,000 UTF-8 bytes each, one of the
 * twelve language codes. Every request is recorded.
 */
public final class FakeComprehend implements AutoCloseable {

    /** A document containing this fails on its own, in the ErrorList. */
    public static final String FAIL_MARKER = "FAILDOC";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET = "Comprehend_20171127.BatchDetectSentiment";
    private static final List<String> LANGUAGES =
            List.of("en", "es", "fr", "de", "it", "pt", "ar", "hi", "ja", "ko", "zh", "zh-TW");

    /** One BatchDetectSentiment request as received. */
    public record Call(String languageCode, List<String> texts, boolean signed) {}

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger throttleNext = new AtomicInteger();
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

    public FakeComprehend() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The endpoint to pass as {@code --comprehend-endpoint}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers the next {@code n} requests with {@code ThrottlingException}. */
    public void throttleNext(int n) {
        throttleNext.set(n);
    }

    /** Answers the next {@code n} requests with {@code InternalServerException} (HTTP 500). */
    public void failNext(int n) {
        failNext.set(n);
    }

    /** The well-formed BatchDetectSentiment calls that were scored. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Every HTTP request received, throttled and failed ones included. */
    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            requests.incrementAndGet();
            byte[] body = ex.getRequestBody().readAllBytes();
            if (!"POST".equals(ex.getRequestMethod())
                    || !TARGET.equals(ex.getRequestHeaders().getFirst("X-Amz-Target"))) {
                error(ex, 400, "UnknownOperationException", "unsupported operation");
                return;
            }
            if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                error(ex, 400, "ThrottlingException", "Rate exceeded");
                return;
            }
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                error(ex, 500, "InternalServerException", "internal error");
                return;
            }
            JsonNode req = JSON.readTree(body);
            String lang = req.path("LanguageCode").asText();
            List<String> texts = new ArrayList<>();
            req.path("TextList").forEach(t -> texts.add(t.asText()));
            if (texts.size() > 25) {
                error(ex, 400, "BatchSizeLimitExceededException", "more than 25 documents");
                return;
            }
            if (!LANGUAGES.contains(lang)) {
                error(ex, 400, "UnsupportedLanguageException", "unsupported language " + lang);
                return;
            }
            for (String t : texts) {
                if (t.isEmpty() || t.getBytes(StandardCharsets.UTF_8).length > 5000) {
                    error(ex, 400, "TextSizeLimitExceededException", "document over 5000 bytes");
                    return;
                }
            }
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            calls.add(new Call(lang, List.copyOf(texts), auth != null && auth.startsWith("AWS4")));
            respond(ex, 200, score(texts));
        }
    }

    private static ObjectNode score(List<String> texts) {
        ObjectNode resp = JSON.createObjectNode();
        ArrayNode results = resp.putArray("ResultList");
        ArrayNode errors = resp.putArray("ErrorList");
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i).toLowerCase(Locale.ROOT);
            if (texts.get(i).contains(FAIL_MARKER)) {
                errors.addObject()
                        .put("Index", i)
                        .put("ErrorCode", "INTERNAL_SERVER_ERROR")
                        .put("ErrorMessage", "could not score");
                continue;
            }
            boolean pos = t.contains("love");
            boolean neg = t.contains("hate");
            String label = pos && neg ? "MIXED" : pos ? "POSITIVE" : neg ? "NEGATIVE" : "NEUTRAL";
            ObjectNode item = results.addObject();
            item.put("Index", i).put("Sentiment", label);
            ObjectNode s = item.putObject("SentimentScore");
            s.put("Positive", label.equals("POSITIVE") ? 0.91 : 0.03);
            s.put("Negative", label.equals("NEGATIVE") ? 0.91 : 0.03);
            s.put("Neutral", label.equals("NEUTRAL") ? 0.91 : 0.03);
            s.put("Mixed", label.equals("MIXED") ? 0.91 : 0.03);
        }
        return resp;
    }

    private static void error(HttpExchange ex, int status, String type, String message)
            throws IOException {
        ObjectNode body = JSON.createObjectNode().put("__type", type).put("message", message);
        ex.getResponseHeaders().add("x-amzn-ErrorType", type);
        respond(ex, status, body);
    }

    private static void respond(HttpExchange ex, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
