package dev.undertone.app.pipeline;

/**
 * The pipeline could not go on (the journal or the index cannot be written). The message says what
 * was being done and what to do; records already accepted stay in the journal.
 */
public class PipelineException extends RuntimeException {
    public PipelineException(String message, Throwable cause) {
        super(message, cause);
    }

    public PipelineException(String message) {
        super(message);
    }
}
