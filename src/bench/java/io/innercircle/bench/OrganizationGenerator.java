package io.innercircle.bench;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic customer organizations for the benchmark. Shape, chosen to resemble the political maps the
 * product stores:
 * <ul>
 *   <li>a CEO, one head per department (about 40 people each) reporting to the CEO, and a random reporting
 *       tree inside each department;</li>
 *   <li>every person listens to their manager (strength 2 or 3) and to 2..5 more people, so 3..6 incoming
 *       influence lines a person, about 4.5 on average;</li>
 *   <li>of those extra lines about 60% come from the same department, 20% from other departments and 20% are
 *       upward (someone lower in the same department shapes the person's decisions);</li>
 *   <li>sources are picked with preferential attachment (already influential people are more likely to be
 *       listened to), which gives the few informal hubs real maps have;</li>
 *   <li>strengths 1, 2, 3 with probabilities 0.5, 0.3, 0.2 for informal lines.</li>
 * </ul>
 * The same seed always gives the same graph.
 */
final class OrganizationGenerator {

    private OrganizationGenerator() {
    }

    static Graph<String, DefaultWeightedEdge> generate(int people, long seed) {
        Random r = new Random(seed);
        int departments = Math.max(2, people / 40);
        int[] dept = new int[people];
        int[] manager = new int[people];
        int[] depth = new int[people];
        List<List<Integer>> members = new ArrayList<>();
        for (int d = 0; d < departments; d++) {
            members.add(new ArrayList<>());
        }
        dept[0] = -1;
        manager[0] = -1;
        for (int p = 1; p < people; p++) {
            if (p <= departments) {
                dept[p] = p - 1;
                manager[p] = 0;
                depth[p] = 1;
            } else {
                dept[p] = r.nextInt(departments);
                List<Integer> colleagues = members.get(dept[p]);
                // Managers come from the earlier half of the department, which keeps the tree a few levels deep.
                int boss = colleagues.get(r.nextInt(Math.min(colleagues.size(), (colleagues.size() + 3) / 2)));
                manager[p] = boss;
                depth[p] = depth[boss] + 1;
            }
            members.get(dept[p]).add(p);
        }

        Graph<String, DefaultWeightedEdge> g = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        for (int p = 0; p < people; p++) {
            g.addVertex(name(p));
        }
        // Preferential attachment: a person appears here once plus once per line they send.
        List<List<Integer>> ballots = new ArrayList<>();
        List<Integer> everyone = new ArrayList<>();
        for (int d = 0; d < departments; d++) {
            ballots.add(new ArrayList<>(members.get(d)));
        }
        for (int p = 0; p < people; p++) {
            everyone.add(p);
        }
        for (int p = 1; p < people; p++) {
            add(g, manager[p], p, r.nextBoolean() ? 3 : 2, ballots, everyone, dept);
            int extra = 2 + r.nextInt(4);
            for (int k = 0; k < extra; k++) {
                double kind = r.nextDouble();
                int from;
                if (p <= departments || kind < 0.2) {
                    from = everyone.get(r.nextInt(everyone.size()));
                } else if (kind < 0.4) {
                    from = lowerColleague(r, members.get(dept[p]), depth, depth[p]);
                } else {
                    List<Integer> pool = ballots.get(dept[p]);
                    from = pool.get(r.nextInt(pool.size()));
                }
                if (from != p) {
                    add(g, from, p, strength(r), ballots, everyone, dept);
                }
            }
        }
        return g;
    }

    static String name(int p) {
        return "p" + p;
    }

    private static int lowerColleague(Random r, List<Integer> colleagues, int[] depth, int level) {
        for (int tries = 0; tries < 8; tries++) {
            int c = colleagues.get(r.nextInt(colleagues.size()));
            if (depth[c] > level) {
                return c;
            }
        }
        return colleagues.get(r.nextInt(colleagues.size()));
    }

    private static int strength(Random r) {
        double x = r.nextDouble();
        return x < 0.5 ? 1 : x < 0.8 ? 2 : 3;
    }

    private static void add(Graph<String, DefaultWeightedEdge> g, int from, int to, int strength,
                            List<List<Integer>> ballots, List<Integer> everyone, int[] dept) {
        DefaultWeightedEdge e = g.addEdge(name(from), name(to));
        if (e == null) {
            return;
        }
        g.setEdgeWeight(e, strength);
        everyone.add(from);
        if (dept[from] >= 0) {
            ballots.get(dept[from]).add(from);
        }
    }
}
