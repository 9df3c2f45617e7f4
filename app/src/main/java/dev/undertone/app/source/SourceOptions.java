package dev.undertone.app.source;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * What {@link Sources#create} needs from the command line: the track phrases, endpoint overrides,
 * secrets and where metrics go.
 *
 * @param trackPhrases the {@code --track} phrases (as {@code TrackRules.phrases()} gives them);
 *     empty keeps every post
 * @param jetstreamUrls {@code --jetstream-url} values; empty for Bluesky's public instances
 * @param jetstreamZstdDictionary the Jetstream zstd dictionary file; when set, Jetstream is asked
 *     for compressed messages
 * @param xUrl {@code --x-url}; null for {@code https://api.x.com}
 * @param mastodonUrl {@code --mastodon-url}; null for {@code https://mastodon.social}
 * @param secrets tokens from the environment or {@code --secrets FILE}
 * @param registry where each source registers its meters
 * @param clock the clock stamped on received records
 */
public record SourceOptions(
        List<String> trackPhrases,
        List<URI> jetstreamUrls,
        Path jetstreamZstdDictionary,
        URI xUrl,
        URI mastodonUrl,
        Secrets secrets,
        MeterRegistry registry,
        Clock clock) {

    public SourceOptions {
        trackPhrases = trackPhrases == null ? List.of() : List.copyOf(trackPhrases);
        jetstreamUrls = jetstreamUrls == null ? List.of() : List.copyOf(jetstreamUrls);
        secrets = secrets == null ? Secrets.none() : secrets;
        registry = registry == null ? new SimpleMeterRegistry() : registry;
        clock = clock == null ? Clock.systemUTC() : clock;
    }

    /** Defaults everywhere: public endpoints, no phrases, secrets from the environment. */
    public static SourceOptions defaults() {
        return new SourceOptions(
                null, null, null, null, null, Secrets.fromEnvironment(), null, null);
    }

    private static void add(List<String> out, StringBuilder cur) {
        String p = cur.toString().strip();
        if (!p.isEmpty()) {
            out.add(p);
        }
        cur.setLength(0);
    }
}
