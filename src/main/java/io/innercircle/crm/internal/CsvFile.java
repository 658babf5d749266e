package io.innercircle.crm.internal;

import io.innercircle.api.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV file as CRMs export it, parsed with Apache Commons CSV: UTF-8 with or without a byte order mark, ','
 * or ';' or tab between values (taken from the header line unless the caller says), quoted values with commas,
 * quotes and line breaks inside. The first record is the header. Each row knows the physical line it starts
 * on, so a problem can be shown where an editor shows it.
 */
final class CsvFile {

    private final List<String> header;
    private final Map<String, Integer> columns;
    private final List<Row> rows;
    private final char delimiter;

    /** One data row: its first physical line and its values, by column position. */
    record Row(int line, List<String> values) {
    }

    private CsvFile(List<String> header, List<Row> rows, char delimiter) {
        this.header = header;
        this.rows = rows;
        this.delimiter = delimiter;
        this.columns = new HashMap<>();
        for (int i = header.size() - 1; i >= 0; i--) {
            columns.put(normalize(header.get(i)), i);
        }
    }

    /**
     * Reads the file. A file that cannot be read at all (not UTF-8, no header, a quote never closed, more rows
     * than {@code maxRows}) is refused with an {@link InvalidInputException} on {@code field}.
     *
     * @param delimiter the separator, or null to take the most frequent of , ; and tab in the header line
     */
    static CsvFile read(String field, byte[] bytes, Character delimiter, int maxRows) {
        String text = decode(field, bytes);
        char separator = delimiter != null ? delimiter : detectDelimiter(text);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(separator)
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .setTrim(true)
                .get();
        LineIndex lines = new LineIndex(text);
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new InvalidInputException(field, "the file is not valid CSV near line "
                            + (parser.getCurrentLineNumber() + 1) + ": " + plain(e));
                }
                List<String> values = Arrays.asList(record.values());
                if (header == null) {
                    header = values;
                    continue;
                }
                if (rows.size() == maxRows) {
                    throw new InvalidInputException(field, "the file has more than " + maxRows
                            + " rows, the most one import takes (setting innercircle.crm.max-rows)");
                }
                rows.add(new Row(lines.lineOf(record.getCharacterPosition()), values));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Reading a string failed", e);
        }
        if (header == null || header.stream().allMatch(String::isEmpty)) {
            throw new InvalidInputException(field, "the file is empty; the first line must name the columns");
        }
        return new CsvFile(header, rows, separator);
    }

    private static String decode(String field, byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            // Excel and Salesforce write a byte order mark; it is not part of the first column's name.
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(field, "the file is not UTF-8 text; export it from the CRM as UTF-8 "
                    + "(CSV UTF-8 in Excel)");
        }
    }

    /** The separator used most in the header line: CRM exports from European locales use ';'. */
    static char detectDelimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        char best = ',';
        long most = 0;
        for (char c : new char[]{',', ';', '\t'}) {
            long count = first.chars().filter(x -> x == c).count();
            if (count > most) {
                most = count;
                best = c;
            }
        }
        return best;
    }

    private static String plain(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted value is never closed (a \" is missing)";
        }
        if (message.contains("Invalid character between encapsulated token and delimiter")) {
            return "text follows a closing quote; a \" inside a quoted value must be doubled (\"\")";
        }
        return message.replaceFirst("^.*IOException: ", "");
    }

    List<String> header() {
        return header;
    }

    List<Row> rows() {
        return rows;
    }

    char delimiter() {
        return delimiter;
    }

    /** The position of the column with this name (case, spaces and underscores ignored), or -1. */
    int column(String name) {
        return name == null ? -1 : columns.getOrDefault(normalize(name), -1);
    }

    /** The column's name as the file spells it. */
    String columnName(int column) {
        return header.get(column);
    }

    /** The value in the row, "" when the row is shorter than the header or the column is -1. */
    static String value(Row row, int column) {
        return column < 0 || column >= row.values().size() ? "" : row.values().get(column);
    }

    private static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_]", "");
    }

    /** Character offsets to physical line numbers; \n, \r\n and a lone \r each end a line. */
    private static final class LineIndex {

        private final int[] starts;
        private final String text;

        LineIndex(String text) {
            this.text = text;
            List<Integer> list = new ArrayList<>();
            list.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                    list.add(i + 1);
                }
            }
            starts = list.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The line of the first character at or after offset that is not a line break (blank lines skipped). */
        int lineOf(long offset) {
            int at = (int) offset;
            while (at < text.length() && (text.charAt(at) == '\n' || text.charAt(at) == '\r')) {
                at++;
            }
            int found = Arrays.binarySearch(starts, at);
            return (found >= 0 ? found : -found - 2) + 1;
        }
    }
}
