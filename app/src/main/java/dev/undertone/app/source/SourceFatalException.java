package dev.undertone.app.source;

/**
 * A source failure that retrying cannot fix (a missing file, a rejected token). The pipeline stops
 * the source and reports the message, which says what to do.
 */
public class SourceFatalException extends RuntimeException {
    public SourceFatalException(String message) {
        super(message);
    }

    public SourceFatalException(String message, Throwable cause) {
        super(message, cause);
    }
}
