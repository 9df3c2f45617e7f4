package dev.undertone.models.accurate;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.undertone.core.sentiment.MixedRule;
import dev.undertone.core.sentiment.SentimentModel;
import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.core.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code accurate} model: all-MiniLM-L6-v2 fine-tuned end to end on TweetEval with a 3-class
 * head ({@code training/minilm_finetune.py}), run as one int8 ONNX graph by ONNX Runtime. (Not
 * stacked with {@code fast}: averaging the two lowered val macro-recall, 0.7478 to 0.7468.)
 *
 * <p>{@link #classify} normalises the texts (core's {@link TextNormalizer}, as in training),
 * tokenises them, sorts them by token count and cuts them into micro-batches of similar length, so
 * little of each call is padding; results come back in the callers' order. Texts longer than the
 * window are truncated and counted ({@link #truncated()}).
 *
 * <p>Never throws for a text: an empty text after normalisation is unscored with {@link
 * SentimentResult#EMPTY_TEXT}; a batch the tokenizer or ONNX Runtime fails on is unscored with
 * {@link #MODEL_ERROR} and counted ({@link #failed()}), and the next batch is tried afresh.
 *
 * <p>Thread-safe: every native call runs on one {@link OnnxThread}, whose intra-op threads do the
 * parallel work.
 */
public final class AccurateModel implements SentimentModel, AutoCloseable {

    /** The name users pass to {@code --model}. */
    public static final String NAME = "accurate";

    /** The unscored reason of texts the tokenizer or the runtime failed on. */
    public static final String MODEL_ERROR = "model_error";

    /** The label order of the graph's {@code logits} output (TweetEval's ids). */
    private static final int NEGATIVE = 0;

    private static final int NEUTRAL = 1;
    private static final int POSITIVE = 2;

    private final String id;
    private final AccurateConfig config;
    private final WordPieces tokens;
    private final OnnxThread thread;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final AtomicLong encoded = new AtomicLong();
    private final AtomicLong truncated = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    AccurateModel(
            String id,
            AccurateConfig config,
            WordPieces tokens,
            OnnxThread thread,
            OrtEnvironment env,
            OrtSession session) {
        this.id = id;
        this.config = config;
        this.tokens = tokens;
        this.thread = thread;
        this.env = env;
        this.session = session;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<SentimentResult> classify(List<String> texts) {
        int n = texts.size();
        SentimentResult[] results = new SentimentResult[n];
        List<String> normalized = new ArrayList<>(n);
        List<Integer> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String t = TextNormalizer.normalize(texts.get(i) == null ? "" : texts.get(i));
            if (t.isBlank()) {
                results[i] = SentimentResult.unscored(SentimentResult.EMPTY_TEXT);
            } else {
                normalized.add(t);
                rows.add(i);
            }
        }
        if (!normalized.isEmpty()) {
            score(normalized, rows, results);
        }
        return Arrays.asList(results);
    }

    /** Scores the non-empty texts into {@code results} at their rows. */
    private void score(List<String> texts, List<Integer> rows, SentimentResult[] results) {
        int n = texts.size();
        long[][] ids;
        boolean[] cut = new boolean[n];
        try {
            ids = tokens.ids(texts, cut);
        } catch (RuntimeException e) {
            fail(rows, results);
            return;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            if (cut[i]) {
                truncated.incrementAndGet();
            }
        }
        Arrays.sort(order, (a, b) -> Integer.compare(ids[a].length, ids[b].length));
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n
                    && end - start < config.maxBatchTexts()
                    && (long) (end - start + 1) * ids[order[end]].length
                            <= config.maxBatchTokens()) {
                end++;
            }
            Integer[] batch = Arrays.copyOfRange(order, start, end);
            float[][] logits;
            try {
                logits = thread.call(() -> run(ids, batch));
            } catch (RuntimeException e) {
                List<Integer> failedRows = new ArrayList<>(batch.length);
                for (int i : batch) {
                    failedRows.add(rows.get(i));
                }
                fail(failedRows, results);
                start = end;
                continue;
            }
            for (int k = 0; k < batch.length; k++) {
                results[rows.get(batch[k])] = result(logits[k]);
            }
            start = end;
        }
        encoded.addAndGet(n);
    }

    private void fail(List<Integer> rows, SentimentResult[] results) {
        for (int row : rows) {
            results[row] = SentimentResult.unscored(MODEL_ERROR);
        }
        failed.addAndGet(rows.size());
    }

    /** Runs one batch of similar length; returns its logits, row by row. */
    private float[][] run(long[][] ids, Integer[] batch) throws OrtException {
        int b = batch.length;
        int len = 0;
        for (int i : batch) {
            len = Math.max(len, ids[i].length);
        }
        long[][] input = new long[b][len];
        long[][] mask = new long[b][len];
        for (int row = 0; row < b; row++) {
            long[] src = ids[batch[row]];
            System.arraycopy(src, 0, input[row], 0, src.length);
            Arrays.fill(mask[row], 0, src.length, 1L);
        }
        try (OnnxTensor idT = OnnxTensor.createTensor(env, input);
                OnnxTensor maskT = OnnxTensor.createTensor(env, mask);
                OnnxTensor typeT = OnnxTensor.createTensor(env, new long[b][len]);
                OrtSession.Result result =
                        session.run(
                                Map.of(
                                        "input_ids", idT,
                                        "attention_mask", maskT,
                                        "token_type_ids", typeT))) {
            return (float[][]) result.get(0).getValue();
        }
    }

    /** Softmax of the three logits, then Comprehend's four labels through core's MIXED rule. */
    static SentimentResult result(float[] logits) {
        double max = Math.max(logits[NEGATIVE], Math.max(logits[NEUTRAL], logits[POSITIVE]));
        double neg = Math.exp(logits[NEGATIVE] - max);
        double neu = Math.exp(logits[NEUTRAL] - max);
        double pos = Math.exp(logits[POSITIVE] - max);
        double sum = neg + neu + pos;
        return MixedRule.result(pos / sum, neg / sum, neu / sum);
    }

    /** Texts scored since loading (a metric). */
    public long encoded() {
        return encoded.get();
    }

    /** Texts longer than the window, truncated before scoring, since loading (a metric). */
    public long truncated() {
        return truncated.get();
    }

    /** Texts left unscored because the tokenizer or the runtime failed (a metric). */
    public long failed() {
        return failed.get();
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
            thread.close();
        }
    }
}
