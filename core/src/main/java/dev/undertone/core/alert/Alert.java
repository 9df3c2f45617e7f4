package dev.undertone.core.alert;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An alert: one track's window was unusual, and why.
 *
 * <p>An alert is identified by {@link #key()} (track, kind, window start): a window is judged once,
 * and judging it again after a crash cannot add a second alert.
 *
 * @param track the track phrase (as written in {@code --track}), or {@link #ALL_POSTS} when no
 *     track rules were given
 * @param kind what changed
 * @param windowStart the window's start (inclusive)
 * @param windowEnd the window's end (exclusive)
 * @param observed posts in the window (volume) or negative posts in it (negative share)
 * @param expected what the baseline expects for {@code observed}
 * @param score how far above the baseline (robust deviations or standard errors)
 * @param observedShare the window's negative share, or null for volume
 * @param expectedShare the baseline's negative share, or null for volume
 * @param windowTotal every post of the track in the window
 * @param baselineWindows how many preceding windows the baseline spans
 * @param terms the words that rose against the baseline, strongest first
 * @param examples up to five confident example posts, from different authors
 * @param raisedAt when the alert was decided (wall clock; not part of its identity)
 */
public record Alert(
        String track,
        AlertKind kind,
        Instant windowStart,
        Instant windowEnd,
        long observed,
        double expected,
        double score,
        Double observedShare,
        Double expectedShare,
        long windowTotal,
        int baselineWindows,
        List<String> terms,
        List<AlertExample> examples,
        Instant raisedAt) {

    /** The track name of alerts over every post, when no track rules are in force. */
    public static final String ALL_POSTS = "*";

    private static final DateTimeFormatter HOUR_MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE_ONLY =
            DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int EXAMPLE_CHARS = 140;

    public Alert {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        Objects.requireNonNull(raisedAt, "raisedAt");
        terms = List.copyOf(terms == null ? List.of() : terms);
        examples = List.copyOf(examples == null ? List.of() : examples);
    }

    /** What identifies the alert: track (lower-cased), kind and window start. */
    public String key() {
        return key(track, kind, windowStart);
    }

    /** The key of an alert of this track, kind and window. */
    public static String key(String track, AlertKind kind, Instant windowStart) {
        return track.toLowerCase(Locale.ROOT) + "|" + kind.id() + "|" + windowStart;
    }

    /**
     * One human paragraph saying what happened, for chat messages (a Slack-style webhook's {@code
     * text}). Post texts are quoted as they are: the receiver must treat them as text.
     */
    public String text() {
        String what = track.equals(ALL_POSTS) ? "all posts" : "\"" + track + "\"";
        String when =
                HOUR_MINUTE.format(windowStart) + "–" + MINUTE_ONLY.format(windowEnd) + " UTC";
        StringBuilder b = new StringBuilder("Undertone alert: ");
        if (kind == AlertKind.VOLUME) {
            b.append(
                    String.format(
                            Locale.ROOT,
                            "%d posts about %s in %s, about %s expected.",
                            observed,
                            what,
                            when,
                            round(expected)));
        } else {
            b.append(
                    String.format(
                            Locale.ROOT,
                            "%.0f%% of the posts about %s were negative in %s (%d of %d scored),"
                                    + " about %.0f%% expected.",
                            100 * observedShare,
                            what,
                            when,
                            observed,
                            Math.round(observed / Math.max(1e-9, observedShare)),
                            100 * expectedShare));
        }
        if (!terms.isEmpty()) {
            b.append(" Rising: ").append(String.join(", ", terms)).append('.');
        }
        if (!examples.isEmpty()) {
            AlertExample e = examples.get(0);
            String text = e.text().replaceAll("\\s+", " ").strip();
            if (text.length() > EXAMPLE_CHARS) {
                text = text.substring(0, EXAMPLE_CHARS - 1) + "…";
            }
            b.append(" For example")
                    .append(e.author() == null ? "" : " @" + e.author())
                    .append(": \"")
                    .append(text)
                    .append("\"");
        }
        return b.toString();
    }

    private static String round(double x) {
        return x >= 10 ? Long.toString(Math.round(x)) : String.format(Locale.ROOT, "%.1f", x);
    }
}
