package dev.undertone.app.pipeline;

import dev.undertone.core.decode.Decoders;
import dev.undertone.core.post.Post;
import dev.undertone.core.sentiment.PostScorer;
import dev.undertone.core.sentiment.SentimentModel;
import dev.undertone.core.track.LanguageDetector;
import dev.undertone.core.track.LanguageFilter;
import dev.undertone.core.track.TrackRules;
import java.time.Clock;
import java.util.List;

/** Builds the pipeline's stages from the core library: decoders, track rules, the model. */
public final class CoreStages {
    private CoreStages() {}

    /**
     * The stages for one run.
     *
     * @param rules the {@code --track} rules (empty keeps every post)
     * @param languages the {@code --lang} filter (empty keeps every language)
     * @param model the sentiment model
     */
    public static Stages of(
            TrackRules rules, LanguageFilter languages, SentimentModel model, Clock clock) {
        PostScorer scorer = new PostScorer(model, clock);
        return new Stages(Decoders.forRecords(), tracker(rules, languages), scorer::score);
    }

    /**
     * Fills in the language of posts whose metadata has none (so the model does not score a
     * language it was not trained on), applies the language filter, then the track rules.
     */
    static Tracker tracker(TrackRules rules, LanguageFilter languages) {
        return post -> {
            Post p = post.langs().isEmpty() ? LanguageDetector.fillIn(post) : post;
            if (!languages.keeps(p)) {
                return null;
            }
            if (rules.isEmpty()) {
                return p;
            }
            List<String> matched = rules.matches(p);
            return matched.isEmpty() ? null : p.withTracks(matched);
        };
    }
}
