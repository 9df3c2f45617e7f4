package dev.undertone.app.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads durable records from the journal in offset order, following the writer as it appends. One
 * reader belongs to one thread.
 */
public final class JournalReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalReader.class);

    private final Journal journal;
    private final ArrayDeque<JournalRecord> buffered = new ArrayDeque<>();
    private long nextOffset;
    private Segment segment;
    private FileChannel channel;
    private SegmentScanner scanner;

    JournalReader(Journal journal, long fromOffset) {
        this.journal = journal;
        this.nextOffset = fromOffset;
    }

    /** The offset of the next record this reader will return. */
    public long nextOffset() {
        return buffered.isEmpty() ? nextOffset : buffered.peekFirst().offset();
    }

    /**
     * Returns up to {@code max} records, waiting at most {@code wait} for the first one; an empty
     * list when none became durable in time or the journal closed.
     */
    public List<JournalRecord> poll(int max, Duration wait)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (buffered.isEmpty()) {
            if (!readEntry()) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || journal.isClosed()) {
                    return List.of();
                }
                journal.awaitEnd(nextOffset, left);
            }
        }
        List<JournalRecord> out = new ArrayList<>(Math.min(max, buffered.size()));
        while (out.size() < max && !buffered.isEmpty()) {
            out.add(buffered.pollFirst());
        }
        return out;
    }

    /** Reads the next entry into the buffer; false when nothing durable is left to read now. */
    private boolean readEntry() throws IOException {
        while (true) {
            if (segment == null && !openSegmentFor(nextOffset)) {
                return false;
            }
            Journal.ActiveView view = journal.activeView();
            boolean isActive = view.segment().baseOffset() == segment.baseOffset();
            long limit = isActive ? view.durableBytes() : channel.size();
            JournalEntry entry = scanner.next(limit, true);
            if (entry != null) {
                long offset = entry.baseOffset();
                for (var r : entry.records()) {
                    if (offset >= nextOffset) {
                        buffered.add(new JournalRecord(offset, entry.sourceName(), r));
                    }
                    offset++;
                }
                nextOffset = Math.max(nextOffset, entry.endOffset());
                if (!buffered.isEmpty()) {
                    return true;
                }
                continue;
            }
            if (isActive) {
                return false;
            }
            if (scanner.position() < limit) {
                LOG.error(
                        "The journal segment {} is corrupt after byte {}; records from offset {}"
                                + " to the next segment are lost. Check the disk.",
                        segment.path(),
                        scanner.position(),
                        nextOffset);
            }
            closeSegment();
            if (!openNextSegment(view)) {
                return false;
            }
        }
    }

    private boolean openSegmentFor(long offset) throws IOException {
        List<Segment> segments = Segment.list(journal.directory());
        Segment pick = null;
        for (Segment s : segments) {
            if (s.baseOffset() <= offset) {
                pick = s;
            }
        }
        if (pick == null) {
            if (segments.isEmpty()) {
                return false;
            }
            pick = segments.get(0);
            LOG.warn(
                    "The journal no longer holds offset {} (retention removed it); reading from {}.",
                    offset,
                    pick.baseOffset());
            nextOffset = pick.baseOffset();
        }
        return open(pick);
    }

    private boolean openNextSegment(Journal.ActiveView view) throws IOException {
        for (Segment s : Segment.list(journal.directory())) {
            if (s.baseOffset() >= nextOffset) {
                return open(s);
            }
        }
        return open(view.segment());
    }

    private boolean open(Segment s) throws IOException {
        try {
            channel = FileChannel.open(s.path(), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return false;
        }
        segment = s;
        scanner = new SegmentScanner(channel, 0);
        return true;
    }

    private void closeSegment() throws IOException {
        if (channel != null) {
            channel.close();
        }
        channel = null;
        segment = null;
        scanner = null;
    }

    @Override
    public void close() throws IOException {
        closeSegment();
    }
}
