package dev.undertone.app.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The creation times a timeline covers: the filter's range, or that of the posts it matches where
 * it gives none; {@code first} or {@code last} is null where nothing matches. Both stores work out
 * the span their own way and plan their buckets from it alike.
 */
public record TimeSpan(Instant first, Instant last) {

    /** The buckets covering the span, or null when it is empty. */
    public TimelinePlan plan(Duration interval) {
        if (first == null || last == null || last.isBefore(first)) {
            return null;
        }
        return TimelinePlan.of(interval, first, last);
    }

    /** The timeline of no posts: no buckets, starting where the span does (if anywhere). */
    public Timeline empty(Duration interval) {
        Instant start = first == null ? Instant.EPOCH : first;
        return new Timeline(
                interval == null ? Duration.ofMinutes(1) : interval, start, start, List.of());
    }
}
