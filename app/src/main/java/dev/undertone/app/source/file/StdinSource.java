package dev.undertone.app.source.file;

import dev.undertone.app.source.EndOfInputException;
import dev.undertone.app.source.Source;
import dev.undertone.app.source.SourceBatch;
import dev.undertone.app.source.SourceFatalException;
import dev.undertone.core.decode.RawRecord;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads records from standard input ({@code --source stdin}) with the same framing as files. A
 * reader thread hands batches over a small bounded queue, so {@link #read} honours its timeout
 * while input is slow (a person typing, a pipe from a slow producer) and memory stays bounded.
 *
 * <p>Standard input cannot be re-read: there is no resume position, records have no origin (posts
 * of id-less formats get ids from their bytes), and a read failure is fatal.
 */
public final class StdinSource implements Source {
    private static final int QUEUED_BATCHES = 4;
    private static final int SNIFF_BYTES = 4096;

    private final InputStream input;
    private final String format;
    private final int maxBatchRecords;
    private final int maxBatchBytes;
    private final int maxRecordBytes;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private Thread reader;
    private volatile boolean closed;
    private boolean ended;

    /** The end of input, as queued by the reader thread. */
    private static final Object END = new Object();

    /**
     * @param input the stream to read (System.in in the product)
     * @param format the record format, one of {@link dev.undertone.core.decode.Formats#ALL}
     */
    public StdinSource(InputStream input, String format) {
        this(input, FileSourceConfig.of(java.nio.file.Path.of("-"), format));
    }

    /** Reads with the batch and record limits of a file source config (its path is ignored). */
    public StdinSource(InputStream input, FileSourceConfig limits) {
        this.input = input;
        this.format = limits.format();
        this.maxBatchRecords = limits.maxBatchRecords();
        this.maxBatchBytes = limits.maxBatchBytes();
        this.maxRecordBytes = limits.maxRecordBytes();
    }

    @Override
    public String name() {
        return "stdin";
    }

    @Override
    public synchronized void connect(String position) {
        if (closed) {
            throw new SourceFatalException(
                    "reading stdin: it was closed and cannot be read again; run the command again");
        }
        // Reconnecting cannot rewind standard input: the one reader thread keeps going.
        if (reader == null) {
            reader = new Thread(this::readAll, "undertone-stdin");
            reader.setDaemon(true);
            reader.start();
        }
    }

    @Override
    public SourceBatch read(Duration timeout) throws IOException, InterruptedException {
        if (ended) {
            throw new EndOfInputException("reading stdin: end of input");
        }
        Object item = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (item == null) {
            return SourceBatch.empty();
        }
        if (item == END) {
            ended = true;
            throw new EndOfInputException("reading stdin: end of input");
        }
        if (item instanceof IOException e) {
            ended = true;
            throw new SourceFatalException("reading stdin failed: " + e.getMessage(), e);
        }
        @SuppressWarnings("unchecked")
        List<RawRecord> records = (List<RawRecord>) item;
        return new SourceBatch(records, null);
    }

    @Override
    public void close() {
        closed = true;
        Thread t = reader;
        if (t != null) {
            t.interrupt();
        }
    }

    private void readAll() {
        try {
            BufferedInputStream in = new BufferedInputStream(input, SNIFF_BYTES * 2);
            Framing framing = Framing.choose(format, null, firstLine(in));
            String recordFormat = framing.recordFormat(format);
            LineReader lines = new LineReader(in, maxRecordBytes, 0, 0);
            RecordFramer framer =
                    switch (framing) {
                        case LINES -> new LineFramer(lines);
                        case SSE -> new SseRecordFramer(lines, maxRecordBytes);
                        case CSV -> new CsvFramer(lines, maxRecordBytes, null);
                    };
            pump(framer, recordFormat);
            put(END);
        } catch (IOException e) {
            putQuietly(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Peeks at the input up to the end of its first non-blank line (at most a few KiB), without
     * waiting for more: a person typing must not have to fill a buffer first.
     */
    private static byte[] firstLine(BufferedInputStream in) throws IOException {
        in.mark(SNIFF_BYTES);
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
        boolean content = false;
        while (head.size() < SNIFF_BYTES) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            if (b == '\n' && content) {
                break;
            }
            content |= b != '\n' && b != '\r' && b != ' ' && b != '\t';
        }
        in.reset();
        return head.toByteArray();
    }

    /** Reads records into batches, handing a batch over when full or when input pauses. */
    private void pump(RecordFramer framer, String recordFormat)
            throws IOException, InterruptedException {
        List<RawRecord> batch = new ArrayList<>();
        long bytes = 0;
        while (!closed) {
            RecordFramer.Framed f = framer.next();
            if (f == null) {
                break;
            }
            batch.add(new RawRecord(recordFormat, null, Instant.now(), f.payload()));
            bytes += f.payload().length;
            if (batch.size() >= maxBatchRecords
                    || bytes >= maxBatchBytes
                    || !framer.hasBuffered()) {
                put(batch);
                batch = new ArrayList<>();
                bytes = 0;
            }
        }
        if (!batch.isEmpty()) {
            put(batch);
        }
    }

    private void put(Object item) throws InterruptedException {
        while (!closed) {
            if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    private void putQuietly(Object item) {
        try {
            put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
