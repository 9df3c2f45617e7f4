package dev.undertone.core.stage;

/** What one raw record finally comes to: a write for the store, a rejection, or nothing. */
public sealed interface Outcome extends Pending
        permits PostWrite, Outcome.Rejected, Outcome.Skipped {

    /**
     * The record cannot be decoded (or its decoder failed); it is kept with the reason, never
     * dropped: the rejected log on one machine, the dead-letter topic in the Flink job.
     */
    record Rejected(String reason) implements Outcome {}

    /** A valid record that asks nothing of the store: not a post, or a new post no rule keeps. */
    record Skipped(String why) implements Outcome {}
}
