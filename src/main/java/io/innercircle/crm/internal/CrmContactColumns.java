package io.innercircle.crm.internal;

import io.innercircle.api.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GraphQL {@code CrmContactColumns}: which column of a contacts file holds what. The Salesforce contact export is the default; a generic file
 * names its columns in the request (only {@code key} and a name are required). A field whose column is not
 * given, or not in the file, is not imported: the map keeps what it has for it.
 *
 * <p>The name is either one column ({@code name}) or first and last name ({@code firstName}, {@code lastName}),
 * joined with a space.
 */
record CrmContactColumns(String key, String name, String firstName, String lastName, String title,
                      String department, String manager, String email, String accountId, String accountName) {

    /** Salesforce's contact export (Data Loader, reports and the list view export name the columns alike). */
    static final CrmContactColumns SALESFORCE = new CrmContactColumns("Id", null, "FirstName", "LastName", "Title",
            "Department", "ReportsToId", "Email", "AccountId", "Account Name");

    /** Other spellings Salesforce uses for the same columns (reports say "Contact ID", "First Name"...). */
    private static final Map<String, List<String>> SALESFORCE_ALIASES = Map.of(
            "Id", List.of("Contact ID", "ContactId"),
            "FirstName", List.of("First Name"),
            "LastName", List.of("Last Name"),
            "ReportsToId", List.of("Reports To ID", "Reports To: Contact ID", "ReportsTo.Id"),
            "Email", List.of("Email Address"),
            "AccountId", List.of("Account ID", "Account.Id"),
            "Account Name", List.of("AccountName", "Account.Name"));

    /** The caller's mapping from GraphQL or REST, trimmed and checked; null means the Salesforce export. */
    static CrmContactColumns checked(CrmContactColumns given) {
        if (given == null) {
            return SALESFORCE;
        }
        CrmContactColumns columns = new CrmContactColumns(text(given.key), text(given.name),
                text(given.firstName), text(given.lastName), text(given.title), text(given.department),
                text(given.manager), text(given.email), text(given.accountId), text(given.accountName));
        if (columns.key() == null) {
            throw new InvalidInputException("columns.key", "is required: name the column holding the CRM id");
        }
        if (columns.name() == null && columns.lastName() == null && columns.firstName() == null) {
            throw new InvalidInputException("columns.name",
                    "name the column with the full name, or firstName and lastName");
        }
        return columns;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The columns found in the file's header, by position (-1 when absent). */
    record Resolved(int key, int name, int firstName, int lastName, int title, int department, int manager,
                    int email, int accountId, int accountName) {

        boolean has(int column) {
            return column >= 0;
        }
    }

    /**
     * Finds the columns in the header. The key and a name must be there; a column the caller named explicitly
     * must be there too (a typo in a mapping should not silently import nothing).
     */
    Resolved resolve(CsvFile file, boolean explicit) {
        List<String> missing = new ArrayList<>();
        int k = find(file, key, explicit, missing, true);
        int n = find(file, name, explicit, missing, false);
        int first = find(file, firstName, explicit, missing, false);
        int last = find(file, lastName, explicit, missing, false);
        Resolved r = new Resolved(k, n, first, last, find(file, title, explicit, missing, false),
                find(file, department, explicit, missing, false), find(file, manager, explicit, missing, false),
                find(file, email, explicit, missing, false), find(file, accountId, explicit, missing, false),
                find(file, accountName, explicit, missing, false));
        if (!missing.isEmpty()) {
            throw new InvalidInputException("columns", "the file has no column " + String.join(", ", missing)
                    + " (its columns: " + String.join(", ", file.header()) + ")");
        }
        if (n < 0 && first < 0 && last < 0) {
            throw new InvalidInputException("columns", "the file has no name column (looked for "
                    + (name != null ? name : firstName + " / " + lastName) + "; its columns: "
                    + String.join(", ", file.header()) + ")");
        }
        return r;
    }

    private static int find(CsvFile file, String column, boolean explicit, List<String> missing, boolean required) {
        if (column == null) {
            return -1;
        }
        int found = file.column(column);
        for (String alias : explicit ? List.<String>of() : SALESFORCE_ALIASES.getOrDefault(column, List.of())) {
            if (found < 0) {
                found = file.column(alias);
            }
        }
        if (found < 0 && (explicit || required)) {
            missing.add("'" + column + "'");
        }
        return found;
    }
}
