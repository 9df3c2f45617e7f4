package dev.undertone.app.runtime;

import dev.undertone.app.alert.Alerting;
import dev.undertone.app.alert.WebhookSender;
import dev.undertone.app.alert.WebhookUrl;
import dev.undertone.app.model.ModelMetrics;
import dev.undertone.app.pipeline.Pipeline;
import dev.undertone.app.pipeline.PipelineConfig;
import dev.undertone.app.pipeline.PipelineMetrics;
import dev.undertone.app.pipeline.Stages;
import dev.undertone.app.source.Source;
import dev.undertone.app.store.IndexListener;
import dev.undertone.app.store.lucene.LucenePostStore;
import dev.undertone.app.web.ApiServer;
import dev.undertone.app.web.ApiServerConfig;
import dev.undertone.app.web.LiveFeed;
import dev.undertone.app.web.MonitorView;
import dev.undertone.core.alert.AlertJson;
import dev.undertone.core.alert.AlertRules;
import dev.undertone.core.sentiment.SentimentModel;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code undertone run} once its options are parsed: the pipeline over one source, the alert
 * monitor and the API server with its live feed, wired together, and stopped together by Ctrl-C (a
 * shutdown hook): everything accepted is in the journal and is indexed now or on the next start.
 */
public final class LiveRun {

    /**
     * What {@code run} was asked for.
     *
     * @param dataDir the data directory (journal, index, alerts)
     * @param pipeline the pipeline's settings ({@code --retain} included)
     * @param stages decode, track and classify
     * @param model the model the stages use (its metrics are published)
     * @param source the source, not yet connected
     * @param liveSource whether the source is a live stream, whose alert windows also close by the
     *     wall clock
     * @param tracks the track phrases, for the alert monitor and the dashboard
     * @param alertRules when a track's sentiment counts as an alert
     * @param webhooks where alerts are posted
     * @param server the API server's address and token
     * @param registry where metrics go
     * @param clock the clock of the pipeline and the alerts
     */
    public record Settings(
            Path dataDir,
            PipelineConfig pipeline,
            Stages stages,
            SentimentModel model,
            Source source,
            boolean liveSource,
            List<String> tracks,
            AlertRules alertRules,
            List<WebhookUrl> webhooks,
            ApiServerConfig server,
            PrometheusMeterRegistry registry,
            Clock clock) {}

    private final Pipeline pipeline;
    private final int port;
    private final CountDownLatch stopped;

    private LiveRun(Pipeline pipeline, int port, CountDownLatch stopped) {
        this.pipeline = pipeline;
        this.port = port;
        this.stopped = stopped;
    }

    /**
     * Opens the data directory, starts the alert monitor, the API server, the processor and the
     * source, in that order, and installs the shutdown hook that stops them all.
     *
     * @throws dev.undertone.app.pipeline.PipelineException when the data directory cannot be opened
     */
    public static LiveRun start(Settings s) throws IOException {
        Pipeline pipeline = Pipeline.open(s.dataDir(), s.pipeline(), s.clock());
        LiveFeed feed = new LiveFeed(s.registry());
        LucenePostStore store = new LucenePostStore(pipeline.index().searcherManager());
        Alerting alerting;
        try {
            alerting =
                    Alerting.start(
                            s.dataDir(),
                            store,
                            s.tracks(),
                            s.alertRules(),
                            s.webhooks(),
                            WebhookSender.Options.DEFAULTS,
                            s.registry(),
                            s.clock(),
                            s.liveSource());
        } catch (IOException | RuntimeException e) {
            pipeline.close();
            throw e;
        }
        alerting.monitor().addListener(a -> feed.alert(a.track(), AlertJson.write(a)));
        ApiServer api =
                new ApiServer(store, s.registry(), feed, pipeline::health, s.server())
                        .withMonitoring(
                                new MonitorView(
                                        s::tracks, alerting.store(), s.alertRules().window()));
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook =
                new Thread(
                        () -> {
                            System.err.println("Stopping: committing what was accepted...");
                            api.close();
                            alerting.close();
                            pipeline.close();
                            feed.close();
                            stopped.countDown();
                        },
                        "undertone-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PipelineMetrics.bind(pipeline, s.registry());
        ModelMetrics.bind(s.model(), s.registry());
        int port = api.start();
        pipeline.startProcessing(s.stages(), IndexListener.all(feed, alerting.indexListener()));
        pipeline.startSource(s.source());
        return new LiveRun(pipeline, port, stopped);
    }

    /** The port the API server listens on. */
    public int port() {
        return port;
    }

    /** Stops reading the source ({@code --for}); the dashboard goes on serving. */
    public void stopSources() throws InterruptedException {
        pipeline.stopSources();
    }

    /** Waits until Ctrl-C (the shutdown hook) has stopped everything. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }
}
