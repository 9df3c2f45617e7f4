package dev.undertone.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSearch 2.19 node (the server jar with the netty4 HTTP transport, the common analysers
 * and the reindex module) in a child JVM on loopback, with its data in a temporary directory.
 *
 * <p>It runs in its own JVM because OpenSearch brings its own Lucene, Jackson and Log4j versions;
 * the classpath was resolved by Maven when {@code undertone-testkit-opensearch} was built. {@link
 * #stop} and {@link #restart} keep the data and the port, so a test can take the node away in the
 * middle of a run and bring it back.
 */
public final class OpenSearchNode implements AutoCloseable {
    private static final String CLASSPATH_RESOURCE = "undertone-testkit/opensearch.classpath";
    private static final String MAIN_CLASS = "dev.undertone.testkit.opensearch.OpenSearchNodeMain";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path home;
    private final boolean tuned;
    private final Path portFile;
    private final Path logFile;
    private Process process;
    private int port;

    private OpenSearchNode(Path home, boolean tuned) {
        this.home = home;
        this.tuned = tuned;
        this.portFile = home.resolve("http.port");
        this.logFile = home.resolve("node.log");
    }

    /** Starts a node on a free port with an empty data directory; returns once it is green. */
    public static OpenSearchNode start() {
        return start(false);
    }

    /**
     * Starts a node tuned for throughput rather than a quick start (1 GiB heap, the JVM's default
     * collector and full JIT), for benchmarks.
     */
    public static OpenSearchNode startForBenchmark() {
        return start(true);
    }

    private static OpenSearchNode start(boolean tuned) {
        try {
            OpenSearchNode node =
                    new OpenSearchNode(Files.createTempDirectory("undertone-os"), tuned);
            node.launch(0);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("creating the node's home directory", e);
        }
    }

    /** The base URL of the HTTP API, e.g. {@code http://127.0.0.1:9200}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The HTTP port. */
    public int port() {
        return port;
    }

    /** CPU time the node's process has used so far (zero when the OS does not say). */
    public Duration cpuTime() {
        return process == null
                ? Duration.ZERO
                : process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Whether the node's process is alive. */
    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the node (as a crash would, but letting it flush), keeping its data and port. */
    public void stop() {
        if (process == null) {
            return;
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    /** Starts the node again on the same port with the same data, after {@link #stop}. */
    public void restart() {
        stop();
        launch(port);
    }

    private void launch(int httpPort) {
        try {
            Files.deleteIfExists(portFile);
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            if (tuned) {
                cmd.add("-Xms1g");
                cmd.add("-Xmx1g");
            } else {
                // tests index a few hundred documents: start fast, stay small
                cmd.add("-Xms256m");
                cmd.add("-Xmx512m");
                cmd.add("-XX:+UseSerialGC");
                cmd.add("-XX:TieredStopAtLevel=1");
            }
            cmd.add("-Dlog4j2.level=warn");
            cmd.add("-cp");
            cmd.add(classpath());
            cmd.add(MAIN_CLASS);
            cmd.add(home.resolve("home").toString());
            cmd.add(Integer.toString(httpPort));
            cmd.add(portFile.toString());
            process =
                    new ProcessBuilder(cmd)
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                            .start();
        } catch (IOException e) {
            throw new UncheckedIOException("starting the OpenSearch node", e);
        }
        port = awaitPort();
        awaitGreen();
    }

    private int awaitPort() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the OpenSearch node exited while starting; its log: " + tail());
            }
            if (Files.exists(portFile)) {
                try {
                    return Integer.parseInt(Files.readString(portFile).trim());
                } catch (IOException e) {
                    throw new UncheckedIOException("reading the node's port file", e);
                }
            }
            pause();
        }
        process.destroyForcibly();
        throw new IllegalStateException(
                "the OpenSearch node did not start within " + START_TIMEOUT + "; log: " + tail());
    }

    private void awaitGreen() {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest req =
                HttpRequest.newBuilder(
                                URI.create(
                                        url()
                                                + "/_cluster/health?wait_for_status=yellow&timeout="
                                                + START_TIMEOUT.toSeconds()
                                                + "s"))
                        .timeout(START_TIMEOUT.plusSeconds(5))
                        .build();
        try {
            HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (resp.statusCode() != 200) {
                throw new IllegalStateException(
                        "the OpenSearch node is not healthy: " + resp.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("asking the OpenSearch node for its health", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for OpenSearch", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for OpenSearch", e);
        }
    }

    private String tail() {
        try {
            String log = Files.readString(logFile, StandardCharsets.UTF_8);
            return log.substring(Math.max(0, log.length() - 4000));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static String classpath() {
        ClassLoader cl = OpenSearchNode.class.getClassLoader();
        try (var in = cl.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        CLASSPATH_RESOURCE + " is missing: build undertone-testkit-opensearch");
            }
            String deps = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return deps + java.io.File.pathSeparator + codeLocation(cl);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + CLASSPATH_RESOURCE, e);
        }
    }

    /** Where the node's main class lives: a jar or a classes directory. */
    private static String codeLocation(ClassLoader cl) {
        URL url = cl.getResource(MAIN_CLASS.replace('.', '/') + ".class");
        if (url == null) {
            throw new IllegalStateException(MAIN_CLASS + " is not on the classpath");
        }
        try {
            String s = url.toString();
            if (s.startsWith("jar:")) {
                return Path.of(new URI(s.substring(4, s.indexOf("!/")))).toString();
            }
            Path cls = Path.of(url.toURI());
            int depth = MAIN_CLASS.split("\\.").length;
            for (int i = 0; i < depth; i++) {
                cls = cls.getParent();
            }
            return cls.toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("locating " + MAIN_CLASS, e);
        }
    }

    /** Stops the node and deletes its data. */
    @Override
    public void close() {
        stop();
        KafkaBroker.deleteTree(home);
    }
}
