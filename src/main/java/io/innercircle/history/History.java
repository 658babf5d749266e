package io.innercircle.history;

import io.innercircle.map.ItemId;
import io.innercircle.map.MapReads;
import io.innercircle.map.PastMaps;
import io.innercircle.map.PoliticalMap;
import io.innercircle.vocabulary.Coverage;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.internal.InternalRecord;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the history: change sets of a period, a map replayed as it was, a stakeholder's trend. A past state is
 * the current mirror with the later change sets undone, newest first (each entry holds the whole fact before),
 * so the cost of going back grows with the number of changes since, not with the size of the map's history.
 */
@Service
@Transactional(readOnly = true)
class History implements PastMaps {

    /** A stored change set. */
    record StoredChangeSet(String account, long version, OffsetDateTime at, String by, List<ChangeEntry> entries) {}

    private final Neo4jClient neo4j;

    History(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Change sets of the account in the period, newest first (either bound may be null). */
    List<StoredChangeSet> changeSets(String account, OffsetDateTime from, OffsetDateTime to, boolean newestFirst) {
        Map<String, Object> params = new HashMap<>();
        params.put("account", account);
        params.put("from", from == null ? null : from.toZonedDateTime());
        params.put("to", to == null ? null : to.toZonedDateTime());
        return neo4j.query("MATCH (c:ChangeSet {account: $account}) "
                        + "WHERE ($from IS NULL OR c.at >= $from) AND ($to IS NULL OR c.at <= $to) "
                        + "RETURN c.version AS version, c.at AS at, c.by AS by, c.changes AS changes "
                        + "ORDER BY c.version " + (newestFirst ? "DESC" : "ASC"))
                .bindAll(params).fetch().all().stream()
                .map(row -> new StoredChangeSet(account, ((Number) row.get("version")).longValue(),
                        ((ZonedDateTime) row.get("at")).toOffsetDateTime(), (String) row.get("by"),
                        ((List<?>) row.get("changes")).stream().map(c -> ChangeEntry.read((String) c)).toList()))
                .toList();
    }

    /** The account's facts as last recorded (today's map). */
    Map<String, Fact> current(String account) {
        Map<String, Fact> facts = new LinkedHashMap<>();
        neo4j.query("MATCH (h:HistoryFact {account: $account}) RETURN h.json AS json").bind(account).to("account")
                .fetchAs(String.class).all().forEach(json -> {
                    Fact f = FactCodec.read(json);
                    facts.put(f.id(), f);
                });
        return facts;
    }

    /** The account's facts at a moment: today's with every later change undone; empty if it had none then. */
    Map<String, Fact> at(String account, OffsetDateTime asOf) {
        Map<String, Fact> facts = current(account);
        for (StoredChangeSet later : changeSets(account, asOf.plusNanos(1), null, true)) {
            for (ChangeEntry e : later.entries()) {
                if (e.before() == null) {
                    facts.remove(e.id());
                } else {
                    facts.put(e.id(), e.before());
                }
            }
        }
        return facts;
    }

    /** The version the account had at a moment (0 if it had none recorded). */
    long versionAt(String account, OffsetDateTime asOf) {
        return neo4j.query("MATCH (c:ChangeSet {account: $account}) WHERE c.at <= $at RETURN max(c.version)")
                .bindAll(Map.of("account", account, "at", asOf.toZonedDateTime()))
                .fetchAs(Long.class).one().orElse(0L);
    }

    @Override
    public Optional<PoliticalMap> politicalMap(ItemId opportunity, OffsetDateTime asOf) {
        Map<String, Fact> facts = at(opportunity.account(), asOf);
        String o = Fact.nodeId("Opportunity", opportunity.key());
        if (!facts.containsKey(o) || !facts.containsKey("Account")) {
            return Optional.empty();
        }
        return Optional.of(MapReads.politicalMap(asRow(opportunity.account(), opportunity.key(), facts,
                versionAt(opportunity.account(), asOf))));
    }

    /** The facts in the shape of MapReads.POLITICAL_MAP's row, so the map is built by the same code. */
    private static InternalRecord asRow(String account, String opportunity, Map<String, Fact> facts, long version) {
        String o = Fact.nodeId("Opportunity", opportunity);
        Map<String, Object> a = node(account, facts.get("Account"));
        a.put("version", version);
        Map<String, Map<String, Object>> people = new java.util.TreeMap<>();
        List<Map<String, Object>> team = new ArrayList<>();
        List<List<Object>> influences = new ArrayList<>();
        List<List<Object>> conflicts = new ArrayList<>();
        List<List<Object>> contacts = new ArrayList<>();
        String competitor = null;
        for (Fact f : facts.values()) {
            if (!f.isRelationship()) {
                if (f.type().equals("Stakeholder")) {
                    people.put(f.key(), node(account, f));
                } else if (f.type().equals("TeamMember")) {
                    team.add(node(account, f));
                }
            }
        }
        for (Fact f : facts.values()) {
            if (!f.isRelationship()) {
                continue;
            }
            String from = Fact.keyOf(f.from());
            String to = Fact.keyOf(f.to());
            switch (f.type()) {
                case "REPORTS_TO" -> Optional.ofNullable(people.get(from)).ifPresent(p -> p.put("reportsTo", to));
                case "INVOLVED_IN" -> {
                    if (f.to().equals(o) && people.containsKey(from)) {
                        people.get(from).put("roles", f.props().getOrDefault("roles", List.of()));
                        people.get(from).put("status", f.props().get("status"));
                    }
                }
                case "INFLUENCES" -> influences.add(list(from, to, f.props().get("strength"), f.props().get("note")));
                case "CONFLICTS_WITH" -> conflicts.add(list(from, to, f.props().get("note")));
                case "HAS_CONTACT" -> contacts.add(list(from, to, f.props().get("coverage"),
                        f.props().get("lastContact"), f.props().get("relationship")));
                case "AGAINST" -> {
                    if (f.from().equals(o)) {
                        competitor = to;
                    }
                }
                default -> { }
            }
        }
        Comparator<List<Object>> byEnds = Comparator.comparing((List<Object> l) -> (String) l.get(0))
                .thenComparing(l -> (String) l.get(1));
        influences.sort(byEnds);
        conflicts.sort(byEnds);
        contacts.sort(byEnds);
        team.sort(Comparator.comparing(t -> (String) t.get("key")));
        List<String> keys = List.of("a", "o", "competitor", "people", "influences", "conflicts", "team", "contacts");
        Value[] values = {Values.value(a), Values.value(node(account, facts.get(o))), Values.value(competitor),
                Values.value(List.copyOf(people.values())), Values.value(influences), Values.value(conflicts),
                Values.value(team), Values.value(contacts)};
        return new InternalRecord(keys, java.util.Arrays.asList(values));
    }

    private static Map<String, Object> node(String account, Fact f) {
        Map<String, Object> m = new HashMap<>(f.props());
        m.put("account", account);
        m.put("key", f.key());
        return m;
    }

    private static List<Object> list(Object... values) {
        List<Object> l = new ArrayList<>();
        java.util.Collections.addAll(l, values);
        return l;
    }

    /** A stakeholder's status in an opportunity and our best coverage of them after each change set. */
    record TrendPoint(OffsetDateTime at, String by, String status, String coverage) {}

    List<TrendPoint> trend(ItemId stakeholder, ItemId opportunity, OffsetDateTime from, OffsetDateTime to) {
        String person = Fact.nodeId("Stakeholder", stakeholder.key());
        String involvement = opportunity == null ? null
                : Fact.relationshipId("INVOLVED_IN", person, Fact.nodeId("Opportunity", opportunity.key()));
        Map<String, String> coverageByMember = new HashMap<>();
        String status = null;
        List<TrendPoint> points = new ArrayList<>();
        TrendPoint last = null;
        for (StoredChangeSet set : changeSets(stakeholder.account(), null, to, false)) {
            boolean touched = false;
            for (ChangeEntry e : set.entries()) {
                if (e.id().equals(involvement)) {
                    status = e.after() == null ? null : (String) e.after().props().get("status");
                    touched = true;
                } else if (e.id().startsWith("HAS_CONTACT|") && e.id().endsWith("|" + person)) {
                    if (e.after() == null) {
                        coverageByMember.remove(e.id());
                    } else {
                        coverageByMember.put(e.id(), (String) e.after().props().get("coverage"));
                    }
                    touched = true;
                }
            }
            String best = coverageByMember.values().stream().filter(Objects::nonNull).map(Coverage::valueOf)
                    .reduce(Coverage.NONE, Coverage::better).name();
            TrendPoint point = new TrendPoint(set.at(), set.by(), status, best);
            boolean differs = last == null || !Objects.equals(last.status(), status)
                    || !last.coverage().equals(best);
            if (touched && differs) {
                if (from == null || !set.at().isBefore(from)) {
                    points.add(point);
                }
                last = point;
            }
        }
        return points;
    }
}
