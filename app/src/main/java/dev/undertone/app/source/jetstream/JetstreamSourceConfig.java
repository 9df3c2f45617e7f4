package dev.undertone.app.source.jetstream;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Settings of the Bluesky Jetstream source. Built and checked once; every value has a default that
 * works against the public instances.
 *
 * @param endpoints Jetstream {@code /subscribe} URLs, tried in turn: the next one after each
 *     failure (a bare {@code wss://host} gets {@code /subscribe} appended)
 * @param wantedCollections collection NSIDs the server filters on (at most 100)
 * @param cursorRewind how far before the last journaled {@code time_us} a resume starts, so no
 *     event is missed when switching hosts (duplicates are dropped)
 * @param zstdDictionary the Jetstream zstd dictionary file; when set, the stream is requested
 *     compressed ({@code compress=true}) and decompressed with it; null for plain JSON
 * @param stallTimeout how long a connection may go without any event before it is dropped and
 *     reconnected (also the WebSocket ping timeout)
 * @param connectTimeout how long the TCP connect plus WebSocket handshake may take
 * @param gapThreshold how much later than the requested cursor the first replayed event may be
 *     before a gap is reported (the server keeps about a day; older cursors are clamped)
 * @param maxBatchEvents the most events returned by one {@code read}
 * @param queueCapacity the most received events held before the socket reader waits
 */
public record JetstreamSourceConfig(
        List<URI> endpoints,
        List<String> wantedCollections,
        Duration cursorRewind,
        Path zstdDictionary,
        Duration stallTimeout,
        Duration connectTimeout,
        Duration gapThreshold,
        int maxBatchEvents,
        int queueCapacity) {

    /** The public instances Bluesky runs, in the order they are tried. */
    public static final List<URI> PUBLIC_ENDPOINTS =
            List.of(
                    URI.create("wss://jetstream1.us-east.bsky.network/subscribe"),
                    URI.create("wss://jetstream2.us-east.bsky.network/subscribe"),
                    URI.create("wss://jetstream1.us-west.bsky.network/subscribe"),
                    URI.create("wss://jetstream2.us-west.bsky.network/subscribe"));

    /** The collection of Bluesky posts. */
    public static final String POSTS = "app.bsky.feed.post";

    private static final int MAX_COLLECTIONS = 100;
    private static final String SUBSCRIBE = "/subscribe";

    public JetstreamSourceConfig {
        endpoints = endpoints == null || endpoints.isEmpty() ? PUBLIC_ENDPOINTS : endpoints;
        endpoints = endpoints.stream().map(JetstreamSourceConfig::subscribeUri).toList();
        wantedCollections =
                wantedCollections == null || wantedCollections.isEmpty()
                        ? List.of(POSTS)
                        : List.copyOf(wantedCollections);
        if (wantedCollections.size() > MAX_COLLECTIONS) {
            throw new IllegalArgumentException(
                    "jetstream.wanted_collections has "
                            + wantedCollections.size()
                            + " entries; Jetstream accepts at most "
                            + MAX_COLLECTIONS);
        }
        cursorRewind = orDefault(cursorRewind, Duration.ofSeconds(5), "cursor_rewind");
        stallTimeout = orDefault(stallTimeout, Duration.ofSeconds(60), "stall_timeout");
        connectTimeout = orDefault(connectTimeout, Duration.ofSeconds(10), "connect_timeout");
        gapThreshold = orDefault(gapThreshold, Duration.ofSeconds(60), "gap_threshold");
        maxBatchEvents = maxBatchEvents <= 0 ? 4096 : maxBatchEvents;
        queueCapacity = queueCapacity <= 0 ? 20_000 : queueCapacity;
    }

    /** The defaults with these endpoints (the public instances when empty). */
    public static JetstreamSourceConfig of(List<URI> endpoints) {
        return new JetstreamSourceConfig(endpoints, null, null, null, null, null, null, 0, 0);
    }

    /** A copy with another dictionary (compression on) or null (off). */
    public JetstreamSourceConfig withZstdDictionary(Path dictionary) {
        return new JetstreamSourceConfig(
                endpoints,
                wantedCollections,
                cursorRewind,
                dictionary,
                stallTimeout,
                connectTimeout,
                gapThreshold,
                maxBatchEvents,
                queueCapacity);
    }

    /** A copy with other timeouts (tests use short ones). */
    public JetstreamSourceConfig withTimeouts(Duration stall, Duration connect) {
        return new JetstreamSourceConfig(
                endpoints,
                wantedCollections,
                cursorRewind,
                zstdDictionary,
                stall,
                connect,
                gapThreshold,
                maxBatchEvents,
                queueCapacity);
    }

    private static Duration orDefault(Duration d, Duration dflt, String key) {
        if (d == null) {
            return dflt;
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("jetstream." + key + " must be > 0");
        }
        return d;
    }

    private static URI subscribeUri(URI u) {
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw new IllegalArgumentException(
                    "--jetstream-url must be a ws:// or wss:// URL, got '" + u + "'");
        }
        if (u.getHost() == null) {
            throw new IllegalArgumentException("--jetstream-url has no host: '" + u + "'");
        }
        String path = u.getRawPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return URI.create(
                    scheme
                            + "://"
                            + u.getRawAuthority()
                            + SUBSCRIBE
                            + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
        }
        return u;
    }
}
