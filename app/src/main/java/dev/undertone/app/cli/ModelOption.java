package dev.undertone.app.cli;

import dev.undertone.core.sentiment.SentimentModel;
import dev.undertone.core.sentiment.SentimentModels;

/** Resolves the {@code --model} option of the sentiment commands; an unknown name exits 2. */
final class ModelOption {

    private ModelOption() {}

    static SentimentModel load(String name) {
        try {
            return SentimentModels.load(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--model: " + e.getMessage());
        }
    }
}
