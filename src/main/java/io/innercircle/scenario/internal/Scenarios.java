package io.innercircle.scenario.internal;

import io.innercircle.analysis.AnalysisService;
import io.innercircle.analysis.account.AnalysedAccount;
import io.innercircle.api.InvalidInputException;
import io.innercircle.api.NotFoundException;
import io.innercircle.assessment.MapSuggestions;
import io.innercircle.concurrency.StaleVersionException;
import io.innercircle.history.ChangesSince;
import io.innercircle.map.AccountReads;
import io.innercircle.map.AccountVersions;
import io.innercircle.map.Checks;
import io.innercircle.map.ItemId;
import io.innercircle.map.MapWrites;
import io.innercircle.map.TeamMember;
import io.innercircle.security.AccountAccess;
import io.innercircle.scenario.internal.ScenarioStore.Stored;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Scenarios: stored, checked against today's map, computed on a changed copy of it held in memory, and applied to
 * the real map through the map's own edits. Only {@link #apply} writes to the map.
 */
@Service
@Transactional
class Scenarios {

    /** How many changes since the scenario's version a refused apply lists. */
    private static final int CHANGES_SHOWN = 10;

    private final ScenarioStore store;
    private final AnalysisService analyses;
    private final MapSuggestions suggestions;
    private final AccountReads accounts;
    private final AccountVersions versions;
    private final MapWrites writes;
    private final ChangesSince changesSince;
    private final AccountAccess access;
    private final Clock clock;

    Scenarios(ScenarioStore store, AnalysisService analyses, MapSuggestions suggestions, AccountReads accounts,
              AccountVersions versions, MapWrites writes, ChangesSince changesSince, AccountAccess access,
              Clock clock) {
        this.store = store;
        this.analyses = analyses;
        this.suggestions = suggestions;
        this.accounts = accounts;
        this.versions = versions;
        this.writes = writes;
        this.changesSince = changesSince;
        this.access = access;
        this.clock = clock;
    }

    Stored create(ItemId opportunity, String key, String name, List<Change> changes) {
        String checkedName = Checks.name("input.name", name);
        String checkedKey = key == null ? "s-" + UUID.randomUUID().toString().substring(0, 8)
                : Checks.key("input.key", key);
        AnalysedAccount today = today(opportunity, "input.opportunity");
        working(today, opportunity, changes, "input.changes");
        ItemId id = new ItemId(opportunity.account(), checkedKey);
        if (store.find(id).isPresent()) {
            throw new InvalidInputException("input.key", "a scenario with key '" + checkedKey
                    + "' already exists in account '" + id.account() + "'");
        }
        store.create(id, opportunity.key(), checkedName, today.version(), access.who(), changes);
        return store.find(id).orElseThrow();
    }

    Stored update(ItemId id, String name, List<Change> changes) {
        String checkedName = Checks.name("input.name", name);
        Stored stored = require(id, "input.id");
        AnalysedAccount today = today(stored.opportunityId(), "input.id");
        working(today, stored.opportunityId(), changes, "input.changes");
        store.replace(id, checkedName, today.version(), changes);
        return store.find(id).orElseThrow();
    }

    void delete(ItemId id) {
        if (!store.delete(id)) {
            throw new NotFoundException("id", "scenario", id.toString());
        }
    }

    @Transactional(readOnly = true)
    Optional<Stored> find(ItemId id) {
        return store.find(id);
    }

    @Transactional(readOnly = true)
    List<Stored> ofOpportunity(ItemId opportunity) {
        return store.ofOpportunity(opportunity);
    }

    @Transactional(readOnly = true)
    long currentVersion(String account) {
        return accounts.account(account).map(a -> a.version()).orElse(0L);
    }

