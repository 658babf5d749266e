package io.innercircle.plan.internal;

import io.innercircle.api.InvalidInputException;
import io.innercircle.api.NotFoundException;
import io.innercircle.map.AccountVersions;
import io.innercircle.map.Checks;
import io.innercircle.map.ItemId;
import io.innercircle.map.OpportunityReads;
import io.innercircle.map.AccountReads;
import io.innercircle.map.Opportunity;
import io.innercircle.plan.internal.PlanData.OutcomeRecord;
import io.innercircle.plan.internal.PlanData.ReviewComment;
import io.innercircle.plan.internal.PlanData.ReviewKind;
import io.innercircle.plan.internal.PlanData.StageTransition;
import io.innercircle.plan.internal.PlanData.Tactic;
import io.innercircle.vocabulary.SalesStage;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.ArgumentValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads and writes the plan and the sales process of opportunities. Graph model (see cypher/README.md): tactics
 * are the bundle's {@code (:Opportunity)-[:HAS_TACTIC]->(:Tactic)-[:OWNED_BY]->(:TeamMember)}, with a key and the
 * criteria they address; the offering is a property of the opportunity; review comments, stage outcomes and
 * stage moves are {@code :ReviewComment}, {@code :OutcomeEvidence} and {@code :StageTransition} nodes of the
 * opportunity. Every write is one transaction ending with the account's version bump.
 */
@Service
@Transactional(readOnly = true)
public class PlanStore {

    private final Neo4jClient neo4j;
    private final OpportunityReads opportunityReads;
    private final AccountReads accountReads;
    private final AccountVersions versions;
    private final Clock clock;

    PlanStore(Neo4jClient neo4j, OpportunityReads opportunityReads, AccountReads accountReads, AccountVersions versions,
              Clock clock) {
        this.neo4j = neo4j;
        this.opportunityReads = opportunityReads;
        this.accountReads = accountReads;
        this.versions = versions;
        this.clock = clock;
    }

