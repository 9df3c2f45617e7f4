package dev.undertone.core.track;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The statistical half of {@link LanguageDetector}: Lingua's character n-gram models (1- to
 * 5-grams, high-accuracy mode) over the Latin-script languages a post is likely to be in. The
 * sentiment languages (en, de, es, fr, it, pt) are listed beside their usual confusers (nl, ca, ro,
 * pl, sv, tr, id, da), so a Dutch or Catalan post is named as such, and left unscored, rather than
 * forced into a language a model knows. Chosen over optimaize and OpenNLP by accuracy on UMSAB and
 * TweetEval val (docs/models.md).
 *
 * <p>The models (about 380 MB of heap for these 14 languages) are loaded on first use only, so
 * posts that carry their language, or whose words tell it, never pay for them. Thread-safe.
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
     * How far the best language must lead the runner-up (Lingua's relative distance): below it the
     * text is too short or too mixed to tell, and no language is given.
     */
    static final double MIN_RELATIVE_DISTANCE = 0.01;

    /** Fewer letters than this, once handles, tags, links and digits are gone: no language. */
    static final int MIN_LETTERS = 3;

    /** Handles, hashtags and links name things, not a language; entities and digits neither. */
    private static final Pattern NOISE =
            Pattern.compile("(?:https?://|www\\.|[@#])\\S*|&[a-z]+;|\\bRT\\b|\\d+");

    /** Elongations ({@code siiiii}, {@code kkkkkk}) cut to two letters, as in the training text. */
    private static final Pattern RUNS = Pattern.compile("(\\p{L})\\1{2,}");

    private LatinLanguageModels() {}

    /** The language of a Latin-script text, or empty when unsure. */
    static Optional<String> detect(String text) {
        String clean = clean(text);
        if (clean == null) {
            return Optional.empty();
        }
        Language l = Holder.DETECTOR.detectLanguageOf(clean);
        if (l == Language.UNKNOWN) {
            return Optional.empty();
        }
        IsoCode639_1 iso = l.getIsoCode639_1();
        return Optional.of(iso.toString().toLowerCase(Locale.ROOT));
    }

    /** The text the models see, or null when fewer than {@link #MIN_LETTERS} letters are left. */
    static String clean(String text) {
        String c = RUNS.matcher(NOISE.matcher(text).replaceAll(" ")).replaceAll("$1$1").strip();
        int letters = 0;
        for (int i = 0; i < c.length() && letters < MIN_LETTERS; i++) {
            if (Character.isLetter(c.charAt(i))) {
                letters++;
            }
        }
        return letters < MIN_LETTERS ? null : c;
    }

    /** Builds the detector, and reads its models, on first use. */
    private static final class Holder {
        static final com.github.pemistahl.lingua.api.LanguageDetector DETECTOR =
                LanguageDetectorBuilder.fromLanguages(LANGUAGES)
                        .withMinimumRelativeDistance(MIN_RELATIVE_DISTANCE)
                        .build();
    }
}
