package dev.undertone.core.sentiment.fast;

import dev.undertone.core.sentiment.eval.Metrics;

/** Hears how a training run progresses (the {@code train} command draws its progress from it). */
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {};

    /** A phase ({@code features}, {@code epoch 3/8}) starts with {@code total} steps. */
    default void phase(String name, long total) {}

    /** {@code done} steps of the current phase are complete. */
    default void progress(long done) {}

    /** An epoch finished with these validation metrics. */
    default void epochDone(int epoch, Metrics validation) {}
}
