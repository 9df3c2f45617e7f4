package dev.undertone.app.web;

import dev.undertone.app.store.PostFilter;
import dev.undertone.app.store.PostPage;
import dev.undertone.app.store.PostStore;
import dev.undertone.app.store.StoredPost;
import dev.undertone.app.store.TermField;
import dev.undertone.app.store.TimelinePlan;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read endpoints over a {@link PostStore}. Errors propagate to the server's central mapping.
 */
final class QueryHandlers {
    static final int DEFAULT_POSTS = 50;
    static final int DEFAULT_TERMS = 20;
    private static final String JSON = "application/json";

    private final PostStore store;

    QueryHandlers(PostStore store) {
        this.store = store;
    }

    /** {@code GET /api/summary}. */
    void summary(Context ctx) {
        PostFilter f = QueryParams.filter(ctx);
        json(ctx, ApiJson.summary(store.summary(f)));
    }

    /** {@code GET /api/timeline?interval=1m}. */
    void timeline(Context ctx) {
        PostFilter f = QueryParams.filter(ctx);
        json(
                ctx,
                ApiJson.timeline(
                        store.timeline(f, TimelinePlan.parseInterval(ctx.queryParam("interval")))));
    }

    /** {@code GET /api/posts?limit=50}. */
    void posts(Context ctx) {
        PostFilter f = QueryParams.filter(ctx);
        int limit = QueryParams.limit(ctx, "limit", DEFAULT_POSTS, PostStore.MAX_POSTS_LIMIT);
        PostPage page = store.posts(f, limit);
        List<Map<String, Object>> posts = new ArrayList<>(page.posts().size());
        for (StoredPost p : page.posts()) {
            posts.add(ApiJson.post(p));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", page.total());
        out.put("posts", posts);
        json(ctx, out);
    }

    /** {@code GET /api/terms?field=hashtags&limit=20}. */
    void terms(Context ctx) {
        PostFilter f = QueryParams.filter(ctx);
        String rawField = ctx.queryParam("field");
        TermField field =
                rawField == null || rawField.isBlank()
                        ? TermField.HASHTAGS
                        : TermField.parse(rawField);
        int limit = QueryParams.limit(ctx, "limit", DEFAULT_TERMS, PostStore.MAX_TERMS_LIMIT);
        json(ctx, ApiJson.terms(store.terms(f, field, limit)));
    }

    /** {@code GET /api/export?format=jsonl|csv}: every matching post, streamed. */
    void export(Context ctx) throws IOException {
        PostFilter f = QueryParams.filter(ctx);
        ExportFormat format = ExportFormat.parse(ctx.queryParam("format"));
        ctx.contentType(format.contentType() + "; charset=utf-8");
        ctx.header(
                "Content-Disposition",
                "attachment; filename=\"undertone-posts." + format.extension() + "\"");
        try (ExportWriter w = new ExportWriter(ctx.outputStream(), format)) {
            store.export(f, w);
        }
    }

    private static void json(Context ctx, Object body) {
        ctx.contentType(JSON).result(ApiJson.write(body));
    }
}
