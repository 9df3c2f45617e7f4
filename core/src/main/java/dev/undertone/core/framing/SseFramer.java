package dev.undertone.core.framing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Groups Server-Sent Events lines into events, following the SSE rules: {@code event:} names the
 * event, {@code data:} lines are joined with {@code \n}, one space after the colon is dropped, a
 * blank line ends the event, and a line starting with {@code :} is a comment (Mastodon's {@code
 * :thump} heartbeat) that belongs to no event. Each event keeps the raw bytes of its lines,
 * terminators included, which is what the live source journals. The one reading of SSE for the
 * Mastodon source, SSE capture files and the Mastodon decoder. Not thread-safe.
 */
public final class SseFramer {

    /**
     * One complete event.
     *
     * @param name the {@code event:} value, or null when the event named none
     * @param data the {@code data:} lines joined with {@code \n}, or null when it had none
     * @param raw the bytes of its lines as received (comments and the closing blank line left out)
     */
    public record Event(String name, String data, byte[] raw) {
        /** The event's type: its name, or {@code message} (the SSE default) when it has none. */
        public String type() {
            return name == null ? "message" : name;
        }
    }

    /** What one line of an SSE stream is. */
    public enum LineKind {
        /** Empty: ends the event in progress. */
        BLANK,
        /** Starts with {@code :}: a comment or heartbeat, part of no event. */
        COMMENT,
        /** A field ({@code event:}, {@code data:}, {@code id:}, ...) of the event in progress. */
        FIELD
    }

    private final ByteArrayOutputStream raw = new ByteArrayOutputStream(1024);
    private boolean open;
    private String name;
    private StringBuilder data;

    /** What a line is, from its first {@code length} bytes (without terminator). */
    public static LineKind kind(byte[] line, int length) {
        if (length == 0) {
            return LineKind.BLANK;
        }
        return line[0] == ':' ? LineKind.COMMENT : LineKind.FIELD;
    }

    /** Takes one line; returns the event it completes, or null. */
    public Event accept(LineSplitter.Line line) {
        byte[] b = line.raw();
        switch (kind(b, line.length())) {
            case BLANK:
                return finish();
            case COMMENT:
                return null;
            default:
                break;
        }
        open = true;
        raw.write(b, 0, b.length);
        String text = new String(b, 0, line.length(), StandardCharsets.UTF_8);
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (field.equals("event")) {
            name = value;
        } else if (field.equals("data")) {
            data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        }
        return null;
    }

    /**
     * Ends the event in progress, as a blank line does (a capture or a record may stop without
     * one); null when no field line came since the last event.
     */
    public Event finish() {
        if (!open) {
            return null;
        }
        Event e = new Event(name, data == null ? null : data.toString(), raw.toByteArray());
        reset();
        return e;
    }

    /** Forgets a half-received event (after a reconnect). */
    public void reset() {
        raw.reset();
        open = false;
        name = null;
        data = null;
    }
}
