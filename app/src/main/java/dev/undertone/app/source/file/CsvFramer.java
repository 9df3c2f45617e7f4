package dev.undertone.app.source.file;

import java.io.IOException;

/**
 * One record per CSV record, each prefixed with the header record and a LF (a CSV record means
 * nothing without its header, and the journal keeps every record on its own). A record spans lines
 * while a double-quoted field is open. The header is the file's first non-blank record; when
 * reading resumes mid-file it is given from a separate read of the file's start.
 */
final class CsvFramer implements RecordFramer {
    private static final byte[] UTF8_BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};

    private final LineReader reader;
    private final int maxRecordBytes;
    private byte[] header;

    /**
     * @param header the header record, or null to take it from the stream's first record
     */
    CsvFramer(LineReader reader, int maxRecordBytes, byte[] header) {
        this.reader = reader.countingQuotes();
        this.maxRecordBytes = maxRecordBytes;
        this.header = header;
    }

    /** Reads the header record of a CSV stream positioned at its start, or null if it is empty. */
    static byte[] readHeader(LineReader reader, int maxRecordBytes) throws IOException {
        Framed h = new CsvFramer(reader, maxRecordBytes, new byte[0]).record();
        if (h == null) {
            return null;
        }
        byte[] b = h.payload();
        return startsWithBom(b) ? java.util.Arrays.copyOfRange(b, UTF8_BOM.length, b.length) : b;
    }

    @Override
    public Framed next() throws IOException {
        if (header == null) {
            header = readHeader(reader, maxRecordBytes);
            if (header == null) {
                return null;
            }
        }
        return record();
    }

    /** The next record with the header before it (an empty header adds nothing). */
    private Framed record() throws IOException {
        LineReader.Line line;
        do {
            line = reader.next();
            if (line == null) {
                return null;
            }
        } while (line.isBlank());
        PayloadBuilder p = new PayloadBuilder(maxRecordBytes);
        if (header.length > 0) {
            p.append(header, false);
            p.append((byte) '\n');
        }
        long first = line.number();
        p.append(line.bytes(), line.truncated());
        int quotes = line.quotes();
        while (quotes % 2 != 0) {
            LineReader.Line more = reader.next();
            if (more == null) {
                break;
            }
            p.append((byte) '\n');
            p.append(more.bytes(), more.truncated());
            quotes += more.quotes();
        }
        return new Framed(p.bytes(), first);
    }

    private static boolean startsWithBom(byte[] b) {
        return b.length >= 3 && b[0] == UTF8_BOM[0] && b[1] == UTF8_BOM[1] && b[2] == UTF8_BOM[2];
    }

    @Override
    public long offset() {
        return reader.offset();
    }

    @Override
    public long lineNumber() {
        return reader.lineNumber();
    }

    @Override
    public boolean hasBuffered() throws IOException {
        return reader.hasBuffered();
    }
}
