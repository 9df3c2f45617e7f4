package dev.undertone.app.tracks;

import dev.undertone.app.store.PostFilter;
import dev.undertone.app.store.PostPage;
import dev.undertone.app.store.PostStore;
import dev.undertone.app.store.Summary;
import dev.undertone.app.store.Timeline;
import dev.undertone.core.sentiment.Sentiment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tracks side by side ({@code GET /api/tracks}): for each tracked phrase its counts, net
 * sentiment, volume now against its baseline, and a series on one shared time plan so the tracks
 * can be drawn on one chart. Built from {@link PostStore} queries only, so it works over every
 * store: every track's counts and series come from one pass over the tracked posts ({@link
 * PostStore#trackTimelines}), and volume now against its baseline from a second over the last day.
 */
public final class TrackOverview {
    /** Windows of the day before "now" that the volume baseline spans, at most. */
    static final int BASELINE_WINDOWS = 144;

    private static final String UNSCORED = dev.undertone.core.index.IndexFields.UNSCORED;

    private TrackOverview() {}

    /**
     * The overview and the series plan.
     *
     * @param interval the series' bucket width
     * @param from the series' first bucket start
     * @param to the series' end
     * @param window the width of "volume now"
     * @param now the window holding the newest post, or null when no track has posts
     * @param tracks one entry per track, in the order given
     */
    public record Result(
            Duration interval,
            Instant from,
            Instant to,
            Duration window,
            Instant now,
            List<TrackStats> tracks) {}

    /**
     * @param store where the posts are
     * @param tracks the phrases in force
     * @param filter the request's filter; its {@code track} part keeps only those of {@code tracks}
     * @param window the width of "volume now" (the alert window)
     */
    public static Result of(
            PostStore store, List<String> tracks, PostFilter filter, Duration window) {
        List<String> shown = new ArrayList<>();
        for (String t : tracks) {
            if (filter.tracks().isEmpty() || filter.tracks().contains(t.toLowerCase(Locale.ROOT))) {
                shown.add(t);
            }
        }
        PostFilter base = filter.withTracks(Set.of());
        if (shown.isEmpty()) {
            return new Result(window, Instant.EPOCH, Instant.EPOCH, window, null, List.of());
        }
        // Every track's series in one pass over the tracked posts, on one plan: that of all shown
        // tracks together.
        List<Timeline> series = store.trackTimelines(base, shown, null);
        Instant newest = newest(store, base, shown);
        Instant now = newest == null ? null : windowStart(newest, window);
        // "Volume now" and its baseline: the day before the newest window, in a second pass.
        List<Timeline> volumes =
                now == null
                        ? null
                        : store.trackTimelines(
                                base.withRange(
                                        now.minus(window.multipliedBy(BASELINE_WINDOWS)),
                                        now.plus(window)),
                                shown,
                                window);
        List<TrackStats> stats = new ArrayList<>(shown.size());
        for (int i = 0; i < shown.size(); i++) {
            stats.add(
                    track(
                            shown.get(i),
                            series.get(i),
                            volumes == null ? null : volumes.get(i),
                            now));
        }
        Timeline plan = series.get(0);
        return new Result(plan.interval(), plan.from(), plan.to(), window, now, stats);
    }

    /**
     * The creation time of the newest post of any of the tracks, or null when none has posts. A
     * filter names at most {@link PostFilter#MAX_VALUES} tracks (and {@code run} takes up to
     * 1,000): asked of as many tracks at a time.
     */
    private static Instant newest(PostStore store, PostFilter base, List<String> tracks) {
        Instant newest = null;
        for (int i = 0; i < tracks.size(); i += PostFilter.MAX_VALUES) {
            List<String> some =
                    tracks.subList(i, Math.min(tracks.size(), i + PostFilter.MAX_VALUES));
            PostPage page = store.posts(base.withTracks(Set.copyOf(some)), 1);
            if (!page.posts().isEmpty()) {
                Instant t = page.posts().get(0).post().post().createdAt();
                newest = newest == null || t.isAfter(newest) ? t : newest;
            }
        }
        return newest;
    }

    private static TrackStats track(String name, Timeline tl, Timeline vol, Instant now) {
        List<TrackStats.Point> series = new ArrayList<>(tl.buckets().size());
        Map<String, Long> sums = new HashMap<>();
        for (Timeline.Bucket b : tl.buckets()) {
            long total = 0;
            for (Map.Entry<String, Long> e : b.counts().entrySet()) {
                total += e.getValue();
                sums.merge(e.getKey(), e.getValue(), Long::sum);
            }
            long pos = b.count(Sentiment.POSITIVE.name());
            long neg = b.count(Sentiment.NEGATIVE.name());
            long scored = total - b.count(UNSCORED);
            series.add(new TrackStats.Point(b.start(), total, TrackStats.net(pos, neg, scored)));
        }
        // The series covers the filter's whole range, so its sums are the track's counts.
        Summary summary = summary(sums);
        long volumeNow = 0;
        double baseline = 0;
        if (vol != null) {
            List<Long> counts = new ArrayList<>();
            boolean started = false;
            for (Timeline.Bucket b : vol.buckets()) {
                long total = b.counts().values().stream().mapToLong(Long::longValue).sum();
                if (b.start().equals(now)) {
                    volumeNow = total;
                } else if (b.start().isBefore(now) && (started || total > 0)) {
                    started = true;
                    counts.add(total);
                }
            }
            baseline = median(counts);
        }
        return new TrackStats(name, summary, volumeNow, baseline, series);
    }

    private static Summary summary(Map<String, Long> sums) {
        Map<Sentiment, Long> by = new EnumMap<>(Sentiment.class);
        long total = 0;
        for (Sentiment s : Sentiment.values()) {
            long n = sums.getOrDefault(s.name(), 0L);
            by.put(s, n);
            total += n;
        }
        long unscored = sums.getOrDefault(UNSCORED, 0L);
        return new Summary(total + unscored, by, unscored, new LinkedHashMap<>());
    }

    private static double median(List<Long> values) {
        if (values.isEmpty()) {
            return 0;
        }
        long[] v = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(v);
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2.0;
    }

    private static Instant windowStart(Instant t, Duration w) {
        long ms = w.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), ms) * ms);
    }
}
