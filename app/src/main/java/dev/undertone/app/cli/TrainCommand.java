package dev.undertone.app.cli;

import dev.undertone.app.model.Models;
import dev.undertone.app.model.accurate.AccurateModel;
import dev.undertone.app.model.accurate.AccurateModels;
import dev.undertone.app.model.accurate.AccurateTraining;
import dev.undertone.app.model.accurate.HeadOptions;
import dev.undertone.app.model.accurate.TokenExport;
import dev.undertone.core.sentiment.eval.LabeledTexts;
import dev.undertone.core.sentiment.fast.FastModel;
import dev.undertone.core.sentiment.fast.FastModels;
import dev.undertone.core.sentiment.fast.FastTrainer;
import dev.undertone.core.sentiment.fast.TrainOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code undertone train}: rebuilds a built-in model from TweetEval's train split, reports its
 * metrics on the validation split, and writes the model file: the {@code fast} model (default), or
 * with {@code --model accurate} the head of the {@code accurate} model (MiniLM features are cached
 * in {@code --cache}, so only the first run encodes the 47,000 tweets). Deterministic: the same
 * data and seed give the same file, byte for byte, so writing to the shipped model's path
 * reproduces it.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Rebuild a built-in model ('fast', or 'accurate' with --model accurate) from the"
                    + " TweetEval data (train split; chosen on the val split).",
            "With --lang L (ar, de, es, fr, it, pt, or all of these; or hi, which is not shipped):"
                    + " rebuild that language's fast model fast-2/L from its UMSAB train split,"
                    + " with settings chosen by cross-validation on that split; val metrics per"
                    + " language.",
            "Progress goes to stderr; the last stdout line is the validation metrics JSON."
        })
public final class TrainCommand implements Callable<Integer> {

