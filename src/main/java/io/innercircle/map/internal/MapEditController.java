package io.innercircle.map.internal;

import io.innercircle.map.Account;
import io.innercircle.map.Competitor;
import io.innercircle.map.Opportunity;
import io.innercircle.map.Stakeholder;
import io.innercircle.map.TeamMember;
import io.innercircle.map.Lines.ConflictLine;
import io.innercircle.map.Lines.Contact;
import io.innercircle.map.Lines.InfluenceLine;
import io.innercircle.map.Lines.Involvement;
import io.innercircle.map.internal.MapInputs.ConflictInput;
import io.innercircle.map.internal.MapInputs.ContactInput;
import io.innercircle.map.internal.MapInputs.CreateAccountInput;
import io.innercircle.map.internal.MapInputs.CreateCompetitorInput;
import io.innercircle.map.internal.MapInputs.CreateOpportunityInput;
import io.innercircle.map.internal.MapInputs.CreateStakeholderInput;
import io.innercircle.map.internal.MapInputs.CreateTeamMemberInput;
import io.innercircle.map.internal.MapInputs.InfluenceInput;
import io.innercircle.map.internal.MapInputs.InvolvementInput;
import io.innercircle.map.internal.MapInputs.UpdateAccountInput;
import io.innercircle.map.internal.MapInputs.UpdateCompetitorInput;
import io.innercircle.map.internal.MapInputs.UpdateOpportunityInput;
import io.innercircle.map.internal.MapInputs.UpdateStakeholderInput;
import io.innercircle.map.internal.MapInputs.UpdateTeamMemberInput;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import java.util.List;

/** The mutations a rep uses to draw a map; each delegates to one transactional method of an edits class. */
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

    private final AccountEdits accounts;
    private final PeopleEdits people;
    private final LineEdits lines;
    private final ContactEdits contacts;
    private final OpportunityEdits opportunities;

    MapEditController(AccountEdits accounts, PeopleEdits people, LineEdits lines, ContactEdits contacts,
                      OpportunityEdits opportunities) {
        this.accounts = accounts;
        this.people = people;
        this.lines = lines;
        this.contacts = contacts;
        this.opportunities = opportunities;
    }

    @MutationMapping
    AccountPayload createAccount(@Argument CreateAccountInput input) {
        return new AccountPayload(accounts.createAccount(input));
    }

    @MutationMapping
    AccountPayload updateAccount(@Argument UpdateAccountInput input) {
        return new AccountPayload(accounts.updateAccount(input));
    }

    @MutationMapping
    StakeholderPayload createStakeholder(@Argument CreateStakeholderInput input) {
        return new StakeholderPayload(people.createStakeholder(input));
    }

    @MutationMapping
    StakeholderPayload updateStakeholder(@Argument UpdateStakeholderInput input) {
        return new StakeholderPayload(people.updateStakeholder(input));
    }

    @MutationMapping
    RemovePayload removeStakeholder(@Argument String id) {
        return new RemovePayload(people.removeStakeholder(id));
    }

    @MutationMapping
    StakeholderPayload setReportsTo(@Argument String stakeholder, @Argument String manager) {
        return new StakeholderPayload(people.setReportsTo(stakeholder, manager));
    }

    @MutationMapping
    InfluencePayload setInfluence(@Argument InfluenceInput input) {
        return new InfluencePayload(lines.setInfluence(input));
    }

    @MutationMapping
    RemovePayload removeInfluence(@Argument String from, @Argument String to) {
        return new RemovePayload(lines.removeInfluence(from, to));
    }

    @MutationMapping
    ConflictPayload setConflict(@Argument ConflictInput input) {
        return new ConflictPayload(lines.setConflict(input));
    }

    @MutationMapping
    RemovePayload removeConflict(@Argument List<String> between) {
        return new RemovePayload(lines.removeConflict(between));
    }

    @MutationMapping
    ContactPayload recordContact(@Argument ContactInput input) {
        return new ContactPayload(contacts.recordContact(input));
    }

    @MutationMapping
    RemovePayload removeContact(@Argument String teamMember, @Argument String stakeholder) {
        return new RemovePayload(contacts.removeContact(teamMember, stakeholder));
    }

    @MutationMapping
    InvolvementPayload setInvolvement(@Argument InvolvementInput input) {
        return new InvolvementPayload(opportunities.setInvolvement(input));
    }

    @MutationMapping
    OpportunityPayload createOpportunity(@Argument CreateOpportunityInput input) {
        return new OpportunityPayload(opportunities.createOpportunity(input));
    }

    @MutationMapping
    OpportunityPayload updateOpportunity(@Argument UpdateOpportunityInput input) {
        return new OpportunityPayload(opportunities.updateOpportunity(input));
    }

    @MutationMapping
    TeamMemberPayload createTeamMember(@Argument CreateTeamMemberInput input) {
        return new TeamMemberPayload(accounts.createTeamMember(input));
    }

    @MutationMapping
    TeamMemberPayload updateTeamMember(@Argument UpdateTeamMemberInput input) {
        return new TeamMemberPayload(accounts.updateTeamMember(input));
    }

    @MutationMapping
    CompetitorPayload createCompetitor(@Argument CreateCompetitorInput input) {
        return new CompetitorPayload(accounts.createCompetitor(input));
    }

    @MutationMapping
    CompetitorPayload updateCompetitor(@Argument UpdateCompetitorInput input) {
        return new CompetitorPayload(accounts.updateCompetitor(input));
    }
}
