package dev.undertone.core.track;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import it.unimi.dsi.fastutil.objects.Object2FloatMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Puts Lingua's n-gram models in memory as {@link PackedNgramModel}s before Lingua would load them
 * as hash maps of strings: about 70 MB of heap for the 14 languages of {@link LatinLanguageModels}
 * instead of about 380 MB, with the same frequencies and so the same answers.
 *
 * <p>Lingua 1.2.2 (the last release for the JVM) keeps its models in five static maps, one per
 * n-gram length, from language to model, and loads a model only when its language has none there.
 * This fills those maps first. The maps are Lingua's internal API (public in its bytecode), and the
 * files are read by {@link LinguaModelReader}, not Lingua's reader (which makes a String per
 * n-gram, and a map of them, that would be thrown away at once): a Lingua upgrade that changes
 * either fails to compile or fails LinguaPackedModelsTest, which compares every n-gram with
 * Lingua's own reader, rather than silently using more memory or giving other answers.
 */
final class LinguaPackedModels {
    /** Lingua's model file names, by n-gram length (Ngram.getNgramNameByLength). */
    private static final List<String> NAMES =
            List.of("unigram", "bigram", "trigram", "quadrigram", "fivegram");

    /** Threads that read the models: what a small machine has, and a replay leaves idle then. */
    private static final int THREADS = 2;

    private LinguaPackedModels() {}

    /**
     * Reads and packs every model of these languages that Lingua has not loaded yet, on two
     * threads: the first post without a language waits half as long, for the same CPU time. Only
     * the calling thread touches Lingua's maps.
     */
    static synchronized void install(Language... languages) {
        // Longest first: the biggest files, so that the two threads finish together.
        List<Model> missing = new ArrayList<>();
        for (int length = NAMES.size(); length >= 1; length--) {
            for (Language language : languages) {
                if (!loadedModels(length).containsKey(language)) {
                    missing.add(new Model(language, length));
                }
            }
        }
        ExecutorService threads = Executors.newFixedThreadPool(THREADS, LinguaPackedModels::thread);
        try {
            List<Future<PackedNgramModel>> packed = new ArrayList<>();
            for (Model model : missing) {
                packed.add(threads.submit(() -> pack(model.language(), model.length())));
            }
            for (int i = 0; i < missing.size(); i++) {
                Model model = missing.get(i);
                loadedModels(model.length()).put(model.language(), await(packed.get(i)));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** One of Lingua's models: a language's n-grams of one length. */
    private record Model(Language language, int length) {}

    private static Thread thread(Runnable task) {
        Thread thread = new Thread(task, "lingua-models");
        thread.setDaemon(true);
        return thread;
    }

    /**
     * A model, waited for even through an interrupt (the thread is left interrupted): the caller is
     * a class initializer, which an interrupt must not leave failed for the rest of the process. A
     * model that failed throws here, on the calling thread.
     */
    private static PackedNgramModel await(Future<PackedNgramModel> model) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return model.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException failure) {
                        throw failure;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException("packing Lingua's models", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
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
