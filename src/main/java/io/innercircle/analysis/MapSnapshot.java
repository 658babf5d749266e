package io.innercircle.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Everything the analysis needs about one account, read from the map as flat rows in one query.
 * Pure values: no database, no Spring. Keys are the stakeholders' stable keys within the account.
 *
 * <p>Direction of influence: {@code InfluenceLine(from, to, strength)} means from's opinion shapes
 * to's decisions (to listens to from, to goes to from for advice). Strength is 1 (weak) to 3 (strong).
 */
public record MapSnapshot(
        String accountKey,
        long version,
        List<Person> people,
        List<ReportingLine> reportingLines,
        List<InfluenceLine> influenceLines,
        List<ConflictLine> conflictLines,
        List<Contact> contacts,
        List<Deal> deals) {

    /**
     * A stakeholder. {@code rank}, {@code judgedInfluence} and {@code judgedInnerCircle} may be null (not judged).
     * {@code adaptability} is the rep's reading of how the person adopts change: INNOVATOR, VISIONARY, PRAGMATIST,
     * CONSERVATIVE, LAGGARD, or null when not judged.
     */
    public record Person(String key, String name, String title, String department, Integer rank,
                         Integer judgedInfluence, Boolean judgedInnerCircle, boolean external, boolean placeholder,
                         String adaptability) {
    }

    /** {@code person} reports to {@code manager} (the formal line). */
    public record ReportingLine(String person, String manager) {}

    /** {@code from}'s opinion shapes {@code to}'s decisions, with strength 1..3. */
    public record InfluenceLine(String from, String to, int strength) {}

    /** Rivalry or opposition between two people; undirected. */
    public record ConflictLine(String a, String b) {}

    /** Our team member's contact with a stakeholder: coverage NONE/BRIEF/MULTIPLE/IN_DEPTH. */
    public record Contact(String teamMember, String teamMemberName, String stakeholder, String coverage,
                          LocalDate lastContact, String relationship) {}

    /**
     * One opportunity with each involved stakeholder's buying roles and our status with them, and the next steps
     * recorded in its relationship plans.
     */
    public record Deal(String key, String name, String stage, Double amount, String currency,
                       LocalDate closeDate, List<Involvement> involvements, List<NextStep> nextSteps) {

        public Deal {
            nextSteps = nextSteps == null ? List.of() : List.copyOf(nextSteps);
        }

        public Deal(String key, String name, String stage, Double amount, String currency, LocalDate closeDate,
                    List<Involvement> involvements) {
            this(key, name, stage, amount, currency, closeDate, involvements, List.of());
        }
    }

    /** The next step of a relationship plan with a stakeholder, due on a date. */
    public record NextStep(String stakeholder, String what, LocalDate due) {}

    /** Buying roles (subset of USER, EVALUATOR, DECISION_MAKER, APPROVER, SPONSOR) and status (MENTOR..ENEMY, or null). */
    public record Involvement(String stakeholder, Set<String> roles, String status) {}
}
