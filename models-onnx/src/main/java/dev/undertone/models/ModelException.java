package dev.undertone.models;

/**
 * A model that could not be loaded or run: its files are missing or unreadable, or its runtime
 * failed. The message says what was being done.
 */
public final class ModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
