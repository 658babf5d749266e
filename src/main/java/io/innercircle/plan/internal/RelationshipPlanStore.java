package io.innercircle.plan.internal;

import io.innercircle.analysis.strategy.RelationshipStrategy;
import io.innercircle.api.InvalidInputException;
import io.innercircle.api.NotFoundException;
import io.innercircle.map.AccountVersions;
import io.innercircle.map.Checks;
import io.innercircle.map.ItemId;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.ArgumentValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Recorded relationship plans and tactic targets in the graph:
 * {@code (:Opportunity)-[:HAS_RELATIONSHIP_PLAN]->(:RelationshipPlan)-[:FOR]->(:Stakeholder)} and
 * {@code (:Tactic)-[:TARGETS]->(:Stakeholder)}. A relationship plan carries the account key like every map node,
 * so the history records it with no extra code.
 */
@Service
public class RelationshipPlanStore {

    /** One recorded plan; strategy and owner are as stored (owner: a team member key). */
    public record Stored(String account, String opportunity, String stakeholder, String strategy, String owner,
                         String nextStep, LocalDate due, String outcome) {}

    /** A patch of one recorded plan: a value left out is unchanged, an explicit null clears it. */
    public record Patch(ArgumentValue<RelationshipStrategy> strategy, ArgumentValue<String> owner,
                        ArgumentValue<String> nextStep, ArgumentValue<LocalDate> due, ArgumentValue<String> outcome) {}

    /** A person as the API names them. */
    public record PersonRef(String id, String key, String name) {}

    private final Neo4jClient neo4j;
    private final AccountVersions versions;

    RelationshipPlanStore(Neo4jClient neo4j, AccountVersions versions) {
        this.neo4j = neo4j;
        this.versions = versions;
    }

    static String key(String opportunity, String stakeholder) {
        return opportunity + "|" + stakeholder;
    }

    public Optional<Stored> find(ItemId opportunity, ItemId stakeholder) {
        return read("""
                MATCH (r:RelationshipPlan {account: $account, key: $key}) RETURN r""",
                Map.of("account", opportunity.account(), "key", key(opportunity.key(), stakeholder.key())))
                .stream().findFirst();
    }

    public List<Stored> all(ItemId opportunity) {
        return read("""
                MATCH (:Opportunity {account: $account, key: $opportunity})-[:HAS_RELATIONSHIP_PLAN]->(r:RelationshipPlan)
                      -[:FOR]->(:Stakeholder)
                RETURN r ORDER BY r.due IS NULL, r.due, r.stakeholder""",
                Map.of("account", opportunity.account(), "opportunity", opportunity.key()));
    }

    private List<Stored> read(String cypher, Map<String, Object> parameters) {
        return new ArrayList<>(neo4j.query(cypher).bindAll(parameters).fetchAs(Stored.class).mappedBy((types, row) -> {
            var r = row.get("r");
            return new Stored(r.get("account").asString(), r.get("opportunity").asString(),
                    r.get("stakeholder").asString(), r.get("strategy").asString(null), r.get("owner").asString(null),
                    r.get("nextStep").asString(null), r.get("due").isNull() ? null : r.get("due").asLocalDate(),
                    r.get("outcome").asString(null));
        }).all());
    }

    /** A patch of the plan of one person in one opportunity; creates it on first use. */
    @Transactional
    public void set(ItemId opportunity, ItemId stakeholder, Patch patch) {
        if (!opportunity.account().equals(stakeholder.account())) {
            throw new InvalidInputException("input.stakeholder", "is in another account than the opportunity");
        }
        lockAccount(opportunity.account());
        Map<String, Object> exists = neo4j.query("""
                        OPTIONAL MATCH (o:Opportunity {account: $account, key: $opportunity})
                        OPTIONAL MATCH (s:Stakeholder {account: $account, key: $stakeholder})
                        RETURN o IS NOT NULL AS opportunity, s IS NOT NULL AS stakeholder""")
                .bindAll(Map.of("account", opportunity.account(), "opportunity", opportunity.key(),
                        "stakeholder", stakeholder.key()))
                .fetch().one().orElseThrow();
        if (!Boolean.TRUE.equals(exists.get("opportunity"))) {
            throw new NotFoundException("input.opportunity", "opportunity", opportunity.toString());
        }
        if (!Boolean.TRUE.equals(exists.get("stakeholder"))) {
            throw new NotFoundException("input.stakeholder", "stakeholder", stakeholder.toString());
        }
        Map<String, Object> props = new HashMap<>();
        given(props, "strategy", patch.strategy(), RelationshipStrategy::name);
        if (!patch.owner().isOmitted()) {
            props.put("owner", owner(opportunity.account(), patch.owner().value()));
        }
        given(props, "nextStep", patch.nextStep(), step -> blankToNull(Checks.text("input.nextStep", step)));
        given(props, "outcome", patch.outcome(), outcome -> blankToNull(Checks.text("input.outcome", outcome)));
        given(props, "due", patch.due(), due -> due);
        String key = key(opportunity.key(), stakeholder.key());
        neo4j.query("""
                        MATCH (o:Opportunity {account: $account, key: $opportunity})
                        MATCH (s:Stakeholder {account: $account, key: $stakeholder})
                        MERGE (o)-[:HAS_RELATIONSHIP_PLAN]->(r:RelationshipPlan {account: $account, key: $key})
                        ON CREATE SET r.opportunity = $opportunity, r.stakeholder = $stakeholder
                        MERGE (r)-[:FOR]->(s)
                        SET r += $props""")
                .bindAll(Map.of("account", opportunity.account(), "opportunity", opportunity.key(),
                        "stakeholder", stakeholder.key(), "key", key))
                .bind(props).to("props").run();
        versions.bumpKeepingStructure(opportunity.account(), "RelationshipPlan:" + key);
    }

