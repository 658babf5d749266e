package io.innercircle.api.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The one clock of the app, in UTC: every "today" and every timestamp the app writes comes from it, so that a
 * date never depends on the server's time zone, and tests can drive time with a clock of their own.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
