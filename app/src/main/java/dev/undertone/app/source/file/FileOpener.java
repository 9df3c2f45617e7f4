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
        if (Files.isDirectory(path)) {
            throw new IOException(path + " is a directory");
        }
        // Checked first so a missing file gives NoSuchFileException, not FileNotFoundException.
        Files.newInputStream(path).close();
        if (isGzip(path)) {
            return new GZIPInputStream(new FileInputStream(path.toFile()), GZIP_BUFFER);
        }
        return new FileInputStream(path.toFile());
    }

    static boolean isGzip(Path path) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 2)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }
}