    /** Today's map and the scenario's changed map, analysed side by side. Reads only. */
    @Transactional(readOnly = true)
    Comparison.View compare(Stored scenario) {
        AnalysedAccount today = today(scenario.opportunityId(), "id");
        WorkingMap working = working(today, scenario.opportunityId(), scenario.changes(), "changes");
        AnalysedAccount changed = AnalysedAccount.of(working.snapshot(), today);
        return Comparison.of(today, changed, scenario.opportunityId(), LocalDate.now(clock), suggestions);
    }

    /**
     * Applies the scenario to the real map, in the caller's write transaction (the account is locked by the
     * mutation's wrapper before this runs; locking again is free): refused as stale when the map moved since the
     * scenario's version, then every change through the map's own edit, then the scenario is marked applied.
     */
    Stored apply(ItemId id) {
        Stored scenario = require(id, "id");
        if (scenario.appliedAt() != null) {
            throw new InvalidInputException("id", "this scenario was already applied, on " + scenario.appliedAt()
                    + " by " + scenario.appliedBy());
        }
        String account = id.account();
        long current = versions.lock(List.of(account)).getOrDefault(account, -1L);
        AnalysedAccount today = today(scenario.opportunityId(), "id");
        if (current != scenario.basedOnVersion() || today.version() != current) {
            throw new StaleVersionException(account, current, scenario.basedOnVersion(),
                    changesSince.describe(account, scenario.basedOnVersion(), CHANGES_SHOWN));
        }
        List<Consumer<MapWrites>> edits = new ArrayList<>();
        WorkingMap working = new WorkingMap(today.network().source(), scenario.opportunity(), teamMembers(account));
        for (int i = 0; i < scenario.changes().size(); i++) {
            edits.add(working.apply("changes[" + i + "]", scenario.changes().get(i)));
        }
        edits.forEach(edit -> edit.accept(writes));
        store.applied(id, access.who());
        return store.find(id).orElseThrow();
    }

    /** The changes with people's names (as on today's map, or as given for a person who joins). */
    @Transactional(readOnly = true)
    List<ScenarioController.ChangeView> describe(Stored scenario) {
        String account = scenario.id().account();
        java.util.Map<String, String> names = new java.util.HashMap<>();
        analyses.analysis(account).ifPresent(a -> a.network().people().keySet()
                .forEach(k -> names.put(k, a.network().name(k))));
        scenario.changes().stream().filter(c -> c instanceof Change.PersonJoins)
                .map(c -> (Change.PersonJoins) c).forEach(c -> names.putIfAbsent(c.key(), c.name()));
        List<ScenarioController.ChangeView> views = new ArrayList<>();
        for (int i = 0; i < scenario.changes().size(); i++) {
            Change c = scenario.changes().get(i);
            views.add(new ScenarioController.ChangeView(i, c.kind(), c.people().stream()
                    .map(k -> new Comparison.PersonRef(ItemId.of(account, k), k, names.getOrDefault(k, k))).toList(),
                    c.describe(k -> names.getOrDefault(k, k))));
        }
        return views;
    }

    private Stored require(ItemId id, String field) {
        return store.find(id).orElseThrow(() -> new NotFoundException(field, "scenario", id.toString()));
    }

    private AnalysedAccount today(ItemId opportunity, String field) {
        AnalysedAccount today = analyses.analysis(opportunity.account())
                .orElseThrow(() -> new NotFoundException(field, "opportunity", opportunity.toString()));
        if (!today.network().deals().containsKey(opportunity.key())) {
            throw new NotFoundException(field, "opportunity", opportunity.toString());
        }
        return today;
    }

    private WorkingMap working(AnalysedAccount today, ItemId opportunity, List<Change> changes, String field) {
        WorkingMap working = new WorkingMap(today.network().source(), opportunity.key(),
                teamMembers(opportunity.account()));
        for (int i = 0; i < changes.size(); i++) {
            working.apply(field + "[" + i + "]", changes.get(i));
        }
        return working;
    }

    private java.util.function.Function<String, Optional<String>> teamMembers(String account) {
        return key -> accounts.teamMember(new ItemId(account, key)).map(TeamMember::name);
    }
}
