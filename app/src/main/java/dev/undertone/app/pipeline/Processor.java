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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the journal to the index, from the index's committed offset on, in two stages on two
 * threads so both cores work: this thread reads the journal and prepares each batch (decode, track,
 * classify, build documents); the indexing thread applies batches in journal order, refreshes
 * searches and commits on the index's intervals.
 *
 * <p>Exactly once into the index: the journal offset is committed with the writes, writes are
 * idempotent by post key, and after a crash the records after the last commit are applied again in
 * order.
 */
public final class Processor implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Processor.class);

    /** Prepared batches waiting for the indexing thread; small, so memory stays bounded. */
    private static final int QUEUE_BATCHES = 4;

    /**
     * Journaled records not yet indexed beyond which the processor is working off a backlog (a
     * replay, a restart after a long stop) rather than following a live stream: refreshes are then
     * spaced out, since each flushes a segment. Far above what a live stream leaves in flight (a
     * stream this far behind is 10 s late at 2,000 posts/s: catching up matters more than
     * refreshing each second meanwhile).
     */
    private static final long BACKLOG_RECORDS = 20_000;

    private final Journal journal;
    private final LuceneIndex index;
    private final RejectedLog rejected;
    private final BatchProcessor batches;
    private final IndexListener listener;
    private final PipelineStats stats;
    private final ProcessorConfig config;
    private final Clock clock;
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
    private final ExecutorService committer =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread t = new Thread(r, "undertone-committer");
                        t.setDaemon(true);
                        return t;
                    });
    private Future<?> commitInFlight;
    private final ExecutorService refresher =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread t = new Thread(r, "undertone-refresher");
                        t.setDaemon(true);
                        return t;
                    });
    private Future<?> refreshInFlight;
    private LuceneIndex.RefreshTicket refreshTicket;
    private volatile boolean stopRequested;
    private volatile boolean drain;
    private volatile Throwable failure;
    private long lastRetentionNanos;

    /** A prepared batch, or the end marker. */
    private record Item(LuceneIndex.Prepared writes, int records, long offsetAfter, boolean end) {}

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
        this.batches = new BatchProcessor(stages, stats);
        this.listener = listener;
        // The index keeps until the next refresh only what the listener reads of each write.
        index.publishing(listener.detail());
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
        Thread indexer = new Thread(this::indexLoop, "undertone-indexer");
        indexer.start();
        try (JournalReader reader = journal.reader(index.committedOffset())) {
            while (failure == null) {
                List<JournalRecord> records =
                        reader.poll(config.maxBatchRecords(), config.pollWait());
                if (!records.isEmpty()) {
                    enqueue(prepare(records));
                }
                boolean caughtUp = records.isEmpty() && reader.nextOffset() >= journal.endOffset();
                if (stopRequested && (!drain || caughtUp)) {
                    break;
                }
            }
        } catch (Throwable t) {
            fail(t);
        }
        try {
            enqueue(new Item(null, 0, 0, true));
            indexer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Item prepare(List<JournalRecord> records) throws IOException {
        BatchProcessor.Result result = batches.process(records);
        for (BatchProcessor.Rejection r : result.rejections()) {
            rejected.add(r.record(), r.reason());
        }
        long after = records.get(records.size() - 1).offset() + 1;
        return new Item(index.prepare(result.writes()), records.size(), after, false);
    }

    /** Hands a batch to the indexing thread, waiting while it is behind (backpressure). */
    private void enqueue(Item item) throws InterruptedException {
        while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
            if (failure != null) {
                return;
            }
        }
    }

    private void indexLoop() {
        try {
            applyRetention(true);
            while (true) {
                Item item = queue.poll(config.pollWait().toMillis(), TimeUnit.MILLISECONDS);
                if (item != null && item.end()) {
                    break;
                }
                if (item != null) {
                    WriteCounts counts = index.apply(item.writes(), item.offsetAfter());
                    stats.indexed.add(counts.indexed());
                    stats.updated.add(counts.updated());
                    stats.deleted.add(counts.deleted());
                    stats.purged.add(counts.purged());
                    stats.stale.add(counts.stale());
                    stats.refused.add(counts.refused());
                    stats.applied.add(item.records());
                }
                housekeeping(!queue.isEmpty());
            }
            awaitCommit();
            finishRefresh(true);
            if (failure == null) {
                publish(index.refresh());
                commit();
            }
        } catch (Throwable t) {
            fail(t);
        } finally {
            committer.shutdown();
            refresher.shutdown();
        }
    }

    private void fail(Throwable t) {
        if (failure == null) {
            failure = t;
            LOG.error(
                    "Processing the journal stopped: {}. Accepted records stay in the journal and"
                            + " are applied on the next start.",
                    t.toString(),
                    t);
        }
    }

    private void housekeeping(boolean catchingUp) throws IOException, InterruptedException {
        finishRefresh(false);
        boolean backlog = journal.endOffset() - index.appliedOffset() > BACKLOG_RECORDS;
        if (refreshInFlight == null && index.refreshDue(catchingUp, backlog)) {
            // Flushing a segment for the refresh runs beside the indexing, on its own thread.
            refreshTicket = index.beginRefresh();
            refreshInFlight =
                    refresher.submit(
                            () -> {
                                index.refreshSearchers();
                                return null;
                            });
        }
        if ((commitInFlight == null || commitInFlight.isDone()) && index.maybeCommitDue(backlog)) {
            // Committing fsyncs segments: off this thread, so searches stay fresh meanwhile.
            commitInFlight =
                    committer.submit(
                            () -> {
                                try {
                                    commit();
                                } catch (Throwable t) {
                                    fail(t);
                                }
                            });
        }
        applyRetention(false);
    }

    /** Completes the refresh in flight if it is done (or, with {@code wait}, once it is). */
    private void finishRefresh(boolean wait) throws IOException, InterruptedException {
        if (refreshInFlight == null || (!wait && !refreshInFlight.isDone())) {
            return;
        }
        try {
            refreshInFlight.get();
        } catch (ExecutionException e) {
            throw new IOException("refreshing the index searchers failed", e.getCause());
        }
        refreshInFlight = null;
        publish(index.completeRefresh(refreshTicket));
    }

    private void awaitCommit() throws InterruptedException {
        if (commitInFlight == null) {
            return;
        }
        try {
            commitInFlight.get();
        } catch (ExecutionException e) {
            fail(e.getCause());
        }
    }

    private void commit() throws IOException {
        // Rejected records must be durable before the index says they were processed.
        rejected.sync();
        index.commit();
        journal.committed(index.committedOffset());
    }

    private void publish(LuceneIndex.Refreshed refreshed) {
        if (refreshed == null) {
            return;
        }
        if (!refreshed.marks().isEmpty()) {
            listener.marked(refreshed.marks());
        }
        if (!refreshed.posts().isEmpty()) {
            listener.indexed(refreshed.posts());
        }
        if (!refreshed.deletedKeys().isEmpty()) {
            listener.deleted(refreshed.deletedKeys());
        }
    }

    private void applyRetention(boolean now) throws IOException, InterruptedException {
        if (config.retain() == null) {
            return;
        }
        long interval = config.retentionCheckInterval().toNanos();
        if (!now && System.nanoTime() - lastRetentionNanos < interval) {
            return;
        }
        lastRetentionNanos = System.nanoTime();
        finishRefresh(true);
        index.removeCreatedBefore(clock.instant().minus(config.retain()));
    }
}
