/**
 * The record-to-write stage: what one raw record asks of the store, the same code for the embedded
 * pipeline ({@code app}'s {@code BatchProcessor}) and the Flink job.
 *
 * <p>It is two pure steps, because models score a batch much faster than its posts one by one:
 *
 * <ol>
 *   <li>{@link dev.undertone.core.stage.TrackStage} decodes and tracks one record into a {@link
 *       dev.undertone.core.stage.Pending}: a kept post still to be scored ({@link
 *       dev.undertone.core.stage.Pending.ToScore}), or an {@link dev.undertone.core.stage.Outcome}
 *       already decided (a delete, an edit that no longer matches the rules, which becomes a
 *       delete, a rejected record with its reason, a record skipped);
 *   <li>{@link dev.undertone.core.stage.ScoreStage} scores the kept posts of a batch in one model
 *       call and returns one {@link dev.undertone.core.stage.Outcome} per record, in order.
 * </ol>
 *
 * <p>The types nest, so an engine handles each level once:
 *
 * <pre>
 * Pending
 *  ├─ ToScore(post)            waits for the batch's model call
 *  └─ Outcome                  decided: one per record after scoring
 *      ├─ PostWrite            what the store applies, in record order
 *      │   ├─ Upsert(scored)   add or replace the post with this key
 *      │   ├─ Delete(key)      remove it (a delete at the source, or an edit the rules drop)
 *      │   ├─ PurgeAccount     remove every post of a deleted or taken-down account, refuse more
 *      │   └─ RestoreAccount   the account is active again: store its new posts again
 *      ├─ Rejected(reason)     undecodable: kept for a person (rejected log, dead-letter topic)
 *      └─ Skipped(why)         nothing to store (not a post, matches no rule)
 * </pre>
 *
 * <p>Upserts and deletes carry the post's revision in its source's order; a store never lets an
 * older revision replace or remove a newer one. To add a kind of write, add a record to {@link
 * dev.undertone.core.stage.PostWrite}'s {@code permits} list; the compiler's exhaustiveness checks
 * and the {@code instanceof} chains with a final {@code else throw} in each store then show every
 * place that must apply it. Counts go to a {@link dev.undertone.core.stage.StageCounts} so the
 * outcome types carry only what the store needs.
 */
package dev.undertone.core.stage;
