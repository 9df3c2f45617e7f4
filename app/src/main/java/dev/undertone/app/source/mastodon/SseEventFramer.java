package dev.undertone.app.source.mastodon;

import dev.undertone.app.source.LineSplitter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Groups Server-Sent Events lines into events, following the SSE rules: {@code event:} names the
 * event, {@code data:} lines are joined with {@code \n}, a blank line ends the event, a line
 * starting with {@code :} is a comment (Mastodon's {@code :thump} heartbeat) and belongs to no
 * event. Each event keeps the raw bytes of its lines, which is what the journal stores. Not
 * thread-safe.
 */
final class SseEventFramer {

    /** One complete event: its name, its data, and the raw bytes of its lines. */
    record Event(String name, String data, byte[] raw) {}

    private final ByteArrayOutputStream raw = new ByteArrayOutputStream(1024);
    private String name;
    private StringBuilder data;

    /** Takes one line; returns the event it completes, or null. */
    Event accept(LineSplitter.Line line) {
        if (line.isBlank()) {
            return dispatch();
        }
        byte[] b = line.raw();
        if (b[0] == ':') {
            return null;
        }
        String text = new String(b, 0, line.length(), StandardCharsets.UTF_8);
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        raw.write(b, 0, b.length);
        if (field.equals("event")) {
            name = value;
        } else if (field.equals("data")) {
            if (data == null) {
                data = new StringBuilder(value);
            } else {
                data.append('\n').append(value);
            }
        }
        return null;
    }

    private Event dispatch() {
        if (raw.size() == 0) {
            return null;
        }
        Event e =
                new Event(
                        name == null ? "message" : name,
                        data == null ? "" : data.toString(),
                        raw.toByteArray());
        raw.reset();
        name = null;
        data = null;
        return e;
    }

    /** Forgets a half-received event (after a reconnect). */
    void reset() {
        raw.reset();
        name = null;
        data = null;
    }
}
