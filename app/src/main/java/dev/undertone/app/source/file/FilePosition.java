package dev.undertone.app.source.file;

import java.util.Locale;
import java.util.zip.CRC32;

/**
 * Where reading a file resumes: the byte offset after the last journaled record (in the
 * decompressed bytes for gzip files), the number of lines before it (so derived post ids stay the
 * same), and a fingerprint of the file's first bytes, so a truncated or replaced file is noticed
 * and read again from the start.
 *
 * @param offset byte offset after the last record
 * @param lines lines before {@code offset}
 * @param headLength how many of the file's first bytes the fingerprint covers (at most {@link
 *     #HEAD_BYTES} and at most {@code offset})
 * @param headCrc CRC-32 of those bytes
 */
record FilePosition(long offset, long lines, int headLength, long headCrc) {
    /** How many of the file's first bytes identify it. */
    static final int HEAD_BYTES = 4096;

    private static final String VERSION = "v1";

    /** The start of a file. */
    static final FilePosition START = new FilePosition(0, 0, 0, new CRC32().getValue());

    /** The position after {@code offset}, fingerprinting the first bytes of {@code head}. */
    static FilePosition of(long offset, long lines, byte[] head, int headFilled) {
        int len = (int) Math.min(Math.min(offset, HEAD_BYTES), headFilled);
        CRC32 crc = new CRC32();
        crc.update(head, 0, len);
        return new FilePosition(offset, lines, len, crc.getValue());
    }

    /** The position as the journal stores it. */
    String encode() {
        return String.format(
                Locale.ROOT, "%s:%d:%d:%d:%08x", VERSION, offset, lines, headLength, headCrc);
    }

    /**
     * Parses a stored position.
     *
     * @throws IllegalArgumentException if it was not written by {@link #encode}
     */
    static FilePosition parse(String s) {
        String[] p = s.split(":");
        if (p.length != 5 || !p[0].equals(VERSION)) {
            throw new IllegalArgumentException("not a file position: '" + s + "'");
        }
        try {
            FilePosition pos =
                    new FilePosition(
                            Long.parseLong(p[1]),
                            Long.parseLong(p[2]),
                            Integer.parseInt(p[3]),
                            Long.parseLong(p[4], 16));
            if (pos.offset < 0
                    || pos.lines < 0
                    || pos.headLength < 0
                    || pos.headLength > HEAD_BYTES
                    || pos.headLength > pos.offset) {
                throw new IllegalArgumentException("file position out of range: '" + s + "'");
            }
            return pos;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a file position: '" + s + "'", e);
        }
    }

    /** Whether {@code head} (the file's first bytes now) still matches the fingerprint. */
    boolean matchesHead(byte[] head, int filled) {
        if (filled < headLength) {
            return false;
        }
        CRC32 crc = new CRC32();
        crc.update(head, 0, headLength);
        return crc.getValue() == headCrc;
    }
}
