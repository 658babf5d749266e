package io.innercircle.activity.internal;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV export read with Apache Commons CSV, as the CRM contacts import reads its files: a byte order mark
 * dropped, the separator taken from the header line (',' ';' or tab), quoted values with separators and line
 * breaks inside. Columns are found by name with case, spaces, dots and underscores ignored
 * ("Relation.Email" = "relationemail"). Each row knows the line it starts on.
 */
final class CsvTable {

    record Row(int line, List<String> values) {}

    final String file;
    private final Map<String, Integer> columns = new HashMap<>();
    final List<Row> rows;

    private CsvTable(String file, List<String> header, List<Row> rows) {
        this.file = file;
        this.rows = rows;
        for (int i = header.size() - 1; i >= 0; i--) {
            columns.put(normalize(header.get(i)), i);
        }
    }

    static CsvTable read(String file, String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int end = body.indexOf('\n');
        String first = end < 0 ? body : body.substring(0, end);
        char separator = ',';
        long most = first.chars().filter(c -> c == ',').count();
        for (char c : new char[]{';', '\t'}) {
            long count = first.chars().filter(x -> x == c).count();
            if (count > most) {
                most = count;
                separator = c;
            }
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(body, format)) {
            long lineBefore = 0;
            var records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new ActivityFileRefused(file, (int) parser.getCurrentLineNumber() + 1, null,
                            "not valid CSV: " + (String.valueOf(e.getMessage()).contains("EOF reached")
                                    ? "a quoted value is never closed (a \" is missing)"
                                    : String.valueOf(e.getMessage()).replaceFirst("^.*IOException: ", "")));
                }
                int line = (int) lineBefore + 1;
                lineBefore = parser.getCurrentLineNumber();
                if (header == null) {
                    header = List.of(record.values());
                } else {
                    rows.add(new Row(line, List.of(record.values())));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Reading a string failed", e);
        }
        if (header == null) {
            throw new ActivityFileRefused(file, 1, null, "the file is empty; the first line must name the columns");
        }
        return new CsvTable(file, header, rows);
    }

    boolean has(String column) {
        return columns.containsKey(normalize(column));
    }

    /** The first of these columns the file has, or null. */
    String firstOf(String... names) {
        for (String name : names) {
            if (has(name)) {
                return name;
            }
        }
        return null;
    }

    /** The row's value in this column, trimmed; null when empty or when the file has no such column. */
    String value(Row row, String column) {
        Integer at = column == null ? null : columns.get(normalize(column));
        if (at == null || at >= row.values().size()) {
            return null;
        }
        String value = row.values().get(at).trim();
        return value.isEmpty() ? null : value;
    }

    /** The value, or a refusal naming the file, line and column. */
    String required(Row row, String column) {
        String value = value(row, column);
        if (value == null) {
            throw new ActivityFileRefused(file, row.line(), column, "is empty");
        }
        return value;
    }

    private static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_.]", "");
    }
}
