package dev.undertone.app.source;

import java.io.IOException;

/** A finite source has no more records; the pipeline drains and stops reading it. */
public class EndOfInputException extends IOException {
    public EndOfInputException(String message) {
        super(message);
    }
}
