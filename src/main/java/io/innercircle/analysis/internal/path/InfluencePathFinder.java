package io.innercircle.analysis.internal.path;

import io.innercircle.analysis.MapSnapshot.Deal;
import io.innercircle.analysis.MapSnapshot.InfluenceLine;
import io.innercircle.analysis.AccountNetwork;
import io.innercircle.vocabulary.Status;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.interfaces.ShortestPathAlgorithm.SingleSourcePaths;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.alg.shortestpath.YenKShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.EdgeReversedGraph;
import org.jgrapht.graph.MaskSubgraph;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Strongest routes along influence lines: "who can get me to X", the k strongest routes between two people, and
 * everyone within N hops.
 *
 * <p><b>Direction.</b> A route follows influence lines from shaper to listener ({@code from -> to}): the start's
 * opinion travels to the end.
 *
 * <p><b>Strength.</b> A line of strength s (1..3) passes on s/3 of an opinion; a route's strength is the product
 * over its lines, so 1.0 is a direct strong line and every weaker or extra line lowers it. Maximising the product
 * is minimising the sum of -ln(s/3), which is non-negative, so Dijkstra and Yen apply. A strong line costs 0,
 * so two routes of equal strength are told apart by length: each line also costs {@value #HOP_TIE_BREAK}, far
 * below the smallest real difference between two routes, and the shorter route wins.
 *
 * <p><b>What routes never use.</b> A line between two people in conflict (a rival will not carry your case to
 * their rival), always. People in the {@code avoid} set (for a deal: the enemies) are never passed through, and
 * never start a route in "who can get me to X"; they may still be the named start or end of a query.
 *
 * <p><b>Complexity</b> (V people, E lines): strongest path and "who can get me to X" are one Dijkstra,
 * O(E + V log V); k strongest paths are Yen's algorithm, O(k · V · (E + V log V)); within N hops is a hop-bounded
 * Bellman-Ford, O(N · E), per direction.
 *
 * <p><b>Sources.</b> Dijkstra (1959); Yen, "Finding the K Shortest Loopless Paths in a Network" (1971), as
 * implemented by JGraphT's {@link YenKShortestPath}; Bellman-Ford limited to N rounds for hop-bounded routes.
 */
public final class InfluencePathFinder {

    public static final double HOP_TIE_BREAK = 1e-6;

    private final AccountNetwork graphs;
    private final Set<String> avoid;
    private final Graph<String, DefaultWeightedEdge> costs;

    private InfluencePathFinder(AccountNetwork graphs, Set<String> avoid) {
        this.graphs = graphs;
        this.avoid = Set.copyOf(avoid);
        avoid.forEach(graphs::person);
        SimpleDirectedWeightedGraph<String, DefaultWeightedEdge> g =
                new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        graphs.people().keySet().forEach(g::addVertex);
        for (InfluenceLine line : graphs.source().influenceLines()) {
            if (!graphs.inConflict(line.from(), line.to())) {
                g.setEdgeWeight(g.addEdge(line.from(), line.to()), cost(line.strength()));
            }
        }
        this.costs = g;
    }

    /** Routes on the whole map; only conflict lines are left out. */
    public static InfluencePathFinder of(AccountNetwork graphs) {
        return new InfluencePathFinder(graphs, Set.of());
    }

    /** Routes that never pass through the given people (nor use conflict lines). */
    public static InfluencePathFinder avoiding(AccountNetwork graphs, Set<String> avoid) {
        return new InfluencePathFinder(graphs, avoid);
    }

    /** Routes for one deal: never through someone who is our ENEMY in it. */
    public static InfluencePathFinder forDeal(AccountNetwork graphs, String dealKey) {
        Deal deal = graphs.deal(dealKey);
        Set<String> enemies = deal.involvements().stream()
                .filter(i -> Status.parse(i.status()) == Status.ENEMY)
                .map(i -> i.stakeholder())
                .collect(Collectors.toSet());
        return new InfluencePathFinder(graphs, enemies);
    }

    public Set<String> avoided() {
        return avoid;
    }

    /** s/3 per line, as a cost to minimise. */
    static double cost(int strength) {
        return -Math.log(strength / 3.0) + HOP_TIE_BREAK;
    }

    /** The strongest route from {@code from} to {@code to}, if any. */
    public Optional<InfluencePath> strongestPath(String from, String to) {
        requireDistinct(from, to);
        GraphPath<String, DefaultWeightedEdge> p = new DijkstraShortestPath<>(passable(from, to)).getPath(from, to);
        return Optional.ofNullable(p).map(gp -> toPath(gp.getVertexList()));
    }

    /** Up to k loopless routes from {@code from} to {@code to}, strongest first (ties: shorter first). */
    public List<InfluencePath> strongestPaths(String from, String to, int k) {
        requireDistinct(from, to);
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        return new YenKShortestPath<>(passable(from, to)).getPaths(from, to, k).stream()
                .map(gp -> toPath(gp.getVertexList()))
                .toList();
    }

    /**
     * "Who can get me to X": for everyone whose opinion can reach {@code target}, their strongest route, strongest
     * first, then shorter, then by name.
     */
    public List<InfluencePath> whoCanReach(String target) {
        graphs.person(target);
        SingleSourcePaths<String, DefaultWeightedEdge> paths = towards(target);
        List<InfluencePath> result = new ArrayList<>();
        for (String start : graphs.people().keySet()) {
            if (start.equals(target) || avoid.contains(start)) {
                continue;
            }
            GraphPath<String, DefaultWeightedEdge> p = paths.getPath(start);
            if (p != null) {
                result.add(toPath(reversed(p.getVertexList())));
            }
        }
        result.sort(STRONGEST_FIRST.thenComparing(p -> graphs.name(p.start())));
        return result;
    }

    /**
     * The strongest route to {@code target} from any of {@code starts}; on a tie the shorter route, then the start
     * listed first (so callers list their best allies first).
     */
    public Optional<InfluencePath> bestFrom(Collection<String> starts, String target) {
        graphs.person(target);
        return best(starts, target, towards(target));
    }

    private Optional<InfluencePath> best(Collection<String> starts, String target,
                                         SingleSourcePaths<String, DefaultWeightedEdge> paths) {
        InfluencePath best = null;
        for (String start : starts) {
            if (start.equals(target) || avoid.contains(start)) {
                continue;
            }
            GraphPath<String, DefaultWeightedEdge> p = paths.getPath(start);
            if (p != null) {
                InfluencePath candidate = toPath(reversed(p.getVertexList()));
                if (best == null || STRONGEST_FIRST.compare(candidate, best) < 0) {
                    best = candidate;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * {@link #bestFrom(Collection, String)} when that route is at least {@code minStrength} strong, else empty; the
     * same route, found far faster on a big map. The search from the target stops at the cost such a route can have
     * (every line also costs {@value #HOP_TIE_BREAK}, so the bound allows for the longest loopless route). Up to that
     * cost Dijkstra does exactly what the unbounded search does, so every start it reaches gets the same route; a
     * start beyond it has a weaker route than any within, so it could not have been the best route anyway.
     */
    public Optional<InfluencePath> bestFrom(Collection<String> starts, String target, double minStrength) {
        graphs.person(target);
        if (!(minStrength > 0)) {
            return bestFrom(starts, target);
        }
        double radius = -Math.log(minStrength) + (graphs.size() + 1) * HOP_TIE_BREAK + 1e-9;
        SingleSourcePaths<String, DefaultWeightedEdge> paths = new DijkstraShortestPath<>(
                new EdgeReversedGraph<>(passable(target, target)), radius).getPaths(target);
        return best(starts, target, paths).filter(p -> p.strength() >= minStrength);
    }

    /**
     * Everyone within {@code maxHops} lines of {@code person}, in either direction, with the strongest route of at
     * most that many lines: those their opinion reaches (SHAPES) and those whose opinion reaches them (SHAPED_BY).
     * Sorted by direction, then strongest first.
     */
    public List<Reach> within(String person, int maxHops) {
        graphs.person(person);
        if (maxHops < 1) {
            throw new IllegalArgumentException("maxHops must be at least 1, was " + maxHops);
        }
        List<Reach> result = new ArrayList<>();
        result.addAll(hopBounded(person, maxHops, Reach.Direction.SHAPES));
        result.addAll(hopBounded(person, maxHops, Reach.Direction.SHAPED_BY));
        return result;
    }

    private static final Comparator<InfluencePath> STRONGEST_FIRST =
            Comparator.comparingDouble(InfluencePath::strength).reversed()
                    .thenComparingInt(InfluencePath::length);

    private List<Reach> hopBounded(String person, int maxHops, Reach.Direction direction) {
        Graph<String, DefaultWeightedEdge> g = direction == Reach.Direction.SHAPES
                ? costs : new EdgeReversedGraph<>(costs);
        // best.get(v): the strongest route found so far with at most `round` lines, as a list from person to v.
        Map<String, Double> bestStrength = new HashMap<>();
        Map<String, List<String>> bestRoute = new HashMap<>();
        bestStrength.put(person, 1.0);
        bestRoute.put(person, List.of(person));
        Set<String> frontier = Set.of(person);
        for (int round = 1; round <= maxHops && !frontier.isEmpty(); round++) {
            Map<String, Double> nextStrength = new HashMap<>();
            Map<String, List<String>> nextRoute = new HashMap<>();
            for (String u : frontier) {
                // Avoided people may be reached but do not pass opinions on.
                if (!u.equals(person) && avoid.contains(u)) {
                    continue;
                }
                for (DefaultWeightedEdge e : g.outgoingEdgesOf(u)) {
                    String v = g.getEdgeTarget(e);
                    List<String> route = bestRoute.get(u);
                    if (route.contains(v)) {
                        continue;
                    }
                    int strength = direction == Reach.Direction.SHAPES
                            ? graphs.strength(u, v) : graphs.strength(v, u);
                    double s = bestStrength.get(u) * strength / 3.0;
                    double known = Math.max(bestStrength.getOrDefault(v, -1.0), nextStrength.getOrDefault(v, -1.0));
                    // Strictly stronger only: an equal route found in a later round is longer.
                    if (s > known * (1 + 1e-12) + 1e-15) {
                        nextStrength.put(v, s);
                        List<String> extended = new ArrayList<>(route);
                        extended.add(v);
                        nextRoute.put(v, extended);
                    }
                }
            }
            bestStrength.putAll(nextStrength);
            bestRoute.putAll(nextRoute);
            frontier = nextStrength.keySet();
        }
        List<Reach> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : bestRoute.entrySet()) {
            if (e.getKey().equals(person)) {
                continue;
            }
            List<String> route = direction == Reach.Direction.SHAPES ? e.getValue() : reversed(e.getValue());
            InfluencePath path = toPath(route);
            out.add(new Reach(e.getKey(), graphs.name(e.getKey()), direction, path.length(), path.strength(), path));
        }
        out.sort(Comparator.comparingDouble(Reach::strength).reversed().thenComparingInt(Reach::hops)
                .thenComparing(Reach::name));
        return out;
    }

    /** Dijkstra from the target over reversed lines: one run gives every start's strongest route to it. */
    private SingleSourcePaths<String, DefaultWeightedEdge> towards(String target) {
        return new DijkstraShortestPath<>(new EdgeReversedGraph<>(passable(target, target))).getPaths(target);
    }

    private Graph<String, DefaultWeightedEdge> passable(String from, String to) {
        if (avoid.isEmpty()) {
            return costs;
        }
        return new MaskSubgraph<>(costs, v -> avoid.contains(v) && !v.equals(from) && !v.equals(to), e -> false);
    }

    private InfluencePath toPath(List<String> people) {
        List<InfluencePath.Hop> hops = new ArrayList<>();
        double strength = 1.0;
        for (int i = 0; i + 1 < people.size(); i++) {
            String a = people.get(i);
            String b = people.get(i + 1);
            int s = graphs.strength(a, b);
            hops.add(new InfluencePath.Hop(a, graphs.name(a), b, graphs.name(b), s));
            strength *= s / 3.0;
        }
        return new InfluencePath(people, hops, strength);
    }

    private static List<String> reversed(List<String> list) {
        List<String> r = new ArrayList<>(list);
        java.util.Collections.reverse(r);
        return r;
    }

    private void requireDistinct(String from, String to) {
        graphs.person(from);
        graphs.person(to);
        if (from.equals(to)) {
            throw new IllegalArgumentException("A route needs two different people; both ends are '" + from + "'");
        }
    }
}
