package dev.undertone.app.store;

import java.io.IOException;
import java.time.Duration;

/**
 * The read side of a post store: what the query API, the dashboard and the {@code stats} and {@code
 * export} commands ask of stored posts. Implemented over the embedded Lucene index and over
 * OpenSearch; one contract test suite ({@code PostStoreContract}) runs against both.
 *
 * <p>Implementations are thread-safe: every method may be called from many request threads at once,
 * concurrently with the pipeline writing. Each call reads one consistent view of the store. Filters
 * arrive validated ({@link PostFilter}); limits arrive capped by the caller. A failure to read the
 * store (I/O, the server down) is thrown as {@link StoreException}.
 */
public interface PostStore extends AutoCloseable {

    /** The most posts {@link #posts} returns at once. */
    int MAX_POSTS_LIMIT = 1000;

    /** The most terms {@link #terms} returns per list. */
    int MAX_TERMS_LIMIT = 200;

    /** Counts of the matching posts by sentiment, and the unscored ones by reason. */
    Summary summary(PostFilter filter);

    /**
     * Counts per sentiment per time bucket of the matching posts, by creation time. The range is
     * the filter's {@code from}/{@code to} where given, else that of the matching posts; an empty
     * result has no buckets. See {@link TimelinePlan} for alignment and the bucket cap.
     *
     * @param interval the bucket width, or null to choose one for the range
     */
    Timeline timeline(PostFilter filter, Duration interval);

    /**
     * The buckets {@link #timeline} would return for the same arguments, without counting them, or
     * null when that timeline would have no buckets. For callers that lay several timelines on one
     * plan (the tracks side by side); a store that can find the range of the matches without
     * visiting them overrides it.
     */
    default TimelinePlan timelinePlan(PostFilter filter, Duration interval) {
        Timeline t = timeline(filter, interval);
        return t.buckets().isEmpty()
                ? null
                : new TimelinePlan(t.interval(), t.from(), t.buckets().size());
    }

    /**
     * The newest matching posts by creation time (ties broken by key), and how many match in all.
     *
     * @param limit 1 to {@link #MAX_POSTS_LIMIT}
     */
    PostPage posts(PostFilter filter, int limit);

    /**
     * The most frequent terms of a field among the matching posts, overall and per sentiment value.
     *
     * @param limit 1 to {@link #MAX_TERMS_LIMIT} terms per list
     */
    TopTerms terms(PostFilter filter, TermField field, int limit);

    /**
     * Streams every matching post to the sink, oldest first by creation time, without holding them
     * all in memory.
     *
     * @return how many posts were exported
     * @throws IOException what the sink threw; the export stops there
     */
    long export(PostFilter filter, ExportSink sink) throws IOException;

    /**
     * The track phrases stored posts matched (lower-cased, as indexed), at most {@code
     * MAX_TERMS_LIMIT}, most frequent first where the store can tell; for {@code serve}, which has
     * no {@code --track} of its own.
     */
    default java.util.List<String> trackNames() {
        return java.util.List.of();
    }

    /** Releases what the store holds open. Idempotent. Does not close a writer it was given. */
    @Override
    void close();
}
