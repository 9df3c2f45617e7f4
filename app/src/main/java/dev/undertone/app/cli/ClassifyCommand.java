package dev.undertone.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.undertone.core.sentiment.SentimentModel;
import dev.undertone.core.sentiment.SentimentResult;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code undertone classify}: one JSON line per text, from the arguments or, without any, from the
 * lines of standard input. Input is streamed in batches, so any number of lines pass through in
 * bounded memory; a batch is written as soon as no more input is waiting, so typing a line answers
 * at once.
 */
@Command(
        name = "classify",
        mixinStandardHelpOptions = true,
        description = {
            "Classify the sentiment of texts (stdin lines when no TEXT is given).",
            "One JSON line per text: {\"text\":...,\"sentiment\":\"POSITIVE\",\"scores\":{\"positive\":p,\"negative\":p,"
                    + "\"neutral\":p,\"mixed\":p}}",
            "(or \"sentiment\":null,\"unscored\":reason)."
        })
public final class ClassifyCommand implements Callable<Integer> {

    /** Texts scored per model call when reading standard input. */
    static final int BATCH = 1024;

    @Mixin ModelChoice model;

    @Mixin TextLanguage language;

    @Parameters(paramLabel = "TEXT", arity = "0..*", description = "Texts to classify.")
    List<String> texts = new ArrayList<>();

    private final InputStream in;
    private final OutputStream out;

    /** The command on the process's standard streams. */
    public ClassifyCommand() {
        this(System.in, System.out);
    }

    /** The command on other streams (tests, the benchmark). */
    public ClassifyCommand(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        SentimentModel m = model.load();
        List<String> tags = language.checkedFor(m, model.name());
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        try (JsonGenerator g = SentimentJson.lines(w)) {
            if (!texts.isEmpty()) {
                for (int i = 0; i < texts.size(); i += BATCH) {
                    write(g, m, tags, texts.subList(i, Math.min(texts.size(), i + BATCH)));
                }
            } else {
                streamStdin(g, m, tags);
            }
            g.flush();
        }
        w.flush();
        return 0;
    }

    private void streamStdin(JsonGenerator g, SentimentModel m, List<String> tags)
            throws IOException {
        BufferedReader r =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        List<String> batch = new ArrayList<>(BATCH);
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            batch.add(line);
            if (batch.size() == BATCH || !r.ready()) {
                write(g, m, tags, batch);
                g.flush();
                batch.clear();
            }
        }
        write(g, m, tags, batch);
    }

    private static void write(
            JsonGenerator g, SentimentModel m, List<String> tags, List<String> batch)
            throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        List<SentimentResult> results = m.classify(batch, TextLanguage.repeat(tags, batch.size()));
        for (int i = 0; i < batch.size(); i++) {
            SentimentJson.classified(g, batch.get(i), results.get(i));
        }
    }
}
