package dev.undertone.app.model;

import dev.undertone.app.model.comprehend.ComprehendConfig;
import dev.undertone.app.model.comprehend.ComprehendModel;
import dev.undertone.core.sentiment.SentimentModel;
import dev.undertone.core.sentiment.SentimentModels;
import dev.undertone.core.sentiment.fast.FastModels;
import dev.undertone.models.ModelException;
import dev.undertone.models.accurate.AccurateConfig;
import dev.undertone.models.accurate.AccurateModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * The models the app adds to core's {@link SentimentModels}: {@code accurate} (ONNX Runtime, from
 * the models-onnx module, which core must not depend on; English, with the fast model of each other
 * language beside it) and {@code comprehend} (the AWS SDK, with its own list of languages). {@link
 * #registerBuiltIns} runs once at start-up; {@link #load} is what {@code --model} resolves through.
 */
public final class Models {

    private static final AtomicBoolean REGISTERED = new AtomicBoolean();

    private Models() {}

    /** Registers {@code accurate} and {@code comprehend}; later calls do nothing. */
    public static void registerBuiltIns() {
        if (REGISTERED.compareAndSet(false, true)) {
            AccurateModels.register();
            SentimentModels.register(
                    ComprehendModel.NAME, () -> comprehend(ComprehendConfig.defaults()));
        }
    }

    /**
     * The model of this name or file.
     *
     * @param name a registered name, a fast model file from {@code train}, or a fine-tuned graph
     *     from {@code training/} ({@code .onnx})
     * @param comprehend settings for {@code comprehend}; when they differ from the defaults, a new
     *     client is made with them
     * @throws IllegalArgumentException naming the known models when there is no such model
     * @throws ModelException when the model cannot be loaded
     */
    public static SentimentModel load(String name, ComprehendConfig comprehend) {
        registerBuiltIns();
        if (ComprehendModel.NAME.equals(name) && !comprehend.equals(ComprehendConfig.defaults())) {
            return comprehend(comprehend);
        }
        Path file = Path.of(name);
        if (name.endsWith(AccurateModels.FILE_SUFFIX) && Files.isRegularFile(file)) {
            return FastModels.routed(AccurateModels.load(file, AccurateConfig.DEFAULTS));
        }
        return SentimentModels.load(name);
    }

    private static ComprehendModel comprehend(ComprehendConfig config) {
        return ComprehendModel.create(config, DefaultCredentialsProvider.builder().build());
    }
}
