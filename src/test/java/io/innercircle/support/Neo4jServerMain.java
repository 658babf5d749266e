package io.innercircle.support;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * A Neo4j server for the tests in a JVM of its own ({@code -Pserver}): neo4j-harness with authentication on and
 * Bolt on a free loopback port, the neo4j user's password set to a random one. Prints one line, "READY
 * bolt://... password", then serves until its standard input closes (the test JVM ended, however it ended).
 */
public final class Neo4jServerMain {

    static final String READY = "READY";

    private Neo4jServerMain() {
    }

    public static void main(String[] args) throws Exception {
        Neo4j neo4j = Neo4jHarness.testDatabase(Neo4jBuilders.newInProcessBuilder())
                .withConfig(GraphDatabaseSettings.auth_enabled, true)
                .build();
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        // The in-process API is not subject to auth: it sets the password a Bolt client must then give.
        neo4j.databaseManagementService().database("system").executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        System.out.println(READY + " " + neo4j.boltURI() + " " + password);
        System.out.flush();
        while (System.in.read() != -1) {
            // Serve until the parent goes away.
        }
        neo4j.close();
    }
}
