package io.innercircle.map;

import io.innercircle.support.IntegrationTest;
import io.innercircle.support.TestBundles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Archive rather than delete, over real HTTP and Neo4j on the course example: archived accounts and opportunities
 * leave the lists and the coach view and come back whole; only an administrator purges, and only what is archived;
 * every step is in the account's history with who did it.
 */
class ArchiveTest extends IntegrationTest {

    @Autowired
    private Neo4jClient neo4j;

    static final String ACCOUNT = "national-manufacturing";
    static final String DEAL = ACCOUNT + "/customer-service-2027";

    @BeforeEach
    void courseExample() {
        TestBundles.importBundle(http, "course-example.json");
    }

    @Test
    void anArchivedOpportunityLeavesTheListsAndTheCoachViewAndComesBackWhole() {
        var nicole = as("nicole").graphQl();
        assertThat(coachGaps()).contains(DEAL);

        nicole.documentName("archive").operationName("archiveOpportunity").variable("id", DEAL).execute()
                .path("archiveOpportunity.opportunity.archived").entity(Boolean.class).isEqualTo(true)
                .path("archiveOpportunity.opportunity.archivedBy").entity(String.class).isEqualTo("nicole");
        nicole.documentName("archive").operationName("lists").execute()
                .path("accounts.edges[0].node.opportunities").entityList(Object.class).hasSize(0)
                .path("accounts.edges[0].node.archivedOpportunities[*].id").entityList(String.class).containsExactly(DEAL);
        assertThat(coachGaps()).doesNotContain(DEAL);
        assertThat(rollupAccounts()).doesNotContain(ACCOUNT);
        // Still readable by its id, with its map: archived is not deleted.
        nicole.document("{ politicalMap(opportunity: \"" + DEAL + "\") { people { stakeholder { name } } } }").execute()
                .path("politicalMap.people[*].stakeholder.name").entityList(String.class).contains("Sam Ortiz");

        nicole.documentName("archive").operationName("restoreOpportunity").variable("id", DEAL).execute()
                .path("restoreOpportunity.opportunity.archived").entity(Boolean.class).isEqualTo(false);
        nicole.documentName("archive").operationName("lists").execute()
                .path("accounts.edges[0].node.opportunities[*].id").entityList(String.class).containsExactly(DEAL);
        assertThat(coachGaps()).contains(DEAL);

        assertThat(history()).contains(
                "archived opportunity Worldwide customer service system, " + today() + ", by nicole",
                "restored opportunity Worldwide customer service system, " + today() + ", by nicole");
    }

    @Test
    void anArchivedAccountIsHiddenAndRestorable() {
        var randy = as("randy").graphQl();
        randy.documentName("archive").operationName("archiveAccount").variable("key", ACCOUNT).execute()
                .path("archiveAccount.account.archived").entity(Boolean.class).isEqualTo(true)
                .path("archiveAccount.account.archivedBy").entity(String.class).isEqualTo("randy");
        randy.documentName("archive").operationName("lists").execute()
                .path("accounts.edges").entityList(Object.class).hasSize(0);
        randy.documentName("archive").operationName("lists").variable("archived", true).execute()
                .path("accounts.edges[*].node.key").entityList(String.class).containsExactly(ACCOUNT);
        assertThat(coachGaps()).doesNotContain(DEAL);
        assertThat(rollupAccounts()).doesNotContain(ACCOUNT);

        randy.documentName("archive").operationName("restoreAccount").variable("key", ACCOUNT).execute()
                .path("restoreAccount.account.archived").entity(Boolean.class).isEqualTo(false);
        randy.documentName("archive").operationName("lists").execute()
                .path("accounts.edges[*].node.key").entityList(String.class).containsExactly(ACCOUNT);
        assertThat(coachGaps()).contains(DEAL);
        assertThat(rollupAccounts()).contains(ACCOUNT);
        assertThat(history()).contains("archived account National Manufacturing, " + today() + ", by randy",
                "restored account National Manufacturing, " + today() + ", by randy");
    }

