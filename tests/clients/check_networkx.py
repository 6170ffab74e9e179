"""Reads trame's exports with the Python clients and compares them with what
trame meant to write.

Usage: check_networkx.py DIR

DIR holds graph.graphml, graph.gexf, graph.json, nodes.csv, edges.csv and
expected.json, which tests/clients.rs writes from the graph itself:

    {"nodes": [{"id", "label", "kind", "mentions", "aliases": [...]}...],
     "edges": [{"source", "target", "relation", "weight", "modality",
                "quantity" (int or null), "date" (str or null),
                "evidence_count", "evidence", "doc", "rule"}...],
     "exact": {"nodes": [...], "edges": [...]},
     "evidence_lines": [[{"doc", "sentence", "text", "rule"}...]...]}

"evidence" is the first sentence's text. GraphML and GEXF carry every
sentence in their `evidence` column, one JSON object a line: the script reads
the first sentence from it, and compares every line with "evidence_lines"
(exact text: JSON escapes control characters), edge by edge.

Text drops control characters other than newline and tab (XML 1.0 forbids
them, and the CSV drops them too); under "exact" it is as in the graph,
which the JSON keeps.

in the order of the files (node i is GraphML's n<i>, edge i is e<i>).
Each client's reading is turned into the same shape and compared field by
field, types included: an int must come back as an int, the weight as a
float. igraph keeps every number as a float, so for igraph an int field must
be a float with that integral value. On the first difference the script
prints it on stderr and exits 1; otherwise it prints a JSON summary (nodes
and edges per client) on stdout.
"""

import csv
import json
import math
import sys
import unicodedata

import igraph
import networkx as nx

GRAPHML_ALIAS_SEPARATOR = " | "
CSV_ALIAS_SEPARATOR = ";"


class Mismatch(Exception):
    pass


def same(client, what, got, want, loose_ints=False):
    """Raises Mismatch unless got equals want with the same type."""
    if loose_ints and type(want) is int:
        ok = type(got) is float and got == want
    else:
        ok = type(got) is type(want) and got == want
    if not ok:
        raise Mismatch(f"{client}: {what}: got {got!r} ({type(got).__name__}), want {want!r} ({type(want).__name__})")


def compare(client, got_nodes, got_edges, expected, loose_ints=False):
    want_nodes, want_edges = expected["nodes"], expected["edges"]
    same(client, "node count", len(got_nodes), len(want_nodes))
    same(client, "edge count", len(got_edges), len(want_edges))
    for i, (got, want) in enumerate(zip(got_nodes, want_nodes)):
        for field, value in want.items():
            same(client, f"node {i} ({want['id']}) {field}", got.get(field), value, loose_ints)
    for i, (got, want) in enumerate(zip(got_edges, want_edges)):
        for field, value in want.items():
            same(client, f"edge {i} ({want['source']} {want['relation']}) {field}", got.get(field), value, loose_ints)
    return {"nodes": len(got_nodes), "edges": len(got_edges)}


def clean(s):
    """Text as every export carries it: control characters other than newline
    and tab dropped, as tests/clients.rs does."""
    return "".join(c for c in s if c in "\n\t" or not (unicodedata.category(c) == "Cc" or c in "\ufffe\uffff"))


def evidence_of(value):
    """The sentences of an XML `evidence` column: one JSON object a line."""
    if not isinstance(value, str) or not value:
        return []
    return [json.loads(line) for line in value.split("\n")]


def check_evidence(client, values, expected):
    """Every edge's `evidence` column holds each of its sentences, with document and number."""
    same(client, "evidence edge count", len(values), len(expected["evidence_lines"]))
    for i, (value, want) in enumerate(zip(values, expected["evidence_lines"])):
        got = [{k: e.get(k) for k in ("doc", "sentence", "text", "rule")} for e in evidence_of(value)]
        if got != want:
            raise Mismatch(f"{client}: edge {i} evidence: got {got!r}, want {want!r}")


