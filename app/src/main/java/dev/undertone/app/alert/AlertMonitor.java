package dev.undertone.app.alert;

import dev.undertone.app.store.IndexListener;
import dev.undertone.app.store.PostFilter;
import dev.undertone.app.store.PostMark;
import dev.undertone.app.store.PostStore;
import dev.undertone.app.store.Summary;
import dev.undertone.app.store.Timeline;
import dev.undertone.core.alert.Alert;
import dev.undertone.core.alert.AlertDetector;
import dev.undertone.core.alert.AlertRules;
import dev.undertone.core.alert.Finding;
import dev.undertone.core.alert.WindowCounts;
import dev.undertone.core.sentiment.Sentiment;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the tracks in force for alerts as posts become searchable, judging each window of the
 * posts' own creation time once it has closed.
 *
 * <p>A window closes when the newest post seen is {@link AlertRules#grace()} past its end (and, for
 * a live stream, when the wall clock is), so a replayed archive closes its windows exactly as the
 * live stream did. Each window is judged from the index (the store is the durable, exactly-once
 * record of the posts) against the counts of the windows before it; alerts go to the {@link
 * AlertStore} keyed by track, kind and window, and then to the listeners. After a restart the
 * windows not yet judged are found again in the index, so no alert is lost and none is doubled.
 *
 * <p>{@link #marked} runs on the pipeline's indexing thread and only notes the windows that got
 * posts, from each post's {@link PostMark} (its creation time and tracks: the index keeps no more
 * for the monitor); the judging runs on the monitor's own thread and reads the index, the
 * explanation of an alert included.
 */
