package io.innercircle.map.internal;

import io.innercircle.vocabulary.Adaptability;
import io.innercircle.vocabulary.BuyingRole;
import io.innercircle.vocabulary.CompetitiveStrategy;
import io.innercircle.vocabulary.Coverage;
import io.innercircle.vocabulary.RelationshipLevel;
import io.innercircle.vocabulary.SalesStage;
import io.innercircle.vocabulary.Status;
import org.springframework.graphql.data.ArgumentValue;

import java.time.LocalDate;
import java.util.List;

/**
 * The inputs of the map mutations ({@code graphql-schema/map-edits.graphqls}), one record per schema input with
 * the same name. Update inputs are patches: an {@link ArgumentValue} tells a field left out (unchanged) from a
 * field set to null (cleared).
 */
public final class MapInputs {

    private MapInputs() {
    }

    public record CreateAccountInput(String key, String name, String industry, String notes) {}

    public record UpdateAccountInput(String key, ArgumentValue<String> name, ArgumentValue<String> industry,
                                     ArgumentValue<String> notes) {}

    public record CreateStakeholderInput(String account, String key, String name, String title, String department,
                                         String reportsTo, Adaptability adaptability, Integer rank,
                                         Integer influence, Boolean innerCircle, Boolean external,
                                         Boolean placeholder, String businessAgenda, String personalAgenda,
                                         String notes, String email) {}

    public record UpdateStakeholderInput(String id, ArgumentValue<String> name, ArgumentValue<String> title,
                                         ArgumentValue<String> department, ArgumentValue<Adaptability> adaptability,
                                         ArgumentValue<Integer> rank, ArgumentValue<Integer> influence,
                                         ArgumentValue<Boolean> innerCircle, ArgumentValue<Boolean> external,
                                         ArgumentValue<Boolean> placeholder, ArgumentValue<String> businessAgenda,
                                         ArgumentValue<String> personalAgenda, ArgumentValue<String> notes,
                                         ArgumentValue<String> email) {}

    /** A strength left out keeps the line's strength (2 for a new line); a note left out keeps its note. */
    public record InfluenceInput(String from, String to, Integer strength, ArgumentValue<String> note) {}

    public record ConflictInput(List<String> between, ArgumentValue<String> note) {}

    public record ContactInput(String teamMember, String stakeholder, Coverage coverage, LocalDate lastContact,
                               RelationshipLevel relationship) {}

    public record InvolvementInput(String opportunity, String stakeholder, List<BuyingRole> roles, Status status) {}

    public record CreateOpportunityInput(String account, String key, String name, Double amount, String currency,
                                         LocalDate closeDate, SalesStage stage, String competitor,
                                         CompetitiveStrategy strategy, String goal, String objective) {}

    public record UpdateOpportunityInput(String id, ArgumentValue<String> name, ArgumentValue<Double> amount,
                                         ArgumentValue<String> currency, ArgumentValue<LocalDate> closeDate,
                                         ArgumentValue<SalesStage> stage, ArgumentValue<String> competitor,
                                         ArgumentValue<CompetitiveStrategy> strategy, ArgumentValue<String> goal,
                                         ArgumentValue<String> objective) {}

    public record CreateTeamMemberInput(String account, String key, String name, String role) {}

    public record UpdateTeamMemberInput(String id, ArgumentValue<String> name, ArgumentValue<String> role) {}

    public record CreateCompetitorInput(String account, String key, String name) {}

    public record UpdateCompetitorInput(String id, ArgumentValue<String> name) {}
}
