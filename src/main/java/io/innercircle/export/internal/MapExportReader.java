package io.innercircle.export.internal;

import io.innercircle.api.NotFoundException;
import io.innercircle.export.internal.ExportedMap.Line;
import io.innercircle.export.internal.ExportedMap.Node;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an account's whole map for export in one query. With an opportunity, each person also carries their
 * buying roles and our status in it. Best coverage is the best of the team's contacts, as on the map.
 */
@Component
class MapExportReader {

    private static final String QUERY = """
            MATCH (a:Account {key: $account})
            OPTIONAL MATCH (o:Opportunity {account: $account, key: $opportunity})
            RETURN o IS NOT NULL AS opportunityFound,
              COLLECT { MATCH (s:Stakeholder {account: $account})
                        OPTIONAL MATCH (s)-[i:INVOLVED_IN]->(o)
                        RETURN s{.key, .name, .title, .department, .adaptability, .rank, .influence, .innerCircle,
                                 .external, .placeholder, .email, .crmKey, .businessAgenda, .personalAgenda,
                                 .notes, notInLastImport: s.crmMissingSince IS NOT NULL,
                                 reportsTo: [(s)-[:REPORTS_TO]->(m) | m.key][0],
                                 coverages: [(:TeamMember)-[c:HAS_CONTACT]->(s) | c.coverage],
                                 roles: i.roles, status: i.status}
                        ORDER BY s.key } AS people,
              COLLECT { MATCH (t:TeamMember {account: $account}) RETURN t{.key, .name, .role} ORDER BY t.key } AS team,
              COLLECT { MATCH (s:Stakeholder {account: $account})-[:REPORTS_TO]->(m)
                        RETURN [s.key, m.key] ORDER BY s.key } AS reporting,
              COLLECT { MATCH (f:Stakeholder {account: $account})-[r:INFLUENCES]->(t)
                        RETURN [f.key, t.key, r.strength, r.note] ORDER BY f.key, t.key } AS influences,
              COLLECT { MATCH (f:Stakeholder {account: $account})-[r:CONFLICTS_WITH]->(t)
                        RETURN [f.key, t.key, r.note] ORDER BY f.key, t.key } AS conflicts,
              COLLECT { MATCH (t:TeamMember {account: $account})-[c:HAS_CONTACT]->(s)
                        RETURN [t.key, s.key, c.coverage, toString(c.lastContact), c.relationship]
                        ORDER BY t.key, s.key } AS contacts
            """;

    /** Best first, as map/Coverage ranks them. */
    private static final List<String> COVERAGE = List.of("IN_DEPTH", "MULTIPLE", "BRIEF");

    private final Neo4jClient neo4j;

    MapExportReader(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    @Transactional(readOnly = true)
    public ExportedMap read(String account, String opportunity, boolean withTeam) {
        Map<String, Object> params = new HashMap<>();
        params.put("account", account);
        params.put("opportunity", opportunity);
        Record r = neo4j.query(QUERY).bindAll(params).fetchAs(Record.class).mappedBy((t, rec) -> rec).one()
                .orElseThrow(() -> new NotFoundException("account", "account", account));
        if (opportunity != null && !r.get("opportunityFound").asBoolean()) {
            throw new NotFoundException("opportunity", "opportunity", account + "/" + opportunity);
        }
        List<Node> nodes = new ArrayList<>();
        for (Value p : r.get("people").values()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("kind", "stakeholder");
            for (Attributes.Attribute attribute : Attributes.NODE) {
                Value v = p.get(attribute.name());
                if (!v.isNull() && !attribute.name().equals("kind") && !attribute.name().equals("roles")) {
                    a.put(attribute.name(), v.asObject());
                }
                if (attribute.name().equals("coverage")) {
                    a.put("coverage", best(p.get("coverages").asList(Value::asString)));
                }
                if (attribute.name().equals("roles") && opportunity != null) {
                    a.put("roles", String.join(" ", p.get("roles").isNull() ? List.of()
                            : p.get("roles").asList(Value::asString)));
                }
            }
            nodes.add(new Node(personId(p.get("key").asString()), p.get("key").asString(), "stakeholder", a));
        }
        List<Line> lines = new ArrayList<>();
        for (Value l : r.get("reporting").values()) {
            lines.add(line("REPORTS_TO", personId(l.get(0).asString()), personId(l.get(1).asString())));
        }
        for (Value l : r.get("influences").values()) {
            lines.add(line("INFLUENCES", personId(l.get(0).asString()), personId(l.get(1).asString()),
                    "strength", l.get(2).asLong(), "note", str(l.get(3))));
        }
        for (Value l : r.get("conflicts").values()) {
            lines.add(line("CONFLICTS_WITH", personId(l.get(0).asString()), personId(l.get(1).asString()),
                    "note", str(l.get(2))));
        }
        if (withTeam) {
            for (Value t : r.get("team").values()) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("kind", "teamMember");
                a.put("key", t.get("key").asString());
                a.put("name", str(t.get("name")));
                if (!t.get("role").isNull()) {
                    a.put("teamRole", t.get("role").asString());
                }
                nodes.add(new Node(teamId(t.get("key").asString()), t.get("key").asString(), "teamMember", a));
            }
            for (Value l : r.get("contacts").values()) {
                lines.add(line("HAS_CONTACT", teamId(l.get(0).asString()), personId(l.get(1).asString()),
                        "contactCoverage", str(l.get(2)), "lastContact", str(l.get(3)), "relationship", str(l.get(4))));
            }
        }
        return new ExportedMap(account, opportunity, nodes, lines);
    }

    /**
     * Node ids: keys are unique per kind and the kinds' prefixes differ, so these never collide; and they are
     * XML name tokens, as GraphML requires.
     */
    static String personId(String key) {
        return "stakeholder:" + key;
    }

    static String teamId(String key) {
        return "team:" + key;
    }

    private static Line line(String type, String from, String to, Object... attributes) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("lineType", type);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                a.put((String) attributes[i], attributes[i + 1]);
            }
        }
        return new Line(type, from, to, a);
    }

    private static String best(List<String> coverages) {
        return COVERAGE.stream().filter(coverages::contains).findFirst().orElse("NONE");
    }

    private static String str(Value v) {
        return v == null || v.isNull() ? null : v.asString();
    }
}
