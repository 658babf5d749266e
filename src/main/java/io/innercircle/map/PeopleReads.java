package io.innercircle.map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads of an account's people (stakeholders) and of who reports to whom. Each method is one Cypher query in a
 * read-only transaction (so a cluster routes it to a reader); the batch methods take many ids at once so that
 * GraphQL lists never cost one query per item.
 */
@Service
@Transactional(readOnly = true)
public class PeopleReads {

    private final Neo4jClient neo4j;

    public PeopleReads(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    public Optional<Stakeholder> stakeholder(ItemId id) {
        return neo4j.query("""
                        MATCH (s:Stakeholder {account: $account, key: $key})
                        RETURN s{.*, reportsTo: [(s)-[:REPORTS_TO]->(m) | m.key][0]} AS s""")
                .bindAll(Map.of("account", id.account(), "key", id.key()))
                .fetchAs(Stakeholder.class).mappedBy((t, r) -> Rows.stakeholder(r.get("s"))).one();
    }

    public Map<ItemId, Stakeholder> stakeholders(Collection<ItemId> ids) {
        return Rows.index(neo4j.query("""
                        UNWIND $ids AS id MATCH (s:Stakeholder {account: id.account, key: id.key})
                        RETURN s{.*, reportsTo: [(s)-[:REPORTS_TO]->(m) | m.key][0]} AS s""")
                .bind(Rows.params(ids)).to("ids")
                .fetchAs(Stakeholder.class).mappedBy((t, r) -> Rows.stakeholder(r.get("s"))).all(),
                s -> new ItemId(s.account(), s.key()));
    }

    /** The e-mail addresses of these people, for those that have one. */
    public Map<ItemId, String> emails(Collection<ItemId> ids) {
        Map<ItemId, String> found = new HashMap<>();
        neo4j.query("""
                        UNWIND $ids AS id MATCH (s:Stakeholder {account: id.account, key: id.key})
                        WHERE s.email IS NOT NULL
                        RETURN s.account AS account, s.key AS key, s.email AS email""")
                .bind(Rows.params(ids)).to("ids").fetch().all()
                .forEach(r -> found.put(new ItemId((String) r.get("account"), (String) r.get("key")),
                        (String) r.get("email")));
        return found;
    }

    public Page<Stakeholder> stakeholders(String account, Page.Request request) {
        List<Stakeholder> rows = new ArrayList<>(neo4j.query(request.backward() ? PEOPLE_BEFORE : PEOPLE_AFTER)
                .bind(account).to("account")
                .bind(request.afterKey()).to("after")
                .bind(request.beforeKey()).to("before")
                .bind(request.size() + 1).to("limit")
                .fetchAs(Stakeholder.class).mappedBy((t, r) -> Rows.stakeholder(r.get("s"))).all());
        int total = neo4j.query("MATCH (s:Stakeholder {account: $account}) RETURN count(s)")
                .bind(account).to("account").fetchAs(Integer.class).one().orElse(0);
        return Page.of(rows, request, Stakeholder::key, total);
    }

    private static final String PEOPLE_AFTER = """
            MATCH (s:Stakeholder {account: $account}) WHERE $after IS NULL OR s.key > $after
            WITH s ORDER BY s.key LIMIT $limit
            RETURN s{.*, reportsTo: [(s)-[:REPORTS_TO]->(m) | m.key][0]} AS s""";

    private static final String PEOPLE_BEFORE = """
            MATCH (s:Stakeholder {account: $account}) WHERE $before IS NULL OR s.key < $before
            WITH s ORDER BY s.key DESC LIMIT $limit
            RETURN s{.*, reportsTo: [(s)-[:REPORTS_TO]->(m) | m.key][0]} AS s""";

    public Map<ItemId, List<Stakeholder>> directReports(Collection<ItemId> managers) {
        return Rows.group(neo4j.query("""
                        UNWIND $ids AS id
                        MATCH (s:Stakeholder)-[:REPORTS_TO]->(m:Stakeholder {account: id.account, key: id.key})
                        RETURN id, s{.*, reportsTo: m.key} AS s ORDER BY s.key""")
                .bind(Rows.params(managers)).to("ids")
                .fetchAs(Map.Entry.class)
                .mappedBy((t, r) -> Map.entry(Rows.itemId(r.get("id")), Rows.stakeholder(r.get("s"))))
                .all());
    }
}
