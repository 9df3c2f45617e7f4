package dev.undertone.app.source.jetstream;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP status a server refused the WebSocket upgrade with, read from the WebSocket library's
 * message ({@code Invalid status code received: 400 Status line: ...}), which is all it keeps.
 */
final class HandshakeStatus {
    private static final Pattern STATUS = Pattern.compile("status code received: (\\d{3})");

    private HandshakeStatus() {}

    /** The refusal's status found in the failure or its causes, or -1. */
    static int of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                Matcher m = STATUS.matcher(t.getMessage());
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        }
        return -1;
    }
}
