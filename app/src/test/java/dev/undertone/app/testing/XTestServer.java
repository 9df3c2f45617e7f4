package dev.undertone.app.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The X API v2 filtered stream on 127.0.0.1: the rules endpoint (list, add with duplicate
 * detection, delete by id) kept in memory, and the stream endpoint running the given scripts. Both
 * answer 401 with a problem body unless the request carries the expected bearer token.
 */
public final class XTestServer implements AutoCloseable {

    /** A stream rule held by the server. */
    public record Rule(String id, String value, String tag) {}

    public static final String STREAM = "/2/tweets/search/stream";
    public static final String RULES = "/2/tweets/search/stream/rules";
    private static final String UNAUTHORIZED =
            "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}";

    private final StreamingHttpServer http;
    private final String token;
    private final List<Rule> rules = new ArrayList<>();
    private final AtomicLong nextId = new AtomicLong(1998877665544332211L);
    private final ObjectMapper json = new ObjectMapper();

    private XTestServer(String token, StreamingHttpServer.Handler... streamScripts)
            throws IOException {
        this.token = token;
        this.http = StreamingHttpServer.start();
        StreamingHttpServer.Handler[] guarded =
                new StreamingHttpServer.Handler[streamScripts.length];
        for (int i = 0; i < streamScripts.length; i++) {
            StreamingHttpServer.Handler h = streamScripts[i];
            guarded[i] =
                    ex -> {
                        if (authorized(ex)) {
                            h.handle(ex);
                        }
                    };
        }
        http.on(STREAM, guarded).on(RULES, this::rulesEndpoint);
    }

    /** Starts a server that accepts {@code token} and runs {@code streamScripts} in turn. */
    public static XTestServer start(String token, StreamingHttpServer.Handler... streamScripts)
            throws IOException {
        return new XTestServer(token, streamScripts);
    }

    /** The API root to give as {@code --x-url}. */
    public URI url() {
        return http.url();
    }

    /** Requests received on a path. */
    public List<StreamingHttpServer.Request> requests(String path) {
        return http.requests(path);
    }

    /** Adds a rule as if created earlier. */
    public synchronized void addRule(String value, String tag) {
        rules.add(new Rule(Long.toString(nextId.getAndIncrement()), value, tag));
    }

    /** The rules now held. */
    public synchronized List<Rule> rules() {
        return List.copyOf(rules);
    }

    private boolean authorized(StreamingHttpServer.Exchange ex) throws IOException {
        if (("Bearer " + token).equals(ex.header("Authorization"))) {
            return true;
        }
        ex.respond(401, "application/problem+json", UNAUTHORIZED);
        return false;
    }

    private void rulesEndpoint(StreamingHttpServer.Exchange ex) throws IOException {
        if (!authorized(ex)) {
            return;
        }
        synchronized (this) {
            ObjectNode resp = json.createObjectNode();
            if (ex.method().equals("GET")) {
                ArrayNode data = resp.putArray("data");
                rules.forEach(
                        r ->
                                data.addObject()
                                        .put("id", r.id())
                                        .put("value", r.value())
                                        .put("tag", r.tag()));
                resp.putObject("meta").put("result_count", rules.size());
            } else {
                JsonNode req = json.readTree(ex.body());
                if (req.has("add")) {
                    add(req.path("add"), resp);
                } else {
                    List<String> ids = new ArrayList<>();
                    req.path("delete").path("ids").forEach(n -> ids.add(n.asText()));
                    int before = rules.size();
                    rules.removeIf(r -> ids.contains(r.id()));
                    resp.putObject("meta")
                            .putObject("summary")
                            .put("deleted", before - rules.size());
                }
            }
            ex.respond(200, "application/json", json.writeValueAsString(resp));
        }
    }

    private void add(JsonNode add, ObjectNode resp) {
        ArrayNode data = resp.putArray("data");
        ArrayNode errors = json.createArrayNode();
        for (JsonNode r : add) {
            String value = r.path("value").asText();
            Rule existing =
                    rules.stream().filter(x -> x.value().equals(value)).findFirst().orElse(null);
            if (existing != null) {
                errors.addObject()
                        .put("value", value)
                        .put("id", existing.id())
                        .put("title", "DuplicateRule")
                        .put("type", "https://api.x.com/2/problems/duplicate-rules");
                continue;
            }
            Rule created =
                    new Rule(
                            Long.toString(nextId.getAndIncrement()),
                            value,
                            r.path("tag").asText(null));
            rules.add(created);
            data.addObject().put("id", created.id()).put("value", value).put("tag", created.tag());
        }
        if (!errors.isEmpty()) {
            resp.set("errors", errors);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
