package dev.undertone.flink;

import dev.undertone.core.decode.RecordDecoder;
import dev.undertone.core.stage.Outcome;
import dev.undertone.core.stage.Pending;
import dev.undertone.core.stage.StageCounts;
import dev.undertone.core.stage.TrackStage;
import dev.undertone.core.track.PostTracker;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Decodes and tracks raw records with {@code core}'s {@link TrackStage}, the code the one-machine
 * pipeline runs: kept posts and deletes go on (an edit the rules no longer keep is a delete, so the
 * index drops its stored version); records that cannot be decoded, or whose decoder failed, go to
 * the {@link #REJECTED} side output with the reason (for the dead-letter topic); the rest (not
 * posts, posts no rule keeps) are dropped and counted.
 */
public final class DecodeTrackFunction extends ProcessFunction<RawEvent, PendingChange> {
    private static final long serialVersionUID = 1L;

    /** Records the decoder rejected. */
    public static final OutputTag<DeadLetter> REJECTED =
            new OutputTag<>("rejected", TypeInformation.of(DeadLetter.class));

    private final SerializableFactory<RecordDecoder> decoderFactory;
    private final SerializableFactory<PostTracker> trackerFactory;
    private transient TrackStage stage;

    public DecodeTrackFunction(
            SerializableFactory<RecordDecoder> decoderFactory,
            SerializableFactory<PostTracker> trackerFactory) {
        this.decoderFactory = decoderFactory;
        this.trackerFactory = trackerFactory;
    }

    @Override
    public void open(OpenContext ctx) throws Exception {
        var metrics = getRuntimeContext().getMetricGroup();
        Counter discarded = metrics.counter("component_discarded_events_total");
        Counter errors = metrics.counter("component_errors_total");
        StageCounts counts =
                new StageCounts() {
                    @Override
                    public void unmatched() {
                        discarded.inc();
                    }

                    @Override
                    public void notAPost() {
                        discarded.inc();
                    }

                    @Override
                    public void rejected() {
                        errors.inc();
                    }
                };
        stage = new TrackStage(decoderFactory.create(), trackerFactory.create(), counts);
    }

    @Override
    public void processElement(RawEvent e, Context ctx, Collector<PendingChange> out) {
        Pending p = stage.apply(e.record());
        if (p instanceof Outcome.Rejected r) {
            ctx.output(
                    REJECTED,
                    new DeadLetter(
                            "decode_rejected",
                            r.reason(),
                            1,
                            e.record().receivedAt().toEpochMilli(),
                            null,
                            null,
                            e.record().payload()));
        } else if (!(p instanceof Outcome.Skipped)) {
            out.collect(new PendingChange(p, e.version()));
        }
    }
}
