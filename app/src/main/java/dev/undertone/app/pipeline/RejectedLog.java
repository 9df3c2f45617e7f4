package dev.undertone.app.pipeline;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.undertone.app.journal.JournalRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The records that could not be decoded, kept with their raw bytes and the reason, one JSON object
 * per line in {@code DATA/rejected/rejected.jsonl}.
 *
 * <p>Each line carries the record's journal offset; after a crash the processor reprocesses records
 * from the last index commit, and lines already written for those offsets are not written again, so
 * a record is kept exactly once.
 */
public final class RejectedLog implements AutoCloseable {
    static final String FILE_NAME = "rejected.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TAIL_BYTES = 64 * 1024 * 1024;

    private final Path file;
    private final FileChannel channel;
    private final OutputStream out;
    private final JsonGenerator json;
    private long lastOffset;

    private RejectedLog(Path file, FileChannel channel, long lastOffset) throws IOException {
        this.file = file;
        this.channel = channel;
        this.out = new java.io.BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        this.json.setRootValueSeparator(null);
        this.lastOffset = lastOffset;
    }

    /** Opens the log in {@code dir}, creating it when missing. */
    public static RejectedLog open(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE_NAME);
        long last = lastOffsetIn(file);
        endWithNewline(file);
        FileChannel channel =
                FileChannel.open(
                        file,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
        return new RejectedLog(file, channel, last);
    }

    /** Keeps a rejected record unless a line for its offset was written before. */
    public synchronized void add(JournalRecord record, String reason) throws IOException {
        if (record.offset() <= lastOffset) {
            return;
        }
        json.writeStartObject();
        json.writeNumberField("offset", record.offset());
        json.writeStringField("source", record.sourceName());
        json.writeStringField("format", record.record().format());
        json.writeStringField("origin", record.record().origin());
        json.writeStringField("received_at", record.record().receivedAt().toString());
        json.writeStringField("reason", reason);
        json.writeNumberField("bytes", record.record().payload().length);
        json.writeBinaryField("payload_base64", record.record().payload());
        json.writeEndObject();
        json.writeRaw('\n');
        lastOffset = record.offset();
    }

    /** Makes everything added so far durable; called before the index commits past it. */
    public synchronized void sync() throws IOException {
        json.flush();
        out.flush();
        channel.force(false);
    }

    /** The file the lines go to. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        sync();
        json.close();
        channel.close();
    }

    /** A line torn by a crash must not swallow the next one. */
    private static void endWithNewline(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(raf.length() - 1);
            if (raf.read() != '\n') {
                raf.write('\n');
            }
        }
    }

    /** The largest offset in the file's last complete line, or -1. Reads only the tail. */
    private static long lastOffsetIn(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return -1;
        }
        long last = -1;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, raf.length() - TAIL_BYTES);
            raf.seek(start);
            BufferedReader reader =
                    new BufferedReader(
                            Channels.newReader(raf.getChannel(), StandardCharsets.UTF_8));
            if (start > 0) {
                reader.readLine();
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                try {
                    JsonNode node = JSON.readTree(line);
                    if (node != null && node.has("offset")) {
                        last = Math.max(last, node.get("offset").asLong());
                    }
                } catch (IOException e) {
                    // A line torn by a crash: its record is rejected again and rewritten.
                }
            }
        }
        return last;
    }
}
