package dev.undertone.models.accurate;

import dev.undertone.models.ModelException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one thread that calls into ONNX Runtime. ONNX Runtime 1.29 needs more than 2 MiB of stack
 * when it creates its environment (it crashes the JVM with a segmentation fault on a thread with
 * Java's default 1 MiB), so every native call runs here, on a thread with a stack of its own size,
 * whatever thread asks. One thread also serialises the session's use; the intra-op threads of the
 * session do the parallel work.
 */
final class OnnxThread implements AutoCloseable {

    /** Enough for ONNX Runtime's start-up with room to spare (4 MiB was measured to suffice). */
    static final long STACK_BYTES = 16L << 20;

    private final ExecutorService executor;

    OnnxThread(String name) {
        this.executor =
                Executors.newSingleThreadExecutor(
                        r -> {
                            Thread t = new Thread(null, r, name, STACK_BYTES);
                            t.setDaemon(true);
                            return t;
                        });
    }

    /**
     * Runs a task on the thread and waits for it.
     *
     * @throws RuntimeException the task's own unchecked exception, or one wrapping its checked one
     */
    <T> T call(Callable<T> task) {
        return await(submit(task));
    }

    /** Starts a task on the thread; {@link #await} its result. */
    <T> Future<T> submit(Callable<T> task) {
        return executor.submit(task);
    }

    /**
     * Waits for a task started with {@link #submit}.
     *
     * @throws RuntimeException the task's own unchecked exception, or one wrapping its checked one
     */
    <T> T await(Future<T> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    // The native call cannot be cut short; wait for it, then keep the interrupt.
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new ModelException("running ONNX Runtime: " + cause.getMessage(), cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
