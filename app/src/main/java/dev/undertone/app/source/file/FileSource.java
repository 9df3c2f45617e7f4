package dev.undertone.app.source.file;

import dev.undertone.app.source.EndOfInputException;
import dev.undertone.app.source.NotConnectedException;
import dev.undertone.app.source.ProgressAware;
import dev.undertone.app.source.Source;
import dev.undertone.app.source.SourceBatch;
import dev.undertone.app.source.SourceFatalException;
import dev.undertone.core.decode.RawRecord;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one file (plain or gzip) as a finite source: lines, SSE events or CSV records (see {@link
 * Framing}), in batches, each with the byte position after its last record. {@link #connect}
 * resumes exactly there; a file that shrank or whose first bytes changed since is read again from
 * the start. Records longer than the limit are cut and left for the decoder to reject. Each
 * record's origin is {@code <absolute path>:<line>}, which id-less formats turn into stable post
 * ids.
 */
public final class FileSource implements Source, ProgressAware {
    private static final Logger LOG = LoggerFactory.getLogger(FileSource.class);

    private final FileSourceConfig config;
    private final Path path;
    private final String name;

    private InputStream stream;
    private RecordFramer framer;
    private String recordFormat;
    private byte[] head;
    private int headFilled;
    private volatile CountingInputStream diskBytes;

    public FileSource(FileSourceConfig config) {
        this.config = config;
        this.path = config.path().toAbsolutePath().normalize();
        this.name = "file:" + path;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void connect(String position) throws IOException {
        close();
        head = new byte[FilePosition.HEAD_BYTES];
        try (InputStream in = FileOpener.open(path)) {
            headFilled = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw fatalOr(e);
        }
        FilePosition start = resume(position);
        Framing framing =
                Framing.choose(
                        config.format(),
                        path.getFileName().toString(),
                        java.util.Arrays.copyOf(head, headFilled));
        recordFormat = framing.recordFormat(config.format());
        InputStream in = null;
        CountingInputStream[] counter = new CountingInputStream[1];
        try {
            in = FileOpener.open(path, counter);
            if (!skip(in, start.offset())) {
                LOG.warn(
                        "File {} is shorter than the saved position {}; reading it again from the start.",
                        path,
                        start.offset());
                in.close();
                in = FileOpener.open(path, counter);
                start = FilePosition.START;
            }
            LineReader reader =
                    new LineReader(in, config.maxRecordBytes(), start.offset(), start.lines());
            framer =
                    switch (framing) {
                        case LINES -> new LineFramer(reader);
                        case SSE -> new SseRecordFramer(reader, config.maxRecordBytes());
                        case CSV ->
                                new CsvFramer(
                                        reader,
                                        config.maxRecordBytes(),
                                        start.offset() == 0 ? null : csvHeader());
                    };
            stream = in;
            diskBytes = counter[0];
        } catch (IOException e) {
            closeQuietly(in);
            throw fatalOr(e);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    @Override
    public SourceBatch read(Duration timeout) throws IOException {
        if (framer == null) {
            throw new NotConnectedException("reading " + name + ": not connected");
        }
        List<RawRecord> records = new ArrayList<>();
        long bytes = 0;
        boolean end = false;
        Instant now = Instant.now();
        try {
            while (records.size() < config.maxBatchRecords() && bytes < config.maxBatchBytes()) {
                RecordFramer.Framed f = framer.next();
                if (f == null) {
                    end = true;
                    break;
                }
                records.add(
                        new RawRecord(recordFormat, path + ":" + f.firstLine(), now, f.payload()));
                bytes += f.payload().length;
            }
        } catch (ZipException | EOFException e) {
            throw new SourceFatalException(
                    "reading "
                            + path
                            + ": the gzip data is corrupt or ends early ("
                            + e.getMessage()
                            + "); check the file",
                    e);
        }
        if (records.isEmpty() && end) {
            throw new EndOfInputException("reading " + path + ": end of file");
        }
        FilePosition after =
                FilePosition.of(framer.offset(), framer.lineNumber(), head, headFilled);
        return new SourceBatch(records, after.encode());
    }

    /** Bytes of the file read so far (compressed bytes for a gzip file, like the total). */
    @Override
    public long progressDone() {
        CountingInputStream c = diskBytes;
        return c == null ? 0 : c.count();
    }

    /** The file's size on disk. */
    @Override
    public long progressTotal() {
        try {
            return java.nio.file.Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        InputStream s = stream;
        stream = null;
        framer = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.debug("Closing {} failed.", path, e);
            }
        }
    }

    private void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                LOG.debug("Closing {} failed.", path, e);
            }
        }
    }

    /** Where to start: after the saved position if the file is still the same one, else at 0. */
    private FilePosition resume(String position) throws IOException {
        if (position == null) {
            return FilePosition.START;
        }
        FilePosition p;
        try {
            p = FilePosition.parse(position);
        } catch (IllegalArgumentException e) {
            LOG.warn(
                    "Saved position of {} is unreadable ({}); reading it from the start.",
                    path,
                    e.getMessage());
            return FilePosition.START;
        }
        if (!p.matchesHead(head, headFilled)) {
            LOG.warn(
                    "File {} was replaced or rewritten since it was last read; reading it again from the start.",
                    path);
            return FilePosition.START;
        }
        if (!FileOpener.isGzip(path) && Files.size(path) < p.offset()) {
            LOG.warn(
                    "File {} was truncated since it was last read; reading it again from the start.",
                    path);
            return FilePosition.START;
        }
        return p;
    }

    private byte[] csvHeader() throws IOException {
        try (InputStream in = FileOpener.open(path)) {
            byte[] header =
                    CsvFramer.readHeader(
                            new LineReader(in, config.maxRecordBytes(), 0, 0),
                            config.maxRecordBytes());
            return header == null ? new byte[0] : header;
        }
    }

    /** Skips n bytes; false when the stream ends first. */
    private static boolean skip(InputStream in, long n) throws IOException {
        try {
            in.skipNBytes(n);
            return true;
        } catch (EOFException e) {
            return false;
        }
    }

    private IOException fatalOr(IOException e) {
        if (e instanceof NoSuchFileException) {
            throw new SourceFatalException("reading " + path + ": no such file; check the path", e);
        }
        if (e instanceof AccessDeniedException) {
            throw new SourceFatalException(
                    "reading " + path + ": permission denied; make the file readable", e);
        }
        if (Files.isDirectory(path)) {
            throw new SourceFatalException(
                    "reading " + path + ": it is a directory, not a file", e);
        }
        if (e instanceof ZipException || e instanceof EOFException) {
            throw new SourceFatalException(
                    "reading "
                            + path
                            + ": the gzip data is corrupt or ends early ("
                            + e.getMessage()
                            + "); check the file",
                    e);
        }
        return e;
    }
}
