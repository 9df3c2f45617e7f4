package dev.undertone.app.model.accurate;

import dev.undertone.app.model.ModelException;
import dev.undertone.core.sentiment.SentimentModel;
import dev.undertone.core.sentiment.SentimentModels;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** Loads and saves the {@code accurate} model: the head shipped in the jar, or one from a file. */
public final class AccurateModels {

    /** The id of the shipped model, stored on every post it scores. */
    public static final String BUILT_IN_ID = "accurate-1";

    /** The shipped head's classpath resource, next to this class. */
    public static final String BUILT_IN_RESOURCE = "accurate-1.head";

    private AccurateModels() {}

    /**
     * Loads the shipped model: the MiniLM encoder from its Maven artifact, the {@code fast} model,
     * and the head from the jar.
     *
     * @throws ModelException if a part is missing or cannot be loaded
     */
    public static AccurateModel builtIn() {
        try (InputStream in = AccurateModels.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (in == null) {
                throw new ModelException(
                        "loading the accurate model: its head "
                                + BUILT_IN_RESOURCE
                                + " is missing from the classpath (a broken build)",
                        null);
            }
            return withHead(MlpHead.read(new BufferedInputStream(in)));
        } catch (IOException e) {
            throw new ModelException("reading the accurate model's head " + BUILT_IN_RESOURCE, e);
        }
    }

    /** Loads the model with a head file written by {@code undertone train --model accurate}. */
    public static AccurateModel load(Path headFile) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(headFile))) {
            return withHead(MlpHead.read(in));
        }
    }

    static AccurateModel withHead(MlpHead head) {
        // The fast model loads beside the encoder: it has its own half-second of work.
        CompletableFuture<SentimentModel> fast =
                CompletableFuture.supplyAsync(() -> SentimentModels.load(SentimentModels.DEFAULT));
        MiniLmEncoder encoder = MiniLmEncoder.load(MiniLmConfig.DEFAULTS);
        try {
            return new AccurateModel(encoder, fast.join(), head);
        } catch (RuntimeException e) {
            encoder.close();
            throw e;
        }
    }

    /** Writes a head file; the same head always gives the same bytes. */
    static void save(MlpHead head, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            head.write(out);
        }
    }
}
