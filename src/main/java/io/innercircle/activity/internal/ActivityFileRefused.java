package io.innercircle.activity.internal;

/**
 * A file of an activity upload that cannot be read: names the file, the line (1 is the first; 0 when the
 * problem is the file as a whole), the field (a CSV column or an iCalendar property) and the reason. The whole
 * upload is refused and nothing is written.
 */
class ActivityFileRefused extends RuntimeException {

    private final String file;
    private final int line;
    private final String field;
    private final String reason;

    ActivityFileRefused(String file, int line, String field, String reason) {
        super(file + (line > 0 ? ", line " + line : "") + (field != null ? ", " + field : "") + ": " + reason);
        this.file = file;
        this.line = line;
        this.field = field;
        this.reason = reason;
    }

    String file() {
        return file;
    }

    int line() {
        return line;
    }

    String field() {
        return field;
    }

    String reason() {
        return reason;
    }
}
