package io.innercircle.map;

import io.innercircle.support.BigAccounts;
import io.innercircle.support.IntegrationTest;
import io.innercircle.support.QueryCounter;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * politicalMap(focus: DEAL) on a generated 300-person account whose deal involves 40 people: only the people
 * who matter are sent, with their managers up to the top and the lines between them, in a few queries.
 */
class FocusedMapTest extends IntegrationTest {

    static final String ACCOUNT = "focus-300";
    static final int PEOPLE = 300;

    private String load() {
        return BigAccounts.importAccount(http, ACCOUNT, PEOPLE, 40, 14);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(String deal, String focus, Integer hops) {
        return graphQl.documentName("focusedMap").variable("opportunity", deal).variable("focus", focus)
                .variable("hops", hops).execute().path("politicalMap").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private static Set<String> keys(Map<String, Object> map) {
        return ((List<Map<String, Map<String, Object>>>) map.get("people")).stream()
                .map(p -> (String) p.get("stakeholder").get("key")).collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Map<String, String>>> lines(Map<String, Object> map, String field) {
        return (List<Map<String, Map<String, String>>>) map.get(field);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDealFocusSendsTheDealsPeopleTheirManagersAndTheLinesBetweenThemInAFewQueries() {
        String deal = load();
        Set<String> dealPeople = BigAccounts.dealPeople(BigAccounts.bundle(ACCOUNT, PEOPLE, 40, 14));
        assertThat(dealPeople).isNotEmpty().hasSizeLessThanOrEqualTo(40);

        QueryCounter counter = QueryCounter.get();
        counter.reset();
        Map<String, Object> focused = map(deal, "DEAL", null);
        // The analysis of the account (cold cache), the focused map, the shape and the saved positions.
        assertThat(counter.queries()).as("queries: %s", counter.queries()).hasSizeLessThanOrEqualTo(4);

        Set<String> drawn = keys(focused);
        assertThat(drawn).containsAll(dealPeople).hasSizeLessThan(PEOPLE);
        Map<String, Object> shape = (Map<String, Object>) focused.get("shape");
        assertThat(shape.get("people")).isEqualTo(PEOPLE);
        assertThat(((List<Map<String, Object>>) shape.get("departments")).stream()
                .mapToInt(d -> (Integer) d.get("people")).sum()).isEqualTo(PEOPLE);

        // Managers up to the top: every drawn person who has a manager in the account has that line drawn.
        Map<String, Object> all = map(deal, "ALL", null);
        assertThat(keys(all)).hasSize(PEOPLE);
        Map<String, String> managerOf = new HashMap<>();
        lines(all, "reportingLines").forEach(l -> managerOf.put(l.get("person").get("key"), l.get("manager").get("key")));
        Map<String, String> drawnManagerOf = new HashMap<>();
        lines(focused, "reportingLines").forEach(l -> drawnManagerOf.put(l.get("person").get("key"),
                l.get("manager").get("key")));
        for (String key : drawn) {
            assertThat(drawnManagerOf.get(key)).as("manager of %s", key).isEqualTo(managerOf.get(key));
        }
        // The influence lines drawn are exactly the account's lines between drawn people.
        Set<String> expected = lines(all, "influenceLines").stream()
                .filter(l -> drawn.contains(l.get("from").get("key")) && drawn.contains(l.get("to").get("key")))
                .map(l -> l.get("from").get("key") + ">" + l.get("to").get("key")).collect(Collectors.toSet());
        Set<String> sent = lines(focused, "influenceLines").stream()
                .map(l -> l.get("from").get("key") + ">" + l.get("to").get("key")).collect(Collectors.toSet());
        assertThat(sent).isEqualTo(expected).isNotEmpty();
        assertThat(lines(focused, "contacts")).allSatisfy(c -> assertThat(drawn).contains(c.get("stakeholder").get("key")));

        // One hop wider: more people, still everyone of the narrower focus.
        Set<String> wider = keys(map(deal, "DEAL", 1));
        assertThat(wider).containsAll(drawn).hasSizeGreaterThan(drawn.size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDealMapOpenedAgainIsNotReadAgainUntilTheAccountChanges() {
        String deal = load();
        Map<String, Object> first = map(deal, "DEAL", null);
        QueryCounter counter = QueryCounter.get();
        counter.reset();
        assertThat(map(deal, "DEAL", null)).isEqualTo(first);
        assertThat(counter.queries()).as("queries: %s", counter.queries())
                .doesNotContain(FocusedMaps.FOCUSED_MAP.strip(), FocusedMaps.SHAPE.strip());

        Map<String, Object> person = ((List<Map<String, Map<String, Object>>>) first.get("people")).get(0)
                .get("stakeholder");
        graphQl.documentName("updateStakeholder")
                .variable("input", Map.of("id", person.get("id"), "department", "Renamed department")).execute()
                .path("updateStakeholder.stakeholder.department").entity(String.class).isEqualTo("Renamed department");
        counter.reset();
        Map<String, Object> afterEdit = map(deal, "DEAL", null);
        assertThat(counter.queries()).as("queries: %s", counter.queries())
                .containsOnlyOnce(FocusedMaps.FOCUSED_MAP.strip(), FocusedMaps.SHAPE.strip());
        // The overview counts the renamed department: the shape is read again with the map.
        assertThat(((List<Map<String, Object>>) ((Map<String, Object>) afterEdit.get("shape")).get("departments")))
                .contains(Map.of("name", "Renamed department", "people", 1));
        assertThat(((List<Map<String, Map<String, Object>>>) afterEdit.get("people")).stream()
                .filter(p -> p.get("stakeholder").get("id").equals(person.get("id")))
                .map(p -> p.get("stakeholder").get("department")).toList()).containsExactly("Renamed department");
    }

    @Test
    void hopsOutOfRangeAreRefusedNamingTheField() {
        String deal = load();
        graphQl.documentName("focusedMap").variable("opportunity", deal).variable("focus", "DEAL").variable("hops", 9)
                .execute().errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getExtensions()).containsEntry("field", "hops");
                });
    }

    @Test
    void savedPositionsAreKeptPerOpportunityWithoutChangingTheMapsVersion() {
        String deal = load();
        long version = version();
        save(deal, List.of(position(ACCOUNT + "/p000", 10.5, -20), position(ACCOUNT + "/p001", 300, 400)), null);
        save(deal, List.of(position(ACCOUNT + "/p001", 310, 420)), List.of(ACCOUNT + "/p000"));
        assertThat(positions(deal)).containsExactly(Map.of("stakeholder", ACCOUNT + "/p001", "x", 310.0, "y", 420.0));
        assertThat(version()).isEqualTo(version);

        // Another account's person is refused and nothing is saved.
        graphQl.documentName("saveMapPositions").variable("opportunity", deal)
                .variable("positions", List.of(position("other/p1", 1, 1), position(ACCOUNT + "/p002", 5, 5)))
                .execute().errors().satisfy(errors -> assertThat(errors.get(0).getExtensions())
                        .containsEntry("field", "positions[0].stakeholder"));
        assertThat(positions(deal)).hasSize(1);

        // The bundle carries them (an optional field of each opportunity), and importing it restores them.
        String exported = http.get().uri("/api/accounts/" + ACCOUNT + "/bundle").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(exported).contains("\"positions\":[{\"stakeholder\":\"p001\",\"x\":310.0,\"y\":420.0}]");
        save(deal, List.of(position(ACCOUNT + "/p001", 0, 0)), null);
        http.mutate().responseTimeout(java.time.Duration.ofMinutes(5)).build().post().uri("/api/bundles")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(exported)
                .exchange().expectStatus().isOk();
        assertThat(positions(deal)).containsExactly(Map.of("stakeholder", ACCOUNT + "/p001", "x", 310.0, "y", 420.0));
    }

    private static Map<String, Object> position(String id, double x, double y) {
        return Map.of("stakeholder", id, "x", x, "y", y);
    }

    private void save(String deal, List<Map<String, Object>> positions, List<String> forget) {
        GraphQlTester.Response response = graphQl.documentName("saveMapPositions").variable("opportunity", deal)
                .variable("positions", positions).variable("forget", forget).execute();
        response.path("saveMapPositions.saved").hasValue();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> positions(String deal) {
        return (List<Map<String, Object>>) map(deal, "DEAL", null).get("positions");
    }

    private long version() {
        return graphQl.document("{ account(key: \"" + ACCOUNT + "\") { version } }").execute()
                .path("account.version").entity(Long.class).get();
    }

}
