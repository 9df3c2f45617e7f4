package dev.undertone.app.source.jetstream;

import dev.undertone.app.source.SourceBatch;
import dev.undertone.app.source.SourceMetrics;
import dev.undertone.app.source.StreamSource;
import dev.undertone.core.decode.Formats;
import dev.undertone.core.decode.RawRecord;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bluesky's Jetstream over WebSocket: the keyless default source. Subscribes to the configured
 * collections (posts by default), yields each event's JSON untouched as a {@link Formats#JETSTREAM}
 * record, and uses the newest {@code time_us} as its position.
 *
 * <p>Resuming passes {@code cursor} = position minus a rewind of a few seconds, so nothing is
 * missed even on another instance; the events replayed by the rewind that were already accepted are
 * recognised and dropped. Each failure moves on to the next configured host. A resume older than
 * the server's retention (about a day) is clamped by the server without an error: the source
 * notices the jump and reports a gap; a Jetstream v2 server refuses it instead ({@code
 * CursorTooOld}, HTTP 400 before the upgrade), and the source resumes from live with a gap
 * reported. Optional zstd compression uses Jetstream's dictionary.
 *
 * <p>The position is always the {@code time_us}, never v2's {@code cursor} field (a sequence number
 * local to one instance), so it stays valid on any host; the rewind covers the hosts' clock and
 * ingest differences. The replay dedupe is in memory, so after a restart the rewound events are
 * journaled again: harmless, since the store ignores a version older than the one it holds
 * (revisions) and a create seen again only rewrites the same post. Events of kinds no post comes
 * from ({@code sync}, later ones) are counted by kind and passed on for the decoder to skip.
 */
public final class JetstreamSource extends StreamSource<JetstreamConnection> {

    private static final Logger LOG = LoggerFactory.getLogger(JetstreamSource.class);
    private static final long MICROS_PER_MILLI = 1000;
    private static final int HTTP_BAD_REQUEST = 400;
    private static final Wording WORDING =
            new Wording(
                    "Jetstream",
                    "Jetstream connection",
                    "connecting to Jetstream",
                    "reading from Jetstream",
                    "event");

    private final JetstreamSourceConfig config;
    private final Clock clock;
    private final ZstdFrameDecoder zstd;
    private final ReplayDedupe dedupe;
    private final Map<String, String> headers;
    private int hostIndex;
    private long newestTimeUs = -1;
    private long requestedCursor = -1;
    private boolean gapChecked = true;
    private long duplicates;
    private boolean cursorRefused;
    private final Set<String> reported = new java.util.HashSet<>();

    /**
     * @param name the source's name in the journal (normally {@code bluesky})
     * @param config endpoints, filters and timeouts
     * @param metrics where connection state and counts are reported
     * @param clock the time stamped on received records
     * @param userAgent sent as {@code User-Agent}
     * @throws IOException when the configured zstd dictionary cannot be read
     */
    public JetstreamSource(
            String name,
            JetstreamSourceConfig config,
            SourceMetrics metrics,
            Clock clock,
            String userAgent)
            throws IOException {
        super(name, config.stallTimeout(), WORDING, metrics);
        this.config = config;
        this.clock = clock;
        this.zstd =
                config.zstdDictionary() == null
                        ? null
                        : ZstdFrameDecoder.load(config.zstdDictionary());
        long windowUs = (config.cursorRewind().toMillis() + config.gapThreshold().toMillis());
        this.dedupe = new ReplayDedupe(windowUs * MICROS_PER_MILLI);
        this.headers = Map.of("User-Agent", userAgent);
    }

    @Override
    protected JetstreamConnection open(String position) throws IOException {
        dedupe.discardPending();
        long resumeUs = parsePosition(position);
        newestTimeUs = resumeUs;
        requestedCursor =
                resumeUs < 0 ? -1 : resumeUs - config.cursorRewind().toMillis() * MICROS_PER_MILLI;
        if (cursorRefused && requestedCursor >= 0) {
            // the last server refused this cursor as older than it keeps: resume live, once
            metrics.gap(
                    "the server refused the resume cursor "
                            + requestedCursor
                            + " (CursorTooOld: older than it keeps); resuming from live, so the"
                            + " events since then are missing");
            requestedCursor = -1;
        }
        cursorRefused = false;
        gapChecked = requestedCursor < 0;
        URI endpoint = config.endpoints().get(hostIndex % config.endpoints().size());
        URI uri = subscribeUri(endpoint, requestedCursor);
        metrics.connecting(uri.toString());
        JetstreamConnection c =
                new JetstreamConnection(
                        uri,
                        headers,
                        config.connectTimeout(),
                        config.stallTimeout(),
                        config.queueCapacity(),
                        metrics,
                        clock);
        try {
            c.open(config.connectTimeout());
        } catch (IOException e) {
            // A Jetstream v2 server refuses a cursor older than its lookback with HTTP 400
            // CursorTooOld before the upgrade (a v1 server clamps it silently instead). Our cursor
            // is always a valid number, so a 400 to a resume means that: the next try goes live.
            cursorRefused = requestedCursor >= 0 && HandshakeStatus.of(e) == HTTP_BAD_REQUEST;
            throw e;
        }
        return c;
    }

