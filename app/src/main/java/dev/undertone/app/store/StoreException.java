package dev.undertone.app.store;

/** Reading or writing the store failed for a reason other than the query (I/O, server down). */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
