package io.innercircle.analysis.health;

import io.innercircle.analysis.MapSnapshot.Contact;
import io.innercircle.analysis.AccountNetwork;
import io.innercircle.analysis.Texts;
import io.innercircle.analysis.deal.DealContext;
import io.innercircle.analysis.innercircle.InnerCircleReport;
import io.innercircle.vocabulary.BuyingRole;
import io.innercircle.vocabulary.Coverage;
import io.innercircle.vocabulary.Status;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks one deal's political map for the gaps the TAS method warns about. Each rule and its severity:
 *
 * <ul>
 *   <li>NO_DECISION_MAKER (HIGH), NO_APPROVER, NO_SPONSOR, NO_MENTOR (MEDIUM): nobody holds the role or status.
 *       A role held only by a placeholder counts as held; UNRESOLVED_PLACEHOLDER asks for the name.</li>
 *   <li>KEY_PLAYER_NOT_COVERED (HIGH): a key player nobody on our team has contact with (no contact record, or
 *       coverage NONE). KEY_PLAYER_BRIEF_COVERAGE (MEDIUM): our best contact with them is brief.</li>
 *   <li>NO_REAL_RELATIONSHIP (HIGH): nobody in the deal with multiple or in-depth contact. SINGLE_THREADED
 *       (HIGH): exactly one such person, so the campaign hangs on one relationship. SINGLE_COVERED (MEDIUM): one
 *       team member holds every contact, so the campaign hangs on one of us.</li>
 *   <li>NO_NON_SUPPORTERS (MEDIUM): statuses are recorded but nobody is a non-supporter or enemy; every deal has
 *       opposition, so the map is probably optimistic.</li>
 *   <li>OPPONENT_IN_INNER_CIRCLE (HIGH): an Inner Circle member (confirmed, or a candidate the rep has not
 *       rejected) is a non-supporter or enemy.</li>
 *   <li>STALE_CONTACT (MEDIUM): a key player's most recent dated contact is more than
 *       {@code staleAfterDays} before {@code today}. Contacts without a date are not aged.</li>
 *   <li>NEXT_STEP_OVERDUE (MEDIUM): the next step of a recorded relationship plan is past its due date.</li>
 *   <li>UNRESOLVED_PLACEHOLDER: a placeholder in the deal or the Inner Circle; HIGH when they hold a decision-maker,
 *       approver or sponsor role, MEDIUM otherwise.</li>
 * </ul>
 * Key players and the deal's people are those of {@link DealContext}: everyone involved in the deal plus the Inner
 * Circle. Relationships and coverage are counted over those people only: knowing someone outside the deal does not
 * protect it.
 *
 * <p><b>Complexity</b>: O(S + C) for S stakeholders and C contacts, once the Inner Circle report exists.
 */
public final class MapHealth {

    private MapHealth() {
    }

    public static MapHealthReport check(AccountNetwork graphs, InnerCircleReport innerCircle, String dealKey,
                                        HealthParameters parameters) {
        return check(DealContext.of(graphs, innerCircle, dealKey), parameters);
    }

    public static MapHealthReport check(DealContext deal, HealthParameters parameters) {
        List<HealthWarning> warnings = new ArrayList<>();
        new Rules(deal, parameters, warnings).run();
        warnings.sort(Comparator.comparing(HealthWarning::severity).thenComparing(HealthWarning::code));
        return new MapHealthReport(deal.deal().key(), warnings);
    }

    private record Rules(DealContext deal, HealthParameters params, List<HealthWarning> out) {

        private AccountNetwork g() {
            return deal.network();
        }

        void run() {
            missingRole(BuyingRole.DECISION_MAKER, WarningCode.NO_DECISION_MAKER, Severity.HIGH,
                    "No decision maker identified: find out who makes the final decision.");
            missingRole(BuyingRole.APPROVER, WarningCode.NO_APPROVER, Severity.MEDIUM,
                    "No approver identified: find out who must sign off and who can say no.");
            missingRole(BuyingRole.SPONSOR, WarningCode.NO_SPONSOR, Severity.MEDIUM,
                    "No sponsor identified: find someone who will champion the project inside the customer.");
            if (deal.withStatus(Status.MENTOR).isEmpty()) {
                add(Severity.MEDIUM, WarningCode.NO_MENTOR, List.of(),
                        "No mentor identified: nobody is guiding us through the politics of this deal. Look among "
                                + "supporters with influence.");
            }
            coverage();
            relationships();
            optimism();
            opponentsInInnerCircle();
            staleContacts();
            overdueNextSteps();
            placeholders();
        }

        private void missingRole(BuyingRole role, WarningCode code, Severity severity, String message) {
            if (deal.holders(role).isEmpty()) {
                add(severity, code, List.of(), message);
            }
        }

        private void coverage() {
            for (String key : deal.keyPlayers()) {
                Coverage best = g().bestCoverage(key);
                if (best == null || best == Coverage.NONE) {
                    add(Severity.HIGH, WarningCode.KEY_PLAYER_NOT_COVERED, List.of(key),
                            "Nobody on our team has contact with " + g().describe(key) + ", " + why(key)
                                    + ". Plan a first meeting.");
                } else if (best == Coverage.BRIEF) {
                    add(Severity.MEDIUM, WarningCode.KEY_PLAYER_BRIEF_COVERAGE, List.of(key),
                            "Our only contact with " + g().describe(key) + ", " + why(key)
                                    + ", is brief. Build a deeper relationship.");
                }
            }
        }

