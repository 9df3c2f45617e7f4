package dev.undertone.app.model.accurate;

/**
 * Settings of head training ({@link HeadTrainer}).
 *
 * @param selection which features the head reads
 * @param hidden units of the hidden layer (0: a linear head)
 * @param epochs passes over the training set; the epoch with the best validation macro-recall is
 *     kept
 * @param batch examples per update
 * @param learningRate Adam's step size
 * @param weightDecay decoupled weight decay (AdamW) per step, relative to the learning rate
 * @param dropout probability of dropping each standardised input during training
 * @param seed seed of the initial weights, the example order and the dropout masks
 */
public record HeadOptions(
        FeatureSelection selection,
        int hidden,
        int epochs,
        int batch,
        double learningRate,
        double weightDecay,
        double dropout,
        long seed) {

    /** The settings of the shipped head. */
    public static HeadOptions defaults() {
        return new HeadOptions(FeatureSelection.MEAN_CLS_MAX_FAST, 0, 20, 64, 1e-4, 0, 0.5, 42);
    }

    public HeadOptions {
        if (hidden < 0 || epochs < 1 || batch < 1 || learningRate <= 0 || weightDecay < 0) {
            throw new IllegalArgumentException(
                    "head options need hidden >= 0, epochs >= 1, batch >= 1, learning rate > 0");
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("head dropout must be in [0, 1)");
        }
    }

    /** The same settings with another seed. */
    public HeadOptions withSeed(long newSeed) {
        return new HeadOptions(
                selection, hidden, epochs, batch, learningRate, weightDecay, dropout, newSeed);
    }
}
