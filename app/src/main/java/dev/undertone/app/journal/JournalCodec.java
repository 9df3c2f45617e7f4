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
        Buffer out = new Buffer(estimate(entry));
        encode(entry, out);
        return out.toByteArray();
    }

    /**
     * Serialises an entry with its header into a reusable buffer (reset first): the whole entry,
     * header included, is {@code buffer.array()[0, buffer.size())}. A replay's entries are a few MB
     * each; a new array per entry, and a copy of it, was a tenth of a replay's allocation.
     */
    static void encode(JournalEntry entry, Buffer buffer) {
        buffer.reset();
        try {
            DataOutputStream out = new DataOutputStream(buffer);
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] all = buffer.array();
        int bodyLength = buffer.size() - HEADER_BYTES;
        if (bodyLength > MAX_BODY_BYTES) {
            throw new IllegalArgumentException(
                    "journal entry of " + bodyLength + " bytes exceeds " + MAX_BODY_BYTES);
        }
        CRC32C crc = new CRC32C();
        crc.update(all, HEADER_BYTES, bodyLength);
        ByteBuffer.wrap(all).putInt(bodyLength).putInt((int) crc.getValue());
    }

    /** A growable byte array whose contents can be written out without a copy. */
    static final class Buffer extends ByteArrayOutputStream {
        Buffer(int capacity) {
            super(capacity);
        }

        /** The bytes written since the last reset are {@code array()[0, size())}. */
        byte[] array() {
            return buf;
        }

        /** Drops an array grown far beyond what entries usually need. */
        void shrinkTo(int capacity) {
            if (buf.length > capacity) {
                buf = new byte[capacity];
                count = 0;
            }
        }
    }

    /** Whether the body matches the checksum read from its header. */
    static boolean checksumMatches(byte[] body, int expectedCrc) {
        return checksumMatches(body, body.length, expectedCrc);
    }

    /** Whether the body, the first {@code length} bytes of the array, matches the checksum. */
    static boolean checksumMatches(byte[] body, int length, int expectedCrc) {
        CRC32C crc = new CRC32C();
        crc.update(body, 0, length);
        return (int) crc.getValue() == expectedCrc;
    }

    /**
     * Parses a body whose checksum already matched.
     *
     * @param withRecords false to skip the record payloads (when only positions are wanted)
     */
    static JournalEntry decodeBody(byte[] body, boolean withRecords) throws IOException {
        return decodeBody(body, body.length, withRecords);
    }

    /**
     * Parses a body, the first {@code length} bytes of the array, whose checksum already matched.
     * The entry keeps no reference to the array, which may be reused.
     */
    static JournalEntry decodeBody(byte[] body, int length, boolean withRecords)
            throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body, 0, length));
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
