package dev.undertone.core.track;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.internal.TrainingDataLanguageModel;
import it.unimi.dsi.fastutil.objects.Object2FloatMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Lingua's own reading of its model files (a hash map with a String per n-gram), which the packed
 * models are compared with, and which the first-load benchmark measures as the old way.
 */
final class LinguaOwnModels {
    private LinguaOwnModels() {}

    /** One model of Lingua's jar as Lingua reads it. */
    static Object2FloatMap<String> read(Language language, int length) {
        String path = LinguaPackedModels.path(language, length);
        try (InputStream in = Language.class.getResourceAsStream(path)) {
            return TrainingDataLanguageModel.Companion.fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading Lingua's model " + path, e);
        }
    }
}
