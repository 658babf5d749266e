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
import java.util.Set;

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
        List<Person> people = r.get("people").asList(MapSnapshotReader::person);
        List<ReportingLine> reports = r.get("reports").asList(MapSnapshotReader::reportingLine);
        List<InfluenceLine> influences = r.get("influences").asList(MapSnapshotReader::influenceLine);
        List<ConflictLine> conflicts = r.get("conflicts").asList(MapSnapshotReader::conflictLine);
        List<Contact> contacts = r.get("contacts").asList(MapSnapshotReader::contact);
        List<Deal> deals = r.get("deals").asList(v -> new Deal(str(v.get(0)), str(v.get(1)), str(v.get(2)),
                v.get(3).isNull() ? null : v.get(3).asDouble(), str(v.get(4)),
                v.get(5).isNull() ? null : v.get(5).asLocalDate(),
                v.get(6).asList(MapSnapshotReader::involvement),
                v.get(7).asList(MapSnapshotReader::nextStep)));
        return new MapSnapshot(account, r.get("version").asLong(), people, reports, influences, conflicts, contacts,
                deals);
    }

    private static Person person(Value v) {
        return new Person(str(v.get(0)), str(v.get(1)), str(v.get(2)), str(v.get(3)), integer(v.get(4)),
                integer(v.get(5)), v.get(6).isNull() ? null : v.get(6).asBoolean(), v.get(7).asBoolean(),
                v.get(8).asBoolean(), str(v.get(9)));
    }

    private static ReportingLine reportingLine(Value v) {
        return new ReportingLine(str(v.get(0)), str(v.get(1)));
    }

    private static InfluenceLine influenceLine(Value v) {
        return new InfluenceLine(str(v.get(0)), str(v.get(1)), v.get(2).isNull() ? 2 : v.get(2).asInt());
    }

    private static ConflictLine conflictLine(Value v) {
        return new ConflictLine(str(v.get(0)), str(v.get(1)));
    }

    private static Contact contact(Value v) {
        return new Contact(str(v.get(0)), str(v.get(1)), str(v.get(2)), str(v.get(3)),
                v.get(4).isNull() ? null : v.get(4).asLocalDate(), str(v.get(5)));
    }

    private static Involvement involvement(Value i) {
        return new Involvement(str(i.get(0)),
                new LinkedHashSet<>(i.get(1).isNull() ? List.of() : i.get(1).asList(Value::asString)), str(i.get(2)));
    }

    private static NextStep nextStep(Value n) {
        return new NextStep(str(n.get(0)), str(n.get(1)), n.get(2).asLocalDate());
    }

    /**
     * The account's map as {@code base} plus what a write changed at these people (their own properties and
     * every line, contact, involvement and relationship plan at them), read as the database holds it now: a few
     * rows instead of the whole map. The result is the snapshot {@link #read} would give, in the same order, as
     * long as nothing else in the account changed since {@code base}, which the caller checks against the version
     * read here. Empty when the account is gone, or when the change cannot be placed exactly (an opportunity that
     * {@code base} does not know, or two rows the whole read would order as the database happens to hold them).
     */
    public Optional<MapSnapshot> readChanges(MapSnapshot base, Set<String> people) {
        return neo4j.query("""
                        MATCH (a:Account {key: $account})
                        RETURN coalesce(a.version, 0) AS version,
                          COLLECT { MATCH (s:Stakeholder {account: $account}) WHERE s.key IN $keys
                                    RETURN [s.key, s.name, s.title, s.department, s.rank, s.influence, s.innerCircle,
                                            coalesce(s.external, false), coalesce(s.placeholder, false), s.adaptability]
                                  } AS people,
                          COLLECT { MATCH (x:Stakeholder {account: $account})-[r:REPORTS_TO]-() WHERE x.key IN $keys
                                    WITH DISTINCT r RETURN [startNode(r).key, endNode(r).key] } AS reports,
                          COLLECT { MATCH (x:Stakeholder {account: $account})-[r:INFLUENCES]-() WHERE x.key IN $keys
                                    WITH DISTINCT r RETURN [startNode(r).key, endNode(r).key, r.strength]
                                  } AS influences,
                          COLLECT { MATCH (x:Stakeholder {account: $account})-[r:CONFLICTS_WITH]-() WHERE x.key IN $keys
                                    WITH DISTINCT r RETURN [startNode(r).key, endNode(r).key] } AS conflicts,
                          COLLECT { MATCH (t:TeamMember {account: $account})-[c:HAS_CONTACT]->(s:Stakeholder)
                                    WHERE s.account = $account AND s.key IN $keys
                                    RETURN [t.key, t.name, s.key, c.coverage, c.lastContact, c.relationship]
                                  } AS contacts,
                          COLLECT { MATCH (s:Stakeholder {account: $account})-[i:INVOLVED_IN]->(o:Opportunity)
                                    WHERE s.key IN $keys AND o.account = $account
                                    RETURN [o.key, [s.key, i.roles, i.status]] } AS involvements,
                          COLLECT { MATCH (o:Opportunity {account: $account})-[:HAS_RELATIONSHIP_PLAN]->(p)-[:FOR]->
                                          (s:Stakeholder)
                                    WHERE s.account = $account AND s.key IN $keys
                                      AND p.nextStep IS NOT NULL AND p.due IS NOT NULL
                                    RETURN [o.key, [s.key, p.nextStep, p.due]] } AS nextSteps
                        """)
                .bindAll(Map.of("account", base.accountKey(), "keys", List.copyOf(people)))
                .fetchAs(Optional.class).mappedBy((t, r) -> SnapshotPatch.apply(base, people, r.get("version").asLong(),
                        r.get("people").asList(MapSnapshotReader::person),
                        r.get("reports").asList(MapSnapshotReader::reportingLine),
                        r.get("influences").asList(MapSnapshotReader::influenceLine),
                        r.get("conflicts").asList(MapSnapshotReader::conflictLine),
                        r.get("contacts").asList(MapSnapshotReader::contact),
                        r.get("involvements").asList(v -> Map.entry(str(v.get(0)), involvement(v.get(1)))),
                        r.get("nextSteps").asList(v -> Map.entry(str(v.get(0)), nextStep(v.get(1))))))
                .one().flatMap(o -> (Optional<MapSnapshot>) o);
    }

    private static String str(Value v) {
        return v == null || v.isNull() ? null : v.asString();
    }

    private static Integer integer(Value v) {
        return v == null || v.isNull() ? null : v.asInt();
    }
}
