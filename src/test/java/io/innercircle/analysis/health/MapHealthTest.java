package io.innercircle.analysis.health;

import io.innercircle.analysis.MapSnapshot;
import io.innercircle.analysis.MapSnapshot.Contact;
import io.innercircle.analysis.MapSnapshot.Deal;
import io.innercircle.analysis.MapSnapshot.Involvement;
import io.innercircle.analysis.MapSnapshot.Person;
import io.innercircle.analysis.AccountNetwork;
import io.innercircle.analysis.Bundles;
import io.innercircle.analysis.MapBuilder;
import io.innercircle.analysis.innercircle.CandidateScoring;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import static io.innercircle.analysis.health.WarningCode.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class MapHealthTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 15);
    private static final LocalDate RECENT = LocalDate.of(2026, 11, 1);

    /** Every role and a mentor named, an opponent known, two of us with real relationships: nothing to warn about. */
    private static MapSnapshot healthy() {
        return MapBuilder.map()
                .person("dm", "CIO", "IT", 5).person("ap", "CFO", "Finance", 5)
                .person("sp", "Head of Service", "Service", 4).person("men", "Architect", "IT", 3)
                .person("opp", "Buyer", "Purchasing", 3)
                .involved("d", "dm", "NEUTRAL", "DECISION_MAKER")
                .involved("d", "ap", "SUPPORTER", "APPROVER")
                .involved("d", "sp", "SUPPORTER", "SPONSOR")
                .involved("d", "men", "MENTOR", "EVALUATOR")
                .involved("d", "opp", "NON_SUPPORTER", "USER")
                .contact("randy", "dm", "IN_DEPTH", RECENT)
                .contact("nicole", "ap", "MULTIPLE", RECENT)
                .contact("randy", "sp", "MULTIPLE", RECENT)
                .contact("nicole", "men", "IN_DEPTH", RECENT)
                .build();
    }

    private static MapHealthReport check(MapSnapshot graph) {
        return check(graph, HealthParameters.asOf(TODAY));
    }

    private static MapHealthReport check(MapSnapshot graph, HealthParameters params) {
        AccountNetwork g = AccountNetwork.of(graph);
        return MapHealth.check(g, CandidateScoring.analyse(g), graph.deals().get(0).key(), params);
    }

    private static MapSnapshot withInvolvements(MapSnapshot g, UnaryOperator<List<Involvement>> change) {
        Deal d = g.deals().get(0);
        Deal changed = new Deal(d.key(), d.name(), d.stage(), d.amount(), d.currency(), d.closeDate(),
                change.apply(new ArrayList<>(d.involvements())));
        return new MapSnapshot(g.accountKey(), g.version(), g.people(), g.reportingLines(), g.influenceLines(),
                g.conflictLines(), g.contacts(), List.of(changed));
    }

    private static MapSnapshot setInvolvement(MapSnapshot g, String key, String status, String... roles) {
        return withInvolvements(g, list -> {
            list.replaceAll(i -> i.stakeholder().equals(key) ? new Involvement(key, Set.of(roles), status) : i);
            return list;
        });
    }

    private static MapSnapshot withContacts(MapSnapshot g, List<Contact> contacts) {
        return new MapSnapshot(g.accountKey(), g.version(), g.people(), g.reportingLines(), g.influenceLines(),
                g.conflictLines(), contacts, g.deals());
    }

    private static MapSnapshot withPerson(MapSnapshot g, Person p) {
        List<Person> people = g.people().stream().map(x -> x.key().equals(p.key()) ? p : x).toList();
        return new MapSnapshot(g.accountKey(), g.version(), people, g.reportingLines(), g.influenceLines(),
                g.conflictLines(), g.contacts(), g.deals());
    }

    private static Contact contact(String member, String key, String coverage, LocalDate last) {
        return new Contact(member, member, key, coverage, last, null);
    }

    @Test
    void aHealthyMapHasNoWarnings() {
        assertThat(check(healthy()).warnings()).isEmpty();
    }

    @Test
    void courseExample() {
        MapHealthReport r = check(Bundles.courseExample());

        assertThat(r.warnings()).extracting(HealthWarning::severity, HealthWarning::code, HealthWarning::people)
                .containsExactly(
                        tuple(Severity.HIGH, KEY_PLAYER_NOT_COVERED, List.of("cons")),
                        tuple(Severity.MEDIUM, NO_SPONSOR, List.of()),
                        tuple(Severity.MEDIUM, NO_MENTOR, List.of()),
                        tuple(Severity.MEDIUM, KEY_PLAYER_BRIEF_COVERAGE, List.of("svp")),
                        tuple(Severity.MEDIUM, KEY_PLAYER_BRIEF_COVERAGE, List.of("deng")),
                        tuple(Severity.MEDIUM, STALE_CONTACT, List.of("svp")),
                        tuple(Severity.MEDIUM, STALE_CONTACT, List.of("deng")));
    }

    /** The wording of the warnings, once per kind shown here: who, why, and what to do next. */
    @Test
    void theWarningsSayWhoWhyAndWhatToDo() {
        MapHealthReport course = check(Bundles.courseExample());
        assertThat(course.withCode(KEY_PLAYER_NOT_COVERED).get(0).message()).isEqualTo("Nobody on our team has "
                + "contact with Morgan Blake (Consultant, rank 2), an Inner Circle member. Plan a first meeting.");
        assertThat(course.withCode(STALE_CONTACT).get(1).message()).isEqualTo("Last contact with Sam Ortiz (Director "
                + "of Engineering, rank 4), a decision maker, was on 2026-08-01, 106 days ago. Get back in touch.");
        assertThat(check(onlyAUser()).withCode(NO_DECISION_MAKER).get(0).message())
                .isEqualTo("No decision maker identified: find out who makes the final decision.");
        assertThat(check(aPlaceholderDecisionMaker()).withCode(UNRESOLVED_PLACEHOLDER).get(0).message())
                .isEqualTo("The decision maker is still a placeholder (CIO (name unknown) (CIO, rank 5)). Find out "
                        + "who it is.");
        assertThat(check(withContacts(healthy(), uncoveredAndBrief())).withCode(KEY_PLAYER_BRIEF_COVERAGE).get(0)
                .message()).isEqualTo("Our only contact with ap (CFO, rank 5), an approver, is brief. Build a deeper "
                + "relationship.");
        assertThat(check(withContacts(healthy(), randyOnly())).withCode(SINGLE_COVERED).get(0).message())
                .startsWith("randy holds every relationship in this deal.");
        assertThat(check(withInnerCircleHub(null, "ENEMY")).withCode(OPPONENT_IN_INNER_CIRCLE).get(0).message())
                .isEqualTo("Hub (Advisor, rank 2) is Inner Circle and an enemy. They can control the outcome: plan "
                        + "how to neutralize their influence.");
    }

    private static MapSnapshot onlyAUser() {
        return withInvolvements(healthy(), list -> List.of(new Involvement("opp", Set.of("USER"), "NON_SUPPORTER")));
    }

    private static MapSnapshot aPlaceholderDecisionMaker() {
        return withPerson(healthy(), new Person("dm", "CIO (name unknown)", "CIO", "IT", 5, null, null, false, true,
                null));
    }

    private static List<Contact> uncoveredAndBrief() {
        List<Contact> contacts = new ArrayList<>(healthy().contacts());
        contacts.removeIf(c -> c.stakeholder().equals("dm") || c.stakeholder().equals("ap"));
        contacts.add(contact("randy", "dm", "NONE", null));
        contacts.add(contact("nicole", "ap", "BRIEF", RECENT));
        return contacts;
    }

    private static List<Contact> randyOnly() {
        return healthy().contacts().stream()
                .map(c -> contact("randy", c.stakeholder(), c.coverage(), c.lastContact())).toList();
    }

    @Test
    void missingRolesAndMentor() {
        MapHealthReport r = check(onlyAUser());

        assertThat(r.warnings()).extracting(HealthWarning::code, HealthWarning::severity).contains(
                tuple(NO_DECISION_MAKER, Severity.HIGH), tuple(NO_APPROVER, Severity.MEDIUM),
                tuple(NO_SPONSOR, Severity.MEDIUM), tuple(NO_MENTOR, Severity.MEDIUM));
    }

    @Test
    void aPlaceholderInAKeyRoleCountsAsHeldButAsksForAName() {
        MapHealthReport r = check(aPlaceholderDecisionMaker());

        assertThat(r.has(NO_DECISION_MAKER)).isFalse();
        assertThat(r.withCode(UNRESOLVED_PLACEHOLDER)).singleElement().satisfies(w -> {
            assertThat(w.severity()).isEqualTo(Severity.HIGH);
            assertThat(w.people()).containsExactly("dm");
        });

        MapSnapshot user = withPerson(healthy(), new Person("opp", "a buyer", "Buyer", "Purchasing", 3, null, null,
                false, true, null));
        assertThat(check(user).withCode(UNRESOLVED_PLACEHOLDER)).singleElement()
                .extracting(HealthWarning::severity).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void keyPlayersWithoutOrWithOnlyBriefContact() {
        MapHealthReport r = check(withContacts(healthy(), uncoveredAndBrief()));

        assertThat(r.withCode(KEY_PLAYER_NOT_COVERED)).singleElement().satisfies(w -> {
            assertThat(w.people()).containsExactly("dm");
            assertThat(w.severity()).isEqualTo(Severity.HIGH);
        });
        assertThat(r.withCode(KEY_PLAYER_BRIEF_COVERAGE)).singleElement().satisfies(w -> {
            assertThat(w.people()).containsExactly("ap");
            assertThat(w.severity()).isEqualTo(Severity.MEDIUM);
        });
        // Users and evaluators are not key players: no coverage warning for the uncovered buyer.
        assertThat(r.warnings()).noneMatch(w -> w.people().contains("opp"));
    }

    @Test
    void singleThreadedAndNoRealRelationship() {
        List<Contact> one = List.of(contact("randy", "dm", "IN_DEPTH", RECENT), contact("nicole", "ap", "BRIEF",
                RECENT), contact("nicole", "sp", "BRIEF", RECENT));
        MapHealthReport r = check(withContacts(healthy(), one));
        assertThat(r.withCode(SINGLE_THREADED)).singleElement().satisfies(w -> {
            assertThat(w.severity()).isEqualTo(Severity.HIGH);
            assertThat(w.people()).containsExactly("dm");
        });
        assertThat(r.has(NO_REAL_RELATIONSHIP)).isFalse();

        List<Contact> none = List.of(contact("randy", "dm", "BRIEF", RECENT), contact("nicole", "ap", "BRIEF",
                RECENT));
        MapHealthReport empty = check(withContacts(healthy(), none));
        assertThat(empty.has(NO_REAL_RELATIONSHIP)).isTrue();
        assertThat(empty.has(SINGLE_THREADED)).isFalse();
    }

    @Test
    void singleCoveredWhenOneTeamMemberHoldsEveryContact() {
        MapHealthReport r = check(withContacts(healthy(), randyOnly()));

        assertThat(r.withCode(SINGLE_COVERED)).singleElement().satisfies(w -> {
            assertThat(w.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(w.people()).containsExactly("dm", "ap", "sp", "men");
        });
    }

    @Test
    void anOptimisticMapWithoutOpponents() {
        MapHealthReport r = check(setInvolvement(healthy(), "opp", "NEUTRAL", "USER"));
        assertThat(r.withCode(NO_NON_SUPPORTERS)).singleElement()
                .extracting(HealthWarning::severity).isEqualTo(Severity.MEDIUM);

        // A deal with no statuses at all is unmapped rather than optimistic.
        MapSnapshot noStatus = withInvolvements(healthy(), list -> list.stream()
                .map(i -> new Involvement(i.stakeholder(), i.roles(), null)).toList());
        assertThat(check(noStatus).has(NO_NON_SUPPORTERS)).isFalse();
    }

    /** hub advises three directors across departments: a clear Inner Circle candidate. */
    private static MapSnapshot withInnerCircleHub(Boolean judged, String status) {
        MapSnapshot base = MapBuilder.map()
                .person(new Person("hub", "Hub", "Advisor", "Strategy", 2, null, judged, false, false, null))
                .person("x", "Director", "Finance", 4).person("y", "Director", "Sales", 4)
                .person("z", "Director", "IT", 4)
                .influences("hub", "x", 3).influences("hub", "y", 3).influences("hub", "z", 3)
                .build();
        MapSnapshot h = healthy();
        List<Person> people = new ArrayList<>(h.people());
        people.addAll(base.people());
        List<Contact> contacts = new ArrayList<>(h.contacts());
        contacts.add(contact("randy", "hub", "MULTIPLE", RECENT));
        MapSnapshot merged = new MapSnapshot(h.accountKey(), h.version(), people, h.reportingLines(),
                base.influenceLines(), h.conflictLines(), contacts, h.deals());
        return withInvolvements(merged, list -> {
            list.add(new Involvement("hub", Set.of(), status));
            return list;
        });
    }

    @Test
    void anOpponentInTheInnerCircle() {
        MapHealthReport r = check(withInnerCircleHub(null, "ENEMY"));
        assertThat(r.withCode(OPPONENT_IN_INNER_CIRCLE)).singleElement().satisfies(w -> {
            assertThat(w.severity()).isEqualTo(Severity.HIGH);
            assertThat(w.people()).containsExactly("hub");
        });
        assertThat(check(withInnerCircleHub(null, "NEUTRAL")).has(OPPONENT_IN_INNER_CIRCLE)).isFalse();
        // The rep rejected the graph's suggestion: planning follows the rep.
        assertThat(check(withInnerCircleHub(false, "ENEMY")).has(OPPONENT_IN_INNER_CIRCLE)).isFalse();
    }

    @Test
    void staleContactDependsOnTodayAndTheLimit() {
        List<Contact> contacts = new ArrayList<>(healthy().contacts());
        contacts.removeIf(c -> c.stakeholder().equals("dm"));
        contacts.add(contact("randy", "dm", "IN_DEPTH", TODAY.minusDays(61)));
        contacts.add(contact("nicole", "dm", "BRIEF", null));
        MapSnapshot g = withContacts(healthy(), contacts);

        assertThat(check(g).withCode(STALE_CONTACT)).singleElement()
                .extracting(HealthWarning::people).isEqualTo(List.of("dm"));
        assertThat(check(g, new HealthParameters(TODAY, 61)).has(STALE_CONTACT)).isFalse();
        assertThat(check(g, HealthParameters.asOf(TODAY.minusDays(1))).has(STALE_CONTACT)).isFalse();
    }
}
