#!/usr/bin/env python3
"""Reference centralities from NetworkX for the Java tests of io.innercircle.analysis.centrality.

Writes one JSON file per case to src/test/resources/reference/. The JSON files are committed, so the
Maven build needs neither Python nor NetworkX; run this script again only when a case or a definition
changes:

    /usr/bin/python3 src/test/python/centrality_reference.py      (from the repository root)

Needs NetworkX and SciPy (for PageRank): Debian's python3-networkx and python3-scipy. NetworkX 2.8.8
(Debian 12) and 3.6.1 give identical numbers.

Input convention, as in InfluenceCentralities: an edge A -> B with strength s in 1..3 means A's opinion
shapes B's decisions (B listens to A). The measures, each made to match what the Java side computes:

  pageRank           nx.pagerank on the reversed ("listens to") graph, alpha 0.85, weight = strength.
                     Dangling people spread their rank uniformly in both NetworkX and JGraphT's PageRank.
  influenceOut/In    weighted out- and in-degree, weight = strength.
  betweenness        nx.betweenness_centrality(normalized=True) with distance = 1/strength. For directed
                     graphs NetworkX divides by (n-1)(n-2), exactly what JGraphT's
                     BetweennessCentrality(g, true) does (for undirected graphs NetworkX's normalized score
                     would be twice JGraphT's; all cases here are directed).
  harmonicCloseness  JGraphT's HarmonicCentrality(g, incoming=false, normalize=true) computes, for each v,
                     sum over u != v of 1/d(v, u), where d runs along edge direction and an unreachable u
                     adds 0, then divides by n-1 when n > 1. nx.harmonic_centrality(G) sums 1/d(u, v), the
                     distances *towards* v, so it is called on the reversed graph, then divided by n-1.
                     verify_harmonic_direction() re-derives the outward sum from plain Dijkstra to prove it.

Distances are exact fractions (fractions.Fraction(1, s)), not floats: in floating point 1 + 1 + 1/3 and
1/3 + 1 + 1 differ in the last bit, so NetworkX (which compares path lengths with ==, like JGraphT) would
count only one of two equally short routes. With Fractions every tie is a true tie. The Java side gets the
same answers by measuring with L/s for L = lcm of the strengths (whole numbers, exact sums); the case
"equal_routes" is built so that float distances give a different answer, and this script checks that.
"""

import csv
import json
import os
import platform
import sys
from fractions import Fraction

import networkx as nx

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
OUT_DIR = os.path.join(ROOT, "src", "test", "resources", "reference")
KRACKHARDT_CSV = os.path.join(OUT_DIR, "krackhardt-advice.csv")
DAMPING = 0.85


def influence_graph(nodes, lines):
    """lines: (from, to, strength), from's opinion shapes to's decisions."""
    g = nx.DiGraph()
    g.add_nodes_from(nodes)
    for a, b, s in lines:
        if g.has_edge(a, b):
            raise ValueError(f"duplicate influence line {a} -> {b}")
        g.add_edge(a, b, strength=s, distance=Fraction(1, s), float_distance=1.0 / s)
    return g


def harmonic_outward(g, distance):
    n = g.number_of_nodes()
    raw = nx.harmonic_centrality(g.reverse(copy=True), distance=distance)
    return {v: float(Fraction(raw[v]) / (n - 1)) if n > 1 else float(raw[v]) for v in g}


def verify_harmonic_direction(g, harmonic):
    """Recompute JGraphT's definition literally, to make sure the reversal above is the right way round."""
    n = g.number_of_nodes()
    for v in g:
        lengths = nx.single_source_dijkstra_path_length(g, v, weight="distance")
        total = sum((Fraction(1) / d for u, d in lengths.items() if u != v), Fraction(0))
        expected = float(total / (n - 1)) if n > 1 else float(total)
        if abs(expected - harmonic[v]) > 1e-12:
            raise AssertionError(f"harmonic direction mismatch at {v}: {expected} vs {harmonic[v]}")


def measures(g):
    pagerank = nx.pagerank(g.reverse(copy=True), alpha=DAMPING, weight="strength", tol=1e-14, max_iter=100000)
    harmonic = harmonic_outward(g, "distance")
    verify_harmonic_direction(g, harmonic)
    return {
        "pageRank": {v: float(x) for v, x in pagerank.items()},
        "influenceOut": {v: float(x) for v, x in g.out_degree(weight="strength")},
        "influenceIn": {v: float(x) for v, x in g.in_degree(weight="strength")},
        "betweenness": {v: float(x) for v, x in
                        nx.betweenness_centrality(g, normalized=True, weight="distance").items()},
        "harmonicCloseness": harmonic,
    }


