package dev.undertone.core.decode;

import java.util.Map;

/**
 * The decoders of every format in {@link Formats}, behind one entry point that never throws.
 *
 * <p>{@link #forRecords()} is what the pipeline uses: it decodes each record with the decoder its
 * {@link RawRecord#format()} names. Every payload first passes the common checks (at most {@link
 * RecordLimits#MAX_RECORD_BYTES}, no NUL byte, valid UTF-8); any failure, and any bug inside a
 * decoder, becomes {@link Decoded.Rejected} with a reason instead of an exception.
 */
public final class Decoders {
    private static final Map<String, RecordDecoder> BY_FORMAT =
            Map.of(
                    Formats.AUTO, new AutoDecoder(),
                    Formats.JETSTREAM, new JetstreamDecoder(),
                    Formats.X_V2, new XV2Decoder(),
                    Formats.TWITTER_V1, new TwitterV1Decoder(),
                    Formats.MASTODON, new MastodonDecoder(),
                    Formats.JSON, new GenericJsonDecoder(),
                    Formats.TEXT, new TextLineDecoder(),
                    Formats.CSV, new CsvDecoder());

    private static final RecordDecoder BY_RECORD = Decoders::decodeByFormat;

    private Decoders() {}

    /** A decoder that uses each record's own format; thread-safe and stateless. */
    public static RecordDecoder forRecords() {
        return BY_RECORD;
    }

    /**
     * A decoder for one format, whatever format the records name; thread-safe and stateless.
     *
     * @throws IllegalArgumentException if the format is not one of {@link Formats#ALL}
     */
    public static RecordDecoder forFormat(String format) {
        RecordDecoder d = BY_FORMAT.get(format);
        if (d == null) {
            throw new IllegalArgumentException(Formats.unknownMessage(format));
        }
        return record -> guarded(d, record);
    }

    private static Decoded decodeByFormat(RawRecord record) {
        RecordDecoder d = BY_FORMAT.get(record.format());
        if (d == null) {
            return new Decoded.Rejected(Formats.unknownMessage(record.format()));
        }
        return guarded(d, record);
    }

    private static Decoded guarded(RecordDecoder d, RawRecord record) {
        String problem = PayloadChecks.problem(record.payload());
        if (problem != null) {
            return new Decoded.Rejected(problem);
        }
        try {
            return d.decode(record);
        } catch (Rejection r) {
            return new Decoded.Rejected(r.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // A decoder bug must not stop the pipeline; the record is kept with the reason.
            return new Decoded.Rejected(
                    "could not decode the record (" + e + "); please report it");
        }
    }
}