    /** Today in UTC, from the app's clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- reads

    public Map<ItemId, PlanData> plans(Collection<ItemId> opportunities) {
        Map<ItemId, PlanData> result = new HashMap<>();
        for (Map<String, Object> row : neo4j.query("""
                        UNWIND $ids AS id
                        MATCH (o:Opportunity {account: id[0], key: id[1]})
                        RETURN id, properties(o).offering AS offering,
                          COLLECT { MATCH (o)-[:HAS_TACTIC]->(t:Tactic)
                                    OPTIONAL MATCH (t)-[:OWNED_BY]->(m:TeamMember)
                                    RETURN {t: properties(t), ownerKey: m.key, ownerName: m.name} } AS tactics,
                          COLLECT { MATCH (o)-[:HAS_REVIEW]->(r:ReviewComment)
                                    RETURN properties(r) AS r ORDER BY r.createdAt } AS reviews,
                          COLLECT { MATCH (o)-[:HAS_OUTCOME]->(x:OutcomeEvidence) RETURN properties(x) } AS outcomes,
                          COLLECT { MATCH (o)-[:MOVED]->(x:StageTransition)
                                    RETURN properties(x) AS x ORDER BY x.at } AS transitions""")
                .bind(opportunities.stream().distinct().map(i -> List.of(i.account(), i.key())).toList()).to("ids")
                .fetch().all()) {
            @SuppressWarnings("unchecked")
            List<String> id = (List<String>) row.get("id");
            result.put(new ItemId(id.get(0), id.get(1)), plan(id.get(0), row));
        }
        return result;
    }

    public PlanData plan(ItemId opportunity) {
        return plans(List.of(opportunity)).get(opportunity);
    }

    @SuppressWarnings("unchecked")
    private static PlanData plan(String account, Map<String, Object> row) {
        List<Tactic> tactics = new ArrayList<>();
        for (Map<String, Object> x : (List<Map<String, Object>>) row.get("tactics")) {
            Map<String, Object> t = (Map<String, Object>) x.get("t");
            tactics.add(new Tactic(account, (String) t.get("key"),
                    t.get("position") == null ? Integer.MAX_VALUE : ((Number) t.get("position")).intValue(),
                    t.get("prime") == null ? null : Prime.valueOf((String) t.get("prime")), (String) t.get("what"),
                    (String) x.get("ownerKey"), (String) x.get("ownerName"), (LocalDate) t.get("due"),
                    (String) t.get("resources"), t.get("cost") == null ? null : ((Number) t.get("cost")).doubleValue(),
                    Boolean.TRUE.equals(t.get("done")),
                    t.get("criteria") == null ? List.of()
                            : ((List<Number>) t.get("criteria")).stream().map(Number::intValue).toList()));
        }
        tactics.sort(Comparator.comparingInt(Tactic::position).thenComparing(Tactic::key));
        List<ReviewComment> reviews = ((List<Map<String, Object>>) row.get("reviews")).stream()
                .map(r -> new ReviewComment(account, (String) r.get("key"), (String) r.get("reviewer"),
                        ReviewKind.valueOf((String) r.get("kind")), (String) r.get("text"),
                        (LocalDate) r.get("raisedOn"), (String) r.get("answer"), (String) r.get("presenter"),
                        (LocalDate) r.get("answeredOn")))
                .toList();
        Map<StageOutcome, OutcomeRecord> outcomes = new EnumMap<>(StageOutcome.class);
        for (Map<String, Object> x : (List<Map<String, Object>>) row.get("outcomes")) {
            StageOutcome outcome = StageOutcome.valueOf((String) x.get("outcome"));
            outcomes.put(outcome, new OutcomeRecord(outcome, Boolean.TRUE.equals(x.get("met")),
                    (String) x.get("evidence"), (LocalDate) x.get("recordedOn")));
        }
        List<StageTransition> transitions = ((List<Map<String, Object>>) row.get("transitions")).stream()
                .map(x -> new StageTransition(x.get("from") == null ? null : SalesStage.valueOf((String) x.get("from")),
                        SalesStage.valueOf((String) x.get("to")), (LocalDate) x.get("on"),
                        Boolean.TRUE.equals(x.get("override")), (String) x.get("reason"),
                        x.get("unmet") == null ? List.of() : (List<String>) x.get("unmet")))
                .toList();
        return new PlanData((String) row.get("offering"), tactics, reviews, outcomes, transitions);
    }

    // ---- goal, objective, offering

    /** A patch of goal, objective and offering: a field left out is unchanged, null clears it. */
    @Transactional
    public void setPlan(ItemId opportunity, PlanInput patch) {
        requireOpportunity("input.opportunity", opportunity);
        Map<String, Object> props = new HashMap<>();
        given(props, "goal", patch.goal(), v -> blankToNull(Checks.longText("input.goal", v)));
        given(props, "objective", patch.objective(), v -> blankToNull(Checks.longText("input.objective", v)));
        given(props, "offering", patch.offering(), v -> blankToNull(Checks.text("input.offering", v)));
        neo4j.query("""
                        MATCH (o:Opportunity {account: $account, key: $key})
                        SET o += $props""")
                .bindAll(Map.of("account", opportunity.account(), "key", opportunity.key()))
                .bind(props).to("props").run();
        versions.bumpKeepingStructure(opportunity.account());
    }

    // ---- tactics

    @Transactional
    public String addTactic(ItemId opportunity, AddTacticInput input) {
        requireOpportunity("input.opportunity", opportunity);
        Map<String, Object> props = tacticProps(input, true);
        String owner = owner(opportunity.account(), input.owner().value());
        String key = UUID.randomUUID().toString();
        List<Tactic> tactics = plan(opportunity).tactics();
        Integer position = input.position().value();
        int at = position == null ? tactics.size() : Checks.range("input.position", position, 0, tactics.size());
        props.put("key", key);
        props.put("account", opportunity.account());
        neo4j.query("""
                        MATCH (o:Opportunity {account: $account, key: $opportunity})
                        CREATE (o)-[:HAS_TACTIC]->(t:Tactic)
                        SET t = $props""")
                .bindAll(Map.of("account", opportunity.account(), "opportunity", opportunity.key(), "props", props))
                .run();
        List<String> order = new ArrayList<>(tactics.stream().map(Tactic::key).toList());
        order.add(at, key);
        renumber(opportunity.account(), order);
        setOwner(opportunity.account(), key, owner);
        versions.bumpKeepingStructure(opportunity.account());
        return key;
    }

