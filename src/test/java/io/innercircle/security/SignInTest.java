package io.innercircle.security;

import io.innercircle.security.internal.ApiTokens;

import io.innercircle.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in without paying bcrypt on every request: personal API tokens (made, used, revoked), the short cache
 * of verified Basic credentials, and the limit on failed sign-ins (429).
 */
class SignInTest extends IntegrationTest {

    private static final String PING = "{\"query\":\"{ __typename }\"}";

    /** Counts every password checked with the encoder (bcrypt), as opposed to answered from the cache. */
    @Autowired
    private MeterRegistry registry;

    private double passwordChecks() {
        return registry.counter("innercircle.sign.in.password.checks").count();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTokenActsAsItsUserUntilItIsRevoked() {
        // A small account with nicole on its team (lighter than the course example).
        for (String mutation : java.util.List.of(
                "createAccount(input: {key: \"national-manufacturing\", name: \"National\"}) { account { key } }",
                "createTeamMember(input: {account: \"national-manufacturing\", key: \"nicole\", name: \"Nicole\"}) { teamMember { id } }",
                "createStakeholder(input: {account: \"national-manufacturing\", key: \"deng\", name: \"Deng\"}) { stakeholder { id } }")) {
            graphQl.document("mutation { " + mutation + " }").execute().errors().verify();
        }
        Clients nicole = as("nicole");
        Map<String, Object> created = nicole.graphQl()
                .document("mutation { createApiToken(input: {name: \"CI export\"}) { token apiToken { id name createdAt lastUsedAt } } }")
                .execute().path("createApiToken").entity(Map.class).get();
        String token = (String) created.get("token");
        @SuppressWarnings("unchecked")
        Map<String, Object> apiToken = (Map<String, Object>) created.get("apiToken");
        assertThat(token).startsWith("ic_").hasSizeGreaterThan(40);
        assertThat(apiToken.get("name")).isEqualTo("CI export");
        assertThat(apiToken.get("lastUsedAt")).isNull();

        // The token is nicole: her account (edit included, no CSRF token needed), not a foreign one.
        Clients withToken = withBearer(token);
        withToken.graphQl().document("{ account(key: \"national-manufacturing\") { key } }").execute()
                .path("account.key").entity(String.class).isEqualTo("national-manufacturing");
        withToken.graphQl().document("mutation { updateStakeholder(input: {id: \"national-manufacturing/deng\", "
                        + "title: \"VP\"}) { stakeholder { title } } }").execute()
                .path("updateStakeholder.stakeholder.title").entity(String.class).isEqualTo("VP");
        graphQl.document("{ changes(account: \"national-manufacturing\", first: 1) { edges { node { by } } } }")
                .execute().path("changes.edges[0].node.by").entity(String.class).isEqualTo("nicole");
        // No more than nicole: a rep reads her account's bundle but may not import it (managers and admins only).
        Object bundle = withToken.graphQl().document("{ exportBundle(account: \"national-manufacturing\") }")
                .execute().path("exportBundle").entity(Object.class).get();
        withToken.graphQl().document("mutation($bundle: JSON!) { importBundle(bundle: $bundle, merge: true) { account { key } } }")
                .variable("bundle", bundle).execute()
                .errors().satisfy(e -> assertThat(e).singleElement()
                        .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        // Stored as a hash only; the list shows when it was used, never the secret.
        Map<String, Object> stored = io.innercircle.support.Neo4jHarness.cypher(
                "MATCH (t:ApiToken) RETURN properties(t) AS t", Map.of()).get(0).get("t").asMap();
        assertThat(stored.get("hash")).isEqualTo(ApiTokens.hash(token));
        assertThat(stored.toString()).doesNotContain(token.substring(3));
        withToken.graphQl().document("{ apiTokens { id name lastUsedAt } }").execute()
                .path("apiTokens[0].id").entity(String.class).isEqualTo((String) apiToken.get("id"))
                .path("apiTokens[0].lastUsedAt").hasValue();
        // Another user sees none of nicole's tokens and cannot revoke them.
        as("randy").graphQl().document("{ apiTokens { id } }").execute().path("apiTokens").entityList(Object.class).hasSize(0);
        as("randy").graphQl().document("mutation { revokeApiToken(id: \"" + apiToken.get("id") + "\") }").execute()
                .path("revokeApiToken").entity(Boolean.class).isEqualTo(false);

        nicole.graphQl().document("mutation { revokeApiToken(id: \"" + apiToken.get("id") + "\") }").execute()
                .path("revokeApiToken").entity(Boolean.class).isEqualTo(true);
        // Refused at once, as JSON, without a Basic challenge a browser would answer with a pop-up.
        withToken.http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(PING).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "^Bearer.*")
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains("revoked"));
        withBearer("ic_madeUpToken").http().get().uri("/api/accounts/national-manufacturing/bundle").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aVerifiedBasicCredentialIsNotCheckedWithBcryptAgain() {
        Clients coach = as("coach");
        coach.http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(PING).exchange()
                .expectStatus().isOk();
        double before = passwordChecks();
        for (int i = 0; i < 5; i++) {
            coach.http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(PING).exchange()
                    .expectStatus().isOk();
        }
        assertThat(passwordChecks()).as("bcrypt runs for the five requests after the first").isEqualTo(before);
        // A different password for the same user is checked (and fails): the cache is keyed by both.
        as("coach", "not-the-password").http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(PING).exchange().expectStatus().isUnauthorized();
        assertThat(passwordChecks()).isEqualTo(before + 1);
    }

    @Test
    void repeatedFailedSignInsAreAnsweredTooManyRequests() {
        // The shared app allows 10 failures per user name a minute (innercircle.security.sign-in).
        String user = "guessed-" + System.nanoTime();
        for (int i = 0; i < 10; i++) {
            as(user, "guess-" + i).http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(PING).exchange().expectStatus().isUnauthorized();
        }
        double before = passwordChecks();
        // The next guess is not even checked: 429, and no bcrypt.
        as(user, "guess-10").http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(PING)
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L))
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.retryAfterSeconds").isNumber();
        assertThat(passwordChecks()).isEqualTo(before);
        // Other users are not affected.
        as("nicole").http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(PING).exchange()
                .expectStatus().isOk();
    }
}
