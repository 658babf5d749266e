package io.innercircle.map.internal;

import io.innercircle.map.Checks;
import io.innercircle.map.ItemId;
import io.innercircle.map.MapChanged;
import io.innercircle.map.PeopleReads;
import io.innercircle.map.Stakeholder;
import io.innercircle.api.InvalidInputException;
import io.innercircle.map.internal.MapInputs.CreateStakeholderInput;
import io.innercircle.map.internal.MapInputs.UpdateStakeholderInput;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.innercircle.map.internal.EditSupport.params;
import static io.innercircle.map.internal.EditSupport.patch;
import static io.innercircle.map.internal.EditSupport.sameAccount;
import static io.innercircle.map.internal.EditSupport.stored;

/** Edits of the stakeholders and of the formal structure (who reports to whom). One transaction each. */
@Service
@Transactional
public class PeopleEdits {

    private final Neo4jClient neo4j;
    private final PeopleReads peopleReads;
    private final EditSupport support;

    PeopleEdits(Neo4jClient neo4j, PeopleReads peopleReads, EditSupport support) {
        this.neo4j = neo4j;
        this.peopleReads = peopleReads;
        this.support = support;
    }

    public Stakeholder createStakeholder(CreateStakeholderInput input) {
        String account = input.account();
        support.requireAccount("input.account", account);
        String key = Checks.key("input.key", input.key());
        Map<String, Object> props = new HashMap<>();
        props.put("account", account);
        props.put("key", key);
        props.put("name", Checks.name("input.name", input.name()));
        props.put("title", Checks.text("input.title", input.title()));
        props.put("department", Checks.text("input.department", input.department()));
        props.put("businessAgenda", Checks.longText("input.businessAgenda", input.businessAgenda()));
        props.put("personalAgenda", Checks.longText("input.personalAgenda", input.personalAgenda()));
        props.put("notes", Checks.longText("input.notes", input.notes()));
        props.put("email", Checks.email("input.email", input.email()));
        props.put("rank", Checks.range("input.rank", input.rank(), 1, 5));
        props.put("influence", Checks.range("input.influence", input.influence(), 1, 5));
        props.put("adaptability", stored(input.adaptability()));
        props.put("innerCircle", input.innerCircle());
        props.put("external", Boolean.TRUE.equals(input.external()));
        props.put("placeholder", Boolean.TRUE.equals(input.placeholder()));
        ItemId manager = input.reportsTo() == null ? null : sameAccount("input.reportsTo", account,
                ItemId.parse("input.reportsTo", input.reportsTo()));
        if (manager != null) {
            support.requireStakeholder("input.reportsTo", manager);
        }
        if (peopleReads.stakeholder(new ItemId(account, key)).isPresent()) {
            throw new InvalidInputException("input.key",
                    "a stakeholder with key '" + key + "' already exists in account '" + account + "'");
        }
        neo4j.query("CREATE (s:Stakeholder) SET s = $props").bind(props).to("props").run();
        if (manager != null) {
            neo4j.query("""
                            MATCH (s:Stakeholder {account: $account, key: $key})
                            MATCH (m:Stakeholder {account: $account, key: $manager})
                            CREATE (s)-[:REPORTS_TO]->(m)""")
                    .bindAll(Map.of("account", account, "key", key, "manager", manager.key())).run();
        }
        support.bump(account, MapChanged.node("Stakeholder", key));
        return peopleReads.stakeholder(new ItemId(account, key)).orElseThrow();
    }

    public Stakeholder updateStakeholder(UpdateStakeholderInput input) {
        ItemId id = ItemId.parse("input.id", input.id());
        support.requireStakeholder("input.id", id);
        Map<String, Object> props = new HashMap<>();
        patch(props, "name", input.name(), v -> Checks.name("input.name", v));
        patch(props, "title", input.title(), v -> Checks.text("input.title", v));
        patch(props, "department", input.department(), v -> Checks.text("input.department", v));
        patch(props, "businessAgenda", input.businessAgenda(), v -> Checks.longText("input.businessAgenda", v));
        patch(props, "personalAgenda", input.personalAgenda(), v -> Checks.longText("input.personalAgenda", v));
        patch(props, "notes", input.notes(), v -> Checks.longText("input.notes", v));
        patch(props, "email", input.email(), v -> Checks.email("input.email", v));
        patch(props, "rank", input.rank(), v -> Checks.range("input.rank", v, 1, 5));
        patch(props, "influence", input.influence(), v -> Checks.range("input.influence", v, 1, 5));
        patch(props, "adaptability", input.adaptability(), EditSupport::stored);
        patch(props, "innerCircle", input.innerCircle(), v -> v);
        // The two flags are never unknown: null means false.
        patch(props, "external", input.external(), Boolean.TRUE::equals);
        patch(props, "placeholder", input.placeholder(), Boolean.TRUE::equals);
        neo4j.query("MATCH (s:Stakeholder {account: $account, key: $key}) SET s += $props")
                .bindAll(Map.of("account", id.account(), "key", id.key())).bind(props).to("props").run();
        support.bump(id.account(), MapChanged.node("Stakeholder", id.key()));
        return peopleReads.stakeholder(id).orElseThrow();
    }

    public List<String> removeStakeholder(String idText) {
        ItemId id = ItemId.parse("id", idText);
        support.requireStakeholder("id", id);
        neo4j.query("MATCH (s:Stakeholder {account: $account, key: $key}) DETACH DELETE s")
                .bindAll(Map.of("account", id.account(), "key", id.key())).run();
        support.bump(id.account(), MapChanged.node("Stakeholder", id.key()));
        return List.of(id.toString());
    }

    public Stakeholder setReportsTo(String personText, String managerText) {
        ItemId person = ItemId.parse("stakeholder", personText);
        support.requireStakeholder("stakeholder", person);
        ItemId manager = managerText == null ? null
                : sameAccount("manager", person.account(), ItemId.parse("manager", managerText));
        if (manager != null) {
            support.requireStakeholder("manager", manager);
            if (manager.equals(person)) {
                throw new InvalidInputException("manager", "a person cannot report to themselves");
            }
            boolean cycle = neo4j.query("""
                            MATCH (s:Stakeholder {account: $account, key: $person})
                            MATCH (m:Stakeholder {account: $account, key: $manager})
                            RETURN EXISTS { (m)-[:REPORTS_TO*1..]->(s) }""")
                    .bindAll(Map.of("account", person.account(), "person", person.key(), "manager", manager.key()))
                    .fetchAs(Boolean.class).one().orElse(false);
            if (cycle) {
                throw new InvalidInputException("manager", "'" + manager + "' already reports, directly or not, to '"
                        + person + "'; the reporting lines would form a cycle");
            }
        }
        neo4j.query("""
                        MATCH (s:Stakeholder {account: $account, key: $person})
                        OPTIONAL MATCH (s)-[old:REPORTS_TO]->() DELETE old
                        WITH DISTINCT s
                        OPTIONAL MATCH (m:Stakeholder {account: $account, key: $manager})
                        FOREACH (x IN CASE WHEN m IS NULL THEN [] ELSE [1] END | CREATE (s)-[:REPORTS_TO]->(m))""")
                .bindAll(params("account", person.account(), "person", person.key(),
                        "manager", manager == null ? null : manager.key()))
                .run();
        support.bump(person.account(), MapChanged.node("Stakeholder", person.key()));
        return peopleReads.stakeholder(person).orElseThrow();
    }
}
