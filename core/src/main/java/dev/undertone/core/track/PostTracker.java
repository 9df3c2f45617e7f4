package dev.undertone.core.track;

import dev.undertone.core.post.Post;
import java.util.List;

/**
 * The track step: which posts are kept, and which rules they matched. The language of a post whose
 * metadata has none is detected first (so the language filter and the model see it), then the
 * {@code --lang} filter applies, then the {@code --track} phrases. Immutable and thread-safe; the
 * one implementation both engines use.
 */
public final class PostTracker {
    /** No rules and no language filter: every post is kept (its language still filled in). */
    public static final PostTracker KEEP_ALL =
            new PostTracker(TrackRules.parse(null), LanguageFilter.parse(null));

    private final TrackRules rules;
    private final LanguageFilter languages;

    public PostTracker(TrackRules rules, LanguageFilter languages) {
        this.rules = rules;
        this.languages = languages;
    }

    /**
     * Parses the {@code --track} and {@code --lang} values.
     *
     * @param track comma-separated phrases; null or blank keeps every post
     * @param lang comma-separated language codes; null or blank keeps every language
     * @throws IllegalArgumentException naming the problem in either value
     */
    public static PostTracker parse(String track, String lang) {
        return new PostTracker(TrackRules.parse(track), LanguageFilter.parse(lang));
    }

    /**
     * Reads what tracking needs before the first post does: the language detector's models (about 1
     * s on two cores). A live pipeline calls it before its sources start, so its first posts do not
     * wait for them.
     */
    public void loadModels() {
        LanguageDetector.loadModels();
    }

    /**
     * The post as kept, carrying the phrases it matched and its detected language when it had none;
     * null when the language filter or the track rules do not keep it.
     */
    public Post track(Post post) {
        Post p = LanguageDetector.fillIn(post);
        if (!languages.keeps(p)) {
            return null;
        }
        if (rules.isEmpty()) {
            return p;
        }
        List<String> matched = rules.matches(p);
        return matched.isEmpty() ? null : p.withTracks(matched);
    }
}
