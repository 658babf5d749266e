package io.innercircle.support;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import java.net.URI;

/**
 * One real Neo4j 5.26 for the whole test JVM (starting one takes 10-15 s). Neo4j's own HTTP server is
 * disabled because it clashes with Boot's web stack; tests speak Bolt like the app does.
 */
public final class Neo4jHarness {

    private static Neo4j instance;

    private Neo4jHarness() {
    }

    public static synchronized Neo4j get() {
        if (instance == null) {
            instance = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "neo4j-harness-shutdown"));
        }
        return instance;
    }

    public static URI boltUri() {
        return get().boltURI();
    }

    public static GraphDatabaseService database() {
        return get().defaultDatabaseService();
    }

    public static DatabaseManagementService dbms() {
        return get().databaseManagementService();
    }
}
