#!/usr/bin/env python3
"""Times NetworkX and igraph on the organizations the Java benchmark generated, checks that their scores
agree with ours, and prints the ratios to the Java timings.

Run after the Java runner (see src/bench/README.md), from the repository root:

    /usr/bin/python3 src/bench/python/compare_networkx_igraph.py [target/bench-graphs]

Needs Debian's python3-networkx, python3-igraph and python3-scipy. Reads java-timings.json and the edge
lists org-N.tsv written by io.innercircle.bench.CentralityBenchmark, and writes comparison.json next to them.

Same definitions as the Java side (an edge A -> B with strength s: A shapes B's decisions):
  betweenness  directed, distance 6/s (whole numbers, so every library finds the same tied paths),
               normalized by (n-1)(n-2);
  harmonic     outward distances 1/s, sum of 1/d over the others divided by n-1 (JGraphT's
               HarmonicCentrality(g, false, true)); NetworkX sums incoming distances, so it gets the
               reversed graph;
  pageRank     on the reversed ("listens to") graph, damping 0.85, weight s;
  degrees      weighted out- and in-degree.
The Java "all centralities" time is one call of InfluenceCentralities.compute; here it is the sum of the
separate calls. Graph construction is not timed on either side except that the Java calls include copying
the JGraphT graph into arrays, which they do on every call.
"""

import csv
import json
import os
import platform
import statistics
import sys
import time

import igraph as ig
import networkx as nx

# A library call is repeated until this many seconds have passed (at least MIN_SAMPLES calls), unless one
# call alone takes longer, as NetworkX betweenness does on thousands of people.
SAMPLE_SECONDS = float(os.environ.get("BENCH_SAMPLE_SECONDS", "10"))
MIN_SAMPLES = 3


