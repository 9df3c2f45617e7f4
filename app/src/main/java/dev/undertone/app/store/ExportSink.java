package dev.undertone.app.store;

import java.io.IOException;

/** Receives the posts of an export one at a time, as the store reads them. */
@FunctionalInterface
public interface ExportSink {
    /**
     * Takes one post. Called on the exporting thread, in creation-time order.
     *
     * @throws IOException if writing it out failed; the export stops and rethrows it
     */
    void accept(StoredPost post) throws IOException;
}
