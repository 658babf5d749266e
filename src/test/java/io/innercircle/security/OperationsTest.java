package io.innercircle.security;

import io.innercircle.support.IntegrationTest;
import io.innercircle.support.TestBundles;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operations: health and readiness (with Neo4j) open to anyone; Prometheus metrics, GraphQL timings and import
 * sizes included, for administrators and a scraper with the scrape token only.
 */
@TestPropertySource(properties = "innercircle.operations.metrics-token=scrape-secret-for-the-test")
class OperationsTest extends IntegrationTest {

    @Test
    void healthIsOpenAndReadinessChecksNeo4j() {
        anonymous().get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        anonymous().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.neo4j.status").isEqualTo("UP");
    }

    @Test
    void metricsAreForAdministratorsAndTheScraper() {
        TestBundles.importBundle(http, "course-example.json");
        graphQl.document("{ ping }").execute().path("ping").hasValue();

        anonymous().get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        as("nicole").http().get().uri("/actuator/prometheus").exchange().expectStatus().isForbidden();
        withBearer("not-the-scrape-token").http().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isUnauthorized();

        String scraped = withBearer("scrape-secret-for-the-test").http().get().uri("/actuator/prometheus")
                .accept(MediaType.TEXT_PLAIN).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scraped).contains("graphql_request_seconds").contains("innercircle_import_people")
                .contains("http_server_requests_seconds");
        assertThat(scraped).containsPattern("innercircle_import_people_sum\\{[^}]*source=\"bundle\"[^}]*} [1-9]");
        http.get().uri("/actuator/prometheus").accept(MediaType.TEXT_PLAIN).exchange().expectStatus().isOk();
    }
}
