package io.innercircle.crm.internal;

import io.innercircle.map.AccountVersions;
import io.innercircle.map.Checks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports people and reporting lines from a CRM contacts export into an account's map. The dry run and the
 * import share every step up to the write: read the file, read the account's people, plan (see
 * {@link ContactPlanner}). The import then writes the whole plan in its one transaction and bumps the version
 * once, or writes nothing when any row has an error.
 */
@Service
public class CrmContactImport {

    static final String KIND = "contacts";

    private final CrmStore store;
    private final AccountVersions versions;
    private final ImportProgress progress;
    private final CrmLimits limits;
    private final Clock clock;

    CrmContactImport(CrmStore store, AccountVersions versions, ImportProgress progress, CrmLimits limits,
                     Clock clock) {
        this.store = store;
        this.versions = versions;
        this.progress = progress;
        this.limits = limits;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ContactImportReport dryRun(String account, byte[] csv, ContactImportOptions options) {
        Steps steps = new Steps();
        ImportProgress.Tracker tracker = progress.start(account, KIND, true);
        ContactPlan plan = plan(account, csv, options, tracker, steps);
        tracker.phase("done", plan.rows());
        return plan.report(account, true, false, null, store.accountCrmKey(account).isEmpty(), steps.list());
    }

    @Transactional
    public ContactImportReport apply(String account, byte[] csv, ContactImportOptions options) {
        long started = System.nanoTime();
        Steps steps = new Steps();
        ImportProgress.Tracker tracker = progress.start(account, KIND, false);
        boolean existed = store.accountCrmKey(account).isPresent();
        if (existed) {
            // The account's write lock before reading its people: a concurrent import of it waits here, so
            // the plan is made on the map it will be written to.
            store.lockOrCreateAccount(account, account, null);
        }
        ContactPlan plan = plan(account, csv, options, tracker, steps);
        if (plan.hasErrors()) {
            tracker.phase("refused", plan.rows());
            ContactImportReport report = plan.report(account, false, false, null, !existed, steps.list());
            throw new ImportRefusedException(report, plan.problems());
        }
        tracker.phase("write", 0);
        String name = options.accountName() != null ? options.accountName()
                : plan.accountName() != null ? plan.accountName() : account;
        boolean created = store.lockOrCreateAccount(account, Checks.name("accountName", name), plan.crmAccount());
        store.writeContacts(account, plan, ZonedDateTime.now(clock));
        long version = versions.bump(account);
        steps.done("write", plan.seen().size());
        tracker.phase("done", plan.rows());
        if (metrics != null) {
            metrics.recordImport("crm-contacts", plan.seen().size(), 0, java.time.Duration.ofNanos(
                    System.nanoTime() - started));
        }
        return plan.report(account, false, true, version, created, steps.list());
    }

    private io.innercircle.operations.AppMetrics metrics;

    /** Import sizes and times for operations (optional, so the import also works without a registry). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setMetrics(io.innercircle.operations.AppMetrics metrics) {
        this.metrics = metrics;
    }

    private ContactPlan plan(String account, byte[] csv, ContactImportOptions options, ImportProgress.Tracker tracker,
                             Steps steps) {
        Checks.key("account", account);
        limits.checkSize(csv.length);
        CsvFile file = CsvFile.read("csv", csv, options.delimiter(), limits.maxRows());
        tracker.rows(file.rows().size());
        steps.done("read", file.rows().size());
        if (file.rows().isEmpty()) {
            throw new io.innercircle.api.InvalidInputException("csv",
                    "the file has a header but no rows; an empty import would flag everyone as gone");
        }
        String knownCrmAccount = store.accountCrmKey(account).filter(k -> !k.isEmpty()).orElse(null);
        List<ExistingPerson> existing = store.people(account);
        ContactPlan plan = ContactPlanner.plan(file, options.columns(), options.explicitColumns(),
                options.crmAccount() != null ? options.crmAccount() : knownCrmAccount, existing,
                done -> tracker.phase("check", done));
        steps.done("check", file.rows().size());
        return plan;
    }

    /** Times each phase since the previous one. */
    static final class Steps {

        private final List<ImportStep> steps = new ArrayList<>();
        private long since = System.nanoTime();

        void done(String name, int rows) {
            long now = System.nanoTime();
            steps.add(new ImportStep(name, rows, (now - since) / 1_000_000));
            since = now;
        }

        List<ImportStep> list() {
            return List.copyOf(steps);
        }
    }
}
