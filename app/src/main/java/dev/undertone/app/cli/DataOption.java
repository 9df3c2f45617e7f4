package dev.undertone.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data DIR}: where the journal, the index and rejected records live. */
public final class DataOption {
    /** The default data directory, relative to the working directory. */
    public static final String DEFAULT = "./undertone-data";

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = DEFAULT,
            description =
                    "Data directory (journal, index, rejected records). Default: ${DEFAULT-VALUE}.")
    Path dir;

    /** The data directory chosen. */
    public Path dir() {
        return dir;
    }
}
