package dev.undertone.flink;

import dev.undertone.core.decode.Decoded;
import dev.undertone.core.decode.RecordDecoder;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Decodes raw records with the same {@code core} decoders as the one-machine pipeline. Posts, edits
 * and deletes go on; records that cannot be decoded go to the {@link #REJECTED} side output with
 * the reason (for the dead-letter topic); valid records that are not posts are dropped and counted.
 */
public final class DecodeFunction extends ProcessFunction<RawEvent, PostChange> {
    private static final long serialVersionUID = 1L;

    /** Records the decoder rejected. */
    public static final OutputTag<DeadLetter> REJECTED =
            new OutputTag<>(
                    "rejected",
                    org.apache.flink.api.common.typeinfo.TypeInformation.of(DeadLetter.class));

    private final SerializableFactory<RecordDecoder> decoderFactory;
    private transient RecordDecoder decoder;
    private transient Counter notPosts;
    private transient Counter rejected;

    public DecodeFunction(SerializableFactory<RecordDecoder> decoderFactory) {
        this.decoderFactory = decoderFactory;
    }

    @Override
    public void open(OpenContext ctx) throws Exception {
        decoder = decoderFactory.create();
        notPosts = getRuntimeContext().getMetricGroup().counter("component_discarded_events_total");
        rejected = getRuntimeContext().getMetricGroup().counter("component_errors_total");
    }

    @Override
    public void processElement(RawEvent e, Context ctx, Collector<PostChange> out) {
        Decoded d = decoder.decode(e.record());
        if (d instanceof Decoded.NewPost p) {
            out.collect(new PostChange.Upsert(p.post(), e.version()));
        } else if (d instanceof Decoded.Deletion del) {
            out.collect(new PostChange.Delete(del.key(), e.version()));
        } else if (d instanceof Decoded.Rejected r) {
            rejected.inc();
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
        } else {
            notPosts.inc();
        }
    }
}
