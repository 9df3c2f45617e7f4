package dev.undertone.app.source.mastodon;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Settings of the Mastodon streaming source.
 *
 * @param instanceUrl the instance's REST root ({@code --mastodon-url}), e.g. {@code
 *     https://mastodon.social}
 * @param streamingUrl where the streaming API is served; null to ask the instance ({@code
 *     /api/v2/instance}), falling back on {@code instanceUrl}
 * @param hashtag the hashtag to stream (without {@code #}), or null for the federated public
 *     timeline
 * @param stallTimeout how long the stream may be silent (the server sends {@code :thump} every 15
 *     s) before it is treated as dead
 * @param connectTimeout how long connecting and receiving response headers may take
 * @param backfillPages the most REST pages (of 40 statuses) fetched after a reconnect to fill the
 *     gap; a longer gap is reported
 * @param maxBatchEvents the most records returned by one {@code read}
 */
public record MastodonSourceConfig(
        URI instanceUrl,
        URI streamingUrl,
        String hashtag,
        Duration stallTimeout,
        Duration connectTimeout,
        int backfillPages,
        int maxBatchEvents) {

    /** The instance used when none is given. */
    public static final URI DEFAULT_INSTANCE = URI.create("https://mastodon.social");

    public MastodonSourceConfig {
        instanceUrl = checkHttp(instanceUrl == null ? DEFAULT_INSTANCE : instanceUrl);
        streamingUrl = streamingUrl == null ? null : checkHttp(streamingUrl);
        if (hashtag != null) {
            hashtag = hashtag.strip();
            hashtag = hashtag.startsWith("#") ? hashtag.substring(1) : hashtag;
            if (hashtag.isEmpty() || !hashtag.matches("[\\p{L}\\p{N}_]+")) {
                throw new IllegalArgumentException(
                        "a Mastodon hashtag has only letters, digits and _; got '" + hashtag + "'");
            }
        }
        stallTimeout = positive(stallTimeout, Duration.ofSeconds(60), "stall_timeout");
        connectTimeout = positive(connectTimeout, Duration.ofSeconds(10), "connect_timeout");
        backfillPages = backfillPages <= 0 ? 10 : backfillPages;
        maxBatchEvents = maxBatchEvents <= 0 ? 1000 : maxBatchEvents;
    }

    /**
     * The defaults for an instance and the {@code --track} phrases: one single-word phrase streams
     * that hashtag; anything else streams the public timeline (the track stage filters it).
     */
    public static MastodonSourceConfig of(URI instanceUrl, List<String> trackPhrases) {
        String tag = null;
        if (trackPhrases != null && trackPhrases.size() == 1) {
            String p = trackPhrases.get(0).strip();
            String bare = p.startsWith("#") ? p.substring(1) : p;
            if (bare.matches("[\\p{L}\\p{N}_]+")) {
                tag = bare;
            }
        }
        return new MastodonSourceConfig(instanceUrl, null, tag, null, null, 0, 0);
    }

    /** A copy with other timeouts (tests use short ones). */
    public MastodonSourceConfig withTimeouts(Duration stall, Duration connect) {
        return new MastodonSourceConfig(
                instanceUrl, streamingUrl, hashtag, stall, connect, backfillPages, maxBatchEvents);
    }

    private static URI checkHttp(URI u) {
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
            throw new IllegalArgumentException(
                    "--mastodon-url must be an http:// or https:// URL, got '" + u + "'");
        }
        return u;
    }

    private static Duration positive(Duration d, Duration dflt, String key) {
        if (d == null) {
            return dflt;
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("mastodon." + key + " must be > 0");
        }
        return d;
    }

    /** {@code root} joined with an absolute API path and optional query. */
    static URI resolve(URI root, String pathAndQuery) {
        String base = root.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + pathAndQuery);
    }
}
