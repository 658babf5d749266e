package io.innercircle.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock the tests move by hand, in UTC, in place of the app's clock: real time until a test sets it, so the
 * tests that do not care share one Spring context with those that do. {@link IntegrationTest} resets it before
 * every test.
 */
public final class TestClock extends Clock {

    private volatile Instant fixed;

    /** From now on the time is {@code instant}, until set, moved or reset. */
    public void set(Instant instant) {
        fixed = instant;
    }

    /** Moves a set clock forward. */
    public void advance(Duration duration) {
        if (fixed == null) {
            throw new IllegalStateException("set the clock before moving it");
        }
        fixed = fixed.plus(duration);
    }

    /** Back to real time. */
    public void reset() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f == null ? Instant.now() : f;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (!ZoneOffset.UTC.equals(zone)) {
            throw new UnsupportedOperationException("the test clock is in UTC, as the app's");
        }
        return this;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
