package dev.undertone.core.sentiment.fast;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The binary file of a {@link FastModel}: a header (magic, format version, model id, {@link
 * FeatureSpec}, the lexicon's size, the weights' scale) then the {@link Weights} as little-endian
 * 16-bit integers, row by row. Nothing in it depends on the time or machine, so the same weights
 * always give the same bytes.
 */
final class ModelFile {

    private static final int MAGIC = 0x554e4446;

    /** English without language folding: fast-1's format, kept so its file stays byte for byte. */
    private static final int FORMAT_ENGLISH = 2;

    /** Adds the model's language and its {@link LanguageNormalization} flags after the id. */
    private static final int FORMAT = 3;

    private ModelFile() {}

    static void write(FastModel model, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        FeatureSpec spec = model.extractor().spec();
        int normalization = model.extractor().normalization();
        boolean english =
                FastModel.ENGLISH.equals(model.language())
                        && normalization == LanguageNormalization.NONE;
        data.writeInt(MAGIC);
        data.writeInt(english ? FORMAT_ENGLISH : FORMAT);
        data.writeUTF(model.id());
        if (!english) {
            data.writeUTF(model.language());
            data.writeInt(normalization);
        }
        data.writeInt(spec.bits());
        data.writeInt(spec.charMin());
        data.writeInt(spec.charMax());
        data.writeBoolean(spec.wordBigrams());
        data.writeBoolean(spec.negation());
        data.writeInt(DenseFeatures.COUNT);
        data.writeInt(model.extractor().lexiconSize());
        Weights w = model.weights();
        data.writeFloat(w.scale());
        data.writeInt(w.length());
        ByteBuffer buf =
                ByteBuffer.allocate(w.length() * Short.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asShortBuffer().put(w.values());
        data.write(buf.array());
        data.flush();
    }

    /**
     * Reads a model file; {@code lexicon} is VADER's, used unless the file's flags ask for its
     * language's own lexicon too.
     */
    static FastModel read(InputStream in, Lexicon lexicon) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != MAGIC) {
            throw new IOException("not an Undertone fast model file");
        }
        int format = data.readInt();
        if (format != FORMAT && format != FORMAT_ENGLISH) {
            throw new IOException(
                    "unsupported model file format "
                            + format
                            + " (expected "
                            + FORMAT_ENGLISH
                            + " or "
                            + FORMAT
                            + ")");
        }
        String id = data.readUTF();
        String language = format == FORMAT ? data.readUTF() : FastModel.ENGLISH;
        int normalization = format == FORMAT ? data.readInt() : LanguageNormalization.NONE;
        if ((normalization & ~LanguageNormalization.ALL) != 0) {
            throw new IOException("model " + id + " has unknown normalization " + normalization);
        }
        FeatureSpec spec =
                new FeatureSpec(
                        data.readInt(),
                        data.readInt(),
                        data.readInt(),
                        data.readBoolean(),
                        data.readBoolean());
        int dense = data.readInt();
        int lexiconSize = data.readInt();
        Lexicon modelLexicon =
                (normalization & LanguageNormalization.LEXICON) == 0
                        ? lexicon
                        : Lexicon.of(language, normalization);
        if (dense != DenseFeatures.COUNT || lexiconSize != modelLexicon.size()) {
            throw new IOException(
                    "model "
                            + id
                            + " was trained with other features (dense "
                            + dense
                            + ", lexicon "
                            + lexiconSize
                            + "); retrain it with 'undertone train'");
        }
        float scale = data.readFloat();
        int n = data.readInt();
        if (n != spec.rows() * Scorer.CLASSES) {
            throw new IOException(
                    "model "
                            + id
                            + " has "
                            + n
                            + " weights, expected "
                            + spec.rows() * Scorer.CLASSES);
        }
        byte[] bytes = new byte[n * Short.BYTES];
        data.readFully(bytes);
        short[] w = new short[n];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(w);
        return new FastModel(
                id,
                language,
                new FeatureExtractor(spec, modelLexicon, normalization),
                new Weights(w, scale));
    }
}
