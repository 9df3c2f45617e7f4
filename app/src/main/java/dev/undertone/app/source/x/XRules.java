package dev.undertone.app.source.x;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.undertone.app.source.SourceFatalException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the App's filtered-stream rules equal to the {@code --track} phrases: one rule per phrase,
 * tagged with the phrase; missing rules are added, others deleted (an App has one stream, so any
 * other rule would only bring, and bill, posts nobody asked for). Rules apply to the open stream
 * without reconnecting.
 */
final class XRules {

    /** A stream rule as X lists it. */
    record Rule(String id, String value, String tag) {}

    static final String RULES_PATH = "/2/tweets/search/stream/rules";
    private static final Logger LOG = LoggerFactory.getLogger(XRules.class);
    private static final int MAX_RULE_CHARS = 1024;
    private static final int MAX_PAGES = 50;
    private static final Pattern PLAIN_WORD = Pattern.compile("[\\p{L}\\p{N}_]+");
    private static final String DUPLICATE = "duplicate-rules";

    private final XHttp http;
    private final XSourceConfig config;

    XRules(XHttp http, XSourceConfig config) {
        this.http = http;
        this.config = config;
    }

    /**
     * The rule for one track phrase: every word must occur (as a word or a hashtag); a quoted
     * phrase must occur as written.
     *
     * @throws IllegalArgumentException when the rule would exceed X's 1,024 characters
     */
    static Rule ruleFor(String phrase) {
        String p = phrase.strip();
        String value;
        if (p.length() >= 2 && p.startsWith("\"") && p.endsWith("\"")) {
            value = quote(p.substring(1, p.length() - 1));
        } else {
            List<String> parts = new ArrayList<>();
            for (String w : p.split("\\s+")) {
                if (w.isEmpty()) {
                    continue;
                }
                String bare = w.startsWith("#") ? w.substring(1) : w;
                parts.add(
                        PLAIN_WORD.matcher(bare).matches()
                                ? "(" + bare + " OR #" + bare + ")"
                                : quote(w));
            }
            value = String.join(" ", parts);
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException("--track has an empty phrase");
        }
        if (value.length() > MAX_RULE_CHARS) {
            throw new IllegalArgumentException(
                    "--track phrase '" + p + "' makes an X rule longer than 1024 characters");
        }
        return new Rule(null, value, p);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Lists, then adds and deletes rules until they match the phrases. */
    void sync() throws IOException {
        List<Rule> wanted = new ArrayList<>();
        for (String phrase : config.trackPhrases()) {
            wanted.add(ruleFor(phrase));
        }
        List<Rule> existing = list();
        Set<String> wantedKeys = new LinkedHashSet<>();
        wanted.forEach(r -> wantedKeys.add(key(r)));
        Set<String> existingKeys = new LinkedHashSet<>();
        List<String> stale = new ArrayList<>();
        for (Rule r : existing) {
            existingKeys.add(key(r));
            if (!wantedKeys.contains(key(r))) {
                stale.add(r.id());
            }
        }
        List<Rule> missing = wanted.stream().filter(r -> !existingKeys.contains(key(r))).toList();
        if (!stale.isEmpty()) {
            delete(stale);
        }
        if (!missing.isEmpty()) {
            add(missing);
        }
        LOG.info(
                "X stream rules synced: {} added, {} deleted, {} kept.",
                missing.size(),
                stale.size(),
                wanted.size() - missing.size());
    }

    private static String key(Rule r) {
        return r.value() + "\u0000" + (r.tag() == null ? "" : r.tag());
    }

    List<Rule> list() throws IOException {
        List<Rule> rules = new ArrayList<>();
        String next = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String q =
                    next == null
                            ? ""
                            : "?pagination_token="
                                    + URLEncoder.encode(next, StandardCharsets.UTF_8);
            JsonNode body =
                    call(
                            http.request(config.resolve(RULES_PATH + q)).GET().build(),
                            "listing the X stream rules");
            for (JsonNode r : body.path("data")) {
                rules.add(
                        new Rule(
                                r.path("id").asText(),
                                r.path("value").asText(),
                                r.path("tag").asText(null)));
            }
            next = body.path("meta").path("next_token").asText(null);
            if (next == null || next.isEmpty()) {
                break;
            }
        }
        return rules;
    }

    private void delete(List<String> ids) throws IOException {
        ObjectNode body = http.json().createObjectNode();
        ArrayNode arr = body.putObject("delete").putArray("ids");
        ids.forEach(arr::add);
        post(body, "deleting stale X stream rules");
    }

    private void add(List<Rule> rules) throws IOException {
        ObjectNode body = http.json().createObjectNode();
        ArrayNode arr = body.putArray("add");
        for (Rule r : rules) {
            arr.addObject().put("value", r.value()).put("tag", r.tag());
        }
        JsonNode resp = post(body, "adding X stream rules");
        for (JsonNode err : resp.path("errors")) {
            String type = err.path("type").asText("");
            if (type.endsWith(DUPLICATE) || "DuplicateRule".equals(err.path("title").asText())) {
                continue;
            }
            throw new SourceFatalException(
                    "X refused the stream rule '"
                            + err.path("value").asText("?")
                            + "': "
                            + err.path("title").asText("")
                            + " "
                            + err.path("details").toString()
                            + ". Change the --track phrase.");
        }
    }

    private JsonNode post(ObjectNode body, String doing) throws IOException {
        HttpRequest req =
                http.request(config.resolve(RULES_PATH))
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofByteArray(
                                        http.json().writeValueAsBytes(body)))
                        .build();
        return call(req, doing);
    }

    private JsonNode call(HttpRequest req, String doing) throws IOException {
        HttpResponse<InputStream> resp =
                http.send(req, HttpResponse.BodyHandlers.ofInputStream(), doing);
        if (resp.statusCode() / 100 != 2) {
            throw http.failure(resp.statusCode(), resp.headers(), resp.body(), doing);
        }
        try (InputStream in = resp.body()) {
            return http.json().readTree(in);
        } catch (IOException e) {
            throw XStreamException.network(doing + ": reading the response failed", e);
        }
    }
}
