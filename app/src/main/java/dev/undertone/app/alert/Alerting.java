package dev.undertone.app.alert;

import dev.undertone.app.store.IndexListener;
import dev.undertone.app.store.PostStore;
import dev.undertone.core.alert.AlertRules;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Alerting wired for {@code run} and {@code replay}: the alert store in the data directory, the
 * monitor fed by the index, and what each new alert goes to (the metrics, the webhooks, and
 * whatever else is added, such as the live feed).
 *
 * <p>Close it before the index it reads: {@link #finish} at the end of a replay (judges the last
 * windows and delivers what is queued), {@link #close} otherwise.
 */
public final class Alerting implements AutoCloseable {
    /** How long the end of a replay waits for the webhooks to take the last alerts. */
    public static final Duration DELIVERY_DRAIN = Duration.ofSeconds(10);

    private static final Duration FINISH_WAIT = Duration.ofMinutes(5);

    private final AlertStore store;
    private final AlertMonitor monitor;
    private final List<WebhookSender> webhooks = new ArrayList<>();

    private Alerting(AlertStore store, AlertMonitor monitor) {
        this.store = store;
        this.monitor = monitor;
    }

    /**
     * Opens the alert store of a data directory and starts the monitor.
     *
     * @param dataRoot the data directory (its lock held by the caller's pipeline)
     * @param posts the store the pipeline writes, to read windows from
     * @param tracks the track phrases in force (empty: all posts as one track)
     * @param live whether windows also close by the wall clock (a live source)
     * @throws IOException when the alert store cannot be opened
     */
    public static Alerting start(
            Path dataRoot,
            PostStore posts,
            List<String> tracks,
            AlertRules rules,
            List<WebhookUrl> hooks,
            WebhookSender.Options hookOptions,
            MeterRegistry registry,
            Clock clock,
            boolean live)
            throws IOException {
        AlertStore store = AlertStore.open(AlertStore.dirIn(dataRoot));
        AlertMonitor monitor = new AlertMonitor(tracks, posts, store, rules, clock, live);
        Alerting a = new Alerting(store, monitor);
        monitor.addListener(new AlertMetrics(registry, monitor.trackNames()));
        for (WebhookUrl u : hooks) {
            WebhookSender s = new WebhookSender(u, registry, hookOptions);
            a.webhooks.add(s);
            monitor.addListener(s);
        }
        monitor.start();
        return a;
    }

    /** The listener to give the pipeline. */
    public IndexListener indexListener() {
        return monitor;
    }

    /** The monitor (to add listeners, read the tracks). */
    public AlertMonitor monitor() {
        return monitor;
    }

    /** The alerts stored. */
    public AlertStore store() {
        return store;
    }

    /** The webhooks, in the order given. */
    public List<WebhookSender> webhooks() {
        return List.copyOf(webhooks);
    }

    /**
     * The input ended (after the pipeline drained): judges every window left open, waits up to
     * {@code drain} for the webhooks, and closes.
     */
    public void finish(Duration drain) throws InterruptedException {
        monitor.finish(FINISH_WAIT);
        closeWebhooks(drain);
        store.close();
    }

    @Override
    public void close() {
        monitor.close();
        closeWebhooks(Duration.ofSeconds(2));
        store.close();
    }

    private void closeWebhooks(Duration drain) {
        long deadline = System.nanoTime() + drain.toNanos();
        for (WebhookSender s : webhooks) {
            s.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
    }
}
