package dev.undertone.core.decode;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records of fields with Jackson's CSV parser (RFC 4180: fields in double
 * quotes may hold the delimiter, newlines and doubled quotes; blank lines are skipped). The
 * delimiter is chosen from the header line: a comma, or a tab or semicolon when the header has no
 * comma.
 */
final class CsvRecords {
    private static final CsvMapper MAPPER = new CsvMapper();
    private static final ObjectReader ROWS =
            MAPPER.readerForListOf(String.class)
                    .with(CsvParser.Feature.WRAP_AS_ARRAY)
                    .with(CsvParser.Feature.SKIP_EMPTY_LINES);

    private CsvRecords() {}

    /** The delimiter the header line uses. */
    static char delimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        if (header.indexOf(',') >= 0) {
            return ',';
        }
        if (header.indexOf('\t') >= 0) {
            return '\t';
        }
        return header.indexOf(';') >= 0 ? ';' : ',';
    }

    /** Parses every record; rejects an unterminated quoted field. */
    static List<List<String>> parse(String text, char delimiter) {
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(delimiter);
        List<List<String>> records = new ArrayList<>();
        try (MappingIterator<List<String>> rows = ROWS.with(schema).readValues(text)) {
            while (rows.hasNextValue()) {
                records.add(rows.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            throw new Rejection(reason(e));
        }
        return records;
    }

    private static String reason(Exception e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("closing quote")) {
            return "CSV record has a quoted field with no closing quote";
        }
        int cut = m.indexOf('\n');
        return "CSV record cannot be parsed: " + (cut < 0 ? m : m.substring(0, cut));
    }
}
