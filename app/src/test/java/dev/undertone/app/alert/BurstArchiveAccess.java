package dev.undertone.app.alert;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/** {@link BurstArchive} for tests in other packages. */
public final class BurstArchiveAccess {
    public static final int STEADY = BurstArchive.STEADY;
    public static final int BURST = BurstArchive.BURST;

    private BurstArchiveAccess() {}

    public static int write(Path file) throws IOException {
        return BurstArchive.write(file);
    }

    public static int write(Path file, int steady, int windows, java.util.Set<Integer> bursts)
            throws IOException {
        return BurstArchive.write(file, steady, windows, bursts);
    }

    public static Instant burstWindow() {
        return BurstArchive.BURST_WINDOW;
    }
}
