package io.innercircle.map;

import java.time.LocalDate;
import java.util.List;

/** The lines of a political map, each holding the people at its ends. */
public final class Lines {

    private Lines() {
    }

    /** {@code from}'s opinion shapes {@code to}'s decisions. */
    public record InfluenceLine(Stakeholder from, Stakeholder to, int strength, String note) {}

    /** Rivalry between two people; {@code between} is ordered by key. */
    public record ConflictLine(List<Stakeholder> between, String note) {}

    public record ReportingLine(Stakeholder person, Stakeholder manager) {}

    /** Our team member's contact with a stakeholder. */
    public record Contact(TeamMember teamMember, Stakeholder stakeholder, String coverage, LocalDate lastContact,
                          String relationship) {}

    /** A stakeholder's buying roles and our status in one opportunity. */
    public record Involvement(Opportunity opportunity, Stakeholder stakeholder, List<String> roles, String status) {}
}
