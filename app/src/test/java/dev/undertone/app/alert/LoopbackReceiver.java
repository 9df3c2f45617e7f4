package dev.undertone.app.alert;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * A real HTTP server on loopback taking webhook POSTs: it records each body and answers with the
 * status its script gives for the n-th request (1-based), or stalls without answering when the
 * script says 0.
 */
public final class LoopbackReceiver implements AutoCloseable {
    private final HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final ExecutorService executor =
            Executors.newCachedThreadPool(
                    r -> {
                        Thread t = new Thread(r, "loopback-receiver");
                        t.setDaemon(true);
                        return t;
                    });

    public LoopbackReceiver(IntUnaryOperator statusOfRequest) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext(
                "/",
                ex -> {
                    int n = requests.incrementAndGet();
                    String body =
                            new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    int status = statusOfRequest.applyAsInt(n);
                    if (status == 0) {
                        // Stall: never answer this one (the sender's timeout must end it).
                        try {
                            Thread.sleep(60_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        ex.close();
                        return;
                    }
                    if (status / 100 == 2) {
                        bodies.add(body);
                        paths.add(ex.getRequestURI().getPath());
                    }
                    ex.sendResponseHeaders(status, -1);
                    ex.close();
                });
        server.start();
    }

    /** The URL of a path on this server. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The bodies of the requests answered with 2xx. */
    public List<String> bodies() {
        return bodies;
    }

    /** The paths of the requests answered with 2xx. */
    public List<String> paths() {
        return paths;
    }

    /** Every request received. */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
