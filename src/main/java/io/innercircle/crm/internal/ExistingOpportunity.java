package io.innercircle.crm.internal;

/** An opportunity of the account, with the CRM id it was linked to (or null). */
record ExistingOpportunity(String key, String crmKey) {
}
