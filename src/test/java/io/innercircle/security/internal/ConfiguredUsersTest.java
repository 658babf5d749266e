package io.innercircle.security.internal;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which configured users may sign in, decided at start-up: a user whose password is their user name (the demo
 * users) only while the demo data is on or the server listens on loopback only, and always with a loud warning.
 * A plain unit test of the deciding components, so that no second Spring context is started.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfiguredUsersTest {

    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private static final SecurityProperties PROPERTIES = new SecurityProperties(List.of(
            new SecurityProperties.User("admin", ENCODER.encode("admin"), List.of(Role.ADMIN), null, null),
            new SecurityProperties.User("alice", ENCODER.encode("a long real secret"), List.of(Role.REP), "alice",
                    null)), null);

    private static ConfiguredUsers users(boolean demo, String address) {
        MockEnvironment environment = new MockEnvironment().withProperty("innercircle.demo.load", String.valueOf(demo));
        if (address != null) {
            environment.setProperty("server.address", address);
        }
        return new ConfiguredUsers(PROPERTIES, ENCODER, environment);
    }

    @Test
    void onTheNetworkWithoutTheDemoDataTheDemoUsersAreLeftOut() {
        for (String address : new String[] {"0.0.0.0", "192.0.2.10", null}) {
            ConfiguredUsers users = users(false, address);
            assertThat(users.exists("admin")).as("admin/admin on %s", address).isFalse();
            assertThat(users.exists("alice")).isTrue();
            assertThat(users.weakPasswords()).isEmpty();
        }
    }

    @Test
    void whileTheDemoDataIsOnTheDemoUsersExist() {
        ConfiguredUsers users = users(true, "0.0.0.0");
        assertThat(users.exists("admin")).isTrue();
        assertThat(users.weakPasswords()).containsExactly("admin");
    }

    @Test
    void onLoopbackOnlyTheyExistForTheDeveloperOnThisMachine() {
        assertThat(users(false, "127.0.0.1").exists("admin")).isTrue();
        assertThat(users(false, "::1").exists("admin")).isTrue();
    }

    @Test
    void aLoudStartUpWarningNamesEveryUserWhosePasswordIsTheirName(CapturedOutput output) {
        MockEnvironment environment = new MockEnvironment().withProperty("server.address", "0.0.0.0");
        new WeakPasswordWarning(users(true, "0.0.0.0"), environment).warn();
        assertThat(output.getOut()).contains("WARNING: the password of admin is the user name")
                .contains("0.0.0.0").doesNotContain("alice");

        int before = output.getOut().length();
        new WeakPasswordWarning(users(false, "0.0.0.0"), environment).warn();
        assertThat(output.getOut().substring(before)).doesNotContain("WARNING: the password");
    }
}
