package io.innercircle.map.internal;

import io.innercircle.map.Checks;
import io.innercircle.map.Competitor;
import io.innercircle.map.ItemId;
import io.innercircle.map.MapChanged;
import io.innercircle.map.AccountReads;
import io.innercircle.map.OpportunityReads;
import io.innercircle.map.Opportunity;
import io.innercircle.map.OpportunityEditCheck;
import io.innercircle.map.Stakeholder;
import io.innercircle.api.InvalidInputException;
import io.innercircle.api.NotFoundException;
import io.innercircle.map.Lines.Involvement;
import io.innercircle.map.internal.MapInputs.CreateOpportunityInput;
import io.innercircle.map.internal.MapInputs.InvolvementInput;
import io.innercircle.map.internal.MapInputs.UpdateOpportunityInput;
import io.innercircle.vocabulary.BuyingRole;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.innercircle.map.internal.EditSupport.given;
import static io.innercircle.map.internal.EditSupport.params;
import static io.innercircle.map.internal.EditSupport.patch;
import static io.innercircle.map.internal.EditSupport.sameAccount;
import static io.innercircle.map.internal.EditSupport.stored;

/**
 * Edits of the opportunities, their primary competitor, and who is involved in them with which buying roles and
 * status. One transaction each; {@link OpportunityEditCheck}s may refuse a stage or competitor change.
 */
@Service
@Transactional
public class OpportunityEdits {

    private final Neo4jClient neo4j;
    private final AccountReads accountReads;
    private final LineReads lineReads;
    private final OpportunityReads opportunityReads;
    private final EditSupport support;
    private final List<OpportunityEditCheck> opportunityChecks;

    OpportunityEdits(Neo4jClient neo4j, AccountReads accountReads, LineReads lineReads,
                     OpportunityReads opportunityReads, EditSupport support,
                     List<OpportunityEditCheck> opportunityChecks) {
        this.neo4j = neo4j;
        this.accountReads = accountReads;
        this.lineReads = lineReads;
        this.opportunityReads = opportunityReads;
        this.support = support;
        this.opportunityChecks = List.copyOf(opportunityChecks);
    }

    public Involvement setInvolvement(InvolvementInput input) {
        ItemId opportunity = ItemId.parse("input.opportunity", input.opportunity());
        ItemId person = sameAccount("input.stakeholder", opportunity.account(),
                ItemId.parse("input.stakeholder", input.stakeholder()));
        List<BuyingRole> roles = input.roles() == null ? List.of() : input.roles();
        Checks.noDuplicates("input.roles", roles);
        support.requireOpportunity("input.opportunity", opportunity);
        support.requireStakeholder("input.stakeholder", person);
        neo4j.query("""
                        MATCH (s:Stakeholder {account: $account, key: $person})
                        MATCH (o:Opportunity {account: $account, key: $opportunity})
                        MERGE (s)-[i:INVOLVED_IN]->(o) SET i.roles = $roles, i.status = $status
                        WITH i WHERE size(i.roles) = 0 AND i.status IS NULL DELETE i""")
                .bindAll(params("account", person.account(), "person", person.key(), "opportunity", opportunity.key(),
                        "roles", roles.stream().map(BuyingRole::name).toList(), "status", stored(input.status())))
                .run();
        support.bumpKeepingStructure(person.account(), MapChanged.node("Stakeholder", person.key()));
        return lineReads.involvements(List.of(person), false).getOrDefault(person, List.of()).stream()
                .filter(i -> i.opportunity().key().equals(opportunity.key())).findFirst().orElse(null);
    }

