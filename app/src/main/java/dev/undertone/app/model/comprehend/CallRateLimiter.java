package dev.undertone.app.model.comprehend;

import java.util.concurrent.locks.LockSupport;

/**
 * Spaces calls evenly so that no more than a set number start per second: Comprehend's quotas are
 * per account and region, and staying under them is cheaper than being throttled. Thread-safe.
 */
final class CallRateLimiter {

    private final long intervalNanos;
    private long nextFree = System.nanoTime();

    CallRateLimiter(double callsPerSecond) {
        this.intervalNanos = (long) (1e9 / callsPerSecond);
    }

    /** Waits until a call may start. */
    void acquire() {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long start = Math.max(now, nextFree);
            nextFree = start + intervalNanos;
            wait = start - now;
        }
        long deadline = System.nanoTime() + wait;
        for (long left = wait; left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }
}
