package dev.undertone.testkit.opensearch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.index.reindex.ReindexPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * Runs one OpenSearch node with the HTTP transport (netty4), the common analysers and the reindex
 * module ({@code _delete_by_query}), bound to loopback, in its own JVM. Started by {@code
 * dev.undertone.testkit.OpenSearchNode}.
 *
 * <p>Arguments: {@code HOME_DIR HTTP_PORT PORT_FILE}. {@code HTTP_PORT} 0 picks a free port. Once
 * the node serves HTTP, the bound port is written to {@code PORT_FILE} (atomically, so the parent
 * never reads half a number). The node stops when standard input closes, which is also what happens
 * when the parent JVM dies, so no node outlives its test run.
 */
public final class OpenSearchNodeMain {
    private OpenSearchNodeMain() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]).toAbsolutePath();
        int httpPort = Integer.parseInt(args[1]);
        Path portFile = Path.of(args[2]);
        Files.createDirectories(home.resolve("config"));
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(home.resolve("logs"));

        Settings settings =
                Settings.builder()
                        .put("path.home", home.toString())
                        .put("path.data", home.resolve("data").toString())
                        .put("path.logs", home.resolve("logs").toString())
                        .put("cluster.name", "undertone-test")
                        .put("node.name", "node-1")
                        .put("discovery.type", "single-node")
                        .put("network.host", "127.0.0.1")
                        .put("http.port", httpPort == 0 ? "0" : Integer.toString(httpPort))
                        .put("transport.port", "0")
                        // a nearly full disk must not turn test indices read-only
                        .put("cluster.routing.allocation.disk.threshold_enabled", false)
                        .put("action.auto_create_index", true)
                        .put("node.max_local_storage_nodes", 1)
                        .build();
        Environment env =
                InternalSettingsPreparer.prepareEnvironment(
                        settings, Map.of(), home.resolve("config"), () -> "node-1");
        List<Class<? extends Plugin>> plugins =
                List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, ReindexPlugin.class);
        Node node = new PluginNode(env, plugins);
        node.start();

        InetSocketAddress bound =
                node.injector()
                        .getInstance(HttpServerTransport.class)
                        .boundAddress()
                        .publishAddress()
                        .address();
        Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(tmp, Integer.toString(bound.getPort()), StandardCharsets.US_ASCII);
        Files.move(tmp, portFile, StandardCopyOption.ATOMIC_MOVE);

        CountDownLatch stopped = new CountDownLatch(1);
        Thread watcher =
                new Thread(
                        () -> {
                            try {
                                while (System.in.read() >= 0) {
                                    // the parent never writes; EOF means stop
                                }
                            } catch (IOException e) {
                                // a broken pipe means the parent is gone: stop as well
                            }
                            stopped.countDown();
                        },
                        "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
        stopped.await();
        node.close();
        System.exit(0);
    }

    /** Node's constructor that takes plugins from the classpath is protected. */
    private static final class PluginNode extends Node {
        PluginNode(Environment env, List<Class<? extends Plugin>> plugins) {
            super(env, plugins, true);
        }
    }
}
