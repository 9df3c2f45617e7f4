package dev.undertone.app.web;

import dev.undertone.app.store.IndexListener;
import dev.undertone.app.store.PostFilter;
import dev.undertone.core.post.ScoredPost;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded fan-out from the index to the live dashboards: the {@link IndexListener} the pipeline
 * calls, and the source of every {@code /api/events} stream.
 *
 * <p>The pipeline's call only offers the batch to a bounded dispatch queue and returns. One
 * dispatcher thread serialises each post once and offers it to every subscriber whose filter it
 * passes. Each subscriber has its own bounded queue drained by its own sender thread, so a slow or
 * stalled client fills only its own queue: what does not fit is dropped and counted ({@code
 * undertone_live_dropped_events_total}), and the client learns how many it missed from the next
 * summary tick.
 */
public final class LiveFeed implements IndexListener, AutoCloseable {
    /** Events a subscriber may have waiting before new ones are dropped for it. */
    public static final int DEFAULT_CLIENT_QUEUE = 256;

    /** Index batches waiting for the dispatcher before new ones are dropped. */
    static final int DISPATCH_QUEUE = 1024;

    static final String POST_EVENT = "post";
    static final String DELETED_EVENT = "deleted";
    static final String SUMMARY_EVENT = "summary";
    static final String ALERT_EVENT = "alert";

    /**
     * The longest a filter's summary is reused while the feed hears of no index change, by default
     * (when a pipeline in this process tells the feed of every change).
     */
    public static final Duration DEFAULT_SUMMARY_MAX_AGE = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
    private static final long POLL_MILLIS = 500;

    private final int clientQueue;
    private final long summaryMaxAgeMillis;
    private final BlockingQueue<Batch> dispatch = new ArrayBlockingQueue<>(DISPATCH_QUEUE);
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final Counter droppedSlowClient;
    private final Counter droppedDispatch;
    private final Counter sent;
    private final Thread dispatcher;
    private volatile boolean closed;
    private volatile long changeCount;
    private Map<PostFilter, CachedSummary> summaries = new HashMap<>();

    /**
     * Receives the events of one subscriber, on that subscriber's own thread (it may block).
     * Implemented over a Javalin SSE client by the server, and by fakes in tests.
     */
    public interface EventSink {
        /**
         * Sends one event.
         *
         * @throws Exception when the client is gone; the subscription then ends
         */
        void send(String event, String data) throws Exception;

        /** Whether the client is still connected. */
        boolean isOpen();
    }

    private record Batch(List<ScoredPost> posts, List<String> deletedKeys) {}

    private record Event(String name, String data) {}

    private record CachedSummary(Map<String, Object> summary, long changes, long atMillis) {}

    /** A feed with the default per-client queue, registering its meters in the given registry. */
    public LiveFeed(MeterRegistry registry) {
        this(registry, DEFAULT_CLIENT_QUEUE, DEFAULT_SUMMARY_MAX_AGE);
    }