    /** Each failure moves on to the next configured host. */
    @Override
    protected void onFailure() {
        hostIndex++;
    }

    private long parsePosition(String position) {
        if (position == null || position.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(position.strip());
        } catch (NumberFormatException e) {
            LOG.warn(
                    "Ignoring journaled Jetstream position '{}': not a time_us; starting live.",
                    position);
            return -1;
        }
    }

    URI subscribeUri(URI endpoint, long cursor) {
        StringBuilder q = new StringBuilder();
        if (endpoint.getRawQuery() != null) {
            q.append(endpoint.getRawQuery());
        }
        for (String c : config.wantedCollections()) {
            append(q, "wantedCollections", c);
        }
        if (cursor >= 0) {
            append(q, "cursor", Long.toString(cursor));
        }
        if (zstd != null) {
            append(q, "compress", "true");
        }
        String base = endpoint.toString();
        int cut = base.indexOf('?');
        return URI.create((cut < 0 ? base : base.substring(0, cut)) + "?" + q);
    }

    private static void append(StringBuilder q, String key, String value) {
        if (q.length() > 0) {
            q.append('&');
        }
        q.append(key).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    @Override
    protected SourceBatch take(JetstreamConnection c, Duration timeout)
            throws InterruptedException {
        // being asked again means the previous batch was journaled
        dedupe.commit();
        JetstreamConnection.Frame first = c.poll(timeout);
        if (first == null) {
            return SourceBatch.empty();
        }
        List<RawRecord> records = new ArrayList<>(Math.min(config.maxBatchEvents(), 256));
        long newestBefore = newestTimeUs;
        JetstreamConnection.Frame f = first;
        while (f != null) {
            accept(f, records);
            f = records.size() < config.maxBatchEvents() ? c.pollNow() : null;
        }
        Instant eventTime =
                newestTimeUs > newestBefore ? Instant.ofEpochMilli(newestTimeUs / 1000) : null;
        metrics.eventsReceived(records.size(), eventTime);
        return new SourceBatch(records, newestTimeUs < 0 ? null : Long.toString(newestTimeUs));
    }

    private void accept(JetstreamConnection.Frame f, List<RawRecord> out) {
        byte[] json = f.bytes();
        if (f.binary()) {
            json = inflate(json);
        }
        long timeUs = JetstreamEvents.timeUs(json);
        if (timeUs > 0) {
            checkGap(timeUs);
            newestTimeUs = Math.max(newestTimeUs, timeUs);
        }
        String otherKind = JetstreamEvents.otherKind(json);
        if (otherKind != null) {
            // v2's sync and later kinds: journaled as they are, no post comes from them
            metrics.ignoredKind(otherKind);
        }
        long id = JetstreamEvents.identity(json);
        if (dedupe.seen(id)) {
            duplicates++;
            LOG.debug(
                    "Dropped a replayed Jetstream event already journaled ({} so far).",
                    duplicates);
            return;
        }
        dedupe.add(id, timeUs);
        out.add(new RawRecord(Formats.JETSTREAM, null, f.receivedAt(), json));
    }

    /**
     * Decompresses a binary message; one that cannot be (no dictionary configured, corrupt bytes)
     * is passed on as it is, so the decoder rejects it with its bytes kept.
     */
    private byte[] inflate(byte[] frame) {
        if (zstd == null) {
            reportOnce("unexpected_binary", "a binary message arrived on an uncompressed stream");
            return frame;
        }
        try {
            return zstd.decompress(frame);
        } catch (IOException e) {
            reportOnce("zstd", e.getMessage());
            return frame;
        }
    }

    private void reportOnce(String type, String message) {
        if (reported.add(type)) {
            metrics.problem(
                    type, message + " (passed on for the decoder to reject; counted after this)");
        } else {
            metrics.errorCounted(type);
        }
    }

    private void checkGap(long timeUs) {
        if (gapChecked) {
            return;
        }
        gapChecked = true;
        long lateMs = (timeUs - requestedCursor) / MICROS_PER_MILLI;
        if (lateMs > config.gapThreshold().toMillis()) {
            metrics.gap(
                    "the server replayed from time_us "
                            + timeUs
                            + ", "
                            + Duration.ofMillis(lateMs).toSeconds()
                            + " s after the requested cursor "
                            + requestedCursor
                            + " (older than it keeps); posts in between are missing");
        }
    }

    @Override
    protected String endReason(JetstreamConnection c) {
        return c.endReason();
    }
}
