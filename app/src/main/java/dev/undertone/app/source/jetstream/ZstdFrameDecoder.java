package dev.undertone.app.source.jetstream;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdDictDecompress;
import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decompresses Jetstream's compressed messages: each binary WebSocket message is one zstd frame
 * made with Jetstream's custom dictionary (dictionary id 1612007021, 112,640 bytes, from the
 * Jetstream repository's {@code pkg/models/zstd_dictionary}). Thread-safe.
 */
final class ZstdFrameDecoder {

    private static final long MAX_EVENT_BYTES = 64L * 1024 * 1024;

    private final ZstdDictDecompress dictionary;

    ZstdFrameDecoder(byte[] dictionary) {
        this.dictionary = new ZstdDictDecompress(dictionary);
    }

    /** Loads the dictionary file named by the configuration. */
    static ZstdFrameDecoder load(Path file) throws IOException {
        try {
            return new ZstdFrameDecoder(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IOException("reading the Jetstream zstd dictionary " + file, e);
        }
    }

    /**
     * The JSON inside one compressed message.
     *
     * @throws IOException when the bytes are not a zstd frame made with this dictionary
     */
    byte[] decompress(byte[] frame) throws IOException {
        try {
            long size = Zstd.getFrameContentSize(frame);
            if (size >= 0 && size <= MAX_EVENT_BYTES) {
                return Zstd.decompress(frame, dictionary, (int) size);
            }
            // the size is not in the frame header (or the header is bad): stream it, which
            // fails on bytes that are not a frame
            try (ZstdInputStream in =
                    new ZstdInputStream(new ByteArrayInputStream(frame)).setDict(dictionary)) {
                return in.readAllBytes();
            }
        } catch (RuntimeException e) {
            throw new IOException("decompressing a " + frame.length + "-byte zstd frame", e);
        }
    }
}
