package io.innercircle.analysis.internal.store;

import io.innercircle.analysis.MapSnapshot;
import io.innercircle.analysis.MapSnapshot.ConflictLine;
import io.innercircle.analysis.MapSnapshot.Contact;
import io.innercircle.analysis.MapSnapshot.Deal;
import io.innercircle.analysis.MapSnapshot.InfluenceLine;
import io.innercircle.analysis.MapSnapshot.Involvement;
import io.innercircle.analysis.MapSnapshot.NextStep;
import io.innercircle.analysis.MapSnapshot.Person;
import io.innercircle.analysis.MapSnapshot.ReportingLine;
import io.innercircle.map.AccountVersions;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one account's map for the analysis: one Cypher query returning flat rows (lists of keys and values, no
 * object graph), which {@link MapSnapshot} then holds as plain records.
 */
@Component
@Transactional(readOnly = true)
public class MapSnapshotReader {

    private final Neo4jClient neo4j;

    public MapSnapshotReader(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** The account's current version, or empty when there is no such account. */
    public Optional<Long> version(String account) {
        return neo4j.query("MATCH (a:Account {key: $key}) RETURN coalesce(a.version, 0)").bind(account).to("key")
                .fetchAs(Long.class).one();
    }

    /** The account's version and the version since which its people and lines are unchanged; empty when none. */
    public Optional<AccountVersions.StructureStamp> structure(String account) {
        return neo4j.query(AccountVersions.STRUCTURE).bind(account).to("key")
                .fetchAs(AccountVersions.StructureStamp.class)
                .mappedBy((t, r) -> new AccountVersions.StructureStamp(r.get("version").asLong(),
                        r.get("since").asLong()))
                .one();
    }

    /** Current versions of many accounts at once (for the portfolio view). */
    public Map<String, Long> versions() {
        return neo4j.query("MATCH (a:Account) RETURN a.key AS key, coalesce(a.version, 0) AS version")
                .fetchAs(Map.Entry.class).mappedBy((t, r) -> Map.entry(r.get("key").asString(), r.get("version").asLong()))
                .all().stream().collect(java.util.stream.Collectors.toMap(
                        e -> (String) e.getKey(), e -> (Long) e.getValue()));
    }

    public Optional<MapSnapshot> read(String account) {
        return neo4j.query("""
                        MATCH (a:Account {key: $account})
                        RETURN coalesce(a.version, 0) AS version,
                          COLLECT { MATCH (s:Stakeholder {account: $account})
                                    RETURN [s.key, s.name, s.title, s.department, s.rank, s.influence, s.innerCircle,
                                            coalesce(s.external, false), coalesce(s.placeholder, false), s.adaptability]
                                    ORDER BY s.key } AS people,
                          COLLECT { MATCH (s:Stakeholder {account: $account})-[:REPORTS_TO]->(m)
                                    RETURN [s.key, m.key] ORDER BY s.key } AS reports,
                          COLLECT { MATCH (f:Stakeholder {account: $account})-[r:INFLUENCES]->(t)
                                    RETURN [f.key, t.key, r.strength] ORDER BY f.key, t.key } AS influences,
                          COLLECT { MATCH (f:Stakeholder {account: $account})-[:CONFLICTS_WITH]->(t)
                                    RETURN [f.key, t.key] ORDER BY f.key, t.key } AS conflicts,
                          COLLECT { MATCH (t:TeamMember {account: $account})-[c:HAS_CONTACT]->(s)
                                    RETURN [t.key, t.name, s.key, c.coverage, c.lastContact, c.relationship]
                                    ORDER BY t.key, s.key } AS contacts,
                          COLLECT { MATCH (o:Opportunity {account: $account})
                                    RETURN [o.key, o.name, o.stage, o.amount, o.currency, o.closeDate,
                                            COLLECT { MATCH (s)-[i:INVOLVED_IN]->(o)
                                                      RETURN [s.key, i.roles, i.status] ORDER BY s.key },
                                            COLLECT { MATCH (o)-[:HAS_RELATIONSHIP_PLAN]->(p)-[:FOR]->(s)
                                                      WHERE p.nextStep IS NOT NULL AND p.due IS NOT NULL
                                                      RETURN [s.key, p.nextStep, p.due] ORDER BY s.key }]
                                    ORDER BY o.key } AS deals
                        """)
                .bind(account).to("account")
                .fetchAs(MapSnapshot.class).mappedBy((t, r) -> graph(account, r)).one();
    }

    private static MapSnapshot graph(String account, Record r) {
        List<Person> people = r.get("people").asList(v -> new Person(str(v.get(0)), str(v.get(1)), str(v.get(2)),
                str(v.get(3)), integer(v.get(4)), integer(v.get(5)), v.get(6).isNull() ? null : v.get(6).asBoolean(),
                v.get(7).asBoolean(), v.get(8).asBoolean(), str(v.get(9))));
        List<ReportingLine> reports = r.get("reports").asList(v -> new ReportingLine(str(v.get(0)), str(v.get(1))));
        List<InfluenceLine> influences = r.get("influences").asList(v ->
                new InfluenceLine(str(v.get(0)), str(v.get(1)), v.get(2).isNull() ? 2 : v.get(2).asInt()));
        List<ConflictLine> conflicts = r.get("conflicts").asList(v -> new ConflictLine(str(v.get(0)), str(v.get(1))));
        List<Contact> contacts = r.get("contacts").asList(v -> new Contact(str(v.get(0)), str(v.get(1)),
                str(v.get(2)), str(v.get(3)), v.get(4).isNull() ? null : v.get(4).asLocalDate(), str(v.get(5))));
        List<Deal> deals = r.get("deals").asList(v -> new Deal(str(v.get(0)), str(v.get(1)), str(v.get(2)),
                v.get(3).isNull() ? null : v.get(3).asDouble(), str(v.get(4)),
                v.get(5).isNull() ? null : v.get(5).asLocalDate(),
                v.get(6).asList(i -> new Involvement(str(i.get(0)),
                        new LinkedHashSet<>(i.get(1).isNull() ? List.of() : i.get(1).asList(Value::asString)),
                        str(i.get(2)))),
                v.get(7).asList(n -> new NextStep(str(n.get(0)), str(n.get(1)), n.get(2).asLocalDate()))));
        return new MapSnapshot(account, r.get("version").asLong(), people, reports, influences, conflicts, contacts,
                deals);
    }

    private static String str(Value v) {
        return v == null || v.isNull() ? null : v.asString();
    }

    private static Integer integer(Value v) {
        return v == null || v.isNull() ? null : v.asInt();
    }
}
