package dev.undertone.app.source.x;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.undertone.app.source.NetworkErrors;
import dev.undertone.app.source.SourceFatalException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Requests to the X API with the bearer token, and the classification of their failures: network
 * errors and retryable statuses become {@link XStreamException}s for the reconnect policy; 400, 401
 * and 403 become {@link SourceFatalException}s saying what to fix, since retrying cannot help.
 */
final class XHttp {

    static final String ENV_HINT =
            "set UNDERTONE_X_BEARER_TOKEN (or put it in the --secrets file) to the bearer token of an"
                    + " X App, in a Project, that has filtered-stream access";
    private static final int MAX_DETAIL_CHARS = 300;
    private static final int MAX_ERROR_BODY_BYTES = 64 * 1024;
    private static final String RESET_HEADER = "x-rate-limit-reset";

    private final HttpClient client;
    private final String token;
    private final String userAgent;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();

    XHttp(HttpClient client, String token, String userAgent, Duration timeout) {
        this.client = client;
        this.token = token;
        this.userAgent = userAgent;
        this.timeout = timeout;
    }

    HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("User-Agent", userAgent);
    }

    /** Sends and returns the response of any status; network failures become NETWORK errors. */
    <T> HttpResponse<T> send(HttpRequest req, HttpResponse.BodyHandler<T> body, String doing)
            throws IOException {
        try {
            return client.send(req, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while " + doing);
        } catch (IOException e) {
            throw XStreamException.network(doing + ": " + describe(e), e);
        }
    }

    /**
     * The retryable failure for a non-2xx response, to throw; reads (and closes) a bounded part of
     * the body.
     *
     * @throws SourceFatalException for 400, 401 and 403, saying what to fix
     */
    XStreamException failure(int status, HttpHeaders headers, InputStream body, String doing) {
        String detail = problemDetail(readBounded(body));
        String what = doing + " got HTTP " + status + (detail.isEmpty() ? "" : " (" + detail + ")");
        if (status == 401 || status == 403) {
            throw new SourceFatalException(
                    "X rejected the bearer token: " + what + ". To fix: " + ENV_HINT + ".");
        }
        if (status == 400) {
            throw new SourceFatalException(
                    "X rejected the request: " + what + ". Check the --track phrases.");
        }
        if (status == 429) {
            return new XStreamException(
                    XStreamException.Kind.RATE_LIMIT, status, resetAt(headers), what, null);
        }
        return new XStreamException(XStreamException.Kind.HTTP, status, null, what, null);
    }

    private static Instant resetAt(HttpHeaders headers) {
        Optional<String> v = headers.firstValue(RESET_HEADER);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(v.get().strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static byte[] readBounded(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try (InputStream in = body) {
            return in.readNBytes(MAX_ERROR_BODY_BYTES);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** "title: detail" of a problem body, or of its first error; empty when there is none. */
    String problemDetail(byte[] body) {
        if (body.length == 0) {
            return "";
        }
        try {
            JsonNode n = json.readTree(body);
            if (n != null && n.path("errors").isArray() && !n.path("errors").isEmpty()) {
                n = n.path("errors").get(0);
            }
            String title = text(n, "title");
            String detail = text(n, "detail");
            for (String alt : new String[] {"message", "connection_issue", "reason"}) {
                if (detail.isEmpty()) {
                    detail = text(n, alt);
                }
            }
            return clip(
                    title.isEmpty() ? detail : detail.isEmpty() ? title : title + ": " + detail);
        } catch (IOException e) {
            return clip(new String(body, java.nio.charset.StandardCharsets.UTF_8).strip());
        }
    }

    ObjectMapper json() {
        return json;
    }

    private static String text(JsonNode n, String field) {
        return n == null ? "" : n.path(field).asText("");
    }

    private String clip(String s) {
        String safe = token.isEmpty() ? s : s.replace(token, "***");
        return safe.length() <= MAX_DETAIL_CHARS
                ? safe
                : safe.substring(0, MAX_DETAIL_CHARS) + "...";
    }

    static String describe(Throwable e) {
        return NetworkErrors.describe(e);
    }
}