        private void relationships() {
            List<String> people = deal.stakeholders();
            List<String> real = people.stream()
                    .filter(k -> g().bestCoverage(k) != null && g().bestCoverage(k).isRealRelationship())
                    .toList();
            if (real.isEmpty()) {
                add(Severity.HIGH, WarningCode.NO_REAL_RELATIONSHIP, List.of(),
                        "Nobody in this deal has more than brief contact with our team. Build real relationships, "
                                + "starting with the key players.");
            } else if (real.size() == 1) {
                add(Severity.HIGH, WarningCode.SINGLE_THREADED, real,
                        "Single-threaded: " + g().describe(real.get(0)) + " is our only real relationship in this "
                                + "deal. If they leave or turn, we lose our way in; build relationships with others.");
            }
            Map<String, String> members = people.stream()
                    .flatMap(k -> g().contactsOf(k).stream())
                    .filter(c -> Coverage.parse(c.coverage()) != Coverage.NONE)
                    .collect(Collectors.toMap(Contact::teamMember, AccountNetwork::teamMemberName, (a, b) -> a));
            if (members.size() == 1) {
                List<String> covered = people.stream()
                        .filter(k -> g().bestCoverage(k) != null && g().bestCoverage(k) != Coverage.NONE)
                        .toList();
                add(Severity.MEDIUM, WarningCode.SINGLE_COVERED, covered,
                        members.values().iterator().next() + " holds every relationship in this deal. Bring "
                                + "another team member in, so the campaign does not hang on one person.");
            }
        }

        private void optimism() {
            List<String> withStatus = deal.stakeholders().stream().filter(k -> deal.status(k) != null).toList();
            boolean anyOpposed = withStatus.stream().anyMatch(k -> deal.status(k).isOpposed());
            if (!withStatus.isEmpty() && !anyOpposed) {
                add(Severity.MEDIUM, WarningCode.NO_NON_SUPPORTERS, List.of(),
                        "No non-supporters or enemies on the map. Every deal has opposition: find out who prefers "
                                + "the competitor or the status quo.");
            }
        }

        private void opponentsInInnerCircle() {
            for (String key : deal.stakeholders()) {
                Status s = deal.status(key);
                if (deal.innerCircle(key) && s != null && s.isOpposed()) {
                    add(Severity.HIGH, WarningCode.OPPONENT_IN_INNER_CIRCLE, List.of(key),
                            g().describe(key) + " is Inner Circle and " + Texts.withArticle(s.label()) + ". They can control the "
                                    + "outcome: plan how to neutralize their influence.");
                }
            }
        }

        private void staleContacts() {
            for (String key : deal.keyPlayers()) {
                Optional<LocalDate> last = g().contactsOf(key).stream().map(Contact::lastContact)
                        .filter(Objects::nonNull).max(Comparator.naturalOrder());
                if (last.isEmpty()) {
                    continue;
                }
                long days = ChronoUnit.DAYS.between(last.get(), params.today());
                if (days > params.staleAfterDays()) {
                    add(Severity.MEDIUM, WarningCode.STALE_CONTACT, List.of(key),
                            "Last contact with " + g().describe(key) + ", " + why(key) + ", was on " + last.get()
                                    + ", " + days + " days ago. Get back in touch.");
                }
            }
        }

        private void overdueNextSteps() {
            for (var step : deal.deal().nextSteps()) {
                if (step.due().isBefore(params.today()) && g().contains(step.stakeholder())) {
                    long days = ChronoUnit.DAYS.between(step.due(), params.today());
                    add(Severity.MEDIUM, WarningCode.NEXT_STEP_OVERDUE, List.of(step.stakeholder()),
                            "The next step with " + g().describe(step.stakeholder()) + " (\"" + step.what()
                                    + "\") was due on " + step.due() + ", " + days + " days ago. Do it or re-plan it.");
                }
            }
        }

        private void placeholders() {
            for (String key : deal.stakeholders()) {
                if (!g().person(key).placeholder()) {
                    continue;
                }
                List<String> keyRoles = deal.roles(key).stream().filter(BuyingRole::isKey)
                        .map(BuyingRole::label).toList();
                add(keyRoles.isEmpty() ? Severity.MEDIUM : Severity.HIGH, WarningCode.UNRESOLVED_PLACEHOLDER,
                        List.of(key), (keyRoles.isEmpty()
                                ? g().describe(key) + " is still a placeholder."
                                : "The " + Texts.joinAnd(keyRoles) + " is still a placeholder ("
                                + g().describe(key) + ").") + " Find out who it is.");
            }
        }

        /** "a decision maker", "an Inner Circle member", "an approver and Inner Circle member". */
        private String why(String key) {
            List<String> parts = new ArrayList<>(deal.roles(key).stream().filter(BuyingRole::isKey)
                    .map(BuyingRole::label).toList());
            if (deal.innerCircle(key)) {
                parts.add("Inner Circle member");
            }
            return Texts.withArticle(Texts.joinAnd(parts));
        }

        private void add(Severity severity, WarningCode code, List<String> people, String message) {
            out.add(new HealthWarning(severity, code, people, message));
        }
    }
}