def timed(fn):
    """Returns (p50 ms, p99 ms, samples, last result). One untimed call first warms caches and imports."""
    first_start = time.perf_counter()
    result = fn()
    first = (time.perf_counter() - first_start) * 1e3
    if first > SAMPLE_SECONDS * 1e3:
        return first, first, 1, result
    samples = []
    deadline = time.perf_counter() + SAMPLE_SECONDS
    while len(samples) < MIN_SAMPLES or (time.perf_counter() < deadline and len(samples) < 500):
        start = time.perf_counter()
        result = fn()
        samples.append((time.perf_counter() - start) * 1e3)
    samples.sort()
    p99 = samples[min(len(samples) - 1, max(0, -(-99 * len(samples) // 100) - 1))]
    return statistics.median(samples), p99, len(samples), result


def read_graph(path):
    people, lines = [], []
    seen = set()
    with open(path, newline="") as f:
        rows = csv.reader((line for line in f if not line.startswith("#")), delimiter="\t")
        next(rows)
        for frm, to, strength in rows:
            for p in (frm, to):
                if p and p not in seen:
                    seen.add(p)
                    people.append(p)
            if to:
                lines.append((frm, to, int(strength)))
    return people, lines


def read_java_scores(path):
    with open(path, newline="") as f:
        rows = csv.DictReader(f, delimiter="\t")
        return {r["person"]: {k: float(v) for k, v in r.items() if k != "person"} for r in rows}


def max_diff(ours, theirs):
    return max((abs(ours[p] - theirs[p]) for p in ours), default=0.0)


def run_graph(directory, entry):
    people, lines = read_graph(os.path.join(directory, entry["file"]))
    n = len(people)
    norm = (n - 1) * (n - 2)

    g = nx.DiGraph()
    g.add_nodes_from(people)
    for a, b, s in lines:
        g.add_edge(a, b, strength=s, distance=6.0 / s, reach=1.0 / s)
    listens = g.reverse(copy=True)
    reversed_g = listens

    index = {p: i for i, p in enumerate(people)}
    ig_edges = [(index[a], index[b]) for a, b, _ in lines]
    h = ig.Graph(n=n, edges=ig_edges, directed=True)
    h_listens = ig.Graph(n=n, edges=[(b, a) for a, b in ig_edges], directed=True)
    strength = [float(s) for _, _, s in lines]
    distance = [6.0 / s for _, _, s in lines]
    reach = [1.0 / s for _, _, s in lines]

    t = {"networkx": {}, "igraph": {}}
    res = {"networkx": {}, "igraph": {}}

    def record(lib, name, fn):
        p50, p99, samples, result = timed(fn)
        t[lib][name] = {"p50": p50, "p99": p99, "samples": samples}
        res[lib][name] = result
        print(f"  {lib:8s} {name:12s} p50 {p50:11.2f} ms  p99 {p99:11.2f} ms  ({samples} samples)", flush=True)

    record("igraph", "betweenness",
           lambda: dict(zip(people, (x / norm for x in h.betweenness(directed=True, weights=distance)))))
    record("igraph", "harmonic",
           lambda: dict(zip(people, h.harmonic_centrality(mode="out", weights=reach, normalized=True))))
    record("igraph", "pageRank",
           lambda: dict(zip(people, h_listens.pagerank(directed=True, damping=0.85, weights=strength))))
    record("igraph", "degrees",
           lambda: (h.strength(mode="out", weights=strength), h.strength(mode="in", weights=strength)))

    record("networkx", "betweenness",
           lambda: nx.betweenness_centrality(g, normalized=True, weight="distance"))
    record("networkx", "harmonic",
           lambda: {p: x / (n - 1) for p, x in nx.harmonic_centrality(reversed_g, distance="reach").items()})
    record("networkx", "pageRank",
           lambda: nx.pagerank(listens, alpha=0.85, weight="strength", tol=1e-10, max_iter=10000))
    record("networkx", "degrees",
           lambda: (dict(g.out_degree(weight="strength")), dict(g.in_degree(weight="strength"))))

    for lib in t:
        t[lib]["all"] = {"p50": sum(t[lib][k]["p50"] for k in ("betweenness", "harmonic", "pageRank", "degrees"))}

    ours = read_java_scores(os.path.join(directory, entry["scores"]))
    agreement = {}
    for lib in ("networkx", "igraph"):
        for measure, key in (("betweenness", "betweenness"), ("harmonic", "harmonicCloseness"),
                             ("pageRank", "pageRank")):
            agreement[f"{lib}.{measure}"] = max_diff({p: v[key] for p, v in ours.items()}, res[lib][measure])
    return {"people": n, "lines": len(lines), "timingsMs": t, "maxAbsDiffToJava": agreement}


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else os.path.join("target", "bench-graphs")
    with open(os.path.join(directory, "java-timings.json")) as f:
        java = json.load(f)
    print(f"Python {platform.python_version()}, NetworkX {nx.__version__}, igraph {ig.__version__}, "
          f"{os.cpu_count()} cores; Java {java['java']}")
    summary = {"python": platform.python_version(), "networkx": nx.__version__, "igraph": ig.__version__,
               "graphs": []}
    for entry in java["graphs"]:
        print(f"\n{entry['name']}: {entry['people']} people, {entry['lines']} influence lines", flush=True)
        r = run_graph(directory, entry)
        r["name"] = entry["name"]
        r["java"] = entry["timingsMs"]
        summary["graphs"].append(r)
        for k, v in r["maxAbsDiffToJava"].items():
            print(f"  max |ours - {k}| = {v:.2e}")

    print("\nRatios on p50 (x > 1: ours is faster; 'vs igraph' is our time / igraph's, target <= 1.5)")
    header = (f"{'graph':9s} {'ours ms':>9s} {'1 thr ms':>9s} {'stock ms':>10s} {'igraph ms':>10s} "
              f"{'nx ms':>10s} {'nx/ours':>8s} {'nx/1thr':>8s} {'ours/ig':>8s} {'1thr/ig':>8s} {'nx/stock':>8s}")
    print("\nbetweenness")
    print(header)
    for r in summary["graphs"]:
        j, tt = r["java"], r["timingsMs"]
        fast, one, stock = j["fastBetweenness"]["p50"], j["fastBetweenness1Thread"]["p50"], j["stockBetweenness"]["p50"]
        igb, nxb = tt["igraph"]["betweenness"]["p50"], tt["networkx"]["betweenness"]["p50"]
        r["ratios"] = {"betweenness": {"networkxOverOurs": nxb / fast, "networkxOverOurs1Thread": nxb / one,
                                       "oursOverIgraph": fast / igb, "ours1ThreadOverIgraph": one / igb,
                                       "networkxOverStock": nxb / stock}}
        print(f"{r['name']:9s} {fast:9.2f} {one:9.2f} {stock:10.1f} {igb:10.2f} {nxb:10.1f} {nxb / fast:8.1f} "
              f"{nxb / one:8.1f} {fast / igb:8.2f} {one / igb:8.2f} {nxb / stock:8.2f}")
    print("\nall centralities (Python: sum of the four calls)")
    print(f"{'graph':9s} {'ours ms':>9s} {'1 thr ms':>9s} {'igraph ms':>10s} {'nx ms':>10s} "
          f"{'nx/ours':>8s} {'ours/ig':>8s} {'1thr/ig':>8s}")
    for r in summary["graphs"]:
        j, tt = r["java"], r["timingsMs"]
        ours, one = j["allCentralities"]["p50"], j["allCentralities1Thread"]["p50"]
        iga, nxa = tt["igraph"]["all"]["p50"], tt["networkx"]["all"]["p50"]
        r["ratios"]["all"] = {"networkxOverOurs": nxa / ours, "oursOverIgraph": ours / iga,
                              "ours1ThreadOverIgraph": one / iga}
        print(f"{r['name']:9s} {ours:9.2f} {one:9.2f} {iga:10.2f} {nxa:10.1f} {nxa / ours:8.1f} "
              f"{ours / iga:8.2f} {one / iga:8.2f}")

    out = os.path.join(directory, "comparison.json")
    with open(out, "w") as f:
        json.dump(summary, f, indent=1)
    print(f"\nwrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
