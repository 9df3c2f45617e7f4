package dev.undertone.app.source.x;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Settings of the X API v2 filtered-stream source. The bearer token is not part of it (so it can
 * never be printed with the config); the source gets it separately.
 *
 * @param baseUrl the API root, {@code https://api.x.com} by default ({@code --x-url})
 * @param trackPhrases the {@code --track} phrases; each becomes one stream rule tagged with the
 *     phrase, so {@code matching_rules[].tag} names the phrase a post matched
 * @param stallTimeout how long the stream may send nothing, not even a keep-alive, before it is
 *     treated as dead (X sends a keep-alive every 20 s; 21 s tolerates a late one)
 * @param connectTimeout how long connecting and receiving the response headers may take
 * @param maxBatchEvents the most posts returned by one {@code read}
 */
public record XSourceConfig(
        URI baseUrl,
        List<String> trackPhrases,
        Duration stallTimeout,
        Duration connectTimeout,
        int maxBatchEvents) {

    /** The public API root. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.x.com");

    public XSourceConfig {
        baseUrl = baseUrl == null ? DEFAULT_BASE_URL : baseUrl;
        String scheme =
                baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || baseUrl.getHost() == null) {
            throw new IllegalArgumentException(
                    "--x-url must be an http:// or https:// URL, got '" + baseUrl + "'");
        }
        trackPhrases = trackPhrases == null ? List.of() : List.copyOf(trackPhrases);
        if (trackPhrases.isEmpty()) {
            throw new IllegalArgumentException(
                    "--track is required with --source x: the filtered stream delivers only posts"
                            + " matching rules, and each tracked phrase becomes one rule");
        }
        stallTimeout = positive(stallTimeout, Duration.ofSeconds(21), "stall_timeout");
        connectTimeout = positive(connectTimeout, Duration.ofSeconds(10), "connect_timeout");
        maxBatchEvents = maxBatchEvents <= 0 ? 1000 : maxBatchEvents;
    }

    /** The defaults for these phrases against {@code baseUrl} (null for the public API). */
    public static XSourceConfig of(URI baseUrl, List<String> trackPhrases) {
        return new XSourceConfig(baseUrl, trackPhrases, null, null, 0);
    }

    /** A copy with other timeouts (tests use short ones). */
    public XSourceConfig withTimeouts(Duration stall, Duration connect) {
        return new XSourceConfig(baseUrl, trackPhrases, stall, connect, maxBatchEvents);
    }

    private static Duration positive(Duration d, Duration dflt, String key) {
        if (d == null) {
            return dflt;
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("x." + key + " must be > 0");
        }
        return d;
    }

    /** {@code baseUrl} joined with an absolute API path and optional query. */
    URI resolve(String pathAndQuery) {
        String base = baseUrl.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + pathAndQuery);
    }
}