    static final String[] DATA_FILES = {
        "train_text.txt", "train_labels.txt", "val_text.txt", "val_labels.txt"
    };

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "../shared/data/tweeteval-sentiment",
            description = "TweetEval sentiment folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(
            names = "--model",
            paramLabel = "M",
            defaultValue = "fast",
            description = "Which model to train: fast or accurate (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description =
                    "Where to write the model (default: fast.model, or accurate.head with --model"
                            + " accurate); use it with --model FILE. With --lang: the directory"
                            + " of the fast-2-L.model files (default: the current one).")
    Path out;

    @Option(
            names = "--cache",
            paramLabel = "DIR",
            description =
                    "Where --model accurate keeps computed MiniLM features between runs (default:"
                            + " undertone-features in the temporary directory).")
    Path cache;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "42",
            description =
                    "Seed of the example order (default: ${DEFAULT-VALUE}, the shipped model's).")
    long seed;

    @Option(
            names = "--lang",
            paramLabel = "L",
            description =
                    "Train the fast model of language L instead of English: ar, de, es, fr, it, pt,"
                            + " or all of these; hi (not shipped: at chance); writes fast-2-L.model"
                            + " into --out (a directory, default the current one).")
    String lang;

    @Option(
            names = "--lang-data",
            paramLabel = "DIR",
            defaultValue = "../shared/data/umsab-sentiment",
            description =
                    "With --lang: the UMSAB folder holding arabic/, german/, ... (default:"
                            + " ${DEFAULT-VALUE}).")
    Path langData;

    @Option(
            names = "--cv",
            description =
                    "With --lang: cross-validate the settings grid on the train split first (5"
                            + " folds, slow) and train the winner.")
    boolean cv;

    @Option(
            names = "--export-tokens",
            paramLabel = "DIR",
            description =
                    "With --model accurate: only write the train and val splits as MiniLM token ids"
                            + " into DIR, for the GPU fine-tuning recipe in training/.")
    Path exportTokens;

    private final PrintStream stdout;
    private final PrintStream stderr;

    /** The command on the process's standard streams. */
    public TrainCommand() {
        this(System.out, System.err);
    }

    TrainCommand(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public Integer call() throws IOException {
        if (lang != null) {
            if (!model.equals(FastModel.NAME)) {
                throw new UsageException("--lang: only the fast model has a model per language");
            }
            List<String> languages = LanguageTraining.languages(lang);
            Path dir = out != null ? out : Path.of(".");
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new UsageException("--out: with --lang it names a directory, not " + dir);
            }
            return new LanguageTraining(langData, data, dir, cv, stdout, stderr).run(languages);
        }
        if (cv) {
            throw new UsageException("--cv: only with --lang");
        }
        for (String f : DATA_FILES) {
            if (!Files.isRegularFile(data.resolve(f))) {
                throw new UsageException(
                        "--data: "
                                + data.toAbsolutePath().normalize()
                                + " has no "
                                + f
                                + "; pass --data DIR with the TweetEval sentiment files ("
                                + String.join(", ", DATA_FILES)
                                + ")");
            }
        }
        if (!model.equals(FastModel.NAME) && !model.equals(AccurateModel.NAME)) {
            throw new UsageException(
                    "--model: can train 'fast' or 'accurate', not '" + model + "'");
        }
        LabeledTexts train = read("train");
        LabeledTexts val = read("val");
        if (exportTokens != null) {
            if (!model.equals(AccurateModel.NAME)) {
                throw new UsageException("--export-tokens: only with --model accurate");
            }
            TokenExport.write(exportTokens, "train", train);
            TokenExport.write(exportTokens, "val", val);
            stderr.println("Wrote the token ids of train and val to " + exportTokens + ".");
            return 0;
        }
        if (model.equals(AccurateModel.NAME)) {
            return trainAccurate(train, val);
        }
        Path out = this.out != null ? this.out : Path.of("fast.model");
        TrainOptions options = TrainOptions.defaults().withSeed(seed);
        long start = System.nanoTime();
        FastTrainer.Result result;
        try (TrainingProgress progress = TrainingProgress.on(stderr)) {
            result = new FastTrainer(options, progress).train(FastModels.BUILT_IN_ID, train, val);
        }
        FastModels.save(result.model(), out);
        stderr.println("Wrote model " + result.model().id() + " to " + out + ".");
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("model", result.model().id());
        extra.put("train_n", (long) train.size());
        extra.put("seed", seed);
        extra.put("seconds", (System.nanoTime() - start) / 1e9);
        extra.put("out", out.toString());
        stdout.println(SentimentJson.metrics(result.validation(), extra));
        stdout.flush();
        return 0;
    }

    private int trainAccurate(LabeledTexts train, LabeledTexts val) throws IOException {
        Path target = out != null ? out : Path.of("accurate" + Models.HEAD_FILE_SUFFIX);
        Path cacheDir =
                cache != null
                        ? cache
                        : Path.of(System.getProperty("java.io.tmpdir"), "undertone-features");
        HeadOptions options = HeadOptions.defaults().withSeed(seed);
        long start = System.nanoTime();
        AccurateTraining.Result result;
        try (TrainingProgress progress = TrainingProgress.on(stderr)) {
            result =
                    new AccurateTraining(options, cacheDir, progress)
                            .train(AccurateModels.BUILT_IN_ID, train, val, target);
        }
        stderr.println(
                "Wrote the head of model "
                        + result.id()
                        + " (epoch "
                        + result.epoch()
                        + ") to "
                        + target
                        + ".");
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("model", result.id());
        extra.put("train_n", (long) train.size());
        extra.put("train_macro_recall", result.train().macroRecall());
        extra.put("epoch", (long) result.epoch());
        extra.put("seed", seed);
        extra.put("seconds", (System.nanoTime() - start) / 1e9);
        extra.put("out", target.toString());
        stdout.println(SentimentJson.metrics(result.validation(), extra));
        stdout.flush();
        return 0;
    }

    private LabeledTexts read(String split) throws IOException {
        try {
            return LabeledTexts.read(
                    data.resolve(split + "_text.txt"), data.resolve(split + "_labels.txt"));
        } catch (LabeledTexts.LabelFileException e) {
            throw new UsageException("--data: " + e.getMessage());
        }
    }
}
