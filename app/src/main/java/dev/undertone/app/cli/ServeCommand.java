package dev.undertone.app.cli;

import dev.undertone.app.alert.AlertStore;
import dev.undertone.app.pipeline.DataDir;
import dev.undertone.app.pipeline.IndexRetention;
import dev.undertone.app.store.PostFilter;
import dev.undertone.app.store.PostStore;
import dev.undertone.app.store.TermField;
import dev.undertone.app.store.lucene.LucenePostStore;
import dev.undertone.app.store.opensearch.OpenSearchPostStore;
import dev.undertone.app.web.ApiJson;
import dev.undertone.app.web.ApiServer;
import dev.undertone.app.web.ApiServerConfig;
import dev.undertone.app.web.LiveFeed;
import dev.undertone.app.web.MonitorView;
import dev.undertone.core.alert.AlertRules;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code undertone serve}: the dashboard and API over an existing index, until stopped. Read-only
 * unless {@code --retain} is given, in which case it takes the data directory's write lock and
 * removes old posts every minute.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serves the dashboard and the HTTP API over an existing index until stopped (Ctrl-C).",
            "Prints {\"url\":\"http://HOST:PORT/\"} on stdout once it listens."
        })
public final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
    private static final long SHUTDOWN_WAIT_SECONDS = 10;
    private static final int WARM_UP_POSTS = 50;
    private static final int WARM_UP_TERMS = 10;

    @Mixin DataOption data;

    @Mixin ServerOptions server;

    @Mixin RetainOption retainOption;

    @Mixin OpenSearchStoreOptions openSearch;

    private Duration retain;

    @Mixin SecretsOption secrets;

    @Override
    public Integer call() throws Exception {
        retain = retainOption.duration();
        ApiServerConfig config = serverConfig();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        try (Served served = open();
                // Another process may write the index: recount each second rather than wait 10 s.
                LiveFeed feed =
                        new LiveFeed(
                                registry, LiveFeed.DEFAULT_CLIENT_QUEUE, Duration.ofSeconds(1));
                ApiServer server =
                        new ApiServer(served.store, registry, feed, served::health, config)
                                .withMonitoring(
                                        new MonitorView(
                                                served.store::trackNames,
                                                AlertStore.openReadOnly(
                                                        AlertStore.dirIn(data.dir())),
                                                AlertRules.DEFAULTS.window()))) {
            warmUp(served.store);
            int bound = server.start();
            String url =
                    "http://"
                            + (config.host().contains(":")
                                    ? "[" + config.host() + "]"
                                    : config.host())
                            + ":"
                            + bound
                            + "/";
            System.out.println(ApiJson.write(Map.of("url", url)));
            System.out.flush();
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        stopped.countDown();
                                        awaitQuietly(closed);
                                    },
                                    "undertone-serve-shutdown"));
            stopped.await();
        } finally {
            closed.countDown();
        }
        return 0;
    }

    /**
     * Runs the dashboard's first queries in the background while the server starts, so the first
     * page load finds the index in the page cache and the query code compiled.
     */
    private static void warmUp(PostStore store) {
        Thread t =
                new Thread(
                        () -> {
                            try {
                                store.summary(PostFilter.ALL);
                                store.posts(PostFilter.ALL, WARM_UP_POSTS);
                                store.terms(PostFilter.ALL, TermField.HASHTAGS, WARM_UP_TERMS);
                                store.timeline(PostFilter.ALL, null);
                            } catch (RuntimeException e) {
                                LOG.debug(
                                        "Warming up the index failed; the first page load will.",
                                        e);
                            }
                        },
                        "undertone-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** Lets the main thread close the index cleanly before the JVM exits on Ctrl-C. */
    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ApiServerConfig serverConfig() throws IOException {
        return server.config(secrets.secrets());
    }

    private Served open() throws IOException {
        if (openSearch.isSet()) {
            if (retain != null) {
                throw new UsageException(
                        "--retain works on the local index only; on OpenSearch, rotate indices"
                                + " (the Flink job's --rotation) and delete old ones");
            }
            return new Served(OpenSearchPostStore.open(openSearch.config(secrets.secrets())), null);
        }
        if (retain == null) {
            return new Served(LucenePostStore.openReadOnly(DataDir.indexPath(data.dir())), null);
        }
        IndexRetention retention = IndexRetention.start(data.dir(), retain, Clock.systemUTC());
        return new Served(new LucenePostStore(retention.index().searcherManager()), retention);
    }

    /**
     * What {@code serve} holds open: the store, and for {@code --retain} the writer and its lock.
     */
    private final class Served implements AutoCloseable {
        private final PostStore store;
        private final IndexRetention retention;

        Served(PostStore store, IndexRetention retention) {
            this.store = store;
            this.retention = retention;
        }

        Map<String, Object> health() {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("mode", "serve");
            h.put("retain", retain == null ? null : retain.toString());
            return h;
        }

        @Override
        public void close() throws IOException {
            store.close();
            if (retention != null) {
                retention.close();
            }
        }
    }
}
