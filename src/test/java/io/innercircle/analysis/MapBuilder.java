package io.innercircle.analysis;

import io.innercircle.analysis.MapSnapshot.ConflictLine;
import io.innercircle.analysis.MapSnapshot.Contact;
import io.innercircle.analysis.MapSnapshot.Deal;
import io.innercircle.analysis.MapSnapshot.InfluenceLine;
import io.innercircle.analysis.MapSnapshot.Involvement;
import io.innercircle.analysis.MapSnapshot.Person;
import io.innercircle.analysis.MapSnapshot.ReportingLine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hand-builds small maps for tests; names default to the key so failures read naturally. */
public final class MapBuilder {

    private final List<Person> people = new ArrayList<>();
    private final List<ReportingLine> reporting = new ArrayList<>();
    private final List<InfluenceLine> influences = new ArrayList<>();
    private final List<ConflictLine> conflicts = new ArrayList<>();
    private final List<Contact> contacts = new ArrayList<>();
    private final Map<String, List<Involvement>> deals = new LinkedHashMap<>();

    public static MapBuilder map() {
        return new MapBuilder();
    }

    /** A person named after their key, with a title, department and rank (rank may be null). */
    public MapBuilder person(String key, String title, String department, Integer rank) {
        people.add(new Person(key, key, title, department, rank, null, null, false, false, null));
        return this;
    }

    public MapBuilder person(Person p) {
        people.add(p);
        return this;
    }

    public MapBuilder reportsTo(String person, String manager) {
        reporting.add(new ReportingLine(person, manager));
        return this;
    }

    /** from's opinion shapes to's decisions. */
    public MapBuilder influences(String from, String to, int strength) {
        influences.add(new InfluenceLine(from, to, strength));
        return this;
    }

    public MapBuilder conflict(String a, String b) {
        conflicts.add(new ConflictLine(a, b));
        return this;
    }

    public MapBuilder contact(String teamMember, String stakeholder, String coverage, LocalDate last) {
        contacts.add(new Contact(teamMember, teamMember, stakeholder, coverage, last, null));
        return this;
    }

    /** Adds an involvement to the deal (created on first use); roles may be empty, status may be null. */
    public MapBuilder involved(String deal, String stakeholder, String status, String... roles) {
        deals.computeIfAbsent(deal, k -> new ArrayList<>())
                .add(new Involvement(stakeholder, Set.of(roles), status));
        return this;
    }

    public MapBuilder deal(String deal) {
        deals.computeIfAbsent(deal, k -> new ArrayList<>());
        return this;
    }

    public MapSnapshot build() {
        List<Deal> ds = deals.entrySet().stream()
                .map(e -> new Deal(e.getKey(), e.getKey(), "DEVELOP", null, null, null, List.copyOf(e.getValue())))
                .toList();
        return new MapSnapshot("test", 1, List.copyOf(people), List.copyOf(reporting), List.copyOf(influences),
                List.copyOf(conflicts), List.copyOf(contacts), ds);
    }

    public AccountNetwork network() {
        return AccountNetwork.of(build());
    }
}
