package io.innercircle.map;

import io.innercircle.api.InvalidInputException;
import io.innercircle.api.NotFoundException;
import io.innercircle.map.Lines.ConflictLine;
import io.innercircle.map.Lines.Contact;
import io.innercircle.map.Lines.InfluenceLine;
import io.innercircle.map.Lines.Involvement;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every edit of a map, one transaction each: the input is checked (values, then references inside the
 * transaction), the change is written, and the account's version goes up by one. A refused edit throws
 * {@link InvalidInputException} and the transaction rolls back, so nothing is half-written.
 */
@Service
@Transactional
public class MapEdits {

    private static final Set<String> STAKEHOLDER_FIELDS = Set.of("name", "title", "department", "adaptability",
            "rank", "influence", "innerCircle", "external", "placeholder", "businessAgenda", "personalAgenda",
            "notes");
    private static final Set<String> OPPORTUNITY_FIELDS = Set.of("name", "amount", "currency", "closeDate", "stage",
            "strategy", "goal", "objective");

    private final Neo4jClient neo4j;
    private final MapReads reads;
    private final ApplicationEventPublisher events;
    private final AccountVersions versions;
    private final List<OpportunityEditCheck> opportunityChecks;

    public MapEdits(Neo4jClient neo4j, MapReads reads, ApplicationEventPublisher events, AccountVersions versions,
                    List<OpportunityEditCheck> opportunityChecks) {
        this.neo4j = neo4j;
        this.reads = reads;
        this.events = events;
        this.versions = versions;
        this.opportunityChecks = List.copyOf(opportunityChecks);
    }

    // ---- accounts

    public Account createAccount(Map<String, Object> input) {
        String key = Checks.key("input.key", (String) input.get("key"));
        Map<String, Object> props = new HashMap<>();
        props.put("key", key);
        props.put("name", Checks.name("input.name", (String) input.get("name")));
        props.put("industry", Checks.text("input.industry", (String) input.get("industry")));
        props.put("notes", Checks.longText("input.notes", (String) input.get("notes")));
        if (reads.account(key).isPresent()) {
            throw new InvalidInputException("input.key", "an account with key '" + key + "' already exists");
        }
        neo4j.query("CREATE (a:Account) SET a = $props, a.version = 1, a.createdAt = datetime(), "
                + "a.updatedAt = a.createdAt").bind(props).to("props").run();
        events.publishEvent(new MapChanged(key, 1));
        return reads.account(key).orElseThrow();
    }

    public Account updateAccount(Map<String, Object> input) {
        String key = (String) input.get("key");
        requireAccount("input.key", key);
        Map<String, Object> props = new HashMap<>();
        if (input.containsKey("name")) {
            props.put("name", Checks.name("input.name", (String) input.get("name")));
        }
        if (input.containsKey("industry")) {
            props.put("industry", Checks.text("input.industry", (String) input.get("industry")));
        }
        if (input.containsKey("notes")) {
            props.put("notes", Checks.longText("input.notes", (String) input.get("notes")));
        }
        neo4j.query("MATCH (a:Account {key: $key}) SET a += $props").bind(key).to("key").bind(props).to("props").run();
        bump(key);
        return reads.account(key).orElseThrow();
    }

    // ---- stakeholders

    public Stakeholder createStakeholder(Map<String, Object> input) {
        String account = (String) input.get("account");
        requireAccount("input.account", account);
        String key = Checks.key("input.key", (String) input.get("key"));
        Map<String, Object> props = stakeholderProps(input, "input.");
        props.put("account", account);
        props.put("key", key);
        props.put("external", Boolean.TRUE.equals(props.get("external")));
        props.put("placeholder", Boolean.TRUE.equals(props.get("placeholder")));
        ItemId manager = input.get("reportsTo") == null ? null : sameAccount("input.reportsTo", account,
                ItemId.parse("input.reportsTo", (String) input.get("reportsTo")));
        if (manager != null) {
            requireStakeholder("input.reportsTo", manager);
        }
        if (reads.stakeholder(new ItemId(account, key)).isPresent()) {
            throw new InvalidInputException("input.key",
                    "a stakeholder with key '" + key + "' already exists in account '" + account + "'");
        }
        neo4j.query("CREATE (s:Stakeholder) SET s = $props").bind(props).to("props").run();
        if (manager != null) {
            neo4j.query("MATCH (s:Stakeholder {account: $account, key: $key}), "
                            + "(m:Stakeholder {account: $account, key: $manager}) CREATE (s)-[:REPORTS_TO]->(m)")
                    .bindAll(Map.of("account", account, "key", key, "manager", manager.key())).run();
        }
        bump(account, MapChanged.node("Stakeholder", key));
        return reads.stakeholder(new ItemId(account, key)).orElseThrow();
    }

