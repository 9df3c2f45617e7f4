package dev.undertone.app.pipeline;

import dev.undertone.app.journal.Journal;
import dev.undertone.app.journal.JournalReader;
import dev.undertone.app.journal.JournalRecord;
import dev.undertone.app.store.IndexListener;
import dev.undertone.app.store.WriteCounts;
import dev.undertone.app.store.lucene.LuceneIndex;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processor thread: reads the journal from the index's committed offset and applies each batch
 * to the index, refreshing searches and committing on the index's intervals.
 *
 * <p>Exactly once into the index: the journal offset is committed with the writes, writes are
 * idempotent by post key, and after a crash the records after the last commit are applied again in
 * order.
 */
public final class Processor implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Processor.class);

    private final Journal journal;
    private final LuceneIndex index;
    private final RejectedLog rejected;
    private final BatchProcessor batches;
    private final IndexListener listener;
    private final PipelineStats stats;
    private final ProcessorConfig config;
    private final Clock clock;
    private volatile boolean stopRequested;
    private volatile boolean drain;
    private volatile Throwable failure;
    private long lastRetentionNanos;

    public Processor(
            Journal journal,
            LuceneIndex index,
            RejectedLog rejected,
            Stages stages,
            IndexListener listener,
            PipelineStats stats,
            ProcessorConfig config,
            Clock clock) {
        this.journal = journal;
        this.index = index;
        this.rejected = rejected;
        this.batches =
                new BatchProcessor(stages.decoder(), stages.tracker(), stages.scorer(), stats);
        this.listener = listener;
        this.stats = stats;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Asks the processor to stop.
     *
     * @param drainFirst true to apply every durable record first (replay's end), false to stop
     *     after the current batch (what is left is applied on the next start)
     */
    public void requestStop(boolean drainFirst) {
        this.drain = drainFirst;
        this.stopRequested = true;
    }

    /** The error that stopped the processor, or null. */
    public Throwable failure() {
        return failure;
    }

    @Override
    public void run() {
        try (JournalReader reader = journal.reader(index.committedOffset())) {
            applyRetention(true);
            while (true) {
                List<JournalRecord> records =
                        reader.poll(config.maxBatchRecords(), config.pollWait());
                if (!records.isEmpty()) {
                    apply(records);
                }
                housekeeping();
                if (stopRequested
                        && (!drain
                                || (records.isEmpty()
                                        && reader.nextOffset() >= journal.endOffset()))) {
                    break;
                }
            }
            finish();
        } catch (Throwable t) {
            failure = t;
            LOG.error(
                    "Processing the journal stopped: {}. Accepted records stay in the journal and"
                            + " are applied on the next start.",
                    t.toString(),
                    t);
        }
    }

    private void apply(List<JournalRecord> records) throws IOException {
        BatchProcessor.Result result = batches.process(records);
        for (BatchProcessor.Rejection r : result.rejections()) {
            rejected.add(r.record(), r.reason());
        }
        long after = records.get(records.size() - 1).offset() + 1;
        WriteCounts counts = index.apply(result.writes(), after);
        stats.indexed.add(counts.indexed());
        stats.updated.add(counts.updated());
        stats.deleted.add(counts.deleted());
    }

    private void housekeeping() throws IOException {
        publish(index.maybeRefresh());
        if (index.appliedOffset() > index.committedOffset() && index.maybeCommitDue()) {
            commit();
        }
        applyRetention(false);
    }

    private void commit() throws IOException {
        // Rejected records must be durable before the index says they were processed.
        rejected.sync();
        index.commit();
        journal.committed(index.committedOffset());
    }

    private void finish() throws IOException {
        publish(index.refresh());
        commit();
    }

    private void publish(LuceneIndex.Refreshed refreshed) {
        if (refreshed == null) {
            return;
        }
        if (!refreshed.posts().isEmpty()) {
            listener.indexed(refreshed.posts());
        }
        if (!refreshed.deletedKeys().isEmpty()) {
            listener.deleted(refreshed.deletedKeys());
        }
    }

    private void applyRetention(boolean now) throws IOException {
        if (config.retain() == null) {
            return;
        }
        long interval = config.retentionCheckInterval().toNanos();
        if (!now && System.nanoTime() - lastRetentionNanos < interval) {
            return;
        }
        lastRetentionNanos = System.nanoTime();
        index.removeCreatedBefore(clock.instant().minus(config.retain()));
    }
}