    @Test
    void onlyAnAdministratorPurgesAndOnlyWhatIsArchived() {
        var nicole = as("nicole").graphQl();
        // A rep may not purge, even an archived opportunity of their own account.
        nicole.documentName("archive").operationName("archiveOpportunity").variable("id", DEAL).execute();
        nicole.documentName("archive").operationName("purgeOpportunity").variable("id", DEAL).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions().get("classification")).isEqualTo("FORBIDDEN")));
        // The administrator may not purge what is not archived: the account stays whole.
        graphQl.documentName("archive").operationName("purgeAccount").variable("key", ACCOUNT).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getExtensions().get("classification")).isEqualTo("BAD_REQUEST");
                    assertThat(e.getMessage()).contains("National Manufacturing").contains("not archived");
                }));

        graphQl.documentName("archive").operationName("purgeOpportunity").variable("id", DEAL).execute()
                .path("purgeOpportunity.purged").entityList(String.class).containsExactly(DEAL);
        graphQl.document("{ opportunity(id: \"" + DEAL + "\") { id } }").execute()
                .path("opportunity").valueIsNull();
        assertThat(countOf("MATCH (o:Opportunity {account: $a})-->(x) WHERE NOT x:Stakeholder AND NOT x:Competitor "
                + "RETURN count(x)")).isZero();
        assertThat(countOf("MATCH (t:Tactic {account: $a}) RETURN count(t)")).isZero();
        assertThat(history()).anyMatch(d -> d.startsWith("removed opportunity") && d.endsWith("by admin"));

        graphQl.documentName("archive").operationName("archiveAccount").variable("key", ACCOUNT).execute();
        graphQl.documentName("archive").operationName("purgeAccount").variable("key", ACCOUNT).execute()
                .path("purgeAccount.purged").entityList(String.class).containsExactly(ACCOUNT);
        graphQl.document("{ account(key: \"" + ACCOUNT + "\") { key } }").execute().path("account").valueIsNull();
        assertThat(countOf("MATCH (n {account: $a}) WHERE NOT n:ChangeSet RETURN count(n)")).isZero();
        // The audit trail stays, its last change set the purge by the administrator.
        assertThat(history()).first().satisfies(d -> assertThat(d).startsWith("removed").endsWith("by admin"));
        assertThat(history()).anyMatch(d -> d.startsWith("removed stakeholder Sam Ortiz"));
    }

    @Test
    void aPurgedAccountsKeyCanBeUsedAgainAndItsVersionsGoOnFromThePurge() {
        long before = version();
        purgeAccount();
        // By hand: the history's versions go on (archived at before + 1, purged at + 2), none is used twice.
        graphQl.documentName("createAccount").variable("input", java.util.Map.of("key", ACCOUNT, "name", "Again"))
                .execute().path("createAccount.account.key").entity(String.class).isEqualTo(ACCOUNT);
        assertThat(version()).isEqualTo(before + 3);
        assertThat(history()).first().satisfies(d -> assertThat(d).contains("Again"));

        purgeAccount();
        // From a bundle: the course example again, whole.
        TestBundles.importBundle(http, "course-example.json");
        assertThat(version()).isEqualTo(before + 6);
        graphQl.document("{ account(key: \"" + ACCOUNT + "\") { stakeholders(first: 50) { totalCount } } }").execute()
                .path("account.stakeholders.totalCount").entity(Integer.class).isEqualTo(11);
        assertThat(countOf("MATCH (c:ChangeSet {account: $a}) WITH c.version AS v, count(*) AS n WHERE n > 1 "
                + "RETURN count(v)")).isZero();
    }

    private void purgeAccount() {
        graphQl.documentName("archive").operationName("archiveAccount").variable("key", ACCOUNT).execute();
        graphQl.documentName("archive").operationName("purgeAccount").variable("key", ACCOUNT).execute()
                .path("purgeAccount.purged").entityList(String.class).containsExactly(ACCOUNT);
    }

    private long version() {
        return graphQl.document("{ account(key: \"" + ACCOUNT + "\") { version } }").execute()
                .path("account.version").entity(Long.class).get();
    }

    private List<String> coachGaps() {
        return as("coach").graphQl().document("{ coverageGaps(first: 500) { edges { node { opportunity { id } } } } }")
                .execute().path("coverageGaps.edges[*].node.opportunity.id").entityList(String.class).get();
    }

    private List<String> rollupAccounts() {
        return as("coach").graphQl().document("{ coverageGapRollups(groupBy: ACCOUNT) { key } }")
                .execute().path("coverageGapRollups[*].key").entityList(String.class).get();
    }

    private List<String> history() {
        return graphQl.document("query($a: ID!) { changes(account: $a, first: 5) { edges { node { changes { description } } } } }")
                .variable("a", ACCOUNT).execute()
                .path("changes.edges[*].node.changes[*].description").entityList(String.class).get();
    }

    /** How the history words today's date ("29 Nov"). */
    private String today() {
        return java.time.format.DateTimeFormatter.ofPattern("d MMM", java.util.Locale.ENGLISH)
                .format(java.time.ZonedDateTime.now(clock).withZoneSameInstant(java.time.ZoneOffset.UTC));
    }

    private long countOf(String cypher) {
        return neo4j.query(cypher).bind(ACCOUNT).to("a").fetchAs(Long.class).one().orElseThrow();
    }
}
