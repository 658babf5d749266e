package io.innercircle.crm.internal;

import io.innercircle.api.NotFoundException;
import io.innercircle.map.AccountVersions;
import io.innercircle.map.Checks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports buying roles from a CRM's opportunity contact roles export (see {@link RolePlanner} for the rules).
 * Like the contacts import: a dry run and the import share every step up to the write; the import is one
 * transaction and one version, or nothing when a row has an error. Warnings (CRM roles with no buying role)
 * do not stop it.
 */
@Service
public class CrmRoleImport {

    static final String KIND = "contact roles";

    private final CrmStore store;
    private final AccountVersions versions;
    private final ImportProgress progress;
    private final CrmLimits limits;

    CrmRoleImport(CrmStore store, AccountVersions versions, ImportProgress progress, CrmLimits limits) {
        this.store = store;
        this.versions = versions;
        this.progress = progress;
        this.limits = limits;
    }

    @Transactional(readOnly = true)
    public RoleImportReport dryRun(String account, byte[] csv, RoleImportOptions options) {
        CrmContactImport.Steps steps = new CrmContactImport.Steps();
        ImportProgress.Tracker tracker = progress.start(account, KIND, true);
        RolePlan plan = plan(account, csv, options, tracker, steps);
        tracker.phase("done", plan.rows());
        return plan.report(account, true, false, null, steps.list());
    }

    @Transactional
    public RoleImportReport apply(String account, byte[] csv, RoleImportOptions options) {
        CrmContactImport.Steps steps = new CrmContactImport.Steps();
        ImportProgress.Tracker tracker = progress.start(account, KIND, false);
        requireAccount(account);
        // Takes the account's write lock first, so that two imports of one account do not interleave.
        store.lockOrCreateAccount(account, account, null);
        RolePlan plan = plan(account, csv, options, tracker, steps);
        if (plan.hasErrors()) {
            tracker.phase("refused", plan.rows());
            throw new ImportRefusedException(plan.report(account, false, false, null, steps.list()),
                    plan.problems());
        }
        tracker.phase("write", 0);
        store.writeRoles(account, plan);
        long version = versions.bumpKeepingStructure(account);
        steps.done("write", plan.involvements().size() + plan.removals().size());
        tracker.phase("done", plan.rows());
        return plan.report(account, false, true, version, steps.list());
    }

    private void requireAccount(String account) {
        Checks.key("account", account);
        if (store.accountCrmKey(account).isEmpty()) {
            throw new NotFoundException("account", "account", account);
        }
    }

    private RolePlan plan(String account, byte[] csv, RoleImportOptions options, ImportProgress.Tracker tracker,
                          CrmContactImport.Steps steps) {
        requireAccount(account);
        limits.checkSize(csv.length);
        CsvFile file = CsvFile.read("csv", csv, options.delimiter(), limits.maxRows());
        tracker.rows(file.rows().size());
        steps.done("read", file.rows().size());
        List<ExistingOpportunity> opportunities = store.opportunities(account);
        Set<String> keys = new HashSet<>();
        opportunities.forEach(o -> keys.add(o.key()));
        options.links().forEach((crm, key) -> {
            if (!keys.contains(key)) {
                throw new NotFoundException("opportunities", "opportunity", account + "/" + key);
            }
        });
        Map<String, String> personByCrm = new HashMap<>();
        store.people(account).forEach(p -> {
            if (p.crmKey() != null) {
                personByCrm.put(p.crmKey(), p.key());
            }
        });
        RolePlan plan = RolePlanner.plan(file, options.roles(), options.links(), options.createOpportunities(),
                opportunities, personByCrm, store.involvements(account), done -> tracker.phase("check", done));
        steps.done("check", file.rows().size());
        return plan;
    }
}
