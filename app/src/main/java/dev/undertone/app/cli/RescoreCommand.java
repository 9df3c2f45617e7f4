package dev.undertone.app.cli;

import dev.undertone.app.pipeline.DataDir;
import dev.undertone.app.pipeline.Rescorer;
import dev.undertone.app.store.InvalidQueryException;
import dev.undertone.app.store.PostFilter;
import dev.undertone.app.store.lucene.LuceneIndex;
import dev.undertone.app.store.lucene.LuceneIndexConfig;
import dev.undertone.app.web.ApiJson;
import dev.undertone.core.sentiment.PostScorer;
import dev.undertone.core.sentiment.SentimentModel;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code undertone rescore}: scores the stored posts that match the filters again with the chosen
 * model and writes them back, so history moves to a better model. Each post keeps everything but
 * its sentiment, scores, model id and scoring time. Needs the data directory to itself: it refuses
 * to run while {@code run}, {@code replay} or {@code serve --retain} holds it.
 */
@Command(
        name = "rescore",
        mixinStandardHelpOptions = true,
        description = {
            "Score stored posts again with --model and write them back (the model id is recorded"
                    + " on each post).",
            "Progress goes to stderr; the last stdout line is"
                    + " {\"matched\":N,\"rescored\":N,\"changed\":N,\"unscored\":N,\"model\":...,"
                    + "\"seconds\":x}.",
            "Stop 'run' or 'replay' on the same --data first."
        })
public final class RescoreCommand implements Callable<Integer> {

    @Mixin DataOption data;
    @Mixin ModelChoice model;
    @Mixin FilterOptions filters;

    @Option(
            names = "--batch",
            paramLabel = "N",
            defaultValue = "256",
            description = "Posts per model call (default: ${DEFAULT-VALUE}).")
    int batch;

    private final PrintStream out;
    private final PrintStream err;

    /** The command on the process's standard streams. */
    public RescoreCommand() {
        this(System.out, System.err);
    }

    RescoreCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        if (batch < 1) {
            throw new UsageException("--batch must be at least 1");
        }
        PostFilter filter = filters.filter();
        if (!Files.isDirectory(DataDir.indexPath(data.dir()))) {
            throw new UsageException(
                    "--data: no index at "
                            + DataDir.indexPath(data.dir())
                            + " (run 'undertone replay' or 'undertone run' first, or pass --data)");
        }
        SentimentModel m = model.load();
        Clock clock = Clock.systemUTC();
        long start = System.nanoTime();
        Rescorer.Result result;
        try (DataDir dir = DataDir.openForWriting(data.dir());
                LuceneIndex index =
                        LuceneIndex.open(dir.index(), LuceneIndexConfig.DEFAULTS, clock)) {
            Rescorer rescorer = new Rescorer(index, new PostScorer(m, clock), batch);
            try (Progress progress =
                    Progress.start("Rescoring", rescorer::done, rescorer::total, "posts", 1)) {
                result = rescorer.rescore(filter);
            }
        } catch (InvalidQueryException e) {
            throw new UsageException(FilterOptions.optionMessage(e));
        }
        err.println("Re-scored " + result.rescored() + " posts with model " + m.id() + ".");
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("matched", result.matched());
        summary.put("rescored", result.rescored());
        summary.put("changed", result.changed());
        summary.put("unscored", result.unscored());
        summary.put("model", m.id());
        summary.put("seconds", (System.nanoTime() - start) / 1e9);
        out.println(ApiJson.write(summary));
        out.flush();
        return 0;
    }
}
