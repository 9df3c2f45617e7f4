package dev.undertone.app.journal;

import dev.undertone.app.source.RecordSink;
import dev.undertone.app.source.SourceBatch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable local log between the sources and the processor: raw records are appended and
 * fsynced, batch by batch, before anything else happens to them, together with each source's resume
 * position.
 *
 * <p>Records get dense offsets starting at 0. The log is a directory of segment files; each starts
 * with a snapshot of all source positions, so opening the journal reads only the last segment, and
 * a torn tail left by a crash is cut off at the last complete entry. Readers see only what has been
 * fsynced. Closed segments are deleted once the index has committed all their records and they are
 * older than the retention.
 *
 * <p>Thread-safe: any number of source threads may append; readers run on their own threads.
 */
public final class Journal implements RecordSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    private final Path dir;
    private final JournalConfig config;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();

    /**
     * An appended entry's bytes, reused from append to append (under the lock): a replay's entries
     * are megabytes each, and a fresh array per entry went straight to the old generation.
     */
    private final JournalCodec.Buffer encoded = new JournalCodec.Buffer(64 * 1024);

    /** A larger encoding buffer than this is not kept after the append that needed it. */
    private static final int MAX_KEPT_ENCODE_BYTES = 16 * 1024 * 1024;

    private final Condition appended = lock.newCondition();
    private final Map<String, String> positions = new LinkedHashMap<>();

    private Segment active;
    private FileChannel activeChannel;
    private volatile long activeDurableBytes;
    private volatile long endOffset;
    private long committedOffset;
    private boolean closed;

    private Journal(Path dir, JournalConfig config, Clock clock) {
        this.dir = dir;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Opens (or creates) the journal in {@code dir}, recovering from a crash if needed.
     *
     * @throws IOException when the directory cannot be created, read or written
     */
    public static Journal open(Path dir, JournalConfig config, Clock clock) throws IOException {
        Files.createDirectories(dir);
        Journal journal = new Journal(dir, config, clock);
        journal.recover();
        return journal;
    }

    private void recover() throws IOException {
        List<Segment> segments = Segment.list(dir);
        while (!segments.isEmpty()) {
            Segment last = segments.get(segments.size() - 1);
            if (recoverSegment(last)) {
                return;
            }
            // A segment with no complete entry was created just before a crash: drop it and
            // recover from the one before, which was complete when it was closed.
            LOG.warn("Removed journal segment {} that holds no complete entry.", last.path());
            Files.delete(last.path());
            segments.remove(segments.size() - 1);
        }
        startSegment(0);
    }

    private boolean recoverSegment(Segment segment) throws IOException {
        FileChannel channel =
                FileChannel.open(segment.path(), StandardOpenOption.READ, StandardOpenOption.WRITE);
        SegmentScanner scanner = new SegmentScanner(channel, 0);
        long size = channel.size();
        long end = segment.baseOffset();
        int entries = 0;
        for (JournalEntry e = scanner.next(size, false); e != null; e = scanner.next(size, false)) {
            positions.putAll(e.positions());
            end = e.endOffset();
            entries++;
        }
        if (entries == 0) {
            channel.close();
            return false;
        }
        if (scanner.position() < size) {
            LOG.warn(
                    "Truncated the journal segment {} from {} to {} bytes: its tail was torn by an"
                            + " interrupted write and was never acknowledged.",
                    segment.path(),
                    size,
                    scanner.position());
            channel.truncate(scanner.position());
            channel.force(true);
        }
        active = segment;
        activeChannel = channel;
        activeChannel.position(scanner.position());
        activeDurableBytes = scanner.position();
        endOffset = end;
        return true;
    }

    private void startSegment(long baseOffset) throws IOException {
        Segment segment = Segment.at(dir, baseOffset);
        FileChannel channel =
                FileChannel.open(
                        segment.path(),
                        StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
        byte[] snapshot =
                JournalCodec.encode(
                        new JournalEntry(
                                baseOffset, "", new LinkedHashMap<>(positions), List.of()));
        writeFully(channel, snapshot, 0);
        channel.force(true);
        fsyncDirectory();
        if (activeChannel != null) {
            activeChannel.close();
        }
        active = segment;
        activeChannel = channel;
        activeDurableBytes = snapshot.length;
        endOffset = baseOffset;
    }

    @Override
    public void append(String sourceName, SourceBatch batch) throws IOException {
        if (batch.records().isEmpty() && batch.position() == null) {
            return;
        }
        Map<String, String> pos =
                batch.position() == null ? Map.of() : Map.of(sourceName, batch.position());
        lock.lock();
        try {
            ensureOpen();
            if (activeDurableBytes >= config.segmentBytes() && endOffset > active.baseOffset()) {
                startSegment(endOffset);
            }
            JournalCodec.encode(
                    new JournalEntry(endOffset, sourceName, pos, batch.records()), encoded);
            int length = encoded.size();
            long at = activeDurableBytes;
            try {
                writeFully(activeChannel, encoded.array(), length, at);
                activeChannel.force(false);
            } catch (IOException e) {
                // Leave no partial entry behind: later appends must start on a clean boundary.
                try {
                    activeChannel.truncate(at);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw new IOException(
                        "appending " + batch.records().size() + " records to the journal in " + dir,
                        e);
            }
            activeDurableBytes = at + length;
            encoded.shrinkTo(MAX_KEPT_ENCODE_BYTES);
            endOffset += batch.records().size();
            positions.putAll(pos);
            appended.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String position(String sourceName) {
        lock.lock();
        try {
            return positions.get(sourceName);
        } finally {
            lock.unlock();
        }
    }

    /** The offset the next appended record will get; every offset below it is durable. */
    public long endOffset() {
        return endOffset;
    }

    /** The directory holding the segments. */
    public Path directory() {
        return dir;
    }

    /** A reader over durable records, starting at {@code fromOffset}. */
    public JournalReader reader(long fromOffset) {
        return new JournalReader(this, fromOffset);
    }

    /**
     * Records that every offset below {@code offset} is committed to the index, then deletes the
     * closed segments that are fully committed and older than the retention.
     */
    public void committed(long offset) throws IOException {
        List<Segment> segments;
        lock.lock();
        try {
            committedOffset = Math.max(committedOffset, offset);
            segments = Segment.list(dir);
        } finally {
            lock.unlock();
        }
        Instant cutoff = clock.instant().minus(config.retention());
        for (int i = 0; i + 1 < segments.size(); i++) {
            Segment s = segments.get(i);
            long nextBase = segments.get(i + 1).baseOffset();
            if (nextBase <= committedOffset
                    && Files.getLastModifiedTime(s.path()).toInstant().isBefore(cutoff)) {
                Files.deleteIfExists(s.path());
                LOG.info("Deleted the journal segment {}: committed and past retention.", s.path());
            }
        }
    }

    /** Waits until the journal holds records at or beyond {@code offset}, or the timeout. */
    boolean awaitEnd(long offset, long timeoutNanos) throws InterruptedException {
        lock.lock();
        try {
            long left = timeoutNanos;
            while (endOffset <= offset && !closed && left > 0) {
                left = appended.awaitNanos(left);
            }
            return endOffset > offset;
        } finally {
            lock.unlock();
        }
    }

    /** The segment being written and how many of its bytes are durable, read together. */
    ActiveView activeView() {
        lock.lock();
        try {
            return new ActiveView(active, activeDurableBytes);
        } finally {
            lock.unlock();
        }
    }

    record ActiveView(Segment segment, long durableBytes) {}

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the journal in " + dir + " is closed");
        }
    }

    private static void writeFully(FileChannel channel, byte[] bytes, long at) throws IOException {
        writeFully(channel, bytes, bytes.length, at);
    }

    private static void writeFully(FileChannel channel, byte[] bytes, int length, long at)
            throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(bytes, 0, length);
        long p = at;
        while (buf.hasRemaining()) {
            p += channel.write(buf, p);
        }
    }

    private void fsyncDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Some file systems cannot fsync a directory; the file itself is synced.
            LOG.debug("Could not fsync the journal directory {}.", dir, e);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            appended.signalAll();
            if (activeChannel != null) {
                activeChannel.close();
            }
        } catch (IOException e) {
            LOG.warn("Closing the journal in {} failed; all appends were already synced.", dir, e);
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@link #close} was called. */
    boolean isClosed() {
        return closed;
    }
}