    @Transactional
    public ItemId updateTactic(ItemId tactic, UpdateTacticInput patch) {
        ItemId opportunity = opportunityOf(tactic);
        Map<String, Object> props = tacticProps(patch, false);
        neo4j.query("""
                        MATCH (t:Tactic {account: $account, key: $key})
                        SET t += $props""")
                .bindAll(Map.of("account", tactic.account(), "key", tactic.key(), "props", props)).run();
        if (!patch.owner().isOmitted()) {
            setOwner(tactic.account(), tactic.key(), owner(tactic.account(), patch.owner().value()));
        }
        if (!patch.position().isOmitted()) {
            List<String> order = new ArrayList<>(plan(opportunity).tactics().stream().map(Tactic::key).toList());
            Integer position = patch.position().value();
            if (position == null) {
                throw new InvalidInputException("input.position", "cannot be cleared");
            }
            order.remove(tactic.key());
            order.add(Checks.range("input.position", position, 0, order.size()), tactic.key());
            renumber(tactic.account(), order);
        }
        versions.bumpKeepingStructure(tactic.account());
        return opportunity;
    }

    @Transactional
    public ItemId removeTactic(ItemId tactic) {
        ItemId opportunity = opportunityOf(tactic);
        neo4j.query("MATCH (t:Tactic {account: $account, key: $key}) DETACH DELETE t")
                .bindAll(Map.of("account", tactic.account(), "key", tactic.key())).run();
        renumber(tactic.account(), plan(opportunity).tactics().stream().map(Tactic::key).toList());
        versions.bumpKeepingStructure(tactic.account());
        return opportunity;
    }

    private static Map<String, Object> tacticProps(TacticFields in, boolean creating) {
        Map<String, Object> p = new HashMap<>();
        if (creating || !in.what().isOmitted()) {
            p.put("what", required("input.what", in.what().value()));
        }
        given(p, "prime", in.prime(), Prime::name);
        given(p, "due", in.due(), due -> due);
        given(p, "resources", in.resources(), v -> blankToNull(Checks.text("input.resources", v)));
        if (!in.cost().isOmitted()) {
            p.put("cost", Checks.amount("input.cost", in.cost().value()));
        }
        if (creating || !in.done().isOmitted()) {
            p.put("done", Boolean.TRUE.equals(in.done().value()));
        }
        if (!in.criteria().isOmitted()) {
            List<Integer> criteria = in.criteria().value() == null ? List.of() : in.criteria().value();
            for (Integer c : criteria) {
                Checks.range("input.criteria", c, 1, 20);
            }
            Checks.noDuplicates("input.criteria", criteria);
            p.put("criteria", criteria.stream().sorted().toList());
        }
        return p;
    }

    /** Puts a field that was given (null stays null, which clears the property); leaves out one left out. */
    private static <T> void given(Map<String, Object> props, String name, ArgumentValue<T> value,
                                  Function<T, Object> convert) {
        if (!value.isOmitted()) {
            props.put(name, value.value() == null ? null : convert.apply(value.value()));
        }
    }

    /** The owner's key, checked to be one of our team in the same account; null when none is given. */
    private String owner(String account, String id) {
        if (id == null) {
            return null;
        }
        ItemId owner = ItemId.parse("input.owner", id);
        if (!owner.account().equals(account)) {
            throw new InvalidInputException("input.owner", "'" + owner + "' is not on the team of account '"
                    + account + "'");
        }
        if (accountReads.teamMember(owner).isEmpty()) {
            throw new NotFoundException("input.owner", "team member", owner.toString());
        }
        return owner.key();
    }

