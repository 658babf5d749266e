package io.innercircle.scenario.internal;

import io.innercircle.map.ItemId;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Scenarios in Neo4j: a Scenario node (account, key) and its changes as ordered ScenarioChange nodes. */
@Component
class ScenarioStore {

    record Stored(ItemId id, String opportunity, String name, long basedOnVersion, String createdBy,
                  OffsetDateTime createdAt, OffsetDateTime appliedAt, String appliedBy, List<Change> changes) {

        ItemId opportunityId() {
            return new ItemId(id.account(), opportunity);
        }
    }

    private static final String READ = """
            RETURN s.account AS account, s.key AS key, s.opportunity AS opportunity, s.name AS name,
                   s.basedOnVersion AS basedOnVersion, s.createdBy AS createdBy, s.createdAt AS createdAt,
                   s.appliedAt AS appliedAt, s.appliedBy AS appliedBy,
                   COLLECT { MATCH (s)-[:HAS_CHANGE]->(c:ScenarioChange)
                             RETURN properties(c) ORDER BY c.position } AS changes""";

    private final Neo4jClient neo4j;

    ScenarioStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    void create(ItemId id, String opportunity, String name, long version, String by, List<Change> changes) {
        neo4j.query("""
                        CREATE (s:Scenario {account: $account, key: $key, opportunity: $opportunity, name: $name,
                                            basedOnVersion: $version, createdBy: $by, createdAt: datetime()})""")
                .bindAll(Map.of("account", id.account(), "key", id.key(), "opportunity", opportunity, "name", name,
                        "version", version, "by", by))
                .run();
        writeChanges(id, changes);
    }

    void replace(ItemId id, String name, long version, List<Change> changes) {
        neo4j.query("""
                        MATCH (s:Scenario {account: $account, key: $key})
                        SET s.name = $name, s.basedOnVersion = $version
                        WITH s
                        OPTIONAL MATCH (s)-[:HAS_CHANGE]->(c:ScenarioChange)
                        DETACH DELETE c""")
                .bindAll(Map.of("account", id.account(), "key", id.key(), "name", name, "version", version))
                .run();
        writeChanges(id, changes);
    }

    private void writeChanges(ItemId id, List<Change> changes) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Map<String, Object> props = new HashMap<>(changes.get(i).properties());
            props.put("position", i);
            rows.add(props);
        }
        neo4j.query("""
                        MATCH (s:Scenario {account: $account, key: $key})
                        UNWIND $changes AS change
                        CREATE (s)-[:HAS_CHANGE]->(c:ScenarioChange)
                        SET c = change""")
                .bindAll(Map.of("account", id.account(), "key", id.key(), "changes", rows))
                .run();
    }

    Optional<Stored> find(ItemId id) {
        return neo4j.query("MATCH (s:Scenario {account: $account, key: $key}) " + READ)
                .bindAll(Map.of("account", id.account(), "key", id.key()))
                .fetch().one().map(ScenarioStore::stored);
    }

    /** The opportunity's scenarios, newest first. */
    List<Stored> ofOpportunity(ItemId opportunity) {
        return neo4j.query("MATCH (s:Scenario {account: $account, opportunity: $opportunity}) WITH s "
                        + "ORDER BY s.createdAt DESC, s.key " + READ)
                .bindAll(Map.of("account", opportunity.account(), "opportunity", opportunity.key()))
                .fetch().all().stream().map(ScenarioStore::stored).toList();
    }

    /** Deletes the opportunity's scenarios with their changes (which carry no account key of their own). */
    void deleteOfOpportunity(ItemId opportunity) {
        neo4j.query("""
                        MATCH (s:Scenario {account: $account, opportunity: $opportunity})
                        OPTIONAL MATCH (s)-[:HAS_CHANGE]->(c:ScenarioChange)
                        DETACH DELETE c, s""")
                .bindAll(Map.of("account", opportunity.account(), "opportunity", opportunity.key()))
                .run();
    }

    boolean delete(ItemId id) {
        return neo4j.query("""
                        MATCH (s:Scenario {account: $account, key: $key})
                        OPTIONAL MATCH (s)-[:HAS_CHANGE]->(c:ScenarioChange)
                        DETACH DELETE c, s
                        RETURN count(DISTINCT s) > 0""")
                .bindAll(Map.of("account", id.account(), "key", id.key()))
                .fetchAs(Boolean.class).one().orElse(false);
    }

    void applied(ItemId id, String by) {
        neo4j.query("""
                        MATCH (s:Scenario {account: $account, key: $key})
                        SET s.appliedAt = datetime(), s.appliedBy = $by""")
                .bindAll(Map.of("account", id.account(), "key", id.key(), "by", by))
                .run();
    }

    @SuppressWarnings("unchecked")
    private static Stored stored(Map<String, Object> row) {
        List<Change> changes = ((List<Map<String, Object>>) row.get("changes")).stream().map(Change::of).toList();
        return new Stored(new ItemId((String) row.get("account"), (String) row.get("key")),
                (String) row.get("opportunity"), (String) row.get("name"),
                ((Number) row.get("basedOnVersion")).longValue(), (String) row.get("createdBy"),
                time(row.get("createdAt")), time(row.get("appliedAt")), (String) row.get("appliedBy"), changes);
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof ZonedDateTime z) {
            return z.toOffsetDateTime();
        }
        return (OffsetDateTime) value;
    }
}
