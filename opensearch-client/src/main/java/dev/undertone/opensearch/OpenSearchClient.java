package dev.undertone.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.undertone.core.index.opensearch.PostJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A small OpenSearch REST client on the JDK's HTTP client: basic auth, TLS with a given CA or (for
 * tests) no verification, a timeout per request, and nothing else. Thread-safe.
 */
public final class OpenSearchClient implements AutoCloseable {
    private static final String JSON = "application/json";

    private final OpenSearchConfig config;
    private final HttpClient http;
    private final String authorization;

    /** A response: its status and body. */
    public record Response(int status, byte[] body) {
        /** The body parsed as JSON. */
        public JsonNode json() throws IOException {
            return PostJson.mapper().readTree(body);
        }

        /** The body as text. */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Whether the status is 2xx. */
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public OpenSearchClient(OpenSearchConfig config) {
        this.config = config;
        HttpClient.Builder b =
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofMillis(config.requestTimeoutMillis()))
                        .version(HttpClient.Version.HTTP_1_1);
        if (config.url().startsWith("https:")) {
            b.sslContext(sslContext(config));
        }
        this.http = b.build();
        this.authorization =
                config.username() == null
                        ? null
                        : "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (config.username() + ":" + config.password())
                                                        .getBytes(StandardCharsets.UTF_8));
    }

    /** The configuration this client was built with. */
    public OpenSearchConfig config() {
        return config;
    }

    /**
     * Sends a request without waiting.
     *
     * @param method GET, PUT, POST, DELETE, HEAD
     * @param path the path and query, starting with {@code /}
     * @param body the body, or null for none
     * @param contentType the body's type, or null for JSON
     * @return the response, whatever its status; completes exceptionally on network errors
     */
    public CompletableFuture<Response> sendAsync(
            String method, String path, byte[] body, String contentType) {
        return http.sendAsync(
                        request(method, path, body, contentType),
                        HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(r -> new Response(r.statusCode(), r.body()));
    }

    /**
     * Sends a request and waits for the response.
     *
     * @throws IOException on a network error or timeout
     */
    public Response send(String method, String path, byte[] body, String contentType)
            throws IOException {
        try {
            return sendAsync(method, path, body, contentType).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling OpenSearch " + method + " " + path, e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof IOException io
                    ? io
                    : new IOException("calling OpenSearch " + method + " " + path, c);
        }
    }

    /** Sends a JSON body (or none) and waits. */
    public Response send(String method, String path, String jsonBody) throws IOException {
        return send(
                method,
                path,
                jsonBody == null ? null : jsonBody.getBytes(StandardCharsets.UTF_8),
                JSON);
    }

    /**
     * Sends a JSON request and requires a 2xx answer.
     *
     * @param what what we were doing, for the error message
     * @throws IOException on a network error or a non-2xx status, with the server's reason
     */
    public JsonNode call(String what, String method, String path, String jsonBody)
            throws IOException {
        Response r = send(method, path, jsonBody);
        if (!r.ok()) {
            throw new IOException(
                    what
                            + ": OpenSearch answered HTTP "
                            + r.status()
                            + ": "
                            + abbreviate(r.text()));
        }
        return r.body().length == 0 ? PostJson.mapper().createObjectNode() : r.json();
    }

    private HttpRequest request(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(config.url() + path))
                        .timeout(Duration.ofMillis(config.requestTimeoutMillis()))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            b.header("Content-Type", contentType == null ? JSON : contentType);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b.build();
    }

    static String abbreviate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500) + "...";
    }

    private static SSLContext sslContext(OpenSearchConfig config) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            if (config.insecure()) {
                ctx.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
            } else if (config.caCertificate() != null) {
                KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
                ks.load(null, null);
                try (InputStream in = Files.newInputStream(Path.of(config.caCertificate()))) {
                    int i = 0;
                    for (Certificate c :
                            CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                        ks.setCertificateEntry("ca-" + i++, c);
                    }
                }
                TrustManagerFactory tmf =
                        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(ks);
                ctx.init(null, tmf.getTrustManagers(), new SecureRandom());
            } else {
                return SSLContext.getDefault();
            }
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException(
                    "setting up TLS for OpenSearch (CA file "
                            + config.caCertificate()
                            + "): "
                            + e.getMessage(),
                    e);
        }
    }

    /** Trusts every certificate: only behind an explicit {@code insecure} flag. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    @Override
    public void close() {
        // JDK 17's HttpClient has no close(); its threads end once it is unreachable.
    }
}
