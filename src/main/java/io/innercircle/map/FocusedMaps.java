package io.innercircle.map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.innercircle.api.InvalidInputException;
import io.innercircle.map.AccountVersions.Stamp;
import io.innercircle.map.Lines.ConflictLine;
import io.innercircle.map.Lines.Contact;
import io.innercircle.map.Lines.InfluenceLine;
import io.innercircle.map.Lines.ReportingLine;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of a big map that are drawn: the map of only some people (one query, whatever the account's size),
 * the account's shape for the overview (one small query) and the box positions the rep saved per opportunity.
 *
 * <p>Positions live on a {@code (:MapLayout {opportunity: "<account>/<key>"})} node with three parallel lists
 * (keys, x, y). It has no {@code account} property on purpose: dragging a box is not a change to the map, so it
 * neither bumps the account's version nor shows in the history.
 */
@Service
@Transactional(readOnly = true)
public class FocusedMaps {

    /** Most positions one opportunity keeps (the largest account the app draws, with room to spare). */
    public static final int MAX_POSITIONS = 20_000;

    /**
     * Like {@link AccountModelReader#ACCOUNT}, but for one opportunity and only the people in {@code $keys} and the
     * lines between them.
     */
    static final String FOCUSED_MAP = """
            MATCH (o:Opportunity {account: $account, key: $key})
            MATCH (a:Account {key: $account})
            RETURN a{.*} AS a,
              COLLECT { UNWIND $keys AS k
                        MATCH (s:Stakeholder {account: $account, key: k})
                        RETURN s{.*, reportsTo: [(s)-[:REPORTS_TO]->(m) | m.key][0]} ORDER BY s.key } AS people,
              COLLECT { UNWIND $keys AS k
                        MATCH (f:Stakeholder {account: $account, key: k})-[r:INFLUENCES]->(t) WHERE t.key IN $keys
                        RETURN [f.key, t.key, r.strength, r.note] ORDER BY f.key, t.key } AS influences,
              COLLECT { UNWIND $keys AS k
                        MATCH (f:Stakeholder {account: $account, key: k})-[r:CONFLICTS_WITH]->(t) WHERE t.key IN $keys
                        RETURN [f.key, t.key, r.note] ORDER BY f.key, t.key } AS conflicts,
              COLLECT { MATCH (t:TeamMember {account: $account}) RETURN t{.*} ORDER BY t.key } AS team,
              COLLECT { UNWIND $keys AS k
                        MATCH (t:TeamMember {account: $account})-[c:HAS_CONTACT]->(s:Stakeholder {account: $account, key: k})
                        RETURN [t.key, s.key, c{.*}] ORDER BY t.key, s.key } AS contacts,
              [] AS competitors,
              [o{.*, competitor: [(o)-[:AGAINST]->(c) | c.key][0]}] AS opportunities,
              COLLECT { UNWIND $keys AS k
                        MATCH (s:Stakeholder {account: $account, key: k})-[i:INVOLVED_IN]->(o)
                        RETURN [s.key, o.key, i{.*}] ORDER BY s.key } AS involvements
            """;

    /** The account's departments with their head counts, for the overview of a map that shows only some. */
    public record AccountShape(int people, int external, List<DepartmentShape> departments) {}

    /** {@code name} is null for the people with no department. */
    public record DepartmentShape(String name, int people) {}

    public record Position(String stakeholder, double x, double y) {}

    /** Everyone in all the focused maps kept together; a map counts its people (at least one). */
    static final int MAX_KEPT_PEOPLE = 20_000;

    private record FocusKey(String account, String opportunity, Stamp stamp, Set<String> people) {}

    private final Neo4jClient neo4j;
    private final AccountVersions versions;
    /**
     * Focused maps by the account's version (and creation, see {@link Stamp}): every write to an
     * account's map bumps its version, so a kept map is the map as it is while the version stands. A rep opening the
     * same deal again, or the page reloading it, then pays one small read of the version instead of the map's read
     * (30-55 ms for a 2,000-person account's deal on a quiet machine, more under load).
     */
    private final Cache<FocusKey, PoliticalMap> keptMaps = Caffeine.newBuilder().maximumWeight(MAX_KEPT_PEOPLE)
            .weigher((FocusKey k, PoliticalMap m) -> Math.max(1, m.people().size())).build();

    /**
     * The account's shape by the map it was read for, compared by identity: a kept map (above) is the same record
     * while the account's version stands, so a revisit does not count the account's people again (a read of every
     * person: 13-15 ms over Bolt for 2,000 people against 7-9 ms for {@code RETURN 1}, measured here). Dropped when
     * its map is no longer held.
     */
    private final Cache<PoliticalMap, AccountShape> keptShapes = Caffeine.newBuilder().weakKeys()
            .maximumSize(1_000).build();

    public FocusedMaps(Neo4jClient neo4j, AccountVersions versions) {
        this.neo4j = neo4j;
        this.versions = versions;
    }

    /** The map with only these people (keys of the opportunity's account); unknown keys are left out. */
    public Optional<PoliticalMap> politicalMap(ItemId opportunity, Collection<String> keys) {
        Stamp stamp = versions.stamp(opportunity.account()).orElse(null);
        if (stamp == null) {
            return Optional.empty();
        }
        FocusKey key = new FocusKey(opportunity.account(), opportunity.key(), stamp, Set.copyOf(keys));
        PoliticalMap kept = keptMaps.getIfPresent(key);
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<PoliticalMap> map = neo4j.query(FOCUSED_MAP)
                .bindAll(Map.of("account", opportunity.account(), "key", opportunity.key(),
                        "keys", List.copyOf(keys)))
                .fetchAs(AccountModel.class).mappedBy((t, r) -> AccountModelReader.model(opportunity.account(), r))
                .one().flatMap(m -> m.politicalMap(opportunity.key()))
                .map(FocusedMaps::withoutDanglingLines);
        // Kept only when read at the version stamped before the read: a write that committed in between would
        // otherwise be kept under the older version.
        map.filter(m -> m.account().version() == stamp.version()).ifPresent(m -> keptMaps.put(key, m));
        return map;
    }

    /**
     * Only the people in {@code keys} and the lines between them (for a map replayed from the history). Reporting
     * lines whose manager is not drawn are dropped too.
     */
    public static PoliticalMap restrict(PoliticalMap map, Set<String> keys) {
        List<PoliticalMap.MapPerson> people = map.people().stream()
                .filter(p -> keys.contains(p.stakeholder().key())).toList();
        return withoutDanglingLines(new PoliticalMap(map.account(), map.opportunity(), people,
                map.reportingLines(), map.influenceLines(), map.conflictLines(), map.contacts(), map.teamMembers()));
    }

    private static PoliticalMap withoutDanglingLines(PoliticalMap map) {
        Set<String> drawn = new java.util.HashSet<>();
        map.people().forEach(p -> drawn.add(p.stakeholder().key()));
        List<ReportingLine> reporting = map.reportingLines().stream()
                .filter(l -> l.manager() != null && drawn.contains(l.manager().key())
                        && drawn.contains(l.person().key())).toList();
        List<InfluenceLine> influences = map.influenceLines().stream()
                .filter(l -> drawn.contains(l.from().key()) && drawn.contains(l.to().key())).toList();
        List<ConflictLine> conflicts = map.conflictLines().stream()
                .filter(l -> l.between().stream().allMatch(s -> drawn.contains(s.key()))).toList();
        List<Contact> contacts = map.contacts().stream()
                .filter(c -> c.stakeholder() != null && drawn.contains(c.stakeholder().key())).toList();
        return new PoliticalMap(map.account(), map.opportunity(), map.people(), reporting, influences, conflicts,
                contacts, map.teamMembers());
    }

    static final String SHAPE = """
            MATCH (s:Stakeholder {account: $account})
            RETURN s.department AS department, count(s) AS people,
                   count(CASE WHEN s.external THEN 1 END) AS external
            ORDER BY people DESC, department
            """;

    /** The shape of this map's account, read once for a map kept per version (see {@link #politicalMap}). */
    public AccountShape shape(PoliticalMap map) {
        return keptShapes.get(map, m -> shape(m.account().key()));
    }

    public AccountShape shape(String account) {
        List<DepartmentShape> departments = new ArrayList<>();
        int[] totals = new int[2];
        neo4j.query(SHAPE)
                .bind(account).to("account").fetch().all().forEach(row -> {
                    int people = ((Number) row.get("people")).intValue();
                    departments.add(new DepartmentShape((String) row.get("department"), people));
                    totals[0] += people;
                    totals[1] += ((Number) row.get("external")).intValue();
                });
        return new AccountShape(totals[0], totals[1], departments);
    }

    /** The positions saved for the opportunity's map, by stakeholder key. */
    public Map<String, Position> positions(ItemId opportunity) {
        Map<String, Position> result = new LinkedHashMap<>();
        neo4j.query("MATCH (l:MapLayout {opportunity: $id}) RETURN l.keys AS keys, l.x AS x, l.y AS y")
                .bind(ItemId.of(opportunity.account(), opportunity.key())).to("id").fetch().one().ifPresent(row -> {
                    List<?> keys = (List<?>) row.get("keys");
                    List<?> xs = (List<?>) row.get("x");
                    List<?> ys = (List<?>) row.get("y");
                    for (int i = 0; i < keys.size(); i++) {
                        String key = (String) keys.get(i);
                        result.put(key, new Position(key, ((Number) xs.get(i)).doubleValue(),
                                ((Number) ys.get(i)).doubleValue()));
                    }
                });
        return result;
    }

    /**
     * Saves positions into the opportunity's layout: the given people move, everyone else keeps theirs; a null
     * position forgets the person's. Only one node is written, so this write cannot deadlock with the map edits
     * (which lock the account first): it holds no other lock.
     */
    @Transactional
    public Map<String, Position> savePositions(ItemId opportunity, List<Position> moved, List<String> forget) {
        if (neo4j.query("MATCH (o:Opportunity {account: $account, key: $key}) RETURN count(o)")
                .bindAll(Map.of("account", opportunity.account(), "key", opportunity.key()))
                .fetchAs(Long.class).one().orElse(0L) == 0) {
            throw new InvalidInputException("opportunity", "there is no opportunity '"
                    + ItemId.of(opportunity.account(), opportunity.key()) + "'");
        }
        Map<String, Position> all = new LinkedHashMap<>(positions(opportunity));
        forget.forEach(all::remove);
        for (int i = 0; i < moved.size(); i++) {
            Position p = moved.get(i);
            String field = "positions[" + i + "]";
            if (p.stakeholder() == null || !ItemId.KEY.matcher(p.stakeholder()).matches()) {
                throw new InvalidInputException(field + ".stakeholder", "is not a stakeholder key");
            }
            if (!Double.isFinite(p.x()) || !Double.isFinite(p.y()) || Math.abs(p.x()) > 1e7 || Math.abs(p.y()) > 1e7) {
                throw new InvalidInputException(field, "x and y must be finite numbers within ±10,000,000");
            }
            all.put(p.stakeholder(), p);
        }
        if (all.size() > MAX_POSITIONS) {
            throw new InvalidInputException("positions", "at most " + MAX_POSITIONS + " positions per map");
        }
        write(opportunity, all);
        return all;
    }

    /** Replaces the opportunity's saved positions (for a bundle import). */
    @Transactional
    public void replacePositions(ItemId opportunity, Collection<Position> positions) {
        Map<String, Position> all = new LinkedHashMap<>();
        positions.forEach(p -> all.put(p.stakeholder(), p));
        write(opportunity, all);
    }

    private void write(ItemId opportunity, Map<String, Position> all) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", ItemId.of(opportunity.account(), opportunity.key()));
        params.put("keys", List.copyOf(all.keySet()));
        params.put("x", all.values().stream().map(Position::x).toList());
        params.put("y", all.values().stream().map(Position::y).toList());
        neo4j.query("MERGE (l:MapLayout {opportunity: $id}) SET l.keys = $keys, l.x = $x, l.y = $y, "
                + "l.savedAt = datetime()").bindAll(params).run();
    }
}
