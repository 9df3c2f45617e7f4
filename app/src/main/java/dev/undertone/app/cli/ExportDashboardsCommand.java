package dev.undertone.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.undertone.app.store.opensearch.DashboardObjects;
import dev.undertone.opensearch.OpenSearchConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code undertone export-dashboards}: writes the OpenSearch Dashboards saved objects for the
 * OpenSearch store, ready for the Dashboards import API.
 */
@Command(
        name = "export-dashboards",
        mixinStandardHelpOptions = true,
        description = {
            "Write OpenSearch Dashboards saved objects (.ndjson) for the OpenSearch store: an"
                    + " index pattern, a pie by sentiment, a table of text/sentiment/confidence,"
                    + " a timeline by sentiment and a dashboard holding them.",
            "Import: curl -X POST -H 'osd-xsrf: true' -F file=@undertone.ndjson"
                    + " 'http://DASHBOARDS:5601/api/saved_objects/_import?overwrite=true'"
        })
public final class ExportDashboardsCommand implements Callable<Integer> {

    @Option(
            names = "--index",
            defaultValue = OpenSearchConfig.DEFAULT_INDEX,
            description = "The posts index or alias (default ${DEFAULT-VALUE}).")
    String index;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write to FILE (must end in .ndjson) instead of standard output.")
    Path output;

    @Override
    public Integer call() throws IOException {
        try {
            OpenSearchConfig.of("http://localhost:9200", index);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--index: " + e.getMessage());
        }
        String ndjson = DashboardObjects.ndjson(index);
        if (output == null) {
            System.out.print(ndjson);
            return 0;
        }
        if (!output.getFileName().toString().endsWith(".ndjson")) {
            throw new UsageException(
                    "--output: the Dashboards import API only accepts files ending in .ndjson");
        }
        Files.writeString(output, ndjson, StandardCharsets.UTF_8);
        ObjectNode summary = new ObjectMapper().createObjectNode();
        summary.put("written", output.toString());
        // every line but the export summary is one saved object
        summary.put("objects", ndjson.split("\n").length - 1);
        System.out.println(summary);
        return 0;
    }
}
