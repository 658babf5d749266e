package io.innercircle.history.internal;

import io.innercircle.map.WrittenMap;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads an account's map as facts, in one statement: the account node, every node of any label that carries
 * the account's key in its {@code account} property, and every relationship between two such nodes. The labels
 * are taken from the database each time, so nodes of features written later (assessments, tactics, stages)
 * are part of the history without being listed anywhere.
 */
@Component
class FactReader {

    /** Labels that are not map content: the history itself and Liquibase's bookkeeping. */
    private static final Set<String> NOT_MAP = Set.of("Account", "ChangeSet", "HistoryFact", "HistorySnapshot",
            // The stored analysis is derived from the map, not part of it.
            "AnalysisState", "StakeholderAnalysis", "HealthWarning", "WarningCount",
            // What-if scenarios are about the map, not in it (applying one changes the map through its edits).
            "Scenario",
            // Suggestions from activity are not on the map until accepted (then the line is).
            "ActivitySuggestion");
    private static final Set<String> BOOKKEEPING = Set.of("account", "key", "version", "createdAt", "updatedAt",
            // Since when the people and lines are unchanged (AccountVersions): derived from the writes, not content.
            "structureSince", "structureCheckedAt");
    private static final Pattern PLAIN_LABEL = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private final Neo4jClient neo4j;

