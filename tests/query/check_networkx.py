"""Answers trame's query questions with networkx, for tests/query.rs.

Usage: check_networkx.py REQUEST.json

The request names a graph (trame's JSON export) and a walk: the node kinds
and relations a query may use. The script builds the walk's undirected view
as a networkx MultiGraph (one edge per trame edge, parallel edges kept),
then prints on stdout, as JSON:

  lengths   shortest path length on the view (nx.shortest_path_length on the
            simple Graph of the view) for each requested pair, null if none
  ksp       the lengths of the first k paths of nx.shortest_simple_paths
  valid     for each path trame found, nx.is_simple_path on the view
  pagerank  networkx's PageRank on the MultiGraph, with the request's
            alpha, tol and max_iter (networkx.pagerank, or networkx's own
            pure-Python power iteration when scipy is not installed)
"""

import json
import sys

import networkx as nx


def pagerank(g, **kw):
    try:
        return nx.pagerank(g, **kw)
    except ImportError:
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

        return _pagerank_python(g, **kw)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        req = json.load(f)
    with open(req["graph"], encoding="utf-8") as f:
        graph = json.load(f)
    kinds = set(req["kinds"])
    relations = set(req["relations"])
    kind = {n["id"]: n["kind"] for n in graph["nodes"]}
    multi = nx.MultiGraph()
    multi.add_nodes_from(n for n, k in kind.items() if k in kinds)
    for e in graph["edges"]:
        s, t = e["source"], e["target"]
        if e["relation"] in relations and s in multi and t in multi:
            multi.add_edge(s, t)
    simple = nx.Graph(multi)
    out = {"lengths": [], "ksp": [], "valid": [], "pagerank": {}}
    for a, b in req["pairs"]:
        try:
            out["lengths"].append(nx.shortest_path_length(simple, a, b))
        except nx.NetworkXNoPath:
            out["lengths"].append(None)
        lens = []
        try:
            for p in nx.shortest_simple_paths(simple, a, b):
                lens.append(len(p) - 1)
                if len(lens) == req["k"]:
                    break
        except nx.NetworkXNoPath:
            pass
        out["ksp"].append(lens)
    out["valid"] = [nx.is_simple_path(simple, p) for p in req["paths"]]
    for params in req["pagerank"]:
        pr = pagerank(multi, alpha=params["alpha"], tol=params["tol"], max_iter=params["max_iter"])
        out["pagerank"].setdefault("runs", []).append(pr)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
