package io.innercircle.api.internal;

import io.innercircle.support.IntegrationTest;
import io.innercircle.support.TestBundles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A document kept after its first use still answers each request by its own variables and limits. */
class ParsedDocumentCacheTest extends IntegrationTest {

    private static final String PERSON = """
            query($id: ID!) { stakeholder(id: $id) { key name } }""";

    @Autowired
    ParsedDocumentCache cache;

    @Test
    void theSameDocumentAnswersEachRequestByItsVariables() {
        TestBundles.importBundle(http, "course-example.json");
        graphQl.document(PERSON).variable("id", "national-manufacturing/svp").execute()
                .path("stakeholder.key").entity(String.class).isEqualTo("svp");
        long kept = cache.size();
        graphQl.document(PERSON).variable("id", "national-manufacturing/deng").execute()
                .path("stakeholder.key").entity(String.class).isEqualTo("deng");
        assertThat(cache.size()).isEqualTo(kept);
    }

    @Test
    void anInvalidDocumentIsRefusedEveryTimeAndNotKept() {
        String invalid = "{ stakeholder(id: \"national-manufacturing/svp\") { noSuchField } }";
        long before = cache.size();
        for (int i = 0; i < 2; i++) {
            graphQl.document(invalid).execute().errors().satisfy(errors -> assertThat(errors)
                    .anySatisfy(e -> assertThat(e.getMessage()).contains("noSuchField")));
        }
        assertThat(cache.size()).isEqualTo(before);
    }

    @Test
    void theQueryLimitsStillMeasureAKeptDocument() {
        StringBuilder aliases = new StringBuilder("{");
        for (int i = 0; i < 31; i++) {
            aliases.append(" a").append(i).append(": ping");
        }
        String tooMany = aliases.append(" }").toString();
        for (int i = 0; i < 2; i++) {
            graphQl.document(tooMany).execute().errors().satisfy(errors -> assertThat(errors)
                    .anySatisfy(e -> assertThat(e.getExtensions()).containsEntry("classification", "BAD_REQUEST")));
        }
    }
}
