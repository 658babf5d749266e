package io.innercircle.database;

import io.innercircle.support.Neo4jHarness;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A new database gets its whole schema in one go and the record of every change set afterwards; any other
 * database is migrated one change set at a time. Both must leave the same schema and the same record, or a
 * later change set (or Liquibase's checksum validation) would meet a database it does not expect.
 * Two Neo4j instances of its own (the shared one is already migrated), so it runs with the slow tests, beside the
 * shared test app.
 */
@Tag("slow")
@Execution(ExecutionMode.CONCURRENT)
class SchemaMigrationsTest {

    @TempDir
    Path folder;

    @Test
    void aNewDatabaseEndsWithTheSchemaAndRecordOfAChangeSetAtATime() throws Exception {
        try (Neo4j populated = Neo4jHarness.testDatabase(
                        Neo4jBuilders.newInProcessBuilder(folder.resolve("populated")))
                .withFixture("CREATE (:Account {key: 'older-than-the-record'})").build();
             Neo4j empty = Neo4jHarness.testDatabase(Neo4jBuilders.newInProcessBuilder(folder.resolve("empty")))
                     .build();
             Driver a = GraphDatabase.driver(populated.boltURI(), AuthTokens.none());
             Driver b = GraphDatabase.driver(empty.boltURI(), AuthTokens.none())) {
            // A first start that fails half-way records what ran, so the next one goes on from the failure.
            assertThatThrownBy(() -> SchemaMigrations.migrate("jdbc:neo4j:" + empty.boltURI(), new Properties(),
                    "migrations/fails-half-way.xml")).hasMessageContaining("second");
            assertThat(b.executableQuery("MATCH (c:__LiquibaseChangeSet) RETURN c.id AS id").execute().records()
                    .stream().map(r -> r.get("id").asString()).toList()).containsExactly("first");

            long start = System.nanoTime();
            assertThat(SchemaMigrations.migrate("jdbc:neo4j:" + populated.boltURI(), new Properties()))
                    .as("a database holding data is migrated as usual").isFalse();
            long usual = System.nanoTime() - start;
            start = System.nanoTime();
            assertThat(SchemaMigrations.migrate("jdbc:neo4j:" + empty.boltURI(), new Properties()))
                    .as("an empty database is new").isTrue();
            long created = System.nanoTime() - start;
            System.out.printf("Schema of a new database: %d ms in one go, %d ms a change set at a time%n",
                    created / 1_000_000, usual / 1_000_000);

            assertThat(schema(b)).isEqualTo(schema(a)).hasSizeGreaterThan(30);
            assertThat(record(b)).isEqualTo(record(a)).hasSize(changeSetsInChangelog());

            assertThat(SchemaMigrations.migrate("jdbc:neo4j:" + empty.boltURI(), new Properties()))
                    .as("the second start finds the database migrated").isFalse();
            assertThat(record(b)).isEqualTo(record(a));
        }
    }

    /** Constraints and indexes (Neo4j's own lookup indexes aside): name, kind, labels or types, properties. */
    private static List<String> schema(Driver driver) {
        return Stream.of(
                "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN 'constraint' AS kind, name, type, labelsOrTypes, properties",
                "SHOW INDEXES YIELD name, type, labelsOrTypes, properties WHERE type <> 'LOOKUP' RETURN 'index' AS kind, name, type, labelsOrTypes, properties")
                .flatMap(query -> driver.executableQuery(query).execute().records().stream())
                .map(r -> String.join(" ", r.get("kind").asString(), r.get("name").asString(), r.get("type").asString(),
                        r.get("labelsOrTypes").toString(), r.get("properties").toString()))
                .filter(item -> !item.contains("half_way")).sorted().toList();
    }

    /** What Liquibase recorded of each change set, in the order they ran, without dates, run ids and run numbers. */
    private static List<String> record(Driver driver) {
        return driver.executableQuery("""
                MATCH (c:__LiquibaseChangeSet)-[run:IN_CHANGELOG]->(:__LiquibaseChangeLog)
                WHERE NOT c.changeLog STARTS WITH 'migrations/'
                RETURN run.orderExecuted AS order, c.changeLog + ' ' + c.id + ' ' + c.author + ' ' + c.checkSum
                       + ' ' + c.execType AS item ORDER BY order""")
                .execute().records().stream().map(r -> r.get("item").asString())
                .toList();
    }

    /** The change sets of every file the changelog includes. */
    private static int changeSetsInChangelog() throws Exception {
        ClassLoader loader = SchemaMigrationsTest.class.getClassLoader();
        String changelog = read(loader, SchemaMigrations.CHANGELOG);
        int count = 0;
        Matcher include = Pattern.compile("<include file=\"([^\"]+)\"").matcher(changelog);
        while (include.find()) {
            count += (int) read(loader, "cypher/" + include.group(1)).lines()
                    .filter(l -> l.startsWith("-- changeset ")).count();
        }
        return count;
    }

    private static String read(ClassLoader loader, String resource) throws Exception {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
