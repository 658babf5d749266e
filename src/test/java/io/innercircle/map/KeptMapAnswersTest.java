package io.innercircle.map;

import io.innercircle.support.IntegrationTest;
import io.innercircle.support.QueryCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole political map asked again at the same account version is answered without reading the map again
 * (map/internal/PoliticalMapResponses); anything that could differ is read as usual. The map read is recognised
 * by its query text as Neo4j itself saw it.
 */
class KeptMapAnswersTest extends IntegrationTest {

    private static final String OPPORTUNITY = "acme/erp";

    private final QueryCounter queries = QueryCounter.get();

    @BeforeEach
    void draw() {
        AcmeMap.draw(graphQl);
    }

    @Test
    void aWholeMapAskedAgainIsNotReadAgainUntilTheAccountChanges() {
        Map<?, ?> first = map();

        queries.reset();
        assertThat(map()).isEqualTo(first);
        assertThat(mapReads()).as("map reads for an answer kept at this version").isZero();

        retitle("cto", "Chief Technology Officer");
        queries.reset();
        Map<?, ?> afterEdit = map();
        assertThat(mapReads()).isEqualTo(1);
        assertThat(titleOf(afterEdit, "cto")).isEqualTo("Chief Technology Officer");
        assertThat(map()).isEqualTo(afterEdit);
    }

    @Test
    void whoMayNotReadTheAccountIsNotAnsweredFromWhatWasKeptForSomeoneElse() {
        map();
        map();
        // Nicole is not on Acme's team: the answer for her is the one for an opportunity that does not exist.
        as("nicole").graphQl().documentName("politicalMap").variable("opportunity", OPPORTUNITY).execute()
                .path("politicalMap").valueIsNull();
        // Randy is: the answer kept for the administrator is his too.
        queries.reset();
        assertThat(as("randy").graphQl().documentName("politicalMap").variable("opportunity", OPPORTUNITY).execute()
                .path("politicalMap").entity(Map.class).get()).isEqualTo(map());
        assertThat(mapReads()).isZero();
    }

    @Test
    void documentsAskingForMoreThanTheMapRecordAreReadEveryTime() {
        for (String document : new String[] {
                // Saved positions and the account's shape are read by resolvers of their own, not from the map record.
                "query($o: ID!) { politicalMap(opportunity: $o) { people { stakeholder { key } } positions { stakeholder x y } } }",
                "query($o: ID!) { politicalMap(opportunity: $o) { people { stakeholder { key email } } } }",
                "query($o: ID!) { politicalMap(opportunity: $o, asOf: \"2100-01-01T00:00:00Z\") { people { stakeholder { key } } } }",
                "query($o: ID!) { politicalMap(opportunity: $o) { people { stakeholder { key } } } ping }",
        }) {
            graphQl.document(document).variable("o", OPPORTUNITY).execute();
            queries.reset();
            graphQl.document(document).variable("o", OPPORTUNITY).execute();
            assertThat(mapReads() + historyReads()).as("reads of the map for %s", document).isPositive();
        }
    }

    @Test
    void anAccountPurgedAndCreatedAgainIsNotAnsweredFromTheOneBefore() {
        retitle("cto", "Chief Technology Officer");
        long version = version();
        assertThat(titleOf(map(), "cto")).isEqualTo("Chief Technology Officer");

        graphQl.documentName("archive").operationName("archiveAccount").variable("key", AcmeMap.ACCOUNT).execute();
        graphQl.documentName("archive").operationName("purgeAccount").variable("key", AcmeMap.ACCOUNT).execute()
                .path("purgeAccount.purged").entityList(String.class).contains(AcmeMap.ACCOUNT);
        AcmeMap.draw(graphQl);
        retitle("cfo", "Chief Financial Officer");
        // Its versions go on from the purge, so no answer kept before can be current.
        assertThat(version()).isGreaterThan(version);

        Map<?, ?> again = map();
        assertThat(titleOf(again, "cto")).isEqualTo("CTO");
        assertThat(titleOf(again, "cfo")).isEqualTo("Chief Financial Officer");
    }

    private Map<?, ?> map() {
        return graphQl.documentName("politicalMap").variable("opportunity", OPPORTUNITY).execute()
                .path("politicalMap").entity(Map.class).get();
    }

    private long version() {
        return graphQl.document("{ account(key: \"acme\") { version } }").execute().path("account.version")
                .entity(Long.class).get();
    }

    private void retitle(String person, String title) {
        graphQl.documentName("updateStakeholder").variable("input", Map.of("id", "acme/" + person, "title", title))
                .execute().path("updateStakeholder.stakeholder.title").entity(String.class).isEqualTo(title);
    }

    @SuppressWarnings("unchecked")
    private static String titleOf(Map<?, ?> map, String key) {
        return ((java.util.List<Map<String, Map<String, Object>>>) map.get("people")).stream()
                .filter(p -> key.equals(p.get("stakeholder").get("key")))
                .map(p -> (String) p.get("stakeholder").get("title")).findFirst().orElseThrow();
    }

    private long mapReads() {
        return queries.queries().stream().filter(q -> q.equals(AccountModelReader.ACCOUNT.strip())).count();
    }

    /** Reads of a past map (asOf) replay the history rather than read the account. */
    private long historyReads() {
        return queries.queries().stream().filter(q -> q.contains("ChangeSet")).count();
    }
}
