package dev.undertone.app.source;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health of one live source: connection state, reconnects, last event time, lag, events and
 * bytes received, errors by type. Registered in a Micrometer {@link MeterRegistry} (so {@code
 * /metrics} shows it) and readable as a {@link #snapshot()} for {@code /api/health}.
 *
 * <p>It is also the one place a source reports a failure: {@link #failed} logs a single line
 * without a stack trace, so a source that keeps failing does not flood the log. Messages pass
 * through {@link Secrets#redact} first, so no secret reaches a log line, a metric or the snapshot.
 * Thread-safe.
 */
public final class SourceMetrics {

    /** Where a source's connection stands. */
    public enum State {
        /** Not connected yet. */
        IDLE,
        /** A connection attempt is in progress. */
        CONNECTING,
        /** Connected and receiving. */
        CONNECTED,
        /** The connection was lost; the pipeline will reconnect after its backoff. */
        DISCONNECTED,
        /** Stopped for good: retrying cannot help (a rejected token, for example). */
        FAILED,
        /** Closed on request. */
        CLOSED
    }

    private static final Logger LOG = LoggerFactory.getLogger(SourceMetrics.class);
    private static final String TAG_ID = "component_id";
    private static final String TAG_KIND = "component_kind";
    private static final String TAG_ERROR = "error_type";

    private final String source;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Secrets secrets;
    private final Tags tags;
    private final Counter events;
    private final Counter bytes;
    private final Counter reconnects;
    private final Counter gaps;
    private final Map<String, Counter> errors = new ConcurrentHashMap<>();
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong lastEventMillis = new AtomicLong(-1);
    private final AtomicLong lastEventTimeMillis = new AtomicLong(-1);
    private volatile State state = State.IDLE;
    private volatile String endpoint;
    private volatile String lastError;

    /**
     * @param source the source's name, as in {@link Source#name()}; the {@code component_id} tag
     * @param registry where the meters are registered
     * @param clock the time used for "last event" and lag
     * @param secrets values to hide from every message this class logs or keeps
     */
    public SourceMetrics(String source, MeterRegistry registry, Clock clock, Secrets secrets) {
        this.source = source;
        this.registry = registry;
        this.clock = clock;
        this.secrets = secrets;
        this.tags = Tags.of(TAG_ID, source, TAG_KIND, "source");
        this.events =
                Counter.builder("component.received.events")
                        .description("Records received from the source")
                        .tags(tags)
                        .register(registry);
        this.bytes =
                Counter.builder("component.received.bytes")
                        .description("Bytes received from the source, keep-alives included")
                        .tags(tags)
                        .register(registry);
        this.reconnects =
                Counter.builder("source.reconnects")
                        .description("Connection attempts after the first")
                        .tags(tags)
                        .register(registry);
        this.gaps =
                Counter.builder("source.gaps")
                        .description("Detected gaps: events the server no longer held on resume")
                        .tags(tags)
                        .register(registry);
        Gauge.builder("source.connected", this, m -> m.state == State.CONNECTED ? 1 : 0)
                .description("1 while the source is connected")
                .tags(tags)
                .register(registry);
        Gauge.builder("source.lag", this, SourceMetrics::lagSeconds)
                .description("Now minus the time of the last event received")
                .baseUnit("seconds")
                .tags(tags)
                .register(registry);
        Gauge.builder("source.last.event.timestamp", this, SourceMetrics::lastEventEpochSeconds)
                .description("When the last event was received (Unix time)")
                .baseUnit("seconds")
                .tags(tags)
                .register(registry);
    }

    /** For tests and sources without secrets: the system clock, nothing to hide. */
    public static SourceMetrics of(String source, MeterRegistry registry) {
        return new SourceMetrics(source, registry, Clock.systemUTC(), Secrets.none());
    }

    /** The source's name. */
    public String source() {
        return source;
    }

    /** The current state. */
    public State state() {
        return state;
    }

    /** A connection attempt to {@code endpoint} starts (the URL is shown, secrets hidden). */
    public void connecting(String endpoint) {
        this.endpoint = secrets.redact(endpoint);
        if (connects.getAndIncrement() > 0) {
            reconnects.increment();
        }
        state = State.CONNECTING;
    }

    /** The connection is up. */
    public void connected() {
        state = State.CONNECTED;
        LOG.info("Source {} connected to {}.", source, endpoint);
    }

    /**
     * Records a failure: what the source was doing and why it failed. The pipeline reconnects after
     * its backoff and logs it.
     */
    public void failed(String doing, Exception failure) {
        String why = describe(failure);
        lastError = doing + ": " + why;
        count(failure.getClass().getSimpleName());
        state = State.DISCONNECTED;
        // the source runner logs the one WARN line per failure, with its backoff
        LOG.debug("Source {} failed {}: {}.", source, doing, why);
    }

    /** Records a failure that retrying cannot fix (the runner logs it once with what to do). */
    public void fatal(String message) {
        String safe = secrets.redact(message);
        lastError = safe;
        count("fatal");
        state = State.FAILED;
        // the source runner logs the one ERROR line when it stops the source
        LOG.debug("Source {} stopped: {}", source, safe);
    }

    /** Counts a problem that did not break the connection (e.g. an in-stream error object). */
    public void problem(String errorType, String message) {
        count(errorType);
        lastError = secrets.redact(message);
        LOG.warn("Source {} reported a problem: {}.", source, lastError);
    }

    /** Counts an error that is reported elsewhere (or once), without logging it. */
    public void errorCounted(String errorType) {
        count(errorType);
    }

    /** Counts a gap: the server could not replay everything since the resume position. */
    public void gap(String message) {
        gaps.increment();
        LOG.warn("Source {} resumed with a gap: {}.", source, secrets.redact(message));
    }

    /**
     * Counts a valid event of a kind the pipeline ignores (Jetstream v2's {@code sync}, kinds added
     * later), tagged with the kind; names that do not look like a kind count as {@code other}, so a
     * server cannot create meters at will.
     */
    public void ignoredKind(String kind) {
        String tag = kind != null && kind.matches("[a-z][a-zA-Z0-9_#.]{0,31}") ? kind : "other";
        Counter.builder("source.ignored.events")
                .description("Valid events of a kind no post comes from, by kind")
                .tags(tags.and("kind", tag))
                .register(registry)
                .increment();
    }

    /** Counts bytes read from the wire (keep-alives included); called from any thread. */
    public void bytesReceived(long n) {
        bytes.increment(n);
    }

    /**
     * Counts records handed to the pipeline.
     *
     * @param eventTime the time the newest of them was created at its source, for the lag; null
     *     when unknown
     */
    public void eventsReceived(int n, Instant eventTime) {
        if (n <= 0) {
            return;
        }
        events.increment(n);
        lastEventMillis.set(clock.millis());
        if (eventTime != null) {
            lastEventTimeMillis.set(eventTime.toEpochMilli());
        }
    }

    /** The connection was closed on request. */
    public void closed() {
        if (state != State.FAILED) {
            state = State.CLOSED;
        }
    }

    /** Now minus the source time of the last event, in seconds; NaN before the first. */
    public double lagSeconds() {
        long t = lastEventTimeMillis.get();
        return t < 0 ? Double.NaN : Math.max(0, clock.millis() - t) / 1000.0;
    }

    private double lastEventEpochSeconds() {
        long t = lastEventMillis.get();
        return t < 0 ? Double.NaN : t / 1000.0;
    }

    /**
     * A JSON-friendly view for {@code /api/health}: {@code state}, {@code endpoint}, {@code
     * events}, {@code bytes}, {@code reconnects}, {@code last_event_at} (ISO-8601 or null), {@code
     * lag_seconds} (or null), {@code last_error} (or null).
     */
    public Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
        m.put("endpoint", endpoint);
        m.put("events", (long) events.count());
        m.put("bytes", (long) bytes.count());
        m.put("reconnects", (long) reconnects.count());
        m.put("gaps", (long) gaps.count());
        long last = lastEventMillis.get();
        m.put("last_event_at", last < 0 ? null : Instant.ofEpochMilli(last).toString());
        double lag = lagSeconds();
        m.put("lag_seconds", Double.isNaN(lag) ? null : lag);
        m.put("last_error", lastError);
        return m;
    }

    private void count(String errorType) {
        errors.computeIfAbsent(
                        errorType,
                        t ->
                                Counter.builder("component.errors")
                                        .description("Failures by type")
                                        .tags(tags.and(TAG_ERROR, t))
                                        .register(registry))
                .increment();
    }

    private String describe(Throwable failure) {
        // sources put the cause into their own messages; anything else is described here
        String text = failure.getMessage();
        boolean ours = failure instanceof java.io.IOException && text != null && !text.isBlank();
        return secrets.redact(ours ? text : NetworkErrors.describe(failure));
    }
}
