package io.innercircle.database;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.ext.neo4j.database.jdbc.Neo4jDriver;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.neo4j.driver.Value;
import org.neo4j.driver.internal.security.InternalAuthToken;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.neo4j.autoconfigure.Neo4jProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.util.Map;
import java.util.Properties;

/**
 * Applies the versioned Cypher files of {@code cypher/} (constraints, indexes, data migrations) with Liquibase's
 * Neo4j extension before the app serves anything. Liquibase records what ran in the graph itself, so each file
 * runs once per database, and a cluster of app instances takes its lock.
 */
@Component
public class SchemaMigrations implements InitializingBean {

    public static final String CHANGELOG = "cypher/changelog.xml";
    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

    private final Neo4jConnectionDetails connection;
    private final ObjectProvider<Neo4jProperties> properties;
    private final Environment environment;

    public SchemaMigrations(Neo4jConnectionDetails connection, ObjectProvider<Neo4jProperties> properties,
                            Environment environment) {
        this.connection = connection;
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() throws Exception {
        Properties info = new Properties();
        // The credentials the app's driver uses: the embedded database's own password, or the configured ones.
        Map<String, Value> token = connection.getAuthToken() instanceof InternalAuthToken t ? t.toMap() : Map.of();
        Neo4jProperties props = properties.getIfAvailable();
        if (token.containsKey("credentials")) {
            info.setProperty("user", token.get("principal").asString());
            info.setProperty("password", token.get("credentials").asString());
        } else if (props != null && props.getAuthentication().getUsername() != null) {
            info.setProperty("user", props.getAuthentication().getUsername());
            info.setProperty("password", props.getAuthentication().getPassword());
        }
        String url = "jdbc:neo4j:" + connection.getUri();
        String database = environment.getProperty("spring.data.neo4j.database");
        if (database != null && !database.isBlank()) {
            url += "?database=" + database;
        }
        long start = System.nanoTime();
        try (Connection jdbc = new Neo4jDriver().connect(url, info)) {
            Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(jdbc));
            try (Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), db)) {
                liquibase.update(new Contexts(), new LabelExpression());
            }
        }
        log.info("Graph schema is up to date ({} ms)", (System.nanoTime() - start) / 1_000_000);
    }
}
