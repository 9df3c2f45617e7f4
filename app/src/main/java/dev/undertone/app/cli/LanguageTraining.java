package dev.undertone.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.undertone.core.sentiment.eval.LabeledTexts;
import dev.undertone.core.sentiment.fast.FastModels;
import dev.undertone.core.sentiment.fast.FastTrainer;
import dev.undertone.core.sentiment.fast.LanguageRecipe;
import dev.undertone.core.sentiment.fast.LanguageSettings;
import dev.undertone.core.sentiment.fast.TrainOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code undertone train --lang L}: rebuilds the fast model of one language other than English (or
 * of each, with {@code all}) from its UMSAB train split with the settings {@link LanguageSettings}
 * records, and reports its metrics on the val split. With {@code --cv} it first cross-validates the
 * whole settings grid on the train split and trains the winner (the recorded settings are that
 * winner; a difference is reported). Deterministic: the same data give the same files.
 */
final class LanguageTraining {

    /** The UMSAB folder of each language. */
    static final Map<String, String> FOLDERS =
            Map.of(
                    "ar", "arabic",
                    "de", "german",
                    "es", "spanish",
                    "fr", "french",
                    "hi", "hindi",
                    "it", "italian",
                    "pt", "portuguese");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path langData;
    private final Path englishData;
    private final Path outDir;
    private final boolean cv;
    private final PrintStream stdout;
    private final PrintStream stderr;

    LanguageTraining(
            Path langData,
            Path englishData,
            Path outDir,
            boolean cv,
            PrintStream stdout,
            PrintStream stderr) {
        this.langData = langData;
        this.englishData = englishData;
        this.outDir = outDir;
        this.cv = cv;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** The languages {@code --lang} names: one code, or {@code all}. */
    static List<String> languages(String lang) {
        String l = lang.strip().toLowerCase(Locale.ROOT);
        if (l.equals("all")) {
            return FastModels.LANGUAGES;
        }
        if (l.equals("en")) {
            throw new UsageException(
                    "--lang: English is the default model; run 'train' without --lang");
        }
        if (!FOLDERS.containsKey(l)) {
            throw new UsageException(
                    "--lang: no fast model for '"
                            + lang
                            + "': one of "
                            + FastModels.LANGUAGES
                            + " or all");
        }
        return List.of(l);
    }

    int run(List<String> languages) throws IOException {
        for (String lang : languages) {
            Path dir = langData.resolve(FOLDERS.get(lang));
            for (String f : TrainCommand.DATA_FILES) {
                if (!Files.isRegularFile(dir.resolve(f))) {
                    throw new UsageException(
                            "--lang-data: "
                                    + dir.toAbsolutePath().normalize()
                                    + " has no "
                                    + f
                                    + "; pass --lang-data DIR with the UMSAB sentiment folders");
                }
            }
        }
        LabeledTexts english = null;
        Map<String, Double> recall = new LinkedHashMap<>();
        Map<String, Double> f1 = new LinkedHashMap<>();
        for (String lang : languages) {
            Path dir = langData.resolve(FOLDERS.get(lang));
            LabeledTexts train = read(dir, "train");
            LabeledTexts val = read(dir, "val");
            LanguageRecipe recipe = LanguageSettings.chosen(lang);
            Map<String, Object> extra = new LinkedHashMap<>();
            if (cv || recipe.englishExamples() > 0) {
                english = english != null ? english : read(englishData, "train");
            }
            if (cv) {
                List<LanguageSettings.Scored> scored =
                        LanguageSettings.search(
                                lang,
                                train,
                                english,
                                s ->
                                        stderr.printf(
                                                Locale.ROOT,
                                                "%s %-8s cv macro_recall %.4f macro_f1 %.4f%n",
                                                lang,
                                                s.recipe().name(),
                                                s.metrics().macroRecall(),
                                                s.metrics().macroF1()));
                LanguageSettings.Scored best = LanguageSettings.best(scored);
                if (!best.recipe().name().equals(recipe.name())) {
                    stderr.println(
                            lang
                                    + ": cross-validation now picks "
                                    + best.recipe().name()
                                    + ", the recorded settings are "
                                    + recipe.name()
                                    + "; training "
                                    + best.recipe().name());
                }
                recipe = best.recipe();
                extra.put("cv_macro_recall", best.metrics().macroRecall());
            }
            String id = FastModels.languageId(lang);
            TrainOptions options = recipe.options();
            long start = System.nanoTime();
            FastTrainer.Result result;
            try (TrainingProgress progress = TrainingProgress.on(stderr)) {
                result =
                        new FastTrainer(options, progress)
                                .train(
                                        id,
                                        lang,
                                        LanguageSettings.examples(recipe, train, english),
                                        val);
            }
            Path out = outDir.resolve(FastModels.languageResource(lang));
            FastModels.save(result.model(), out);
            stderr.println("Wrote model " + id + " to " + out + ".");
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("model", id);
            fields.put("lang", lang);
            fields.put("settings", recipe.name());
            fields.put("train_n", (long) train.size());
            fields.put("english_n", (long) recipe.englishExamples());
            fields.putAll(extra);
            fields.put("seconds", (System.nanoTime() - start) / 1e9);
            fields.put("out", out.toString());
            stdout.println(SentimentJson.metrics(result.validation(), fields));
            recall.put(lang, result.validation().macroRecall());
            f1.put(lang, result.validation().macroF1());
        }
        if (languages.size() > 1) {
            ObjectNode summary = JSON.createObjectNode();
            summary.put("languages", languages.size());
            summary.put("mean_macro_recall", round(mean(recall)));
            summary.put("mean_macro_f1", round(mean(f1)));
            ObjectNode r = summary.putObject("macro_recall");
            recall.forEach((k, v) -> r.put(k, round(v)));
            ObjectNode f = summary.putObject("macro_f1");
            f1.forEach((k, v) -> f.put(k, round(v)));
            stdout.println(JSON.writeValueAsString(summary));
        }
        stdout.flush();
        return 0;
    }

    private static double mean(Map<String, Double> m) {
        return m.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static LabeledTexts read(Path dir, String split) throws IOException {
        try {
            return LabeledTexts.read(
                    dir.resolve(split + "_text.txt"), dir.resolve(split + "_labels.txt"));
        } catch (LabeledTexts.LabelFileException e) {
            throw new UsageException("--lang-data: " + e.getMessage());
        }
    }
}
