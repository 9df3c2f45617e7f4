package dev.undertone.core.sentiment.fast;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads and saves {@link FastModel}s: the one shipped in the jar, or a file from {@code train}. */
public final class FastModels {

    /** The id of the shipped model, stored on every post it scores. */
    public static final String BUILT_IN_ID = "fast-1";

    /** The shipped model's classpath resource, next to this class. */
    public static final String BUILT_IN_RESOURCE = "fast-1.model";

    private FastModels() {}

    /**
     * Loads the model shipped in the jar.
     *
     * @throws IllegalStateException if the jar lacks it (a broken build)
     */
    public static FastModel builtIn() {
        try (InputStream in = FastModels.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the built-in model "
                                + BUILT_IN_RESOURCE
                                + " is missing from the classpath");
            }
            return ModelFile.read(new BufferedInputStream(in), Lexicon.vader());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the built-in model " + BUILT_IN_RESOURCE, e);
        }
    }

    /** Loads a model file written by {@link #save}. */
    public static FastModel load(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return ModelFile.read(in, Lexicon.vader());
        }
    }

    /** Writes a model file; the same model always gives the same bytes. */
    public static void save(FastModel model, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            ModelFile.write(model, out);
        }
    }
}
