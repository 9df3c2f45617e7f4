package dev.undertone.app.model.accurate;

import dev.undertone.core.sentiment.MixedRule;
import dev.undertone.core.sentiment.SentimentModel;
import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.core.sentiment.eval.ConfusionMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code accurate} model: frozen all-MiniLM-L6-v2 sentence states stacked with the {@code fast}
 * model's scores, read by a small trained head ({@link MlpHead}). About a hundred times slower than
 * {@code fast} per post, and more accurate (docs/models.md: "Choosing a model").
 *
 * <p>Thread-safe: the encoder serialises its native calls, the head is immutable. Never throws for
 * a bad string: texts are normalised first ({@link dev.undertone.core.text.TextNormalizer}, which
 * drops lone surrogates and control characters and keeps the first 5,000 characters), a text empty
 * afterwards is unscored with {@link SentimentResult#EMPTY_TEXT}, and a text longer than the
 * encoder's window is truncated and counted ({@link #truncated()}).
 */
public final class AccurateModel implements SentimentModel, AutoCloseable {

    /** The name users pass to {@code --model}. */
    public static final String NAME = "accurate";

    private final MiniLmEncoder encoder;
    private final TextFeatures features;
    private final MlpHead head;

    AccurateModel(MiniLmEncoder encoder, SentimentModel fast, MlpHead head) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.features = new TextFeatures(encoder, fast);
        this.head = Objects.requireNonNull(head, "head");
    }

    @Override
    public String id() {
        return head.id;
    }

    @Override
    public List<SentimentResult> classify(List<String> texts) {
        float[] rows = features.compute(texts, done -> {});
        double[] p = new double[MlpHead.CLASSES];
        List<SentimentResult> results = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            if (TextFeatures.isEmpty(rows, i)) {
                results.add(SentimentResult.unscored(SentimentResult.EMPTY_TEXT));
                continue;
            }
            head.probabilities(rows, i * TextFeatures.DIMS, p);
            results.add(
                    MixedRule.result(
                            p[ConfusionMatrix.POSITIVE],
                            p[ConfusionMatrix.NEGATIVE],
                            p[ConfusionMatrix.NEUTRAL]));
        }
        return results;
    }

    /** Texts truncated to the encoder's window since loading (a metric). */
    public long truncated() {
        return encoder.truncated();
    }

    /** Texts encoded since loading (a metric). */
    public long encoded() {
        return encoder.encoded();
    }

    /** The encoder, for benchmarks. */
    MiniLmEncoder encoder() {
        return encoder;
    }

    @Override
    public void close() {
        encoder.close();
    }
}
