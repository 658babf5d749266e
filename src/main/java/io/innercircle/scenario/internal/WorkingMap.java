package io.innercircle.scenario.internal;

import io.innercircle.analysis.MapSnapshot;
import io.innercircle.analysis.MapSnapshot.ConflictLine;
import io.innercircle.analysis.MapSnapshot.Contact;
import io.innercircle.analysis.MapSnapshot.Deal;
import io.innercircle.analysis.MapSnapshot.InfluenceLine;
import io.innercircle.analysis.MapSnapshot.Involvement;
import io.innercircle.analysis.MapSnapshot.Person;
import io.innercircle.analysis.MapSnapshot.ReportingLine;
import io.innercircle.api.InvalidInputException;
import io.innercircle.api.NotFoundException;
import io.innercircle.map.Checks;
import io.innercircle.map.ItemId;
import io.innercircle.map.MapWrites;
import io.innercircle.vocabulary.BuyingRole;
import io.innercircle.vocabulary.RelationshipLevel;
import io.innercircle.scenario.internal.Change.AddInfluence;
import io.innercircle.scenario.internal.Change.PersonJoins;
import io.innercircle.scenario.internal.Change.PersonLeaves;
import io.innercircle.scenario.internal.Change.RemoveInfluence;
import io.innercircle.scenario.internal.Change.SetCoverage;
import io.innercircle.scenario.internal.Change.SetInvolvement;
import io.innercircle.scenario.internal.Change.SetReportsTo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One account's map held in memory and changed by a scenario's changes, one after the other, with the checks the
 * real edits make (a person who does not exist, a line to oneself, a reporting cycle), so a scenario that computes
 * also applies. The real map is never touched here: {@link #apply} answers what the real edit would be, for the
 * caller to run or not.
 */
final class WorkingMap {

    private final String account;
    private final long version;
    private final String opportunity;
    private final Function<String, Optional<String>> teamMembers;
    private final Map<String, Person> people = new HashMap<>();
    private final Map<String, String> managers = new HashMap<>();
    private final Map<List<String>, Integer> influences = new HashMap<>();
    private final List<ConflictLine> conflicts;
    private final Map<List<String>, Contact> contacts = new HashMap<>();
    private final List<Deal> deals;
    private final Map<String, Involvement> involvements = new HashMap<>();

    /**
     * @param teamMembers a team member's name by key, empty when the account has no such team member
     */
    WorkingMap(MapSnapshot map, String opportunity, Function<String, Optional<String>> teamMembers) {
        this.account = map.accountKey();
        this.version = map.version();
        this.opportunity = opportunity;
        this.teamMembers = teamMembers;
        map.people().forEach(p -> people.put(p.key(), p));
        map.reportingLines().forEach(r -> managers.put(r.person(), r.manager()));
        map.influenceLines().forEach(l -> influences.put(List.of(l.from(), l.to()), l.strength()));
        conflicts = new ArrayList<>(map.conflictLines());
        map.contacts().forEach(c -> contacts.put(List.of(c.teamMember(), c.stakeholder()), c));
        deals = new ArrayList<>(map.deals());
        Deal deal = deals.stream().filter(d -> d.key().equals(opportunity)).findFirst()
                .orElseThrow(() -> new NotFoundException("opportunity", "opportunity", ItemId.of(account, opportunity)));
        deal.involvements().forEach(i -> involvements.put(i.stakeholder(), i));
    }

    /**
     * Makes the change in memory, after checking it as the real edit would. {@code field} names the change in
     * errors ("input.changes[2]"). Answers the real edit that makes the same change, resolved against the map as
     * it is at this point (what a change keeps is filled in), to be run in the same order.
     */
    Consumer<MapWrites> apply(String field, Change change) {
        if (change instanceof SetInvolvement c) {
            String f = field + ".setInvolvement";
            person(f + ".stakeholder", c.stakeholder());
            Involvement now = involvements.get(c.stakeholder());
            List<BuyingRole> roles = c.roles() != null ? List.copyOf(new LinkedHashSet<>(c.roles()))
                    : now == null ? List.of() : now.roles().stream().map(BuyingRole::valueOf).toList();
            String status = c.status() != null ? c.status().name() : now == null ? null : now.status();
            setInvolvement(c.stakeholder(), roles, status);
            return w -> w.setInvolvement(id(opportunity), id(c.stakeholder()), roles,
                    status == null ? null : io.innercircle.vocabulary.Status.valueOf(status));
        }
        if (change instanceof SetCoverage c) {
            String f = field + ".setCoverage";
            String name = teamMembers.apply(c.teamMember())
                    .orElseThrow(() -> new NotFoundException(f + ".teamMember", "team member", id(c.teamMember()).toString()));
            person(f + ".stakeholder", c.stakeholder());
            Contact now = contacts.get(List.of(c.teamMember(), c.stakeholder()));
            Contact next = new Contact(c.teamMember(), name, c.stakeholder(), c.coverage().name(),
                    now == null ? null : now.lastContact(), now == null ? null : now.relationship());
            contacts.put(List.of(c.teamMember(), c.stakeholder()), next);
            return w -> w.recordContact(id(c.teamMember()), id(c.stakeholder()), c.coverage(), next.lastContact(),
                    next.relationship() == null ? null : RelationshipLevel.valueOf(next.relationship()));
        }
        if (change instanceof AddInfluence c) {
            String f = field + ".addInfluence";
            person(f + ".from", c.from());
            person(f + ".to", c.to());
            if (c.from().equals(c.to())) {
                throw new InvalidInputException(f + ".to", "a person cannot influence themselves");
            }
            Integer strength = Checks.range(f + ".strength", c.strength(), 1, 3);
            List<String> line = List.of(c.from(), c.to());
            influences.put(line, strength != null ? strength : influences.getOrDefault(line, 2));
            return w -> w.setInfluence(id(c.from()), id(c.to()), strength);
        }
        if (change instanceof RemoveInfluence c) {
            String f = field + ".removeInfluence";
            person(f + ".from", c.from());
            person(f + ".to", c.to());
            if (influences.remove(List.of(c.from(), c.to())) == null) {
                throw new InvalidInputException(f + ".from", "there is no influence line from '" + id(c.from())
                        + "' to '" + id(c.to()) + "'");
            }
            return w -> w.removeInfluence(id(c.from()), id(c.to()));
        }
        if (change instanceof PersonLeaves c) {
            person(field + ".personLeaves", c.stakeholder());
            String key = c.stakeholder();
            people.remove(key);
            managers.remove(key);
            managers.values().removeIf(key::equals);
            influences.keySet().removeIf(l -> l.contains(key));
            conflicts.removeIf(l -> l.a().equals(key) || l.b().equals(key));
            contacts.keySet().removeIf(k -> k.get(1).equals(key));
            involvements.remove(key);
            deals.replaceAll(d -> d.key().equals(opportunity) ? d : new Deal(d.key(), d.name(), d.stage(), d.amount(),
                    d.currency(), d.closeDate(), d.involvements().stream().filter(i -> !i.stakeholder().equals(key)).toList(),
                    d.nextSteps().stream().filter(n -> !n.stakeholder().equals(key)).toList()));
            return w -> w.removeStakeholder(id(key));
        }
        if (change instanceof PersonJoins c) {
            String f = field + ".personJoins";
            String key = Checks.key(f + ".key", c.key());
            if (people.containsKey(key)) {
                throw new InvalidInputException(f + ".key", "a stakeholder with key '" + key
                        + "' already exists in account '" + account + "'");
            }
            String name = Checks.name(f + ".name", c.name());
            String title = Checks.text(f + ".title", c.title());
            String department = Checks.text(f + ".department", c.department());
            Integer rank = Checks.range(f + ".rank", c.rank(), 1, 5);
            if (c.reportsTo() != null) {
                person(f + ".reportsTo", c.reportsTo());
            }
            people.put(key, new Person(key, name, title, department, rank, null, null, false, false, null));
            if (c.reportsTo() != null) {
                managers.put(key, c.reportsTo());
            }
            boolean involved = (c.roles() != null && !c.roles().isEmpty()) || c.status() != null;
            List<BuyingRole> roles = c.roles() == null ? List.of() : List.copyOf(new LinkedHashSet<>(c.roles()));
            if (involved) {
                setInvolvement(key, roles, c.status() == null ? null : c.status().name());
            }
            return w -> {
                w.createStakeholder(id(key), name, title, department, rank,
                        c.reportsTo() == null ? null : id(c.reportsTo()));
                if (involved) {
                    w.setInvolvement(id(opportunity), id(key), roles, c.status());
                }
            };
        }
        if (change instanceof SetReportsTo c) {
            String f = field + ".setReportsTo";
            person(f + ".stakeholder", c.stakeholder());
            if (c.manager() != null) {
                person(f + ".manager", c.manager());
                if (c.manager().equals(c.stakeholder())) {
                    throw new InvalidInputException(f + ".manager", "a person cannot report to themselves");
                }
                for (String m = c.manager(); m != null; m = managers.get(m)) {
                    if (m.equals(c.stakeholder())) {
                        throw new InvalidInputException(f + ".manager", "'" + id(c.manager())
                                + "' already reports, directly or not, to '" + id(c.stakeholder())
                                + "'; the reporting lines would form a cycle");
                    }
                }
                managers.put(c.stakeholder(), c.manager());
            } else {
                managers.remove(c.stakeholder());
            }
            return w -> w.setReportsTo(id(c.stakeholder()), c.manager() == null ? null : id(c.manager()));
        }
        throw new IllegalArgumentException("Unknown change " + change);
    }

    private void setInvolvement(String key, List<BuyingRole> roles, String status) {
        if (roles.isEmpty() && status == null) {
            involvements.remove(key);
        } else {
            involvements.put(key, new Involvement(key, new LinkedHashSet<>(roles.stream().map(Enum::name).toList()),
                    status));
        }
    }

    private void person(String field, String key) {
        if (key == null) {
            throw new InvalidInputException(field, "is required");
        }
        if (!people.containsKey(key)) {
            throw new NotFoundException(field, "stakeholder", id(key).toString());
        }
    }

    private ItemId id(String key) {
        return new ItemId(account, key);
    }

    String name(String key) {
        Person p = people.get(key);
        return p == null ? key : p.name();
    }

    /** The changed map, ordered as the analysis reads a real map, so equal maps give equal analyses. */
    MapSnapshot snapshot() {
        List<Person> ps = people.values().stream().sorted(Comparator.comparing(Person::key)).toList();
        List<ReportingLine> reports = managers.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new ReportingLine(e.getKey(), e.getValue())).toList();
        List<InfluenceLine> lines = influences.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<List<String>, Integer> e) -> e.getKey().get(0))
                        .thenComparing(e -> e.getKey().get(1)))
                .map(e -> new InfluenceLine(e.getKey().get(0), e.getKey().get(1), e.getValue())).toList();
        List<Contact> cs = contacts.values().stream()
                .sorted(Comparator.comparing(Contact::teamMember).thenComparing(Contact::stakeholder)).toList();
        List<Deal> ds = deals.stream().map(d -> !d.key().equals(opportunity) ? d
                : new Deal(d.key(), d.name(), d.stage(), d.amount(), d.currency(), d.closeDate(),
                        involvements.values().stream().sorted(Comparator.comparing(Involvement::stakeholder)).toList(),
                        d.nextSteps().stream().filter(n -> people.containsKey(n.stakeholder())).toList()))
                .toList();
        return new MapSnapshot(account, version, ps, reports, lines, List.copyOf(conflicts), cs, ds);
    }
}
