package dev.undertone.app.cli;

import dev.undertone.app.model.comprehend.ComprehendConfig;
import dev.undertone.core.sentiment.SentimentModel;
import dev.undertone.core.sentiment.SentimentModels;
import java.net.URI;
import picocli.CommandLine.Option;

/** {@code --model M} and the Comprehend options, for the commands that classify. */
public final class ModelChoice {
    @Option(
            names = "--model",
            paramLabel = "M",
            defaultValue = SentimentModels.DEFAULT,
            description =
                    "Sentiment model: fast (default: a model per language, fast-1 for English and"
                            + " untagged posts, fast-2/L for ar, de, es, fr, it, pt), accurate"
                            + " (English; the fast model of each other language), comprehend (its"
                            + " own languages), or a model file from 'train'.")
    String name;

    @Option(
            names = "--comprehend-endpoint",
            paramLabel = "URL",
            description =
                    "Call Comprehend at this endpoint instead of AWS's regional one"
                            + " (--model comprehend).")
    URI comprehendEndpoint;

    @Option(
            names = "--comprehend-region",
            paramLabel = "REGION",
            description =
                    "AWS region for --model comprehend (default: AWS_REGION or the AWS profile).")
    String comprehendRegion;

    /** Loads the chosen model; an unknown name is a usage error (exit 2). */
    public SentimentModel load() {
        return ModelOption.load(name, comprehendConfig());
    }

    /** The model name as given. */
    public String name() {
        return name;
    }

    ComprehendConfig comprehendConfig() {
        ComprehendConfig defaults = ComprehendConfig.defaults();
        if (comprehendEndpoint == null && comprehendRegion == null) {
            return defaults;
        }
        if (comprehendEndpoint != null && comprehendEndpoint.getScheme() == null) {
            throw new UsageException(
                    "--comprehend-endpoint: '"
                            + comprehendEndpoint
                            + "' is not a URL (e.g. http://127.0.0.1:4566)");
        }
        return defaults.withEndpoint(comprehendEndpoint, comprehendRegion);
    }
}
