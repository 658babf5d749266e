package io.innercircle.map;

import io.innercircle.support.IntegrationTest;
import io.innercircle.support.Neo4jHarness;
import io.innercircle.support.QueryCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 2,000-person map must load in a small, fixed number of Cypher queries, whatever its size: the GraphQL layer
 * must never fetch per person (N+1). The count is taken inside Neo4j.
 */
@Tag("slow")
class LargeMapQueryCountTest extends IntegrationTest {

    static final int PEOPLE = 2_000;

    /**
     * Draws the map in one statement that finds no node by key: the people are created in order and the lines join
     * them by position. Lookups by key would be planned once (the harness keeps plans for a day) on whatever the
     * database held then, and a plan made on an empty database took 14 s per seed instead of a fraction of one.
     */
    @BeforeEach
    void seed() {
        Random random = new Random(7);
        List<Map<String, Object>> people = new ArrayList<>();
        // Each pair once, with the first strength drawn for it (the lines are created, not merged).
        Map<List<Integer>, Integer> lines = new LinkedHashMap<>();
        for (int i = 0; i < PEOPLE; i++) {
            people.add(Map.of("key", "p" + i, "name", "Person " + i, "manager", i == 0 ? -1 : (i - 1) / 5,
                    "department", "D" + (i % 12), "rank", 1 + random.nextInt(5)));
            for (int k = 0; k < 4; k++) {
                int to = random.nextInt(PEOPLE);
                int strength = 1 + random.nextInt(3);
                if (to != i) {
                    lines.putIfAbsent(List.of(i, to), strength);
                }
            }
        }
        List<Map<String, Object>> influences = new ArrayList<>();
        lines.forEach((line, strength) -> influences.add(
                Map.of("from", line.get(0), "to", line.get(1), "strength", strength)));
        Neo4jHarness.database().executeTransactionally("""
                CREATE (:Account {key: 'big', name: 'Big Co', version: 1})
                CREATE (rep:TeamMember {account: 'big', key: 'rep', name: 'Rep'})
                CREATE (deal:Opportunity {account: 'big', key: 'deal', name: 'Deal'})
                WITH rep, deal
                UNWIND $people AS p
                CREATE (s:Stakeholder {account: 'big', key: p.key, name: p.name, department: p.department,
                                       rank: p.rank, external: false, placeholder: false})
                WITH rep, deal, collect(s) AS drawn
                FOREACH (i IN range(1, size(drawn) - 1) |
                    FOREACH (m IN [drawn[$people[i].manager]] | FOREACH (s IN [drawn[i]] | CREATE (s)-[:REPORTS_TO]->(m))))
                FOREACH (i IN range(0, size(drawn) - 1, 10) | FOREACH (s IN [drawn[i]] |
                    CREATE (s)-[:INVOLVED_IN {roles: ['USER'], status: 'NEUTRAL'}]->(deal)
                    CREATE (rep)-[:HAS_CONTACT {coverage: 'BRIEF'}]->(s)))
                WITH drawn
                UNWIND $lines AS l
                WITH drawn[l.from] AS f, drawn[l.to] AS t, l.strength AS strength
                CREATE (f)-[:INFLUENCES {strength: strength}]->(t)
                """, Map.of("people", people, "lines", influences));
    }

    @Test
    void theWholeMapIsOneQuery() {
        QueryCounter counter = QueryCounter.get();
        counter.reset();
        var map = graphQl.documentName("politicalMap").variable("opportunity", "big/deal").execute();
        map.path("politicalMap.people").entityList(Map.class).hasSize(PEOPLE);
        map.path("politicalMap.reportingLines").entityList(Map.class).hasSize(PEOPLE - 1);
        map.path("politicalMap.contacts").entityList(Map.class).hasSize(PEOPLE / 10);
        // The map in one read, and the account's version, stamped on the answer kept for the next request.
        assertThat(counter.queries()).as("Cypher queries for a %d-person map", PEOPLE).hasSize(2)
                .contains(AccountModelReader.ACCOUNT.strip());

        counter.reset();
        graphQl.documentName("politicalMap").variable("opportunity", "big/deal").execute()
                .path("politicalMap.people").entityList(Map.class).hasSize(PEOPLE);
        assertThat(counter.queries()).as("Cypher queries for the same map at the same version").hasSize(1)
                .doesNotContain(AccountModelReader.ACCOUNT.strip());
    }

    @Test
    void aPageOfPeopleWithNestedListsCostsOneQueryPerField() {
        QueryCounter counter = QueryCounter.get();
        counter.reset();
        var page = graphQl.documentName("accountStakeholders").variable("key", "big").variable("first", 500).execute();
        page.path("account.stakeholders.edges").entityList(Map.class).hasSize(500);
        // account, page, total, then one batch each for reportsTo, influencedBy, contacts, teamMembers (+ their
        // contacts), competitors, opportunities (+ their involvements): bounded, independent of the page size.
        assertThat(counter.queries()).as("queries: %s", counter.queries()).hasSizeLessThanOrEqualTo(12);
    }
}
