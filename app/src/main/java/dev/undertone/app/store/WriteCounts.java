package dev.undertone.app.store;

/**
 * What a batch of writes did to the store.
 *
 * @param indexed posts stored for the first time
 * @param updated posts that replaced a stored version
 * @param deleted stored posts removed, by a delete or by an account purge
 * @param purged accounts purged (deleted or taken down) that were not already
 * @param stale upserts and deletes ignored because the stored version is newer (a higher revision)
 * @param refused posts of a purged account not stored
 */
public record WriteCounts(
        long indexed, long updated, long deleted, long purged, long stale, long refused) {

    /** Counts of posts stored, replaced and removed only. */
    public WriteCounts(long indexed, long updated, long deleted) {
        this(indexed, updated, deleted, 0, 0, 0);
    }
}
