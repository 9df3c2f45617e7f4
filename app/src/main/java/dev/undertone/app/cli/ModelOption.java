package dev.undertone.app.cli;

import dev.undertone.app.model.Models;
import dev.undertone.app.model.comprehend.ComprehendConfig;
import dev.undertone.core.sentiment.SentimentModel;

/** Resolves the {@code --model} option of the sentiment commands; an unknown name exits 2. */
final class ModelOption {

    private ModelOption() {}

    static SentimentModel load(String name, ComprehendConfig comprehend) {
        try {
            return Models.load(name, comprehend);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--model: " + e.getMessage());
        }
    }
}
