package dev.undertone.app.store;

import dev.undertone.core.post.ScoredPost;
import java.util.List;

/**
 * Told about what the store made visible to searches, for the live dashboard feed.
 *
 * <p>Called on the pipeline's thread right after a write became searchable; implementations must
 * not block (hand off to a bounded buffer and return).
 */
public interface IndexListener {
    /** Posts newly indexed or replaced by an edit. */
    void indexed(List<ScoredPost> posts);

    /** Keys of posts removed by a delete. */
    void deleted(List<String> keys);

    /** A listener telling each of the given ones in turn. */
    static IndexListener all(IndexListener... listeners) {
        List<IndexListener> ls = List.of(listeners);
        return new IndexListener() {
            @Override
            public void indexed(List<ScoredPost> posts) {
                ls.forEach(l -> l.indexed(posts));
            }

            @Override
            public void deleted(List<String> keys) {
                ls.forEach(l -> l.deleted(keys));
            }
        };
    }

    /** A listener that ignores everything. */
    IndexListener NONE =
            new IndexListener() {
                @Override
                public void indexed(List<ScoredPost> posts) {}

                @Override
                public void deleted(List<String> keys) {}
            };
}
