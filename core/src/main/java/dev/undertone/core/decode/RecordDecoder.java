package dev.undertone.core.decode;

/**
 * Turns one raw record into a {@link Decoded}. A pure function: no I/O, no clock, no state.
 *
 * <p>Implementations never throw for any input; malformed input gives {@link Decoded.Rejected}.
 */
@FunctionalInterface
public interface RecordDecoder {
    Decoded decode(RawRecord record);
}
