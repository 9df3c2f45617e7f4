package dev.undertone.flink;

import dev.undertone.core.post.Post;
import dev.undertone.core.track.LanguageDetector;
import dev.undertone.core.track.LanguageFilter;
import dev.undertone.core.track.TrackRules;
import java.util.List;

/**
 * The track step with {@code core}'s rules, as on one machine: the language is detected when the
 * post's metadata has none, the language filter applies, then the track phrases, whose matches are
 * recorded on the post.
 */
public final class RuleTracker implements Tracker {
    private final TrackRules rules;
    private final LanguageFilter languages;

    /**
     * @param track the {@code --track} phrases; null or blank keeps every post
     * @param lang the {@code --lang} list; null or blank keeps every language
     * @throws IllegalArgumentException naming the problem in either value
     */
    public RuleTracker(String track, String lang) {
        this.rules = TrackRules.parse(track);
        this.languages = LanguageFilter.parse(lang);
    }

    /** A factory for the job graph (the rules are parsed again on each task manager). */
    public static SerializableFactory<Tracker> factory(String track, String lang) {
        // parsed here too, so a bad value fails when the job is submitted, not on a task manager
        new RuleTracker(track, lang);
        return () -> new RuleTracker(track, lang);
    }

    @Override
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
