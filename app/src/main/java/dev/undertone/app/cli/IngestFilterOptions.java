package dev.undertone.app.cli;

import dev.undertone.core.track.LanguageFilter;
import dev.undertone.core.track.TrackRules;
import picocli.CommandLine.Option;

/**
 * {@code --track T} and {@code --lang L} of the ingesting commands ({@code run}, {@code replay}):
 * which posts to keep, as CONTRACT.md defines it.
 */
public final class IngestFilterOptions {
    @Option(
            names = "--track",
            paramLabel = "T",
            description =
                    "Keep posts matching any comma-separated phrase; the words of a phrase must all"
                            + " occur (any order, case-insensitive, #hashtags too); \"quoted\""
                            + " phrases must occur as written. At most 1,000 phrases, each once."
                            + " Default: keep every post.")
    String track;

    @Option(
            names = "--lang",
            paramLabel = "L",
            description =
                    "Keep posts in these comma-separated languages (e.g. en,es), from the post's"
                            + " metadata or detected. Default: every language.")
    String lang;

    /** The parsed track rules. */
    public TrackRules rules() {
        try {
            return TrackRules.parseStrict(track);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--track: " + e.getMessage());
        }
    }

    /** The parsed language filter. */
    public LanguageFilter languages() {
        try {
            return LanguageFilter.parse(lang);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--lang: " + e.getMessage());
        }
    }

    /** The raw {@code --track} value, or null. */
    public String track() {
        return track;
    }
}
