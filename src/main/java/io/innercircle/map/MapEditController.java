package io.innercircle.map;

import io.innercircle.map.Lines.ConflictLine;
import io.innercircle.map.Lines.Contact;
import io.innercircle.map.Lines.InfluenceLine;
import io.innercircle.map.Lines.Involvement;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import java.util.List;
import java.util.Map;

/** The mutations a rep uses to draw a map; each delegates to one transactional {@link MapEdits} method. */
@Controller
class MapEditController {

    record AccountPayload(Account account) {}

    record StakeholderPayload(Stakeholder stakeholder) {}

    record InfluencePayload(InfluenceLine influence) {}

    record ConflictPayload(ConflictLine conflict) {}

    record ContactPayload(Contact contact) {}

    record InvolvementPayload(Involvement involvement) {}

    record OpportunityPayload(Opportunity opportunity) {}

    record TeamMemberPayload(TeamMember teamMember) {}

    record CompetitorPayload(Competitor competitor) {}

    record RemovePayload(List<String> removed) {}

    private final MapEdits edits;

    MapEditController(MapEdits edits) {
        this.edits = edits;
    }

    @MutationMapping
    AccountPayload createAccount(@Argument Map<String, Object> input) {
        return new AccountPayload(edits.createAccount(input));
    }

    @MutationMapping
    AccountPayload updateAccount(@Argument Map<String, Object> input) {
        return new AccountPayload(edits.updateAccount(input));
    }

    @MutationMapping
    StakeholderPayload createStakeholder(@Argument Map<String, Object> input) {
        return new StakeholderPayload(edits.createStakeholder(input));
    }

    @MutationMapping
    StakeholderPayload updateStakeholder(@Argument Map<String, Object> input) {
        return new StakeholderPayload(edits.updateStakeholder(input));
    }

    @MutationMapping
    RemovePayload removeStakeholder(@Argument String id) {
        return new RemovePayload(edits.removeStakeholder(id));
    }

    @MutationMapping
    StakeholderPayload setReportsTo(@Argument String stakeholder, @Argument String manager) {
        return new StakeholderPayload(edits.setReportsTo(stakeholder, manager));
    }

    @MutationMapping
    InfluencePayload setInfluence(@Argument Map<String, Object> input) {
        return new InfluencePayload(edits.setInfluence(input));
    }

    @MutationMapping
    RemovePayload removeInfluence(@Argument String from, @Argument String to) {
        return new RemovePayload(edits.removeInfluence(from, to));
    }

    @MutationMapping
    ConflictPayload setConflict(@Argument Map<String, Object> input) {
        return new ConflictPayload(edits.setConflict(input));
    }

    @MutationMapping
    RemovePayload removeConflict(@Argument List<String> between) {
        return new RemovePayload(edits.removeConflict(between));
    }

    @MutationMapping
    ContactPayload recordContact(@Argument Map<String, Object> input) {
        return new ContactPayload(edits.recordContact(input));
    }

    @MutationMapping
    RemovePayload removeContact(@Argument String teamMember, @Argument String stakeholder) {
        return new RemovePayload(edits.removeContact(teamMember, stakeholder));
    }

    @MutationMapping
    InvolvementPayload setInvolvement(@Argument Map<String, Object> input) {
        return new InvolvementPayload(edits.setInvolvement(input));
    }

    @MutationMapping
    OpportunityPayload createOpportunity(@Argument Map<String, Object> input) {
        return new OpportunityPayload(edits.createOpportunity(input));
    }

    @MutationMapping
    OpportunityPayload updateOpportunity(@Argument Map<String, Object> input) {
        return new OpportunityPayload(edits.updateOpportunity(input));
    }

    @MutationMapping
    TeamMemberPayload createTeamMember(@Argument Map<String, Object> input) {
        return new TeamMemberPayload(edits.createTeamMember(input));
    }

    @MutationMapping
    TeamMemberPayload updateTeamMember(@Argument Map<String, Object> input) {
        return new TeamMemberPayload(edits.updateTeamMember(input));
    }

    @MutationMapping
    CompetitorPayload createCompetitor(@Argument Map<String, Object> input) {
        return new CompetitorPayload(edits.createCompetitor(input));
    }

    @MutationMapping
    CompetitorPayload updateCompetitor(@Argument Map<String, Object> input) {
        return new CompetitorPayload(edits.updateCompetitor(input));
    }
}
