package io.innercircle.crm.internal;

/**
 * A stakeholder already in the account, as the import needs to see them: the CRM-owned fields, the manager
 * line and whether that line came from the CRM (a line drawn by hand is kept when the CRM names no manager).
 */
record ExistingPerson(String key, String crmKey, String name, String title, String department, String email,
                      String managerKey, boolean managerFromCrm, boolean notInLastImport) {
}