public final class AlertMonitor implements IndexListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertMonitor.class);
    private static final long WAKE_MILLIS = 200;
    private static final long FLUSH_MILLIS = 1000;
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);

    private final Map<String, Track> tracks = new LinkedHashMap<>();
    private final PostStore store;
    private final AlertStore alerts;
    private final AlertDetector detector;
    private final AlertRules rules;
    private final AlertExplainer explainer;
    private final Clock clock;
    private final boolean liveClock;
    private final List<AlertListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong newestSeenMillis = new AtomicLong(Long.MIN_VALUE);
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean finishing;
    private volatile boolean idle;
    private long lastFlushNanos = System.nanoTime();
    private long windowsJudged;
    private volatile long cpuNanos;

    /** One monitored track: its filter, windows waiting to be judged, and its history. */
    private static final class Track {
        final String name;
        final String scope;
        final PostFilter filter;
        final NavigableSet<Instant> pending = new ConcurrentSkipListSet<>();
        final WindowHistory history = new WindowHistory();

        Track(String name, String scope, PostFilter filter) {
            this.name = name;
            this.scope = scope;
            this.filter = filter;
        }
    }

    /**
     * @param trackNames the track phrases in force; empty to watch all posts as one track ({@link
     *     Alert#ALL_POSTS})
     * @param store where the posts are read
     * @param alerts where the alerts and the decision marks are kept
     * @param rules the window and thresholds
     * @param clock the wall clock (for {@code raised_at}, and for closing windows when live)
     * @param liveClock whether windows also close by the wall clock (a live stream that goes quiet)
     */
    public AlertMonitor(
            List<String> trackNames,
            PostStore store,
            AlertStore alerts,
            AlertRules rules,
            Clock clock,
            boolean liveClock) {
        this.store = store;
        this.alerts = alerts;
        this.rules = rules;
        this.detector = new AlertDetector(rules);
        this.explainer = new AlertExplainer(store, rules);
        this.clock = clock;
        this.liveClock = liveClock;
        List<String> names = trackNames.isEmpty() ? List.of(Alert.ALL_POSTS) : trackNames;
        for (String n : names) {
            PostFilter f =
                    n.equals(Alert.ALL_POSTS)
                            ? PostFilter.ALL
                            : new PostFilter(Set.of(n), null, null, null, null, null, null);
            String scope = n.toLowerCase(Locale.ROOT) + "|" + rules.window();
            tracks.putIfAbsent(n.toLowerCase(Locale.ROOT), new Track(n, scope, f));
        }
        this.thread = new Thread(this::loop, "undertone-alerts");
        thread.setDaemon(true);
    }

    /** Adds a listener told of every new alert. */
    public AlertMonitor addListener(AlertListener l) {
        listeners.add(l);
        return this;
    }

    /** Starts judging on the monitor's thread; first finds windows left unjudged in the index. */
    public void start() {
        thread.start();
    }

    /** The track names watched. */
    public List<String> trackNames() {
        return tracks.values().stream().map(t -> t.name).toList();
    }

    /** The rules applied. */
    public AlertRules rules() {
        return rules;
    }

    @Override
    public Detail detail() {
        // Marks only: no deletes either, since a deleted post leaves a judged window as it was.
        return Detail.MARKS;
    }

    @Override
    public void marked(List<PostMark> posts) {
        long newest = Long.MIN_VALUE;
        // A post dated in the future (a wrong device clock) must not close every window at once.
        long latestPlausible = clock.millis() + FUTURE_TOLERANCE.toMillis();
        Track all = tracks.get(Alert.ALL_POSTS);
        for (PostMark p : posts) {
            Instant created = p.createdAt();
            if (created.toEpochMilli() <= latestPlausible) {
                newest = Math.max(newest, created.toEpochMilli());
            }
            Instant start = rules.windowStart(created);
            if (all != null) {
                all.pending.add(start);
                continue;
            }
            for (String t : p.tracks()) {
                Track track = tracks.get(t.toLowerCase(Locale.ROOT));
                if (track != null) {
                    track.pending.add(start);
                }
            }
        }
        newestSeenMillis.accumulateAndGet(newest, Math::max);
        wake.release();
    }

    /**
     * Judges every window still open (the input ended: a replay is done), then stops the thread.
     * Waits at most {@code timeout}.
     */
    public void finish(Duration timeout) throws InterruptedException {
        finishing = true;
        wake.release();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (thread.isAlive() && !(idle && allJudged()) && System.nanoTime() < deadline) {
            wake.release();
            Thread.sleep(20);
        }
        close();
    }

    @Override
    public void close() {
        closed = true;
        wake.release();
        if (thread.isAlive() && Thread.currentThread() != thread) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush(true);
    }

    private boolean allJudged() {
        return tracks.values().stream().allMatch(t -> t.pending.isEmpty());
    }

    /** Windows judged so far. */
    public long windowsJudged() {
        return windowsJudged;
    }

    /** CPU time the monitor's thread has used so far (0 where the JVM cannot measure it). */
    public long cpuNanos() {
        return cpuNanos;
    }

    private void loop() {
        try {
            loopUntilClosed();
        } finally {
            cpuNanos = threadCpu();
            LOG.info(
                    "The alert monitor judged {} windows of {} tracks in {} ms of CPU.",
                    windowsJudged,
                    tracks.size(),
                    cpuNanos / 1_000_000);
        }
    }

    private static long threadCpu() {
        java.lang.management.ThreadMXBean mx =
                java.lang.management.ManagementFactory.getThreadMXBean();
        return mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : 0;
    }

    private void loopUntilClosed() {
        try {
            recoverUnjudged();
        } catch (RuntimeException e) {
            LOG.warn("Finding the windows not yet judged for alerts failed: {}.", e.toString());
        }
        while (!closed) {
            try {
                idle = false;
                judgeClosedWindows();
                flush(false);
                idle = true;
                wake.tryAcquire(WAKE_MILLIS, TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The store may be briefly unreadable; the windows stay pending for the next try.
                LOG.warn("Judging windows for alerts failed: {}; retrying.", e.toString());
                sleepQuietly();
            }
        }
    }

    /** Windows with posts in the index after each track's last judged window (a restart). */
    private void recoverUnjudged() {
        for (Track t : tracks.values()) {
            Instant decided = alerts.decidedUntil(t.scope);
            Timeline tl =
                    store.timeline(
                            decided == null ? t.filter : t.filter.withRange(decided, null),
                            rules.window());
            for (Timeline.Bucket b : tl.buckets()) {
                if (total(b) > 0) {
                    t.pending.add(b.start());
                    newestSeenMillis.accumulateAndGet(b.start().toEpochMilli(), Math::max);
                }
            }
        }
        // The newest post's window is only known to have started: it closes as new posts come.
    }

    private void judgeClosedWindows() {
        Instant closedBefore = closedBefore();
        for (Track t : tracks.values()) {
            while (!closed) {
                Instant start = t.pending.isEmpty() ? null : t.pending.first();
                if (start == null) {
                    break;
                }
                Instant end = start.plus(rules.window());
                if (!finishing && end.isAfter(closedBefore)) {
                    break;
                }
                Instant decided = alerts.decidedUntil(t.scope);
                if (decided == null || !start.isBefore(decided)) {
                    judge(t, start, end);
                }
                t.pending.remove(start);
            }
        }
    }

    /** Windows ending at or before this instant are closed. */
    private Instant closedBefore() {
        long newest = newestSeenMillis.get();
        Instant byData =
                newest == Long.MIN_VALUE
                        ? Instant.MIN
                        : Instant.ofEpochMilli(newest).minus(rules.grace());
        if (!liveClock) {
            return byData;
        }
        Instant byClock = clock.instant().minus(rules.grace());
        return byClock.isAfter(byData) ? byClock : byData;
    }

    private void judge(Track t, Instant start, Instant end) {
        WindowCounts current = counts(start, store.summary(t.filter.withRange(start, end)));
        Instant baselineFrom = rules.baselineStart(start);
        if (!t.history.covers(baselineFrom)) {
            t.history.load(baselineFrom, start, windows(t.filter, baselineFrom, start));
        }
        List<WindowCounts> baseline = t.history.between(baselineFrom, start);
        Instant first = t.history.firstActive();
        Instant historyFrom = first == null || first.isBefore(baselineFrom) ? baselineFrom : first;
        int historyWindows =
                (int) (Duration.between(historyFrom, start).toMillis() / rules.window().toMillis());
        List<Finding> findings = detector.judge(current, baseline, historyWindows);
        for (Finding f : findings) {
            if (alerts.contains(Alert.key(t.name, f.kind(), start))) {
                continue;
            }
            Alert a =
                    explainer.explain(
                            t.name,
                            t.filter,
                            f,
                            current,
                            baselineFrom,
                            start,
                            end,
                            historyWindows,
                            clock.instant());
            store(a);
        }
        alerts.markDecided(t.scope, end);
        windowsJudged++;
        cpuNanos = threadCpu();
        t.history.put(current);
        t.history.prune(baselineFrom);
    }

    private void store(Alert a) {
        boolean added;
        try {
            added = alerts.add(a);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "writing an alert to the alerts file failed: " + e.getMessage(), e);
        }
        if (!added) {
            return;
        }
        LOG.info(
                "Alert: {} for '{}' in the window from {}: {} observed, {} expected.",
                a.kind().id(),
                a.track(),
                a.windowStart(),
                a.observed(),
                Math.round(a.expected()));
        for (AlertListener l : listeners) {
            try {
                l.raised(a);
            } catch (RuntimeException e) {
                LOG.warn("Passing on an alert failed: {}.", e.toString());
            }
        }
    }

    private List<WindowCounts> windows(PostFilter f, Instant from, Instant to) {
        Timeline tl = store.timeline(f.withRange(from, to), rules.window());
        List<WindowCounts> out = new ArrayList<>(tl.buckets().size());
        for (Timeline.Bucket b : tl.buckets()) {
            long scored = 0;
            for (Sentiment s : Sentiment.values()) {
                scored += b.count(s.name());
            }
            out.add(
                    new WindowCounts(
                            b.start(), total(b), b.count(Sentiment.NEGATIVE.name()), scored));
        }
        return out;
    }

    private static long total(Timeline.Bucket b) {
        long n = 0;
        for (long c : b.counts().values()) {
            n += c;
        }
        return n;
    }

    private static WindowCounts counts(Instant start, Summary s) {
        long scored = s.total() - s.unscored();
        return new WindowCounts(start, s.total(), s.count(Sentiment.NEGATIVE), scored);
    }

    private void flush(boolean now) {
        if (!now
                && System.nanoTime() - lastFlushNanos
                        < TimeUnit.MILLISECONDS.toNanos(FLUSH_MILLIS)) {
            return;
        }
        lastFlushNanos = System.nanoTime();
        try {
            alerts.flush();
        } catch (IOException e) {
            LOG.warn("Saving how far alerts were judged failed: {}; retrying.", e.toString());
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(FLUSH_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
