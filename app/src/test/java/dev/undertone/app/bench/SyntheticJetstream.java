package dev.undertone.app.bench;

import dev.undertone.app.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Unique Jetstream post-create events for benchmarks, made from the fixture's post creates: each
 * gets its own rkey, rev and {@code time_us}, so none is a duplicate of another.
 */
final class SyntheticJetstream {

    private final List<String> templates = new ArrayList<>();

    SyntheticJetstream() {
        for (byte[] line : Fixtures.lines("jetstream-events.jsonl")) {
            String s = new String(line, StandardCharsets.UTF_8);
            if (s.contains("\"operation\":\"create\"")
                    && s.contains("\"collection\":\"app.bsky.feed.post\"")) {
                templates.add(s);
            }
        }
    }

    /** The {@code i}-th event, stamped with {@code timeUs}; its rkey is {@code bench<i>}. */
    byte[] event(int i, long timeUs) {
        String t = templates.get(i % templates.size());
        String s =
                t.replaceFirst("\"time_us\":\\d+", "\"time_us\":" + timeUs)
                        .replaceFirst("\"rkey\":\"[^\"]+\"", "\"rkey\":\"bench" + i + "\"")
                        .replaceFirst("\"rev\":\"[^\"]+\"", "\"rev\":\"rev" + i + "\"");
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The index {@code i} of a post key or URI containing {@code bench<i>}, or -1. */
    static int indexOf(String keyOrUri) {
        int at = keyOrUri.lastIndexOf("bench");
        if (at < 0) {
            return -1;
        }
        int end = at + 5;
        while (end < keyOrUri.length() && Character.isDigit(keyOrUri.charAt(end))) {
            end++;
        }
        return end == at + 5 ? -1 : Integer.parseInt(keyOrUri.substring(at + 5, end));
    }
}
