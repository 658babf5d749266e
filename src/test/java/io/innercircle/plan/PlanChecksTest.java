package io.innercircle.plan;

import io.innercircle.plan.internal.PlanChecks;
import io.innercircle.plan.internal.PlanData;
import io.innercircle.plan.internal.Prime;
import io.innercircle.assessment.Assessment;
import io.innercircle.assessment.Criterion;
import io.innercircle.assessment.Rating;
import io.innercircle.map.Opportunity;
import io.innercircle.plan.internal.PlanChecks.Code;
import io.innercircle.plan.internal.PlanData.Tactic;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each plan check firing, and not firing once the plan has what it asks for. */
class PlanChecksTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 10);
    private static final Opportunity COMPLETE = new Opportunity("a", "o", "Deal", 100_000.0, "USD",
            LocalDate.of(2027, 3, 31), "DEVELOP", "x", null, "goal", "Secure $100k for the suite by March 31");

    private static Tactic tactic(int position, Prime prime, String what, String owner, LocalDate due, boolean done,
                                 Integer... criteria) {
        return new Tactic("a", "t" + position, position, prime, what, owner, owner, due, null, null, done,
                List.of(criteria));
    }

    /** One owned, dated, open tactic per PRIME category, due after today. */
    private static List<Tactic> fullPlan() {
        List<Tactic> tactics = new ArrayList<>();
        for (Prime p : Prime.values()) {
            tactics.add(tactic(p.ordinal(), p, "do " + p, "randy", TODAY.plusDays(5), false));
        }
        return tactics;
    }

    private static PlanData plan(String offering, List<Tactic> tactics) {
        return new PlanData(offering, tactics, List.of(), Map.of(), List.of());
    }

    private static Assessment ratedUnknown(Criterion... unknown) {
        Map<Criterion, Assessment.Entry> entries = new java.util.HashMap<>();
        Arrays.stream(unknown).forEach(c -> entries.put(c, new Assessment.Entry(Rating.UNKNOWN, Map.of(), null)));
        return new Assessment(List.of(), entries);
    }

    private static List<Code> codes(Opportunity o, PlanData plan, Assessment a) {
        return PlanChecks.check(o, plan, a, TODAY).stream().map(PlanChecks.Check::code).toList();
    }

    @Test
    void aCompletePlanPassesEveryCheck() {
        assertThat(codes(COMPLETE, plan("Service suite", fullPlan()), ratedUnknown())).isEmpty();
    }

    @Test
    void theObjectiveNeedsAnOfferingAnAmountAndACloseDate() {
        Opportunity vague = new Opportunity("a", "o", "Deal", null, null, null, "DEVELOP", null, null, null, null);
        PlanChecks.ObjectiveCheck check = PlanChecks.objective(vague, null);
        assertThat(check.complete()).isFalse();
        assertThat(check.problems()).hasSize(4);
        assertThat(codes(vague, plan(null, fullPlan()), ratedUnknown())).containsExactly(Code.OBJECTIVE_INCOMPLETE);
        assertThat(PlanChecks.objective(COMPLETE, "Service suite").complete()).isTrue();
    }

    @Test
    void aPrimeCategoryWithNoTacticIsReported() {
        List<Tactic> tactics = fullPlan();
        tactics.remove(Prime.INSULATE.ordinal());
        List<PlanChecks.Check> checks = PlanChecks.check(COMPLETE, plan("s", tactics), ratedUnknown(), TODAY);
        assertThat(checks).singleElement().satisfies(c -> {
            assertThat(c.code()).isEqualTo(Code.PRIME_CATEGORY_EMPTY);
            assertThat(c.prime()).isEqualTo(Prime.INSULATE);
            assertThat(c.message()).isEqualTo("No tactic to insulate against competition (I of PRIME)");
        });
    }

    @Test
    void anUnknownCriterionNeedsARetrieveTacticThatAddressesIt() {
        Assessment unknown = ratedUnknown(Criterion.POLITICAL_ALIGNMENT, Criterion.COMPELLING_EVENT);
        assertThat(codes(COMPLETE, plan("s", fullPlan()), unknown)).containsExactly(
                Code.UNKNOWN_WITHOUT_RETRIEVE_TACTIC, Code.UNKNOWN_WITHOUT_RETRIEVE_TACTIC);

        List<Tactic> tactics = fullPlan();
        tactics.add(tactic(5, Prime.RETRIEVE_INFORMATION, "Find out who Morgan advises (#15)", "randy",
                TODAY.plusDays(3), false));
        tactics.add(tactic(6, Prime.RETRIEVE_INFORMATION, "Ask Dana", "randy", TODAY.plusDays(3), false, 5));
        assertThat(codes(COMPLETE, plan("s", tactics), unknown)).isEmpty();

        // A tactic of another category, or naming #150, does not count.
        List<Tactic> wrong = fullPlan();
        wrong.add(tactic(5, Prime.PROVE_VALUE, "Political alignment workshop", "randy", TODAY.plusDays(3), false));
        wrong.add(tactic(6, Prime.RETRIEVE_INFORMATION, "Check item #150", "randy", TODAY.plusDays(3), false));
        assertThat(codes(COMPLETE, plan("s", wrong), ratedUnknown(Criterion.POLITICAL_ALIGNMENT, Criterion.ACCESS_TO_FUNDS)))
                .hasSize(2);
        List<Tactic> byName = fullPlan();
        byName.add(tactic(5, Prime.RETRIEVE_INFORMATION, "Map the political alignment of the board", "randy",
                TODAY.plusDays(3), false));
        assertThat(codes(COMPLETE, plan("s", byName), ratedUnknown(Criterion.POLITICAL_ALIGNMENT))).isEmpty();
    }

    @Test
    void anOpenTacticNeedsAnOwnerAndADateButADoneOneDoesNot() {
        List<Tactic> tactics = fullPlan();
        tactics.add(tactic(5, Prime.INSULATE, "Brief the partner", null, null, false));
        tactics.add(tactic(6, Prime.INSULATE, "Old task", null, null, true));
        List<PlanChecks.Check> checks = PlanChecks.check(COMPLETE, plan("s", tactics), ratedUnknown(), TODAY);
        assertThat(checks).extracting(PlanChecks.Check::code)
                .containsExactly(Code.TACTIC_WITHOUT_OWNER, Code.TACTIC_WITHOUT_DATE);
        assertThat(checks).extracting(PlanChecks.Check::tactic).containsOnly("a/t5");
    }

    @Test
    void anOpenTacticDueBeforeTodayIsOverdue() {
        List<Tactic> tactics = fullPlan();
        tactics.add(tactic(5, Prime.PROVE_VALUE, "Reference visit", "randy", TODAY.minusDays(1), false));
        tactics.add(tactic(6, Prime.PROVE_VALUE, "Demo", "randy", TODAY, false));
        tactics.add(tactic(7, Prime.PROVE_VALUE, "Pilot", "randy", TODAY.minusDays(9), true));
        List<PlanChecks.Check> checks = PlanChecks.check(COMPLETE, plan("s", tactics), ratedUnknown(), TODAY);
        assertThat(checks).singleElement().satisfies(c -> {
            assertThat(c.code()).isEqualTo(Code.TACTIC_OVERDUE);
            assertThat(c.message()).isEqualTo("\"Reference visit\" was due on 2027-01-09 (randy) and is not done");
        });
    }
}
