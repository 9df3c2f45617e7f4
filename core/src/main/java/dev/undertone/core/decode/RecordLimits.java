package dev.undertone.core.decode;

/**
 * Limits every record must fit, shared by the sources that frame records and the decoders that
 * check them, so that an oversized record is cut once at read time and rejected once at decode
 * time.
 */
public final class RecordLimits {
    /**
     * The largest record accepted, in bytes (1 MiB). A source that meets a longer record keeps only
     * its first {@code MAX_RECORD_BYTES + 1} bytes, which the decoders reject as too large.
     */
    public static final int MAX_RECORD_BYTES = 1 << 20;

    /** The longest source-native id accepted, in characters. */
    public static final int MAX_ID_CHARS = 512;

    private RecordLimits() {}
}
