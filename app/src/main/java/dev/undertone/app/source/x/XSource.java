package dev.undertone.app.source.x;

import com.fasterxml.jackson.databind.JsonNode;
import dev.undertone.app.source.LineStream;
import dev.undertone.app.source.NotConnectedException;
import dev.undertone.app.source.ReconnectPolicy;
import dev.undertone.app.source.SourceBatch;
import dev.undertone.app.source.SourceMetrics;
import dev.undertone.app.source.StreamSource;
import dev.undertone.core.decode.Formats;
import dev.undertone.core.decode.RawRecord;
import dev.undertone.core.framing.LineSplitter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The X API v2 filtered stream. On the first connect it syncs the App's stream rules with the
 * {@code --track} phrases ({@link XRules}); then it opens the stream, a chunked HTTP response of
 * {@code \r\n}-separated JSON lines, and yields each post line untouched as an {@link Formats#X_V2}
 * record.
 *
 * <p>Blank lines are keep-alives. A line with only {@code errors} is a stream problem (an
 * operational disconnect is followed by a reconnect); a line with {@code data} and {@code errors}
 * is a post that could not be fully hydrated and is kept. Lines that are not JSON are passed on,
 * and the decoder rejects them with their bytes kept. The stall rule: no byte at all for {@link
 * XSourceConfig#stallTimeout()} means the stream is dead. X has no resume position (replay is an
 * Enterprise feature), so batches carry none.
 */
public final class XSource extends StreamSource<LineStream> {

    static final String STREAM_PATH = "/2/tweets/search/stream";
    static final String STREAM_QUERY =
            "?tweet.fields=created_at,lang,author_id,public_metrics,entities,referenced_tweets,"
                    + "conversation_id,possibly_sensitive,note_tweet,edit_history_tweet_ids,"
                    + "in_reply_to_user_id"
                    + "&expansions=author_id"
                    + "&user.fields=username,name,verified";
    private static final String OPERATIONAL_DISCONNECT = "operational-disconnect";
    private static final int LINE_QUEUE = 10_000;
    private static final Wording WORDING =
            new Wording(
                    "X",
                    "X stream",
                    "connecting to the X stream",
                    "reading the X stream",
                    "data and no keep-alive");

    private final XSourceConfig config;
    private final XHttp http;
    private final XRules rules;
    private final Clock clock;
    private final XReconnectPolicy policy;
    private boolean rulesSynced;
    private String streamProblem;

    /**
     * @param name the source's name in the journal (normally {@code x})
     * @param config the API root, track phrases and timeouts
     * @param bearerToken the App's bearer token; never logged
     * @param metrics where connection state and counts are reported
     * @param clock the time stamped on received records and used for rate-limit resets
     * @param userAgent sent as {@code User-Agent}, as X asks
     */
    public XSource(
            String name,
            XSourceConfig config,
            String bearerToken,
            SourceMetrics metrics,
            Clock clock,
            String userAgent) {
        super(name, config.stallTimeout(), WORDING, metrics);
        if (bearerToken == null || bearerToken.isBlank()) {
            throw new IllegalArgumentException(
                    "the x source needs a bearer token: " + XHttp.ENV_HINT);
        }
        this.config = config;
        this.clock = clock;
        HttpClient client =
                HttpClient.newBuilder()
                        .connectTimeout(config.connectTimeout())
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build();
        this.http = new XHttp(client, bearerToken.strip(), userAgent, config.connectTimeout());
        this.rules = new XRules(http, config);
        this.policy = new XReconnectPolicy(clock);
    }

    @Override
    public ReconnectPolicy reconnectPolicy() {
        return policy;
    }

    @Override
    protected LineStream open(String position) throws IOException {
        streamProblem = null;
        URI uri = config.resolve(STREAM_PATH + STREAM_QUERY);
        metrics.connecting(uri.toString());
        if (!rulesSynced) {
            rules.sync();
            rulesSynced = true;
        }
        return open(uri);
    }

    private LineStream open(URI uri) throws IOException {
        HttpRequest req = http.request(uri).timeout(config.connectTimeout()).GET().build();
        String doing = "opening the X filtered stream";
        HttpResponse<InputStream> resp =
                http.send(req, HttpResponse.BodyHandlers.ofInputStream(), doing);
        if (resp.statusCode() != 200) {
            throw http.failure(resp.statusCode(), resp.headers(), resp.body(), doing);
        }
        return new LineStream("x-stream-reader", resp.body(), LINE_QUEUE, metrics).start();
    }

    @Override
    protected SourceBatch take(LineStream s, Duration timeout) throws InterruptedException {
        List<RawRecord> records = new ArrayList<>();
        Instant newest = null;
        LineSplitter.Line line = s.poll(timeout);
        while (line != null && records.size() < config.maxBatchEvents()) {
            if (!line.isBlank()) {
                Instant created = route(line, records);
                if (created != null && (newest == null || created.isAfter(newest))) {
                    newest = created;
                }
            }
            // polled only while there is room: a line taken and not routed would be lost
            line = records.size() < config.maxBatchEvents() ? s.pollNow() : null;
        }
        metrics.eventsReceived(records.size(), newest);
        return new SourceBatch(records, null);
    }

    /** Adds a post line to {@code out} and returns its creation time, or handles a problem line. */
    private Instant route(LineSplitter.Line line, List<RawRecord> out) {
        byte[] bytes = line.content();
        JsonNode node;
        try {
            node = http.json().readTree(bytes);
        } catch (IOException e) {
            node = null;
        }
        if (node != null && node.isObject() && !node.has("data") && node.has("errors")) {
            onStreamErrors(node.path("errors"));
            return null;
        }
        out.add(new RawRecord(Formats.X_V2, null, clock.instant(), bytes));
        if (node != null && node.has("errors")) {
            metrics.errorCounted("partial_hydration");
        }
        return node == null ? null : createdAt(node.path("data").path("created_at").asText(null));
    }

    private void onStreamErrors(JsonNode errors) {
        for (JsonNode e : errors) {
            String type = e.path("type").asText("");
            String title = e.path("title").asText("");
            String what = title + (e.has("detail") ? ": " + e.path("detail").asText() : "");
            if (type.endsWith(OPERATIONAL_DISCONNECT) || OPERATIONAL_DISCONNECT.equals(title)) {
                streamProblem = "X disconnected the stream for operational reasons";
                metrics.problem(OPERATIONAL_DISCONNECT, "X stream: " + what);
            } else {
                streamProblem = "X reported " + what;
                metrics.problem("stream_error", "X stream: " + what);
            }
        }
    }

    private static Instant createdAt(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return Instant.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    protected String endReason(LineStream s) {
        IOException f = s.failure();
        String why =
                f != null
                        ? XHttp.describe(f)
                        : streamProblem != null ? streamProblem : "X closed the stream";
        if (s.tornBytes() > 0) {
            why += "; an unfinished line of " + s.tornBytes() + " bytes was dropped";
        }
        return why;
    }

    /** Network-class failures, so {@link XReconnectPolicy} picks X's network backoff. */
    @Override
    protected NotConnectedException notConnected(String message, Throwable cause) {
        return XStreamException.network(message, cause);
    }
}
