package dev.undertone.app.cli;

import dev.undertone.app.pipeline.DataDir;
import dev.undertone.app.store.InvalidQueryException;
import dev.undertone.app.store.Summary;
import dev.undertone.app.store.lucene.LucenePostStore;
import dev.undertone.app.web.ApiJson;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code undertone stats}: counts of the indexed posts by sentiment, as one JSON line (the same
 * object as {@code GET /api/summary}).
 */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description = {
            "Counts the indexed posts by sentiment.",
            "Prints {\"total\":N,\"sentiment\":{\"POSITIVE\":N,...},\"unscored\":N,\"unscored_reasons\":{...}}."
        })
public final class StatsCommand implements Callable<Integer> {
    @Mixin DataOption data;

    @Mixin FilterOptions filters;

    @Override
    public Integer call() {
        try (LucenePostStore store = LucenePostStore.openReadOnly(DataDir.indexPath(data.dir()))) {
            Summary s = store.summary(filters.filter());
            System.out.println(ApiJson.write(ApiJson.summary(s)));
        } catch (InvalidQueryException e) {
            throw new UsageException(FilterOptions.optionMessage(e));
        }
        return 0;
    }
}
