package io.innercircle.crm.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * How far the running import of each account has got, for the log and for anyone polling
 * ({@code crmImportProgress}, {@code GET /api/accounts/{account}/imports/progress}) while a long file is read,
 * checked and written. Kept in memory only: it describes work in this process, and the last state stays until
 * the next import of the account.
 */
@Component
class ImportProgress {

    private static final Logger log = LoggerFactory.getLogger(ImportProgress.class);

    /** Where one import is: {@code phase} is read, check, write or done; {@code done} rows of {@code rows}. */
    record State(String account, String kind, boolean dryRun, String phase, int done, int rows, Instant startedAt,
                 Instant updatedAt) {
    }

    private final ConcurrentMap<String, State> states = new ConcurrentHashMap<>();
    private final Clock clock;

    ImportProgress(Clock clock) {
        this.clock = clock;
    }

    Tracker start(String account, String kind, boolean dryRun) {
        Instant now = clock.instant();
        states.put(account, new State(account, kind, dryRun, "read", 0, 0, now, now));
        return new Tracker(account, kind, dryRun, now);
    }

    Optional<State> of(String account) {
        return Optional.ofNullable(states.get(account));
    }

    /** Updates one account's state; logs every phase change and every 1,000 rows. */
    final class Tracker {

        private final String account;
        private final String kind;
        private final boolean dryRun;
        private final Instant startedAt;
        private int rows;

        private Tracker(String account, String kind, boolean dryRun, Instant startedAt) {
            this.account = account;
            this.kind = kind;
            this.dryRun = dryRun;
            this.startedAt = startedAt;
        }

        void rows(int rows) {
            this.rows = rows;
        }

        void phase(String phase, int done) {
            State before = states.get(account);
            if (before == null || !before.phase().equals(phase) || done / 1000 != before.done() / 1000
                    || done == rows) {
                log.info("CRM {} import{} into '{}': {} {} of {} rows", kind, dryRun ? " (dry run)" : "", account,
                        phase, done, rows);
            }
            states.put(account, new State(account, kind, dryRun, phase, done, rows, startedAt, clock.instant()));
        }
    }
}
