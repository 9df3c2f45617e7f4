package dev.undertone.app.testing;

import dev.undertone.app.source.EndOfInputException;
import dev.undertone.app.source.Source;
import dev.undertone.app.source.SourceBatch;
import dev.undertone.core.decode.RawRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A finite source over a list of text records, in batches, whose position is the index of the next
 * record: resumes exactly like a file.
 */
public final class ListSource implements Source {
    private final String name;
    private final String format;
    private final List<String> lines;
    private final int batchSize;
    private int next;

    public ListSource(String name, String format, List<String> lines, int batchSize) {
        this.name = name;
        this.format = format;
        this.lines = List.copyOf(lines);
        this.batchSize = batchSize;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void connect(String position) {
        next = position == null ? 0 : Integer.parseInt(position);
    }

    @Override
    public SourceBatch read(Duration timeout) throws EndOfInputException {
        if (next >= lines.size()) {
            throw new EndOfInputException(name + " is exhausted");
        }
        int end = Math.min(lines.size(), next + batchSize);
        List<RawRecord> records =
                lines.subList(next, end).stream()
                        .map(
                                l ->
                                        new RawRecord(
                                                format,
                                                name,
                                                Instant.parse("2026-11-26T10:00:00Z"),
                                                l.getBytes(StandardCharsets.UTF_8)))
                        .toList();
        next = end;
        return new SourceBatch(records, Integer.toString(end));
    }

    @Override
    public void close() {}
}
