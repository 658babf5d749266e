package io.innercircle.map;

import io.innercircle.support.IntegrationTest;
import io.innercircle.support.Neo4jHarness;
import io.innercircle.support.QueryCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
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

    @BeforeEach
    void seed() {
        Random random = new Random(7);
        List<Map<String, Object>> people = new ArrayList<>();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            people.add(Map.of("key", "p" + i, "name", "Person " + i, "manager", i == 0 ? "" : "p" + (i - 1) / 5,
                    "department", "D" + (i % 12), "rank", 1 + random.nextInt(5)));
            for (int k = 0; k < 4; k++) {
                int to = random.nextInt(PEOPLE);
                if (to != i) {
                    lines.add(Map.of("from", "p" + i, "to", "p" + to, "strength", 1 + random.nextInt(3)));
                }
            }
        }
        Neo4jHarness.database().executeTransactionally("""
                CREATE (:Account {key: 'big', name: 'Big Co', version: 1})
                CREATE (:TeamMember {account: 'big', key: 'rep', name: 'Rep'})
                CREATE (:Opportunity {account: 'big', key: 'deal', name: 'Deal'})
                WITH 1 AS one
                UNWIND $people AS p
                CREATE (:Stakeholder {account: 'big', key: p.key, name: p.name, department: p.department,
                                      rank: p.rank, external: false, placeholder: false})
                """, Map.of("people", people));
        Neo4jHarness.database().executeTransactionally("""
                UNWIND $people AS p
                MATCH (s:Stakeholder {account: 'big', key: p.key}), (m:Stakeholder {account: 'big', key: p.manager})
                CREATE (s)-[:REPORTS_TO]->(m)
                """, Map.of("people", people));
        Neo4jHarness.database().executeTransactionally("""
                UNWIND $lines AS l
                MATCH (f:Stakeholder {account: 'big', key: l.from}), (t:Stakeholder {account: 'big', key: l.to})
                MERGE (f)-[r:INFLUENCES]->(t) SET r.strength = l.strength
                """, Map.of("lines", lines));
        Neo4jHarness.database().executeTransactionally("""
                MATCH (s:Stakeholder {account: 'big'}), (o:Opportunity {account: 'big', key: 'deal'}),
                      (t:TeamMember {account: 'big', key: 'rep'})
                WHERE toInteger(substring(s.key, 1)) % 10 = 0
                CREATE (s)-[:INVOLVED_IN {roles: ['USER'], status: 'NEUTRAL'}]->(o)
                CREATE (t)-[:HAS_CONTACT {coverage: 'BRIEF'}]->(s)
                """);
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
