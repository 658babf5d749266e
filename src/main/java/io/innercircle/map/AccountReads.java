package io.innercircle.map;

import org.neo4j.driver.Record;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads of accounts, their team members and competitors. Each method is one Cypher query in a read-only transaction
 * (so a cluster routes it to a reader); the batch methods take many ids at once so that GraphQL lists never cost
 * one query per item.
 */
@Service
@Transactional(readOnly = true)
public class AccountReads {

    private final Neo4jClient neo4j;

    public AccountReads(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** A page of the active accounts; {@code only} limits it to those keys (null: all), for callers who see only some. */
    public Page<Account> accounts(Page.Request request, Collection<String> only) {
        return accounts(request, only, false);
    }

    /** As above; {@code archived} true lists the archived accounts instead, null both. */
    public Page<Account> accounts(Page.Request request, Collection<String> only, Boolean archived) {
        List<Record> rows = new ArrayList<>(neo4j.query(request.backward() ? ACCOUNTS_BEFORE : ACCOUNTS_AFTER)
                .bind(request.afterKey()).to("after")
                .bind(request.beforeKey()).to("before")
                .bind(request.size() + 1).to("limit")
                .bind(only == null ? null : List.copyOf(only)).to("only")
                .bind(archived).to("archived")
                .fetchAs(Record.class).mappedBy((t, r) -> r).all());
        int total = rows.isEmpty() ? countAccounts(only, archived) : rows.get(0).get("total").asInt();
        return Page.of(rows.stream().map(r -> Rows.account(r.get("a"))).toList(), request, Account::key, total);
    }

    private static final String ACCOUNTS_AFTER = """
            MATCH (a:Account) WHERE ($after IS NULL OR a.key > $after) AND ($only IS NULL OR a.key IN $only)
              AND ($archived IS NULL OR (a.archivedAt IS NOT NULL) = $archived)
            WITH a ORDER BY a.key LIMIT $limit
            RETURN a, COUNT { MATCH (x:Account) WHERE ($only IS NULL OR x.key IN $only)
                                AND ($archived IS NULL OR (x.archivedAt IS NOT NULL) = $archived) } AS total""";

    private static final String ACCOUNTS_BEFORE = """
            MATCH (a:Account) WHERE ($before IS NULL OR a.key < $before) AND ($only IS NULL OR a.key IN $only)
              AND ($archived IS NULL OR (a.archivedAt IS NOT NULL) = $archived)
            WITH a ORDER BY a.key DESC LIMIT $limit
            RETURN a, COUNT { MATCH (x:Account) WHERE ($only IS NULL OR x.key IN $only)
                                AND ($archived IS NULL OR (x.archivedAt IS NOT NULL) = $archived) } AS total""";

    private int countAccounts(Collection<String> only, Boolean archived) {
        return neo4j.query("""
                        MATCH (x:Account) WHERE ($only IS NULL OR x.key IN $only)
                          AND ($archived IS NULL OR (x.archivedAt IS NOT NULL) = $archived)
                        RETURN count(x)""")
                .bind(only == null ? null : List.copyOf(only)).to("only")
                .bind(archived).to("archived")
                .fetchAs(Integer.class).one().orElse(0);
    }

    public Optional<Account> account(String key) {
        return neo4j.query("MATCH (a:Account {key: $key}) RETURN a").bind(key).to("key")
                .fetchAs(Account.class).mappedBy((t, r) -> Rows.account(r.get("a"))).one();
    }

    public Map<String, Account> accounts(Collection<String> keys) {
        return Rows.index(neo4j.query("MATCH (a:Account) WHERE a.key IN $keys RETURN a").bind(keys).to("keys")
                .fetchAs(Account.class).mappedBy((t, r) -> Rows.account(r.get("a"))).all(), Account::key);
    }

    public Optional<TeamMember> teamMember(ItemId id) {
        return neo4j.query("MATCH (t:TeamMember {account: $account, key: $key}) RETURN t")
                .bindAll(Map.of("account", id.account(), "key", id.key()))
                .fetchAs(TeamMember.class).mappedBy((t, r) -> Rows.teamMember(r.get("t"))).one();
    }

    public Map<String, List<TeamMember>> teamMembers(Collection<String> accounts) {
        return Rows.groupBy(neo4j.query("MATCH (t:TeamMember) WHERE t.account IN $accounts RETURN t ORDER BY t.key")
                .bind(accounts).to("accounts")
                .fetchAs(TeamMember.class).mappedBy((t, r) -> Rows.teamMember(r.get("t"))).all(), TeamMember::account);
    }

    public Map<String, List<Competitor>> competitors(Collection<String> accounts) {
        return Rows.groupBy(neo4j.query("MATCH (c:Competitor) WHERE c.account IN $accounts RETURN c ORDER BY c.key")
                .bind(accounts).to("accounts")
                .fetchAs(Competitor.class).mappedBy((t, r) -> Rows.competitor(r.get("c"))).all(), Competitor::account);
    }

    public Map<ItemId, Competitor> competitorsById(Collection<ItemId> ids) {
        return Rows.index(neo4j.query("""
                        UNWIND $ids AS id MATCH (c:Competitor {account: id.account, key: id.key}) RETURN c""")
                .bind(Rows.params(ids)).to("ids")
                .fetchAs(Competitor.class).mappedBy((t, r) -> Rows.competitor(r.get("c"))).all(),
                c -> new ItemId(c.account(), c.key()));
    }
}
