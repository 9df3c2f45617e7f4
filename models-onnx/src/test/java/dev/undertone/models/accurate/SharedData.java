package dev.undertone.models.accurate;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's shared labelled data: {@code ../shared/data} beside the repository. */
final class SharedData {

    private SharedData() {}

    /** {@code shared/data/SUB} found from the working directory upwards. */
    static Path dir(String sub) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/data").resolve(sub);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "no shared/data/" + sub + " beside the repository or above it");
    }
}
