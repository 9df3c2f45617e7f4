package dev.undertone.core.track;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import it.unimi.dsi.fastutil.objects.Object2FloatMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;

/**
 * Puts Lingua's n-gram models in memory as {@link PackedNgramModel}s before Lingua would load them
 * as hash maps of strings: about 70 MB of heap for the 14 languages of {@link LatinLanguageModels}
 * instead of about 380 MB, with the same frequencies and so the same answers.
 *
 * <p>Lingua 1.2.2 (the last release for the JVM) keeps its models in five static maps, one per
 * n-gram length, from language to model, and loads a model only when its language has none there.
 * This fills those maps first, one model at a time. The maps are Lingua's internal API (public in
 * its bytecode), and the files are read by {@link LinguaModelReader}, not Lingua's reader (which
 * makes a String per n-gram, and a map of them, that would be thrown away at once): a Lingua
 * upgrade that changes either fails to compile or fails LinguaPackedModelsTest, which compares
 * every n-gram with Lingua's own reader, rather than silently using more memory or giving other
 * answers.
 */
final class LinguaPackedModels {
    /** Lingua's model file names, by n-gram length (Ngram.getNgramNameByLength). */
    private static final List<String> NAMES =
            List.of("unigram", "bigram", "trigram", "quadrigram", "fivegram");

    private LinguaPackedModels() {}

    /** Reads and packs every model of these languages that Lingua has not loaded yet. */
    static synchronized void install(Language... languages) {
        for (int length = 1; length <= NAMES.size(); length++) {
            EnumMap<Language, Object2FloatMap<String>> loaded = loadedModels(length);
            for (Language language : languages) {
                if (!loaded.containsKey(language)) {
                    loaded.put(language, pack(language, length));
                }
            }
        }
    }

    /** Lingua's map of the loaded models of one n-gram length. */
    static EnumMap<Language, Object2FloatMap<String>> loadedModels(int length) {
        return switch (length) {
            case 1 -> LanguageDetector.Companion.getUnigramLanguageModels$lingua();
            case 2 -> LanguageDetector.Companion.getBigramLanguageModels$lingua();
            case 3 -> LanguageDetector.Companion.getTrigramLanguageModels$lingua();
            case 4 -> LanguageDetector.Companion.getQuadrigramLanguageModels$lingua();
            case 5 -> LanguageDetector.Companion.getFivegramLanguageModels$lingua();
            default -> throw new IllegalArgumentException("n-gram length " + length);
        };
    }

    /** One model, read from the file in Lingua's jar straight into its packed form. */
    static PackedNgramModel pack(Language language, int length) {
        String path = path(language, length);
        try (InputStream in = Language.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(
                        "Lingua's model " + path + " is not on the class path");
            }
            return LinguaModelReader.read(in, path, length);
        } catch (IOException e) {
            throw new UncheckedIOException("closing Lingua's model " + path, e);
        }
    }

    /** Where Lingua keeps a model in its jar. */
    static String path(Language language, int length) {
        return "/language-models/"
                + language.getIsoCode639_1()
                + "/"
                + NAMES.get(length - 1)
                + "s.json";
    }
}
