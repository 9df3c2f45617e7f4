package dev.undertone.core.sentiment.fast;

/**
 * The settings of one training run; the defaults are the ones the shipped model was built with,
 * chosen on TweetEval's validation split.
 *
 * @param spec the features
 * @param epochs passes over the training data
 * @param learningRate AdaGrad's base step
 * @param l2 L2 penalty, applied to the weights of the features each example has
 * @param balanced whether each class gets the same total weight (recommended: the held-out data's
 *     class balance differs from training's)
 * @param averaged whether the model is the average of the weights over all steps (averaged SGD)
 *     rather than the last weights
 * @param seed seed of the example order
 */
public record TrainOptions(
        FeatureSpec spec,
        int epochs,
        double learningRate,
        double l2,
        boolean balanced,
        boolean averaged,
        long seed) {

    public TrainOptions {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1: " + epochs);
        }
        if (!(learningRate > 0) || !(l2 >= 0)) {
            throw new IllegalArgumentException("learningRate must be > 0 and l2 >= 0");
        }
    }

    /** The settings of the shipped model. */
    public static TrainOptions defaults() {
        return new TrainOptions(
                new FeatureSpec(20, 2, 5, true, true), 2, 0.1, 3e-3, true, false, 42);
    }

    /** These settings with another seed. */
    public TrainOptions withSeed(long newSeed) {
        return new TrainOptions(spec, epochs, learningRate, l2, balanced, averaged, newSeed);
    }
}
