package dev.undertone.app.cli;

import dev.undertone.core.decode.Langs;
import dev.undertone.core.sentiment.SentimentModel;
import java.util.Collections;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --lang L} of {@code classify} and {@code evaluate}: the language of the texts, so that a
 * model per language scores them with that language's model (as a post tagged L would be).
 */
public final class TextLanguage {

    @Option(
            names = "--lang",
            paramLabel = "L",
            description =
                    "Language of the texts (ISO 639-1, e.g. es): scored by that language's model,"
                            + " as posts tagged L are (fast: en, ar, de, es, fr, it, pt)."
                            + " Default: untagged, scored by the English model.")
    String lang;

    /** The texts' language tags: {@code [L]}, or none. */
    List<String> tags() {
        if (lang == null) {
            return List.of();
        }
        String code = Langs.primary(lang);
        if (code == null || !code.equals(lang.strip().toLowerCase(java.util.Locale.ROOT))) {
            throw new UsageException(
                    "--lang: '" + lang + "' is not a language code (use ISO 639-1, e.g. es)");
        }
        return List.of(code);
    }

    /**
     * The tags, after checking that the model scores texts in that language.
     *
     * @throws UsageException when it does not
     */
    List<String> checkedFor(SentimentModel m, String modelName) {
        List<String> tags = tags();
        if (!tags.isEmpty() && !m.supports(tags)) {
            throw new UsageException(
                    "--lang: the model '"
                            + modelName
                            + "' scores no '"
                            + tags.get(0)
                            + "' texts (see --help of --model)");
        }
        return tags;
    }

    /** The same tags for each of {@code n} texts. */
    static List<List<String>> repeat(List<String> tags, int n) {
        return Collections.nCopies(n, tags);
    }
}
