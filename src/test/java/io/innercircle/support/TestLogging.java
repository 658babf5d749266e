package io.innercircle.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Sets up Spring Boot's logging once for the whole test JVM, as the app sets it up (Boot's console format, the
 * levels of application.yml), before any test runs.
 * <p>
 * Every app started in a test JVM would otherwise set the JVM's one logging system up again, resetting it, and
 * tear it down when it stops. Run one after another that is harmless. But a test that starts an app of its own
 * beside the shared test app ({@code EmbeddedNeo4jTest}, run concurrently) would reset the logging under the
 * shared app: lines doubled or lost, and appenders that tests attach to read the log detached. Set up here
 * first, every later app finds the logging set up and leaves it; {@code EmbeddedNeo4jTest}'s app also leaves
 * out Boot's logging listener, so that its stop does not tear the logging down.
 */
public final class TestLogging implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        StandardEnvironment environment = new StandardEnvironment();
        try {
            new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                    .forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read application.yml for the tests' logging", e);
        }
        SpringApplication app = new SpringApplication();
        DefaultBootstrapContext bootstrap = new DefaultBootstrapContext();
        String[] args = new String[0];
        LoggingApplicationListener logging = new LoggingApplicationListener();
        logging.onApplicationEvent(new ApplicationStartingEvent(bootstrap, app, args));
        logging.onApplicationEvent(new ApplicationEnvironmentPreparedEvent(bootstrap, app, args, environment));
    }
}
