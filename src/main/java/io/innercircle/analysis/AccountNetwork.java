package io.innercircle.analysis;

import io.innercircle.analysis.MapSnapshot.ConflictLine;
import io.innercircle.analysis.MapSnapshot.Contact;
import io.innercircle.analysis.MapSnapshot.Deal;
import io.innercircle.analysis.MapSnapshot.InfluenceLine;
import io.innercircle.analysis.MapSnapshot.Person;
import io.innercircle.analysis.MapSnapshot.ReportingLine;
import io.innercircle.vocabulary.Coverage;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JGraphT projection of one {@link MapSnapshot}, plus the lookups every analysis needs. Immutable once built;
 * the graphs handed out are unmodifiable views, so one projection can be cached per (account, version) and shared.
 *
 * <ul>
 *   <li>{@link #influence()}: directed, edge {@code from -> to} weighted by strength 1..3; from's opinion shapes
 *       to's decisions (to listens to from), as in the map bundle format.</li>
 *   <li>{@link #formal()}: the reporting forest, edge {@code manager -> report}, unweighted.</li>
 * </ul>
 *
 * <p>Building costs O(P + L) for P people and L lines, plus O(P·h) for formal levels (h = depth of the org chart).
 * Bad input (a line naming an unknown person, a self-loop, a strength outside 1..3, a duplicate line, a
 * reporting cycle or two managers for one person) is rejected with an {@link IllegalArgumentException} that names
 * the offending element: the importer enforces the same rules, so reaching here with them means a bug upstream.
 */
public final class AccountNetwork {

    /** The top of the rank scale, used when a whole reporting tree is unranked. */
    public static final int TOP_LEVEL = 5;

    private final MapSnapshot source;
    private final Map<String, Person> people;
    private final Graph<String, DefaultWeightedEdge> influence;
    private final Graph<String, DefaultEdge> formal;
    private final Map<String, String> managers;
    private final Map<String, Integer> depths;
    private final Map<String, FormalLevel> formalLevels;
    private final Map<String, Set<String>> conflicts;
    private final Map<String, List<Contact>> contacts;
    private final Map<String, Deal> deals;

    private AccountNetwork(MapSnapshot source) {
        this.source = source;
        Map<String, Person> byKey = new LinkedHashMap<>();
        for (Person p : source.people()) {
            if (byKey.putIfAbsent(p.key(), p) != null) {
                throw new IllegalArgumentException("Two people share the key '" + p.key() + "'");
            }
        }
        this.people = Collections.unmodifiableMap(byKey);

        SimpleDirectedWeightedGraph<String, DefaultWeightedEdge> inf =
                new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        SimpleDirectedGraph<String, DefaultEdge> org = new SimpleDirectedGraph<>(DefaultEdge.class);
        byKey.keySet().forEach(k -> {
            inf.addVertex(k);
            org.addVertex(k);
        });
        for (InfluenceLine line : source.influenceLines()) {
            String what = "influence line " + line.from() + " -> " + line.to();
            requirePerson(line.from(), what);
            requirePerson(line.to(), what);
            if (line.from().equals(line.to())) {
                throw new IllegalArgumentException("The " + what + " is a self-loop");
            }
            if (line.strength() < 1 || line.strength() > 3) {
                throw new IllegalArgumentException("The " + what + " has strength " + line.strength()
                        + "; expected 1..3");
            }
            DefaultWeightedEdge e = inf.addEdge(line.from(), line.to());
            if (e == null) {
                throw new IllegalArgumentException("The " + what + " appears twice");
            }
            inf.setEdgeWeight(e, line.strength());
        }

        Map<String, String> mgr = new HashMap<>();
        for (ReportingLine line : source.reportingLines()) {
            String what = "reporting line " + line.person() + " -> " + line.manager();
            requirePerson(line.person(), what);
            requirePerson(line.manager(), what);
            if (line.person().equals(line.manager())) {
                throw new IllegalArgumentException("In the " + what + " a person reports to themselves");
            }
            if (mgr.putIfAbsent(line.person(), line.manager()) != null) {
                throw new IllegalArgumentException("'" + line.person() + "' reports to two managers");
            }
            org.addEdge(line.manager(), line.person());
        }
        this.managers = Collections.unmodifiableMap(mgr);
        this.depths = Collections.unmodifiableMap(computeDepths(byKey.keySet(), mgr));
        this.influence = new AsUnmodifiableGraph<>(inf);
        this.formal = new AsUnmodifiableGraph<>(org);
        this.formalLevels = Collections.unmodifiableMap(computeFormalLevels());

        Map<String, Set<String>> conf = new HashMap<>();
        for (ConflictLine c : source.conflictLines()) {
            String what = "conflict line " + c.a() + " -- " + c.b();
            requirePerson(c.a(), what);
            requirePerson(c.b(), what);
            if (c.a().equals(c.b())) {
                throw new IllegalArgumentException("The " + what + " is a self-loop");
            }
            conf.computeIfAbsent(c.a(), k -> new LinkedHashSet<>()).add(c.b());
            conf.computeIfAbsent(c.b(), k -> new LinkedHashSet<>()).add(c.a());
        }
        conf.replaceAll((k, v) -> Collections.unmodifiableSet(v));
        this.conflicts = Collections.unmodifiableMap(conf);

        Map<String, List<Contact>> cont = new HashMap<>();
        for (Contact c : source.contacts()) {
            requirePerson(c.stakeholder(), "contact of " + c.teamMember());
            Coverage.parse(c.coverage());
            cont.computeIfAbsent(c.stakeholder(), k -> new ArrayList<>()).add(c);
        }
        cont.replaceAll((k, v) -> List.copyOf(v));
        this.contacts = Collections.unmodifiableMap(cont);

        Map<String, Deal> ds = new LinkedHashMap<>();
        for (Deal d : source.deals()) {
            if (ds.putIfAbsent(d.key(), d) != null) {
                throw new IllegalArgumentException("Two deals share the key '" + d.key() + "'");
            }
            d.involvements().forEach(i -> requirePerson(i.stakeholder(), "deal " + d.key()));
        }
        this.deals = Collections.unmodifiableMap(ds);
    }

    /** Projects one account. O(P + L + P·h). */
    public static AccountNetwork of(MapSnapshot graph) {
        return new AccountNetwork(graph);
    }

    public MapSnapshot source() {
        return source;
    }

    /** Influence graph: edge from -> to, weight = strength 1..3. Unmodifiable. */
    public Graph<String, DefaultWeightedEdge> influence() {
        return influence;
    }

    /** Reporting forest: edge manager -> report. Unmodifiable. */
    public Graph<String, DefaultEdge> formal() {
        return formal;
    }

    /** Everyone on the map, in the order the account lists them. */
    public Map<String, Person> people() {
        return people;
    }

    public int size() {
        return people.size();
    }

    public Person person(String key) {
        Person p = people.get(key);
        if (p == null) {
            throw new IllegalArgumentException("Nobody with the key '" + key + "' on this map");
        }
        return p;
    }

    public boolean contains(String key) {
        return people.containsKey(key);
    }

    public String name(String key) {
        String name = person(key).name();
        return name == null || name.isBlank() ? key : name;
    }

    /** The person's department, trimmed, or null when not recorded. */
    public String department(String key) {
        String d = person(key).department();
        return d == null || d.isBlank() ? null : d.trim();
    }

    /** "Pat Morgan (Senior VP, rank 5)": name, title and formal level, as reps see a person named in a reason. */
    public String describe(String key) {
        Person p = person(key);
        String title = p.title() == null || p.title().isBlank() ? null : p.title().trim();
        String level = formalLevel(key).shortLabel();
        return name(key) + " (" + (title == null ? level : title + ", " + level) + ")";
    }

    /** True only when both departments are known and differ (ignoring case): unknown never counts as "another". */
    public boolean differentDepartments(String a, String b) {
        String da = department(a);
        String db = department(b);
        return da != null && db != null && !da.toLowerCase(Locale.ROOT).equals(db.toLowerCase(Locale.ROOT));
    }

    /** The rank the rep recorded, or null. */
    public Integer rank(String key) {
        return person(key).rank();
    }

    /**
     * The person's formal level: the recorded rank, else derived from the reporting lines. Derivation, in order:
     * one level below the nearest ranked manager above them per reporting step; else one level above the highest
     * ranked person below them per step; else counted down from the top of the chart (root = 5, minimum 1).
     * Someone outside the org chart without a rank is UNKNOWN: guessing would invent seniority.
     */
    public FormalLevel formalLevel(String key) {
        person(key);
        return formalLevels.get(key);
    }

    /** Reporting steps from the top of the person's tree (0 for someone who reports to nobody). */
    public int depth(String key) {
        person(key);
        return depths.get(key);
    }

    public Optional<String> manager(String key) {
        person(key);
        return Optional.ofNullable(managers.get(key));
    }

    public List<String> reports(String key) {
        return formal.outgoingEdgesOf(key).stream().map(formal::getEdgeTarget).toList();
    }

    /** The people who take this person's lead (targets of their influence lines), in input order. */
    public List<String> listenersOf(String key) {
        return influence.outgoingEdgesOf(key).stream().map(influence::getEdgeTarget).toList();
    }

    /** The people whose opinion shapes this person's decisions. */
    public List<String> influencersOf(String key) {
        return influence.incomingEdgesOf(key).stream().map(influence::getEdgeSource).toList();
    }

    /** Strength 1..3 of the line from -> to, or 0 when there is none. */
    public int strength(String from, String to) {
        DefaultWeightedEdge e = influence.getEdge(from, to);
        return e == null ? 0 : (int) influence.getEdgeWeight(e);
    }

    public boolean inConflict(String a, String b) {
        return conflicts.getOrDefault(a, Set.of()).contains(b);
    }

    public Set<String> conflictsOf(String key) {
        return conflicts.getOrDefault(key, Set.of());
    }

    /** Our team's contacts with the person, in input order; empty when nobody on our team knows them. */
    public List<Contact> contactsOf(String key) {
        return contacts.getOrDefault(key, List.of());
    }

    /** The best coverage any team member has, or null when there is no contact record at all. */
    public Coverage bestCoverage(String key) {
        return contactsOf(key).stream().map(c -> Coverage.parse(c.coverage()))
                .max(Enum::compareTo).orElse(null);
    }

    /** The team member's name for texts, falling back to their key when the name is not recorded. */
    public static String teamMemberName(Contact contact) {
        return contact.teamMemberName() != null ? contact.teamMemberName() : contact.teamMember();
    }

    public Map<String, Deal> deals() {
        return deals;
    }

    public Deal deal(String dealKey) {
        Deal d = deals.get(dealKey);
        if (d == null) {
            throw new IllegalArgumentException("No deal with the key '" + dealKey + "' on this account");
        }
        return d;
    }

    private void requirePerson(String key, String what) {
        if (key == null || !people.containsKey(key)) {
            throw new IllegalArgumentException("The " + what + " names '" + key + "', who is not on the map");
        }
    }

    private static Map<String, Integer> computeDepths(Set<String> keys, Map<String, String> managers) {
        Map<String, Integer> depth = new HashMap<>();
        for (String start : keys) {
            // Walk up until a person of known depth or a root; the visited set catches cycles.
            Deque<String> chain = new ArrayDeque<>();
            Set<String> seen = new HashSet<>();
            String cur = start;
            while (cur != null && !depth.containsKey(cur)) {
                if (!seen.add(cur)) {
                    throw new IllegalArgumentException("The reporting lines form a cycle through '" + cur + "'");
                }
                chain.push(cur);
                cur = managers.get(cur);
            }
            int d = cur == null ? -1 : depth.get(cur);
            while (!chain.isEmpty()) {
                depth.put(chain.pop(), ++d);
            }
        }
        return depth;
    }

    private Map<String, FormalLevel> computeFormalLevels() {
        Map<String, FormalLevel> levels = new HashMap<>();
        for (String key : people.keySet()) {
            levels.put(key, deriveLevel(key));
        }
        return levels;
    }

    private FormalLevel deriveLevel(String key) {
        Integer rank = people.get(key).rank();
        if (rank != null) {
            return new FormalLevel(rank, FormalLevel.Source.RANK);
        }
        int steps = 0;
        for (String up = managers.get(key); up != null; up = managers.get(up)) {
            steps++;
            Integer r = people.get(up).rank();
            if (r != null) {
                return new FormalLevel(Math.max(1, r - steps), FormalLevel.Source.REPORTING_LINE);
            }
        }
        Integer fromBelow = highestRankBelow(key);
        if (fromBelow != null) {
            return new FormalLevel(Math.min(TOP_LEVEL, fromBelow), FormalLevel.Source.REPORTING_LINE);
        }
        boolean inChart = managers.containsKey(key) || formal.outDegreeOf(key) > 0;
        if (inChart) {
            return new FormalLevel(Math.max(1, TOP_LEVEL - depths.get(key)), FormalLevel.Source.REPORTING_LINE);
        }
        return FormalLevel.UNKNOWN;
    }

    /** Max over ranked people below of (their rank + reporting steps up to this person), or null. */
    private Integer highestRankBelow(String key) {
        Integer best = null;
        Deque<Map.Entry<String, Integer>> queue = new ArrayDeque<>();
        queue.add(Map.entry(key, 0));
        while (!queue.isEmpty()) {
            Map.Entry<String, Integer> cur = queue.poll();
            for (DefaultEdge e : formal.outgoingEdgesOf(cur.getKey())) {
                String report = formal.getEdgeTarget(e);
                int steps = cur.getValue() + 1;
                Integer r = people.get(report).rank();
                if (r != null) {
                    best = best == null ? r + steps : Math.max(best, r + steps);
                } else {
                    queue.add(Map.entry(report, steps));
                }
            }
        }
        return best;
    }
}
