package dev.undertone.opensearch;

import dev.undertone.core.index.opensearch.IndexRotation;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how to reach OpenSearch, and which indices hold the posts.
 *
 * @param url the cluster's base URL, {@code http://host:9200} or {@code https://...}
 * @param index the base index name; the alias the store reads when rotating
 * @param rotation time-based rotation of the concrete indices
 * @param username basic-auth user, or null for none
 * @param password basic-auth password, or null; never printed
 * @param caCertificate a PEM file of the CA that signed the cluster's certificate, or null to use
 *     the JVM's trust store
 * @param insecure accept any TLS certificate (self-signed test clusters only)
 * @param requestTimeoutMillis the timeout of one HTTP request
 */
public record OpenSearchConfig(
        String url,
        String index,
        IndexRotation rotation,
        String username,
        String password,
        String caCertificate,
        boolean insecure,
        long requestTimeoutMillis)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The index used when none is given. */
    public static final String DEFAULT_INDEX = "undertone-posts";

    static final long DEFAULT_TIMEOUT_MILLIS = Duration.ofSeconds(30).toMillis();

    public OpenSearchConfig {
        Objects.requireNonNull(url, "url");
        URI u = URI.create(url);
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(
                    "opensearch url must be http:// or https://, got '" + url + "'");
        }
        if (u.getHost() == null) {
            throw new IllegalArgumentException("opensearch url has no host: '" + url + "'");
        }
        url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        index = index == null || index.isBlank() ? DEFAULT_INDEX : index;
        if (!index.equals(index.toLowerCase(Locale.ROOT))
                || index.matches(".*[\\\\/*?\"<>| ,#:].*")
                || index.startsWith("_")
                || index.startsWith("-")) {
            throw new IllegalArgumentException(
                    "'"
                            + index
                            + "' is not a valid OpenSearch index name (lower case, no"
                            + " \\ / * ? \" < > | space , # :)");
        }
        rotation = rotation == null ? IndexRotation.NONE : rotation;
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("basic auth needs both a username and a password");
        }
        requestTimeoutMillis =
                requestTimeoutMillis <= 0 ? DEFAULT_TIMEOUT_MILLIS : requestTimeoutMillis;
    }

    /** A plain-HTTP, no-auth config for a base URL and index, not rotating. */
    public static OpenSearchConfig of(String url, String index) {
        return new OpenSearchConfig(url, index, IndexRotation.NONE, null, null, null, false, 0);
    }

    /**
     * Parses a store URI {@code opensearch://host:port/index} (HTTP) or {@code
     * opensearch+https://host:port/index} (TLS); the index part is optional.
     */
    public static OpenSearchConfig parse(String storeUri) {
        URI u = URI.create(storeUri);
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        String http =
                switch (scheme) {
                    case "opensearch", "http" -> "http";
                    case "opensearch+https", "https" -> "https";
                    default ->
                            throw new IllegalArgumentException(
                                    "expected opensearch://HOST:PORT/INDEX or"
                                            + " opensearch+https://HOST:PORT/INDEX, got '"
                                            + storeUri
                                            + "'");
                };
        if (u.getHost() == null) {
            throw new IllegalArgumentException("no host in '" + storeUri + "'");
        }
        int port = u.getPort() == -1 ? 9200 : u.getPort();
        String path = u.getPath() == null ? "" : u.getPath().replaceAll("^/+|/+$", "");
        return of(http + "://" + u.getHost() + ":" + port, path.isEmpty() ? null : path);
    }

    /** A copy with basic auth. */
    public OpenSearchConfig withBasicAuth(String user, String pass) {
        return new OpenSearchConfig(
                url, index, rotation, user, pass, caCertificate, insecure, requestTimeoutMillis);
    }

    /** A copy with TLS trust settings. */
    public OpenSearchConfig withTls(String caPemFile, boolean trustAll) {
        return new OpenSearchConfig(
                url,
                index,
                rotation,
                username,
                password,
                caPemFile,
                trustAll,
                requestTimeoutMillis);
    }

    /** A copy with another rotation. */
    public OpenSearchConfig withRotation(IndexRotation r) {
        return new OpenSearchConfig(
                url, index, r, username, password, caCertificate, insecure, requestTimeoutMillis);
    }

    /** The name of the read alias (rotating) or the index itself. */
    public String readTarget() {
        return index;
    }

    @Override
    public String toString() {
        return "OpenSearchConfig[url="
                + url
                + ", index="
                + index
                + ", rotation="
                + rotation
                + ", user="
                + (username == null ? "none" : username)
                + ", password="
                + (password == null ? "none" : "***")
                + ", tls="
                + (insecure ? "insecure" : caCertificate == null ? "jvm" : caCertificate)
                + "]";
    }
}
