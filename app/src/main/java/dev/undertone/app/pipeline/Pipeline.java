package dev.undertone.app.pipeline;

import dev.undertone.app.journal.Journal;
import dev.undertone.app.source.Source;
import dev.undertone.app.store.IndexListener;
import dev.undertone.app.store.lucene.LuceneIndex;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded pipeline, wired by hand: sources -> journal -> processor (decode, track, classify)
 * -> Lucene index. Owns the data directory while open.
 *
 * <p>Use: {@link #open}, then {@link #startProcessing}, then {@link #startSource} for each source,
 * and finally {@link #close} (which drains nothing: what is journaled but not yet indexed is
 * applied on the next start) or {@link #drainAndClose} (replay's end).
 */
public final class Pipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    private static final Duration END_POLL = Duration.ofSeconds(1);
    private static final Duration APPLIED_POLL = Duration.ofMillis(200);

    private final DataDir dataDir;
    private final Journal journal;
    private final LuceneIndex index;
    private final RejectedLog rejected;
    private final PipelineConfig config;
    private final PipelineStats stats = new PipelineStats();
    private final Clock clock;
    private final List<SourceRunner> runners = new CopyOnWriteArrayList<>();
    private Processor processor;
    private Thread processorThread;
    private boolean closed;

    private Pipeline(
            DataDir dataDir,
            Journal journal,
            LuceneIndex index,
            RejectedLog rejected,
            PipelineConfig config,
            Clock clock) {
        this.dataDir = dataDir;
        this.journal = journal;
        this.index = index;
        this.rejected = rejected;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Opens the data directory for writing: locks it, recovers the journal, opens the index.
     *
     * @throws PipelineException with a message saying what to do when any part cannot be opened
     */
    public static Pipeline open(java.nio.file.Path dataRoot, PipelineConfig config, Clock clock) {
        DataDir dir = DataDir.openForWriting(dataRoot);
        Journal journal = null;
        LuceneIndex index = null;
        try {
            journal = Journal.open(dir.journal(), config.journal(), clock);
            index = LuceneIndex.open(dir.index(), config.index(), clock);
            RejectedLog rejected = RejectedLog.open(dir.rejected());
            return new Pipeline(dir, journal, index, rejected, config, clock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(index);
            closeQuietly(journal);
            dir.close();
            throw new PipelineException(
                    "opening the data in " + dir.root() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Starts the processor thread: from the index's committed offset to the journal's end. The
     * track stage's models are read first, so that the first posts of a live stream, which arrive
     * once the sources start, do not wait for them behind the journal.
     */
    public void startProcessing(Stages stages, IndexListener listener) {
        long started = System.nanoTime();
        stages.tracker().loadModels();
        LOG.debug("Track models read in {} ms.", (System.nanoTime() - started) / 1_000_000);
        processor =
                new Processor(
                        journal,
                        index,
                        rejected,
                        stages,
                        listener,
                        stats,
                        config.processor(),
                        clock);
        processorThread = new Thread(processor, "undertone-processor");
        processorThread.start();
    }

    /** Starts reading a source on a thread of its own; records go to the journal. */
    public SourceRunner startSource(Source source) {
        return startSource(source, false);
    }

    /**
     * Starts reading a source on a thread of its own.
     *
     * @param fromStart ignore the source's journaled position on the first connection (read a file
     *     again from its beginning)
     */
    public SourceRunner startSource(Source source, boolean fromStart) {
        SourceRunner runner = new SourceRunner(source, journal, stats, clock, fromStart);
        runners.add(runner);
        Thread t = new Thread(runner, "undertone-source-" + source.name());
        t.setDaemon(true);
        t.start();
        return runner;
    }

    /** Stops every source; already journaled records are still processed. */
    public void stopSources() throws InterruptedException {
        for (SourceRunner r : runners) {
            r.stop();
        }
        for (SourceRunner r : runners) {
            if (!r.await(STOP_WAIT)) {
                LOG.warn("The source {} did not stop within {}.", r.source().name(), STOP_WAIT);
            }
        }
    }

    /**
     * Stops the sources, applies every journaled record to the index, commits and closes.
     *
     * @throws PipelineException if processing failed
     */
    public void drainAndClose() throws InterruptedException {
        drain();
        close();
    }

    /**
     * Stops the sources and applies every journaled record to the index; the index stays open for
     * reading (the alert monitor judges the last windows) until {@link #close}.
     *
     * @throws PipelineException if processing failed
     */
    public void drain() throws InterruptedException {
        stopSources();
        stopProcessor(true);
    }

    private void stopProcessor(boolean drain) throws InterruptedException {
        if (processorThread == null) {
            return;
        }
        processor.requestStop(drain);
        processorThread.join();
        processorThread = null;
        if (processor.failure() != null) {
            throw new PipelineException(
                    "processing the journal failed: " + processor.failure().getMessage(),
                    processor.failure());
        }
    }

    /** The counters of this run. */
    public PipelineStats stats() {
        return stats;
    }

    /** The index being written (its searcher manager serves the API). */
    public LuceneIndex index() {
        return index;
    }

    /** The journal. */
    public Journal journal() {
        return journal;
    }

    /** The data directory. */
    public DataDir dataDir() {
        return dataDir;
    }

    /** The health document ({@code /api/health}): processor state, backlog, every source. */
    public Map<String, Object> health() {
        return PipelineHealth.of(this, runners);
    }

    /**
     * Reads {@code source} to its end ({@code replay}): returns once the source has finished, or
     * stops it when the processor fails (that failure surfaces in {@link #drain}).
     *
     * @param fromStart ignore the source's journaled position
     * @throws PipelineException when the source fails for good
     */
    public void readToEnd(Source source, boolean fromStart) throws InterruptedException {
        SourceRunner runner = startSource(source, fromStart);
        while (!runner.await(END_POLL)) {
            if (processorFailure() != null) {
                runner.stop();
                break;
            }
        }
        if (runner.fatalError() != null) {
            throw new PipelineException(
                    "reading " + source.name() + " failed: " + runner.fatalError().getMessage(),
                    runner.fatalError());
        }
    }

    /**
     * Waits until every record read so far is applied to the index (or the processor failed), so
     * progress shown meanwhile reaches its end when the index, not the reader, is done.
     */
    public void awaitApplied() throws InterruptedException {
        while (stats.applied.sum() < stats.read.sum() && processorFailure() == null) {
            Thread.sleep(APPLIED_POLL.toMillis());
        }
    }

    /** The processor's failure, or null while it runs or after a clean stop. */
    public Throwable processorFailure() {
        return processor == null ? null : processor.failure();
    }

    /**
     * Stops sources and the processor after its current batch, commits and releases the data
     * directory. Records journaled but not yet indexed are applied on the next start.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stopSources();
            stopProcessor(false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(index);
            closeQuietly(journal);
            closeQuietly(rejected);
            dataDir.close();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("Closing {} failed: {}.", c.getClass().getSimpleName(), e.toString());
        }
    }
}
