package dev.undertone.flink;

import dev.undertone.core.post.Post;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.sentiment.PostScorer;
import dev.undertone.core.sentiment.SentimentModel;
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
 * <p>Scoring is {@code core}'s {@link PostScorer}: posts in languages the model does not support
 * are stored unscored, as on one machine. Deletes are buffered with the posts so that a post and
 * its later delete leave in order. The model is built in {@link #open} on the task manager.
 */
public final class ClassifyOperator extends AbstractStreamOperator<IndexChange>
        implements OneInputStreamOperator<PostChange, IndexChange> {
    private static final long serialVersionUID = 1L;

    private final SerializableFactory<SentimentModel> modelFactory;
    private final int batchSize;
    private final long maxWaitMillis;

    private transient PostScorer scorer;
    private transient List<PostChange> buffer;
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
        scorer = new PostScorer(modelFactory.create(), Clock.systemUTC());
        buffer = new ArrayList<>(batchSize);
    }

    @Override
    public void processElement(StreamRecord<PostChange> element) {
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
        List<Post> posts = new ArrayList<>();
        for (PostChange c : buffer) {
            if (c instanceof PostChange.Upsert u) {
                posts.add(u.post());
            }
        }
        List<ScoredPost> scored = posts.isEmpty() ? List.of() : scorer.score(posts);
        int i = 0;
        for (PostChange c : buffer) {
            IndexChange out;
            if (c instanceof PostChange.Upsert u) {
                out = new IndexChange.Indexed(scored.get(i++), u.version());
            } else {
                PostChange.Delete d = (PostChange.Delete) c;
                out = new IndexChange.Deleted(d.key(), d.version());
            }
            output.collect(new StreamRecord<>(out));
        }
        buffer.clear();
    }
}
