package io.innercircle.crm.internal;

/** What the CRM said about a person ({@code Stakeholder.crm}); times are ISO-8601 text. */
record CrmPerson(String key, String email, String seenAt, boolean notInLastImport, String missingSince) {
}
