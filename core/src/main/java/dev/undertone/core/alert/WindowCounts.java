package dev.undertone.core.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * The posts of one track in one window, by the posts' own creation time.
 *
 * @param start the window's start (inclusive)
 * @param total every post
 * @param negative posts labelled NEGATIVE
 * @param scored posts with any label (the unscored ones are left out of shares)
 */
public record WindowCounts(Instant start, long total, long negative, long scored) {
    public WindowCounts {
        Objects.requireNonNull(start, "start");
        if (total < 0 || negative < 0 || scored < 0 || negative > scored || scored > total) {
            throw new IllegalArgumentException(
                    "counts must satisfy 0 <= negative <= scored <= total, got "
                            + negative
                            + "/"
                            + scored
                            + "/"
                            + total);
        }
    }

    /** A window with no posts. */
    public static WindowCounts empty(Instant start) {
        return new WindowCounts(start, 0, 0, 0);
    }

    /** The negative share of the scored posts, or NaN when none are scored. */
    public double negativeShare() {
        return scored == 0 ? Double.NaN : negative / (double) scored;
    }
}
