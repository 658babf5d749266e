package io.innercircle.history.internal;

import io.innercircle.map.AccountModel;
import io.innercircle.map.AccountModel.ConflictRow;
import io.innercircle.map.AccountModel.ContactRow;
import io.innercircle.map.AccountModel.InfluenceRow;
import io.innercircle.map.AccountModel.InvolvementRow;
import io.innercircle.map.AccountModel.Person;
import io.innercircle.map.Competitor;
import io.innercircle.map.ItemId;
import io.innercircle.map.Opportunity;
import io.innercircle.map.PastMaps;
import io.innercircle.map.PoliticalMap;
import io.innercircle.map.TeamMember;
import io.innercircle.vocabulary.Coverage;
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
    private final MirrorSnapshots snapshots;

    History(Neo4jClient neo4j, MirrorSnapshots snapshots) {
        this.neo4j = neo4j;
        this.snapshots = snapshots;
    }

    /** Change sets of the account in the period, newest first (either bound may be null). */
    List<StoredChangeSet> changeSets(String account, OffsetDateTime from, OffsetDateTime to, boolean newestFirst) {
        Map<String, Object> params = new HashMap<>();
        params.put("account", account);
        params.put("from", from == null ? null : from.toZonedDateTime());
        params.put("to", to == null ? null : to.toZonedDateTime());
        // Two fixed statements, one per order: no user input reaches the text.
        return neo4j.query("""
                        MATCH (c:ChangeSet {account: $account})
                        WHERE ($from IS NULL OR c.at >= $from) AND ($to IS NULL OR c.at <= $to)
                        RETURN c.version AS version, c.at AS at, c.by AS by, c.changes AS changes,
                               c.packed AS packed
                        ORDER BY c.version %s""".formatted(newestFirst ? "DESC" : "ASC"))
                .bindAll(params).fetch().all().stream()
                .map(row -> new StoredChangeSet(account, ((Number) row.get("version")).longValue(),
                        ((ZonedDateTime) row.get("at")).toOffsetDateTime(), (String) row.get("by"),
                        StoredChanges.entries(row.get("changes"), row.get("packed")).stream()
                                .map(ChangeEntry::read).toList()))
                .toList();
    }

    /** The account's facts as last recorded (today's map): the mirror's snapshot with its entries laid over it. */
    Map<String, Fact> current(String account) {
        Map<String, Fact> facts = new LinkedHashMap<>();
        MirrorSnapshot snapshot = snapshots.of(account);
        for (String id : snapshot.factIds()) {
            facts.put(id, FactCodec.read(snapshot.get(id).json()));
        }
        neo4j.query("MATCH (h:HistoryFact {account: $account}) RETURN h.fact AS fact, h.json AS json")
                .bind(account).to("account").fetch().all().forEach(row -> {
                    if (row.get("json") == null) {
                        facts.remove((String) row.get("fact"));
                    } else {
                        Fact f = FactCodec.read((String) row.get("json"));
                        facts.put(f.id(), f);
                    }
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
        return model(opportunity.account(), facts, versionAt(opportunity.account(), asOf))
                .politicalMap(opportunity.key());
    }

    /** The account's read model as the facts describe it, built by the same factories as a read from Neo4j. */
    static AccountModel model(String account, Map<String, Fact> facts, long version) {
        Map<String, String> managers = new HashMap<>();
        List<InfluenceRow> influences = new ArrayList<>();
        List<ConflictRow> conflicts = new ArrayList<>();
        List<ContactRow> contacts = new ArrayList<>();
        List<InvolvementRow> involvements = new ArrayList<>();
        Map<String, String> competitorOf = new HashMap<>();
        for (Fact f : facts.values()) {
            if (!f.isRelationship()) {
                continue;
            }
            String from = Fact.keyOf(f.from());
            String to = Fact.keyOf(f.to());
            switch (f.type()) {
                case "REPORTS_TO" -> managers.put(from, to);
                case "INVOLVED_IN" -> involvements.add(InvolvementRow.of(from, to, f.props()));
                case "INFLUENCES" -> influences.add(new InfluenceRow(from, to,
                        ((Number) f.props().get("strength")).intValue(), (String) f.props().get("note")));
                case "CONFLICTS_WITH" -> conflicts.add(new ConflictRow(from, to, (String) f.props().get("note")));
                case "HAS_CONTACT" -> contacts.add(ContactRow.of(from, to, f.props()));
                case "AGAINST" -> competitorOf.put(from, to);
                default -> { }
            }
        }
        List<Person> people = new ArrayList<>();
        List<TeamMember> team = new ArrayList<>();
        List<Competitor> competitors = new ArrayList<>();
        List<Opportunity> opportunities = new ArrayList<>();
        for (Fact f : facts.values()) {
            if (f.isRelationship()) {
                continue;
            }
            switch (f.type()) {
                case "Stakeholder" -> people.add(Person.of(f.key(), f.props(), managers.get(f.key())));
                case "TeamMember" -> team.add(AccountModel.teamMember(account, f.key(), f.props()));
                case "Competitor" -> competitors.add(AccountModel.competitor(account, f.key(), f.props()));
                case "Opportunity" -> opportunities.add(AccountModel.opportunity(account, f.key(), f.props(),
                        competitorOf.get(f.key())));
                default -> { }
            }
        }
        // The same order as a read from Neo4j: by key, lines by their ends.
        people.sort(Comparator.comparing(Person::key));
        team.sort(Comparator.comparing(TeamMember::key));
        competitors.sort(Comparator.comparing(Competitor::key));
        opportunities.sort(Comparator.comparing(Opportunity::key));
        influences.sort(Comparator.comparing(InfluenceRow::from).thenComparing(InfluenceRow::to));
        conflicts.sort(Comparator.comparing(ConflictRow::first).thenComparing(ConflictRow::second));
        contacts.sort(Comparator.comparing(ContactRow::teamMember).thenComparing(ContactRow::stakeholder));
        involvements.sort(Comparator.comparing(InvolvementRow::opportunity).thenComparing(InvolvementRow::stakeholder));
        return new AccountModel(AccountModel.account(account, facts.get("Account").props(), version), people,
                influences, conflicts, team, contacts, competitors, opportunities, involvements);
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
