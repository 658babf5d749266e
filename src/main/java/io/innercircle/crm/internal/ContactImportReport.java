package io.innercircle.crm.internal;

import java.util.List;

/**
 * What a contacts import did, or would do in a dry run: counts, every person created, updated, flagged or back,
 * with the fields that change, and every problem. A dry run and the real import of the same file against the
 * same map give the same report (apart from {@code dryRun}, {@code applied}, {@code version} and the timings).
 */
public record ContactImportReport(String account, boolean dryRun, boolean applied, Long version,
                                  boolean accountCreated, String crmAccount, String delimiter, int rows,
                                  int created, int updated, int unchanged, int notInImport, int backInImport,
                                  int otherAccountRows, int reportingLinesSet, int reportingLinesRemoved,
                                  List<PersonChange> changes, List<ImportProblem> problems, List<ImportStep> steps) {

    /** What happens to one person. {@code fields} names the CRM-owned fields that change. */
    public record PersonChange(Integer line, Action action, String stakeholder, String crmKey, String name,
                               List<String> fields) {
    }

    public enum Action { CREATE, UPDATE, NOT_IN_IMPORT, BACK_IN_IMPORT }

    public int errors() {
        return (int) problems.stream().filter(ImportProblem::isError).count();
    }
}
