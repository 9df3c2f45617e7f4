package dev.undertone.app.testing;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A Mastodon instance on 127.0.0.1: {@code /api/v2/instance} (naming itself as the streaming host,
 * as a {@code ws://} URL), the hashtag and public SSE streams running the given scripts, and the
 * REST tag timeline serving the statuses added with {@link #addStatus} ({@code since_id}, {@code
 * max_id}, {@code limit}, newest first). Answers 401 unless the request carries the token.
 */
public final class MastodonTestServer implements AutoCloseable {

    public static final String HASHTAG_STREAM = "/api/v1/streaming/hashtag";
    public static final String PUBLIC_STREAM = "/api/v1/streaming/public";
    public static final String INSTANCE = "/api/v2/instance";

    private record Status(String id, String json) {}

    private final StreamingHttpServer http;
    private final String token;
    private final List<Status> statuses = new ArrayList<>();

    private MastodonTestServer(String tag, String token, StreamingHttpServer.Handler... scripts)
            throws IOException {
        this.token = token;
        this.http = StreamingHttpServer.start();
        StreamingHttpServer.Handler[] guarded = new StreamingHttpServer.Handler[scripts.length];
        for (int i = 0; i < scripts.length; i++) {
            StreamingHttpServer.Handler h = scripts[i];
            guarded[i] =
                    ex -> {
                        if (authorized(ex)) {
                            h.handle(ex);
                        }
                    };
        }
        http.on(HASHTAG_STREAM, guarded)
                .on(PUBLIC_STREAM, guarded)
                .on(INSTANCE, this::instance)
                .on(timelinePath(tag), this::timeline);
    }

    /** Starts an instance whose streams run {@code scripts} in turn. */
    public static MastodonTestServer start(
            String tag, String token, StreamingHttpServer.Handler... scripts) throws IOException {
        return new MastodonTestServer(tag, token, scripts);
    }

    /** The REST path of a tag's timeline. */
    public static String timelinePath(String tag) {
        return "/api/v1/timelines/tag/" + tag;
    }

    /** The instance URL to give as {@code --mastodon-url}. */
    public URI url() {
        return http.url();
    }

    /** Requests received on a path. */
    public List<StreamingHttpServer.Request> requests(String path) {
        return http.requests(path);
    }

    /** Puts a status on the tag timeline. */
    public synchronized void addStatus(String id, String json) {
        statuses.add(new Status(id, json));
    }

    private boolean authorized(StreamingHttpServer.Exchange ex) throws IOException {
        if (token == null || ("Bearer " + token).equals(ex.header("Authorization"))) {
            return true;
        }
        ex.respond(401, "application/json", "{\"error\":\"The access token is invalid\"}");
        return false;
    }

    private void instance(StreamingHttpServer.Exchange ex) throws IOException {
        String ws = url().toString().replaceFirst("^http:", "ws:");
        ex.respond(
                200,
                "application/json",
                "{\"configuration\":{\"urls\":{\"streaming\":\"" + ws + "\"}}}");
    }

    private synchronized void timeline(StreamingHttpServer.Exchange ex) throws IOException {
        if (!authorized(ex)) {
            return;
        }
        String since = ex.query("since_id");
        String max = ex.query("max_id");
        int limit = ex.query("limit") == null ? 20 : Integer.parseInt(ex.query("limit"));
        Comparator<String> order = Comparator.comparingInt(String::length).thenComparing(s -> s);
        List<String> page =
                statuses.stream()
                        .filter(s -> since == null || order.compare(s.id(), since) > 0)
                        .filter(s -> max == null || order.compare(s.id(), max) < 0)
                        .sorted((a, b) -> order.compare(b.id(), a.id()))
                        .limit(limit)
                        .map(Status::json)
                        .toList();
        ex.respond(200, "application/json", "[" + String.join(",", page) + "]");
    }

    @Override
    public void close() {
        http.close();
    }
}
