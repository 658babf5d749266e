package io.innercircle.security.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code innercircle.security.sign-in}: how long a verified Basic credential is trusted without bcrypt, how long
 * an API token once found is trusted without looking it up again, and how many failed sign-ins a user name or a
 * client address may have per period before it is answered 429.
 */
@ConfigurationProperties("innercircle.security.sign-in")
public record SignInProperties(Duration basicCacheTtl, Duration tokenCacheTtl, int failuresPerUser,
                               int failuresPerAddress, Duration failurePeriod) {

    public SignInProperties {
        basicCacheTtl = basicCacheTtl == null ? Duration.ofMinutes(5) : basicCacheTtl;
        tokenCacheTtl = tokenCacheTtl == null ? Duration.ofSeconds(2) : tokenCacheTtl;
        failuresPerUser = failuresPerUser <= 0 ? 10 : failuresPerUser;
        failuresPerAddress = failuresPerAddress <= 0 ? 60 : failuresPerAddress;
        failurePeriod = failurePeriod == null ? Duration.ofMinutes(1) : failurePeriod;
    }
}
