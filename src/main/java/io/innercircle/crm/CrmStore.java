package io.innercircle.crm;

import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Cypher of the CRM imports. Every write runs inside the caller's transaction and sends its rows as one
 * list parameter walked with UNWIND, so a 2,000-person file is a handful of statements, not thousands.
 *
 * <p>What the import keeps in the graph: {@code crmKey} on Account, Stakeholder and Opportunity (the CRM's id);
 * {@code email}, {@code crmSeenAt} (last import that had the person) and {@code crmMissingSince} (set while the
 * person is not in the latest import) on Stakeholder; {@code source: 'crm'} on a REPORTS_TO line the import
 * drew; {@code crmRoles} on INVOLVED_IN, the roles the CRM set.
 */
@Component
class CrmStore {

    private final Neo4jClient neo4j;

    CrmStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** The account's CRM id, or empty when the account does not exist; present-but-null is Optional.of(""). */
    Optional<String> accountCrmKey(String account) {
        return neo4j.query("MATCH (a:Account {key: $key}) RETURN coalesce(a.crmKey, '')").bind(account).to("key")
                .fetchAs(String.class).one();
    }

    /**
     * Creates the account when missing (version 0: the import's own bump makes it 1) and takes its write lock,
     * so two imports of one account run one after the other. Answers whether it was created.
     */
    boolean lockOrCreateAccount(String account, String name, String crmKey) {
        Map<String, Object> params = new HashMap<>();
        params.put("key", account);
        params.put("name", name);
        params.put("crmKey", crmKey);
        return neo4j.query("""
                        MERGE (a:Account {key: $key})
                          ON CREATE SET a.name = $name, a.version = 0, a.createdAt = datetime(),
                                        a.updatedAt = a.createdAt, a.created = true
                        SET a.crmKey = coalesce($crmKey, a.crmKey)
                        WITH a, a.created IS NOT NULL AS created
                        REMOVE a.created
                        RETURN created""")
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
        unwind(account, "UNWIND $rows AS row CREATE (s:Stakeholder) SET s = row, s.account = $account",
                plan.creates());
        unwind(account, """
                UNWIND $rows AS row
                MATCH (s:Stakeholder {account: $account, key: row.key})
                SET s += row.props""", plan.updates());
        List<String> replaced = new ArrayList<>(plan.managerClears());
        plan.managerLines().forEach(l -> replaced.add((String) l.get("key")));
        unwind(account, """
                UNWIND $rows AS key
                MATCH (s:Stakeholder {account: $account, key: key})-[old:REPORTS_TO]->()
                DELETE old""", replaced);
        unwind(account, """
                UNWIND $rows AS row
                MATCH (s:Stakeholder {account: $account, key: row.key})
                MATCH (m:Stakeholder {account: $account, key: row.manager})
                CREATE (s)-[:REPORTS_TO {source: 'crm'}]->(m)""", plan.managerLines());
        Map<String, Object> params = new HashMap<>();
        params.put("account", account);
        params.put("now", now);
        params.put("seen", plan.seen());
        params.put("missing", plan.notInImport());
        neo4j.query("""
                        CALL () { UNWIND $seen AS key MATCH (s:Stakeholder {account: $account, key: key})
                                  SET s.crmSeenAt = $now, s.crmMissingSince = null }
                        CALL () { UNWIND $missing AS key MATCH (s:Stakeholder {account: $account, key: key})
                                  SET s.crmMissingSince = coalesce(s.crmMissingSince, $now) }
                        MATCH (a:Account {key: $account}) SET a.crmContactsImportedAt = $now""")
                .bindAll(params).run();
    }

    List<ExistingOpportunity> opportunities(String account) {
        return new ArrayList<>(neo4j.query("MATCH (o:Opportunity {account: $account}) "
                        + "RETURN o.key AS key, o.crmKey AS crmKey")
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
        unwind(account, "UNWIND $rows AS row CREATE (o:Opportunity) SET o = row, o.account = $account",
                plan.newOpportunities());
        unwind(account, """
                UNWIND $rows AS row
                MATCH (o:Opportunity {account: $account, key: row.key})
                SET o.crmKey = row.crmKey""", plan.links());
        unwind(account, """
                UNWIND $rows AS row
                MATCH (s:Stakeholder {account: $account, key: row.person})
                MATCH (o:Opportunity {account: $account, key: row.opportunity})
                MERGE (s)-[i:INVOLVED_IN]->(o)
                SET i.roles = row.roles, i.crmRoles = row.crmRoles""", plan.involvements());
        unwind(account, """
                UNWIND $rows AS row
                MATCH (:Stakeholder {account: $account, key: row.person})-[i:INVOLVED_IN]->
                      (:Opportunity {account: $account, key: row.opportunity})
                DELETE i""", plan.removals());
    }

    private void unwind(String account, String cypher, Collection<?> rows) {
        if (!rows.isEmpty()) {
            neo4j.query(cypher).bindAll(Map.of("account", account, "rows", rows)).run();
        }
    }

    static String str(Value v) {
        return v == null || v.isNull() ? null : v.asString();
    }
}
