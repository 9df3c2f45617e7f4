package dev.undertone.app.cli;

import dev.undertone.core.sentiment.SentimentModel;
import dev.undertone.core.sentiment.SentimentModels;
import picocli.CommandLine.Option;

/** {@code --model M} for the commands that classify. */
public final class ModelChoice {
    @Option(
            names = "--model",
            paramLabel = "M",
            defaultValue = SentimentModels.DEFAULT,
            description = "Sentiment model. Default: ${DEFAULT-VALUE}.")
    String name;

    /** Loads the chosen model; an unknown name is a usage error (exit 2). */
    public SentimentModel load() {
        return ModelOption.load(name);
    }
}
