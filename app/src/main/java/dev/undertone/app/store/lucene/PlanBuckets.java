package dev.undertone.app.store.lucene;

import dev.undertone.app.store.TimelinePlan;

/**
 * {@link TimelinePlan#bucketOf} in plain longs, for collectors that ask it of every matching
 * document: the plan's Instant and Duration arithmetic per document costs a third of a pass over a
 * million posts.
 */
final class PlanBuckets {
    private final long fromMillis;
    private final long widthMillis;
    private final long count;

    PlanBuckets(TimelinePlan plan) {
        this.fromMillis = plan.from().toEpochMilli();
        this.widthMillis = plan.interval().toMillis();
        this.count = plan.bucketCount();
    }

    /** The bucket holding an epoch-millisecond time, or -1 when it falls outside. */
    int of(long epochMillis) {
        long offset = epochMillis - fromMillis;
        if (offset < 0) {
            return -1;
        }
        long i = offset / widthMillis;
        return i < count ? (int) i : -1;
    }
}
