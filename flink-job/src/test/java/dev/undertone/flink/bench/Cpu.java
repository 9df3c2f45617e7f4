package dev.undertone.flink.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU accounting for benchmarks on a shared machine: wall-clock rates depend on what else runs,
 * rates per CPU-second much less.
 */
final class Cpu {
    private Cpu() {}

    /** CPU time this JVM has used, in milliseconds. */
    static long processMillis() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1_000_000;
        }
        return 0;
    }

    /** The system load average over the last minute. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
