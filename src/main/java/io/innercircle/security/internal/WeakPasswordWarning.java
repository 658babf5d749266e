package io.innercircle.security.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Says loudly at start-up when a configured user's password is their user name (the demo users' are), and how
 * far the server can be reached with them ({@link ConfiguredUsers} leaves such users out when the server is
 * open to the network without the demo data).
 */
@Component
class WeakPasswordWarning {

    private static final Logger log = LoggerFactory.getLogger(WeakPasswordWarning.class);

    private final ConfiguredUsers users;
    private final Environment environment;

    WeakPasswordWarning(ConfiguredUsers users, Environment environment) {
        this.users = users;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warn() {
        List<String> weak = users.weakPasswords();
        if (weak.isEmpty()) {
            return;
        }
        String address = environment.getProperty("server.address", "every interface");
        log.warn("""

                *****************************************************************************************
                  WARNING: the password of {} is the user name (the demo users).
                  Anyone who can reach this server ({}) can sign in as them.
                  Replace innercircle.security.users (docs/operators.md, Security and operations) before real use.
                *****************************************************************************************""",
                String.join(", ", weak), address);
    }
}
