package dev.undertone.app.web;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * {@code GET /metrics}: the Prometheus text format of the process's registry. The registry the
 * server is given must be a {@link PrometheusMeterRegistry} or a composite holding one.
 */
final class MetricsEndpoint {
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry prometheus;

    MetricsEndpoint(MeterRegistry registry) {
        this.prometheus = find(registry);
    }

    void scrape(Context ctx) {
        if (prometheus == null) {
            ctx.status(501)
                    .contentType("application/json")
                    .result(ApiJson.error("metrics are not exported in Prometheus format here"));
            return;
        }
        ctx.contentType(CONTENT_TYPE).result(prometheus.scrape());
    }

    private static PrometheusMeterRegistry find(MeterRegistry registry) {
        if (registry instanceof PrometheusMeterRegistry p) {
            return p;
        }
        if (registry instanceof CompositeMeterRegistry c) {
            for (MeterRegistry r : c.getRegistries()) {
                PrometheusMeterRegistry p = find(r);
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }
}
