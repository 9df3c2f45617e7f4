package dev.undertone.app.cli;

import dev.undertone.app.source.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --secrets FILE}: the {@code UNDERTONE_*} tokens (source tokens, the API token, the
 * OpenSearch password) from a file of {@code NAME=value} lines, over those of the environment.
 */
public final class SecretsOption {
    @Option(
            names = "--secrets",
            paramLabel = "FILE",
            description =
                    "File of NAME=value lines for the UNDERTONE_* tokens (else from the env).")
    Path file;

    /**
     * The environment's secrets, overridden by the file's when one is given.
     *
     * @throws UsageException when the file cannot be read
     * @throws IllegalArgumentException naming the line when a line is malformed
     */
    public Secrets secrets() throws IOException {
        if (file == null) {
            return Secrets.fromEnvironment();
        }
        if (!Files.isReadable(file)) {
            throw new UsageException("--secrets: cannot read " + file);
        }
        return Secrets.load(file, System.getenv());
    }
}
