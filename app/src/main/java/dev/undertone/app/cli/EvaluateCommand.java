package dev.undertone.app.cli;

import dev.undertone.core.sentiment.SentimentModel;
import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.core.sentiment.eval.ConfusionMatrix;
import dev.undertone.core.sentiment.eval.LabeledTexts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code undertone evaluate}: scores labelled texts and prints TweetEval's metrics. The two files
 * are streamed side by side in batches; a MIXED prediction counts as wrong for every gold class.
 * Files that do not line up, or a label outside 0..2, exit 2 naming the file and line.
 */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
            "Score labelled texts with a model and print its metrics.",
            "Last stdout line:",
            "{\"n\":N,\"accuracy\":x,\"macro_recall\":x,\"macro_f1\":x,\"f1_pn\":x,"
                    + "\"per_class\":{...},\"posts_per_second\":x}",
            "Labels: one per line, 0 negative, 1 neutral, 2 positive."
        })
public final class EvaluateCommand implements Callable<Integer> {

    @Option(
            names = "--texts",
            paramLabel = "FILE",
            required = true,
            description = "One text per line.")
    Path textsFile;

    @Option(
            names = "--labels",
            paramLabel = "FILE",
            required = true,
            description = "One label per line, aligned with --texts.")
    Path labelsFile;

    @Mixin ModelChoice model;

    @Mixin TextLanguage language;

    private List<List<String>> tags = List.of();

    /** Texts scored untimed before timing starts. */
    static final long WARM_UP_TEXTS = 20_000;

    /**
     * The most time spent warming up: a slow model (accurate, comprehend) is warm long before
     * 20,000 texts, and must not take minutes to evaluate.
     */
    static final long WARM_UP_MAX_NANOS = 3_000_000_000L;

    private final PrintStream out;
    private final PrintStream err;
    private boolean warm;

    /** The command on the process's standard streams. */
    public EvaluateCommand() {
        this(System.out, System.err);
    }

    EvaluateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        SentimentModel m = model.load();
        List<String> textTags = language.checkedFor(m, model.name());
        tags = TextLanguage.repeat(textTags, ClassifyCommand.BATCH);
        ConfusionMatrix matrix = new ConfusionMatrix();
        long nanos = 0;
        try (BufferedReader texts = open(textsFile, "--texts");
                BufferedReader labels = open(labelsFile, "--labels")) {
            List<String> batch = new ArrayList<>(ClassifyCommand.BATCH);
            byte[] gold = new byte[ClassifyCommand.BATCH];
            int line = 0;
            while (true) {
                String text = texts.readLine();
                String label = labels.readLine();
                if (text == null && label == null) {
                    break;
                }
                line++;
                gold[batch.size()] = parse(text, label, line);
                batch.add(text);
                if (batch.size() == ClassifyCommand.BATCH) {
                    nanos += score(m, batch, gold, matrix);
                }
            }
            nanos += score(m, batch, gold, matrix);
        }
        if (matrix.total() == 0) {
            throw new UsageException("--texts: " + textsFile + " has no lines to evaluate");
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("posts_per_second", matrix.total() / Math.max(nanos / 1e9, 1e-9));
        extra.put("model", m.idFor(textTags));
        err.println("Evaluated model " + m.idFor(textTags) + " on " + matrix.total() + " texts.");
        out.println(SentimentJson.metrics(matrix.metrics(), extra));
        out.flush();
        return 0;
    }

    private byte parse(String text, String label, int line) {
        if (text == null) {
            throw new UsageException(
                    "--labels: "
                            + labelsFile
                            + " line "
                            + line
                            + " has no text: "
                            + textsFile
                            + " has only "
                            + (line - 1)
                            + " lines");
        }
        if (label == null) {
            throw new UsageException(
                    "--texts: "
                            + textsFile
                            + " line "
                            + line
                            + " has no label: "
                            + labelsFile
                            + " has only "
                            + (line - 1)
                            + " lines");
        }
        try {
            return LabeledTexts.parseLabel(label, labelsFile, line);
        } catch (LabeledTexts.LabelFileException e) {
            throw new UsageException("--labels: " + e.getMessage());
        }
    }

    /**
     * Scores a batch into the matrix, empties it, and returns the nanoseconds the model took. The
     * first batch is scored untimed a few times first, so that posts_per_second is the rate of the
     * compiled code rather than of the JVM warming up.
     */
    private long score(SentimentModel m, List<String> batch, byte[] gold, ConfusionMatrix matrix) {
        if (batch.isEmpty()) {
            return 0;
        }
        if (!warm) {
            long warmStart = System.nanoTime();
            for (long n = 0;
                    n < WARM_UP_TEXTS && System.nanoTime() - warmStart < WARM_UP_MAX_NANOS;
                    n += batch.size()) {
                m.classify(batch, tags.subList(0, batch.size()));
            }
            warm = true;
        }
        long start = System.nanoTime();
        List<SentimentResult> results = m.classify(batch, tags.subList(0, batch.size()));
        long took = System.nanoTime() - start;
        for (int i = 0; i < batch.size(); i++) {
            matrix.add(gold[i], results.get(i).sentiment());
        }
        batch.clear();
        return took;
    }

    private static BufferedReader open(Path file, String option) throws IOException {
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException(option + ": no such file " + file);
        }
    }
}
