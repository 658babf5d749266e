package io.innercircle.map.internal;

import io.innercircle.api.InvalidInputException;
import io.innercircle.map.Account;
import io.innercircle.map.AccountReads;
import io.innercircle.map.AccountVersions;
import io.innercircle.map.ItemId;
import io.innercircle.map.MapChanged;
import io.innercircle.map.Opportunity;
import io.innercircle.map.OpportunityPurged;
import io.innercircle.map.OpportunityReads;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;

/**
 * Archive rather than delete: archiving sets {@code archivedAt} and {@code archivedBy} on the account or
 * opportunity (the lists and the coach view leave such items out), restoring removes them. Both bump the account's
 * version, so the history records them like any edit. Purging deletes for good and is for administrators only
 * (the schema's {@code @adminOnly}); it too is recorded in the account's history, whose change sets stay.
 * Every one of these runs in the mutation's write, which has locked the account first.
 */
@Service
@Transactional
public class ArchiveEdits {

    private final Neo4jClient neo4j;
    private final AccountReads accounts;
    private final OpportunityReads opportunities;
    private final EditSupport support;
    private final ApplicationEventPublisher events;
    private final AccountVersions versions;

    ArchiveEdits(Neo4jClient neo4j, AccountReads accounts, OpportunityReads opportunities, EditSupport support,
                 ApplicationEventPublisher events, AccountVersions versions) {
        this.versions = versions;
        this.neo4j = neo4j;
        this.accounts = accounts;
        this.opportunities = opportunities;
        this.support = support;
        this.events = events;
    }

    public Account archiveAccount(String key) {
        support.requireAccount("key", key);
        neo4j.query("""
                        MATCH (a:Account {key: $key})
                        SET a.archivedAt = coalesce(a.archivedAt, datetime()), a.archivedBy = coalesce(a.archivedBy, $by)""")
                .bindAll(Map.of("key", key, "by", who())).run();
        support.bump(key);
        return accounts.account(key).orElseThrow();
    }

    public Account restoreAccount(String key) {
        support.requireAccount("key", key);
        neo4j.query("MATCH (a:Account {key: $key}) REMOVE a.archivedAt, a.archivedBy").bind(key).to("key").run();
        support.bump(key);
        return accounts.account(key).orElseThrow();
    }

    public Opportunity archiveOpportunity(String id) {
        ItemId opportunity = ItemId.parse("id", id);
        support.requireOpportunity("id", opportunity);
        neo4j.query("""
                        MATCH (o:Opportunity {account: $account, key: $key})
                        SET o.archivedAt = coalesce(o.archivedAt, datetime()), o.archivedBy = coalesce(o.archivedBy, $by)""")
                .bindAll(Map.of("account", opportunity.account(), "key", opportunity.key(), "by", who())).run();
        support.bumpKeepingStructure(opportunity.account(), "Opportunity:" + opportunity.key());
        return opportunities.opportunity(opportunity).orElseThrow();
    }

    public Opportunity restoreOpportunity(String id) {
        ItemId opportunity = ItemId.parse("id", id);
        support.requireOpportunity("id", opportunity);
        neo4j.query("""
                        MATCH (o:Opportunity {account: $account, key: $key}) REMOVE o.archivedAt, o.archivedBy""")
                .bindAll(Map.of("account", opportunity.account(), "key", opportunity.key())).run();
        support.bumpKeepingStructure(opportunity.account(), "Opportunity:" + opportunity.key());
        return opportunities.opportunity(opportunity).orElseThrow();
    }

    /**
     * Deletes an archived account: every node that carries its key (the map, the plans, the stored analysis), but
     * not its change sets. The history then records the whole map as removed, in one last change set.
     */
    public List<String> purgeAccount(String key) {
        Account account = accounts.account(key).orElse(null);
        if (account == null) {
            support.requireAccount("key", key);
        }
        if (!account.archived()) {
            throw new InvalidInputException("key", "account '" + account.name() + "' is not archived; archive it "
                    + "first, then purge it");
        }
        // Its opportunities go with it: what other features keep for them goes first.
        neo4j.query("MATCH (o:Opportunity {account: $key}) RETURN o.key AS key").bind(key).to("key")
                .fetchAs(String.class).all()
                .forEach(opportunity -> events.publishEvent(new OpportunityPurged(new ItemId(key, opportunity))));
        neo4j.query("""
                        MATCH (n {account: $key}) WHERE NOT n:ChangeSet AND NOT n:HistoryFact AND NOT n:HistorySnapshot
                        DETACH DELETE n""")
                .bind(key).to("key").run();
        neo4j.query("MATCH (a:Account {key: $key}) DETACH DELETE a").bind(key).to("key").run();
        // No account node is left to bump: the history compares everything with nothing and records the removal.
        events.publishEvent(new MapChanged(key, account.version() + 1));
        return List.of(key);
    }

    /** Deletes an archived opportunity with what hangs off it (ratings, tactics, reviews, stage records...). */
    public List<String> purgeOpportunity(String id) {
        ItemId opportunity = ItemId.parse("id", id);
        Opportunity found = opportunities.opportunity(opportunity).orElse(null);
        if (found == null) {
            support.requireOpportunity("id", opportunity);
        }
        if (!found.archived()) {
            throw new InvalidInputException("id", "opportunity '" + found.name() + "' is not archived; archive it "
                    + "first, then purge it");
        }
        neo4j.query("""
                        MATCH (o:Opportunity {account: $account, key: $key})
                        OPTIONAL MATCH (o)-->(owned {account: $account})
                        WHERE NOT (owned:Stakeholder OR owned:TeamMember OR owned:Competitor OR owned:Opportunity
                                   OR owned:Account)
                        DETACH DELETE owned
                        WITH DISTINCT o
                        DETACH DELETE o""")
                .bindAll(Map.of("account", opportunity.account(), "key", opportunity.key())).run();
        neo4j.query("""
                        MATCH (w:HealthWarning|WarningCount {account: $account, opportunity: $key}) DETACH DELETE w""")
                .bindAll(Map.of("account", opportunity.account(), "key", opportunity.key())).run();
        neo4j.query("MATCH (l:MapLayout {opportunity: $id}) DETACH DELETE l").bind(opportunity.toString()).to("id")
                .run();
        events.publishEvent(new OpportunityPurged(opportunity));
        // Not support.bump(account): that tells the history only the account changed. Compare the whole map.
        versions.bumpKeepingStructure(opportunity.account());
        return List.of(opportunity.toString());
    }

    private static String who() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user == null || user.getName() == null ? "system" : user.getName();
    }
}
