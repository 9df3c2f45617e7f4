package dev.undertone.app.source.file;

import java.io.IOException;

/**
 * One record per Server-Sent Event: its {@code event:} and {@code data:} lines up to the blank line
 * that ends it, joined with LF. Comment lines ({@code :thump}) are dropped, so a capture's
 * heartbeats never become records. An event longer than the limit keeps its first bytes and is read
 * to its end, so the decoder rejects it as too large.
 */
final class SseFramer implements RecordFramer {
    private final LineReader reader;
    private final int maxRecordBytes;

    SseFramer(LineReader reader, int maxRecordBytes) {
        this.reader = reader;
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public Framed next() throws IOException {
        PayloadBuilder event = null;
        long first = 0;
        while (true) {
            LineReader.Line line = reader.next();
            if (line == null) {
                // A capture may stop without the final blank line; the event is still whole.
                return event == null ? null : new Framed(event.bytes(), first);
            }
            byte[] b = line.bytes();
            if (b.length == 0 && !line.truncated()) {
                if (event != null) {
                    return new Framed(event.bytes(), first);
                }
                continue;
            }
            if (b[0] == ':') {
                continue;
            }
            if (event == null) {
                event = new PayloadBuilder(maxRecordBytes);
                first = line.number();
            } else {
                event.append((byte) '\n');
            }
            event.append(b, line.truncated());
        }
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
