package io.innercircle.map;

import io.innercircle.map.Lines.ConflictLine;
import io.innercircle.map.Lines.Contact;
import io.innercircle.map.Lines.InfluenceLine;
import io.innercircle.map.Lines.ReportingLine;

import java.util.List;

/** Everything needed to draw one opportunity's political map, read in one query. */
public record PoliticalMap(Account account, Opportunity opportunity, List<MapPerson> people,
                           List<ReportingLine> reportingLines, List<InfluenceLine> influenceLines,
                           List<ConflictLine> conflictLines, List<Contact> contacts, List<TeamMember> teamMembers) {

    /** A person as drawn on this opportunity's map; coverage is our best across the team. */
    public record MapPerson(Stakeholder stakeholder, List<String> roles, String status, String coverage) {}
}