def float_betweenness(g):
    return nx.betweenness_centrality(g, normalized=True, weight="float_distance")


def krackhardt():
    with open(KRACKHARDT_CSV, newline="") as f:
        rows = [(r["from"], r["to"]) for r in csv.DictReader(f)]
    nodes = [str(i) for i in range(1, 22)]
    # "from goes to `to` for advice": `to` shapes `from`'s decisions, so the influence line is to -> from.
    return nodes, [(to, frm, 1) for frm, to in rows]


def cases():
    yield ("krackhardt_advice",
           "Krackhardt (1987) high-tech managers, self-reported advice network (190 ties). CSV row from,to "
           "(from asks to for advice) becomes influence line to -> from with strength 1.",
           *krackhardt())

    spokes = {"a": 3, "b": 3, "c": 2, "d": 1, "e": 1}
    yield ("star",
           "Everyone listens to the hub: hub -> each spoke, strengths 3,3,2,1,1.",
           ["hub", *spokes], [("hub", s, w) for s, w in spokes.items()])

    chain = ["a", "b", "c", "d", "e"]
    yield ("chain",
           "Influence passes down a chain a -> b -> c -> d -> e, strength 1.",
           chain, [(chain[i], chain[i + 1], 1) for i in range(len(chain) - 1)])

    left = ["a1", "a2", "a3", "a4"]
    right = ["b1", "b2", "b3", "b4"]
    lines = []
    for side in (left, right):
        lines += [(p, q, 2) for p in side for q in side if p != q]
    lines += [("a1", "x", 1), ("x", "a1", 1), ("b1", "x", 1), ("x", "b1", 1)]
    yield ("bridge",
           "Two cliques of four (all lines both ways, strength 2) joined only through x, "
           "which exchanges strength-1 lines with a1 and b1.",
           [*left, "x", *right], lines)

    yield ("assistant_hub",
           "A low-rank assistant whose advice the three executives take; the executives shape their "
           "own people.",
           ["assistant", "ceo", "cfo", "cto", "vp_sales", "controller", "engineer1", "engineer2", "rep1", "rep2"],
           [("assistant", "ceo", 3), ("assistant", "cfo", 3), ("assistant", "cto", 2),
            ("ceo", "cfo", 1), ("ceo", "cto", 1), ("ceo", "vp_sales", 3),
            ("cfo", "controller", 3), ("cto", "engineer1", 3), ("cto", "engineer2", 2),
            ("vp_sales", "rep1", 2), ("vp_sales", "rep2", 2), ("engineer1", "engineer2", 1)])

    yield ("equal_routes",
           "Two routes from s to t of equal length 7/3: s->a->b->t with strengths 1,1,3 and "
           "s->c->d->t with strengths 3,1,1. Float sums differ in the last bit; exact ones tie.",
           ["s", "a", "b", "c", "d", "t"],
           [("s", "a", 1), ("a", "b", 1), ("b", "t", 3), ("s", "c", 3), ("c", "d", 1), ("d", "t", 1)])


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    for name, description, nodes, lines in cases():
        g = influence_graph(nodes, lines)
        result = {
            "name": name,
            "description": description,
            "generator": {
                "script": "src/test/python/centrality_reference.py",
                "networkx": nx.__version__,
                "python": platform.python_version(),
            },
            "nodes": list(g.nodes),
            "edges": [[a, b, d["strength"]] for a, b, d in g.edges(data=True)],
            "measures": measures(g),
        }
        floats_differ = any(abs(result["measures"]["betweenness"][v] - x) > 1e-12
                            for v, x in float_betweenness(g).items())
        result["floatDistancesChangeBetweenness"] = floats_differ
        if name == "equal_routes" and not floats_differ:
            raise AssertionError("equal_routes was meant to show float ties breaking; it no longer does")
        path = os.path.join(OUT_DIR, f"{name}.json")
        with open(path, "w") as f:
            json.dump(result, f, indent=1, sort_keys=False)
            f.write("\n")
        print(f"{name}: {g.number_of_nodes()} people, {g.number_of_edges()} lines"
              f"{', float distances would change betweenness' if floats_differ else ''} -> "
              f"{os.path.relpath(path, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
