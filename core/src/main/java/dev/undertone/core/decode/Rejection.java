package dev.undertone.core.decode;

/**
 * Thrown inside a decoder to reject the record with a reason; the dispatching decoder turns it into
 * {@link Decoded.Rejected}. Stackless: rejections are expected input, not bugs.
 */
final class Rejection extends RuntimeException {
    Rejection(String reason) {
        super(reason, null, false, false);
    }
}
