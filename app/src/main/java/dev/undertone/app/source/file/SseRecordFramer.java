package dev.undertone.app.source.file;

import dev.undertone.core.framing.SseFramer;
import java.io.IOException;

/**
 * One record per Server-Sent Event: its {@code event:} and {@code data:} lines up to the blank line
 * that ends it, joined with LF; lines are told apart by {@link SseFramer#kind}, the decoder reads
 * the record with {@link SseFramer}. Comment lines ({@code :thump}) are dropped, so a capture's
 * heartbeats never become records. An event longer than the limit keeps its first bytes and is read
 * to its end, so the decoder rejects it as too large.
 */
final class SseRecordFramer implements RecordFramer {
    private final LineReader reader;
    private final int maxRecordBytes;

    SseRecordFramer(LineReader reader, int maxRecordBytes) {
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
            // a truncated line holds at least its first bytes, so it is never blank
            SseFramer.LineKind kind = SseFramer.kind(b, b.length);
            if (kind == SseFramer.LineKind.BLANK) {
                if (event != null) {
                    return new Framed(event.bytes(), first);
                }
                continue;
            }
            if (kind == SseFramer.LineKind.COMMENT) {
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
