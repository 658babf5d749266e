package io.innercircle.database;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * The zero-setup default: an in-process Neo4j Community that persists to a data directory and speaks Bolt
 * on 127.0.0.1 only. The app then connects to it through the ordinary driver, so the embedded, server and
 * cluster set-ups share one code path.
 *
 * <p>Bolt asks for a password even on loopback: any local process could otherwise read and write every map past
 * the app's access checks and audit trail. On first start a random password is made and kept in
 * {@code <data directory>/neo4j-password} (owner-only, the directory itself 0700); it is never logged. Read it
 * from that file to browse the database with Neo4j tools (user neo4j).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalNeo4jCondition.class)
@EnableConfigurationProperties(EmbeddedNeo4jProperties.class)
public class EmbeddedNeo4jConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jConfiguration.class);

    static final String PASSWORD_FILE = "neo4j-password";
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    /** The password of the embedded database's user neo4j, made on first start. */
    record EmbeddedPassword(String value) {
        @Override
        public String toString() {
            return "EmbeddedPassword[hidden]";
        }
    }

    @Bean(destroyMethod = "shutdown")
    DatabaseManagementService embeddedNeo4j(EmbeddedNeo4jProperties properties) throws IOException {
        Path home = Path.of(properties.dataDirectory()).toAbsolutePath().normalize();
        ownerOnlyDirectory(home);
        log.info("Starting the embedded Neo4j with its data in {}", home);
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", properties.boltPort()))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", properties.boltPort()))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                // Bolt is bound to the loopback interface only, and still wants the password (see above).
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, parseSize(properties.pageCache()))
                // Stop Bolt as soon as its work is done: by default each of its two thread groups waits 5 s for
                // new work first, 10 s of every stop of the app. Its clients are the app's own driver, which Spring
                // closes before this bean, and at most a developer's tool on the loopback port.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();
        return dbms;
    }

    /**
     * Reads the password file, or on first start (no file yet) makes a password, sets it on the database through
     * the in-process API (which needs no login) and then writes the file, owner-only.
     */
    @Bean
    EmbeddedPassword embeddedNeo4jPassword(DatabaseManagementService dbms, EmbeddedNeo4jProperties properties)
            throws IOException {
        Path file = Path.of(properties.dataDirectory()).toAbsolutePath().normalize().resolve(PASSWORD_FILE);
        if (Files.exists(file)) {
            ownerOnlyFile(file);
            return new EmbeddedPassword(Files.readString(file, StandardCharsets.UTF_8).strip());
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        Path partial = file.resolveSibling(PASSWORD_FILE + ".new");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        Files.writeString(partial, password, StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        log.info("Made a password for the embedded Neo4j's user neo4j; it is in {} (readable by this user only)", file);
        return new EmbeddedPassword(password);
    }

    private static void ownerOnlyDirectory(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        }
        Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
    }

    private static void ownerOnlyFile(Path file) throws IOException {
        if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY_FILE)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        }
    }

    @Bean
    Neo4jConnectionDetails embeddedNeo4jConnection(DatabaseManagementService dbms, EmbeddedPassword password) {
        GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        var address = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        URI uri = URI.create("bolt://127.0.0.1:" + address.getPort());
        log.info("Embedded Neo4j is ready at {}", uri);
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return uri;
            }

            @Override
            public AuthToken getAuthToken() {
                return AuthTokens.basic("neo4j", password.value());
            }
        };
    }

    static long parseSize(String size) {
        String s = size.trim().toLowerCase();
        long factor = 1;
        if (s.endsWith("g")) {
            factor = ByteUnit.gibiBytes(1);
        } else if (s.endsWith("m")) {
            factor = ByteUnit.mebiBytes(1);
        } else if (s.endsWith("k")) {
            factor = ByteUnit.kibiBytes(1);
        }
        String digits = Character.isDigit(s.charAt(s.length() - 1)) ? s : s.substring(0, s.length() - 1);
        try {
            return Long.parseLong(digits) * factor;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "innercircle.embedded.page-cache must be a size such as 256m or 1g, not '" + size + "'", e);
        }
    }
}
