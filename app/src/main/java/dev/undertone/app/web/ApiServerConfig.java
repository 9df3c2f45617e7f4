package dev.undertone.app.web;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where and how the API server listens.
 *
 * @param host the address to bind; 127.0.0.1 by default
 * @param port the port; 0 picks a free one
 * @param token the bearer token every API request must carry ({@code UNDERTONE_AUTH_TOKEN}), or
 *     null for none
 * @param insecure allow binding beyond loopback without a token
 */
public record ApiServerConfig(String host, int port, String token, boolean insecure) {
    /** The address bound when none is given. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** The port used when none is given. */
    public static final int DEFAULT_PORT = 8080;

    private static final int MAX_PORT = 65_535;
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    /**
     * @throws IllegalArgumentException naming the option when the port is out of range, or when a
     *     non-loopback host has neither a token nor {@code insecure}
     */
    public ApiServerConfig {
        host = host == null || host.isBlank() ? DEFAULT_HOST : host.strip();
        token = token == null || token.isBlank() ? null : token.strip();
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("--port must be between 0 and " + MAX_PORT);
        }
        if (!isLoopback(host) && token == null && !insecure) {
            throw new IllegalArgumentException(
                    "--host "
                            + host
                            + " exposes the API beyond this machine: set UNDERTONE_AUTH_TOKEN"
                            + " (clients then send it as a bearer token) or pass --insecure");
        }
    }

    /** A loopback-only server on the default port without a token. */
    public static ApiServerConfig defaults() {
        return new ApiServerConfig(DEFAULT_HOST, DEFAULT_PORT, null, false);
    }

    /** Whether a host name or address only reaches this machine. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost")
                || h.equals("::1")
                || h.equals("[::1]")
                || LOOPBACK_V4.matcher(h).matches();
    }

    @Override
    public String toString() {
        // The token never reaches a log line.
        return "ApiServerConfig[host="
                + host
                + ", port="
                + port
                + ", token="
                + (token == null ? "none" : "set")
                + ", insecure="
                + insecure
                + "]";
    }
}
