package io.innercircle.security.internal;


import io.innercircle.support.IntegrationTest;
import io.innercircle.support.TestBundles;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operations: health and readiness (with Neo4j) open to anyone; Prometheus metrics, GraphQL timings and import
 * sizes included, for administrators and a scraper with the scrape token only (the token is not configured in
 * the shared test app, so its check is tested on the filter).
 */
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
        // No scrape token is configured in the shared test app: a bearer token is not one.
        withBearer("not-the-scrape-token").http().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isUnauthorized();

        String scraped = http.get().uri("/actuator/prometheus")
                .accept(MediaType.TEXT_PLAIN).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scraped).contains("graphql_request_seconds").contains("innercircle_import_people")
                .contains("http_server_requests_seconds");
        assertThat(scraped).containsPattern("innercircle_import_people_sum\\{[^}]*source=\"bundle\"[^}]*} [1-9]");
    }

    @Test
    void theScrapeTokenOpensTheMetricsOnly() {
        MetricsScrapeFilter scrape = new MetricsScrapeFilter("scrape-secret");
        org.springframework.mock.web.MockHttpServletRequest request =
                new org.springframework.mock.web.MockHttpServletRequest("GET", "/actuator/prometheus");
        request.addHeader("Authorization", "Bearer scrape-secret");
        assertThat(scrape.matches(request)).isTrue();
        org.springframework.mock.web.MockHttpServletRequest graphql =
                new org.springframework.mock.web.MockHttpServletRequest("POST", "/graphql");
        graphql.addHeader("Authorization", "Bearer scrape-secret");
        assertThat(scrape.matches(graphql)).as("only the actuator endpoints").isFalse();
        org.springframework.mock.web.MockHttpServletRequest wrong =
                new org.springframework.mock.web.MockHttpServletRequest("GET", "/actuator/prometheus");
        wrong.addHeader("Authorization", "Bearer scrape-secreT");
        assertThat(scrape.matches(wrong)).isFalse();
        assertThat(new MetricsScrapeFilter("").matches(request)).as("no token configured, no scrape sign-in").isFalse();
    }
}
