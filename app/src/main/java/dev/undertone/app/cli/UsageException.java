package dev.undertone.app.cli;

/**
 * A bad argument value that can only be detected while the command runs (a file with the wrong
 * shape, a label outside 0..2). Exits with status 2 like a parse error.
 */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
