package dev.undertone.app.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of long work on stderr: a bar with rate and ETA when stderr is a terminal, a plain line
 * every few seconds otherwise (logs, CI). Polls a counter, so the work itself never waits on the
 * display.
 */
public final class Progress implements AutoCloseable {
    private static final Duration TERMINAL_PERIOD = Duration.ofMillis(500);
    private static final Duration PLAIN_PERIOD = Duration.ofSeconds(5);

    private final String task;
    private final LongSupplier done;
    private final LongSupplier total;
    private final String unit;
    private final long unitSize;
    private final PrintStream err;
    private final ScheduledExecutorService timer;
    private final ProgressBar bar;
    private final long startNanos = System.nanoTime();

    private Progress(
            String task,
            LongSupplier done,
            LongSupplier total,
            String unit,
            long unitSize,
            PrintStream err,
            boolean terminal) {
        this.task = task;
        this.done = done;
        this.total = total;
        this.unit = unit;
        this.unitSize = unitSize;
        this.err = err;
        this.timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "undertone-progress");
                            t.setDaemon(true);
                            return t;
                        });
        if (terminal) {
            bar =
                    new ProgressBarBuilder()
                            .setTaskName(task)
                            .setInitialMax(Math.max(total.getAsLong(), -1))
                            .setUnit(" " + unit, unitSize)
                            .showSpeed()
                            .setStyle(ProgressBarStyle.ASCII)
                            .setUpdateIntervalMillis((int) TERMINAL_PERIOD.toMillis())
                            .setConsumer(new ConsoleProgressBarConsumer(err))
                            .build();
            timer.scheduleAtFixedRate(
                    this::updateBar, 0, TERMINAL_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            bar = null;
            timer.scheduleAtFixedRate(
                    this::printLine,
                    PLAIN_PERIOD.toMillis(),
                    PLAIN_PERIOD.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Starts reporting.
     *
     * @param done units done so far
     * @param total units in all, or a negative number when unknown
     * @param unit the unit's name shown to the user ("MB", "posts")
     * @param unitSize how many counted units make one shown unit (1 << 20 for MB of bytes)
     */
    public static Progress start(
            String task, LongSupplier done, LongSupplier total, String unit, long unitSize) {
        return new Progress(task, done, total, unit, unitSize, System.err, stderrIsTerminal());
    }

    private void updateBar() {
        long max = total.getAsLong();
        if (max >= 0 && bar.getMax() != max) {
            bar.maxHint(max);
        }
        bar.stepTo(done.getAsLong());
    }

    private void printLine() {
        long d = done.getAsLong();
        long t = total.getAsLong();
        double seconds = Math.max((System.nanoTime() - startNanos) / 1e9, 1e-3);
        double rate = d / seconds;
        StringBuilder line = new StringBuilder(task).append(": ");
        line.append(String.format("%,.1f %s", d / (double) unitSize, unit));
        if (t > 0) {
            line.append(String.format(" of %,.1f (%.0f%%)", t / (double) unitSize, 100.0 * d / t));
            if (rate > 0 && d < t) {
                line.append(String.format(", ETA %ds", (long) ((t - d) / rate)));
            }
        }
        line.append(String.format(", %,.1f %s/s", rate / unitSize, unit));
        err.println(line);
    }

    /** Whether stderr is an interactive terminal (Linux: where fd 2 points). */
    static boolean stderrIsTerminal() {
        if (System.console() == null && System.getenv("TERM") == null) {
            return false;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return false;
        }
    }

    /** Stops reporting, with a final update. */
    @Override
    public void close() {
        timer.shutdownNow();
        if (bar != null) {
            updateBar();
            bar.close();
        } else {
            printLine();
        }
    }
}