    FactReader(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    Map<String, Fact> read(String account) {
        Map<String, Fact> facts = new LinkedHashMap<>();
        accountFact(account, facts);
        readLabels(account, mapLabels(), facts);
        return facts;
    }

    private List<String> mapLabels() {
        return neo4j.query("""
                        CALL db.labels() YIELD label
                        RETURN label""").fetchAs(String.class).all()
                .stream().filter(l -> !NOT_MAP.contains(l) && !l.startsWith("__") && PLAIN_LABEL.matcher(l).matches())
                .sorted().toList();
    }

    /**
     * The facts after a write that replaced the whole map and says what it wrote: the written nodes and lines as
     * facts, the account, and whatever the account has in other labels (read, usually nothing). Empty when the
     * database holds more in the written labels than the write says (something else in the same transaction added
     * a node or a line there): the caller then reads everything.
     */
    Optional<Map<String, Fact>> readReplaced(String account, WrittenMap written) {
        List<String> labels = mapLabels();
        if (!matches(account, written, labels)) {
            return Optional.empty();
        }
        Map<String, Fact> facts = new LinkedHashMap<>();
        accountFact(account, facts);
        Map<WrittenMap.Node, String> ids = new java.util.IdentityHashMap<>();
        Map<WrittenMap.Node, String> owners = new java.util.IdentityHashMap<>();
        for (WrittenMap.Line line : written.lines()) {
            if (line.from().key() != null) {
                owners.putIfAbsent(line.to(), Fact.nodeId(line.from().label(), line.from().key()));
            }
        }
        for (WrittenMap.Node node : written.nodes()) {
            Map<String, Object> props = clean(node.props());
            String key = node.key() != null ? node.key() : keyless(node.label(), owners.get(node), props, facts);
            String id = Fact.nodeId(node.label(), key);
            ids.put(node, id);
            facts.put(id, new Fact(id, node.label(), key, null, null, props));
        }
        for (WrittenMap.Line line : written.lines()) {
            String from = ids.get(line.from());
            String to = ids.get(line.to());
            String id = Fact.relationshipId(line.type(), from, to);
            facts.put(id, new Fact(id, line.type(), null, from, to, clean(line.props())));
        }
        readLabels(account, labels.stream().filter(l -> !written.labels().contains(l)).toList(), facts);
        return Optional.of(facts);
    }

    /**
     * Whether the database holds exactly the written nodes in the written labels, and no line at them but the
     * written ones: counted, per label, by index (nodes) and by degree (lines), without reading a property.
     */
    private boolean matches(String account, WrittenMap written, List<String> labels) {
        Map<String, Long> nodes = new TreeMap<>();
        written.labels().forEach(l -> nodes.put(l, 0L));
        written.nodes().forEach(n -> nodes.merge(n.label(), 1L, Long::sum));
        long ends = 2L * written.lines().size();
        List<String> present = written.labels().stream().filter(labels::contains).sorted().toList();
        if (present.isEmpty()) {
            return written.nodes().isEmpty();
        }
        // Labels come from the write's fixed list and are checked against db.labels() and PLAIN_LABEL.
        String union = present.stream().filter(l -> PLAIN_LABEL.matcher(l).matches())
                .map("""
                        MATCH (n:`%1$s` {account: $account}) RETURN '%1$s' AS label, count(n) AS nodes,
                          sum(COUNT { (n)--() }) AS ends"""::formatted)
                .collect(Collectors.joining("\nUNION ALL\n"));
        Map<String, Long> counted = new TreeMap<>();
        written.labels().forEach(l -> counted.put(l, 0L));
        long countedEnds = 0;
        for (Map<String, Object> row : neo4j.query(union).bind(account).to("account").fetch().all()) {
            counted.put((String) row.get("label"), ((Number) row.get("nodes")).longValue());
            countedEnds += row.get("ends") == null ? 0 : ((Number) row.get("ends")).longValue();
        }
        return counted.equals(nodes) && countedEnds == ends;
    }

    private void readLabels(String account, List<String> labels, Map<String, Fact> facts) {
        if (labels.isEmpty()) {
            return;
        }
        // Labels come from db.labels() and match PLAIN_LABEL, never from a request.
        String union = labels.stream()
                .map("""
                        MATCH (n:`%1$s` {account: $account}) RETURN n, '%1$s' AS label"""::formatted)
                .collect(Collectors.joining("\nUNION ALL\n"));
        Map<String, String> idByElement = new HashMap<>();
        List<Map<String, Object>> rows = List.copyOf(neo4j.query("""
                        CALL () { %s }
                        RETURN label, n.key AS key, elementId(n) AS element, properties(n) AS props,
                          CASE WHEN n.key IS NULL
                               THEN [(p)-->(n) WHERE p.account = $account | labels(p)[0] + ':' + p.key][0] END AS owner,
                          [(n)-[r]->(m) WHERE m.account = $account
                           | {type: type(r), element: elementId(m), props: properties(r)}] AS out""".formatted(union))
                .bind(account).to("account").fetch().all());
        for (Map<String, Object> row : rows) {
            String label = (String) row.get("label");
            Map<String, Object> props = clean(props(row.get("props")));
            String key = row.get("key") != null ? String.valueOf(row.get("key"))
                    : keyless(label, (String) row.get("owner"), props, facts);
            String id = Fact.nodeId(label, key);
            if (idByElement.putIfAbsent((String) row.get("element"), id) == null) {
                facts.put(id, new Fact(id, label, key, null, null, props));
            }
        }
        for (Map<String, Object> row : rows) {
            String from = idByElement.get((String) row.get("element"));
            for (Object o : (List<?>) row.get("out")) {
                Map<?, ?> r = (Map<?, ?>) o;
                String to = idByElement.get((String) r.get("element"));
                if (to == null) {
                    continue;
                }
                String type = (String) r.get("type");
                String id = Fact.relationshipId(type, from, to);
                facts.put(id, new Fact(id, type, null, from, to, clean(props(r.get("props")))));
            }
        }
    }

    /**
     * Only the given nodes ("Label:key") and the relationships at them (both directions): what one edit can have
     * changed. Empty when a neighbour has no key of its own (its made-up key needs the whole picture): the
     * caller then reads everything.
     */
    Optional<Map<String, Fact>> readAround(String account, Set<String> nodeIds) {
        Map<String, Fact> facts = new LinkedHashMap<>();
        accountFact(account, facts);
        Map<String, List<String>> keysByLabel = new TreeMap<>();
        for (String id : nodeIds) {
            String label = Fact.labelOf(id);
            if (!PLAIN_LABEL.matcher(label).matches() || NOT_MAP.contains(label)) {
                return Optional.empty();
            }
            keysByLabel.computeIfAbsent(label, l -> new ArrayList<>()).add(Fact.keyOf(id));
        }
        if (keysByLabel.isEmpty()) {
            return Optional.of(facts);
        }
        // Labels were checked against PLAIN_LABEL above.
        String union = keysByLabel.keySet().stream()
                .map("""
                        MATCH (n:`%1$s` {account: $account}) WHERE n.key IN $keys['%1$s'] RETURN n, '%1$s' AS label"""
                        ::formatted)
                .collect(Collectors.joining("\nUNION ALL\n"));
        List<Map<String, Object>> rows = List.copyOf(neo4j.query("""
                        CALL () { %s }
                        RETURN label, n.key AS key, properties(n) AS props,
                          [(n)-[r]->(m) WHERE m.account = $account
                           | {type: type(r), out: true, label: labels(m)[0], key: m.key, props: properties(r)}]
                          + [(m)-[r]->(n) WHERE m.account = $account
                           | {type: type(r), out: false, label: labels(m)[0], key: m.key, props: properties(r)}]
                          AS lines""".formatted(union))
                .bindAll(Map.of("account", account, "keys", keysByLabel)).fetch().all());
        for (Map<String, Object> row : rows) {
            String id = Fact.nodeId((String) row.get("label"), String.valueOf(row.get("key")));
            facts.put(id, new Fact(id, (String) row.get("label"), String.valueOf(row.get("key")), null, null,
                    clean(props(row.get("props")))));
            for (Object o : (List<?>) row.get("lines")) {
                Map<?, ?> r = (Map<?, ?>) o;
                if (r.get("key") == null) {
                    return Optional.empty();
                }
                String other = Fact.nodeId((String) r.get("label"), String.valueOf(r.get("key")));
                boolean out = Boolean.TRUE.equals(r.get("out"));
                String type = (String) r.get("type");
                String lineId = Fact.relationshipId(type, out ? id : other, out ? other : id);
                facts.put(lineId, new Fact(lineId, type, null, out ? id : other, out ? other : id,
                        clean(props(r.get("props")))));
            }
        }
        return Optional.of(facts);
    }

    private void accountFact(String account, Map<String, Fact> facts) {
        neo4j.query("""
                        MATCH (a:Account {key: $account})
                        RETURN properties(a) AS props""").bind(account).to("account")
                .fetch().one().ifPresent(row -> facts.put("Account",
                        new Fact("Account", "Account", account, null, null, clean(props(row.get("props"))))));
    }

    /**
     * A node without a key (an assessment rating, a tactic) is known by its owner and its content: a replace
     * import recreates such nodes, and an element id would make every re-import look like a change. Changing
     * such a node is recorded as removing the old and adding the new.
     */
    private static String keyless(String label, String owner, Map<String, Object> props, Map<String, Fact> facts) {
        String base = (owner == null ? "" : owner) + Fact.KEYLESS
                + FactCodec.hash(FactCodec.write(new Fact("", label, null, null, null, props))).substring(0, 10);
        String key = base;
        for (int n = 2; facts.containsKey(Fact.nodeId(label, key)); n++) {
            key = base + Fact.KEYLESS + n;
        }
        return key;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> props(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    private static Map<String, Object> clean(Map<String, Object> props) {
        Map<String, Object> out = new LinkedHashMap<>();
        props.forEach((k, v) -> {
            if (!BOOKKEEPING.contains(k) && v != null) {
                out.put(k, v);
            }
        });
        return out;
    }
}
