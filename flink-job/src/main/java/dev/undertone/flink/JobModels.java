package dev.undertone.flink;

import dev.undertone.core.sentiment.SentimentModel;
import dev.undertone.core.sentiment.SentimentModels;
import dev.undertone.models.accurate.AccurateModels;
import java.util.Set;

/**
 * The models the job can run: core's {@code fast} and the ONNX {@code accurate}, by the same names
 * as {@code --model} on one machine.
 */
public final class JobModels {

    private JobModels() {}

    /** The names {@code --model} accepts. */
    public static Set<String> names() {
        AccurateModels.register();
        return SentimentModels.names();
    }

    /**
     * Builds the named model on the task manager, once per task in {@code open()}: the registry
     * caches it per class loader, so the tasks of one slot share one ONNX session, and a job
     * restarted after a failure (a new user-code class loader) loads it afresh.
     */
    public static SerializableFactory<SentimentModel> factory(String name) {
        return () -> {
            AccurateModels.register();
            return SentimentModels.load(name);
        };
    }
}
