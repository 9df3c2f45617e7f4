package dev.undertone.app.cli;

import dev.undertone.core.sentiment.eval.LabeledTexts;
import dev.undertone.core.sentiment.fast.EnglishSettings;
import dev.undertone.core.sentiment.fast.FastModel;
import dev.undertone.core.sentiment.fast.FastModels;
import dev.undertone.core.sentiment.fast.FastTrainer;
import dev.undertone.core.sentiment.fast.LanguageSettings;
import dev.undertone.core.sentiment.fast.TrainOptions;
import dev.undertone.models.accurate.AccurateModel;
import dev.undertone.models.accurate.TokenExport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code undertone train}: rebuilds a built-in model from TweetEval's train split, reports its
 * metrics on the validation split, and writes the model file of the {@code fast} model.
 * Deterministic: the same data and seed give the same file, byte for byte, so writing to the
 * shipped model's path reproduces it. The {@code accurate} model is fine-tuned by the Python recipe
 * in {@code training/}; {@code --model accurate --export-tokens DIR} writes its input.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Rebuild the built-in 'fast' model from the TweetEval data (train split; measured on"
                    + " the val split). The 'accurate' model is fine-tuned by training/"
                    + "minilm_finetune.py: --model accurate --export-tokens DIR writes its input.",
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
            description = "fast, or accurate with --export-tokens (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description =
                    "Where to write the model (default: fast.model); use it with --model FILE."
                            + " With --lang: the directory of the fast-2-L.model files (default:"
                            + " the current one).")
    Path out;

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
                            + " folds, slow) and train the winner. Without --lang: cross-validate"
                            + " the English settings around the shipped ones on TweetEval train"
                            + " and print each candidate's figures (nothing is written).")
    boolean cv;

    @Option(
            names = "--export-tokens",
            paramLabel = "DIR",
            description =
                    "With --model accurate: only write the train and val splits as MiniLM token ids"
                            + " into DIR, the input of the fine-tuning recipe in training/.")
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
        if (cv) {
            if (!model.equals(FastModel.NAME)) {
                throw new UsageException("--cv: only for the fast model");
            }
            return crossValidateEnglish(train);
        }
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
            throw new UsageException(
                    "--model accurate: the accurate model is fine-tuned in Python (see"
                            + " training/README.md); add --export-tokens DIR to write its input");
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

    /**
     * k-fold cross-validation of the English settings over the train split: one JSON line per
     * candidate, then the choice (the shipped settings unless another wins by a clear margin).
     */
    private int crossValidateEnglish(LabeledTexts train) {
        long start = System.nanoTime();
        List<LanguageSettings.Scored> scored =
                EnglishSettings.search(
                        train,
                        s -> {
                            stderr.printf(
                                    Locale.ROOT,
                                    "en %-10s cv macro_recall %.4f macro_f1 %.4f%n",
                                    s.recipe().name(),
                                    s.metrics().macroRecall(),
                                    s.metrics().macroF1());
                            Map<String, Object> extra = new LinkedHashMap<>();
                            extra.put("candidate", s.recipe().name());
                            stdout.println(SentimentJson.metrics(s.metrics(), extra));
                        });
        LanguageSettings.Scored choice = EnglishSettings.choice(scored);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("chosen", choice.recipe().name());
        extra.put("folds", (long) LanguageSettings.FOLDS);
        extra.put("train_n", (long) train.size());
        extra.put("seconds", (System.nanoTime() - start) / 1e9);
        stdout.println(SentimentJson.metrics(choice.metrics(), extra));
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
