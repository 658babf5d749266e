package io.innercircle.security;

import io.innercircle.support.SecondAppTest;
import io.innercircle.support.TestBundles;
import io.innercircle.support.TestJwtIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import java.security.KeyPair;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The door: JWTs from an OIDC issuer (the shared context's {@link TestJwtIssuer}), HTTP Basic, the browser login
 * with its CSRF cookie and header, security headers and the request limits.
 */
class SecurityWebTest extends SecondAppTest {

    private static final KeyPair OTHER_KEYS = TestJwtIssuer.rsa();
    private static final String QUERY = "{\"query\":\"{ a: account(key: \\\"national-manufacturing\\\") { key } "
            + "b: account(key: \\\"foreign-co\\\") { key } }\"}";

    @Test
    void aJwtUserSeesWhatTheirRoleAndTeamAllow() {
        TestBundles.importBundle(http, "course-example.json");
        http.post().uri("/api/bundles").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(AuthorizationMatrixTest.bundle("foreign-co")).exchange().expectStatus().isOk();

        Clients rep = withBearer(TestJwtIssuer.token(Map.of("preferred_username", "nina", "roles", List.of("REP"),
                "team_member", "nicole")));
        rep.graphQl().document("{ a: account(key: \"national-manufacturing\") { key } "
                        + "b: account(key: \"foreign-co\") { key } }").execute()
                .path("a.key").entity(String.class).isEqualTo("national-manufacturing")
                .path("b").valueIsNull();
        // A bearer token is its own proof: no CSRF token needed, and the change is recorded as the token's user.
        rep.graphQl().document("mutation { updateStakeholder(input: {id: \"national-manufacturing/deng\", "
                        + "title: \"VP\"}) { stakeholder { title } } }").execute()
                .path("updateStakeholder.stakeholder.title").entity(String.class).isEqualTo("VP");
        graphQl.document("{ changes(account: \"national-manufacturing\", first: 1) { edges { node { by } } } }")
                .execute().path("changes.edges[0].node.by").entity(String.class).isEqualTo("nina");

        Clients coach = withBearer(TestJwtIssuer.token(Map.of("preferred_username", "carl", "roles", "COACH",
                "coaches", List.of("randy"))));
        coach.graphQl().document("{ a: account(key: \"national-manufacturing\") { key } }").execute()
                .path("a.key").entity(String.class).isEqualTo("national-manufacturing");
        coach.graphQl().document("mutation { updateStakeholder(input: {id: \"national-manufacturing/deng\", "
                        + "title: \"X\"}) { stakeholder { title } } }").execute()
                .errors().satisfy(e -> assertThat(e.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN"));

        // Signed by someone else, or expired: not let in.
        withBearer(TestJwtIssuer.token(OTHER_KEYS, Map.of("preferred_username", "eve", "roles", List.of("ADMIN")))).http()
                .post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(QUERY).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void withoutCredentialsNothingIsAnswered() {
        // A POST without credentials or CSRF token is refused before it is even authenticated.
        anonymous().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(QUERY).exchange()
                .expectStatus().isForbidden();
        anonymous().get().uri("/api/accounts/national-manufacturing/bundle").exchange()
                .expectStatus().isUnauthorized();
        as("admin", "wrong").http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(QUERY)
                .exchange().expectStatus().isUnauthorized();
        // A browser is sent to the login page.
        anonymous().get().uri("/graphql").accept(MediaType.TEXT_HTML).exchange().expectStatus().is3xxRedirection()
                .expectHeader().valueMatches(HttpHeaders.LOCATION, ".*/login");
    }

    @Test
    void browserSessionsMustSendTheCsrfTokenFromTheCookie() {
        EntityExchangeResult<String> page = anonymous().get().uri("/login").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        assertThat(page.getResponseBody()).contains("name=\"username\"").contains("name=\"password\"");
        ResponseCookie xsrf = page.getResponseCookies().getFirst("XSRF-TOKEN");
        assertThat(xsrf).as("the XSRF-TOKEN cookie for the page's JavaScript").isNotNull();
        assertThat(xsrf.isHttpOnly()).isFalse();

        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", "randy");
        form.add("password", "randy");
        // Without the token even the login is refused.
        anonymous().post().uri("/login").cookie("XSRF-TOKEN", xsrf.getValue())
                .body(BodyInserters.fromFormData(form)).exchange().expectStatus().isForbidden();
        EntityExchangeResult<Void> login = anonymous().post().uri("/login").cookie("XSRF-TOKEN", xsrf.getValue())
                .header("X-XSRF-TOKEN", xsrf.getValue()).body(BodyInserters.fromFormData(form)).exchange()
                .expectStatus().is3xxRedirection().expectBody().isEmpty();
        assertThat(login.getResponseHeaders().getFirst(HttpHeaders.LOCATION)).doesNotContain("error");
        String session = login.getResponseCookies().getFirst("JSESSIONID").getValue();
        // Logging in issues a new token (the old one dies with the anonymous session).
        ResponseCookie fresh = login.getResponseCookies().getFirst("XSRF-TOKEN");
        String token = fresh != null && !fresh.getValue().isEmpty() ? fresh.getValue()
                : anonymous().get().uri("/login").cookie("JSESSIONID", session).exchange().returnResult(String.class)
                .getResponseCookies().getFirst("XSRF-TOKEN").getValue();

        anonymous().post().uri("/graphql").cookie("JSESSIONID", session).cookie("XSRF-TOKEN", token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(QUERY).exchange().expectStatus().isForbidden();
        anonymous().post().uri("/graphql").cookie("JSESSIONID", session).cookie("XSRF-TOKEN", token)
                .header("X-XSRF-TOKEN", token).contentType(MediaType.APPLICATION_JSON).bodyValue(QUERY).exchange()
                .expectStatus().isOk();
    }

    @Test
    void aSessionCookieWithABogusAuthorizationHeaderStillNeedsTheCsrfToken() {
        String session = signIn("randy", "randy");
        String wrongBasic = "Basic " + java.util.Base64.getEncoder()
                .encodeToString("randy:wrong".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (String bogus : List.of(wrongBasic, "Token abc", "Bearer ic_notAToken", "Basic !!!")) {
            int status = anonymous().post().uri("/graphql").cookie("JSESSIONID", session)
                    .header(HttpHeaders.AUTHORIZATION, bogus).contentType(MediaType.APPLICATION_JSON).bodyValue(QUERY)
                    .exchange().returnResult(String.class).getStatus().value();
            assertThat(status).as("session cookie + '%s', no CSRF token", bogus).isIn(401, 403);
        }
        // The session itself still works, with its CSRF token, and a real Basic header works without one.
        as("randy").http().post().uri("/graphql").cookie("JSESSIONID", session).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(QUERY).exchange().expectStatus().isOk();
    }

    @Test
    void scriptsWithoutCredentialsGetJsonNotABasicPopUp() {
        anonymous().get().uri("/api/accounts/national-manufacturing/bundle").accept(MediaType.APPLICATION_JSON)
                .header("X-Requested-With", "XMLHttpRequest").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).doesNotStartWith("Basic"))
                .expectBody().jsonPath("$.message").isNotEmpty();
        anonymous().get().uri("/api/accounts/national-manufacturing/bundle").accept(MediaType.APPLICATION_JSON)
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).doesNotStartWith("Basic"));
    }

    @Test
    void oddRequestsGetJsonErrorsNotServerPages() {
        // A chunked GraphQL body (no Content-Length) over the limit: 413, like a declared one.
        byte[] chunk = new byte[1024 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromPublisher(reactor.core.publisher.Flux.range(0, 22).map(i -> chunk), byte[].class))
                .exchange().expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        // An encoded slash: 400 as JSON, not Tomcat's HTML page.
        http.get().uri(java.net.URI.create("http://localhost:" + port + "/api/accounts/a%2Fb/bundle")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        // /error asked for directly, without credentials: not a 500.
        anonymous().get().uri("/error").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        // GraphiQL's fonts (data: URIs in its stylesheet) are allowed.
        http.get().uri("/graphiql").exchange().expectStatus().isOk()
                .expectHeader().valueMatches("Content-Security-Policy", ".*font-src 'self' data:.*");
    }

    @Test
    void anUploadOverTheLimitGetsAJson413NotAServerPage() throws Exception {
        // One MB over spring.servlet.multipart.max-request-size (50MB), as a CRM file upload. Sent over a plain
        // socket that reads while it writes, as curl and browsers do: the server answers as soon as the limit is
        // passed and then closes the connection without reading the rest (Tomcat does so after a 413), which a
        // client that first sends everything sees only as a broken pipe.
        String boundary = "limit-test";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long length = head.length + 51L * 1024 * 1024 + tail.length;
        String basic = java.util.Base64.getEncoder().encodeToString("admin:admin".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(120_000);
            java.util.concurrent.CompletableFuture<String> answer = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
                try {
                    socket.getInputStream().transferTo(read);
                } catch (java.io.IOException closed) {
                    // what arrived before the connection closed is the answer
                }
                return read.toString(java.nio.charset.StandardCharsets.UTF_8);
            });
            java.io.OutputStream out = socket.getOutputStream();
            try {
                out.write(("POST /api/accounts/national-manufacturing/imports/contacts HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Basic " + basic + "\r\nAccept: application/json\r\n"
                        + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + length
                        + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.write(head);
                byte[] mb = new byte[1024 * 1024];
                for (int i = 0; i < 51 && !answer.isDone(); i++) {
                    out.write(mb);
                }
                out.write(tail);
                out.flush();
                socket.shutdownOutput();
            } catch (java.io.IOException closedByTheServer) {
                // the server answered and closed: read its answer below
            }
            String response = answer.get(120, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(response).startsWith("HTTP/1.1 413");
            assertThat(response.toLowerCase()).contains("content-type: application/json");
            assertThat(response).contains("\"status\":413").contains("max-request-size").doesNotContain("<html");
        }
    }

    @Test
    void oddPathsGetJson400AndUnknownOnesJson404() {
        for (String path : List.of("/api/accounts/a/..;/bundle", "/api/accounts/%2e%2e/bundle",
                "/api/accounts/a%25/bundle", "/api//accounts/a/bundle", "/graphql;jsessionid=x",
                // Refused by Tomcat itself, before the app's filters: its error report valve answers.
                "/api/accounts/a%00/bundle", "/api/accounts/a%5Cb/bundle")) {
            http.get().uri(java.net.URI.create("http://localhost:" + port + path)).accept(MediaType.APPLICATION_JSON)
                    .exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(400);
        }
        http.get().uri("/api/no-such-thing").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
    }

    /** Signs in through the login form (with its CSRF token) and answers the session cookie. */
    private String signIn(String username, String password) {
        EntityExchangeResult<String> page = anonymous().get().uri("/login").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        ResponseCookie xsrf = page.getResponseCookies().getFirst("XSRF-TOKEN");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", username);
        form.add("password", password);
        EntityExchangeResult<Void> login = anonymous().post().uri("/login").cookie("XSRF-TOKEN", xsrf.getValue())
                .header("X-XSRF-TOKEN", xsrf.getValue()).body(BodyInserters.fromFormData(form)).exchange()
                .expectStatus().is3xxRedirection().expectBody().isEmpty();
        assertThat(login.getResponseHeaders().getFirst(HttpHeaders.LOCATION)).doesNotContain("error");
        return login.getResponseCookies().getFirst("JSESSIONID").getValue();
    }

    @Test
    void responsesCarrySecurityHeadersAndRequestsHaveLimits() {
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(QUERY).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueMatches("Content-Security-Policy", ".*default-src 'self'.*");

        StringBuilder aliased = new StringBuilder("{");
        for (int i = 0; i < 31; i++) {
            aliased.append(" a").append(i).append(": ping");
        }
        graphQl.document(aliased.append(" }").toString()).execute().errors()
                .satisfy(e -> assertThat(e.get(0).getMessage()).contains("aliases"));

        byte[] huge = new byte[22 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(huge).exchange()
                .expectStatus().isEqualTo(413);
    }

    @Test
    void thePagesScriptsAreKeptByTheBrowserAndAskedAgainCheaply() {
        // Kept privately and asked again each time: a 304 without a body when nothing changed, never "no-store".
        String lastModified = http.get().uri("/app/map-view.js").exchange().expectStatus().isOk()
                .expectHeader().valueMatches("Cache-Control", "(?=.*no-cache)(?=.*private).*")
                .expectHeader().value("Cache-Control", v -> assertThat(v).doesNotContain("no-store"))
                .returnResult(String.class).getResponseHeaders().getFirst("Last-Modified");
        assertThat(lastModified).isNotBlank();
        http.get().uri("/app/map-view.js").header("If-Modified-Since", lastModified).exchange()
                .expectStatus().isNotModified();
        // The answers of the API are not kept.
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(QUERY).exchange()
                .expectHeader().value("Cache-Control", v -> assertThat(v).contains("no-store"));
    }
}
