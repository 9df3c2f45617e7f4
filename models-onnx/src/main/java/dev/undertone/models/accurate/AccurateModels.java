package dev.undertone.models.accurate;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.undertone.core.sentiment.SentimentModels;
import dev.undertone.core.sentiment.fast.FastModels;
import dev.undertone.models.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads the {@code accurate} model: the fine-tuned graph shipped in the jar, or one written by the
 * recipe in {@code training/}; and registers it with core's {@link SentimentModels} under {@value
 * AccurateModel#NAME}, so {@code --model accurate} finds it in the app and in the Flink job alike.
 */
public final class AccurateModels {

    /** The id of the shipped model, stored on every post it scores. */
    public static final String BUILT_IN_ID = "accurate-2";

    /** The shipped graph's classpath resource, next to this class. */
    static final String BUILT_IN_RESOURCE = "accurate-2.onnx";

    /** The file name ending of a graph from the recipe, accepted by {@code --model FILE}. */
    public static final String FILE_SUFFIX = ".onnx";

    private static final AtomicBoolean REGISTERED = new AtomicBoolean();

    private AccurateModels() {}

    /**
     * Makes {@code accurate} known to {@link SentimentModels} (loaded on first use, once per class
     * loader); later calls do nothing. It scores English and untagged posts; the fast model of each
     * other language scores the rest, so choosing accurate loses no language fast scores.
     */
    public static void register() {
        if (REGISTERED.compareAndSet(false, true)) {
            SentimentModels.register(AccurateModel.NAME, () -> FastModels.routed(builtIn()));
        }
    }

    /**
     * The shipped model with the default settings.
     *
     * @throws ModelException if a part is missing or ONNX Runtime cannot load it
     */
    public static AccurateModel builtIn() {
        return load(BUILT_IN_ID, AccurateConfig.DEFAULTS, () -> resource(BUILT_IN_RESOURCE));
    }

    /**
     * A graph written by {@code training/} (inputs {@code input_ids}, {@code attention_mask},
     * {@code token_type_ids}; output {@code logits}, negative/neutral/positive), under an id made
     * of the file name.
     *
     * @throws ModelException if the file cannot be read or is not such a graph
     */
    public static AccurateModel load(Path file, AccurateConfig config) {
        String name = file.getFileName().toString();
        String id = name.endsWith(FILE_SUFFIX) ? name.substring(0, name.length() - 5) : name;
        return load(id, config, () -> Files.readAllBytes(file));
    }

    private interface Bytes {
        byte[] read() throws IOException;
    }

    private static AccurateModel load(String id, AccurateConfig config, Bytes graph) {
        OnnxThread thread = new OnnxThread("undertone-onnx");
        // The session is built on the ONNX thread while this thread loads the tokenizer: the two
        // take about the same time, so loading takes half as long on two cores.
        Future<Session> session = thread.submit(() -> createSession(graph.read(), config));
        try {
            WordPieces tokens = WordPieces.load(config.maxTokens());
            Session s = thread.await(session);
            return new AccurateModel(id, config, tokens, thread, s.env(), s.session());
        } catch (IOException | RuntimeException e) {
            try {
                thread.await(session).session().close();
            } catch (OrtException | RuntimeException ignored) {
                // The first failure is the one to report.
            }
            thread.close();
            throw new ModelException("loading the accurate model: " + e.getMessage(), e);
        }
    }

    /** The environment and the session, both made on the ONNX thread. */
    private record Session(OrtEnvironment env, OrtSession session) {}

    /**
     * Makes the session. Runs on the ONNX thread only: creating the environment on a thread with
     * Java's default stack crashes the JVM.
     */
    private static Session createSession(byte[] graph, AccurateConfig config) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(config.threads());
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            // Spinning intra-op threads burn CPU that other work needs on a small machine
            // (measured on 2 shared cores: 178 texts per CPU-second with spinning, 217 without).
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return new Session(env, env.createSession(graph, options));
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = AccurateModels.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(
                        name + " is missing from the classpath (a broken build: see training/)");
            }
            return in.readAllBytes();
        }
    }
}
