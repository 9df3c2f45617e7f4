package dev.undertone.app.store.lucene;

import dev.undertone.app.store.InvalidQueryException;
import dev.undertone.app.store.PostFilter;
import dev.undertone.app.store.StoredPost;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;

/**
 * Reads the stored posts that match a filter, oldest first, in batches, from one point-in-time view
 * of the index: writes made while the scan runs (such as re-scored posts written back by {@code
 * rescore}) neither show up in it nor disturb it.
 */
public final class StoredPostScan {

    /** Receives one batch of stored posts. */
    @FunctionalInterface
    public interface BatchConsumer {
        /**
         * Takes a batch, on the scanning thread.
         *
         * @throws IOException if handling it failed; the scan stops and rethrows it
         */
        void accept(List<StoredPost> batch) throws IOException;
    }

    private final SearcherManager manager;

    public StoredPostScan(SearcherManager manager) {
        this.manager = manager;
    }

    /**
     * Scans the matching posts.
     *
     * @param onTotal told how many posts match, before the first batch
     * @return how many posts were read
     * @throws InvalidQueryException if the filter's full-text query matches too many terms
     */
    public long scan(
            PostFilter filter,
            int batchSize,
            java.util.function.LongConsumer onTotal,
            BatchConsumer consumer)
            throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            ExportCollector c = new ExportCollector();
            searcher.search(LuceneQueries.of(filter), c);
            int[] docs = c.docsOldestFirst();
            onTotal.accept(docs.length);
            StoredFields stored = searcher.storedFields();
            List<StoredPost> batch = new ArrayList<>(batchSize);
            for (int doc : docs) {
                batch.add(PostDocuments.fromDocument(stored.document(doc)));
                if (batch.size() == batchSize) {
                    consumer.accept(batch);
                    batch = new ArrayList<>(batchSize);
                }
            }
            if (!batch.isEmpty()) {
                consumer.accept(batch);
            }
            return docs.length;
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidQueryException("q", "matches too many terms; make it more specific");
        } finally {
            manager.release(searcher);
        }
    }
}
