package io.innercircle.crm.internal;

/**
 * GraphQL {@code CrmContactOptions} (and the REST query parameters): how to read a contacts file. See
 * {@link ContactImportOptions} for what each means once checked.
 */
record CrmContactOptions(String delimiter, CrmContactColumns columns, String crmAccount, String accountName) {

    static final CrmContactOptions NONE = new CrmContactOptions(null, null, null, null);
}
