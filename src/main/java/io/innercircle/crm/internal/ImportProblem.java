package io.innercircle.crm.internal;

/**
 * Something wrong with one row (or with the whole file, line 1 being the header): where it is and why.
 * {@code line} is the physical line in the file where the row starts, counting the lines inside quoted values,
 * so a spreadsheet or editor opened at that line shows the row. Errors stop the import; warnings (a CRM role
 * with no buying role) are reported and the rest of the row is imported.
 */
public record ImportProblem(int line, String column, String value, Code code, String reason, Severity severity) {

    public enum Severity { ERROR, WARNING }

    /** What is wrong, for a client that acts on it; {@code reason} says the same in words. */
    public enum Code {
        MISSING_KEY, DUPLICATE_KEY, KEY_TAKEN, WRONG_VALUE_COUNT, MISSING_NAME, NOT_AN_EMAIL, TOO_LONG,
        UNKNOWN_MANAGER, MANAGER_CYCLE, UNKNOWN_CONTACT, UNKNOWN_OPPORTUNITY, NO_ROLE, UNMAPPED_ROLE
    }

    static ImportProblem error(Code code, int line, String column, String value, String reason) {
        return new ImportProblem(line, column, value, code, reason, Severity.ERROR);
    }

    static ImportProblem warning(Code code, int line, String column, String value, String reason) {
        return new ImportProblem(line, column, value, code, reason, Severity.WARNING);
    }

    boolean isError() {
        return severity == Severity.ERROR;
    }

    /** "line 7, column ReportsToId: unknown manager '003X'" */
    String describe() {
        return "line " + line + (column == null ? "" : ", column " + column) + ": " + reason;
    }
}