    public Stakeholder updateStakeholder(Map<String, Object> input) {
        ItemId id = ItemId.parse("input.id", (String) input.get("id"));
        requireStakeholder("input.id", id);
        Map<String, Object> patch = new LinkedHashMap<>(input);
        patch.remove("id");
        Checks.only(patch, STAKEHOLDER_FIELDS);
        Map<String, Object> props = stakeholderProps(patch, "input.");
        for (String flag : List.of("external", "placeholder")) {
            if (props.containsKey(flag) && props.get(flag) == null) {
                props.put(flag, false);
            }
        }
        neo4j.query("MATCH (s:Stakeholder {account: $account, key: $key}) SET s += $props")
                .bindAll(Map.of("account", id.account(), "key", id.key())).bind(props).to("props").run();
        bump(id.account(), MapChanged.node("Stakeholder", id.key()));
        return reads.stakeholder(id).orElseThrow();
    }

    private static Map<String, Object> stakeholderProps(Map<String, Object> in, String prefix) {
        Map<String, Object> p = new HashMap<>();
        if (in.containsKey("name")) {
            p.put("name", Checks.name(prefix + "name", (String) in.get("name")));
        }
        for (String f : List.of("title", "department")) {
            if (in.containsKey(f)) {
                p.put(f, Checks.text(prefix + f, (String) in.get(f)));
            }
        }
        for (String f : List.of("businessAgenda", "personalAgenda", "notes")) {
            if (in.containsKey(f)) {
                p.put(f, Checks.longText(prefix + f, (String) in.get(f)));
            }
        }
        for (String f : List.of("rank", "influence")) {
            if (in.containsKey(f)) {
                p.put(f, Checks.range(prefix + f, (Integer) in.get(f), 1, 5));
            }
        }
        for (String f : List.of("adaptability", "innerCircle", "external", "placeholder")) {
            if (in.containsKey(f)) {
                p.put(f, in.get(f));
            }
        }
        return p;
    }

    public List<String> removeStakeholder(String idText) {
        ItemId id = ItemId.parse("id", idText);
        requireStakeholder("id", id);
        neo4j.query("MATCH (s:Stakeholder {account: $account, key: $key}) DETACH DELETE s")
                .bindAll(Map.of("account", id.account(), "key", id.key())).run();
        bump(id.account(), MapChanged.node("Stakeholder", id.key()));
        return List.of(id.toString());
    }

    public Stakeholder setReportsTo(String personText, String managerText) {
        ItemId person = ItemId.parse("stakeholder", personText);
        requireStakeholder("stakeholder", person);
        ItemId manager = managerText == null ? null
                : sameAccount("manager", person.account(), ItemId.parse("manager", managerText));
        if (manager != null) {
            requireStakeholder("manager", manager);
            if (manager.equals(person)) {
                throw new InvalidInputException("manager", "a person cannot report to themselves");
            }
            boolean cycle = neo4j.query("MATCH (s:Stakeholder {account: $account, key: $person}), "
                            + "(m:Stakeholder {account: $account, key: $manager}) "
                            + "RETURN EXISTS { (m)-[:REPORTS_TO*1..]->(s) }")
                    .bindAll(Map.of("account", person.account(), "person", person.key(), "manager", manager.key()))
                    .fetchAs(Boolean.class).one().orElse(false);
            if (cycle) {
                throw new InvalidInputException("manager", "'" + manager + "' already reports, directly or not, to '"
                        + person + "'; the reporting lines would form a cycle");
            }
        }
        neo4j.query("MATCH (s:Stakeholder {account: $account, key: $person}) "
                        + "OPTIONAL MATCH (s)-[old:REPORTS_TO]->() DELETE old "
                        + "WITH DISTINCT s "
                        + "OPTIONAL MATCH (m:Stakeholder {account: $account, key: $manager}) "
                        + "FOREACH (x IN CASE WHEN m IS NULL THEN [] ELSE [1] END | CREATE (s)-[:REPORTS_TO]->(m))")
                .bindAll(params("account", person.account(), "person", person.key(),
                        "manager", manager == null ? null : manager.key()))
                .run();
        bump(person.account(), MapChanged.node("Stakeholder", person.key()));
        return reads.stakeholder(person).orElseThrow();
    }

