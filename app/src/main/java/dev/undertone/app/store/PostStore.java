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
     * The timeline of each of the tracks among the posts the filter keeps, all on one plan, in one
     * pass over the posts: a post that matched several of the tracks counts in each. The plan is
     * the one {@link #timeline} makes for the posts that the filter keeps and that matched any of
     * the tracks: the filter's {@code from}/{@code to} where given, else their range. Equal to
     * asking {@link #timeline} for each track over that plan's range, at a fraction of the cost.
     *
     * @param tracks track phrases, matched case-insensitively as the filter's {@code track}
     * @param interval the bucket width, or null to choose one for the range
     * @return one timeline per track, in the order given, all with the same interval and range (no
     *     buckets at all when no post matches)
     */
    java.util.List<Timeline> trackTimelines(
            PostFilter filter, java.util.List<String> tracks, Duration interval);

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
