package dev.undertone.app.model.accurate;

import dev.undertone.core.sentiment.eval.LabeledTexts;
import dev.undertone.core.text.TextNormalizer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the TweetEval splits as MiniLM token ids for the GPU fine-tuning recipe in {@code
 * training/}, so that Python needs neither the tokenizer nor the text normaliser and exactly the
 * tokens the Java model sees travel to the GPU machine.
 *
 * <p>{@code SPLIT.ids}: for each text, its token count then its ids, as little-endian int32 (an
 * empty text has count 0). {@code SPLIT.labels}: one byte per text (0 negative, 1 neutral, 2
 * positive).
 */
public final class TokenExport {

    private TokenExport() {}

    /** Writes one split into {@code dir}. */
    public static void write(Path dir, String split, LabeledTexts texts) throws IOException {
        Files.createDirectories(dir);
        try (MiniLmEncoder encoder =
                        MiniLmEncoder.load(MiniLmConfig.DEFAULTS.withIntraOpThreads(1));
                OutputStream out =
                        new BufferedOutputStream(
                                Files.newOutputStream(dir.resolve(split + ".ids")))) {
            for (int start = 0; start < texts.size(); start += TextFeatures.CHUNK) {
                List<String> chunk =
                        texts.texts()
                                .subList(start, Math.min(texts.size(), start + TextFeatures.CHUNK));
                List<String> normalized = new ArrayList<>(chunk.size());
                for (String t : chunk) {
                    normalized.add(TextNormalizer.normalize(t));
                }
                long[][] ids = encoder.tokenIds(normalized);
                for (int i = 0; i < ids.length; i++) {
                    long[] row = normalized.get(i).isEmpty() ? new long[0] : ids[i];
                    ByteBuffer b =
                            ByteBuffer.allocate(4 * (row.length + 1))
                                    .order(ByteOrder.LITTLE_ENDIAN);
                    b.putInt(row.length);
                    for (long id : row) {
                        b.putInt((int) id);
                    }
                    out.write(b.array());
                }
            }
        }
        Files.write(dir.resolve(split + ".labels"), texts.labels());
    }
}
