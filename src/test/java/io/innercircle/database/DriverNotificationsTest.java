package io.innercircle.database;

import io.innercircle.support.IntegrationTest;
import io.innercircle.support.Neo4jHarness;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.summary.ResultSummary;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class DriverNotificationsTest extends IntegrationTest {

    /** Names a label and a relationship type no database of ours holds. */
    private static final String UNKNOWN_NAMES = "MATCH (:NoSuchLabelEver)-[:NO_SUCH_TYPE_EVER]->() RETURN count(*)";

    @Autowired
    Driver appDriver;

    @Test
    void theAppsDriverIsNotToldOfUnknownNamesButAPlainDriverIs() {
        assertThat(classifications(Neo4jHarness.driver(), UNKNOWN_NAMES)).contains("UNRECOGNIZED");
        assertThat(classifications(appDriver, UNKNOWN_NAMES)).doesNotContain("UNRECOGNIZED");
    }

    @Test
    void performanceNotificationsStillReachTheApp() {
        // A cartesian product: the kind of notice worth reading in the log.
        assertThat(classifications(appDriver, "MATCH (a:Account), (b:Account) RETURN count(*)")).contains("PERFORMANCE");
    }

    private static java.util.List<String> classifications(Driver driver, String query) {
        try (var session = driver.session()) {
            ResultSummary summary = session.run(query).consume();
            return summary.notifications().stream().map(n -> n.rawCategory().orElse("?")).toList();
        }
    }
}
