package dev.undertone.app.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --retain DURATION}: posts older than this are removed from the index. */
public final class RetainOption {
    @Option(
            names = "--retain",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description =
                    "Remove posts created longer ago than this from the index (e.g. 7d, 12h)."
                            + " Default: keep everything.")
    Duration retain;

    /** The retention, or null to keep everything. */
    public Duration duration() {
        if (retain != null && (retain.isNegative() || retain.isZero())) {
            throw new UsageException("--retain must be a positive duration");
        }
        return retain;
    }
}
