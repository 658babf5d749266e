package io.innercircle.database;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.executor.Executor;
import liquibase.executor.ExecutorService;
import liquibase.ext.neo4j.database.jdbc.Neo4jDriver;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.statement.core.RawParameterizedSqlStatement;
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
import java.util.ArrayList;
import java.util.List;
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
        boolean created = migrate(url, info);
        log.info("Graph schema is up to date ({}, {} ms)", created ? "new database" : "migrated",
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Brings the database at this JDBC URL up to the changelog. A new database (no change set ran yet, no data)
     * gets every change set first and their record afterwards: each schema change empties Neo4j's query cache, so
     * Liquibase's own bookkeeping queries, run after each change set, were planned again some 30 times over (20 to
     * 25 s on a new database on a 2-core machine, where the statements themselves take 1 to 3 s). Any other
     * database is migrated by Liquibase as usual, one change set and its record at a time.
     *
     * @return whether the database was new
     */
    static boolean migrate(String url, Properties info) throws Exception {
        return migrate(url, info, CHANGELOG);
    }

    /** {@link #migrate(String, Properties)} with another changelog (tests). */
    static boolean migrate(String url, Properties info, String changelog) throws Exception {
        try (Connection jdbc = new Neo4jDriver().connect(url, info)) {
            Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(jdbc));
            try (Liquibase liquibase = new Liquibase(changelog, new ClassLoaderResourceAccessor(), db)) {
                if (nothingRan(liquibase) && createNew(liquibase, db)) {
                    return true;
                }
                liquibase.update(new Contexts(), new LabelExpression());
                return false;
            }
        }
    }

    /**
     * Runs every change set, then records them all as run, under Liquibase's lock so that instances starting
     * together on one new database do it once. Does nothing unless no change set ran and the graph holds nothing
     * but Liquibase's own nodes: a half-migrated or populated database is left to the usual update.
     */
    private static boolean createNew(Liquibase liquibase, Database db) throws Exception {
        LockService lock = LockServiceFactory.getInstance().getLockService(db);
        lock.waitForLock();
        try {
            DatabaseChangeLog changeLog = liquibase.getDatabaseChangeLog();
            List<ChangeSet> unrun = liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression());
            // Again under the lock: another instance may have just done it.
            if (unrun.size() != changeLog.getChangeSets().size() || holdsData(db)) {
                return false;
            }
            List<ChangeSet> ran = new ArrayList<>();
            try {
                for (ChangeSet changeSet : unrun) {
                    changeSet.execute(changeLog, db);
                    db.commit();
                    ran.add(changeSet);
                }
            } finally {
                // After a failure too: the next start goes on from the change set that failed, as Liquibase would.
                for (ChangeSet changeSet : ran) {
                    db.markChangeSetExecStatus(changeSet, ChangeSet.ExecType.EXECUTED);
                }
                db.commit();
            }
            return true;
        } finally {
            lock.releaseLock();
        }
    }

    private static boolean nothingRan(Liquibase liquibase) throws Exception {
        return liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).size()
                == liquibase.getDatabaseChangeLog().getChangeSets().size();
    }

    private static boolean holdsData(Database db) throws Exception {
        Executor executor = Scope.getCurrentScope().getSingleton(ExecutorService.class).getExecutor("jdbc", db);
        return executor.queryForLong(new RawParameterizedSqlStatement("""
                CALL { MATCH (n) WHERE NOT any(l IN labels(n) WHERE l STARTS WITH '__Liquibase') RETURN n LIMIT 1 }
                RETURN count(n)""")) > 0;
    }
}
