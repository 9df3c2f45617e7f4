package dev.undertone.app.cli;

import dev.undertone.app.alert.AlertQuery;
import dev.undertone.app.alert.AlertStore;
import dev.undertone.app.store.InvalidQueryException;
import dev.undertone.app.store.PostFilter;
import dev.undertone.core.alert.Alert;
import dev.undertone.core.alert.AlertJson;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code undertone alerts}: the stored alerts, one JSON line each, oldest first (CONTRACT.md). */
@Command(
        name = "alerts",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the stored alerts, one JSON line each, oldest first:",
            "{\"track\",\"kind\",\"window_start\",\"window_end\",\"observed\",\"expected\","
                    + "\"terms\",\"examples\":[{\"id\",\"text\",\"sentiment\",...}],...}."
        })
public final class AlertsCommand implements Callable<Integer> {
    @Mixin DataOption data;

    @Option(
            names = {"--since", "--from"},
            paramLabel = "ISO",
            description = "Only alerts whose window ends after this instant.")
    String since;

    @Option(
            names = {"--until", "--to"},
            paramLabel = "ISO",
            description = "Only alerts whose window starts before this instant.")
    String until;

    @Option(
            names = "--track",
            paramLabel = "T",
            description = "Only alerts of these tracks (comma-separated).")
    String track;

    @Option(
            names = "--kind",
            paramLabel = "K",
            description = "Only alerts of these kinds: volume, negative_share (comma-separated).")
    String kind;

    @Override
    public Integer call() {
        AlertQuery q = query();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        for (Alert a : AlertStore.openReadOnly(AlertStore.dirIn(data.dir())).all()) {
            if (q.matches(a)) {
                out.println(AlertJson.write(a));
            }
        }
        out.flush();
        return 0;
    }

    private AlertQuery query() {
        Map<String, String> p = new HashMap<>();
        p.put("track", track);
        p.put("from", since);
        p.put("to", until);
        try {
            return AlertQuery.of(PostFilter.parse(p::get), kind);
        } catch (InvalidQueryException e) {
            throw new UsageException(FilterOptions.optionMessage(e));
        }
    }
}
