package dev.undertone.core.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records of fields (RFC 4180: fields in double quotes may hold the delimiter,
 * newlines and doubled quotes). The delimiter is chosen from the header line: a comma, or a tab or
 * semicolon when the header has no comma.
 */
final class CsvParser {
    private CsvParser() {}

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

    /** Parses every record; rejects an unterminated quoted field. Blank lines are skipped. */
    static List<List<String>> parse(String text, char delimiter) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0 && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endRecord(records, fields, field, fieldStarted);
                fields = new ArrayList<>();
                fieldStarted = false;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new Rejection("CSV record has a quoted field with no closing quote");
        }
        endRecord(records, fields, field, fieldStarted);
        return records;
    }

    private static void endRecord(
            List<List<String>> records, List<String> fields, StringBuilder field, boolean started) {
        if (fields.isEmpty() && field.length() == 0 && !started) {
            return;
        }
        fields.add(field.toString());
        field.setLength(0);
        records.add(fields);
    }
}
