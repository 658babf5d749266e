package io.innercircle.map;

import io.innercircle.map.Lines.ConflictLine;
import io.innercircle.map.Lines.Contact;
import io.innercircle.map.Lines.InfluenceLine;
import io.innercircle.map.Lines.ReportingLine;
import io.innercircle.map.PoliticalMap.MapPerson;
import io.innercircle.vocabulary.Adaptability;
import io.innercircle.vocabulary.BuyingRole;
import io.innercircle.vocabulary.Coverage;
import io.innercircle.vocabulary.RelationshipLevel;
import io.innercircle.vocabulary.Status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One account as read once: the account, every person with all their fields, the lines as flat rows of keys,
 * our team and its contacts, the competitors, the opportunities and who is involved in them. The one read model
 * behind the political map (today's and a replayed past one); built from Neo4j by {@link AccountModelReader} or
 * from recorded facts by the history, through the same {@code of(...)} factories.
 */
public record AccountModel(Account account, List<Person> people, List<InfluenceRow> influences,
                           List<ConflictRow> conflicts, List<TeamMember> team, List<ContactRow> contacts,
                           List<Competitor> competitors, List<Opportunity> opportunities,
                           List<InvolvementRow> involvements) {

    /**
     * A stakeholder with every stored field, as stored ({@code external} and {@code placeholder} null when never
     * set); {@code reportsTo} is the manager's key or null.
     */
    public record Person(String key, String name, String title, String department, Adaptability adaptability,
                         Integer rank, Integer influence, Boolean innerCircle, Boolean external,
                         Boolean placeholder, String email, String crmKey, boolean notInLastImport,
                         String businessAgenda, String personalAgenda, String notes, String reportsTo) {

        /** From a node's properties (as Neo4j or the history holds them) and the manager's key. */
        public static Person of(String key, Map<String, ?> p, String reportsTo) {
            return new Person(key, str(p, "name"), str(p, "title"), str(p, "department"),
                    Adaptability.parse(str(p, "adaptability")), integer(p, "rank"), integer(p, "influence"),
                    (Boolean) p.get("innerCircle"), (Boolean) p.get("external"), (Boolean) p.get("placeholder"),
                    str(p, "email"), str(p, "crmKey"), p.get("crmMissingSince") != null, str(p, "businessAgenda"), str(p, "personalAgenda"),
                    str(p, "notes"), reportsTo);
        }

        public Stakeholder asStakeholder(String account) {
            return new Stakeholder(account, key, name, title, department,
                    adaptability == null ? null : adaptability.name(), rank, influence, innerCircle,
                    Boolean.TRUE.equals(external), Boolean.TRUE.equals(placeholder), businessAgenda, personalAgenda, notes, reportsTo);
        }
    }

    /** {@code from}'s opinion shapes {@code to}'s decisions; strength 1 weak to 3 strong. */
    public record InfluenceRow(String from, String to, int strength, String note) {}

    /** Rivalry between two people, {@code first} the smaller key. */
    public record ConflictRow(String first, String second, String note) {}

    public record ContactRow(String teamMember, String stakeholder, Coverage coverage, LocalDate lastContact,
                             RelationshipLevel relationship) {

        public static ContactRow of(String teamMember, String stakeholder, Map<String, ?> p) {
            return new ContactRow(teamMember, stakeholder, Coverage.parse(str(p, "coverage")),
                    (LocalDate) p.get("lastContact"), relationship(str(p, "relationship")));
        }

        private static RelationshipLevel relationship(String value) {
            return value == null ? null : RelationshipLevel.valueOf(value);
        }
    }

    /** A person's buying roles and our status in one opportunity. */
    public record InvolvementRow(String stakeholder, String opportunity, List<BuyingRole> roles, Status status) {

        public static InvolvementRow of(String stakeholder, String opportunity, Map<String, ?> p) {
            Object roles = p.get("roles");
            return new InvolvementRow(stakeholder, opportunity, roles == null ? List.of()
                    : ((List<?>) roles).stream().map(r -> BuyingRole.parse((String) r)).toList(),
                    Status.parse(str(p, "status")));
        }
    }

    public static Account account(String key, Map<String, ?> p, long version) {
        return new Account(key, str(p, "name"), str(p, "industry"), str(p, "notes"), version,
                Rows.dateTime(p.get("archivedAt")), str(p, "archivedBy"));
    }

    public static TeamMember teamMember(String account, String key, Map<String, ?> p) {
        return new TeamMember(account, key, str(p, "name"), str(p, "role"));
    }

    public static Competitor competitor(String account, String key, Map<String, ?> p) {
        return new Competitor(account, key, str(p, "name"));
    }

    public static Opportunity opportunity(String account, String key, Map<String, ?> p, String competitorKey) {
        Object amount = p.get("amount");
        return new Opportunity(account, key, str(p, "name"), amount == null ? null : ((Number) amount).doubleValue(),
                str(p, "currency"), (LocalDate) p.get("closeDate"), str(p, "stage"), competitorKey,
                str(p, "strategy"), str(p, "goal"), str(p, "objective"), Rows.dateTime(p.get("archivedAt")),
                str(p, "archivedBy"));
    }

    public List<InvolvementRow> involvementsIn(String opportunityKey) {
        return involvements.stream().filter(i -> i.opportunity().equals(opportunityKey)).toList();
    }

    /**
     * One opportunity's political map: every person with their roles and status in it and our best coverage,
     * and every line joined to the people at its ends. Empty when the account has no such opportunity.
     */
    public Optional<PoliticalMap> politicalMap(String opportunityKey) {
        Opportunity opportunity = opportunities.stream().filter(o -> o.key().equals(opportunityKey)).findFirst()
                .orElse(null);
        if (opportunity == null) {
            return Optional.empty();
        }
        Map<String, Stakeholder> byKey = new LinkedHashMap<>();
        people.forEach(p -> byKey.put(p.key(), p.asStakeholder(account.key())));
        Map<String, TeamMember> teamByKey = new LinkedHashMap<>();
        team.forEach(t -> teamByKey.put(t.key(), t));
        Map<String, InvolvementRow> involved = new HashMap<>();
        involvementsIn(opportunityKey).forEach(i -> involved.put(i.stakeholder(), i));

        List<Contact> contactLines = new ArrayList<>();
        Map<String, Coverage> best = new HashMap<>();
        for (ContactRow c : contacts) {
            contactLines.add(new Contact(teamByKey.get(c.teamMember()), byKey.get(c.stakeholder()),
                    stored(c.coverage()), c.lastContact(), stored(c.relationship())));
            best.merge(c.stakeholder(), c.coverage(), Coverage::better);
        }
        List<MapPerson> mapPeople = byKey.values().stream().map(s -> {
            InvolvementRow i = involved.get(s.key());
            return new MapPerson(s, i == null ? List.of() : i.roles().stream().map(BuyingRole::name).toList(),
                    i == null ? null : stored(i.status()), best.getOrDefault(s.key(), Coverage.NONE).name());
        }).toList();
        List<ReportingLine> reporting = byKey.values().stream().filter(s -> s.reportsToKey() != null)
                .map(s -> new ReportingLine(s, byKey.get(s.reportsToKey()))).toList();
        List<InfluenceLine> influenceLines = influences.stream().map(l -> new InfluenceLine(byKey.get(l.from()),
                byKey.get(l.to()), l.strength(), l.note())).toList();
        List<ConflictLine> conflictLines = conflicts.stream().map(l -> new ConflictLine(
                List.of(byKey.get(l.first()), byKey.get(l.second())), l.note())).toList();
        return Optional.of(new PoliticalMap(account, opportunity, mapPeople, reporting, influenceLines,
                conflictLines, contactLines, List.copyOf(team)));
    }

    private static String stored(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String str(Map<String, ?> p, String name) {
        Object v = p.get(name);
        return v == null ? null : v.toString();
    }

    private static Integer integer(Map<String, ?> p, String name) {
        Object v = p.get(name);
        return v == null ? null : ((Number) v).intValue();
    }
}
