package dev.undertone.app.pipeline;

import dev.undertone.app.store.lucene.LuceneIndex;
import dev.undertone.app.store.lucene.LuceneIndexConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve --retain}: with no pipeline running, takes the data directory's write lock, opens
 * the index and removes posts older than the retention every minute (and once at start), each
 * removal committed. A running pipeline does the same inside its processor instead.
 */
public final class IndexRetention implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexRetention.class);
    private static final Duration EVERY = Duration.ofMinutes(1);

    private final DataDir dir;
    private final LuceneIndex index;
    private final Duration retain;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;

    private IndexRetention(DataDir dir, LuceneIndex index, Duration retain, Clock clock) {
        this.dir = dir;
        this.index = index;
        this.retain = retain;
        this.clock = clock;
        this.scheduler =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "undertone-retention");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /**
     * Locks {@code dataRoot}, opens its index and starts removing posts created more than {@code
     * retain} ago.
     *
     * @throws PipelineException when the data directory is locked by another process
     */
    public static IndexRetention start(Path dataRoot, Duration retain, Clock clock)
            throws IOException {
        DataDir dir = DataDir.openForWriting(dataRoot);
        LuceneIndex index;
        try {
            index = LuceneIndex.open(dir.index(), LuceneIndexConfig.DEFAULTS, clock);
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
        IndexRetention r = new IndexRetention(dir, index, retain, clock);
        r.scheduler.scheduleWithFixedDelay(r::removeOld, 0, EVERY.toSeconds(), TimeUnit.SECONDS);
        return r;
    }

    /** The index being trimmed (its searcher manager serves the API). */
    public LuceneIndex index() {
        return index;
    }

    private synchronized void removeOld() {
        try {
            index.removeCreatedBefore(clock.instant().minus(retain));
            index.commit();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Removing posts older than {} failed; the next run retries.", retain, e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        scheduler.shutdownNow();
        try {
            index.close();
        } finally {
            dir.close();
        }
    }
}
