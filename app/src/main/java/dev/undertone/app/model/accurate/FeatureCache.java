package dev.undertone.app.model.accurate;

import dev.undertone.core.text.TextNormalizer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Keeps computed features on disk, so that training the head again (another seed, another head
 * size) does not run MiniLM over 47,000 tweets again. A file is named by a hash of everything its
 * content depends on: the texts, the encoder's window and what the fast model says (its id and its
 * scores of a few probe texts).
 *
 * <p>The texts are hashed as the model sees them, normalised by the {@link TextNormalizer} of the
 * running code, so a change of normalisation misses the cache instead of reusing stale features.
 *
 * <p>File layout: {@code n} and {@code dims} as little-endian ints, then {@code n * dims}
 * little-endian floats. A file is written to a temporary name and moved into place, so a crash
 * never leaves a truncated cache behind.
 */
final class FeatureCache {

    private final Path dir;

    FeatureCache(Path dir) {
        this.dir = dir;
    }

    /**
     * The features of the texts: from the cache when present, else computed and cached.
     *
     * @param what names what made the features (encoder file, window, fast model id)
     */
    float[] get(String what, List<String> texts, int dims, Supplier<float[]> compute)
            throws IOException {
        Path file = dir.resolve(key(what, texts) + ".f32");
        if (Files.isRegularFile(file)) {
            float[] cached = read(file, texts.size(), dims);
            if (cached != null) {
                return cached;
            }
        }
        float[] features = compute.get();
        write(file, features, texts.size(), dims);
        return features;
    }

    static String key(String what, List<String> texts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(what.getBytes(StandardCharsets.UTF_8));
            for (String t : texts) {
                md.update((byte) '\n');
                md.update(TextNormalizer.normalize(t).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static float[] read(Path file, int n, int dims) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long expected = 8L + 4L * n * dims;
            if (ch.size() != expected) {
                return null;
            }
            ByteBuffer buf =
                    ch.map(FileChannel.MapMode.READ_ONLY, 0, expected)
                            .order(ByteOrder.LITTLE_ENDIAN);
            if (buf.getInt() != n || buf.getInt() != dims) {
                return null;
            }
            float[] out = new float[n * dims];
            buf.asFloatBuffer().get(out);
            return out;
        }
    }

    private void write(Path file, float[] features, int n, int dims) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        ByteBuffer buf =
                ByteBuffer.allocate(8 + 4 * features.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(n).putInt(dims);
        buf.asFloatBuffer().put(features);
        buf.position(0);
        try (FileChannel ch =
                FileChannel.open(
                        tmp,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE)) {
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