    public Opportunity createOpportunity(CreateOpportunityInput input) {
        String account = input.account();
        support.requireAccount("input.account", account);
        String key = Checks.key("input.key", input.key());
        Map<String, Object> props = new HashMap<>();
        props.put("name", Checks.name("input.name", input.name()));
        props.put("amount", Checks.amount("input.amount", input.amount()));
        props.put("currency", Checks.currency("input.currency", input.currency()));
        props.put("goal", Checks.longText("input.goal", input.goal()));
        props.put("objective", Checks.longText("input.objective", input.objective()));
        props.put("closeDate", input.closeDate());
        props.put("stage", stored(input.stage()));
        props.put("strategy", stored(input.strategy()));
        props.put("account", account);
        props.put("key", key);
        ItemId competitor = competitorRef(input.competitor(), account);
        if (opportunityReads.opportunity(new ItemId(account, key)).isPresent()) {
            throw new InvalidInputException("input.key",
                    "an opportunity with key '" + key + "' already exists in account '" + account + "'");
        }
        neo4j.query("CREATE (o:Opportunity) SET o = $props").bind(props).to("props").run();
        setCompetitor(new ItemId(account, key), competitor);
        support.bumpKeepingStructure(account, MapChanged.node("Opportunity", key));
        return opportunityReads.opportunity(new ItemId(account, key)).orElseThrow();
    }

    public Opportunity updateOpportunity(UpdateOpportunityInput input) {
        ItemId id = ItemId.parse("input.id", input.id());
        support.requireOpportunity("input.id", id);
        Opportunity before = opportunityReads.opportunity(id).orElseThrow();
        if (given(input.stage()) && !Objects.equals(before.stage(), stored(input.stage().value()))) {
            String to = stored(input.stage().value());
            opportunityChecks.forEach(check -> check.stageChanging(id, before.stage(), to));
        }
        boolean competitorGiven = given(input.competitor());
        ItemId competitor = competitorGiven ? competitorRef(input.competitor().value(), id.account()) : null;
        String competitorKey = competitor == null ? null : competitor.key();
        if (competitorGiven && !Objects.equals(before.competitorKey(), competitorKey)) {
            opportunityChecks.forEach(check -> check.primaryCompetitorChanging(id, before.competitorKey(),
                    competitorKey));
        }
        Map<String, Object> props = new HashMap<>();
        patch(props, "name", input.name(), v -> Checks.name("input.name", v));
        patch(props, "amount", input.amount(), v -> Checks.amount("input.amount", v));
        patch(props, "currency", input.currency(), v -> Checks.currency("input.currency", v));
        patch(props, "goal", input.goal(), v -> Checks.longText("input.goal", v));
        patch(props, "objective", input.objective(), v -> Checks.longText("input.objective", v));
        patch(props, "closeDate", input.closeDate(), v -> v);
        patch(props, "stage", input.stage(), EditSupport::stored);
        patch(props, "strategy", input.strategy(), EditSupport::stored);
        neo4j.query("MATCH (o:Opportunity {account: $account, key: $key}) SET o += $props")
                .bindAll(Map.of("account", id.account(), "key", id.key())).bind(props).to("props").run();
        if (competitorGiven) {
            setCompetitor(id, competitor);
        }
        support.bumpKeepingStructure(id.account(), MapChanged.node("Opportunity", id.key()));
        return opportunityReads.opportunity(id).orElseThrow();
    }

    private ItemId competitorRef(String competitorId, String account) {
        if (competitorId == null) {
            return null;
        }
        ItemId c = sameAccount("input.competitor", account, ItemId.parse("input.competitor", competitorId));
        if (accountReads.competitorsById(List.of(c)).isEmpty()) {
            throw new NotFoundException("input.competitor", "competitor", c.toString());
        }
        return c;
    }

    private void setCompetitor(ItemId opportunity, ItemId competitor) {
        neo4j.query("""
                        MATCH (o:Opportunity {account: $account, key: $key})
                        OPTIONAL MATCH (o)-[old:AGAINST]->() DELETE old WITH DISTINCT o
                        OPTIONAL MATCH (c:Competitor {account: $account, key: $competitor})
                        FOREACH (x IN CASE WHEN c IS NULL THEN [] ELSE [1] END | CREATE (o)-[:AGAINST]->(c))""")
                .bindAll(params("account", opportunity.account(), "key", opportunity.key(),
                        "competitor", competitor == null ? null : competitor.key()))
                .run();
    }
}
