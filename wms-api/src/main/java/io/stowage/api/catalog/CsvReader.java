package io.stowage.api.catalog;

import io.stowage.api.input.StorableText;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV: comma-separated fields, optionally quoted with {@code "}, a quote inside a
 * quoted field written twice, line breaks (CRLF or LF) allowed inside quoted fields. A byte order
 * mark and one trailing line break are ignored; blank lines are skipped.
 */
final class CsvReader {

    /** A CSV text that does not follow RFC 4180; {@code line} counts from 1. */
    static final class MalformedCsvException extends RuntimeException {
        final int line;

        MalformedCsvException(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }
    }

    private CsvReader() {
    }

    static List<List<String>> read(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int start = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        int line = 1;
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (field.length() > 0 || fieldWasQuoted) {
                        throw new MalformedCsvException(line, "a quote may only open a field; write a quote inside a quoted field as \"\"");
                    }
                    quoted = true;
                    fieldWasQuoted = true;
                }
                case ',' -> {
                    record.add(cell(field, line));
                    field.setLength(0);
                    fieldWasQuoted = false;
                }
                case '\r', '\n' -> {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    record.add(cell(field, line));
                    field.setLength(0);
                    fieldWasQuoted = false;
                    if (!isBlank(record)) {
                        records.add(record);
                    }
                    record = new ArrayList<>();
                    line++;
                }
                default -> {
                    if (fieldWasQuoted) {
                        throw new MalformedCsvException(line, "nothing may follow the closing quote of a field but a comma or a line break");
                    }
                    field.append(c);
                }
            }
        }
        if (quoted) {
            throw new MalformedCsvException(line, "a quoted field is not closed");
        }
        record.add(cell(field, line));
        if (!isBlank(record)) {
            records.add(record);
        }
        return records;
    }

    /** A finished field; text PostgreSQL cannot store is refused here, with its line, before anything is imported. */
    private static String cell(StringBuilder field, int line) {
        StorableText.flaw(field).ifPresent(flaw -> {
            throw new MalformedCsvException(line, "a field " + flaw);
        });
        return field.toString();
    }

    private static boolean isBlank(List<String> record) {
        return record.size() == 1 && record.get(0).isEmpty();
    }
}
