package dev.undertone.app.web;

import dev.undertone.app.store.InvalidQueryException;
import java.util.Locale;

/** The formats of {@code export} and {@code GET /api/export}. */
public enum ExportFormat {
    /** One JSON object per line, the shape of {@code GET /api/posts} items. */
    JSONL("application/x-ndjson", "jsonl"),
    /** RFC 4180 CSV with a header row. */
    CSV("text/csv", "csv");

    private final String contentType;
    private final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    /** The HTTP content type. */
    public String contentType() {
        return contentType;
    }

    /** The file name extension. */
    public String extension() {
        return extension;
    }

    /**
     * Parses {@code jsonl} or {@code csv} (null or blank: jsonl).
     *
     * @throws InvalidQueryException naming {@code format} otherwise
     */
    public static ExportFormat parse(String value) {
        if (value == null || value.isBlank()) {
            return JSONL;
        }
        for (ExportFormat f : values()) {
            if (f.extension.equals(value.strip().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new InvalidQueryException("format", "must be jsonl or csv");
    }
}
