package dev.undertone.app.web;

import dev.undertone.app.store.InvalidQueryException;
import dev.undertone.app.store.PostFilter;
import dev.undertone.app.store.PostStore;
import dev.undertone.app.store.StoreException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.sse.SseClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of {@code run} and {@code serve}: the query API of CONTRACT.md, the live feed as
 * Server-Sent Events, Prometheus metrics, and the dashboard. All routes are declared in {@link
 * #configure}; errors map to JSON responses in one place, so handlers have no try/catch.
 *
 * <p>Usage: construct, {@link #start()} (returns the bound port), {@link #close()}. The server does
 * not close the store, the feed or the registry it was given.
 */
public final class ApiServer implements AutoCloseable {
    /** The Content-Security-Policy of every response: nothing but this origin's own files. */
    static final String CSP =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                    + " connect-src 'self'; font-src 'self'; manifest-src 'self';"
                    + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final String JSON = "application/json";
    private static final String EVENT_STREAM = "text/event-stream";
    private static final String FILTER_ATTRIBUTE = "undertone.filter";
    private static final String START_ATTRIBUTE = "undertone.start";
    private static final long TICK_MILLIS = 1000;
    private static final Set<String> ROUTES =
            Set.of(
                    "/api/health",
                    "/api/summary",
                    "/api/timeline",
                    "/api/posts",
                    "/api/terms",
                    "/api/export",
                    "/api/events",
                    "/api/tracks",
                    "/api/alerts");

    private final PostStore store;
    private final MeterRegistry registry;
    private final LiveFeed feed;
    private final Supplier<Map<String, Object>> health;
    private final ApiServerConfig config;
    private final BearerAuth auth;
    private final QueryHandlers queries;
    private final MonitorHandlers monitoring;
    private final MetricsEndpoint metrics;
    private final DashboardAssets assets = new DashboardAssets();
    private final ScheduledExecutorService ticker;
    private final Set<LiveFeed.Subscription> streams = ConcurrentHashMap.newKeySet();
    private Javalin app;

    /**
     * @param store where the posts are read
     * @param registry the meter registry the whole process registers in; {@code /metrics} scrapes
     *     it when it is (or contains) a Prometheus registry
     * @param feed the live feed the store's writer calls (or one nobody calls, for {@code serve})
     * @param health details for {@code /api/health} (pipeline and source state), called per request
     * @param config where to listen and how to authenticate
     */
    public ApiServer(
            PostStore store,
            MeterRegistry registry,
            LiveFeed feed,
            Supplier<Map<String, Object>> health,
            ApiServerConfig config) {
        this.store = store;
        this.registry = registry;
        this.feed = feed;
        this.health = health;
        this.config = config;
        this.auth = new BearerAuth(config.token());
        this.queries = new QueryHandlers(store);
        this.monitoring = new MonitorHandlers(store, null);
        this.metrics = new MetricsEndpoint(registry);
        this.ticker =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "undertone-live-ticker");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /**
     * Shows topic monitoring: the tracks in force ({@code /api/tracks}) and the stored alerts
     * ({@code /api/alerts}). Without it both answer empty lists.
     *
     * @return this server
     */
    public ApiServer withMonitoring(MonitorView view) {
        monitoring.view(view);
        return this;
    }

    /**
     * Binds and starts serving.
     *
     * @return the bound port (useful with port 0)
     */
    public synchronized int start() {
        if (app != null) {
            throw new IllegalStateException("the server is already started (a bug in the caller)");
        }
        app = Javalin.create(this::configure).start(config.host(), config.port());
        ticker.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        LOG.info("Serving the dashboard and API on http://{}:{}/.", hostForUrl(), app.port());
        return app.port();
    }

    /** The bound port; only after {@link #start()}. */
    public int port() {
        return app.port();
    }

    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        // Streams end before the server stops, so no sender writes to a recycled response.
        for (LiveFeed.Subscription s : streams) {
            s.close();
        }
        if (app != null) {
            app.stop();
            app = null;
        }
    }

    private void configure(JavalinConfig cfg) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;

        cfg.routes.before(this::securityHeaders);
        cfg.routes.before("/api/*", this::checkQueryString);
        cfg.routes.before("/api/*", this::startTimer);
        cfg.routes.before("/api/summary", auth::require);
        cfg.routes.before("/api/timeline", auth::require);
        cfg.routes.before("/api/posts", auth::require);
        cfg.routes.before("/api/terms", auth::require);
        cfg.routes.before("/api/export", auth::require);
        cfg.routes.before("/api/events", auth::require);
        cfg.routes.before("/api/tracks", auth::require);
        cfg.routes.before("/api/alerts", auth::require);
        cfg.routes.before("/api/events", ApiServer::requireEventStream);
        cfg.routes.before(
                "/api/events", ctx -> ctx.attribute(FILTER_ATTRIBUTE, QueryParams.filter(ctx)));
        cfg.routes.before("/metrics", auth::require);

        cfg.routes.get("/api/health", this::health);
        cfg.routes.get("/api/summary", queries::summary);
        cfg.routes.get("/api/timeline", queries::timeline);
        cfg.routes.get("/api/posts", queries::posts);
        cfg.routes.get("/api/terms", queries::terms);
        cfg.routes.get("/api/export", queries::export);
        cfg.routes.get("/api/tracks", monitoring::tracks);
        cfg.routes.get("/api/alerts", monitoring::alerts);
        cfg.routes.sse("/api/events", this::events);
        cfg.routes.get("/metrics", metrics::scrape);
        for (String path : assets.paths()) {
            cfg.routes.get(path, assets::serve);
        }
        cfg.routes.after("/api/*", this::recordTimer);

        cfg.routes.exception(
                InvalidQueryException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        cfg.routes.exception(
                HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
        cfg.routes.exception(
                StoreException.class,
                (e, ctx) -> {
                    LOG.warn("Answering {} failed: {}.", ctx.path(), e.getMessage(), e);
                    error(ctx, 503, "the index cannot be read right now; see the server log");
                });
        cfg.routes.exception(
                Exception.class,
                (e, ctx) -> {
                    LOG.error("Answering {} failed unexpectedly.", ctx.path(), e);
                    error(ctx, 500, "internal error; see the server log");
                });
        cfg.routes.error(
                404,
                ctx -> {
                    if (ctx.path().startsWith("/api/")) {
                        error(ctx, 404, "no such endpoint: " + ctx.path());
                    }
                });
    }

    private void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    }

    private void checkQueryString(Context ctx) {
        String qs = ctx.queryString();
        if (qs == null) {
            return;
        }
        try {
            URLDecoder.decode(qs, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("query string", "malformed percent-encoding");
        }
    }

    /**
     * Javalin streams only to clients that accept an event stream; say so instead of a blank 200.
     */
    private static void requireEventStream(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains(EVENT_STREAM)) {
            throw new InvalidQueryException("Accept", "send the header Accept: " + EVENT_STREAM);
        }
    }

    private void health(Context ctx) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "up");
        if (auth.allows(ctx)) {
            out.put("live_clients", feed.clients());
            out.put("live_dropped", feed.droppedForSlowClients());
            Map<String, Object> details = health.get();
            if (details != null) {
                details.forEach(out::putIfAbsent);
            }
        }
        ctx.contentType(JSON).result(ApiJson.write(out));
    }

    private void events(SseClient client) {
        PostFilter filter = client.ctx().attribute(FILTER_ATTRIBUTE);
        client.keepAlive();
        LiveFeed.Subscription s =
                feed.subscribe(
                        filter == null ? PostFilter.ALL : filter,
                        new LiveFeed.EventSink() {
                            @Override
                            public void send(String event, String data) {
                                client.sendEvent(event, data);
                            }

                            @Override
                            public boolean isOpen() {
                                return !client.terminated();
                            }
                        });
        streams.add(s);
        client.onClose(
                () -> {
                    s.close();
                    streams.remove(s);
                });
    }

    private void tick() {
        if (feed.clients() == 0) {
            return;
        }
        try {
            feed.tick(f -> ApiJson.summary(store.summary(f)));
        } catch (RuntimeException e) {
            LOG.warn("Sending the live summary tick failed; the next tick retries.", e);
        }
    }

    private void startTimer(Context ctx) {
        ctx.attribute(START_ATTRIBUTE, System.nanoTime());
    }

    private void recordTimer(Context ctx) {
        Long start = ctx.attribute(START_ATTRIBUTE);
        if (start == null) {
            return;
        }
        // Only known paths become tag values, so clients cannot grow the metric's cardinality.
        String route = ROUTES.contains(ctx.path()) ? ctx.path() : "other";
        Timer.builder("undertone_http_requests")
                .description("API requests served.")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", Integer.toString(ctx.status().getCode()))
                .register(registry)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status).contentType(JSON).result(ApiJson.error(message));
    }

    private String hostForUrl() {
        return config.host().contains(":") && !config.host().startsWith("[")
                ? "[" + config.host() + "]"
                : config.host();
    }
}
