package dev.undertone.app.source;

import java.io.IOException;

/** The source's connection is gone; the pipeline calls {@link Source#connect} again. */
public class NotConnectedException extends IOException {
    public NotConnectedException(String message, Throwable cause) {
        super(message, cause);
    }

    public NotConnectedException(String message) {
        super(message);
    }
}
