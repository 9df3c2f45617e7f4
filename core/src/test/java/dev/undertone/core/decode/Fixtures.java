package dev.undertone.core.decode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the test fixtures and builds raw records from them. */
final class Fixtures {
    static final Instant RECEIVED = Instant.parse("2026-03-14T16:00:00Z");

    private Fixtures() {}

    static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture's lines without terminators (CRLF or LF), blank lines included. */
    static List<String> lines(String name) {
        String text = read(name);
        List<String> out = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    static RawRecord record(String format, String payload) {
        return record(format, null, payload);
    }

    static RawRecord record(String format, String origin, String payload) {
        return new RawRecord(format, origin, RECEIVED, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes every line of a fixture with the named format, using origin {@code name:line}. */
    static List<Decoded> decodeLines(String name, String format) {
        List<Decoded> out = new ArrayList<>();
        List<String> lines = lines(name);
        for (int i = 0; i < lines.size(); i++) {
            out.add(
                    Decoders.forRecords()
                            .decode(record(format, name + ":" + (i + 1), lines.get(i))));
        }
        return out;
    }

    static Decoded decode(String format, String payload) {
        return Decoders.forRecords().decode(record(format, payload));
    }
}
