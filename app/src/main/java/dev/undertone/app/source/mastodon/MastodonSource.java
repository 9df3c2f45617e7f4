package dev.undertone.app.source.mastodon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.undertone.app.source.LineStream;
import dev.undertone.app.source.ReconnectPolicy;
import dev.undertone.app.source.SourceBatch;
import dev.undertone.app.source.SourceMetrics;
import dev.undertone.app.source.StreamSource;
import dev.undertone.core.decode.Formats;
import dev.undertone.core.decode.RawRecord;
import dev.undertone.core.framing.LineSplitter;
import dev.undertone.core.framing.SseFramer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mastodon's streaming API over Server-Sent Events: a hashtag stream or the federated public
 * timeline of one instance. Yields {@code update}, {@code status.update} and {@code delete} events
 * as {@link Formats#MASTODON} records whose bytes are the event's SSE lines ({@code event: ...\n
 * data: ...\n}) exactly as received, with the instance URL as origin (status ids, and so deletes,
 * are local to it). Other events are ignored; {@code :thump} heartbeats keep the stall timer quiet.
 *
 * <p>The position is the newest status id received. Mastodon has no resume cursor, so a connect
 * with a position first opens the stream and then fetches what was posted in between from the REST
 * timeline ({@code since_id}); those statuses come first, as plain Status JSON records, and their
 * later duplicates on the stream are dropped.
 */
public final class MastodonSource extends StreamSource<LineStream> {

    private static final Logger LOG = LoggerFactory.getLogger(MastodonSource.class);
    private static final Set<String> KEPT_EVENTS = Set.of("update", "status.update", "delete");
    private static final String UPDATE = "update";
    private static final int LINE_QUEUE = 10_000;
    private static final JsonFactory JSON = new JsonFactory();
    private static final Wording WORDING =
            new Wording(
                    "Mastodon",
                    "Mastodon stream",
                    "connecting to the Mastodon stream",
                    "reading the Mastodon stream",
                    "event and no heartbeat");

    private final MastodonSourceConfig config;
    private final MastodonHttp http;
    private final MastodonBackfill backfill;
    private final Clock clock;
    private final String origin;
    private final ObjectMapper mapper = new ObjectMapper();
    private final SseFramer framer = new SseFramer();
    private final Deque<RawRecord> backlog = new ArrayDeque<>();
    private final Set<String> backfilledIds = new HashSet<>();
    private URI streamingRoot;
    private String newestId;
    private String returnedId;

    /**
     * @param name the source's name in the journal (normally {@code mastodon})
     * @param config the instance, the stream and timeouts
     * @param token a user access token, or null for instances that stream without one
     * @param metrics where connection state and counts are reported
     * @param clock the time stamped on received records
     * @param userAgent sent as {@code User-Agent}
     */
    public MastodonSource(
            String name,
            MastodonSourceConfig config,
            String token,
            SourceMetrics metrics,
            Clock clock,
            String userAgent) {
        super(name, config.stallTimeout(), WORDING, metrics);
        this.config = config;
        this.clock = clock;
        HttpClient client =
                HttpClient.newBuilder()
                        .connectTimeout(config.connectTimeout())
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build();
        this.http = new MastodonHttp(client, token, userAgent, config.connectTimeout());
        this.backfill = new MastodonBackfill(http, config);
        this.origin = config.instanceUrl().toString();
        this.streamingRoot = config.streamingUrl();
    }

    @Override
    public ReconnectPolicy reconnectPolicy() {
        return (attempt, failure) -> {
            if (failure instanceof MastodonHttp.StatusException s && s.retryAt != null) {
                Duration wait = Duration.between(clock.instant(), s.retryAt);
                return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
            }
            return ReconnectPolicy.DEFAULT.delay(attempt, failure);
        };
    }

    @Override
    protected LineStream open(String position) throws IOException {
        framer.reset();
        backlog.clear();
        backfilledIds.clear();
        newestId = position == null || position.isBlank() ? null : position.strip();
        returnedId = newestId;
        if (streamingRoot == null) {
            streamingRoot = new MastodonStreamingHost(http, config).discover();
        }
        URI uri = MastodonSourceConfig.resolve(streamingRoot, streamPath());
        metrics.connecting(uri.toString());
        LineStream stream = open(uri);
        try {
            if (newestId != null) {
                fillGap(newestId);
            }
        } catch (IOException | RuntimeException e) {
            stream.shutdown();
            throw e;
        }
        return stream;
    }

