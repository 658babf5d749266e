package io.innercircle.database;

import io.innercircle.InnerCircleApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded database's Bolt port, started as the app starts it, wants a password: a local process without
 * one (or with the factory default) is refused. The password is made on first start, kept owner-only in the
 * data directory (itself 0700), the same after a restart, and never logged.
 */
@Tag("slow")
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedNeo4jAuthTest {

    @TempDir
    Path parent;

    @Test
    void boltWithoutThePasswordIsRefused(CapturedOutput output) throws Exception {
        Path data = parent.resolve("data");
        URI bolt;
        String password;
        try (ConfigurableApplicationContext app = start(data)) {
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
        try (ConfigurableApplicationContext app = start(data)) {
            assertThat(Files.readString(data.resolve(EmbeddedNeo4jConfiguration.PASSWORD_FILE), StandardCharsets.UTF_8))
                    .as("the same password after a restart").isEqualTo(password);
        }
        assertThat(output.getAll()).doesNotContain(password);
    }

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(InnerCircleApplication.class).run(
                "--server.port=0",
                "--spring.neo4j.uri=",
                "--innercircle.embedded.data-directory=" + data,
                "--innercircle.embedded.page-cache=64m",
                "--innercircle.demo.load=false");
    }
}
