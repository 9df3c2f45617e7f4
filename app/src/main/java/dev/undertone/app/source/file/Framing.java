package dev.undertone.app.source.file;

import dev.undertone.core.decode.Formats;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** How a file is cut into records, chosen from the format, the file name and the first line. */
enum Framing {
    /** One record per line. */
    LINES,
    /** One record per Server-Sent Event (a Mastodon capture). */
    SSE,
    /** One record per CSV record, header first. */
    CSV;

    /**
     * Chooses the framing.
     *
     * @param format the {@code --format} value
     * @param fileName the file's name (for the {@code .csv} extension), or null for stdin
     * @param head the first bytes of the (decompressed) input, to recognise an SSE capture
     */
    static Framing choose(String format, String fileName, byte[] head) {
        if (Formats.CSV.equals(format)) {
            return CSV;
        }
        if (Formats.TEXT.equals(format)) {
            return LINES;
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (Formats.AUTO.equals(format) && (name.endsWith(".csv") || name.endsWith(".csv.gz"))) {
            return CSV;
        }
        return looksLikeSse(head) ? SSE : LINES;
    }

    /** The record format given to the decoders for this framing. */
    String recordFormat(String format) {
        return this == CSV ? Formats.CSV : format;
    }

    private static boolean looksLikeSse(byte[] head) {
        String s = new String(head, StandardCharsets.UTF_8);
        for (String line : s.split("\r?\n")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            return l.startsWith(":") || l.startsWith("event:") || l.startsWith("data:");
        }
        return false;
    }
}
