package io.innercircle.crm.internal;

import java.util.List;

/**
 * What an opportunity contact roles import did, or would do in a dry run: involvements (a person's buying
 * roles in one opportunity) created, updated, unchanged and cleared of CRM roles, the opportunities linked to
 * their CRM id or created, and every problem (CRM roles with no buying role are warnings).
 */
public record RoleImportReport(String account, boolean dryRun, boolean applied, Long version, String delimiter,
                               int rows, int created, int updated, int unchanged, int removed,
                               int opportunitiesLinked, int opportunitiesCreated,
                               List<InvolvementChange> changes, List<ImportProblem> problems,
                               List<ImportStep> steps) {

    /**
     * One person in one opportunity: the roles after the import ({@code roles}) and which of them the CRM
     * set ({@code crmRoles}; the others were set by hand and stay whatever the CRM says).
     */
    public record InvolvementChange(Integer line, Action action, String opportunity, String stakeholder,
                                    List<String> roles, List<String> crmRoles) {
    }

    public enum Action { CREATE, UPDATE, REMOVE }
}
