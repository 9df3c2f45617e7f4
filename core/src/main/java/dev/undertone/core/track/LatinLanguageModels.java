package dev.undertone.core.track;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statistical half of {@link LanguageDetector}: Lingua's character n-gram models (1- to
 * 5-grams, high-accuracy mode) over the Latin-script languages a post is likely to be in. The
 * sentiment languages (en, de, es, fr, it, pt) are listed beside their usual confusers (nl, ca, ro,
 * pl, sv, tr, id, da), so a Dutch or Catalan post is named as such, and left unscored, rather than
 * forced into a language a model knows. Chosen over optimaize and OpenNLP by accuracy on UMSAB and
 * TweetEval val; the cleaning and the decision rule were chosen on the train texts
 * (docs/models.md).
 *
 * <p>The models are read once per process: when the embedded pipeline starts processing ({@link
 * PostTracker#loadModels}, so a live stream's first posts do not wait for them), or else at the
 * first text whose script and words do not tell its language. They are kept packed ({@link
 * LinguaPackedModels}): about 70 MB of heap for these 14 languages, where Lingua's own maps took
 * about 380 MB, with the same answers. Low-accuracy mode (trigrams only, about 15 MB) was measured
 * too and loses pt (0.966 to 0.920 on val); the seven confusers hold 30 MB of the 70 (dropping them
 * moves no val figure by more than 0.003, but there is no Catalan, Dutch or Indonesian text to
 * measure them on). Thread-safe.
 */
final class LatinLanguageModels {

    /** The languages, in Lingua's names; the shaded jars keep only these models. */
    static final Language[] LANGUAGES = {
        Language.ENGLISH,
        Language.GERMAN,
        Language.SPANISH,
        Language.FRENCH,
        Language.ITALIAN,
        Language.PORTUGUESE,
        Language.DUTCH,
        Language.CATALAN,
        Language.ROMANIAN,
        Language.POLISH,
        Language.SWEDISH,
        Language.TURKISH,
        Language.INDONESIAN,
        Language.DANISH
    };

    /**
     * How far the best language's confidence must lead the runner-up's (Lingua's relative
     * distance): below it the text is too short or too mixed to tell, and no language is given.
     */
    static final double MIN_RELATIVE_DISTANCE = 0.01;

    /** Fewer letters than this, once handles, links and digits are gone: no language. */
    static final int MIN_LETTERS = 3;

    /**
     * Links, handles, HTML entities, RT and digits say nothing about the language. A bare {@code
     * http} is what archived tweets (UMSAB, TweetEval) keep of a link, and what a truncated retweet
     * shows ({@code http…}): left in, Lingua names it Italian.
     */
    private static final Pattern NOISE =
            Pattern.compile("(?:https?://|www\\.|@)\\S*|\\bhttps?\\b|&[a-z]+;|\\bRT\\b|\\d+");

    /**
     * A hashtag's words are mostly in the post's language ({@code #schule}, {@code #Krankenhaus}):
     * the mark goes and a camel-cased tag is cut into its words ({@code #FickDichMückenstich}).
     */
    private static final Pattern HASHTAG = Pattern.compile("#(\\S+)");

    private static final Pattern CAMEL = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})");

    /** Elongations ({@code siiiii}, {@code kkkkkk}) cut to two letters, as in the training text. */
    private static final Pattern RUNS = Pattern.compile("(\\p{L})\\1{2,}");

    private LatinLanguageModels() {}

    /**
     * The language of a Latin-script text, or empty when unsure.
     *
     * @param words the frequent-word guess for the text, or null; it settles a close call between
     *     Lingua's two best languages when it points to one of them
     */
    static Optional<String> detect(String text, LanguageDetector.WordGuess words) {
        String clean = clean(text);
        if (clean == null) {
            return Optional.empty();
        }
        return decide(Holder.DETECTOR.computeLanguageConfidenceValues(clean), words);
    }

    /** Reads the models now, if no text has needed them yet. */
    static void load() {
        Objects.requireNonNull(Holder.DETECTOR);
    }

    /**
     * The best language when it leads the runner-up by {@link #MIN_RELATIVE_DISTANCE}; on a closer
     * call the frequent words' language if it is one of the two (and they do not tie); else empty.
     */
    static Optional<String> decide(
            SortedMap<Language, Double> confidence, LanguageDetector.WordGuess words) {
        Iterator<Map.Entry<Language, Double>> it = confidence.entrySet().iterator();
        if (!it.hasNext()) {
            return Optional.empty();
        }
        Map.Entry<Language, Double> best = it.next();
        if (!it.hasNext()) {
            return Optional.of(iso(best.getKey()));
        }
        Map.Entry<Language, Double> second = it.next();
        if (best.getValue() - second.getValue() >= MIN_RELATIVE_DISTANCE
                && best.getValue() > second.getValue()) {
            return Optional.of(iso(best.getKey()));
        }
        if (words != null && words.best() > words.second()) {
            String w = words.language();
            if (w.equals(iso(best.getKey())) || w.equals(iso(second.getKey()))) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }

    /** The text the models see, or null when fewer than {@link #MIN_LETTERS} letters are left. */
    static String clean(String text) {
        Matcher tags = HASHTAG.matcher(text);
        StringBuilder untagged = new StringBuilder(text.length());
        while (tags.find()) {
            tags.appendReplacement(
                    untagged,
                    Matcher.quoteReplacement(CAMEL.matcher(tags.group(1)).replaceAll(" ")));
        }
        tags.appendTail(untagged);
        String c = RUNS.matcher(NOISE.matcher(untagged).replaceAll(" ")).replaceAll("$1$1").strip();
        int letters = 0;
        for (int i = 0; i < c.length() && letters < MIN_LETTERS; i++) {
            if (Character.isLetter(c.charAt(i))) {
                letters++;
            }
        }
        return letters < MIN_LETTERS ? null : c;
    }

    private static String iso(Language l) {
        return l.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
    }

    /** Builds the detector, and reads its models (packed), on first use of the holder. */
    private static final class Holder {
        static final com.github.pemistahl.lingua.api.LanguageDetector DETECTOR = build();

        private static com.github.pemistahl.lingua.api.LanguageDetector build() {
            LinguaPackedModels.install(LANGUAGES);
            return LanguageDetectorBuilder.fromLanguages(LANGUAGES).build();
        }
    }
}
