package dev.undertone.app.source;

import dev.undertone.app.source.file.FileSource;
import dev.undertone.app.source.file.FileSourceConfig;
import dev.undertone.app.source.file.StdinSource;
import dev.undertone.app.source.jetstream.JetstreamSource;
import dev.undertone.app.source.jetstream.JetstreamSourceConfig;
import dev.undertone.app.source.mastodon.MastodonSource;
import dev.undertone.app.source.mastodon.MastodonSourceConfig;
import dev.undertone.app.source.x.XSource;
import dev.undertone.app.source.x.XSourceConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Builds the sources named on the command line ({@code --source
 * bluesky|x|mastodon|file:PATH|stdin}), in one place for {@code run} and {@code ingest}.
 */
public final class Sources {

    /** Bluesky via Jetstream: keyless, the default. */
    public static final String BLUESKY = "bluesky";

    /** The X API v2 filtered stream: needs {@code UNDERTONE_X_BEARER_TOKEN}. */
    public static final String X = "x";

    /** Mastodon streaming: needs {@code UNDERTONE_MASTODON_TOKEN} on Mastodon 4.2+. */
    public static final String MASTODON = "mastodon";

    /** The live source names this factory knows. */
    public static final List<String> LIVE = List.of(BLUESKY, X, MASTODON);

    /** {@code file:PATH}: the records of a file, resumable. */
    public static final String FILE_PREFIX = "file:";

    /** Standard input, read to its end. */
    public static final String STDIN = "stdin";

    private Sources() {}

    /**
     * True unless {@code spec} names a file or stdin: a live stream, whose alert windows also close
     * by the wall clock.
     */
    public static boolean isLive(String spec) {
        return !spec.startsWith(FILE_PREFIX) && !STDIN.equals(spec);
    }

    /**
     * The source {@code spec} names: {@code file:PATH}, {@code stdin} (both of record format {@code
     * format}) or a live source as {@link #create} builds it.
     *
     * @throws IllegalArgumentException naming the option when the file cannot be read, the spec is
     *     unknown or a live source's option or token is missing (a usage error)
     */
    public static Source open(String spec, String format, SourceOptions opts) {
        if (spec.startsWith(FILE_PREFIX)) {
            Path file = Path.of(spec.substring(FILE_PREFIX.length()));
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("--source: cannot read " + file);
            }
            return new FileSource(FileSourceConfig.of(file, format));
        }
        if (STDIN.equals(spec)) {
            return new StdinSource(System.in, format);
        }
        return create(spec, opts);
    }

    /**
     * The source named {@code spec}, not yet connected (the pipeline connects it).
     *
     * @throws IllegalArgumentException naming the option when the spec is unknown, an option is
     *     invalid or a required token is missing (a usage error: exit status 2)
     * @throws UncheckedIOException when a file the options name (the zstd dictionary) cannot be
     *     read
     */
    public static Source create(String spec, SourceOptions opts) {
        String s = spec == null ? BLUESKY : spec.toLowerCase(Locale.ROOT);
        String agent = userAgent();
        return switch (s) {
            case BLUESKY -> jetstream(opts, agent);
            case X -> {
                String token =
                        opts.secrets()
                                .get(Secrets.X_BEARER_TOKEN)
                                .orElseThrow(
                                        () ->
                                                new IllegalArgumentException(
                                                        "--source x needs a bearer token: set "
                                                                + Secrets.X_BEARER_TOKEN
                                                                + " or give it in --secrets FILE"));
                XSourceConfig cfg = XSourceConfig.of(opts.xUrl(), opts.trackPhrases());
                yield new XSource(X, cfg, token, metrics(X, opts), opts.clock(), agent);
            }
            case MASTODON -> {
                MastodonSourceConfig cfg =
                        MastodonSourceConfig.of(opts.mastodonUrl(), opts.trackPhrases());
                String token = opts.secrets().get(Secrets.MASTODON_TOKEN).orElse(null);
                yield new MastodonSource(
                        MASTODON, cfg, token, metrics(MASTODON, opts), opts.clock(), agent);
            }
            default ->
                    throw new IllegalArgumentException(
                            "--source: unknown live source '"
                                    + spec
                                    + "'; expected one of "
                                    + LIVE);
        };
    }

    private static Source jetstream(SourceOptions opts, String agent) {
        JetstreamSourceConfig cfg =
                JetstreamSourceConfig.of(opts.jetstreamUrls())
                        .withZstdDictionary(opts.jetstreamZstdDictionary());
        try {
            return new JetstreamSource(BLUESKY, cfg, metrics(BLUESKY, opts), opts.clock(), agent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SourceMetrics metrics(String name, SourceOptions opts) {
        return new SourceMetrics(name, opts.registry(), opts.clock(), opts.secrets());
    }

    /** {@code undertone/<version>}, as X asks clients to identify themselves. */
    static String userAgent() {
        String v = Sources.class.getPackage().getImplementationVersion();
        return "undertone/" + (v == null ? "dev" : v);
    }
}
