package io.innercircle.database;

import org.neo4j.driver.NotificationClassification;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

/**
 * Asks Neo4j not to send "unrecognized" notifications. The app's queries name relationship types and properties
 * that a database may not hold yet (no relationship plan drawn, no placeholder person): on a young database every
 * edit drew five multi-line warnings, each quoting its whole query, into the log (Spring Data Neo4j logs them at
 * WARN), about 5,000 lines per 1,000 edits. Deprecation, performance and other notifications still come through.
 */
@Configuration(proxyBeanMethods = false)
class DriverNotifications {

    @Bean
    ConfigBuilderCustomizer noUnrecognizedNotifications() {
        return builder -> builder.withDisabledNotificationClassifications(Set.of(NotificationClassification.UNRECOGNIZED));
    }
}
