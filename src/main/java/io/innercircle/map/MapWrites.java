package io.innercircle.map;

import io.innercircle.map.internal.ContactEdits;
import io.innercircle.map.internal.LineEdits;
import io.innercircle.map.internal.MapInputs.ContactInput;
import io.innercircle.map.internal.MapInputs.CreateStakeholderInput;
import io.innercircle.map.internal.MapInputs.InfluenceInput;
import io.innercircle.map.internal.MapInputs.InvolvementInput;
import io.innercircle.map.internal.OpportunityEdits;
import io.innercircle.map.internal.PeopleEdits;
import io.innercircle.vocabulary.BuyingRole;
import io.innercircle.vocabulary.Coverage;
import io.innercircle.vocabulary.RelationshipLevel;
import io.innercircle.vocabulary.Status;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * The map's edits for other features that change a map on a user's behalf (a what-if scenario applied to the real
 * map): the same code paths, checks, version bump and history as the GraphQL edits, so such a change is
 * indistinguishable from a rep's own. Each call joins the caller's transaction; the caller locks the account first.
 */
@Component
public class MapWrites {

    private final PeopleEdits people;
    private final LineEdits lines;
    private final ContactEdits contacts;
    private final OpportunityEdits opportunities;

    MapWrites(PeopleEdits people, LineEdits lines, ContactEdits contacts, OpportunityEdits opportunities) {
        this.people = people;
        this.lines = lines;
        this.contacts = contacts;
        this.opportunities = opportunities;
    }

    /** Sets a person's buying roles and our status with them in one opportunity (both replaced). */
    public void setInvolvement(ItemId opportunity, ItemId person, List<BuyingRole> roles, Status status) {
        opportunities.setInvolvement(new InvolvementInput(opportunity.toString(), person.toString(), roles, status));
    }

    public void recordContact(ItemId teamMember, ItemId person, Coverage coverage, LocalDate lastContact,
                              RelationshipLevel relationship) {
        contacts.recordContact(new ContactInput(teamMember.toString(), person.toString(), coverage, lastContact,
                relationship));
    }

    public void setInfluence(ItemId from, ItemId to, Integer strength) {
        lines.setInfluence(new InfluenceInput(from.toString(), to.toString(), strength, null));
    }

    public void removeInfluence(ItemId from, ItemId to) {
        lines.removeInfluence(from.toString(), to.toString());
    }

    public void removeStakeholder(ItemId person) {
        people.removeStakeholder(person.toString());
    }

    public void createStakeholder(ItemId person, String name, String title, String department, Integer rank,
                                  ItemId reportsTo) {
        people.createStakeholder(new CreateStakeholderInput(person.account(), person.key(), name, title, department,
                reportsTo == null ? null : reportsTo.toString(), null, rank, null, null, null, null, null, null,
                null, null));
    }

    public void setReportsTo(ItemId person, ItemId manager) {
        people.setReportsTo(person.toString(), manager == null ? null : manager.toString());
    }
}
