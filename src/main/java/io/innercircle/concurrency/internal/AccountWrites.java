package io.innercircle.concurrency.internal;

import io.innercircle.concurrency.RetryableWriteException;
import io.innercircle.concurrency.StaleVersionException;

import graphql.execution.DataFetcherResult;
import io.innercircle.history.ChangesSince;
import io.innercircle.map.AccountVersions;
import org.neo4j.driver.exceptions.RetryableException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The one way a write runs: in a write transaction that first locks the accounts it names (in key order), then
 * checks the client's {@code ifVersion} against the locked version, then does the work. A transient failure
 * (deadlock, leader switch, lost connection) rolls the whole attempt back and it is run again, a bounded number
 * of times with a short random back-off; what still fails is a {@link RetryableWriteException}.
 *
 * <p>Why not the driver's managed transactions: the features write through Spring's transaction (Neo4jClient
 * joins it), which those would bypass. Why not Spring Retry: this loop is the whole of what it would do here.
 */
@Component
public class AccountWrites {

    private static final Logger log = LoggerFactory.getLogger(AccountWrites.class);

    /** How many of the changes since a stale version a refusal lists. */
    private static final int CHANGES_SHOWN = 10;

    private final TransactionTemplate transactions;
    private final AccountVersions versions;
    private final ChangesSince changes;
    private final int attempts;

    AccountWrites(PlatformTransactionManager transactionManager, AccountVersions versions, ChangesSince changes,
                  @Value("${innercircle.writes.attempts:5}") int attempts) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.versions = versions;
        this.changes = changes;
        this.attempts = Math.max(1, attempts);
    }

    /**
     * Runs {@code work} as described above.
     *
     * @param accounts  the accounts the write names (may be empty: a write that locks what it creates itself)
     * @param ifVersion the version the client read, or null for no check
     */
    public <T> T run(Collection<String> accounts, Integer ifVersion, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> {
                    Map<String, Long> current = versions.lock(accounts);
                    if (ifVersion != null) {
                        for (Map.Entry<String, Long> account : current.entrySet()) {
                            if (account.getValue() != ifVersion.longValue()) {
                                throw new StaleVersionException(account.getKey(), account.getValue(), ifVersion,
                                        changes.describe(account.getKey(), ifVersion, CHANGES_SHOWN));
                            }
                        }
                    }
                    T result = settled(work.get());
                    if (result instanceof DataFetcherResult<?> r && r.hasErrors()) {
                        // Refused by an exception handler that answered instead of throwing: nothing is kept.
                        status.setRollbackOnly();
                    }
                    return result;
                });
            } catch (RuntimeException e) {
                RetryableWriteException.Kind kind = transient_(e);
                if (kind == null) {
                    throw e;
                }
                if (attempt >= attempts) {
                    log.warn("A write to {} failed {} times for a passing reason; the client is told to retry",
                            accounts, attempt, e);
                    throw new RetryableWriteException(kind, attempt, e);
                }
                log.debug("Write to {} failed for a passing reason (attempt {}); retrying", accounts, attempt, e);
                backOff(attempt);
            }
        }
    }

    /**
     * A read (a root query field) run again, a bounded number of times, when it failed for a passing reason: under
     * Neo4j's read-committed isolation a read can see rows that a concurrent write deletes before they are sent
     * ("Database elements ... got deleted by an overlapping committed transaction"). What still fails is answered
     * as CONFLICT or UNAVAILABLE with {@code retryable: true} by {@link WriteErrors}. A result that arrives later
     * (a future) is not retried here.
     */
    public <T> T read(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (transient_(e) == null || attempt >= attempts) {
                    throw e;
                }
                log.debug("A read failed for a passing reason (attempt {}); retrying", attempt, e);
                backOff(attempt);
            }
        }
    }

    /** A result that arrives later is awaited here, inside the transaction, so the work is part of it. */
    @SuppressWarnings("unchecked")
    private static <T> T settled(T result) {
        if (result instanceof CompletionStage<?> later) {
            return (T) later.toCompletableFuture().join();
        }
        if (result instanceof Mono<?> mono) {
            return (T) mono.block();
        }
        return result;
    }

    /** CONFLICT or UNAVAILABLE when the failure is worth retrying, otherwise null. */
    static RetryableWriteException.Kind transient_(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ServiceUnavailableException || t instanceof SessionExpiredException) {
                return RetryableWriteException.Kind.UNAVAILABLE;
            }
            if (t instanceof RetryableException || t instanceof TransientDataAccessException
                    || t instanceof ConcurrencyFailureException
                    || t.getMessage() != null && t.getMessage().contains("DeadlockDetected")) {
                return RetryableWriteException.Kind.CONFLICT;
            }
        }
        return null;
    }

    private static void backOff(int attempt) {
        long bound = Math.min(400, 20L << attempt);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(bound / 2, bound));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry a write", interrupted);
        }
    }
}
