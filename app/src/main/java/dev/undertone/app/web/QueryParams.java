package dev.undertone.app.web;

import dev.undertone.app.store.InvalidQueryException;
import dev.undertone.app.store.PostFilter;
import io.javalin.http.Context;

/** Reads the shared query parameters of the read endpoints, validated, with limits capped. */
final class QueryParams {
    private QueryParams() {}

    /** The filter of a request (CONTRACT.md: track, sentiment, lang, source, q, from, to). */
    static PostFilter filter(Context ctx) {
        return PostFilter.parse(ctx::queryParam);
    }

    /**
     * A positive integer parameter, capped at {@code max}.
     *
     * @throws InvalidQueryException naming the parameter when it is not a positive integer
     */
    static int limit(Context ctx, String name, int defaultValue, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        String v = raw.strip();
        if (!v.matches("\\d{1,18}")) {
            throw new InvalidQueryException(name, "must be a positive integer");
        }
        long n = Long.parseLong(v);
        if (n < 1) {
            throw new InvalidQueryException(name, "must be at least 1");
        }
        return (int) Math.min(n, max);
    }
}
