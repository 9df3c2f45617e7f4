package dev.undertone.app.cli;

import dev.undertone.app.store.InvalidQueryException;
import dev.undertone.app.store.PostFilter;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The post filter options shared by {@code stats} and {@code export} (a picocli mixin). */
final class FilterOptions {
    @Option(
            names = "--track",
            paramLabel = "T",
            description = "Only posts that matched these track phrases (comma-separated, any).")
    String track;

    @Option(
            names = "--sentiment",
            paramLabel = "S",
            description =
                    "Only these sentiments: positive, negative, neutral, mixed, unscored (comma-separated).")
    String sentiment;

    @Option(
            names = "--lang",
            paramLabel = "L",
            description = "Only these languages (comma-separated; en also matches en-US).")
    String lang;

    @Option(
            names = "--source",
            paramLabel = "SRC",
            description = "Only these sources: bluesky, x, mastodon, file (comma-separated).")
    String source;

    @Option(
            names = {"--q", "--search"},
            paramLabel = "QUERY",
            description = "Full-text query over the post text.")
    String q;

    @Option(
            names = {"--since", "--from"},
            paramLabel = "ISO",
            description =
                    "Only posts created at or after this instant (e.g. 2025-01-31T00:00:00Z).")
    String since;

    @Option(
            names = {"--until", "--to"},
            paramLabel = "ISO",
            description = "Only posts created before this instant.")
    String until;

    /**
     * The filter these options describe.
     *
     * @throws UsageException naming the option when a value is invalid (exit status 2)
     */
    PostFilter filter() {
        Map<String, String> p = new HashMap<>();
        p.put("track", track);
        p.put("sentiment", sentiment);
        p.put("lang", lang);
        p.put("source", source);
        p.put("q", q);
        p.put("from", since);
        p.put("to", until);
        try {
            return PostFilter.parse(p::get);
        } catch (InvalidQueryException e) {
            throw new UsageException(optionMessage(e));
        }
    }

    /** The message of a query error with the parameter named as the CLI option. */
    static String optionMessage(InvalidQueryException e) {
        String option =
                switch (e.parameter()) {
                    case "from" -> "--since";
                    case "to" -> "--until";
                    default -> "--" + e.parameter();
                };
        return option + e.getMessage().substring(e.parameter().length());
    }
}
