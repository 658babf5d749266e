package io.innercircle.scenario.internal;

import io.innercircle.api.InvalidInputException;
import io.innercircle.map.ItemId;
import io.innercircle.map.Opportunity;
import io.innercircle.map.OpportunityReads;
import io.innercircle.scenario.internal.ScenarioStore.Stored;
import io.innercircle.vocabulary.BuyingRole;
import io.innercircle.vocabulary.Coverage;
import io.innercircle.vocabulary.Status;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The GraphQL side of scenarios ({@code graphql-schema/scenario.graphqls}). */
@Controller
class ScenarioController {

    record CreateScenarioInput(String opportunity, String key, String name, List<ScenarioChangeInput> changes) {}

    record UpdateScenarioInput(String id, String name, List<ScenarioChangeInput> changes) {}

    record ScenarioChangeInput(ScenarioInvolvementInput setInvolvement, ScenarioCoverageInput setCoverage,
                               ScenarioInfluenceInput addInfluence, ScenarioLineInput removeInfluence,
                               String personLeaves, ScenarioNewPersonInput personJoins,
                               ScenarioReportsToInput setReportsTo) {}

    record ScenarioInvolvementInput(String stakeholder, List<BuyingRole> roles, Status status) {}

    record ScenarioCoverageInput(String teamMember, String stakeholder, Coverage coverage) {}

    record ScenarioInfluenceInput(String from, String to, Integer strength) {}

    record ScenarioLineInput(String from, String to) {}

    record ScenarioNewPersonInput(String key, String name, String title, String department, Integer rank,
                                  String reportsTo, List<BuyingRole> roles, Status status) {}

    record ScenarioReportsToInput(String stakeholder, String manager) {}

    record ScenarioPayload(Stored scenario) {}

    record ApplyScenarioPayload(Stored scenario, long version) {}

    record RemovePayload(List<String> removed) {}

    record ChangeView(int position, Change.Kind kind, List<Comparison.PersonRef> people, String description) {}

    private final Scenarios scenarios;
    private final OpportunityReads opportunities;

    ScenarioController(Scenarios scenarios, OpportunityReads opportunities) {
        this.scenarios = scenarios;
        this.opportunities = opportunities;
    }

    @QueryMapping
    Stored scenario(@Argument String id) {
        return scenarios.find(ItemId.parse("id", id)).orElse(null);
    }

    @QueryMapping
    List<Stored> scenarios(@Argument String opportunity) {
        return scenarios.ofOpportunity(ItemId.parse("opportunity", opportunity));
    }

    @MutationMapping
    ScenarioPayload createScenario(@Argument CreateScenarioInput input) {
        ItemId opportunity = ItemId.parse("input.opportunity", input.opportunity());
        return new ScenarioPayload(scenarios.create(opportunity, input.key(), input.name(),
                changes(opportunity.account(), input.changes())));
    }

    @MutationMapping
    ScenarioPayload updateScenario(@Argument UpdateScenarioInput input) {
        ItemId id = ItemId.parse("input.id", input.id());
        return new ScenarioPayload(scenarios.update(id, input.name(), changes(id.account(), input.changes())));
    }

    @MutationMapping
    RemovePayload deleteScenario(@Argument String id) {
        ItemId scenario = ItemId.parse("id", id);
        scenarios.delete(scenario);
        return new RemovePayload(List.of(scenario.toString()));
    }

    @MutationMapping
    ApplyScenarioPayload applyScenario(@Argument String id) {
        ItemId scenario = ItemId.parse("id", id);
        Stored applied = scenarios.apply(scenario);
        return new ApplyScenarioPayload(applied, scenarios.currentVersion(scenario.account()));
    }

    @SchemaMapping(typeName = "Scenario")
    String id(Stored scenario) {
        return scenario.id().toString();
    }

    @SchemaMapping(typeName = "Scenario")
    Opportunity opportunity(Stored scenario) {
        return opportunities.opportunity(scenario.opportunityId()).orElseThrow();
    }

    @SchemaMapping(typeName = "Scenario")
    long currentVersion(Stored scenario) {
        return scenarios.currentVersion(scenario.id().account());
    }

    @SchemaMapping(typeName = "Scenario")
    OffsetDateTime createdAt(Stored scenario) {
        return scenario.createdAt();
    }

    @SchemaMapping(typeName = "Scenario")
    Comparison.View comparison(Stored scenario) {
        return scenarios.compare(scenario);
    }

    @SchemaMapping(typeName = "Scenario")
    List<ChangeView> changes(Stored scenario) {
        return scenarios.describe(scenario);
    }

    /** The typed change of one input, keys within the account; exactly one field must be set. */
    static List<Change> changes(String account, List<ScenarioChangeInput> inputs) {
        List<Change> changes = new ArrayList<>();
        List<ScenarioChangeInput> list = inputs == null ? List.of() : inputs;
        for (int i = 0; i < list.size(); i++) {
            changes.add(change("input.changes[" + i + "]", account, list.get(i)));
        }
        return changes;
    }

    private static Change change(String field, String account, ScenarioChangeInput in) {
        long set = Stream.of(in.setInvolvement(), in.setCoverage(), in.addInfluence(), in.removeInfluence(),
                in.personLeaves(), in.personJoins(), in.setReportsTo()).filter(x -> x != null).count();
        if (set != 1) {
            throw new InvalidInputException(field, "set exactly one of setInvolvement, setCoverage, addInfluence, "
                    + "removeInfluence, personLeaves, personJoins, setReportsTo (" + set + " set)");
        }
        if (in.setInvolvement() != null) {
            var c = in.setInvolvement();
            String f = field + ".setInvolvement";
            return new Change.SetInvolvement(key(f + ".stakeholder", account, c.stakeholder()), c.roles(), c.status());
        }
        if (in.setCoverage() != null) {
            var c = in.setCoverage();
            String f = field + ".setCoverage";
            return new Change.SetCoverage(key(f + ".teamMember", account, c.teamMember()),
                    key(f + ".stakeholder", account, c.stakeholder()), c.coverage());
        }
        if (in.addInfluence() != null) {
            var c = in.addInfluence();
            String f = field + ".addInfluence";
            return new Change.AddInfluence(key(f + ".from", account, c.from()), key(f + ".to", account, c.to()),
                    c.strength());
        }
        if (in.removeInfluence() != null) {
            var c = in.removeInfluence();
            String f = field + ".removeInfluence";
            return new Change.RemoveInfluence(key(f + ".from", account, c.from()), key(f + ".to", account, c.to()));
        }
        if (in.personLeaves() != null) {
            return new Change.PersonLeaves(key(field + ".personLeaves", account, in.personLeaves()));
        }
        if (in.personJoins() != null) {
            var c = in.personJoins();
            String f = field + ".personJoins";
            return new Change.PersonJoins(c.key(), c.name(), c.title(), c.department(), c.rank(),
                    c.reportsTo() == null ? null : key(f + ".reportsTo", account, c.reportsTo()), c.roles(),
                    c.status());
        }
        var c = in.setReportsTo();
        String f = field + ".setReportsTo";
        return new Change.SetReportsTo(key(f + ".stakeholder", account, c.stakeholder()),
                c.manager() == null ? null : key(f + ".manager", account, c.manager()));
    }

    private static String key(String field, String account, String id) {
        ItemId item = ItemId.parse(field, id);
        if (!item.account().equals(account)) {
            throw new InvalidInputException(field, "'" + id + "' belongs to another account than '" + account + "'");
        }
        return item.key();
    }
}
