package dev.undertone.app.alert;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Writes an archive of generic JSON lines for two tracks: {@code acme} and {@code globex} each
 * steady at {@value #STEADY} posts per 10-minute window for {@value #STEADY_WINDOWS} windows, then
 * one window in which acme bursts to {@value #BURST} posts about an outage while globex stays
 * steady, then one more steady window. Times are the posts' own {@code created_at}.
 */
final class BurstArchive {
    static final Instant START = Instant.parse("2025-06-01T08:00:00Z");
    static final Duration WINDOW = Duration.ofMinutes(10);
    static final int STEADY = 30;
    static final int STEADY_WINDOWS = 24;
    static final int BURST = 300;

    /** The window in which acme bursts. */
    static final Instant BURST_WINDOW = START.plus(WINDOW.multipliedBy(STEADY_WINDOWS));

    private static final String[] STEADY_TEXTS = {
        "Trying the new %s app this morning",
        "Anyone else using %s for work?",
        "The %s update arrived today",
        "Reading about %s over coffee",
        "%s announced a new product line",
    };

    private BurstArchive() {}

    /** Writes the archive; returns the number of lines. */
    static int write(Path file) throws IOException {
        return write(file, STEADY, STEADY_WINDOWS + 2, Set.of(STEADY_WINDOWS));
    }

    /**
     * Writes a larger archive: {@code windows} windows of {@code steady} posts per track, acme
     * bursting to ten times that in each of {@code bursts}; returns the number of lines.
     */
    static int write(Path file, int steady, int windows, Set<Integer> bursts) throws IOException {
        int n = 0;
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int win = 0; win < windows; win++) {
                Instant ws = START.plus(WINDOW.multipliedBy(win));
                boolean burst = bursts.contains(win);
                int acme = burst ? steady * BURST / STEADY : steady;
                int total = Math.max(acme, steady);
                for (int i = 0; i < total; i++) {
                    // Spread over the window in time order, globex and acme interleaved.
                    Instant t = ws.plusMillis(WINDOW.toMillis() * i / total);
                    if (i < acme) {
                        String text =
                                burst
                                        ? "acme outage again, the service is down and it is awful"
                                        : STEADY_TEXTS[i % STEADY_TEXTS.length].formatted("acme");
                        n += line(w, "a" + win + "-" + i, text, t, "user" + (i % 97));
                    }
                    if (i < steady) {
                        String text = STEADY_TEXTS[i % STEADY_TEXTS.length].formatted("globex");
                        n += line(w, "g" + win + "-" + i, text, t.plusMillis(1), "fan" + i);
                    }
                }
            }
        }
        return n;
    }

    private static int line(Writer w, String id, String text, Instant t, String author)
            throws IOException {
        w.write(
                "{\"id\":\"%s\",\"text\":\"%s\",\"created_at\":\"%s\",\"lang\":\"en\",\"author\":\"%s\"}\n"
                        .formatted(id, text, t, author));
        return 1;
    }
}
