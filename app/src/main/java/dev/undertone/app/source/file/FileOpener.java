package dev.undertone.app.source.file;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens a file for reading, decompressing it when it starts with the gzip magic bytes. */
final class FileOpener {
    private static final int GZIP_BUFFER = 1 << 16;

    private FileOpener() {}

    static InputStream open(Path path) throws IOException {
        return open(path, null);
    }

    /**
     * Opens the file; when {@code counter} is given, its first element receives the stream that
     * counts the bytes read from disk (compressed bytes for gzip).
     */
    static InputStream open(Path path, CountingInputStream[] counter) throws IOException {
        if (Files.isDirectory(path)) {
            throw new IOException(path + " is a directory");
        }
        // Checked first so a missing file gives NoSuchFileException, not FileNotFoundException.
        Files.newInputStream(path).close();
        CountingInputStream raw = new CountingInputStream(new FileInputStream(path.toFile()));
        if (counter != null) {
            counter[0] = raw;
        }
        if (isGzip(path)) {
            return new GZIPInputStream(raw, GZIP_BUFFER);
        }
        return raw;
    }

    static boolean isGzip(Path path) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 2)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }
}
