package dev.undertone.app.cli;

import dev.undertone.core.sentiment.eval.Metrics;
import dev.undertone.core.sentiment.fast.TrainingListener;
import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows training progress on stderr: a progress bar with rate and ETA on a terminal, otherwise a
 * plain line when a phase starts, at most every {@value #PLAIN_INTERVAL_MS} ms while it runs, and
 * one per epoch with its validation metrics.
 */
abstract class TrainingProgress implements TrainingListener, AutoCloseable {

    static final long PLAIN_INTERVAL_MS = 5_000;

    protected final PrintStream err;

    TrainingProgress(PrintStream err) {
        this.err = err;
    }

    /** A bar when stderr is a terminal, plain lines otherwise. */
    static TrainingProgress on(PrintStream err) {
        return System.console() != null && err == System.err ? new Bar(err) : new Plain(err);
    }

    @Override
    public void epochDone(int epoch, Metrics v) {
        err.println(
                String.format(
                        Locale.ROOT,
                        "Epoch %d: validation macro recall %.4f, accuracy %.4f, F1^PN %.4f.",
                        epoch,
                        v.macroRecall(),
                        v.accuracy(),
                        v.f1Pn()));
    }

    @Override
    public void close() {}

    /** Plain periodic lines, for logs and pipes. */
    static final class Plain extends TrainingProgress {
        private String phase = "";
        private long total;
        private long lastPrint;

        Plain(PrintStream err) {
            super(err);
        }

        @Override
        public void phase(String name, long steps) {
            phase = name;
            total = steps;
            lastPrint = System.currentTimeMillis();
            err.println("Training: " + name + " (" + steps + " tweets).");
        }

        @Override
        public void progress(long done) {
            long now = System.currentTimeMillis();
            if (now - lastPrint >= PLAIN_INTERVAL_MS && done < total) {
                lastPrint = now;
                err.println(
                        String.format(
                                Locale.ROOT,
                                "Training: %s %d/%d (%.0f%%).",
                                phase,
                                done,
                                total,
                                100.0 * done / total));
            }
        }
    }

    /** A progress bar per phase. */
    static final class Bar extends TrainingProgress {
        private ProgressBar bar;

        Bar(PrintStream err) {
            super(err);
        }

        @Override
        public void phase(String name, long steps) {
            close();
            bar =
                    new ProgressBarBuilder()
                            .setTaskName(name)
                            .setInitialMax(steps)
                            .setStyle(ProgressBarStyle.ASCII)
                            .setConsumer(new ConsoleProgressBarConsumer(err))
                            .showSpeed()
                            .build();
        }

        @Override
        public void progress(long done) {
            if (bar != null) {
                bar.stepTo(done);
            }
        }

        @Override
        public void epochDone(int epoch, Metrics v) {
            close();
            super.epochDone(epoch, v);
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
