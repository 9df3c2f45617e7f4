package dev.undertone.flink;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/**
 * Keeps the posts that match the track rules. Deletes always pass: a delete of a post that was
 * never stored is harmless, and the rules may have changed since it was.
 */
public final class TrackFunction extends RichFlatMapFunction<PostChange, PostChange> {
    private static final long serialVersionUID = 1L;

    private final SerializableFactory<Tracker> trackerFactory;
    private transient Tracker tracker;
    private transient Counter unmatched;

    public TrackFunction(SerializableFactory<Tracker> trackerFactory) {
        this.trackerFactory = trackerFactory;
    }

    @Override
    public void open(OpenContext ctx) throws Exception {
        tracker = trackerFactory.create();
        unmatched =
                getRuntimeContext().getMetricGroup().counter("component_discarded_events_total");
    }

    @Override
    public void flatMap(PostChange change, Collector<PostChange> out) {
        if (change instanceof PostChange.Upsert u) {
            var tracked = tracker.track(u.post());
            if (tracked == null) {
                unmatched.inc();
                return;
            }
            out.collect(new PostChange.Upsert(tracked, u.version()));
        } else {
            out.collect(change);
        }
    }
}
