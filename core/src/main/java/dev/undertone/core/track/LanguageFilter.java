package dev.undertone.core.track;

import dev.undertone.core.decode.Langs;
import dev.undertone.core.post.Post;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code --lang} filter: keeps posts in the listed languages, judged by the post's own language
 * metadata (region subtags ignored: {@code en-US} is {@code en}), or by {@link LanguageDetector}
 * when the post has none. A post whose language cannot be told is not kept. No languages at all
 * keeps every post. Immutable and thread-safe.
 */
public final class LanguageFilter {
    private static final LanguageFilter ALL = new LanguageFilter(Set.of());

    private final Set<String> languages;

    private LanguageFilter(Set<String> languages) {
        this.languages = languages;
    }

    /**
     * Parses a comma-separated list such as {@code en,es}.
     *
     * @param spec the list; null or blank keeps every language
     * @throws IllegalArgumentException naming a code that is not a language code
     */
    public static LanguageFilter parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return ALL;
        }
        Set<String> langs = new LinkedHashSet<>();
        for (String part : spec.split(",")) {
            String tag = part.strip();
            if (tag.isEmpty()) {
                continue;
            }
            String primary = Langs.primary(tag);
            if (primary == null) {
                throw new IllegalArgumentException(
                        "'" + tag + "' is not a language code (use ISO 639-1 codes such as en,es)");
            }
            langs.add(primary);
        }
        return langs.isEmpty() ? ALL : new LanguageFilter(Set.copyOf(langs));
    }

    /** Whether every post is kept. */
    public boolean keepsAll() {
        return languages.isEmpty();
    }

    /** The languages kept, lower-case primary subtags; empty when all are kept. */
    public Set<String> languages() {
        return languages;
    }

    /** Whether the post is in one of the languages (detected when its metadata has none). */
    public boolean keeps(Post post) {
        if (languages.isEmpty()) {
            return true;
        }
        List<String> langs = post.langs();
        if (langs.isEmpty()) {
            return LanguageDetector.detect(post.text()).map(languages::contains).orElse(false);
        }
        for (String l : langs) {
            String primary = Langs.primary(l);
            if (primary != null && languages.contains(primary)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return String.join(",", languages);
    }
}
