package dev.undertone.app.model.accurate;

import dev.undertone.core.sentiment.SentimentModel;
import dev.undertone.core.sentiment.SentimentModels;
import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.core.sentiment.eval.LabeledTexts;
import dev.undertone.core.sentiment.eval.Metrics;
import dev.undertone.core.sentiment.fast.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Rebuilds the accurate model's head ({@code undertone train --model accurate}): computes the
 * frozen MiniLM features and the fast model's scores of the TweetEval train and val texts (cached
 * on disk, so a second run takes a minute), trains the head on train, keeps the epoch that is best
 * on val, and writes the head file. The same data, options and seed give the same file.
 */
public final class AccurateTraining {

    private final HeadOptions options;
    private final Path cacheDir;
    private final TrainingListener listener;

    /**
     * @param options head settings ({@link HeadOptions#defaults()} for the shipped head)
     * @param cacheDir where computed features are kept between runs
     * @param listener hears the progress
     */
    public AccurateTraining(HeadOptions options, Path cacheDir, TrainingListener listener) {
        this.options = options;
        this.cacheDir = cacheDir;
        this.listener = listener;
    }

    /**
     * What training produced.
     *
     * @param id the model id stored on posts the head scores
     * @param validation metrics of the kept epoch on val
     * @param train metrics of the same head on the training set (how far it fits)
     * @param epoch the kept epoch
     */
    public record Result(String id, Metrics validation, Metrics train, int epoch) {}

    /** Trains a head and writes it to {@code out}. */
    public Result train(String id, LabeledTexts train, LabeledTexts val, Path out)
            throws IOException {
        SentimentModel fast = SentimentModels.load(SentimentModels.DEFAULT);
        float[] trainRows;
        float[] valRows;
        try (MiniLmEncoder encoder = MiniLmEncoder.load(MiniLmConfig.DEFAULTS)) {
            TextFeatures features = new TextFeatures(encoder, fast);
            FeatureCache cache = new FeatureCache(cacheDir);
            String what =
                    MiniLmEncoder.MODEL_RESOURCE
                            + "|"
                            + encoder.config().maxTokens()
                            + "|"
                            + fingerprint(fast);
            trainRows = features(cache, what, features, "train", train);
            valRows = features(cache, what, features, "val", val);
        }
        HeadTrainer.Result r =
                new HeadTrainer(options, listener)
                        .train(id, trainRows, train.labels(), valRows, val.labels());
        AccurateModels.save(r.head(), out);
        Metrics fit = HeadTrainer.evaluate(r.head(), trainRows, train.labels());
        return new Result(id, r.validation(), fit, r.epoch());
    }

    /**
     * What the fast model says about a few probe texts: a retrained fast model keeps its id, but
     * its features must not come from the cache of the old one.
     */
    static String fingerprint(SentimentModel fast) {
        StringBuilder sb = new StringBuilder(fast.id());
        for (SentimentResult r : fast.classify(PROBES)) {
            sb.append('|').append(r.isScored() ? r.scores() : r.unscoredReason());
        }
        return sb.toString();
    }

    private static final List<String> PROBES =
            List.of(
                    "I love it :)",
                    "this is awful, I hate it",
                    "the bus leaves at 9",
                    "not bad at all",
                    "@user http://t.co/x what?!",
                    "best day ever \u2019 &amp; <3");

    private float[] features(
            FeatureCache cache, String what, TextFeatures features, String split, LabeledTexts t)
            throws IOException {
        try {
            return cache.get(
                    what,
                    t.texts(),
                    TextFeatures.DIMS,
                    () -> {
                        listener.phase("MiniLM features of " + split, t.size());
                        return features.compute(t.texts(), listener::progress);
                    });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
