package dev.undertone.app.cli;

import dev.undertone.app.pipeline.DataDir;
import dev.undertone.app.store.InvalidQueryException;
import dev.undertone.app.store.lucene.LucenePostStore;
import dev.undertone.app.web.ApiJson;
import dev.undertone.app.web.ExportFormat;
import dev.undertone.app.web.ExportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code undertone export}: every stored post matching the filters, streamed to stdout as JSON
 * lines or CSV, oldest first. The summary ({@code {"exported":N}}) goes to stderr so stdout stays
 * pure data.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Streams every stored post matching the filters to stdout, oldest first.",
            "Prints {\"exported\":N} on stderr when done."
        })
public final class ExportCommand implements Callable<Integer> {
    @Mixin DataOption data;

    @Option(
            names = "--format",
            paramLabel = "F",
            defaultValue = "jsonl",
            description = "jsonl (one JSON object per line) or csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin FilterOptions filters;

    @Override
    public Integer call() throws IOException {
        ExportFormat f;
        try {
            f = ExportFormat.parse(format);
        } catch (InvalidQueryException e) {
            throw new UsageException(FilterOptions.optionMessage(e));
        }
        long n;
        // The writer buffers, so System.out sees 8 KiB writes rather than a flush per line.
        OutputStream stdout = System.out;
        try (LucenePostStore store = LucenePostStore.openReadOnly(DataDir.indexPath(data.dir()));
                ExportWriter w = new ExportWriter(stdout, f)) {
            n = store.export(filters.filter(), w);
        } catch (InvalidQueryException e) {
            throw new UsageException(FilterOptions.optionMessage(e));
        }
        System.err.println(ApiJson.write(Map.of("exported", n)));
        return 0;
    }
}
