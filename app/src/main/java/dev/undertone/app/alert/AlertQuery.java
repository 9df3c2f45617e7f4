package dev.undertone.app.alert;

import dev.undertone.app.store.InvalidQueryException;
import dev.undertone.app.store.PostFilter;
import dev.undertone.core.alert.Alert;
import dev.undertone.core.alert.AlertKind;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which alerts {@code /api/alerts} and {@code undertone alerts} return: by track (any of them), by
 * kind, and by window ({@code from}: windows ending after it; {@code to}: windows starting before
 * it). Empty parts keep everything.
 *
 * @param tracks lower-cased track phrases
 * @param kinds alert kinds
 * @param from windows ending after this instant, or null
 * @param to windows starting before this instant, or null
 */
public record AlertQuery(Set<String> tracks, Set<AlertKind> kinds, Instant from, Instant to) {
    /** Every alert. */
    public static final AlertQuery ALL = new AlertQuery(Set.of(), Set.of(), null, null);

    public AlertQuery {
        tracks = Set.copyOf(tracks);
        kinds = Set.copyOf(kinds);
    }

    /**
     * The alert query of a post filter's {@code track}, {@code from} and {@code to}, and a {@code
     * kind} parameter (comma-separated, or null).
     *
     * @throws InvalidQueryException naming {@code kind} when a kind is unknown
     */
    public static AlertQuery of(PostFilter filter, String kind) {
        Set<AlertKind> kinds = new LinkedHashSet<>();
        if (kind != null && !kind.isBlank()) {
            for (String k : kind.split(",")) {
                if (k.isBlank()) {
                    continue;
                }
                try {
                    kinds.add(AlertKind.fromId(k));
                } catch (IllegalArgumentException e) {
                    throw new InvalidQueryException("kind", e.getMessage());
                }
            }
        }
        return new AlertQuery(filter.tracks(), kinds, filter.from(), filter.to());
    }

    /** Whether an alert passes. */
    public boolean matches(Alert a) {
        if (!tracks.isEmpty() && !tracks.contains(a.track().toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (!kinds.isEmpty() && !kinds.contains(a.kind())) {
            return false;
        }
        if (from != null && !a.windowEnd().isAfter(from)) {
            return false;
        }
        return to == null || a.windowStart().isBefore(to);
    }
}
