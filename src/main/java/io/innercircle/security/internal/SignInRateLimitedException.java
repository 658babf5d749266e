package io.innercircle.security.internal;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins for a user name or from an address: answered 429 with Retry-After. */
final class SignInRateLimitedException extends AuthenticationException {

    private final long retryAfterSeconds;

    SignInRateLimitedException(String who, long retryAfterSeconds) {
        super("Too many failed sign-ins " + who + "; try again in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
