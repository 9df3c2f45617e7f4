package dev.undertone.core.track;

import dev.undertone.core.post.Post;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A small, fast, offline language detector for posts whose metadata names no language. The script
 * decides most languages outright (Japanese kana, Korean Hangul, Chinese Han, Cyrillic, Greek,
 * Arabic, Hebrew, Thai, Devanagari, ...); Latin-script text is scored by frequent words and telling
 * letters over eleven languages (en, es, pt, fr, de, it, nl, pl, tr, sv, id). It answers "unknown"
 * rather than guess: no telling word, or a tie.
 *
 * <p>Stateless and thread-safe.
 */
public final class LanguageDetector {
    private static final Map<String, int[]> WORDS = Stopwords.wordIndex();
    private static final Map<Integer, Integer> LETTERS = Stopwords.letterIndex();

    /** Links and mentions say nothing about the language and would add false words. */
    private static final Pattern NOISE = Pattern.compile("(?:https?://|www\\.|@)\\S*");

    private static final ThreadLocal<WordTokens> TOKENS = ThreadLocal.withInitial(WordTokens::new);

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
        return latin(NOISE.matcher(sample).replaceAll(" ").toLowerCase(Locale.ROOT));
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

    private static Optional<String> latin(String lower) {
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
        boolean tie = false;
        for (int l = 0; l < score.length; l++) {
            if (score[l] == 0) {
                continue;
            }
            if (best < 0 || score[l] > score[best]) {
                best = l;
                tie = false;
            } else if (score[l] == score[best]) {
                tie = true;
            }
        }
        return best < 0 || tie ? Optional.empty() : Optional.of(Stopwords.LANGUAGES.get(best));
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
