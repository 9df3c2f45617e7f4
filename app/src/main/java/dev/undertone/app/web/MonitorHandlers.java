package dev.undertone.app.web;

import dev.undertone.app.alert.AlertQuery;
import dev.undertone.app.alert.AlertStore;
import dev.undertone.app.store.PostFilter;
import dev.undertone.app.store.PostStore;
import dev.undertone.app.tracks.TrackOverview;
import dev.undertone.app.tracks.TrackStats;
import dev.undertone.core.alert.Alert;
import dev.undertone.core.alert.AlertJson;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/tracks} and {@code GET /api/alerts}. */
final class MonitorHandlers {
    static final int DEFAULT_ALERTS = 50;
    static final int MAX_ALERTS = 1000;
    private static final String JSON = "application/json";

    private final PostStore store;
    private volatile MonitorView view;

    MonitorHandlers(PostStore store, MonitorView view) {
        this.store = store;
        this.view = view;
    }

    void view(MonitorView v) {
        this.view = v;
    }

    /** {@code GET /api/tracks}: the tracks in force side by side. */
    void tracks(Context ctx) {
        PostFilter f = QueryParams.filter(ctx);
        MonitorView v = view;
        List<String> names = v == null ? List.of() : v.tracks().get();
        TrackOverview.Result r =
                TrackOverview.of(
                        store, names, f, v == null ? AlertStoreDefaults.WINDOW : v.window());
        List<Map<String, Object>> tracks = new ArrayList<>(r.tracks().size());
        for (TrackStats t : r.tracks()) {
            Map<String, Object> m = new LinkedHashMap<>();
            Map<String, Object> summary = ApiJson.summary(t.summary());
            m.put("track", t.track());
            m.put("total", summary.get("total"));
            m.put("sentiment", summary.get("sentiment"));
            m.put("unscored", summary.get("unscored"));
            m.put("net_sentiment", round(t.netSentiment()));
            Map<String, Object> volume = new LinkedHashMap<>();
            volume.put("now", t.volumeNow());
            volume.put("baseline", round(t.volumeBaseline()));
            volume.put(
                    "ratio",
                    t.volumeBaseline() > 0 ? round(t.volumeNow() / t.volumeBaseline()) : null);
            m.put("volume", volume);
            List<Map<String, Object>> series = new ArrayList<>(t.series().size());
            for (TrackStats.Point p : t.series()) {
                Map<String, Object> pt = new LinkedHashMap<>();
                pt.put("start", p.start().toString());
                pt.put("total", p.total());
                pt.put("net", round(p.net()));
                series.add(pt);
            }
            m.put("series", series);
            tracks.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("window", ApiJson.interval(r.window()));
        out.put("window_start", r.now() == null ? null : r.now().toString());
        out.put("window_end", r.now() == null ? null : r.now().plus(r.window()).toString());
        out.put("interval", ApiJson.interval(r.interval()));
        out.put("from", r.from().toString());
        out.put("to", r.to().toString());
        out.put("tracks", tracks);
        json(ctx, out);
    }

    /** {@code GET /api/alerts?limit=50&kind=volume}: the stored alerts, newest window first. */
    void alerts(Context ctx) {
        PostFilter f = QueryParams.filter(ctx);
        AlertQuery q = AlertQuery.of(f, ctx.queryParam("kind"));
        int limit = QueryParams.limit(ctx, "limit", DEFAULT_ALERTS, MAX_ALERTS);
        MonitorView v = view;
        AlertStore.Page page =
                v == null ? new AlertStore.Page(0, List.of()) : v.alerts().query(q, limit);
        List<Map<String, Object>> alerts = new ArrayList<>(page.alerts().size());
        for (Alert a : page.alerts()) {
            alerts.add(AlertJson.toMap(a));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", page.total());
        out.put("alerts", alerts);
        json(ctx, out);
    }

    private static Double round(Double x) {
        return x == null || x.isNaN() || x.isInfinite() ? null : Math.round(x * 1000) / 1000.0;
    }

    private static void json(Context ctx, Object body) {
        ctx.contentType(JSON).result(ApiJson.write(body));
    }

    /** The window used when no monitoring was wired (a bare server in tests). */
    static final class AlertStoreDefaults {
        static final java.time.Duration WINDOW =
                dev.undertone.core.alert.AlertRules.DEFAULTS.window();

        private AlertStoreDefaults() {}
    }
}
