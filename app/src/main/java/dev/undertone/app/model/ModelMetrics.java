package dev.undertone.app.model;

import dev.undertone.app.model.comprehend.ComprehendModel;
import dev.undertone.core.sentiment.LanguageRoutedModel;
import dev.undertone.core.sentiment.SentimentModel;
import dev.undertone.models.accurate.AccurateModel;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;

/**
 * Exposes what a model counts in a meter registry ({@code /metrics}): texts truncated to the
 * model's window, and for Comprehend the calls made and the documents it did not score. Read when
 * scraped.
 */
public final class ModelMetrics {

    private ModelMetrics() {}

    /** Registers the model's meters (none for models that count nothing). */
    public static void bind(SentimentModel model, MeterRegistry registry) {
        if (model instanceof LanguageRoutedModel routed) {
            // accurate routes its English posts to the ONNX model, which is what counts.
            model = routed.english();
        }
        if (model instanceof AccurateModel a) {
            counter(
                    registry,
                    "undertone_model_texts_encoded",
                    a,
                    m -> m.encoded(),
                    a.id(),
                    "Texts the model encoded");
            counter(
                    registry,
                    "undertone_model_texts_truncated",
                    a,
                    m -> m.truncated(),
                    a.id(),
                    "Texts longer than the model's window, truncated before scoring");
            counter(
                    registry,
                    "undertone_model_texts_failed",
                    a,
                    m -> m.failed(),
                    a.id(),
                    "Texts left unscored because the tokenizer or ONNX Runtime failed");
        } else if (model instanceof ComprehendModel c) {
            counter(
                    registry,
                    "undertone_model_texts_truncated",
                    c,
                    m -> m.truncated(),
                    c.id(),
                    "Texts over Comprehend's 5,000-byte limit, cut before scoring");
            counter(
                    registry,
                    "undertone_comprehend_calls",
                    c,
                    m -> m.calls(),
                    c.id(),
                    "BatchDetectSentiment calls, not counting the SDK's retries");
            counter(
                    registry,
                    "undertone_comprehend_failed_documents",
                    c,
                    m -> m.failedDocuments(),
                    c.id(),
                    "Documents Comprehend did not score (stored unscored with the reason)");
        }
    }

    private static <T> void counter(
            MeterRegistry registry,
            String name,
            T model,
            ToDoubleFunction<T> value,
            String id,
            String description) {
        FunctionCounter.builder(name, model, value)
                .description(description)
                .tag("model", id)
                .register(registry);
    }
}
