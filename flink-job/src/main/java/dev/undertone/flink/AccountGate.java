package dev.undertone.flink;

import dev.undertone.core.post.Post;
import dev.undertone.core.stage.PostWrite;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keeps the posts of purged accounts out of the index: account writes arrive on the broadcast side
 * (every subtask sees every one) and update the purged accounts, a broadcast state checkpointed
 * with the Kafka offsets, so the record survives restarts exactly as the index's does on one
 * machine; a post of a purged account is dropped until the account's {@link
 * PostWrite.RestoreAccount}. The purge itself goes on to the sink once, from subtask 0, which
 * deletes the account's posts by query.
 *
 * <p>The two inputs are not ordered against each other: a post processed by another subtask in the
 * same moment as the purge can still reach the index after it. Replays cannot undo a purge: the
 * state outlives them.
 */
public final class AccountGate
        extends BroadcastProcessFunction<IndexChange, IndexChange, IndexChange> {
    private static final long serialVersionUID = 1L;

    /** Account keys ({@code source:authorId}) purged and not restored since. */
    public static final MapStateDescriptor<String, Boolean> PURGED =
            new MapStateDescriptor<>("purged-accounts", Types.STRING, Types.BOOLEAN);

    private transient Counter refused;
    private transient Counter purged;

    @Override
    public void open(org.apache.flink.api.common.functions.OpenContext ctx) {
        var metrics = getRuntimeContext().getMetricGroup();
        refused = metrics.counter("undertone_posts_refused_total");
        purged = metrics.counter("undertone_accounts_purged_total");
    }

    @Override
    public void processElement(IndexChange change, ReadOnlyContext ctx, Collector<IndexChange> out)
            throws Exception {
        if (change.write() instanceof PostWrite.Upsert u) {
            Post p = u.post().post();
            ReadOnlyBroadcastState<String, Boolean> state = ctx.getBroadcastState(PURGED);
            if (p.authorId() != null
                    && state.contains(PostWrite.accountKey(p.source(), p.authorId()))) {
                refused.inc();
                return;
            }
        }
        out.collect(change);
    }

    @Override
    public void processBroadcastElement(IndexChange change, Context ctx, Collector<IndexChange> out)
            throws Exception {
        BroadcastState<String, Boolean> state = ctx.getBroadcastState(PURGED);
        if (change.write() instanceof PostWrite.PurgeAccount) {
            state.put(change.key(), true);
            if (getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
                purged.inc();
                out.collect(change);
            }
        } else if (change.write() instanceof PostWrite.RestoreAccount) {
            state.remove(change.key());
        }
    }
}