    // ---- influence and conflict lines

    public InfluenceLine setInfluence(Map<String, Object> input) {
        ItemId from = ItemId.parse("input.from", (String) input.get("from"));
        ItemId to = sameAccount("input.to", from.account(), ItemId.parse("input.to", (String) input.get("to")));
        if (from.equals(to)) {
            throw new InvalidInputException("input.to", "a person cannot influence themselves");
        }
        Integer strength = Checks.range("input.strength", (Integer) input.get("strength"), 1, 3);
        String note = Checks.text("input.note", (String) input.get("note"));
        requireStakeholder("input.from", from);
        requireStakeholder("input.to", to);
        neo4j.query("MATCH (f:Stakeholder {account: $account, key: $from}), (t:Stakeholder {account: $account, key: $to}) "
                        + "MERGE (f)-[r:INFLUENCES]->(t) "
                        + "SET r.strength = coalesce($strength, r.strength, 2) "
                        + "SET r.note = CASE WHEN $hasNote THEN $note ELSE r.note END")
                .bindAll(params("account", from.account(), "from", from.key(), "to", to.key(), "strength", strength,
                        "note", note, "hasNote", input.containsKey("note")))
                .run();
        bump(from.account(), MapChanged.node("Stakeholder", from.key()));
        return reads.influenceLines(List.of(from), false).get(from).stream()
                .filter(l -> l.to().key().equals(to.key())).findFirst().orElseThrow();
    }

    public List<String> removeInfluence(String fromText, String toText) {
        ItemId from = ItemId.parse("from", fromText);
        ItemId to = sameAccount("to", from.account(), ItemId.parse("to", toText));
        long removed = neo4j.query("MATCH (:Stakeholder {account: $account, key: $from})-[r:INFLUENCES]->"
                        + "(:Stakeholder {account: $account, key: $to}) DELETE r RETURN count(r)")
                .bindAll(Map.of("account", from.account(), "from", from.key(), "to", to.key()))
                .fetchAs(Long.class).one().orElse(0L);
        if (removed == 0) {
            throw new InvalidInputException("from", "there is no influence line from '" + from + "' to '" + to + "'");
        }
        bump(from.account(), MapChanged.node("Stakeholder", from.key()));
        return List.of(from + " -> " + to);
    }

    public ConflictLine setConflict(Map<String, Object> input) {
        ItemId[] pair = conflictPair("input.between", input.get("between"));
        String note = Checks.text("input.note", (String) input.get("note"));
        requireStakeholder("input.between", pair[0]);
        requireStakeholder("input.between", pair[1]);
        // Stored once, from the smaller key to the larger, so each pair has exactly one relationship.
        neo4j.query("MATCH (a:Stakeholder {account: $account, key: $a}), (b:Stakeholder {account: $account, key: $b}) "
                        + "MERGE (a)-[r:CONFLICTS_WITH]->(b) "
                        + "SET r.note = CASE WHEN $hasNote THEN $note ELSE r.note END")
                .bindAll(params("account", pair[0].account(), "a", pair[0].key(), "b", pair[1].key(), "note", note,
                        "hasNote", input.containsKey("note")))
                .run();
        bump(pair[0].account(), MapChanged.node("Stakeholder", pair[0].key()));
        return reads.conflictLines(List.of(pair[0])).get(pair[0]).stream()
                .filter(c -> c.between().get(1).key().equals(pair[1].key())).findFirst().orElseThrow();
    }

    public List<String> removeConflict(Object between) {
        ItemId[] pair = conflictPair("between", between);
        long removed = neo4j.query("MATCH (:Stakeholder {account: $account, key: $a})-[r:CONFLICTS_WITH]->"
                        + "(:Stakeholder {account: $account, key: $b}) DELETE r RETURN count(r)")
                .bindAll(Map.of("account", pair[0].account(), "a", pair[0].key(), "b", pair[1].key()))
                .fetchAs(Long.class).one().orElse(0L);
        if (removed == 0) {
            throw new InvalidInputException("between",
                    "there is no conflict line between '" + pair[0] + "' and '" + pair[1] + "'");
        }
        bump(pair[0].account(), MapChanged.node("Stakeholder", pair[0].key()));
        return List.of(pair[0] + " <-> " + pair[1]);
    }

