package dev.undertone.app.journal;

import dev.undertone.core.decode.RawRecord;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The on-disk form of a {@link JournalEntry}: {@code [int bodyLength][int crc32c(body)][body]}.
 *
 * <p>The body holds the base offset, the source name, the positions and the records, each record as
 * format, origin, receive time and payload. Length plus checksum let recovery find the exact end of
 * the last complete entry after a crash or a torn write.
 */
final class JournalCodec {
    /** Header: body length and checksum. */
    static final int HEADER_BYTES = 8;

    /** Larger bodies are refused when writing and treated as corruption when reading. */
    static final int MAX_BODY_BYTES = 256 * 1024 * 1024;

    private static final byte NULL_MARKER = 0;
    private static final byte PRESENT_MARKER = 1;

    private JournalCodec() {}

    /** Serialises an entry with its header. */
    static byte[] encode(JournalEntry entry) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(estimate(entry));
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(0);
            out.writeInt(0);
            out.writeLong(entry.baseOffset());
            out.writeUTF(entry.sourceName());
            out.writeInt(entry.positions().size());
            for (Map.Entry<String, String> p : entry.positions().entrySet()) {
                out.writeUTF(p.getKey());
                writeNullable(out, p.getValue());
            }
            out.writeInt(entry.records().size());
            for (RawRecord r : entry.records()) {
                out.writeUTF(r.format());
                writeNullable(out, r.origin());
                out.writeLong(r.receivedAt().getEpochSecond());
                out.writeInt(r.receivedAt().getNano());
                out.writeInt(r.payload().length);
                out.write(r.payload());
            }
            out.flush();
            byte[] all = bytes.toByteArray();
            int bodyLength = all.length - HEADER_BYTES;
            if (bodyLength > MAX_BODY_BYTES) {
                throw new IllegalArgumentException(
                        "journal entry of " + bodyLength + " bytes exceeds " + MAX_BODY_BYTES);
            }
            CRC32C crc = new CRC32C();
            crc.update(all, HEADER_BYTES, bodyLength);
            ByteBuffer.wrap(all).putInt(bodyLength).putInt((int) crc.getValue());
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the body matches the checksum read from its header. */
    static boolean checksumMatches(byte[] body, int expectedCrc) {
        CRC32C crc = new CRC32C();
        crc.update(body, 0, body.length);
        return (int) crc.getValue() == expectedCrc;
    }

    /**
     * Parses a body whose checksum already matched.
     *
     * @param withRecords false to skip the record payloads (when only positions are wanted)
     */
    static JournalEntry decodeBody(byte[] body, boolean withRecords) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body));
        long base = in.readLong();
        String source = in.readUTF();
        int npos = in.readInt();
        Map<String, String> positions = new LinkedHashMap<>();
        for (int i = 0; i < npos; i++) {
            positions.put(in.readUTF(), readNullable(in));
        }
        int nrec = in.readInt();
        List<RawRecord> records = new ArrayList<>(withRecords ? nrec : 0);
        for (int i = 0; i < nrec; i++) {
            String format = in.readUTF();
            String origin = readNullable(in);
            Instant received = Instant.ofEpochSecond(in.readLong(), in.readInt());
            byte[] payload = new byte[in.readInt()];
            in.readFully(payload);
            if (withRecords) {
                records.add(new RawRecord(format, origin, received, payload));
            }
        }
        if (!withRecords) {
            // Keep the count right without holding payloads: offsets are derived from it.
            records = java.util.Collections.nCopies(nrec, null);
        }
        return new JournalEntry(base, source, positions, records);
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeByte(NULL_MARKER);
        } else {
            out.writeByte(PRESENT_MARKER);
            out.writeUTF(truncateForUtf(s));
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readByte() == NULL_MARKER ? null : in.readUTF();
    }

    /** writeUTF takes at most 65535 encoded bytes; origins and positions are far shorter. */
    private static String truncateForUtf(String s) {
        return s.length() > 16_000 ? s.substring(0, 16_000) : s;
    }

    private static int estimate(JournalEntry entry) {
        int size = 256;
        for (RawRecord r : entry.records()) {
            size += r.payload().length + 64;
        }
        return size;
    }
}
