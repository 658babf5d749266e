package io.innercircle.bundle.internal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up loader, called directly: the shared test context runs with innercircle.demo.load=false, and its
 * database is only emptied after the context has started.
 */
class DemoBundleLoaderTest extends BundleTestSupport {

    @Autowired
    DemoBundleLoader loader;

    @Autowired
    BundleImporter importer;

    @Autowired
    Neo4jClient neo4j;

    @Test
    void anEmptyDatabaseGetsTheCourseExample() {
        new DemoBundleLoader(null, importer, neo4j, true).afterSingletonsInstantiated();

        assertThat(normalized(tree(export(COURSE)))).isEqualTo(normalized(example("course-example")));
        assertThat(count("MATCH (a:Account) RETURN count(a)", Map.of())).isEqualTo(1);
    }

    @Test
    void aDatabaseWithAnAccountIsLeftAlone() {
        imported(example("krackhardt-hightech"), false);
        assertThat(loader.loadIfEmpty()).isEmpty();
        assertThat(count("MATCH (a:Account) RETURN count(a)", Map.of())).isEqualTo(1);
    }

    @Test
    void switchedOffItLoadsNothing() {
        new DemoBundleLoader(null, importer, neo4j, false).afterSingletonsInstantiated();
        assertThat(count("MATCH (a:Account) RETURN count(a)", Map.of())).isZero();
    }

    @Test
    void theLoaderWaitsForTheSchemaMigrations() {
        assertThat(loader).isNotNull();
        assertThat(count("SHOW CONSTRAINTS YIELD name WHERE name = 'stakeholder_key' RETURN count(*)", Map.of()))
                .isEqualTo(1);
    }
}
