package dev.undertone.app.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 server on 127.0.0.1 (the JDK's {@code HttpServer}) for streaming protocols: each path
 * runs its handlers in turn, one per request (the last repeats), and a handler can answer with a
 * status, or stream a chunked body piece by piece, tear lines across chunks, stall or end the
 * stream. Every request is recorded.
 */
public final class StreamingHttpServer implements AutoCloseable {

    /** Handles one request. */
    @FunctionalInterface
    public interface Handler {
        void handle(Exchange ex) throws Exception;
    }

    /** A request as received. */
    public record Request(
            String method, String path, String query, Map<String, String> headers, String body) {
        /** A header by lower-case name, or null. */
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, List<Handler>> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch closing = new CountDownLatch(1);

    private StreamingHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor =
                Executors.newCachedThreadPool(
                        r -> {
                            Thread t = new Thread(r, "streaming-http-test-server");
                            t.setDaemon(true);
                            return t;
                        });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    /** Starts an empty server; add routes with {@link #on}. */
    public static StreamingHttpServer start() throws IOException {
        return new StreamingHttpServer();
    }

    /** Routes requests for {@code path} (exact, without query) to {@code handlers} in turn. */
    public StreamingHttpServer on(String path, Handler... handlers) {
        routes.put(path, List.of(handlers));
        calls.put(path, new AtomicInteger());
        return this;
    }

    /** {@code http://127.0.0.1:port}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The requests received for {@code path}, in order. */
    public List<Request> requests(String path) {
        synchronized (requests) {
            return requests.stream().filter(r -> r.path().equals(path)).toList();
        }
    }

    private void dispatch(HttpExchange he) throws IOException {
        String path = he.getRequestURI().getPath();
        Map<String, String> headers = new LinkedHashMap<>();
        he.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
        String body = new String(he.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(
                new Request(
                        he.getRequestMethod(),
                        path,
                        he.getRequestURI().getRawQuery(),
                        headers,
                        body));
        List<Handler> handlers = routes.get(path);
        Exchange ex = new Exchange(he, body);
        try {
            if (handlers == null) {
                ex.respond(404, "text/plain", "no route " + path);
                return;
            }
            int n = calls.get(path).getAndIncrement();
            handlers.get(Math.min(n, handlers.size() - 1)).handle(ex);
        } catch (IOException e) {
            // the client went away mid-stream
        } catch (Exception e) {
            ex.respond(500, "text/plain", "test handler failed: " + e);
        } finally {
            he.close();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    /** One request being answered. */
    public final class Exchange {
        private final HttpExchange he;
        private final String body;
        private OutputStream out;

        Exchange(HttpExchange he, String body) {
            this.he = he;
            this.body = body;
        }

        /** The request body. */
        public String body() {
            return body;
        }

        /** A request header, or null. */
        public String header(String name) {
            return he.getRequestHeaders().getFirst(name);
        }

        /** A query parameter, or null. */
        public String query(String name) {
            String q = he.getRequestURI().getRawQuery();
            if (q == null) {
                return null;
            }
            for (String kv : q.split("&")) {
                String[] p = kv.split("=", 2);
                if (p[0].equals(name)) {
                    return p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "";
                }
            }
            return null;
        }

        /** The request method. */
        public String method() {
            return he.getRequestMethod();
        }

        /** Sets a response header (before {@link #respond} or {@link #begin}). */
        public Exchange header(String name, String value) {
            he.getResponseHeaders().add(name, value);
            return this;
        }

        /** A complete response. */
        public void respond(int status, String contentType, String text) throws IOException {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            he.getResponseHeaders().set("Content-Type", contentType);
            he.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
            if (b.length > 0) {
                try (OutputStream o = he.getResponseBody()) {
                    o.write(b);
                }
            }
        }

        /** Starts a 200 chunked (streaming) response. */
        public void begin(String contentType) throws IOException {
            he.getResponseHeaders().set("Content-Type", contentType);
            he.sendResponseHeaders(200, 0);
            out = he.getResponseBody();
        }

        /** Sends bytes as one chunk. */
        public void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** Sends text as one chunk. */
        public void write(String text) throws IOException {
            write(text.getBytes(StandardCharsets.UTF_8));
        }

        /** Sends bytes in chunks of {@code size}, tearing lines wherever the cuts fall. */
        public void writeInPieces(byte[] bytes, int size) throws IOException {
            for (int off = 0; off < bytes.length; off += size) {
                out.write(bytes, off, Math.min(size, bytes.length - off));
                out.flush();
            }
        }

        /** Sends nothing more until the server stops (bounded: 60 s). */
        public void stall() throws InterruptedException {
            closing.await(60, TimeUnit.SECONDS);
        }
    }
}
