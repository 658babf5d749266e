package io.innercircle.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the full-app tests that run on a second app with a Neo4j of its own ({@link Neo4jHarness#second()}),
 * beside the tests of the shared app, one second-app test class at a time. Everything else is as in
 * {@link IntegrationTest}: each test starts from an empty database, over real HTTP and GraphQL.
 * <p>
 * Why: on two cores the shared app's tests leave about a fifth of the CPU idle, one request at a time (the test,
 * a Tomcat thread and a Bolt worker taking turns). A second app in the same JVM shares the JIT's compiled code
 * and costs only its start; a second JVM would compile everything again. The tests here reach the database only
 * through the app (never {@code Neo4jHarness}'s static helpers, which speak to the shared one).
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("second-app")
@TestPropertySource(properties = "test-neo4j.app=second")
public abstract class SecondAppTest extends IntegrationTest {

    @Autowired
    private Neo4jConnectionDetails neo4j;

    /** A second app on the shared database would race the shared app's tests: make sure it is not. */
    @BeforeEach
    void onTheSecondNeo4j() {
        assertThat(neo4j.getUri()).isEqualTo(Neo4jHarness.second().bolt());
    }
}
