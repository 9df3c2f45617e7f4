package dev.undertone.app.tracks;

import dev.undertone.app.store.PostFilter;
import dev.undertone.app.store.PostPage;
import dev.undertone.app.store.PostStore;
import dev.undertone.app.store.Summary;
import dev.undertone.app.store.Timeline;
import dev.undertone.app.store.TimelinePlan;
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
 * store.
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
        PostFilter base = withTracks(filter, Set.of());
        if (shown.isEmpty()) {
            return new Result(window, Instant.EPOCH, Instant.EPOCH, window, null, List.of());
        }
        PostFilter anyShown = withTracks(base, Set.copyOf(shown));
        // One plan for every track: that of all shown tracks together (planned, not counted: the
        // tracks' own timelines count every post).
        TimelinePlan all = store.timelinePlan(anyShown, null);
        PostPage newest = store.posts(anyShown, 1);
        Instant now =
                newest.posts().isEmpty()
                        ? null
                        : windowStart(newest.posts().get(0).post().post().createdAt(), window);
        List<TrackStats> stats = new ArrayList<>(shown.size());
        for (String t : shown) {
            PostFilter f = withTracks(base, Set.of(t));
            stats.add(track(store, t, f, all, now, window));
        }
        if (all == null) {
            // Nothing to plan: the range and interval an empty timeline reports (cheap: no match).
            Timeline none = store.timeline(anyShown, null);
            return new Result(none.interval(), none.from(), none.to(), window, now, stats);
        }
        return new Result(all.interval(), all.from(), all.to(), window, now, stats);
    }

    private static TrackStats track(
            PostStore store,
            String name,
            PostFilter f,
            TimelinePlan plan,
            Instant now,
            Duration w) {
        List<TrackStats.Point> series = new ArrayList<>();
        Map<String, Long> sums = new HashMap<>();
        if (plan != null) {
            Instant from = later(f.from(), plan.from());
            Instant to = earlier(f.to(), plan.to());
            Timeline tl = store.timeline(f.withRange(from, to), plan.interval());
            for (Timeline.Bucket b : tl.buckets()) {
                long total = 0;
                for (Map.Entry<String, Long> e : b.counts().entrySet()) {
                    total += e.getValue();
                    sums.merge(e.getKey(), e.getValue(), Long::sum);
                }
                long pos = b.count(Sentiment.POSITIVE.name());
                long neg = b.count(Sentiment.NEGATIVE.name());
                long scored = total - b.count(UNSCORED);
                series.add(
                        new TrackStats.Point(b.start(), total, TrackStats.net(pos, neg, scored)));
            }
        }
        // The series covers the filter's whole range, so its sums are the track's counts.
        Summary summary = summary(sums);
        long volumeNow = 0;
        double baseline = 0;
        if (now != null) {
            Instant from = now.minus(w.multipliedBy(BASELINE_WINDOWS));
            Timeline vol = store.timeline(f.withRange(from, now.plus(w)), w);
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

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static Instant windowStart(Instant t, Duration w) {
        long ms = w.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), ms) * ms);
    }

    private static PostFilter withTracks(PostFilter f, Set<String> tracks) {
        return new PostFilter(
                tracks, f.sentiments(), f.langs(), f.sources(), f.q(), f.from(), f.to());
    }
}