def split_aliases(value, separator):
    return value.split(separator) if value else []


def networkx_graphml(path, expected):
    g = nx.read_graphml(path, force_multigraph=True)
    assert isinstance(g, nx.MultiDiGraph), type(g)
    ids = [n["id"] for n in expected["nodes"]]
    nodes = []
    for i in range(g.number_of_nodes()):
        a = g.nodes[f"n{i}"]
        same("networkx graphml", f"n{i} node_id", a.get("node_id"), ids[i])
        nodes.append(
            {
                "id": a["node_id"],
                "label": a.get("label"),
                "kind": a.get("kind"),
                "mentions": a.get("mentions"),
                "aliases": split_aliases(a.get("aliases"), GRAPHML_ALIAS_SEPARATOR),
            }
        )
    by_id = {key: (u, v, a) for u, v, key, a in g.edges(keys=True, data=True)}
    edges, raw = [], []
    for i in range(g.number_of_edges()):
        u, v, a = by_id[f"e{i}"]
        edges.append(edge_record(ids[int(u[1:])], ids[int(v[1:])], a))
        raw.append(a.get("evidence"))
    check_evidence("networkx graphml", raw, expected)
    return compare("networkx graphml", nodes, edges, expected)


def edge_record(source, target, a, missing=None):
    def get(name):
        value = a.get(name, missing)
        return None if value == missing or (isinstance(value, float) and math.isnan(value)) else value

    return {
        "source": source,
        "target": target,
        "relation": get("relation"),
        "weight": get("weight"),
        "modality": get("modality"),
        "quantity": get("quantity"),
        "date": get("date"),
        "evidence_count": get("evidence_count"),
        "evidence": clean(evidence_of(get("evidence"))[0]["text"]) if get("evidence") else None,
        "doc": get("doc"),
        "rule": get("rule"),
    }


def igraph_graphml(path, expected):
    g = igraph.Graph.Read_GraphML(path)
    assert g.is_directed()
    ids = [n["id"] for n in expected["nodes"]]
    nodes = []
    for i, v in enumerate(g.vs):
        same("igraph graphml", f"vertex {i} id", v["id"], f"n{i}")
        nodes.append(
            {
                "id": v["node_id"],
                "label": v["label"],
                "kind": v["kind"],
                "mentions": v["mentions"],
                "aliases": split_aliases(v["aliases"], GRAPHML_ALIAS_SEPARATOR),
            }
        )
    edges, raw = [], []
    # igraph keeps the file's edge order; its `id` edge attribute is not the
    # GraphML edge id (igraph 1.0 reports e0 as "n0"), so it is not checked.
    for e in g.es:
        # igraph gives a missing string as "" and a missing number as NaN.
        edges.append(edge_record(ids[e.source], ids[e.target], e.attributes(), missing=""))
        raw.append(e["evidence"])
    check_evidence("igraph graphml", raw, expected)
    return compare("igraph graphml", nodes, edges, expected, loose_ints=True)


def networkx_gexf(path, expected):
    g = nx.read_gexf(path)
    nodes = []
    order = [n["id"] for n in expected["nodes"]]
    for node_id in order:
        if node_id not in g.nodes:
            raise Mismatch(f"networkx gexf: node {node_id!r} missing")
        a = g.nodes[node_id]
        nodes.append(
            {
                "id": node_id,
                "label": a.get("label"),
                "kind": a.get("kind"),
                "mentions": a.get("mentions"),
                "aliases": split_aliases(a.get("aliases"), GRAPHML_ALIAS_SEPARATOR),
            }
        )
    same("networkx gexf", "node count", g.number_of_nodes(), len(order))
    found = {a["id"]: (u, v, a) for u, v, a in g.edges(data=True)}
    edges, raw = [], []
    for i in range(len(found)):
        if f"e{i}" not in found:
            raise Mismatch(f"networkx gexf: edge e{i} missing (parallel edges merged?)")
        u, v, a = found[f"e{i}"]
        same("networkx gexf", f"e{i} label", a.get("label"), a.get("relation"))
        edges.append(edge_record(u, v, a))
        raw.append(a.get("evidence"))
    check_evidence("networkx gexf", raw, expected)
    return compare("networkx gexf", nodes, edges, expected)


