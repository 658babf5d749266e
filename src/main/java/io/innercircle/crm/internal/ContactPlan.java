package io.innercircle.crm.internal;

import io.innercircle.crm.internal.ContactImportReport.PersonChange;

import java.util.List;
import java.util.Map;

/**
 * The effect of a contacts file on an account's map, worked out in memory before anything is written: what the
 * report tells and the rows the writer sends to Neo4j. A plan with errors is never written.
 *
 * @param creates       new people: every property to set
 * @param updates       {key, props}: people found by CRM id (or linked by key) and the CRM-owned fields that change
 * @param managerLines  {key, manager}: the person's reporting line is replaced by a CRM line to manager
 * @param managerClears keys whose CRM reporting line goes (the CRM names no manager any more)
 * @param seen          keys of everyone in the file: seen in this import, no longer flagged
 * @param notInImport   keys of CRM people missing from the file: flagged, never deleted
 */
record ContactPlan(String crmAccount, String accountName, char delimiter, int rows, int otherAccountRows,
                   List<Map<String, Object>> creates, List<Map<String, Object>> updates,
                   List<Map<String, Object>> managerLines, List<String> managerClears, List<String> seen,
                   List<String> notInImport, int updated, int unchanged, int backInImport, List<PersonChange> changes,
                   List<ImportProblem> problems) {

    boolean hasErrors() {
        return problems.stream().anyMatch(ImportProblem::isError);
    }

    ContactImportReport report(String account, boolean dryRun, boolean applied, Long version,
                               boolean accountCreated, List<ImportStep> steps) {
        return new ContactImportReport(account, dryRun, applied, version, accountCreated, crmAccount,
                String.valueOf(delimiter), rows, creates.size(), updated, unchanged, notInImport.size(),
                backInImport, otherAccountRows, managerLines.size(), managerClears.size(), changes, problems, steps);
    }
}
