package dev.undertone.models.accurate;

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
 * Writes the TweetEval splits as MiniLM token ids for the fine-tuning recipe in {@code training/},
 * so that Python needs neither the tokenizer nor the text normaliser and exactly the tokens the
 * Java model sees travel to the GPU machine.
 *
 * <p>{@code SPLIT.ids}: for each text, its token count then its ids, as little-endian int32 (an
 * empty text has count 0). {@code SPLIT.labels}: one byte per text (0 negative, 1 neutral, 2
 * positive).
 */
public final class TokenExport {

    private TokenExport() {}

    /** The window of the export; the recipe cuts to its own {@code --max-len} (64). */
    static final int EXPORT_WINDOW = 128;

    private static final int CHUNK = 1024;

    /** Writes one split into {@code dir}. */
    public static void write(Path dir, String split, LabeledTexts texts) throws IOException {
        Files.createDirectories(dir);
        WordPieces tokens = WordPieces.load(EXPORT_WINDOW);
        try (OutputStream out =
                new BufferedOutputStream(Files.newOutputStream(dir.resolve(split + ".ids")))) {
            for (int start = 0; start < texts.size(); start += CHUNK) {
                List<String> chunk =
                        texts.texts().subList(start, Math.min(texts.size(), start + CHUNK));
                List<String> normalized = new ArrayList<>(chunk.size());
                for (String t : chunk) {
                    normalized.add(TextNormalizer.normalize(t));
                }
                long[][] ids = tokens.ids(normalized, new boolean[normalized.size()]);
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
