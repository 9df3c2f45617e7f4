package dev.undertone.app.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dashboard's files, read from the classpath ({@code /web}) into memory once and served from
 * there. A handful of small files does not need Jetty's resource handler, whose mounting of the
 * application jar costs a second or more of start-up.
 */
final class DashboardAssets {
    /** The URL path of each file, and its classpath resource under {@code /web}. */
    private static final Map<String, String> FILES =
            Map.of(
                    "/", "index.html",
                    "/index.html", "index.html",
                    "/app.js", "app.js",
                    "/app.css", "app.css",
                    "/monitor.js", "monitor.js",
                    "/monitor.css", "monitor.css",
                    "/vendor/chart.umd.min.js", "vendor/chart.umd.min.js",
                    "/vendor/chart.js-LICENSE.md", "vendor/chart.js-LICENSE.md");

    private record Asset(byte[] bytes, String contentType) {}

    private final Map<String, Asset> assets = new LinkedHashMap<>();

    DashboardAssets() {
        FILES.forEach((path, resource) -> assets.put(path, load(resource)));
    }

    /** The URL paths served. */
    Iterable<String> paths() {
        return assets.keySet();
    }

    /** Answers a request for one of {@link #paths()}. */
    void serve(Context ctx) {
        Asset a = assets.get(ctx.path());
        ctx.header("Cache-Control", "no-cache").contentType(a.contentType).result(a.bytes);
    }

    private static Asset load(String resource) {
        try (InputStream in = DashboardAssets.class.getResourceAsStream("/web/" + resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the dashboard file /web/"
                                + resource
                                + " is missing from the jar (a build bug)");
            }
            return new Asset(in.readAllBytes(), contentType(resource));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the dashboard file " + resource, e);
        }
    }

    private static String contentType(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        return "text/plain; charset=utf-8";
    }
}
