package io.innercircle.crm.internal;

import java.util.List;

/**
 * A real import refused because the file has errors; nothing was written. Carries the full report, so REST
 * can answer it whole and GraphQL can give one error per problem.
 */
public class ImportRefusedException extends RuntimeException {

    private final transient Object report;
    private final List<ImportProblem> problems;

    ImportRefusedException(Object report, List<ImportProblem> problems) {
        super(summary(problems));
        this.report = report;
        this.problems = problems.stream().filter(ImportProblem::isError).toList();
    }

    Object report() {
        return report;
    }

    List<ImportProblem> errors() {
        return problems;
    }

    private static String summary(List<ImportProblem> problems) {
        List<ImportProblem> errors = problems.stream().filter(ImportProblem::isError).toList();
        return "The import was refused, nothing was written (" + errors.size() + " error"
                + (errors.size() == 1 ? "" : "s") + "), first: " + errors.get(0).describe();
    }
}