    private static ItemId[] conflictPair(String field, Object between) {
        @SuppressWarnings("unchecked")
        List<String> ids = between instanceof List<?> list ? (List<String>) list : List.of();
        if (ids.size() != 2) {
            throw new InvalidInputException(field, "must name exactly two people");
        }
        ItemId a = ItemId.parse(field, ids.get(0));
        ItemId b = sameAccount(field, a.account(), ItemId.parse(field, ids.get(1)));
        if (a.equals(b)) {
            throw new InvalidInputException(field, "a person cannot be in conflict with themselves");
        }
        return a.key().compareTo(b.key()) < 0 ? new ItemId[]{a, b} : new ItemId[]{b, a};
    }

    // ---- contacts and involvements

    public Contact recordContact(Map<String, Object> input) {
        ItemId member = ItemId.parse("input.teamMember", (String) input.get("teamMember"));
        ItemId person = sameAccount("input.stakeholder", member.account(),
                ItemId.parse("input.stakeholder", (String) input.get("stakeholder")));
        LocalDate last = (LocalDate) input.get("lastContact");
        if (last != null && last.isAfter(LocalDate.now().plusDays(1))) {
            throw new InvalidInputException("input.lastContact", "is in the future (" + last + ")");
        }
        requireTeamMember("input.teamMember", member);
        requireStakeholder("input.stakeholder", person);
        neo4j.query("MATCH (t:TeamMember {account: $account, key: $member}), "
                        + "(s:Stakeholder {account: $account, key: $person}) "
                        + "MERGE (t)-[c:HAS_CONTACT]->(s) "
                        + "SET c.coverage = $coverage, c.lastContact = $last, c.relationship = $relationship")
                .bindAll(params("account", member.account(), "member", member.key(), "person", person.key(),
                        "coverage", input.get("coverage"), "last", last, "relationship", input.get("relationship")))
                .run();
        bump(member.account(), MapChanged.node("Stakeholder", person.key()));
        return reads.contacts(List.of(person), false).get(person).stream()
                .filter(c -> c.teamMember().key().equals(member.key())).findFirst().orElseThrow();
    }

    public List<String> removeContact(String memberText, String personText) {
        ItemId member = ItemId.parse("teamMember", memberText);
        ItemId person = sameAccount("stakeholder", member.account(), ItemId.parse("stakeholder", personText));
        long removed = neo4j.query("MATCH (:TeamMember {account: $account, key: $member})-[c:HAS_CONTACT]->"
                        + "(:Stakeholder {account: $account, key: $person}) DELETE c RETURN count(c)")
                .bindAll(Map.of("account", member.account(), "member", member.key(), "person", person.key()))
                .fetchAs(Long.class).one().orElse(0L);
        if (removed == 0) {
            throw new InvalidInputException("teamMember", "'" + member + "' has no contact with '" + person + "'");
        }
        bump(member.account(), MapChanged.node("Stakeholder", person.key()));
        return List.of(member + " -> " + person);
    }

    public Involvement setInvolvement(Map<String, Object> input) {
        ItemId opportunity = ItemId.parse("input.opportunity", (String) input.get("opportunity"));
        ItemId person = sameAccount("input.stakeholder", opportunity.account(),
                ItemId.parse("input.stakeholder", (String) input.get("stakeholder")));
        @SuppressWarnings("unchecked")
        List<String> roles = input.get("roles") == null ? List.of() : (List<String>) input.get("roles");
        Checks.noDuplicates("input.roles", roles);
        String status = (String) input.get("status");
        requireOpportunity("input.opportunity", opportunity);
        requireStakeholder("input.stakeholder", person);
        neo4j.query("MATCH (s:Stakeholder {account: $account, key: $person}), "
                        + "(o:Opportunity {account: $account, key: $opportunity}) "
                        + "MERGE (s)-[i:INVOLVED_IN]->(o) SET i.roles = $roles, i.status = $status "
                        + "WITH i WHERE size(i.roles) = 0 AND i.status IS NULL DELETE i")
                .bindAll(params("account", person.account(), "person", person.key(), "opportunity", opportunity.key(),
                        "roles", roles, "status", status))
                .run();
        bump(person.account(), MapChanged.node("Stakeholder", person.key()));
        return reads.involvements(List.of(person), false).getOrDefault(person, List.of()).stream()
                .filter(i -> i.opportunity().key().equals(opportunity.key())).findFirst().orElse(null);
    }

    // ---- opportunities, team members, competitors

