package io.innercircle.plan.internal;

import io.innercircle.analysis.health.Severity;
import io.innercircle.assessment.Assessment;
import io.innercircle.assessment.Criterion;
import io.innercircle.map.Opportunity;
import io.innercircle.plan.internal.PlanData.Tactic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The checks of a plan (TAS modules 5 and 6: "determine what is missing", "create accountability"):
 * <ul>
 *   <li>the objective names a specific offering, an amount and a close date;</li>
 *   <li>every PRIME category has at least one tactic;</li>
 *   <li>every criterion rated ? (for us or a competitor) has a "Retrieve missing information" tactic that
 *   addresses it: the tactic lists the criterion, or its text names it ("#15" or "political alignment");</li>
 *   <li>every open tactic has an owner and a due date;</li>
 *   <li>no open tactic is overdue (due before today).</li>
 * </ul>
 * Done tactics need no owner or date any more: accountability is for what is still to do.
 */
public final class PlanChecks {

    public enum Code {
        OBJECTIVE_INCOMPLETE, PRIME_CATEGORY_EMPTY, UNKNOWN_WITHOUT_RETRIEVE_TACTIC, TACTIC_WITHOUT_OWNER,
        TACTIC_WITHOUT_DATE, TACTIC_OVERDUE
    }

    /**
     * One finding.
     *
     * @param prime     the category concerned, or null
     * @param criterion the criterion concerned, or null
     * @param tactic    the id of the tactic concerned, or null
     */
    public record Check(Code code, Severity severity, String message, Prime prime, Integer criterion,
                        String tactic) {
    }

    /** What the objective lacks; complete when nothing. */
    public record ObjectiveCheck(boolean complete, boolean objective, boolean offering, boolean amount,
                                 boolean closeDate, List<String> problems) {
    }

    private PlanChecks() {
    }

    public static ObjectiveCheck objective(Opportunity o, String offering) {
        List<String> problems = new ArrayList<>();
        boolean objective = o.objective() != null && !o.objective().isBlank();
        boolean named = offering != null && !offering.isBlank();
        boolean amount = o.amount() != null && o.amount() > 0;
        boolean date = o.closeDate() != null;
        if (!objective) {
            problems.add("write the objective: what the customer will commit to, how much, by when");
        }
        if (!named) {
            problems.add("name the specific product or service the objective is for");
        }
        if (!amount) {
            problems.add("give the order amount (the opportunity's amount)");
        }
        if (!date) {
            problems.add("give the close date (the opportunity's close date)");
        }
        return new ObjectiveCheck(problems.isEmpty(), objective, named, amount, date, problems);
    }

    public static List<Check> check(Opportunity o, PlanData plan, Assessment assessment, LocalDate today) {
        List<Check> checks = new ArrayList<>();
        ObjectiveCheck objective = objective(o, plan.offering());
        if (!objective.complete()) {
            checks.add(new Check(Code.OBJECTIVE_INCOMPLETE, Severity.MEDIUM, "The objective is not yet specific, "
                    + "measurable and time-bound: " + String.join("; ", objective.problems()), null, null, null));
        }
        for (Prime p : Prime.values()) {
            if (plan.tactics().stream().noneMatch(t -> t.prime() == p)) {
                checks.add(new Check(Code.PRIME_CATEGORY_EMPTY, Severity.LOW,
                        "No tactic to " + p.title().toLowerCase(Locale.ROOT) + " (" + p.letter() + " of PRIME)",
                        p, null, null));
            }
        }
        for (Criterion c : assessment.ratedUnknown()) {
            boolean covered = plan.tactics().stream()
                    .anyMatch(t -> t.prime() == Prime.RETRIEVE_INFORMATION && addresses(t, c));
            if (!covered) {
                checks.add(new Check(Code.UNKNOWN_WITHOUT_RETRIEVE_TACTIC, Severity.MEDIUM, c.label()
                        + " is rated ? but no \"Retrieve missing information\" tactic addresses it", null,
                        c.number(), null));
            }
        }
        List<Tactic> open = plan.tactics().stream().filter(t -> !t.done())
                .sorted(Comparator.comparingInt(Tactic::position)).toList();
        for (Tactic t : open) {
            if (t.ownerKey() == null) {
                checks.add(new Check(Code.TACTIC_WITHOUT_OWNER, Severity.MEDIUM,
                        "\"" + shorten(t.what()) + "\" has no owner", t.prime(), null, t.id()));
            }
            if (t.due() == null) {
                checks.add(new Check(Code.TACTIC_WITHOUT_DATE, Severity.MEDIUM,
                        "\"" + shorten(t.what()) + "\" has no due date", t.prime(), null, t.id()));
            } else if (t.overdue(today)) {
                checks.add(new Check(Code.TACTIC_OVERDUE, Severity.HIGH, "\"" + shorten(t.what()) + "\" was due on "
                        + t.due() + (t.ownerName() == null ? "" : " (" + t.ownerName() + ")") + " and is not done",
                        t.prime(), null, t.id()));
            }
        }
        checks.sort(Comparator.comparing(Check::severity));
        return checks;
    }

    /** The tactic lists the criterion, or its text names it by number ("#15") or by name. */
    public static boolean addresses(Tactic t, Criterion c) {
        if (t.criteria().contains(c.number())) {
            return true;
        }
        String what = t.what() == null ? "" : t.what();
        return Pattern.compile("#" + c.number() + "(?!\\d)").matcher(what).find()
                || what.toLowerCase(Locale.ROOT).contains(c.title().toLowerCase(Locale.ROOT));
    }

    static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
