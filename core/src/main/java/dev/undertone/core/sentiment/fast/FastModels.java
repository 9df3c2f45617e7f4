package dev.undertone.core.sentiment.fast;

import dev.undertone.core.sentiment.LanguageRoutedModel;
import dev.undertone.core.sentiment.SentimentModel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads and saves {@link FastModel}s: the ones shipped in the jar (English {@code fast-1} and one
 * {@code fast-2/L} per other language), or a file from {@code train}.
 */
public final class FastModels {

    /** The id of the shipped model, stored on every post it scores. */
    public static final String BUILT_IN_ID = "fast-1";

    /** The shipped model's classpath resource, next to this class. */
    public static final String BUILT_IN_RESOURCE = "fast-1.model";

    /**
     * The languages besides English with a shipped model of their own, by ISO 639-1 code. Not
     * Hindi: its UMSAB tweets (mostly romanised, code-mixed) gave no setting above chance in
     * cross-validation, and a chance-level label is worse than an honest {@code
     * unsupported_language}.
     */
    public static final List<String> LANGUAGES = List.of("ar", "de", "es", "fr", "it", "pt");

    private FastModels() {}

    /** The id of the shipped model of a language other than English, e.g. {@code fast-2/es}. */
    public static String languageId(String language) {
        return "fast-2/" + language;
    }

    /** The classpath resource of that model, next to this class, e.g. {@code fast-2-es.model}. */
    public static String languageResource(String language) {
        return "fast-2-" + language + ".model";
    }

    /**
     * The shipped model of one language other than English.
     *
     * @throws IllegalArgumentException if no model of that language is shipped
     * @throws IllegalStateException if the jar lacks it (a broken build)
     */
    public static FastModel language(String language) {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException(
                    "no built-in fast model for '" + language + "': one of " + LANGUAGES);
        }
        return resource(languageResource(language));
    }

    /** The shipped models of all {@link #LANGUAGES}, by code. */
    public static Map<String, FastModel> languages() {
        Map<String, FastModel> m = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            m.put(lang, language(lang));
        }
        return m;
    }

    /**
     * The {@code fast} model users name: {@code english} (fast-1, or the accurate model) for
     * English and untagged posts, and the shipped fast model of each other language.
     */
    public static LanguageRoutedModel routed(SentimentModel english) {
        return new LanguageRoutedModel(english, languages());
    }

    /** {@code fast}: fast-1 for English and untagged posts, {@code fast-2/L} for language L. */
    public static LanguageRoutedModel builtInRouted() {
        return routed(builtIn());
    }

    /**
     * Loads the model shipped in the jar.
     *
     * @throws IllegalStateException if the jar lacks it (a broken build)
     */
    public static FastModel builtIn() {
        return resource(BUILT_IN_RESOURCE);
    }

    private static FastModel resource(String name) {
        try (InputStream in = FastModels.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the built-in model " + name + " is missing from the classpath");
            }
            return ModelFile.read(new BufferedInputStream(in), Lexicon.vader());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the built-in model " + name, e);
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
