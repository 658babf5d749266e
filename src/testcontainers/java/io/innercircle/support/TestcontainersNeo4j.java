package io.innercircle.support;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Neo4jContainer;

/**
 * Starts the official Neo4j image for the tests ({@code -Ptestcontainers}); loaded by {@link Neo4jHarness} by
 * name, so the default build has no Docker classes. Refuses plainly where no Docker engine answers.
 */
public final class TestcontainersNeo4j {

    private TestcontainersNeo4j() {
    }

    /** Bolt URI, username and password of the started container. */
    public static String[] start() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("No Docker engine answers on this machine, so the -Ptestcontainers "
                    + "tests cannot run here. Use -Pserver (a Neo4j server in its own process) instead, or run "
                    + "them where Docker is available.");
        }
        String password = "test-" + Long.toHexString(new java.security.SecureRandom().nextLong());
        Neo4jContainer<?> neo4j = new Neo4jContainer<>("neo4j:5.26").withAdminPassword(password);
        neo4j.start();
        Runtime.getRuntime().addShutdownHook(new Thread(neo4j::stop, "neo4j-container-shutdown"));
        return new String[] {neo4j.getBoltUrl(), "neo4j", password};
    }
}
