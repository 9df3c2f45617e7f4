package dev.undertone.app.cli;

import dev.undertone.app.alert.WebhookUrl;
import dev.undertone.core.alert.AlertRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The alert options of {@code run} and {@code replay} (a picocli mixin). */
public final class AlertOptions {
    @Option(
            names = "--alert-webhook",
            paramLabel = "URL",
            description =
                    "POST each new alert here as JSON with a human \"text\" field (a Slack-style"
                            + " incoming webhook shows it as a message). Repeatable.")
    List<String> webhooks = new ArrayList<>();

    @Option(
            names = "--alert-window",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description =
                    "Width of the windows alerts are judged in, by the posts' creation time;"
                            + " must divide a day. Default: 10m.")
    Duration window;

    @Option(
            names = "--alert-min-count",
            paramLabel = "N",
            description = "Posts a window needs before it can alert at all. Default: 20.")
    Long minCount;

    /** The rules these options give. */
    public AlertRules rules() {
        AlertRules r = AlertRules.DEFAULTS;
        try {
            if (window != null) {
                r = r.withWindow(window);
            }
            if (minCount != null) {
                r = r.withMinCount(minCount);
            }
            return new AlertRules(
                    r.window(),
                    r.baselineWindows(),
                    r.minBaselineWindows(),
                    r.minCount(),
                    r.volumeScore(),
                    r.shareScore(),
                    r.minShareRise(),
                    r.grace());
        } catch (IllegalArgumentException e) {
            throw new UsageException(
                    (minCount != null && minCount < 1 ? "--alert-min-count: " : "--alert-window: ")
                            + e.getMessage());
        }
    }

    /**
     * The webhooks, checked.
     *
     * @throws UsageException naming {@code --alert-webhook} for a malformed one (exit 2)
     */
    public List<WebhookUrl> webhooks() {
        List<WebhookUrl> out = new ArrayList<>();
        for (String w : webhooks) {
            try {
                out.add(WebhookUrl.parse(w));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--alert-webhook: " + e.getMessage());
            }
        }
        return out;
    }
}
