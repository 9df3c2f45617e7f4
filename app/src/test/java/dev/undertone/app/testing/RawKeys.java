package dev.undertone.app.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The post keys that raw source records describe, deletes applied: what an index fed with them must
 * hold. Read off the raw JSON by each format's documented key rule (docs/sources.md), not by the
 * decoders under test, so a decoder that got a key wrong fails the tests that use this.
 */
public final class RawKeys {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RawKeys() {}

    /**
     * Jetstream events: a commit in {@code app.bsky.feed.post} is the post {@code
     * bluesky:<did>/<rkey>}, deleted by a {@code delete} commit; other collections and kinds hold
     * no post.
     */
    public static Set<String> jetstream(List<byte[]> events) {
        Set<String> keys = new TreeSet<>();
        for (byte[] e : events) {
            JsonNode event = parse(e);
            JsonNode commit = event.path("commit");
            if (!event.path("kind").asText().equals("commit")
                    || !commit.path("collection").asText().equals("app.bsky.feed.post")) {
                continue;
            }
            String key =
                    "bluesky:" + event.path("did").asText() + "/" + commit.path("rkey").asText();
            if (commit.path("operation").asText().equals("delete")) {
                keys.remove(key);
            } else {
                keys.add(key);
            }
        }
        return keys;
    }

    /**
     * X API v2 stream lines: a line with {@code data} is the post {@code x:<id>}, where an edit (an
     * {@code edit_history_tweet_ids} of more than one id) keeps its original's id, the first one;
     * lines without {@code data} (errors, keep-alives) hold no post.
     */
    public static Set<String> x(List<byte[]> lines) {
        Set<String> keys = new TreeSet<>();
        for (byte[] l : lines) {
            JsonNode data = parse(l).path("data");
            if (!data.isObject()) {
                continue;
            }
            JsonNode history = data.path("edit_history_tweet_ids");
            String id = history.size() > 1 ? history.get(0).asText() : data.path("id").asText();
            keys.add("x:" + id);
        }
        return keys;
    }

    /**
     * A Mastodon streaming (SSE) body read from {@code streamUrl}: {@code update} and {@code
     * status.update} events are the status {@code mastodon:<host>/<id>} ({@code host} the stream's,
     * lower-cased), a {@code delete} event's data is the id of the status removed; comments and
     * other events hold no post.
     */
    public static Set<String> mastodon(String streamUrl, byte[] sse) {
        String host = URI.create(streamUrl).getHost().toLowerCase(Locale.ROOT);
        Set<String> keys = new TreeSet<>();
        for (String block : new String(sse, StandardCharsets.UTF_8).split("\n\n")) {
            String event = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.lines().toList()) {
                if (line.startsWith("event:")) {
                    event = line.substring("event:".length()).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring("data:".length()).strip());
                }
            }
            if ("update".equals(event) || "status.update".equals(event)) {
                keys.add("mastodon:" + host + "/" + parse(data.toString()).path("id").asText());
            } else if ("delete".equals(event)) {
                keys.remove("mastodon:" + host + "/" + data.toString().replace("\"", ""));
            }
        }
        return keys;
    }

    private static JsonNode parse(byte[] json) {
        return parse(new String(json, StandardCharsets.UTF_8));
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return n == null ? JSON.missingNode() : n;
        } catch (IOException e) {
            throw new UncheckedIOException("test input is not JSON: " + json, e);
        }
    }
}
