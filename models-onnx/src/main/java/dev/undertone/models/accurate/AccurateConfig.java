package dev.undertone.models.accurate;

/**
 * Settings of the {@code accurate} model's runtime.
 *
 * @param maxTokens the window, special tokens included: longer texts are truncated (and counted).
 *     64, as the model was fine-tuned: 99.9% of TweetEval's tweets fit
 * @param threads micro-batches scored side by side, each on one thread (0: one per available core).
 *     Measured on val tweets with two cores: two one-thread batches side by side scored 10-18% more
 *     posts per second than one batch on two intra-op threads
 * @param maxBatchTokens most padded tokens in one call; texts are sorted by length first, so a
 *     batch of short texts holds more of them
 * @param maxBatchTexts most texts in one call. 64: larger batches leave the CPU's caches (val
 *     tweets, one thread: 370 posts per CPU-second at 32-64 texts, 305 at 128, 278 at 256)
 */
public record AccurateConfig(int maxTokens, int threads, int maxBatchTokens, int maxBatchTexts) {

    /** The settings the shipped model was fine-tuned and measured with. */
    public static final AccurateConfig DEFAULTS = new AccurateConfig(64, 0, 4096, 64);

    public AccurateConfig {
        if (maxTokens < 3 || maxTokens > 512) {
            throw new IllegalArgumentException("accurate max_tokens must be in 3..512");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("accurate threads must be >= 0");
        }
        if (maxBatchTokens < maxTokens) {
            throw new IllegalArgumentException("accurate max_batch_tokens must be >= max_tokens");
        }
        if (maxBatchTexts < 1) {
            throw new IllegalArgumentException("accurate max_batch_texts must be >= 1");
        }
    }

    /** The thread count to use: the setting, or one per available core. */
    int threadCount() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