    public Opportunity createOpportunity(Map<String, Object> input) {
        String account = (String) input.get("account");
        requireAccount("input.account", account);
        String key = Checks.key("input.key", (String) input.get("key"));
        Map<String, Object> props = opportunityProps(input);
        props.put("account", account);
        props.put("key", key);
        ItemId competitor = competitorRef(input, account);
        if (reads.opportunity(new ItemId(account, key)).isPresent()) {
            throw new InvalidInputException("input.key",
                    "an opportunity with key '" + key + "' already exists in account '" + account + "'");
        }
        neo4j.query("CREATE (o:Opportunity) SET o = $props").bind(props).to("props").run();
        setCompetitor(new ItemId(account, key), competitor);
        bump(account, MapChanged.node("Opportunity", key));
        return reads.opportunity(new ItemId(account, key)).orElseThrow();
    }

    public Opportunity updateOpportunity(Map<String, Object> input) {
        ItemId id = ItemId.parse("input.id", (String) input.get("id"));
        requireOpportunity("input.id", id);
        Opportunity before = reads.opportunity(id).orElseThrow();
        if (input.containsKey("stage") && !Objects.equals(before.stage(), input.get("stage"))) {
            opportunityChecks.forEach(check -> check.stageChanging(id, before.stage(), (String) input.get("stage")));
        }
        Map<String, Object> patch = new LinkedHashMap<>(input);
        patch.remove("id");
        boolean competitorGiven = patch.containsKey("competitor");
        ItemId competitor = competitorRef(patch, id.account());
        String competitorKey = competitor == null ? null : competitor.key();
        if (competitorGiven && !Objects.equals(before.competitorKey(), competitorKey)) {
            opportunityChecks.forEach(check -> check.primaryCompetitorChanging(id, before.competitorKey(),
                    competitorKey));
        }
        patch.remove("competitor");
        Checks.only(patch, OPPORTUNITY_FIELDS);
        Map<String, Object> props = opportunityProps(patch);
        neo4j.query("MATCH (o:Opportunity {account: $account, key: $key}) SET o += $props")
                .bindAll(Map.of("account", id.account(), "key", id.key())).bind(props).to("props").run();
        if (competitorGiven) {
            setCompetitor(id, competitor);
        }
        bump(id.account(), MapChanged.node("Opportunity", id.key()));
        return reads.opportunity(id).orElseThrow();
    }

    private ItemId competitorRef(Map<String, Object> input, String account) {
        if (input.get("competitor") == null) {
            return null;
        }
        ItemId c = sameAccount("input.competitor", account,
                ItemId.parse("input.competitor", (String) input.get("competitor")));
        if (reads.competitorsById(List.of(c)).isEmpty()) {
            throw new NotFoundException("input.competitor", "competitor", c.toString());
        }
        return c;
    }

    private void setCompetitor(ItemId opportunity, ItemId competitor) {
        neo4j.query("MATCH (o:Opportunity {account: $account, key: $key}) "
                        + "OPTIONAL MATCH (o)-[old:AGAINST]->() DELETE old WITH DISTINCT o "
                        + "OPTIONAL MATCH (c:Competitor {account: $account, key: $competitor}) "
                        + "FOREACH (x IN CASE WHEN c IS NULL THEN [] ELSE [1] END | CREATE (o)-[:AGAINST]->(c))")
                .bindAll(params("account", opportunity.account(), "key", opportunity.key(),
                        "competitor", competitor == null ? null : competitor.key()))
                .run();
    }

    private static Map<String, Object> opportunityProps(Map<String, Object> in) {
        Map<String, Object> p = new HashMap<>();
        if (in.containsKey("name")) {
            p.put("name", Checks.name("input.name", (String) in.get("name")));
        }
        if (in.containsKey("amount")) {
            p.put("amount", Checks.amount("input.amount", (Double) in.get("amount")));
        }
        if (in.containsKey("currency")) {
            p.put("currency", Checks.currency("input.currency", (String) in.get("currency")));
        }
        for (String f : List.of("goal", "objective")) {
            if (in.containsKey(f)) {
                p.put(f, Checks.longText("input." + f, (String) in.get(f)));
            }
        }
        for (String f : List.of("closeDate", "stage", "strategy")) {
            if (in.containsKey(f)) {
                p.put(f, in.get(f));
            }
        }
        return p;
    }

