package io.innercircle.database;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.innercircle.support.IntegrationTest;
import io.innercircle.support.Neo4jHarness;
import io.innercircle.support.TestBundles;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.summary.ResultSummary;
import org.slf4j.LoggerFactory;
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

    @Test
    void theMapEditsRaiseNoPerformanceNotices() {
        TestBundles.importBundle(http, "course-example.json");
        Logger performance = (Logger) LoggerFactory.getLogger("org.springframework.data.neo4j.cypher.performance");
        ListAppender<ILoggingEvent> notices = new ListAppender<>();
        notices.start();
        performance.addAppender(notices);
        try {
            // One edit of each kind that looks up two items of the account to link them.
            graphQl.document("""
                    mutation {
                      a: setInfluence(input: {from: "ACC/cons", to: "ACC/pmm", strength: 1}) { influence { strength } }
                      b: setConflict(input: {between: ["ACC/pmm", "ACC/sm"]}) { conflict { note } }
                      c: recordContact(input: {teamMember: "ACC/nicole", stakeholder: "ACC/pmm", coverage: BRIEF}) { contact { coverage } }
                      d: setInvolvement(input: {opportunity: "ACC/customer-service-2027", stakeholder: "ACC/pmm", roles: [USER], status: NEUTRAL}) { involvement { status } }
                      e: setReportsTo(stakeholder: "ACC/cons", manager: "ACC/svp") { stakeholder { id } }
                      f: createStakeholder(input: {account: "ACC", key: "new", name: "New Person", reportsTo: "ACC/svp"}) { stakeholder { id } }
                      g: createCompetitor(input: {account: "ACC", key: "other", name: "Other"}) { competitor { id } }
                      h: addDealCompetitor(opportunity: "ACC/customer-service-2027", competitor: "ACC/other") { assessment { competitors { id } } }
                    }""".replace("ACC", "national-manufacturing")).execute().errors().verify();
        } finally {
            performance.detachAppender(notices);
        }
        assertThat(notices.list).extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }

    private static java.util.List<String> classifications(Driver driver, String query) {
        try (var session = driver.session()) {
            ResultSummary summary = session.run(query).consume();
            return summary.notifications().stream().map(n -> n.rawCategory().orElse("?")).toList();
        }
    }
}
