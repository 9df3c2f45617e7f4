package dev.undertone.app.model.comprehend;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Maps a post's language tags (BCP 47, as Bluesky, X and Mastodon give them) to the language codes
 * Comprehend's sentiment API accepts: {@code en es fr de it pt ar hi ja ko zh zh-TW}. Traditional
 * Chinese tags ({@code zh-TW}, {@code zh-HK}, {@code zh-Hant...}) map to {@code zh-TW}, every other
 * Chinese tag to {@code zh}; other region subtags are dropped ({@code pt-BR} is {@code pt}).
 */
final class ComprehendLanguages {

    /** The codes BatchDetectSentiment accepts (spec: amazon-comprehend-sentiment.md, section 2). */
    static final Set<String> SUPPORTED =
            Set.of("en", "es", "fr", "de", "it", "pt", "ar", "hi", "ja", "ko", "zh", "zh-TW");

    private static final String TRADITIONAL_CHINESE = "zh-TW";
    private static final Set<String> TRADITIONAL_SUBTAGS = Set.of("tw", "hk", "mo", "hant");

    private ComprehendLanguages() {}

    /**
     * The Comprehend code for a post's tags: that of the first tag Comprehend supports.
     *
     * @param tags the post's language tags, possibly empty
     * @param fallback the code for a post without tags (null: such posts are unsupported)
     * @return the code, or null when no tag is supported
     */
    static String codeFor(List<String> tags, String fallback) {
        if (tags.isEmpty()) {
            return fallback;
        }
        for (String tag : tags) {
            String code = codeFor(tag);
            if (code != null) {
                return code;
            }
        }
        return null;
    }

    /** The Comprehend code for one tag, or null when Comprehend does not support its language. */
    static String codeFor(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String[] parts = tag.trim().replace('_', '-').toLowerCase(Locale.ROOT).split("-");
        String primary = parts[0];
        if (primary.equals("zh")) {
            for (int i = 1; i < parts.length; i++) {
                if (TRADITIONAL_SUBTAGS.contains(parts[i])) {
                    return TRADITIONAL_CHINESE;
                }
            }
            return "zh";
        }
        return SUPPORTED.contains(primary) ? primary : null;
    }
}
