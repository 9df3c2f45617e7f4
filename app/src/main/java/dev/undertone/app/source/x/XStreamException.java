package dev.undertone.app.source.x;

import dev.undertone.app.source.NotConnectedException;
import java.time.Instant;

/**
 * A failure of the X stream or its rules endpoint, classified the way X's reconnect guidance
 * classifies them, so {@link XReconnectPolicy} can pick the documented backoff.
 */
public final class XStreamException extends NotConnectedException {

    /** X's error classes, each with its own backoff. */
    public enum Kind {
        /**
         * TCP/IP-level: refused, reset, DNS, timeout, stall, stream ended, operational disconnect.
         */
        NETWORK,
        /** An HTTP status where reconnecting makes sense (5xx and the like). */
        HTTP,
        /** HTTP 429: rate limited or too many connections. */
        RATE_LIMIT
    }

    private final Kind kind;
    private final int status;
    private final transient Instant retryAt;

    XStreamException(Kind kind, int status, Instant retryAt, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.retryAt = retryAt;
    }

    static XStreamException network(String message, Throwable cause) {
        return new XStreamException(Kind.NETWORK, 0, null, message, cause);
    }

    /** The error class. */
    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 for network errors. */
    public int status() {
        return status;
    }

    /** When the rate limit resets ({@code x-rate-limit-reset}), or null when not given. */
    public Instant retryAt() {
        return retryAt;
    }
}
