package dev.undertone.app.model.accurate;

/**
 * Settings of the MiniLM encoder.
 *
 * @param maxTokens the model's window: longer texts are truncated (and counted), including the two
 *     special tokens
 * @param intraOpThreads threads ONNX Runtime uses inside one call (0: one per available core)
 * @param maxBatchTokens most padded tokens in one call; texts are sorted by length, so a batch of
 *     short texts holds more of them
 * @param maxBatchTexts most texts in one call
 */
public record MiniLmConfig(
        int maxTokens, int intraOpThreads, int maxBatchTokens, int maxBatchTexts) {

    /** The window and batch sizes the shipped model was trained and measured with. */
    public static final MiniLmConfig DEFAULTS = new MiniLmConfig(128, 0, 4096, 128);

    public MiniLmConfig {
        if (maxTokens < 3 || maxTokens > 512) {
            throw new IllegalArgumentException("minilm max_tokens must be in 3..512");
        }
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("minilm intra_op_threads must be >= 0");
        }
        if (maxBatchTokens < maxTokens) {
            throw new IllegalArgumentException("minilm max_batch_tokens must be >= max_tokens");
        }
        if (maxBatchTexts < 1) {
            throw new IllegalArgumentException("minilm max_batch_texts must be >= 1");
        }
    }

    /** The same settings with another intra-op thread count. */
    public MiniLmConfig withIntraOpThreads(int threads) {
        return new MiniLmConfig(maxTokens, threads, maxBatchTokens, maxBatchTexts);
    }

    /** The intra-op thread count to use: the setting, or one per available core. */
    int threads() {
        return intraOpThreads > 0 ? intraOpThreads : Runtime.getRuntime().availableProcessors();
    }
}
