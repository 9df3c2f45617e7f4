package dev.undertone.app.store;

import dev.undertone.core.post.ScoredPost;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Told about what the store made visible to searches: the live dashboard feed, the alert monitor.
 *
 * <p>Called on the pipeline's thread right after a write became searchable; implementations must
 * not block (hand off to a bounded buffer and return).
 *
 * <p>Between two refreshes the index keeps what its listeners read of each write, and a replay
 * refreshes every 15 s: a listener says how much it reads ({@link #detail}) so that the index keeps
 * only that. Every post of 15 s of a replay (tens of megabytes) kept for a listener that only
 * counts them is garbage collection work in a heap that a replay already fills (see
 * docs/benchmarks.md).
 */
public interface IndexListener {
    /** How much of each write a listener reads, from least to most. */
    enum Detail {
        /** Nothing: the index keeps nothing for this listener. */
        NOTHING,
        /** The {@link PostMark} of each post indexed or replaced ({@link #marked}). */
        MARKS,
        /** The marks, and also each post indexed or replaced and each key deleted. */
        POSTS
    }

    /** How much this listener reads; by default everything. */
    default Detail detail() {
        return Detail.POSTS;
    }

    /** The marks of the posts newly indexed or replaced by an edit (for MARKS and POSTS). */
    default void marked(List<PostMark> marks) {}

    /** Posts newly indexed or replaced by an edit (only for POSTS). */
    default void indexed(List<ScoredPost> posts) {}

    /** Keys of posts removed by a delete (only for POSTS). */
    default void deleted(List<String> keys) {}

    /** A listener telling each of the given ones in turn; it reads what the most demanding does. */
    static IndexListener all(IndexListener... listeners) {
        List<IndexListener> ls = List.of(listeners);
        Detail detail =
                Arrays.stream(listeners)
                        .map(IndexListener::detail)
                        .max(Comparator.naturalOrder())
                        .orElse(Detail.NOTHING);
        return new IndexListener() {
            @Override
            public Detail detail() {
                return detail;
            }

            @Override
            public void marked(List<PostMark> marks) {
                for (IndexListener l : ls) {
                    if (l.detail() != Detail.NOTHING) {
                        l.marked(marks);
                    }
                }
            }

            @Override
            public void indexed(List<ScoredPost> posts) {
                for (IndexListener l : ls) {
                    if (l.detail() == Detail.POSTS) {
                        l.indexed(posts);
                    }
                }
            }

            @Override
            public void deleted(List<String> keys) {
                for (IndexListener l : ls) {
                    if (l.detail() == Detail.POSTS) {
                        l.deleted(keys);
                    }
                }
            }
        };
    }

    /** A listener that reads nothing. */
    IndexListener NONE =
            new IndexListener() {
                @Override
                public Detail detail() {
                    return Detail.NOTHING;
                }
            };
}
