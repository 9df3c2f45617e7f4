package dev.undertone.app.source;

/**
 * One open connection of a live source (a WebSocket, a streaming HTTP body) as {@link StreamSource}
 * sees it: whether it is over, why, and how long it has been silent.
 */
public interface StreamConnection {

    /** True once the connection ended (cleanly or not) and everything received before was taken. */
    boolean endedAndDrained();

    /** The read error that ended the connection, or null for a clean end or a close. */
    Throwable failure();

    /** Nanoseconds since the last byte or message arrived (or since the connection opened). */
    long nanosSinceLastData();

    /** Releases the connection without waiting. Idempotent; callable from any thread. */
    void shutdown();
}
