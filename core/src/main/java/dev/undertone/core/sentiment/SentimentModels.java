package dev.undertone.core.sentiment;

import dev.undertone.core.sentiment.fast.FastModel;
import dev.undertone.core.sentiment.fast.FastModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The one place where model names become models: {@code fast} (built in: fast-1 for English and
 * untagged posts, fast-2/L for each other language it knows) and whatever other modules {@linkplain
 * #register register} at start-up ({@code accurate}, {@code comprehend}). A name that is not
 * registered but is the path of a model file written by {@code undertone train} loads that file.
 * Models are loaded once and shared: they are thread-safe values.
 */
public final class SentimentModels {

    /** The model used when none is named. */
    public static final String DEFAULT = FastModel.NAME;

    private static final Map<String, Supplier<SentimentModel>> LOADERS = new ConcurrentHashMap<>();
    private static final Map<String, SentimentModel> LOADED = new ConcurrentHashMap<>();

    static {
        LOADERS.put(FastModel.NAME, FastModels::builtInRouted);
    }

    private SentimentModels() {}

    /**
     * Makes a model available under a name. Called once at start-up by the module that provides it
     * (the ONNX {@code accurate} model, the Comprehend adapter); the loader runs on first use.
     *
     * @throws IllegalArgumentException if the name is taken
     */
    public static void register(String name, Supplier<SentimentModel> loader) {
        if (LOADERS.putIfAbsent(name, loader) != null) {
            throw new IllegalArgumentException(
                    "a model named '" + name + "' is already registered");
        }
    }

    /** The registered names, sorted. */
    public static Set<String> names() {
        return new TreeSet<>(LOADERS.keySet());
    }

    /**
     * The model of this name, or of this model file.
     *
     * @throws IllegalArgumentException naming the known models when there is no such model
     * @throws UncheckedIOException when a model file cannot be read
     */
    public static SentimentModel load(String name) {
        Supplier<SentimentModel> loader = LOADERS.get(name);
        if (loader != null) {
            return LOADED.computeIfAbsent(name, n -> loader.get());
        }
        Path file = Path.of(name);
        if (Files.isRegularFile(file)) {
            try {
                return FastModels.load(file);
            } catch (IOException e) {
                throw new UncheckedIOException("loading the model file " + file, e);
            }
        }
        throw new IllegalArgumentException(
                "unknown model '"
                        + name
                        + "': use one of "
                        + List.copyOf(names())
                        + " or the path of a model file from 'undertone train'");
    }
}
