package dev.undertone.app.pipeline;

import dev.undertone.app.journal.JournalRecord;
import dev.undertone.core.stage.Outcome;
import dev.undertone.core.stage.Pending;
import dev.undertone.core.stage.PostWrite;
import dev.undertone.core.stage.ScoreStage;
import dev.undertone.core.stage.StageCounts;
import dev.undertone.core.stage.TrackStage;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a batch of journal records into store writes with {@code core}'s record-to-write stage:
 * decode and track each record, then classify all kept posts in one model call. Pure apart from
 * counting; rejections are returned, not written.
 */
final class BatchProcessor {
    private final TrackStage track;
    private final ScoreStage score;

    BatchProcessor(Stages stages, PipelineStats stats) {
        StageCounts counts = counts(stats);
        this.track = new TrackStage(stages.decoder(), stages.tracker(), counts);
        this.score = new ScoreStage(stages.scorer(), counts);
    }

    /** A record that could not be decoded, and why. */
    record Rejection(JournalRecord record, String reason) {}

    /** The writes for the store, in journal order, and the rejections to keep. */
    record Result(List<PostWrite> writes, List<Rejection> rejections) {}

    Result process(List<JournalRecord> records) {
        List<Pending> pending = new ArrayList<>(records.size());
        for (JournalRecord r : records) {
            pending.add(track.apply(r.record()));
        }
        List<Outcome> outcomes = score.score(pending);
        List<PostWrite> writes = new ArrayList<>(outcomes.size());
        List<Rejection> rejections = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            if (o instanceof PostWrite w) {
                writes.add(w);
            } else if (o instanceof Outcome.Rejected rej) {
                rejections.add(new Rejection(records.get(i), rej.reason()));
            }
        }
        return new Result(writes, rejections);
    }

    private static StageCounts counts(PipelineStats stats) {
        return new StageCounts() {
            @Override
            public void post() {
                stats.posts.increment();
            }

            @Override
            public void matched() {
                stats.matched.increment();
            }

            @Override
            public void notAPost() {
                stats.notPosts.increment();
            }

            @Override
            public void rejected() {
                stats.rejected.increment();
            }

            @Override
            public void unscored() {
                stats.unscored.increment();
            }
        };
    }
}