    /** Replaces the people a tactic is aimed at; returns the tactic's opportunity. */
    @Transactional
    public ItemId setTargets(ItemId tactic, List<String> people) {
        lockAccount(tactic.account());
        String opportunity = neo4j.query("""
                        MATCH (o:Opportunity)-[:HAS_TACTIC]->(t:Tactic {account: $account, key: $key}) RETURN o.key""")
                .bindAll(Map.of("account", tactic.account(), "key", tactic.key()))
                .fetchAs(String.class).one()
                .orElseThrow(() -> new NotFoundException("tactic", "tactic", tactic.toString()));
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            ItemId person = ItemId.parse("people[" + i + "]", people.get(i));
            if (!person.account().equals(tactic.account())) {
                throw new InvalidInputException("people[" + i + "]", "is in another account than the tactic");
            }
            keys.add(person.key());
        }
        Checks.noDuplicates("people", keys);
        List<String> found = neo4j.query("""
                        MATCH (s:Stakeholder {account: $account}) WHERE s.key IN $keys RETURN s.key""")
                .bindAll(Map.of("account", tactic.account(), "keys", keys)).fetchAs(String.class).all().stream().toList();
        for (int i = 0; i < keys.size(); i++) {
            if (!found.contains(keys.get(i))) {
                throw new NotFoundException("people[" + i + "]", "stakeholder", people.get(i));
            }
        }
        neo4j.query("""
                        MATCH (t:Tactic {account: $account, key: $key})
                        OPTIONAL MATCH (t)-[old:TARGETS]->()
                        DELETE old
                        WITH DISTINCT t
                        UNWIND $keys AS person
                        MATCH (s:Stakeholder {account: $account, key: person})
                        MERGE (t)-[:TARGETS]->(s)""")
                .bindAll(Map.of("account", tactic.account(), "key", tactic.key(), "keys", keys)).run();
        versions.bumpKeepingStructure(tactic.account(), "Tactic:" + tactic.key());
        return new ItemId(tactic.account(), opportunity);
    }

    /** The people each tactic is aimed at, for many tactics in one statement ("account/key" of the tactic). */
    public Map<ItemId, List<PersonRef>> targets(Collection<ItemId> tactics) {
        Map<ItemId, List<PersonRef>> result = new LinkedHashMap<>();
        tactics.forEach(t -> result.put(t, new ArrayList<>()));
        if (tactics.isEmpty()) {
            return result;
        }
        List<Map<String, String>> ids = tactics.stream()
                .map(t -> Map.of("account", t.account(), "key", t.key())).toList();
        neo4j.query("""
                        UNWIND $ids AS id
                        MATCH (t:Tactic {account: id.account, key: id.key})-[:TARGETS]->(s:Stakeholder)
                        RETURN id.account AS account, id.key AS tactic, s.key AS key, s.name AS name
                        ORDER BY s.name""")
                .bind(ids).to("ids").fetch().all()
                .forEach(row -> {
                    String account = (String) row.get("account");
                    String key = (String) row.get("key");
                    result.get(new ItemId(account, (String) row.get("tactic")))
                            .add(new PersonRef(ItemId.of(account, key), key, (String) row.get("name")));
                });
        return result;
    }

    private String owner(String account, String id) {
        if (id == null) {
            return null;
        }
        ItemId owner = ItemId.parse("input.owner", id);
        boolean exists = owner.account().equals(account) && neo4j.query("""
                        MATCH (t:TeamMember {account: $account, key: $key}) RETURN count(t) > 0""")
                .bindAll(Map.of("account", account, "key", owner.key())).fetchAs(Boolean.class).one().orElse(false);
        if (!exists) {
            throw new NotFoundException("input.owner", "team member", id);
        }
        return owner.key();
    }

    /** The account first, one lock order for every write (see DEVELOPERS.md). */
    private void lockAccount(String account) {
        neo4j.query("MATCH (a:Account {key: $key}) SET a._lock = true REMOVE a._lock")
                .bind(account).to("key").run();
    }

    /** Puts a field that was given (null stays null, which clears the property); leaves out one left out. */
    private static <T> void given(Map<String, Object> props, String name, ArgumentValue<T> value,
                                  Function<T, Object> convert) {
        if (!value.isOmitted()) {
            props.put(name, value.value() == null ? null : convert.apply(value.value()));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