    public TeamMember createTeamMember(Map<String, Object> input) {
        String account = (String) input.get("account");
        requireAccount("input.account", account);
        String key = Checks.key("input.key", (String) input.get("key"));
        Map<String, Object> props = new HashMap<>();
        props.put("account", account);
        props.put("key", key);
        props.put("name", Checks.name("input.name", (String) input.get("name")));
        props.put("role", Checks.text("input.role", (String) input.get("role")));
        if (reads.teamMember(new ItemId(account, key)).isPresent()) {
            throw new InvalidInputException("input.key",
                    "a team member with key '" + key + "' already exists in account '" + account + "'");
        }
        neo4j.query("CREATE (t:TeamMember) SET t = $props").bind(props).to("props").run();
        bump(account, MapChanged.node("TeamMember", key));
        return reads.teamMember(new ItemId(account, key)).orElseThrow();
    }

    public TeamMember updateTeamMember(Map<String, Object> input) {
        ItemId id = ItemId.parse("input.id", (String) input.get("id"));
        requireTeamMember("input.id", id);
        Map<String, Object> props = new HashMap<>();
        if (input.containsKey("name")) {
            props.put("name", Checks.name("input.name", (String) input.get("name")));
        }
        if (input.containsKey("role")) {
            props.put("role", Checks.text("input.role", (String) input.get("role")));
        }
        neo4j.query("MATCH (t:TeamMember {account: $account, key: $key}) SET t += $props")
                .bindAll(Map.of("account", id.account(), "key", id.key())).bind(props).to("props").run();
        bump(id.account(), MapChanged.node("TeamMember", id.key()));
        return reads.teamMember(id).orElseThrow();
    }

    public Competitor createCompetitor(Map<String, Object> input) {
        String account = (String) input.get("account");
        requireAccount("input.account", account);
        String key = Checks.key("input.key", (String) input.get("key"));
        String name = Checks.name("input.name", (String) input.get("name"));
        ItemId id = new ItemId(account, key);
        if (!reads.competitorsById(List.of(id)).isEmpty()) {
            throw new InvalidInputException("input.key",
                    "a competitor with key '" + key + "' already exists in account '" + account + "'");
        }
        neo4j.query("CREATE (c:Competitor {account: $account, key: $key, name: $name})")
                .bindAll(Map.of("account", account, "key", key, "name", name)).run();
        bump(account, MapChanged.node("Competitor", key));
        return reads.competitorsById(List.of(id)).get(id);
    }

    public Competitor updateCompetitor(Map<String, Object> input) {
        ItemId id = ItemId.parse("input.id", (String) input.get("id"));
        if (reads.competitorsById(List.of(id)).isEmpty()) {
            throw new NotFoundException("input.id", "competitor", id.toString());
        }
        if (input.containsKey("name")) {
            neo4j.query("MATCH (c:Competitor {account: $account, key: $key}) SET c.name = $name")
                    .bindAll(Map.of("account", id.account(), "key", id.key(),
                            "name", Checks.name("input.name", (String) input.get("name")))).run();
        }
        bump(id.account(), MapChanged.node("Competitor", id.key()));
        return reads.competitorsById(List.of(id)).get(id);
    }

    // ---- shared

    /**
     * @param touched the nodes this edit changed ("Label:key"), so the history compares only them and the
     *                lines at them, not the whole map; the account's own properties are always compared
     */
    private void bump(String account, String... touched) {
        versions.bump(account, touched);
    }

    private void requireAccount(String field, String key) {
        if (key == null || reads.account(key).isEmpty()) {
            throw new NotFoundException(field, "account", String.valueOf(key));
        }
    }

    private void requireStakeholder(String field, ItemId id) {
        if (!exists("Stakeholder", id)) {
            throw new NotFoundException(field, "stakeholder", id.toString());
        }
    }

    private void requireTeamMember(String field, ItemId id) {
        if (!exists("TeamMember", id)) {
            throw new NotFoundException(field, "team member", id.toString());
        }
    }

    private void requireOpportunity(String field, ItemId id) {
        if (!exists("Opportunity", id)) {
            throw new NotFoundException(field, "opportunity", id.toString());
        }
    }

    private boolean exists(String label, ItemId id) {
        // The label comes from the constants above, never from user input.
        return neo4j.query("MATCH (n:" + label + " {account: $account, key: $key}) RETURN count(n) > 0")
                .bindAll(Map.of("account", id.account(), "key", id.key()))
                .fetchAs(Boolean.class).one().orElse(false);
    }

    private static ItemId sameAccount(String field, String account, ItemId id) {
        if (!id.account().equals(account)) {
            throw new InvalidInputException(field, "'" + id + "' belongs to another account than '" + account + "'");
        }
        return id;
    }

    private static Map<String, Object> params(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
