package dev.undertone.app.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Running counts of what the pipeline did, shared by its threads. The names follow the replay
 * summary of CONTRACT.md; {@code /metrics} exposes the same counts.
 */
public final class PipelineStats {
    /** Raw records accepted into the journal from sources. */
    public final LongAdder read = new LongAdder();

    /** Journal records whose batch has been applied to the index (for progress reporting). */
    public final LongAdder applied = new LongAdder();

    /** Records that decoded to a post (new or edited). */
    public final LongAdder posts = new LongAdder();

    /** Posts kept by the track rules and the language filter. */
    public final LongAdder matched = new LongAdder();

    /** Posts added to the index for the first time. */
    public final LongAdder indexed = new LongAdder();

    /** Posts that replaced a stored version (an edit, or the same post seen again). */
    public final LongAdder updated = new LongAdder();

    /** Stored posts removed by a delete (or by an edit that no longer matches). */
    public final LongAdder deleted = new LongAdder();

    /** Accounts purged (deleted or taken down at their source); their posts count in deleted. */
    public final LongAdder purged = new LongAdder();

    /** Upserts and deletes ignored because the stored version of the post is newer. */
    public final LongAdder stale = new LongAdder();

    /** Posts of a purged account not stored (it was not active again since). */
    public final LongAdder refused = new LongAdder();

    /** Records that could not be decoded, kept under {@code rejected/}. */
    public final LongAdder rejected = new LongAdder();

    /** Valid records that are not posts (likes, identity events, keep-alives). */
    public final LongAdder notPosts = new LongAdder();

    /** Posts stored without a sentiment (unsupported language, empty text). */
    public final LongAdder unscored = new LongAdder();

    /**
     * The replay summary object of CONTRACT.md, without {@code seconds}, with {@code purged},
     * {@code stale} and {@code refused} added after its fields.
     */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("read", read.sum());
        m.put("posts", posts.sum());
        m.put("matched", matched.sum());
        m.put("indexed", indexed.sum());
        m.put("updated", updated.sum());
        m.put("deleted", deleted.sum());
        m.put("rejected", rejected.sum());
        m.put("purged", purged.sum());
        m.put("stale", stale.sum());
        m.put("refused", refused.sum());
        return m;
    }
}