    private String streamPath() {
        return config.hashtag() == null
                ? "/api/v1/streaming/public"
                : "/api/v1/streaming/hashtag?tag="
                        + URLEncoder.encode(config.hashtag(), StandardCharsets.UTF_8);
    }

    private LineStream open(URI uri) throws IOException {
        String doing = "opening the Mastodon stream";
        HttpResponse<InputStream> resp =
                http.send(
                        http.request(uri).header("Accept", "text/event-stream").GET().build(),
                        doing);
        if (resp.statusCode() != 200) {
            throw http.failure(resp, doing);
        }
        return new LineStream("mastodon-sse-reader", resp.body(), LINE_QUEUE, metrics).start();
    }

    private void fillGap(String sinceId) throws IOException {
        MastodonBackfill.Result r;
        try {
            r = backfill.since(sinceId);
        } catch (JsonProcessingException e) {
            metrics.gap(
                    "the timeline for the backfill was not valid JSON; posts since "
                            + sinceId
                            + " may be missing");
            return;
        }
        for (MastodonBackfill.Status s : r.statuses()) {
            backlog.add(new RawRecord(Formats.MASTODON, origin, clock.instant(), s.json()));
            backfilledIds.add(s.id());
        }
        if (!r.complete()) {
            metrics.gap(
                    "the backfill stopped after "
                            + config.backfillPages()
                            + " pages; older posts since "
                            + sinceId
                            + " are missing");
        }
        LOG.info("Backfilled {} Mastodon statuses posted since {}.", r.statuses().size(), sinceId);
    }

    @Override
    protected SourceBatch take(LineStream s, Duration timeout) throws InterruptedException {
        List<RawRecord> records = new ArrayList<>();
        while (!backlog.isEmpty() && records.size() < config.maxBatchEvents()) {
            records.add(backlog.poll());
        }
        for (RawRecord r : records) {
            newestId = StatusIds.max(newestId, statusId(r.payload()));
        }
        LineSplitter.Line line = records.isEmpty() ? s.poll(timeout) : s.pollNow();
        Instant newest = null;
        while (line != null && records.size() < config.maxBatchEvents()) {
            SseFramer.Event e = framer.accept(line);
            if (e != null) {
                Instant t = route(e, records);
                newest = t != null && (newest == null || t.isAfter(newest)) ? t : newest;
            }
            // polled only while there is room: a line taken and not framed would be lost
            line = records.size() < config.maxBatchEvents() ? s.pollNow() : null;
        }
        metrics.eventsReceived(records.size(), newest);
        // an unchanged position is left out, so an idle stream does not make the journal write
        String position = Objects.equals(newestId, returnedId) ? null : newestId;
        returnedId = newestId;
        return new SourceBatch(records, position);
    }

    /** Keeps a wanted event; returns the status's creation time for the lag, when known. */
    private Instant route(SseFramer.Event e, List<RawRecord> out) {
        if (!KEPT_EVENTS.contains(e.type())) {
            LOG.debug("Ignored Mastodon event '{}'.", e.type());
            return null;
        }
        JsonNode status = null;
        if (!e.type().equals("delete") && e.data() != null) {
            try {
                status = mapper.readTree(e.data());
            } catch (JsonProcessingException ex) {
                status = null;
            }
        }
        String id = status == null ? null : status.path("id").asText(null);
        if (e.type().equals(UPDATE) && id != null && backfilledIds.contains(id)) {
            return null;
        }
        out.add(new RawRecord(Formats.MASTODON, origin, clock.instant(), e.raw()));
        if (id != null) {
            newestId = StatusIds.max(newestId, id);
        }
        String created = status == null ? null : status.path("created_at").asText(null);
        try {
            return created == null ? null : Instant.parse(created);
        } catch (java.time.format.DateTimeParseException ex) {
            return null;
        }
    }

    private static String statusId(byte[] json) {
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken v = p.nextToken();
                if ("id".equals(f) && v == JsonToken.VALUE_STRING) {
                    return p.getText();
                }
                p.skipChildren();
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    @Override
    protected String endReason(LineStream s) {
        IOException f = s.failure();
        return f != null ? MastodonHttp.describe(f) : "the server closed the stream";
    }
}
