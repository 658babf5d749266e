package io.innercircle.bundle.internal;

import io.innercircle.database.SchemaMigrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Gives a fresh installation something to look at: at start-up, when {@code innercircle.demo.load} is true and
 * the database holds no account at all, imports the course's worked example (cypher/demo/course-example.json).
 * A database with any account is never touched, so deleting the demo account does not bring it back unless
 * the database is otherwise empty.
 */
@Component
public class DemoBundleLoader implements SmartInitializingSingleton {

    public static final String DEMO_BUNDLE = "cypher/demo/course-example.json";
    private static final Logger log = LoggerFactory.getLogger(DemoBundleLoader.class);

    private final BundleImporter importer;
    private final Neo4jClient neo4j;
    private final boolean enabled;

    /**
     * @param migrations asked for only so that the constraints exist before the demo is written (the import's
     *                   MERGEs rely on them being unique); Spring creates it, and so runs it, first
     */
    public DemoBundleLoader(SchemaMigrations migrations, BundleImporter importer, Neo4jClient neo4j,
                            @Value("${innercircle.demo.load:true}") boolean enabled) {
        this.importer = importer;
        this.neo4j = neo4j;
        this.enabled = enabled;
    }

    /**
     * Runs once every bean is ready but before the web server opens, so the first request already sees the
     * demo (an ApplicationRunner would run after the server has started taking requests).
     */
    @Override
    public void afterSingletonsInstantiated() {
        if (!enabled) {
            log.debug("Demo map not loaded: innercircle.demo.load is false");
            return;
        }
        try {
            loadIfEmpty();
        } catch (RuntimeException e) {
            // The demo is a convenience; a failure to load it must not keep the app from serving real maps.
            log.error("Could not load the demo map from {}", DEMO_BUNDLE, e);
        }
    }

    /** Imports the demo bundle when there is no account; returns what it did, empty when it did nothing. */
    public Optional<ImportResult> loadIfEmpty() {
        boolean empty = neo4j.query("""
                MATCH (a:Account)
                RETURN count(a) = 0 AS empty""")
                .fetchAs(Boolean.class).one().orElse(true);
        if (!empty) {
            log.info("Demo map not loaded: the database already holds accounts");
            return Optional.empty();
        }
        byte[] json;
        try (InputStream in = new ClassPathResource(DEMO_BUNDLE).getInputStream()) {
            json = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("The demo bundle " + DEMO_BUNDLE + " is missing from the classpath", e);
        }
        ImportResult result = importer.importBundle(importer.parse(json), false);
        log.info("Loaded the demo map '{}' ({} people, {} influence lines, {} opportunities) from {}; set "
                        + "innercircle.demo.load=false to start empty", result.account().key(),
                result.counts().stakeholders(), result.counts().influences(), result.counts().opportunities(),
                DEMO_BUNDLE);
        return Optional.of(result);
    }
}