    private void setOwner(String account, String tactic, String owner) {
        neo4j.query("""
                        MATCH (t:Tactic {account: $account, key: $tactic})
                        OPTIONAL MATCH (t)-[old:OWNED_BY]->() DELETE old
                        WITH DISTINCT t
                        OPTIONAL MATCH (m:TeamMember {account: $account, key: $owner})
                        FOREACH (x IN CASE WHEN m IS NULL THEN [] ELSE [1] END | CREATE (t)-[:OWNED_BY]->(m))""")
                .bindAll(params("account", account, "tactic", tactic, "owner", owner)).run();
    }

    private void renumber(String account, List<String> keys) {
        neo4j.query("""
                        UNWIND range(0, size($keys) - 1) AS i
                        MATCH (t:Tactic {account: $account, key: $keys[i]})
                        SET t.position = i""")
                .bindAll(Map.of("account", account, "keys", keys)).run();
    }

    private ItemId opportunityOf(ItemId tactic) {
        return neo4j.query("""
                        MATCH (o:Opportunity)-[:HAS_TACTIC]->(t:Tactic {account: $account, key: $key})
                        RETURN o.key""")
                .bindAll(Map.of("account", tactic.account(), "key", tactic.key()))
                .fetchAs(String.class).one().map(o -> new ItemId(tactic.account(), o))
                .orElseThrow(() -> new NotFoundException("input.id", "tactic", tactic.toString()));
    }

    // ---- plan review

    @Transactional
    public String addReview(ItemId opportunity, String reviewer, ReviewKind kind, String text) {
        requireOpportunity("input.opportunity", opportunity);
        String key = UUID.randomUUID().toString();
        neo4j.query("""
                        MATCH (o:Opportunity {account: $account, key: $opportunity})
                        CREATE (o)-[:HAS_REVIEW]->(r:ReviewComment {account: $account, key: $key})
                        SET r.reviewer = $reviewer, r.kind = $kind, r.text = $text, r.raisedOn = date($today),
                            r.createdAt = datetime()""")
                .bindAll(Map.of("account", opportunity.account(), "opportunity", opportunity.key(), "key", key,
                        "reviewer", Checks.name("input.reviewer", reviewer), "kind", kind.name(),
                        "text", required("input.text", text),
                        "today", today().toString()))
                .run();
        versions.bumpKeepingStructure(opportunity.account(), "ReviewComment:" + key);
        return key;
    }

    @Transactional
    public ItemId answerReview(ItemId comment, String presenter, String answer) {
        String opportunity = neo4j.query("""
                        MATCH (o:Opportunity)-[:HAS_REVIEW]->(r:ReviewComment {account: $account, key: $key})
                        RETURN o.key""")
                .bindAll(Map.of("account", comment.account(), "key", comment.key()))
                .fetchAs(String.class).one()
                .orElseThrow(() -> new NotFoundException("input.id", "review comment", comment.toString()));
        neo4j.query("""
                        MATCH (r:ReviewComment {account: $account, key: $key})
                        SET r.answer = $answer, r.presenter = $presenter, r.answeredOn = date($today)""")
                .bindAll(Map.of("account", comment.account(), "key", comment.key(),
                        "presenter", Checks.name("input.presenter", presenter),
                        "answer", required("input.answer", answer),
                        "today", today().toString()))
                .run();
        versions.bumpKeepingStructure(comment.account());
        return new ItemId(comment.account(), opportunity);
    }

    // ---- stages

