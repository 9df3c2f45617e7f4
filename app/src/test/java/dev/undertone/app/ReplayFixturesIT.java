package dev.undertone.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.undertone.app.testing.UndertoneProcess;
import dev.undertone.core.sentiment.fast.FastModels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay} of the shared protocol fixtures, then {@code stats} and {@code export}, through
 * the packaged app, checked against what this test works out from the fixtures on its own (plain
 * JSON reading, none of the project's decoders): which posts survive their edits and deletes, and
 * which of them are in a language the model does not score.
 */
class ReplayFixturesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIXTURES =
            List.of("jetstream-events.jsonl", "x-filtered-stream.ndjson", "mastodon-hashtag.sse");

    @TempDir Path tmp;

    /** Post key -> whether it is tagged English, after applying edits and deletes in order. */
    private final Map<String, Boolean> expected = new LinkedHashMap<>();

    @Test
    void statsAndExportAgreeWithTheFixtures() throws Exception {
        Path data = tmp.resolve("data");
        Path logs = tmp.resolve("logs");
        String[] args = new String[FIXTURES.size() + 3];
        args[0] = "replay";
        for (int i = 0; i < FIXTURES.size(); i++) {
            args[i + 1] = copy(FIXTURES.get(i)).toString();
        }
        args[args.length - 2] = "--data";
        args[args.length - 1] = data.toString();
        expectJetstream(read("jetstream-events.jsonl"));
        expectX(read("x-filtered-stream.ndjson"));
        expectMastodon(read("mastodon-hashtag.sse"));

        UndertoneProcess.Result replay = UndertoneProcess.run(logs, "replay", args);
        assertThat(replay.exitCode()).as(replay.stderr()).isZero();
        JsonNode summary = JSON.readTree(replay.lastLine());
        assertThat(summary.get("rejected").asLong()).isZero();

        UndertoneProcess.Result stats =
                UndertoneProcess.run(logs, "stats", "stats", "--data", data.toString());
        JsonNode counts = JSON.readTree(stats.lastLine());
        long unscorable = expected.values().stream().filter(scored -> !scored).count();
        assertThat(counts.get("total").asLong()).isEqualTo(expected.size());
        assertThat(counts.get("unscored").asLong()).isEqualTo(unscorable);
        long labelled = 0;
        for (JsonNode n : counts.get("sentiment")) {
            labelled += n.asLong();
        }
        assertThat(labelled).isEqualTo(expected.size() - unscorable);

        UndertoneProcess.Result export =
                UndertoneProcess.run(
                        logs, "export", "export", "--format", "jsonl", "--data", data.toString());
        Set<String> exported = new HashSet<>();
        for (String line : export.stdout().strip().split("\n")) {
            JsonNode post = JSON.readTree(line);
            exported.add(post.get("source").asText() + ":" + post.get("id").asText());
        }
        assertThat(exported).isEqualTo(expected.keySet());

        UndertoneProcess.Result again = UndertoneProcess.run(logs, "again", args);
        assertThat(JSON.readTree(again.lastLine()).get("read").asLong()).isZero();
        JsonNode after =
                JSON.readTree(
                        UndertoneProcess.run(logs, "stats2", "stats", "--data", data.toString())
                                .lastLine());
        assertThat(after).isEqualTo(counts);
    }

    private void expectJetstream(String text) throws IOException {
        for (String line : text.split("\n")) {
            JsonNode e = JSON.readTree(line);
            JsonNode c = e.path("commit");
            if (!"commit".equals(e.path("kind").asText())
                    || !"app.bsky.feed.post".equals(c.path("collection").asText())) {
                continue;
            }
            String key = "bluesky:" + e.get("did").asText() + "/" + c.get("rkey").asText();
            if ("delete".equals(c.get("operation").asText())) {
                expected.remove(key);
            } else {
                expected.put(key, scored(c.path("record").path("langs")));
            }
        }
    }

    private void expectX(String text) throws IOException {
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode d = JSON.readTree(line).path("data");
            if (d.isMissingNode() || !d.has("text")) {
                continue;
            }
            // An edit is stored under the id of the first version of the post.
            String id = d.path("edit_history_tweet_ids").path(0).asText(d.get("id").asText());
            expected.put("x:" + id, scored(d.path("lang").asText()));
        }
    }

    private void expectMastodon(String text) throws IOException {
        String event = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("event: ")) {
                event = line.substring("event: ".length()).strip();
            } else if (line.startsWith("data: ") && event != null) {
                String data = line.substring("data: ".length());
                if ("delete".equals(event)) {
                    expected.remove("mastodon:" + data.strip());
                } else if (event.equals("update") || event.equals("status.update")) {
                    JsonNode s = JSON.readTree(data);
                    expected.put(
                            "mastodon:" + s.get("id").asText(),
                            scored(s.path("language").asText()));
                }
                event = null;
            }
        }
    }

    /** Whether the fast models score a post of these tags: one of them has a model. */
    private static boolean scored(JsonNode langs) {
        for (JsonNode l : langs) {
            if (scored(l.asText())) {
                return true;
            }
        }
        return false;
    }

    /** English, or a language with a fast-2 model of its own. */
    private static boolean scored(String lang) {
        String code = lang.toLowerCase(java.util.Locale.ROOT).split("[-_]")[0];
        return code.equals("en") || FastModels.languages().containsKey(code);
    }

    private static String read(String name) throws IOException {
        try (InputStream in = ReplayFixturesIT.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Path copy(String name) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, read(name));
        return p;
    }
}
