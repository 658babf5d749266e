package io.innercircle.history;

import io.innercircle.support.IntegrationTest;
import io.innercircle.support.Neo4jHarness;
import io.innercircle.support.TestBundles;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Build a map, change it as different users, and check what the history says: the map as of before the
 * changes equals what was read then, the diff names each change in plain words with who and when, the trend
 * follows a stakeholder, and a bundle import is one change set. The test clock drives time, across a UTC
 * midnight on purpose: the day in the words is the change's own day in UTC.
 */
class HistoryTest extends IntegrationTest {

    private static final String DEAL = "national-manufacturing/customer-service-2027";

    @Test
    void replaysTheMapAsItWasAndListsEveryChangeInPlainWords() {
        clock.set(Instant.parse("2026-03-14T23:58:00Z"));
        TestBundles.importBundle(http, "course-example.json");
        Object before = graphQl.documentName("politicalMapAsOf").variable("opportunity", DEAL).execute()
                .path("politicalMap").entity(Object.class).get();
        Instant beforeChanges = Instant.parse("2026-03-14T23:59:00Z");
        clock.set(Instant.parse("2026-03-15T00:01:00Z"));

        // randy (MANAGER on the team) wins Sam Ortiz over; nicole (REP) meets him; randy retitles him.
        as("randy").graphQl().documentName("setInvolvement").variable("input", Map.of("opportunity", DEAL,
                "stakeholder", "national-manufacturing/deng", "roles", List.of("DECISION_MAKER"),
                "status", "NEUTRAL")).execute().path("setInvolvement.involvement.status").entity(String.class)
                .isEqualTo("NEUTRAL");
        as("nicole").graphQl().documentName("recordContact").variable("input", Map.of(
                "teamMember", "national-manufacturing/nicole", "stakeholder", "national-manufacturing/deng",
                "coverage", "IN_DEPTH")).execute().path("recordContact.contact.coverage").entity(String.class)
                .isEqualTo("IN_DEPTH");
        clock.advance(Duration.ofMinutes(1));
        as("randy").graphQl().documentName("updateStakeholder").variable("input", Map.of(
                "id", "national-manufacturing/deng", "title", "VP Engineering")).execute()
                .path("updateStakeholder.stakeholder.title").entity(String.class).isEqualTo("VP Engineering");

        // As of before the changes: exactly the map read then.
        Object asOf = graphQl.documentName("politicalMapAsOf").variable("opportunity", DEAL)
                .variable("asOf", beforeChanges.toString()).execute().path("politicalMap").entity(Object.class).get();
        assertThat(asOf).isEqualTo(before);
        // And now: different.
        Object now = graphQl.documentName("politicalMapAsOf").variable("opportunity", DEAL).execute()
                .path("politicalMap").entity(Object.class).get();
        assertThat(now).isNotEqualTo(before);
        // Before the account existed: nothing.
        graphQl.documentName("politicalMapAsOf").variable("opportunity", DEAL)
                .variable("asOf", "2000-01-01T00:00:00Z").execute().path("politicalMap").valueIsNull();

        String day = "15 Mar";
        List<String> descriptions = graphQl.documentName("changes").variable("opportunity", DEAL)
                .variable("from", beforeChanges.toString()).execute()
                .path("changes.edges[*].node.changes[*].description").entityList(String.class).get();
        assertThat(descriptions).containsExactly(
                "title of Sam Ortiz: Director of Engineering → VP Engineering, " + day + ", by randy",
                "coverage of Nicole with Sam Ortiz: none → in-depth, " + day + ", by nicole",
                "status of Sam Ortiz: non-supporter → neutral, " + day + ", by randy");
        graphQl.documentName("changes").variable("account", "national-manufacturing")
                .variable("from", beforeChanges.toString()).execute()
                .path("changes.edges[*].node.by").entityList(String.class).containsExactly("randy", "nicole", "randy");

        graphQl.documentName("stakeholderTrend").variable("stakeholder", "national-manufacturing/deng")
                .variable("opportunity", DEAL).execute()
                .path("stakeholderTrend[*].status").entityList(String.class)
                .containsExactly("NON_SUPPORTER", "NEUTRAL", "NEUTRAL")
                .path("stakeholderTrend[*].coverage").entityList(String.class)
                .containsExactly("BRIEF", "BRIEF", "IN_DEPTH")
                .path("stakeholderTrend[*].by").entityList(String.class)
                .containsExactly("admin", "randy", "nicole");
    }

    @Test
    void aBundleImportIsOneChangeSetAndARepeatedImportChangesNothing() {
        clock.set(Instant.parse("2026-12-31T23:59:59Z"));
        TestBundles.importBundle(http, "course-example.json");
        graphQl.documentName("changes").variable("account", "national-manufacturing").execute()
                .path("changes.totalCount").entity(Integer.class).isEqualTo(1)
                .path("changes.edges[0].node.by").entity(String.class).isEqualTo("admin")
                .path("changes.edges[0].node.changes[*].description").entityList(String.class)
                .satisfies(d -> assertThat(d).contains("added stakeholder Sam Ortiz, 31 Dec, by admin"));
        TestBundles.importBundle(http, "course-example.json");
        graphQl.documentName("changes").variable("account", "national-manufacturing").execute()
                .path("changes.totalCount").entity(Integer.class).isEqualTo(1);
        long sets = (long) Neo4jHarness.database().executeTransactionally(
                "MATCH (c:ChangeSet {account: 'national-manufacturing'}) RETURN count(c) AS n", Map.of(),
                r -> r.next().get("n"));
        assertThat(sets).isEqualTo(1);
    }
}
