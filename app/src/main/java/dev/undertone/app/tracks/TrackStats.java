package dev.undertone.app.tracks;

import dev.undertone.app.store.Summary;
import java.time.Instant;
import java.util.List;

/**
 * One tracked phrase seen over the posts a filter keeps.
 *
 * @param track the phrase
 * @param summary its posts by sentiment
 * @param volumeNow its posts in the window holding the newest post
 * @param volumeBaseline the median posts per window over the day before that window (from the
 *     track's first post on, when it is younger)
 * @param series its posts and net sentiment per bucket of the shared series plan
 */
public record TrackStats(
        String track, Summary summary, long volumeNow, double volumeBaseline, List<Point> series) {

    /** The net sentiment, {@code (positive - negative) / scored}, or null when none is scored. */
    public Double netSentiment() {
        return net(
                summary.count(dev.undertone.core.sentiment.Sentiment.POSITIVE),
                summary.count(dev.undertone.core.sentiment.Sentiment.NEGATIVE),
                summary.total() - summary.unscored());
    }

    /** {@code (positive - negative) / scored}, or null when none is scored. */
    static Double net(long positive, long negative, long scored) {
        return scored == 0 ? null : (positive - negative) / (double) scored;
    }

    /**
     * One bucket of the series.
     *
     * @param start the bucket's start
     * @param total the track's posts in it
     * @param net the net sentiment in it, or null when none is scored
     */
    public record Point(Instant start, long total, Double net) {}
}
