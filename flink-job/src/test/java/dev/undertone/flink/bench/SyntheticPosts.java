package dev.undertone.flink.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.undertone.core.index.opensearch.PostJson;
import java.time.Instant;
import java.util.Random;

/**
 * Deterministic synthetic posts for benchmarks: generic JSON lines ({@code
 * {"id","text","created_at","lang","author"}}) of 8 to 30 words drawn from a mix of sentiment-laden
 * and plain words, about the length of real short posts.
 */
final class SyntheticPosts {
    private static final String[] WORDS =
            ("the new climate policy is great news for everyone and I love it but the summit was a total"
                            + " disaster honestly terrible awful match tonight loved every minute report published"
                            + " today prices keep rising again what a fantastic day sad to see this happen best"
                            + " team ever worst service never again happy birthday congratulations angry about"
                            + " the delays thanks so much for the help this is fine nothing special going on")
                    .split(" ");

    private final Random random;
    private final Instant start = Instant.parse("2025-06-01T00:00:00Z");

    SyntheticPosts(long seed) {
        this.random = new Random(seed);
    }

    /** The JSON line of post number {@code i}. */
    String line(long i) {
        int n = 8 + random.nextInt(23);
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < n; w++) {
            if (w > 0) {
                text.append(' ');
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        if (random.nextInt(5) == 0) {
            text.append(" #climate");
        }
        ObjectNode o = PostJson.mapper().createObjectNode();
        o.put("id", "bench-" + i);
        o.put("text", text.toString());
        o.put("created_at", start.plusSeconds(i).toString());
        o.put("lang", "en");
        o.put("author", "user" + random.nextInt(10_000));
        return o.toString();
    }

    /** The post key the generic JSON decoder gives post {@code i}. */
    static String key(long i) {
        return "file:bench-" + i;
    }
}
