package io.innercircle.database;

import io.innercircle.InnerCircleApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zero-setup default: with no Neo4j URI the app runs its own Neo4j on a data directory, and what a rep drew
 * is still there after a restart.
 */
@Tag("slow")
class EmbeddedNeo4jRestartTest {

    @TempDir
    Path dataDirectory;

    @Test
    void mapsSurviveARestart() {
        try (ConfigurableApplicationContext app = start()) {
            graphQl(app).document("mutation { createAccount(input: {key: \"kept\", name: \"Kept Co\"}) { account { key } } }")
                    .execute().path("createAccount.account.key").entity(String.class).isEqualTo("kept");
        }
        assertThat(Files.exists(dataDirectory.resolve("data/databases/neo4j"))).isTrue();
        try (ConfigurableApplicationContext app = start()) {
            graphQl(app).document("{ account(key: \"kept\") { name version } }").execute()
                    .path("account.name").entity(String.class).isEqualTo("Kept Co");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(InnerCircleApplication.class).run(
                "--server.port=0",
                "--spring.neo4j.uri=",
                "--innercircle.embedded.data-directory=" + dataDirectory,
                "--innercircle.embedded.page-cache=64m",
                "--innercircle.demo.load=false");
    }

    private static HttpGraphQlTester graphQl(ConfigurableApplicationContext app) {
        String port = app.getEnvironment().getProperty("local.server.port");
        return HttpGraphQlTester.create(WebTestClient.bindToServer(new JdkClientHttpConnector())
                .baseUrl("http://localhost:" + port + "/graphql").responseTimeout(Duration.ofSeconds(30))
                .defaultHeaders(h -> h.setBasicAuth("admin", "admin")).build());
    }
}
