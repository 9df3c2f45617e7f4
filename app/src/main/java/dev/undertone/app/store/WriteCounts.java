package dev.undertone.app.store;

/**
 * What a batch of writes did to the store.
 *
 * @param indexed posts stored for the first time
 * @param updated posts that replaced a stored version
 * @param deleted stored posts removed
 */
public record WriteCounts(long indexed, long updated, long deleted) {}
