package io.innercircle.crm.internal;

import io.innercircle.map.AccountVersions;
import org.neo4j.driver.QueryRunner;
import org.neo4j.driver.Value;
import org.neo4j.driver.summary.ResultSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The Cypher of the CRM imports. Every write runs inside the caller's transaction and sends its rows as one
 * list parameter walked with UNWIND, so a 2,000-person file is a handful of statements, not thousands.
 *
 * <p>What the import keeps in the graph: {@code crmKey} on Account, Stakeholder and Opportunity (the CRM's id);
 * {@code email}, {@code crmSeenAt} (last import that had the person) and {@code crmMissingSince} (set while the
 * person is not in the latest import) on Stakeholder; {@code source: 'crm'} on a REPORTS_TO line the import
 * drew; {@code crmRoles} on INVOLVED_IN, the roles the CRM set.
 *
 * <p>Lookups inside an UNWIND name the (account, key) index: otherwise, with few committed nodes in the
 * statistics, the planner may pick the index on account alone and read the whole account for every row
 * (docs/bundles.md).
 */
@Component
class CrmStore {

    private static final Logger log = LoggerFactory.getLogger(CrmStore.class);

    private final Neo4jClient neo4j;

    CrmStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** The account's CRM id, or empty when the account does not exist; present-but-null is Optional.of(""). */
    Optional<String> accountCrmKey(String account) {
        return neo4j.query("""
                        MATCH (a:Account {key: $key})
                        RETURN coalesce(a.crmKey, '')""").bind(account).to("key")
                .fetchAs(String.class).one();
    }

    /**
     * Creates the account when missing (at the version of the last change set recorded under its key, 0 for a new
     * key: the import's own bump goes on from there) and takes its write lock, so two imports of one account run one
     * after the other. Answers whether it was created.
     */
    boolean lockOrCreateAccount(String account, String name, String crmKey) {
        Map<String, Object> params = new HashMap<>();
        params.put("key", account);
        params.put("name", name);
        params.put("crmKey", crmKey);
        return neo4j.query("""
                        %s
                        MERGE (a:Account {key: $key})
                          ON CREATE SET a.name = $name, a.version = recordedBefore, a.createdAt = datetime(),
                                        a.updatedAt = a.createdAt, a.created = true
                        SET a.crmKey = coalesce($crmKey, a.crmKey)
                        WITH a, a.created IS NOT NULL AS created
                        REMOVE a.created
                        RETURN created""".formatted(AccountVersions.RECORDED_BEFORE))
                .bindAll(params).fetchAs(Boolean.class).one().orElseThrow();
    }

    List<ExistingPerson> people(String account) {
        return new ArrayList<>(neo4j.query("""
                        MATCH (s:Stakeholder {account: $account})
                        OPTIONAL MATCH (s)-[r:REPORTS_TO]->(m)
                        RETURN s.key AS key, s.crmKey AS crmKey, s.name AS name, s.title AS title,
                               s.department AS department, s.email AS email, m.key AS manager,
                               coalesce(r.source = 'crm', false) AS fromCrm,
                               s.crmMissingSince IS NOT NULL AS missing""")
                .bind(account).to("account")
                .fetchAs(ExistingPerson.class)
                .mappedBy((t, r) -> new ExistingPerson(r.get("key").asString(), str(r.get("crmKey")),
                        str(r.get("name")), str(r.get("title")), str(r.get("department")), str(r.get("email")),
                        str(r.get("manager")), r.get("fromCrm").asBoolean(), r.get("missing").asBoolean()))
                .all());
    }

    void writeContacts(String account, ContactPlan plan, ZonedDateTime now) {
        unwind(account, """
                UNWIND $rows AS row
                CREATE (s:Stakeholder) SET s = row, s.account = $account""", plan.creates());
        unwind(account, """
                UNWIND $rows AS row
                MATCH (s:Stakeholder {account: $account, key: row.key}) USING INDEX s:Stakeholder(account, key)
                SET s += row.props""", plan.updates());
        // Only people who were there before can have a line to remove.
        Set<Object> created = new HashSet<>();
        plan.creates().forEach(c -> created.add(c.get("key")));
        List<String> replaced = new ArrayList<>(plan.managerClears());
        plan.managerLines().stream().map(l -> (String) l.get("key")).filter(k -> !created.contains(k))
                .forEach(replaced::add);
        unwind(account, """
                UNWIND $rows AS key
                MATCH (s:Stakeholder {account: $account, key: key}) USING INDEX s:Stakeholder(account, key)
                MATCH (s)-[old:REPORTS_TO]->()
                DELETE old""", replaced);
        unwind(account, """
                UNWIND $rows AS row
                MATCH (s:Stakeholder {account: $account, key: row.key}) USING INDEX s:Stakeholder(account, key)
                MATCH (m:Stakeholder {account: $account, key: row.manager}) USING INDEX m:Stakeholder(account, key)
                CREATE (s)-[:REPORTS_TO {source: 'crm'}]->(m)""", plan.managerLines());
        Map<String, Object> params = new HashMap<>();
        params.put("account", account);
        params.put("now", now);
        params.put("seen", plan.seen());
        params.put("missing", plan.notInImport());
        run("""
                        CALL () { UNWIND $seen AS key
                                  MATCH (s:Stakeholder {account: $account, key: key})
                                  USING INDEX s:Stakeholder(account, key)
                                  SET s.crmSeenAt = $now, s.crmMissingSince = null }
                        CALL () { UNWIND $missing AS key
                                  MATCH (s:Stakeholder {account: $account, key: key})
                                  USING INDEX s:Stakeholder(account, key)
                                  SET s.crmMissingSince = coalesce(s.crmMissingSince, $now) }
                        MATCH (a:Account {key: $account}) SET a.crmContactsImportedAt = $now""", params);
    }

    List<ExistingOpportunity> opportunities(String account) {
        return new ArrayList<>(neo4j.query("""
                        MATCH (o:Opportunity {account: $account})
                        RETURN o.key AS key, o.crmKey AS crmKey""")
                .bind(account).to("account")
                .fetchAs(ExistingOpportunity.class)
                .mappedBy((t, r) -> new ExistingOpportunity(r.get("key").asString(), str(r.get("crmKey"))))
                .all());
    }

    List<ExistingInvolvement> involvements(String account) {
        return new ArrayList<>(neo4j.query("""
                        MATCH (s:Stakeholder {account: $account})-[i:INVOLVED_IN]->(o:Opportunity)
                        RETURN o.key AS opportunity, s.key AS person, coalesce(i.roles, []) AS roles,
                               coalesce(i.crmRoles, []) AS crmRoles, i.status AS status""")
                .bind(account).to("account")
                .fetchAs(ExistingInvolvement.class)
                .mappedBy((t, r) -> new ExistingInvolvement(r.get("opportunity").asString(),
                        r.get("person").asString(), r.get("roles").asList(Value::asString),
                        r.get("crmRoles").asList(Value::asString), str(r.get("status"))))
                .all());
    }

    void writeRoles(String account, RolePlan plan) {
        unwind(account, """
                UNWIND $rows AS row
                CREATE (o:Opportunity) SET o = row, o.account = $account""", plan.newOpportunities());
        unwind(account, """
                UNWIND $rows AS row
                MATCH (o:Opportunity {account: $account, key: row.key}) USING INDEX o:Opportunity(account, key)
                SET o.crmKey = row.crmKey""", plan.links());
        unwind(account, """
                UNWIND $rows AS row
                MATCH (s:Stakeholder {account: $account, key: row.person}) USING INDEX s:Stakeholder(account, key)
                MATCH (o:Opportunity {account: $account, key: row.opportunity}) USING INDEX o:Opportunity(account, key)
                MERGE (s)-[i:INVOLVED_IN]->(o)
                SET i.roles = row.roles, i.crmRoles = row.crmRoles""", plan.involvements());
        unwind(account, """
                UNWIND $rows AS row
                MATCH (s:Stakeholder {account: $account, key: row.person}) USING INDEX s:Stakeholder(account, key)
                MATCH (s)-[i:INVOLVED_IN]->(o:Opportunity {account: $account, key: row.opportunity})
                DELETE i""", plan.removals());
    }

    private void unwind(String account, String cypher, Collection<?> rows) {
        if (!rows.isEmpty()) {
            run(cypher, Map.of("account", account, "rows", rows));
        }
    }

    /**
     * Runs a write on the driver's runner of the current transaction: the driver takes lists of maps as they
     * are, where Neo4jClient's binding would convert every value of thousands of rows one by one.
     */
    private void run(String cypher, Map<String, Object> parameters) {
        long start = System.nanoTime();
        Function<QueryRunner, Optional<ResultSummary>> write = runner -> Optional.of(
                runner.run(cypher, parameters).consume());
        neo4j.delegateTo(write).run();
        if (log.isDebugEnabled()) {
            Object rows = parameters.get("rows");
            log.debug("{} ms for {} rows: {}", (System.nanoTime() - start) / 1_000_000,
                    rows instanceof Collection<?> c ? c.size() : 0, cypher.replaceAll("\\s+", " "));
        }
    }

    static String str(Value v) {
        return v == null || v.isNull() ? null : v.asString();
    }
}