def networkx_json(path, expected):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    g = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    nodes = [
        {k: g.nodes[n["id"]].get(k) for k in ("label", "kind", "mentions", "aliases")} | {"id": n["id"]}
        for n in expected["exact"]["nodes"]
    ]
    same("networkx json", "node count", g.number_of_nodes(), len(nodes))
    edges = []
    for u, v, a in g.edges(data=True):
        attrs, first = a["attributes"], a["evidence"][0]
        edges.append(
            {
                "source": u,
                "target": v,
                "relation": a["relation"],
                "weight": float(len(a["evidence"])),
                "modality": attrs.get("modality"),
                "quantity": attrs.get("quantity"),
                "date": attrs.get("date"),
                "evidence_count": len(a["evidence"]),
                "evidence": first["text"],
                "doc": first["doc"],
                "rule": first["rule"],
            }
        )
    # networkx groups a multigraph's edges by source, then by target, which is not
    # the file's order when one source has several relations: put them back in the
    # file's order by their identity (source, target, relation, modality), which
    # is unique. The JSON keeps control characters, so it is compared with the exact text.
    key = lambda e: (e["source"], e["target"], e["relation"], e["modality"])
    order = {key(e): i for i, e in enumerate(expected["exact"]["edges"])}
    edges.sort(key=lambda e: order.get(key(e), len(order)))
    return compare("networkx json", nodes, edges, expected["exact"])


def python_csv(nodes_path, edges_path, expected):
    with open(nodes_path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, strict=True))
    same("python csv", "nodes header", ",".join(rows[0]), "id:ID,label,kind:LABEL,mentions:int,aliases")
    nodes = [
        {"id": r[0], "label": r[1], "kind": r[2], "mentions": int(r[3]), "aliases": split_aliases(r[4], CSV_ALIAS_SEPARATOR)}
        for r in rows[1:]
    ]
    with open(edges_path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, strict=True))
    header = ":START_ID,:END_ID,:TYPE,relation,weight:double,modality,quantity:long,date,evidence,doc,rule"
    same("python csv", "edges header", ",".join(rows[0]), header)
    edges = []
    for r in rows[1:]:
        same("python csv", "column count", len(r), 11)
        same("python csv", ":TYPE", r[2], r[3].upper())
        edges.append(
            {
                "source": r[0],
                "target": r[1],
                "relation": r[3],
                "weight": float(r[4]),
                "modality": r[5],
                "quantity": int(r[6]) if r[6] else None,
                "date": r[7] or None,
                "evidence_count": int(float(r[4])),
                "evidence": r[8],
                "doc": r[9],
                "rule": r[10],
            }
        )
    return compare("python csv", nodes, edges, expected)


def main():
    d = sys.argv[1].rstrip("/") + "/"
    with open(d + "expected.json", encoding="utf-8") as f:
        expected = json.load(f)
    try:
        summary = {
            "networkx_graphml": networkx_graphml(d + "graph.graphml", expected),
            "igraph_graphml": igraph_graphml(d + "graph.graphml", expected),
            "networkx_gexf": networkx_gexf(d + "graph.gexf", expected),
            "networkx_json": networkx_json(d + "graph.json", expected),
            "python_csv": python_csv(d + "nodes.csv", d + "edges.csv", expected),
        }
    except Mismatch as e:
        print(f"check_networkx.py: {d}: {e}", file=sys.stderr)
        sys.exit(1)
    summary["versions"] = {"networkx": nx.__version__, "igraph": igraph.__version__}
    print(json.dumps(summary, sort_keys=True))


if __name__ == "__main__":
    main()
