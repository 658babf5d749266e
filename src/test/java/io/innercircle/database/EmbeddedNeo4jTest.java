package io.innercircle.database;

import io.innercircle.InnerCircleApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The zero-setup default: with no Neo4j URI the app runs its own Neo4j on a data directory. What a rep drew is
 * still there after a restart; the Bolt port wants a password, so a local process without one (or with the
 * factory default) is refused; the password is made on first start, kept owner-only in the data directory
 * (itself 0700), the same after a restart, and never logged. One test, because each start of the app on a new
 * database costs half a minute.
 * <p>
 * Self-contained (its own Neo4j and app), it runs beside the shared test app, and holds standard output while it
 * reads it. Its app leaves out Boot's logging listener: the test JVM's logging is set up once
 * ({@link io.innercircle.support.TestLogging}), and the listener would reset it under the shared app.
 */
@Tag("slow")
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(Resources.SYSTEM_OUT)
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedNeo4jTest {

    @TempDir
    Path parent;

    @Test
    void mapsAndThePasswordSurviveARestartAndBoltWithoutThePasswordIsRefused(CapturedOutput output) throws Exception {
        Path data = parent.resolve("data");
        URI bolt;
        String password;
        try (ConfigurableApplicationContext app = start(data)) {
            graphQl(app).document("mutation { createAccount(input: {key: \"kept\", name: \"Kept Co\"}) { account { key } } }")
                    .execute().path("createAccount.account.key").entity(String.class).isEqualTo("kept");
            bolt = app.getBean(Neo4jConnectionDetails.class).getUri();
            password = Files.readString(data.resolve(EmbeddedNeo4jConfiguration.PASSWORD_FILE), StandardCharsets.UTF_8);
            assertThat(password).hasSizeGreaterThanOrEqualTo(24);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    data.resolve(EmbeddedNeo4jConfiguration.PASSWORD_FILE)))).isEqualTo("rw-------");

            for (var auth : java.util.List.of(AuthTokens.none(), AuthTokens.basic("neo4j", "neo4j"),
                    AuthTokens.basic("neo4j", "wrong"))) {
                try (Driver driver = GraphDatabase.driver(bolt, auth)) {
                    assertThatThrownBy(() -> driver.executableQuery("MATCH (n) RETURN count(n)").execute())
                            .isInstanceOf(AuthenticationException.class);
                }
            }
            try (Driver driver = GraphDatabase.driver(bolt, AuthTokens.basic("neo4j", password))) {
                assertThat(driver.executableQuery("RETURN 1 AS one").execute().records().get(0).get("one").asInt())
                        .isEqualTo(1);
            }
        }
        assertThat(Files.exists(data.resolve("data/databases/neo4j"))).isTrue();
        try (ConfigurableApplicationContext app = start(data)) {
            graphQl(app).document("{ account(key: \"kept\") { name version } }").execute()
                    .path("account.name").entity(String.class).isEqualTo("Kept Co");
            assertThat(Files.readString(data.resolve(EmbeddedNeo4jConfiguration.PASSWORD_FILE), StandardCharsets.UTF_8))
                    .as("the same password after a restart").isEqualTo(password);
        }
        assertThat(output.getAll()).doesNotContain(password);
    }

    private static ConfigurableApplicationContext start(Path data) {
        SpringApplication app = new SpringApplicationBuilder(InnerCircleApplication.class).build();
        app.setListeners(app.getListeners().stream()
                .filter(listener -> !(listener instanceof LoggingApplicationListener)).toList());
        return app.run(
                "--server.port=0",
                "--spring.neo4j.uri=",
                "--innercircle.embedded.data-directory=" + data,
                "--innercircle.embedded.page-cache=64m",
                "--innercircle.demo.load=false",
                // The political map's reads planned ahead at start: not what this test is about.
                "--innercircle.map.warm-up=false");
    }

    private static HttpGraphQlTester graphQl(ConfigurableApplicationContext app) {
        String port = app.getEnvironment().getProperty("local.server.port");
        return HttpGraphQlTester.create(WebTestClient.bindToServer(new JdkClientHttpConnector())
                .baseUrl("http://localhost:" + port + "/graphql").responseTimeout(Duration.ofSeconds(30))
                .defaultHeaders(h -> h.setBasicAuth("admin", "admin")).build());
    }
}
