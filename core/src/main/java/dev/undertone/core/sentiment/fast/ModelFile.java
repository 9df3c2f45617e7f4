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
    private static final int FORMAT = 2;

    private ModelFile() {}

    static void write(FastModel model, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        FeatureSpec spec = model.extractor().spec();
        data.writeInt(MAGIC);
        data.writeInt(FORMAT);
        data.writeUTF(model.id());
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

    static FastModel read(InputStream in, Lexicon lexicon) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != MAGIC) {
            throw new IOException("not an Undertone fast model file");
        }
        int format = data.readInt();
        if (format != FORMAT) {
            throw new IOException(
                    "unsupported model file format " + format + " (expected " + FORMAT + ")");
        }
        String id = data.readUTF();
        FeatureSpec spec =
                new FeatureSpec(
                        data.readInt(),
                        data.readInt(),
                        data.readInt(),
                        data.readBoolean(),
                        data.readBoolean());
        int dense = data.readInt();
        int lexiconSize = data.readInt();
        if (dense != DenseFeatures.COUNT || lexiconSize != lexicon.size()) {
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
        return new FastModel(id, new FeatureExtractor(spec, lexicon), new Weights(w, scale));
    }
}
