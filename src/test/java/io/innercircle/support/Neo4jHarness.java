package io.innercircle.support;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Neo4j 5.26 the tests run against, one for the whole test JVM, chosen by the system property
 * {@code innercircle.test.neo4j} (set by the Maven profiles, docs/architecture.md "Tests and module boundaries"):
 * <ul>
 *   <li>{@code in-process} (default): neo4j-harness inside the test JVM, auth off; fastest, and the only mode in
 *   which {@link #database()} (the in-process API) is available.</li>
 *   <li>{@code server} ({@code -Pserver}): a Neo4j server in its own process, spoken to over Bolt with a
 *   username and password, as the app speaks to a production server: the one given by {@code NEO4J_URI},
 *   {@code NEO4J_USERNAME} and {@code NEO4J_PASSWORD}, or else neo4j-harness with auth on started in a forked
 *   JVM ({@link Neo4jServerMain}).</li>
 *   <li>{@code testcontainers} ({@code -Ptestcontainers}): the official Neo4j image in Docker, where a Docker
 *   engine answers; where none does, the tests stop with that plain message.</li>
 * </ul>
 * Neo4j's own HTTP server is disabled in-process because it clashes with Boot's web stack.
 */
public final class Neo4jHarness {

    /** Where the database runs and how to sign in to its Bolt port. */
    public record Connection(URI bolt, String username, String password) {}

    private static Neo4j inProcess;
    private static Neo4j secondInProcess;
    private static Connection connection;
    private static Driver driver;

    private Neo4jHarness() {
    }

    public static String mode() {
        return System.getProperty("innercircle.test.neo4j", "in-process");
    }

    public static boolean inProcess() {
        return mode().equals("in-process");
    }

    public static synchronized Neo4j get() {
        if (!inProcess()) {
            throw new IllegalStateException("This test uses Neo4j's in-process API, which the '" + mode()
                    + "' test mode does not have; run it without -P" + mode());
        }
        if (inProcess == null) {
            inProcess = startInProcess();
        }
        return inProcess;
    }

    /**
     * The harness as every test database is set up: Neo4j's own HTTP server off, and Cypher plans kept. Each test
     * empties the database and builds a map of a dozen people, so the counts Neo4j plans by swing from nothing to
     * something in every test; with Neo4j's defaults every query seen more than 10 s ago was then planned again
     * (a third of the test JVM's CPU went to the Cypher planner). A production database grows steadily and keeps
     * the defaults. Bolt stops without waiting for new work, as the app's embedded Neo4j does (10 s a stop).
     */
    public static Neo4jBuilder testDatabase(Neo4jBuilder builder) {
        return builder.withDisabledServer()
                .withConfig(GraphDatabaseSettings.cypher_min_replan_interval, Duration.ofDays(1))
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
    }

    /**
     * Where the harness keeps its store: in memory ({@code /dev/shm}) where the machine has it, since every commit
     * forces the transaction log to disk and the tests commit thousands of times; else the system's temp folder.
     * {@code -Dinnercircle.test.neo4j.dir=...} picks another.
     */
    private static Path workingDirectory() {
        String configured = System.getProperty("innercircle.test.neo4j.dir");
        Path shm = Path.of("/dev/shm");
        Path base = configured != null ? Path.of(configured)
                : Files.isDirectory(shm) && Files.isWritable(shm) ? shm.resolve("innercircle-test-neo4j")
                : Path.of(System.getProperty("java.io.tmpdir"));
        try {
            // The harness makes a folder of its own in it and deletes that folder when it closes.
            return Files.createDirectories(base);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the test database folder " + base, e);
        }
    }

    public static synchronized Connection connection() {
        if (connection == null) {
            connection = switch (mode()) {
                case "in-process" -> new Connection(get().boltURI(), "neo4j", "");
                case "server" -> server();
                case "testcontainers" -> testcontainers();
                default -> throw new IllegalStateException("Unknown innercircle.test.neo4j mode '" + mode()
                        + "': in-process, server or testcontainers");
            };
        }
        return connection;
    }

    /**
     * The Neo4j of the second test app ({@link SecondAppTest}): in-process, a second harness of its own, so that
     * its tests can run beside those of the shared app; in the other modes the one database, whose tests then run
     * one after another (Surefire runs them on one thread).
     */
    public static synchronized Connection second() {
        if (!inProcess()) {
            return connection();
        }
        if (secondInProcess == null) {
            secondInProcess = startInProcess();
        }
        return new Connection(secondInProcess.boltURI(), "neo4j", "");
    }

    /** A harness in this JVM, as every test database is set up, closed when the JVM ends. */
    private static Neo4j startInProcess() {
        Neo4j neo4j = testDatabase(Neo4jBuilders.newInProcessBuilder(workingDirectory())).build();
        Runtime.getRuntime().addShutdownHook(new Thread(neo4j::close, "neo4j-harness-shutdown"));
        return neo4j;
    }

    public static URI boltUri() {
        return connection().bolt();
    }

    public static GraphDatabaseService database() {
        return get().defaultDatabaseService();
    }

    public static DatabaseManagementService dbms() {
        return get().databaseManagementService();
    }

    /** Runs Cypher in a write transaction over Bolt (in every mode), answering the rows. */
    public static List<Record> cypher(String query, Map<String, Object> parameters) {
        return driver().executableQuery(query).withParameters(parameters).execute().records();
    }

    /** A driver of the test's own, with the driver's default settings (not the app's). */
    public static synchronized Driver driver() {
        if (driver == null) {
            Connection c = connection();
            driver = GraphDatabase.driver(c.bolt(), c.password().isEmpty() ? AuthTokens.none()
                    : AuthTokens.basic(c.username(), c.password()));
            Runtime.getRuntime().addShutdownHook(new Thread(driver::close, "neo4j-test-driver-shutdown"));
        }
        return driver;
    }

    /** The server named by NEO4J_URI, or neo4j-harness with auth on in a JVM of its own. */
    private static Connection server() {
        String uri = System.getenv("NEO4J_URI");
        if (uri != null && !uri.isBlank()) {
            return new Connection(URI.create(uri), System.getenv().getOrDefault("NEO4J_USERNAME", "neo4j"),
                    System.getenv().getOrDefault("NEO4J_PASSWORD", ""));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                Neo4jServerMain.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                process.destroy();
                try {
                    process.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                process.destroyForcibly();
            }, "neo4j-server-shutdown"));
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(Neo4jServerMain.READY)) {
                    String[] parts = line.split(" ");
                    return new Connection(URI.create(parts[1]), "neo4j", parts[2]);
                }
            }
            throw new IllegalStateException("The forked Neo4j server ended before it was ready (exit "
                    + process.waitFor() + ")");
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the forked Neo4j server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Through the -Ptestcontainers profile's own source folder, so the default build needs no Docker classes. */
    private static Connection testcontainers() {
        try {
            Class<?> starter = Class.forName("io.innercircle.support.TestcontainersNeo4j");
            String[] c = (String[]) starter.getMethod("start").invoke(null);
            return new Connection(URI.create(c[0]), c[1], c[2]);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw cause instanceof RuntimeException r ? r
                    : new IllegalStateException("Testcontainers Neo4j did not start: " + cause.getMessage(), cause);
        }
    }
}
