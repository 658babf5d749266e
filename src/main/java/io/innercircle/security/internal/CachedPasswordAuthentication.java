package io.innercircle.security.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Password sign-in (HTTP Basic and the login form) that pays bcrypt (~70 ms) once per credential per few
 * minutes rather than on every request. A verified credential is remembered under SHA-256 of a random
 * per-process salt, the user name and the password: the password itself is never kept, and the key is useless
 * outside this process. Failed attempts count against {@link SignInLimiter}.
 */
final class CachedPasswordAuthentication implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final SignInLimiter limiter;
    private final Cache<String, Authentication> verified;
    private final byte[] salt = new byte[32];
    private final Counter checks;

    CachedPasswordAuthentication(AuthenticationProvider passwords, SignInLimiter limiter, SignInProperties properties,
                                 MeterRegistry registry) {
        this.passwords = passwords;
        // How often a password is really checked (bcrypt): what the cache saves shows here.
        this.checks = Counter.builder("innercircle.sign.in.password.checks")
                .description("Passwords checked with the password encoder (not answered from the cache)")
                .register(registry);
        this.limiter = limiter;
        this.verified = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(properties.basicCacheTtl()).build();
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String key = key(username, String.valueOf(authentication.getCredentials()));
        Authentication known = verified.getIfPresent(key);
        if (known != null) {
            return known;
        }
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        limiter.check(username, address);
        try {
            checks.increment();
            Authentication result = passwords.authenticate(authentication);
            if (result != null && result.isAuthenticated()) {
                verified.put(key, result);
            }
            return result;
        } catch (AuthenticationException e) {
            limiter.failed(username, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String key(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            byte[] user = username.getBytes(StandardCharsets.UTF_8);
            // The length first, so that ("ab", "c") and ("a", "bc") never share a key.
            sha.update(ByteBuffer.allocate(4).putInt(user.length).array());
            sha.update(user);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
