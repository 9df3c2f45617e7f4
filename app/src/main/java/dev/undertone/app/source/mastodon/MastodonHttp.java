package dev.undertone.app.source.mastodon;

import dev.undertone.app.source.NetworkErrors;
import dev.undertone.app.source.NotConnectedException;
import dev.undertone.app.source.SourceFatalException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Requests to one Mastodon instance, with the user token when there is one, and the classification
 * of their failures: 401/403 stop the source with what to do; 429 carries the reset time; anything
 * else is retried with backoff.
 */
final class MastodonHttp {

    static final String TOKEN_HINT =
            "set UNDERTONE_MASTODON_TOKEN (or put it in the --secrets file) to a user access token"
                    + " with the read:statuses scope, created under Preferences > Development on"
                    + " the instance (Mastodon 4.2+ streams only to signed-in users)";
    private static final int MAX_ERROR_BODY_BYTES = 4096;
    private static final int MAX_DETAIL_CHARS = 200;

    /** A retryable HTTP failure; {@code retryAt} is set for a 429 with a reset time. */
    static final class StatusException extends NotConnectedException {
        final int status;
        final transient Instant retryAt;

        StatusException(int status, Instant retryAt, String message) {
            super(message);
            this.status = status;
            this.retryAt = retryAt;
        }
    }

    private final HttpClient client;
    private final String token;
    private final String userAgent;
    private final Duration timeout;

    MastodonHttp(HttpClient client, String token, String userAgent, Duration timeout) {
        this.client = client;
        this.token = token == null || token.isBlank() ? null : token.strip();
        this.userAgent = userAgent;
        this.timeout = timeout;
    }

    HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", userAgent);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    HttpResponse<InputStream> send(HttpRequest req, String doing) throws IOException {
        try {
            return client.send(req, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while " + doing);
        } catch (IOException e) {
            throw new NotConnectedException(doing + ": " + describe(e), e);
        }
    }

    /**
     * The retryable failure for a non-2xx response, to throw.
     *
     * @throws SourceFatalException for 401 and 403 (and 400: an unknown stream), saying what to do
     */
    StatusException failure(HttpResponse<InputStream> resp, String doing) {
        int status = resp.statusCode();
        String detail = detail(resp.body());
        String what = doing + " got HTTP " + status + (detail.isEmpty() ? "" : " (" + detail + ")");
        if (status == 401 || status == 403) {
            throw new SourceFatalException(
                    "the Mastodon instance refused "
                            + (token == null ? "a request without a token" : "the token")
                            + ": "
                            + what
                            + ". To fix: "
                            + TOKEN_HINT
                            + ".");
        }
        if (status == 400) {
            throw new SourceFatalException(
                    "the Mastodon instance rejected the request: " + what + ".");
        }
        return new StatusException(status, status == 429 ? resetAt(resp.headers()) : null, what);
    }

    private static Instant resetAt(HttpHeaders headers) {
        String v = headers.firstValue("x-ratelimit-reset").orElse(null);
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private String detail(InputStream body) {
        if (body == null) {
            return "";
        }
        String s;
        try (InputStream in = body) {
            s = new String(in.readNBytes(MAX_ERROR_BODY_BYTES), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
        if (token != null) {
            s = s.replace(token, "***");
        }
        s = s.replaceAll("\\s+", " ");
        return s.length() <= MAX_DETAIL_CHARS ? s : s.substring(0, MAX_DETAIL_CHARS) + "...";
    }

    static String describe(Throwable e) {
        return NetworkErrors.describe(e);
    }
}
