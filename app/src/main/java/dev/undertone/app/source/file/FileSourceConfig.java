package dev.undertone.app.source.file;

import dev.undertone.core.decode.Formats;
import dev.undertone.core.decode.RecordLimits;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of a file source ({@code --source file:PATH}, {@code replay FILE}).
 *
 * @param path the file to read; plain or gzip-compressed (recognised by its magic bytes)
 * @param format the record format, one of {@link Formats#ALL}; {@code auto} detects per record
 * @param maxBatchRecords the most records in one batch
 * @param maxBatchBytes the most payload bytes in one batch (a batch holds at least one record)
 * @param maxRecordBytes records longer than this are cut to this plus one byte, for the decoder to
 *     reject
 */
public record FileSourceConfig(
        Path path, String format, int maxBatchRecords, int maxBatchBytes, int maxRecordBytes) {
    /** Default batch size in records. */
    public static final int DEFAULT_BATCH_RECORDS = 4096;

    /** Default batch size in bytes (8 MiB). */
    public static final int DEFAULT_BATCH_BYTES = 8 << 20;

    public FileSourceConfig {
        Objects.requireNonNull(path, "path");
        if (!Formats.isKnown(format)) {
            throw new IllegalArgumentException(Formats.unknownMessage(format));
        }
        if (maxBatchRecords <= 0) {
            throw new IllegalArgumentException("max_batch_records must be > 0");
        }
        if (maxBatchBytes <= 0) {
            throw new IllegalArgumentException("max_batch_bytes must be > 0");
        }
        if (maxRecordBytes <= 0) {
            throw new IllegalArgumentException("max_record_bytes must be > 0");
        }
    }

    /** A file read with the default limits. */
    public static FileSourceConfig of(Path path, String format) {
        return new FileSourceConfig(
                path,
                format,
                DEFAULT_BATCH_RECORDS,
                DEFAULT_BATCH_BYTES,
                RecordLimits.MAX_RECORD_BYTES);
    }
}
