package io.innercircle.bundle.internal;

import java.util.List;

/** The bundle was refused before anything was written; carries every problem found, not just the first. */
public class BundleRejectedException extends RuntimeException {

    private final List<BundleProblem> problems;

    public BundleRejectedException(List<BundleProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public BundleRejectedException(BundleProblem problem) {
        this(List.of(problem));
    }

    public List<BundleProblem> problems() {
        return problems;
    }

    private static String summary(List<BundleProblem> problems) {
        if (problems.isEmpty()) {
            return "The bundle was refused";
        }
        BundleProblem first = problems.get(0);
        String where = first.pointer().isEmpty() ? "" : first.pointer() + ": ";
        return "The bundle was refused (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + "), first: " + where + first.message();
    }
}
