package dev.undertone.core.track;

import dev.undertone.core.post.Post;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An offline language detector for posts whose metadata names no language, in three steps, cheapest
 * first. The script decides most languages outright (Japanese kana, Korean Hangul, Chinese Han,
 * Cyrillic, Greek, Arabic, Hebrew, Thai, Devanagari, ...). Latin-script text is scored by frequent
 * words and telling letters (en, es, pt, fr, de, it, nl, pl, tr, sv, id, and Hindi in Latin
 * letters); when they clearly point to one language that is the answer (about half of tweets, in
 * microseconds). The rest goes to {@link LatinLanguageModels} (Lingua's n-gram models), which
 * answers "unknown" rather than guess when the text is too short, or too close between two
 * languages and the frequent words do not point to one of them. Measured on UMSAB and TweetEval val
 * in docs/models.md.
 *
 * <p>Stateless and thread-safe.
 */
public final class LanguageDetector {
    private static final Map<String, int[]> WORDS = Stopwords.wordIndex();
    private static final Map<Integer, Integer> LETTERS = Stopwords.letterIndex();

    /** Links and mentions say nothing about the language and would add false words. */
    private static final Pattern NOISE = Pattern.compile("(?:https?://|www\\.|@)\\S*");

    private static final ThreadLocal<WordTokens> TOKENS = ThreadLocal.withInitial(WordTokens::new);

    /**
     * The word score at which frequent words decide a Latin-script language without the n-gram
     * models: three telling words (or two and a telling letter), at least twice the runner-up.
     */
    static final int CLEAR_WORD_SCORE = 6;

    /** Letters examined; a post's first few hundred letters tell its language. */
    private static final int MAX_CHARS = 1000;

    private LanguageDetector() {}

    /** The detected language as a lower-case ISO 639-1 code, or empty when unsure. */
    public static Optional<String> detect(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        ScriptCounts scripts = ScriptCounts.of(sample);
        String byScript = scripts.language();
        if (byScript != null) {
            return Optional.of(byScript);
        }
        if (scripts.latin == 0) {
            return Optional.empty();
        }
        WordGuess words =
                latinScores(NOISE.matcher(sample).replaceAll(" ").toLowerCase(Locale.ROOT));
        if (words != null && words.clear(CLEAR_WORD_SCORE)) {
            return Optional.of(words.language());
        }
        return LatinLanguageModels.detect(sample, words);
    }

    /**
     * Reads the statistical models now (about 1 s of wall time and 2 s of CPU on two cores) rather
     * than at the first post whose words do not tell its language ({@link PostTracker#loadModels}).
     */
    static void loadModels() {
        LatinLanguageModels.load();
    }

    /**
     * The post with its detected language filled in when its metadata has none; the post itself
     * when it has languages already or none can be detected.
     */
    public static Post fillIn(Post post) {
        if (!post.langs().isEmpty()) {
            return post;
        }
        return detect(post.text()).map(l -> post.withLangs(List.of(l))).orElse(post);
    }

    /**
     * The Latin-script language the frequent words and telling letters point to, with the score of
     * the best language and of the runner-up; null when no word or letter tells.
     */
    public static WordGuess wordGuess(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        return latinScores(NOISE.matcher(sample).replaceAll(" ").toLowerCase(Locale.ROOT));
    }

    /**
     * A guess from frequent words.
     *
     * @param language the best-scoring language
     * @param best its score (2 a word, 3 a telling letter)
     * @param second the runner-up's score
     */
    public record WordGuess(String language, int best, int second) {
        /** Whether the best language leads clearly: no tie, and at least twice the runner-up. */
        public boolean clear(int minScore) {
            return best >= minScore && best > second && best >= 2 * second;
        }
    }

    private static WordGuess latinScores(String lower) {
        int[] score = new int[Stopwords.LANGUAGES.size()];
        WordTokens tokens = TOKENS.get().split(lower);
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.isHashtag(i)) {
                continue;
            }
            int[] langs = WORDS.get(tokens.word(i));
            if (langs != null) {
                for (int l : langs) {
                    score[l] += 2;
                }
            }
        }
        lower.codePoints()
                .distinct()
                .forEach(
                        cp -> {
                            Integer l = LETTERS.get(cp);
                            if (l != null) {
                                score[l] += 3;
                            }
                        });
        int best = -1;
        int second = 0;
        for (int l = 0; l < score.length; l++) {
            if (score[l] == 0) {
                continue;
            }
            if (best < 0 || score[l] > score[best]) {
                if (best >= 0) {
                    second = score[best];
                }
                best = l;
            } else if (score[l] > second) {
                second = score[l];
            }
        }
        return best < 0 ? null : new WordGuess(Stopwords.LANGUAGES.get(best), score[best], second);
    }

    /** Letters counted by script. */
    private static final class ScriptCounts {
        int latin;
        int kana;
        int han;
        int hangul;
        int cyrillic;
        int ukrainian;
        int arabic;
        int persian;
        int other;
        String otherLanguage;

        static ScriptCounts of(String text) {
            ScriptCounts c = new ScriptCounts();
            text.codePoints().forEach(c::count);
            return c;
        }

        private void count(int cp) {
            if (cp < 0x80) {
                if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') {
                    latin++;
                }
                return;
            }
            if (!Character.isLetter(cp)) {
                return;
            }
            Character.UnicodeScript s = Character.UnicodeScript.of(cp);
            switch (s) {
                case LATIN -> latin++;
                case HIRAGANA, KATAKANA -> kana++;
                case HAN -> han++;
                case HANGUL -> hangul++;
                case CYRILLIC -> {
                    cyrillic++;
                    if ("іїєґІЇЄҐ".indexOf(cp) >= 0) {
                        ukrainian++;
                    }
                }
                case ARABIC -> {
                    arabic++;
                    if ("پچژگکی".indexOf(cp) >= 0) {
                        persian++;
                    }
                }
                default -> {
                    String lang = single(s);
                    if (lang != null) {
                        other++;
                        otherLanguage = lang;
                    }
                }
            }
        }

        /** The language a script alone decides, or null when the text is mostly Latin or mixed. */
        String language() {
            int cjk = kana + han;
            int total = latin + cjk + hangul + cyrillic + arabic + other;
            if (total == 0) {
                return null;
            }
            if (cjk * 2 >= total) {
                return kana > 0 ? "ja" : "zh";
            }
            if (hangul * 2 >= total) {
                return "ko";
            }
            if (cyrillic * 2 >= total) {
                return ukrainian > 0 ? "uk" : "ru";
            }
            if (arabic * 2 >= total) {
                return persian > 0 ? "fa" : "ar";
            }
            if (other * 2 >= total) {
                return otherLanguage;
            }
            return null;
        }

        private static String single(Character.UnicodeScript s) {
            return switch (s) {
                case GREEK -> "el";
                case HEBREW -> "he";
                case THAI -> "th";
                case DEVANAGARI -> "hi";
                case BENGALI -> "bn";
                case TAMIL -> "ta";
                case TELUGU -> "te";
                case GEORGIAN -> "ka";
                case ARMENIAN -> "hy";
                case GUJARATI -> "gu";
                case KANNADA -> "kn";
                case MALAYALAM -> "ml";
                case GURMUKHI -> "pa";
                case KHMER -> "km";
                case LAO -> "lo";
                case MYANMAR -> "my";
                case SINHALA -> "si";
                case ETHIOPIC -> "am";
                default -> null;
            };
        }
    }
}
