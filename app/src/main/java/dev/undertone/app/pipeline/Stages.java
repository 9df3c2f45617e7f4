package dev.undertone.app.pipeline;

import dev.undertone.core.decode.Decoders;
import dev.undertone.core.decode.RecordDecoder;
import dev.undertone.core.sentiment.PostScorer;
import dev.undertone.core.sentiment.SentimentModel;
import dev.undertone.core.stage.BatchScorer;
import dev.undertone.core.track.LanguageFilter;
import dev.undertone.core.track.PostTracker;
import dev.undertone.core.track.TrackRules;
import java.time.Clock;

/**
 * What the processor runs between the journal and the store: {@code core}'s record-to-write stage
 * ({@link dev.undertone.core.stage}) built from a decoder, the track rules and a scorer; the Flink
 * job runs the same stage.
 */
public record Stages(RecordDecoder decoder, PostTracker tracker, BatchScorer scorer) {

    /**
     * The stages for one run: every record format's decoder, the rules, and the model.
     *
     * @param rules the {@code --track} rules (empty keeps every post)
     * @param languages the {@code --lang} filter (empty keeps every language)
     */
    public static Stages of(
            TrackRules rules, LanguageFilter languages, SentimentModel model, Clock clock) {
        PostScorer scorer = new PostScorer(model, clock);
        return new Stages(Decoders.forRecords(), new PostTracker(rules, languages), scorer::score);
    }
}
