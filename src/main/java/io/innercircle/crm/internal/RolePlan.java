package io.innercircle.crm.internal;

import io.innercircle.crm.internal.RoleImportReport.InvolvementChange;

import java.util.List;
import java.util.Map;

/**
 * The effect of an opportunity contact roles file, worked out before writing.
 *
 * @param newOpportunities {key, crmKey, name} of opportunities to create
 * @param links            {key, crmKey}: existing opportunities that get their CRM id
 * @param involvements     {person, opportunity, roles, crmRoles} to write (MERGE)
 * @param removals         {person, opportunity}: involvements left with no role and no status
 */
record RolePlan(char delimiter, int rows, List<Map<String, Object>> newOpportunities,
                List<Map<String, Object>> links, List<Map<String, Object>> involvements,
                List<Map<String, Object>> removals, int created, int updated, int unchanged,
                List<InvolvementChange> changes, List<ImportProblem> problems) {

    boolean hasErrors() {
        return problems.stream().anyMatch(ImportProblem::isError);
    }

    RoleImportReport report(String account, boolean dryRun, boolean applied, Long version, List<ImportStep> steps) {
        return new RoleImportReport(account, dryRun, applied, version, String.valueOf(delimiter), rows, created,
                updated, unchanged, removals.size(), links.size(), newOpportunities.size(), changes, problems, steps);
    }
}