    /**
     * @param registry where the feed's meters go
     * @param clientQueue events a subscriber may have waiting before new ones are dropped for it
     * @param summaryMaxAge how long a filter's summary is reused while no change is heard of; short
     *     (a second) when another process writes the index, as under {@code serve}
     */
    public LiveFeed(MeterRegistry registry, int clientQueue, Duration summaryMaxAge) {
        if (clientQueue < 1) {
            throw new IllegalArgumentException("clientQueue must be > 0");
        }
        this.clientQueue = clientQueue;
        this.summaryMaxAgeMillis = summaryMaxAge.toMillis();
        this.droppedSlowClient =
                Counter.builder("undertone_live_dropped_events")
                        .tag("reason", "slow_client")
                        .description("Live events not sent to a client that could not keep up.")
                        .register(registry);
        this.droppedDispatch =
                Counter.builder("undertone_live_dropped_events")
                        .tag("reason", "dispatch_full")
                        .description(
                                "Live events dropped before fan-out: the dispatcher was behind.")
                        .register(registry);
        this.sent =
                Counter.builder("undertone_live_sent_events")
                        .description("Live events sent to clients.")
                        .register(registry);
        Gauge.builder("undertone_live_clients", subscriptions, Set::size)
                .description("Connected live-feed clients.")
                .register(registry);
        this.dispatcher = new Thread(this::dispatchLoop, "undertone-live-dispatch");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    @Override
    public void indexed(List<ScoredPost> posts) {
        if (posts.isEmpty()) {
            return;
        }
        changeCount++;
        if (subscriptions.isEmpty()) {
            return;
        }
        if (!dispatch.offer(new Batch(List.copyOf(posts), null))) {
            droppedDispatch.increment(posts.size());
        }
    }

    @Override
    public void deleted(List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        changeCount++;
        if (subscriptions.isEmpty()) {
            return;
        }
        if (!dispatch.offer(new Batch(null, List.copyOf(keys)))) {
            droppedDispatch.increment(keys.size());
        }
    }

    /**
     * Starts feeding a client: posts passing the filter, deletes, and summary ticks.
     *
     * @return the subscription; close it when the client goes
     */
    public Subscription subscribe(PostFilter filter, EventSink sink) {
        if (closed) {
            throw new IllegalStateException("the live feed is closed (a bug in the caller)");
        }
        Subscription s = new Subscription(filter, sink);
        subscriptions.add(s);
        s.start();
        return s;
    }

    /**
     * Offers every subscriber a summary of its filter. Called once a second by the server. Each
     * distinct filter is counted at most once per tick, and only when posts were indexed or deleted
     * since its last count or that count is older than the summary max age (an index written by
     * another process changes without telling this feed).
     *
     * @param summary the summary object of a filter (the {@code /api/summary} shape)
     */
    public void tick(Function<PostFilter, Map<String, Object>> summary) {
        long now = System.currentTimeMillis();
        long changes = changeCount;
        Map<PostFilter, CachedSummary> next = new HashMap<>();
        for (Subscription s : subscriptions) {
            CachedSummary c = next.get(s.filter);
            if (c == null) {
                c = summaries.get(s.filter);
                if (c == null || c.changes != changes || now - c.atMillis >= summaryMaxAgeMillis) {
                    c = new CachedSummary(summary.apply(s.filter), changes, now);
                }
                next.put(s.filter, c);
            }
            Map<String, Object> data = new LinkedHashMap<>(c.summary);
            data.put("dropped", s.dropped());
            s.offer(new Event(SUMMARY_EVENT, ApiJson.write(data)));
        }
        summaries = next;
    }

    /**
     * Sends an alert (its JSON object) to every client whose filter has no track or has the alert's
     * track. Never blocks: a client that cannot keep up misses it, as with posts.
     */
    public void alert(String track, String json) {
        Event e = new Event(ALERT_EVENT, json);
        String t = track.toLowerCase(java.util.Locale.ROOT);
        for (Subscription s : subscriptions) {
            if (s.filter.tracks().isEmpty() || s.filter.tracks().contains(t)) {
                s.offer(e);
            }
        }
    }

    /** How many clients are subscribed. */
    public int clients() {
        return subscriptions.size();
    }

    /** How many events were dropped for slow clients, over all clients. */
    public long droppedForSlowClients() {
        return (long) droppedSlowClient.count();
    }

    @Override
    public void close() {
        closed = true;
        dispatcher.interrupt();
        for (Subscription s : subscriptions) {
            s.close();
        }
    }

    private void dispatchLoop() {
        while (!closed) {
            Batch b;
            try {
                b = dispatch.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (b == null) {
                continue;
            }
            try {
                fanOut(b);
            } catch (RuntimeException e) {
                LOG.warn("Sending a live update failed; the dashboards miss it.", e);
            }
        }
    }

    private void fanOut(Batch b) {
        if (b.deletedKeys != null) {
            Event e = new Event(DELETED_EVENT, ApiJson.write(Map.of("keys", b.deletedKeys)));
            subscriptions.forEach(s -> s.offer(e));
            return;
        }
        for (ScoredPost p : b.posts) {
            Event e = null;
            for (Subscription s : subscriptions) {
                if (s.filter.matches(p)) {
                    if (e == null) {
                        e = new Event(POST_EVENT, ApiJson.write(ApiJson.post(p)));
                    }
                    s.offer(e);
                }
            }
        }
    }

    /** One client's place in the feed: its filter, its bounded queue, and its sender thread. */
    public final class Subscription implements AutoCloseable {
        private final PostFilter filter;
        private final EventSink sink;
        private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(clientQueue);
        private final Thread sender;
        private volatile long dropped;
        private volatile boolean ended;

        private Subscription(PostFilter filter, EventSink sink) {
            this.filter = filter;
            this.sink = sink;
            this.sender = new Thread(this::sendLoop, "undertone-live-client");
            sender.setDaemon(true);
        }

        private void start() {
            sender.start();
        }

        /** How many events were dropped for this client. */
        public long dropped() {
            return dropped;
        }

        private void offer(Event e) {
            if (ended) {
                return;
            }
            if (!queue.offer(e)) {
                synchronized (this) {
                    dropped++;
                }
                droppedSlowClient.increment();
            }
        }

        private void sendLoop() {
            try {
                while (!ended && sink.isOpen()) {
                    Event e = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    if (e != null) {
                        sink.send(e.name, e.data);
                        sent.increment();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.debug("A live client went away.", e);
            } finally {
                close();
            }
        }

        /** Ends the subscription. Idempotent. */
        @Override
        public void close() {
            ended = true;
            subscriptions.remove(this);
            queue.clear();
            if (Thread.currentThread() != sender) {
                sender.interrupt();
            }
        }
    }
}
