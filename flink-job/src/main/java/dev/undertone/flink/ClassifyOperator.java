package dev.undertone.flink;

import dev.undertone.core.sentiment.PostScorer;
import dev.undertone.core.sentiment.SentimentModel;
import dev.undertone.core.stage.Outcome;
import dev.undertone.core.stage.Pending;
import dev.undertone.core.stage.PostWrite;
import dev.undertone.core.stage.ScoreStage;
import dev.undertone.core.stage.StageCounts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Scores posts in batches, because models (transformers above all) are much faster per post on a
 * batch. A batch goes out when it holds {@code batchSize} changes or its oldest change has waited
 * {@code maxWaitMillis}, and always before a checkpoint barrier, so the operator keeps no state.
 *
 * <p>Scoring is {@code core}'s {@link ScoreStage} with its {@link PostScorer}, as on one machine:
 * posts in languages the model does not support are stored unscored. Deletes are buffered with the
 * posts so that a post and its later delete leave in order. The model is built in {@link #open} on
 * the task manager.
 */
public final class ClassifyOperator extends AbstractStreamOperator<IndexChange>
        implements OneInputStreamOperator<PendingChange, IndexChange> {
    private static final long serialVersionUID = 1L;

    private final SerializableFactory<SentimentModel> modelFactory;
    private final int batchSize;
    private final long maxWaitMillis;

    private transient ScoreStage stage;
    private transient List<PendingChange> buffer;
    private transient boolean timerSet;

    /**
     * @param modelFactory builds the model on the task manager
     * @param batchSize the most changes per batch
     * @param maxWaitMillis the longest a change waits for its batch to fill
     */
    public ClassifyOperator(
            SerializableFactory<SentimentModel> modelFactory, int batchSize, long maxWaitMillis) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("classify batch size must be >= 1");
        }
        if (maxWaitMillis < 1) {
            throw new IllegalArgumentException("classify max wait must be >= 1 ms");
        }
        this.modelFactory = modelFactory;
        this.batchSize = batchSize;
        this.maxWaitMillis = maxWaitMillis;
    }

    @Override
    public void open() throws Exception {
        super.open();
        PostScorer scorer = new PostScorer(modelFactory.create(), Clock.systemUTC());
        stage = new ScoreStage(scorer::score, StageCounts.NONE);
        buffer = new ArrayList<>(batchSize);
    }

    @Override
    public void processElement(StreamRecord<PendingChange> element) {
        buffer.add(element.getValue());
        if (buffer.size() >= batchSize) {
            flush();
        } else if (!timerSet) {
            timerSet = true;
            long now = getProcessingTimeService().getCurrentProcessingTime();
            getProcessingTimeService().registerTimer(now + maxWaitMillis, t -> onTimer());
        }
    }

    private void onTimer() {
        timerSet = false;
        flush();
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        flush();
    }

    @Override
    public void finish() throws Exception {
        flush();
        super.finish();
    }

    private void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        List<Pending> pending = new ArrayList<>(buffer.size());
        for (PendingChange c : buffer) {
            pending.add(c.pending());
        }
        List<Outcome> outcomes = stage.score(pending);
        for (int i = 0; i < outcomes.size(); i++) {
            // only writes reach this operator: the decode step sends everything else elsewhere
            PostWrite write = (PostWrite) outcomes.get(i);
            output.collect(new StreamRecord<>(IndexChange.of(write, buffer.get(i).version())));
        }
        buffer.clear();
    }
}
