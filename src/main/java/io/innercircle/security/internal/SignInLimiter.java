package io.innercircle.security.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Limits failed sign-ins (a wrong password, an unknown API token) per user name and per client address with
 * Resilience4j rate limiters: each failure takes a permit, and while either has none left a sign-in is refused
 * before its password is even checked, so a flood of guesses costs no bcrypt. A correct password that is
 * already in the Basic cache is not affected, so a guesser cannot lock out a client that is already working.
 * The limiters live in a bounded cache: guessing many user names cannot fill the memory.
 */
@Component
class SignInLimiter {

    private final RateLimiterConfig perUser;
    private final RateLimiterConfig perAddress;
    private final Cache<String, RateLimiter> limiters;

    SignInLimiter(SignInProperties properties) {
        this.perUser = config(properties.failuresPerUser(), properties.failurePeriod());
        this.perAddress = config(properties.failuresPerAddress(), properties.failurePeriod());
        this.limiters = Caffeine.newBuilder().maximumSize(100_000)
                .expireAfterAccess(properties.failurePeriod().multipliedBy(2)).build();
    }

    private static RateLimiterConfig config(int failures, Duration period) {
        return RateLimiterConfig.custom().limitForPeriod(failures).limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO).build();
    }

    /** Throws {@link SignInRateLimitedException} while the user name or the address has no failures left. */
    void check(String username, String address) {
        refuseIfExhausted(username == null ? null : limiter("user:" + username, perUser), "for this user");
        refuseIfExhausted(address == null ? null : limiter("address:" + address, perAddress), "from this address");
    }

    void failed(String username, String address) {
        if (username != null) {
            limiter("user:" + username, perUser).acquirePermission();
        }
        if (address != null) {
            limiter("address:" + address, perAddress).acquirePermission();
        }
    }

    private RateLimiter limiter(String key, RateLimiterConfig config) {
        return limiters.get(key, k -> RateLimiter.of(k, config));
    }

    private static void refuseIfExhausted(RateLimiter limiter, String who) {
        if (limiter == null || limiter.getMetrics().getAvailablePermissions() > 0) {
            return;
        }
        long nanos = limiter instanceof AtomicRateLimiter atomic
                ? atomic.getDetailedMetrics().getNanosToWait()
                : limiter.getRateLimiterConfig().getLimitRefreshPeriod().toNanos();
        throw new SignInRateLimitedException(who, Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }
}
