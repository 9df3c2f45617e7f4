package dev.undertone.app.source.file;

import java.io.IOException;

/** One record per line; blank lines are skipped (they carry nothing a decoder could use). */
final class LineFramer implements RecordFramer {
    private final LineReader reader;

    LineFramer(LineReader reader) {
        this.reader = reader;
    }

    @Override
    public Framed next() throws IOException {
        LineReader.Line line;
        do {
            line = reader.next();
            if (line == null) {
                return null;
            }
        } while (line.isBlank());
        return new Framed(line.bytes(), line.number());
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
