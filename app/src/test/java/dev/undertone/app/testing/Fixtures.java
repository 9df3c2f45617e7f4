package dev.undertone.app.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The protocol fixtures copied from the shared specs into {@code src/test/resources/fixtures}. */
public final class Fixtures {

    private Fixtures() {}

    /** The whole fixture file, byte for byte. */
    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The non-empty lines of a fixture, as UTF-8 bytes without terminators. */
    public static List<byte[]> lines(String name) {
        List<byte[]> out = new ArrayList<>();
        for (String line : new String(bytes(name), StandardCharsets.UTF_8).split("\r?\n")) {
            if (!line.isBlank()) {
                out.add(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
