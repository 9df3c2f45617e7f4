package dev.undertone.models.accurate;

/**
 * Settings of the {@code accurate} model's runtime.
 *
 * @param maxTokens the window, special tokens included: longer texts are truncated (and counted).
 *     64, as the model was fine-tuned: 99.9% of TweetEval's tweets fit
 * @param intraOpThreads threads ONNX Runtime uses inside one call (0: one per available core)
 * @param maxBatchTokens most padded tokens in one call; texts are sorted by length first, so a
 *     batch of short texts holds more of them
 * @param maxBatchTexts most texts in one call
 */
public record AccurateConfig(
        int maxTokens, int intraOpThreads, int maxBatchTokens, int maxBatchTexts) {

    /** The settings the shipped model was fine-tuned and measured with. */
    public static final AccurateConfig DEFAULTS = new AccurateConfig(64, 0, 4096, 128);

    public AccurateConfig {
        if (maxTokens < 3 || maxTokens > 512) {
            throw new IllegalArgumentException("accurate max_tokens must be in 3..512");
        }
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("accurate intra_op_threads must be >= 0");
        }
        if (maxBatchTokens < maxTokens) {
            throw new IllegalArgumentException("accurate max_batch_tokens must be >= max_tokens");
        }
        if (maxBatchTexts < 1) {
            throw new IllegalArgumentException("accurate max_batch_texts must be >= 1");
        }
    }

    /** The intra-op thread count to use: the setting, or one per available core. */
    int threads() {
        return intraOpThreads > 0 ? intraOpThreads : Runtime.getRuntime().availableProcessors();
    }
}