    /** Records whether an outcome is met; met needs evidence, since the outcomes are verifiable. */
    @Transactional
    public void recordOutcome(ItemId opportunity, StageOutcome outcome, boolean met, String evidence) {
        requireOpportunity("input.opportunity", opportunity);
        String text = blankToNull(Checks.longText("input.evidence", evidence));
        if (met && text == null) {
            throw new InvalidInputException("input.evidence", "say what shows that \"" + outcome.text()
                    + "\" is met: the outcomes are verifiable");
        }
        neo4j.query("""
                        MATCH (o:Opportunity {account: $account, key: $opportunity})
                        MERGE (o)-[:HAS_OUTCOME]->(x:OutcomeEvidence {account: $account, outcome: $outcome})
                        SET x.met = $met, x.evidence = $evidence, x.recordedOn = date($today)""")
                .bindAll(params("account", opportunity.account(), "opportunity", opportunity.key(),
                        "outcome", outcome.name(), "met", met, "evidence", text, "today", today().toString()))
                .run();
        versions.bumpKeepingStructure(opportunity.account());
    }

    /**
     * Moves the opportunity to another stage. Going past outcomes not met is refused unless {@code override} is
     * set with a reason; the move is recorded either way, with the outcomes it went past unmet.
     */
    @Transactional
    public void moveStage(ItemId opportunity, SalesStage to, boolean override, String reason) {
        Opportunity o = requireOpportunity("input.opportunity", opportunity);
        SalesStage from = o.stage() == null ? null : SalesStage.valueOf(o.stage());
        if (from == to) {
            throw new InvalidInputException("input.stage", "the opportunity is already in " + to.title());
        }
        String why = blankToNull(Checks.longText("input.reason", reason));
        List<StageOutcome> unmet = StageRules.unmetPassed(from, to, plan(opportunity).outcomes());
        if (!unmet.isEmpty() && !override) {
            throw unmetRefusal(to, unmet, "set override with a reason");
        }
        if (override && why == null) {
            throw new InvalidInputException("input.reason", "an override needs a reason");
        }
        writeMove(opportunity, from, to, unmet, why);
        versions.bumpKeepingStructure(opportunity.account());
    }

    /**
     * A stage change made by a map edit (updateOpportunity), which has no override: refused when it goes past
     * unmet outcomes, recorded otherwise. The edit itself writes the stage and bumps the version.
     */
    void checkEditedStage(ItemId opportunity, SalesStage from, SalesStage to) {
        if (to == null) {
            return;
        }
        List<StageOutcome> unmet = StageRules.unmetPassed(from, to, plan(opportunity).outcomes());
        if (!unmet.isEmpty()) {
            throw unmetRefusal(to, unmet, "use advanceStage with override and a reason");
        }
        writeMove(opportunity, from, to, unmet, "changed with updateOpportunity");
    }

    private static InvalidInputException unmetRefusal(SalesStage to, List<StageOutcome> unmet, String how) {
        return new InvalidInputException("input.stage", "moving to " + to.title() + " goes past outcomes not met: "
                + String.join("; ", unmet.stream().map(StageOutcome::text).toList())
                + ". Record their evidence, or " + how);
    }

    private void writeMove(ItemId opportunity, SalesStage from, SalesStage to, List<StageOutcome> unmet,
                           String reason) {
        neo4j.query("""
                        MATCH (o:Opportunity {account: $account, key: $opportunity})
                        SET o.stage = $to
                        CREATE (o)-[:MOVED]->(x:StageTransition {account: $account})
                        SET x.from = $from, x.to = $to, x.on = date($today), x.at = datetime(),
                            x.override = $override, x.reason = $reason, x.unmet = $unmet""")
                .bindAll(params("account", opportunity.account(), "opportunity", opportunity.key(),
                        "from", from == null ? null : from.name(), "to", to.name(), "today", today().toString(),
                        "override", !unmet.isEmpty(), "reason", reason,
                        "unmet", unmet.stream().map(StageOutcome::text).toList()))
                .run();
    }

    Opportunity requireOpportunity(String field, ItemId id) {
        return opportunityReads.opportunity(id)
                .orElseThrow(() -> new NotFoundException(field, "opportunity", id.toString()));
    }

    /** A text that must be given, up to the long-text limit (as a tactic's "what" in the bundle). */
    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "must not be empty");
        }
        return Checks.longText(field, value.strip());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Map<String, Object> params(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
