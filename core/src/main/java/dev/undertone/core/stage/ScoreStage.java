package dev.undertone.core.stage;

import dev.undertone.core.post.Post;
import dev.undertone.core.post.ScoredPost;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The second step of the record-to-write stage: scores the kept posts of a batch in one model call
 * and turns each into its {@link PostWrite.Upsert}; decided outcomes pass through. Pure apart from
 * the scorer's clock and counting.
 */
public final class ScoreStage {
    private final BatchScorer scorer;
    private final StageCounts counts;

    public ScoreStage(BatchScorer scorer, StageCounts counts) {
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.counts = Objects.requireNonNull(counts, "counts");
    }

    /**
     * One outcome per pending record, in the same order.
     *
     * @throws IllegalStateException when the scorer does not return one result per post
     */
    public List<Outcome> score(List<? extends Pending> pending) {
        List<Post> toScore = new ArrayList<>();
        for (Pending p : pending) {
            if (p instanceof Pending.ToScore s) {
                toScore.add(s.post());
            }
        }
        List<ScoredPost> scored = toScore.isEmpty() ? List.of() : scorer.score(toScore);
        if (scored.size() != toScore.size()) {
            throw new IllegalStateException(
                    "the scorer returned " + scored.size() + " results for " + toScore.size());
        }
        List<Outcome> out = new ArrayList<>(pending.size());
        int next = 0;
        for (Pending p : pending) {
            if (p instanceof Outcome o) {
                out.add(o);
            } else {
                ScoredPost sp = scored.get(next++);
                if (!sp.sentiment().isScored()) {
                    counts.unscored();
                }
                out.add(new PostWrite.Upsert(sp));
            }
        }
        return out;
    }
}
