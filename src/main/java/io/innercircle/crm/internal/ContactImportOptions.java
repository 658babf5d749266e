package io.innercircle.crm.internal;

import io.innercircle.api.InvalidInputException;

/**
 * How to read a contacts file: the separator (null: from the header line), the column mapping (null: the
 * Salesforce contact export), which CRM account's rows to take when the file holds several, and the name of the
 * account if the import creates it (null: the file's Account Name, else the account key).
 */
record ContactImportOptions(Character delimiter, CrmContactColumns columns, boolean explicitColumns,
                            String crmAccount, String accountName) {

    /** The options as given, checked; null: all defaults. */
    static ContactImportOptions of(CrmContactOptions given) {
        CrmContactOptions o = given == null ? CrmContactOptions.NONE : given;
        return new ContactImportOptions(delimiter(o.delimiter()), CrmContactColumns.checked(o.columns()),
                o.columns() != null, blankToNull(o.crmAccount()), blankToNull(o.accountName()));
    }

    /** ",", ";", "tab" or "\t", "|"; null or empty: detect. */
    static Character delimiter(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.equals("\t") || text.equalsIgnoreCase("tab")) {
            return '\t';
        }
        if (text.length() != 1 || "\"\r\n".contains(text)) {
            throw new InvalidInputException("delimiter", "must be one character such as , or ; or tab (got '"
                    + text + "')");
        }
        return text.charAt(0);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
