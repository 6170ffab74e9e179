//! The exports opened by real clients: xmllint against the GraphML XSD and
//! the GEXF grammar; Graphviz `dot` rendering with exit 0 and empty stderr;
//! networkx and igraph reading the GraphML, networkx the GEXF and the JSON,
//! Python's csv module the CSV (`tests/clients/check_networkx.py`);
//! graphology, which Gephi Lite uses, parsing the GraphML and the GEXF
//! (`tests/clients/check_graphology.mjs`). The scripts compare what they
//! read with `expected.json`, written here from the graph itself, field by
//! field and type by type, and print a JSON summary of the counts.
//!
//! A missing client is reported on stderr (`SKIPPED: …`) and the check is
//! skipped, never silently passed; `.ci/run` installs them.

use crate::common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};
use trame::export::dot::Layout;
use trame::export::{self, Format};
use trame::graph::{AttrValue, Evidence, Fact, GraphBuilder};
use trame::ontology::{Modality, NodeKind, Relation};

/// Says on stderr that a check is skipped. Written to the stream itself,
/// not through `eprintln!`, which the test harness captures and hides for a
/// passing test: a skip must show in a plain `cargo test` run.
fn skipped(what: &str) {
    let _ = writeln!(std::io::stderr(), "SKIPPED: {what}");
}

fn have(tool: &str) -> bool {
    let ok = Command::new(tool).arg("--version").output().is_ok() || Command::new(tool).arg("-V").output().is_ok();
    if !ok {
        skipped(&format!("`{tool}` is not installed (apt-get install graphviz libxml2-utils)"));
    }
    ok
}

fn schemas() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/schemas");
    if dir.exists() {
        Some(dir)
    } else {
        skipped("../shared/schemas is not beside the repository");
        None
    }
}

/// A graph whose labels hold every escaping trap, with parallel edges, an
/// edge with a quantity and a date, and an isolated node.
fn trap_graph() -> trame::Graph {
    let mut b = GraphBuilder::new();
    let trap = "Trap « » ’ & < > \" \\ a\u{7}b\nsecond  line end\\";
    b.mention("person:trap", NodeKind::Person, trap, true);
    b.mention("person:trap", NodeKind::Person, "Trap", true);
    b.mention("country:x", NodeKind::Country, "Côte d’Ivoire & <Cie>", true);
    b.mention("country:x", NodeKind::Country, "RCI", true);
    b.mention("organization:y", NodeKind::Organization, "Org  «double»  spaces, \"quoted\"", true);
    b.mention("location:z", NodeKind::Location, "Zone \\ seule\\", false);
    let facts = [
        ("person:trap", Relation::AffiliatedWith, "country:x", Modality::Asserted, "« x » & ]]> y", vec![]),
        ("person:trap", Relation::MemberOf, "country:x", Modality::Reported, "a, \"b\"\nc\u{1}\\", vec![]),
        (
            "country:x",
            Relation::Deploys,
            "organization:y",
            Modality::Asserted,
            "3 000 soldats, le 23 octobre",
            vec![("quantity", AttrValue::Int(3000)), ("date", AttrValue::Text("2024-10-23".into()))],
        ),
    ];
    for (source, relation, target, modality, text, attrs) in facts {
        b.fact(Fact {
            source: source.into(),
            relation,
            target: target.into(),
            modality,
            evidence: Evidence {
                doc: "a&b, \"c\".txt".into(),
                sentence: 0,
                start: 0,
                end: 3,
                text: text.into(),
                rule: "r/<&>".into(),
                attrs: attrs.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
            },
        });
    }
    b.finish()
}

fn seeds_graph() -> trame::Graph {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let loaded = trame::input::load(&[root]).unwrap();
    trame::Pipeline::builtin().run(&loaded.docs)
}

fn write(g: &trame::Graph, f: Format, dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(format!("{name}.{}", f.extension()));
    let mut out = Vec::new();
    export::write(g, f, &mut out).unwrap();
    std::fs::write(&path, out).unwrap();
    path
}

#[test]
fn graphml_and_gexf_validate_against_their_schemas() {
    let (Some(schemas), true) = (schemas(), have("xmllint")) else { return };
    let dir = common::temp_dir("clients_xml");
    for (name, g) in [("seeds", seeds_graph()), ("trap", trap_graph())] {
        let gm = write(&g, Format::Graphml, &dir, name);
        let o = Command::new("xmllint")
            .arg("--noout")
            .arg("--schema")
            .arg(schemas.join("graphml.xsd"))
            .arg(&gm)
            .output()
            .unwrap();
        assert!(o.status.success(), "{name}.graphml: {}", String::from_utf8_lossy(&o.stderr));
        let gx = write(&g, Format::Gexf, &dir, name);
        let o = Command::new("xmllint")
            .arg("--noout")
            .arg("--relaxng")
            .arg(schemas.join("gexf.rng"))
            .arg(&gx)
            .output()
            .unwrap();
        assert!(o.status.success(), "{name}.gexf: {}", String::from_utf8_lossy(&o.stderr));
    }
}

#[test]
fn dot_renders_with_exit_0_and_empty_stderr() {
    if !have("dot") {
        return;
    }
    let dir = common::temp_dir("clients_dot");
    for (name, g) in [("seeds", seeds_graph()), ("trap", trap_graph())] {
        let path = write(&g, Format::Dot, &dir, name);
        for (layout, engine) in [(Layout::Dot, "dot"), (Layout::Neato, "neato"), (Layout::Sfdp, "sfdp")] {
            let path = dir.join(format!("{name}.{engine}.dot"));
            let mut text = Vec::new();
            export::dot::write(&g, layout, &mut text).unwrap();
            std::fs::write(&path, text).unwrap();
            for fmt in ["-Tsvg", "-Tpng"] {
                let o = Command::new("dot").arg(fmt).arg(format!("-K{engine}")).arg(&path).output().unwrap();
                assert!(
                    o.status.success() && o.stderr.is_empty() && !o.stdout.is_empty(),
                    "{name} {engine} {fmt}: {}",
                    String::from_utf8_lossy(&o.stderr)
                );
            }
        }
        // Every label comes back in the SVG text (Graphviz writes a second space as U+00A0).
        if name == "trap" {
            let o = Command::new("dot").arg("-Tsvg").arg(&path).output().unwrap();
            let svg = String::from_utf8_lossy(&o.stdout).replace('\u{a0}', " ");
            assert!(svg.contains("Côte d’Ivoire &amp; &lt;Cie&gt;"), "{svg}");
        }
    }
}

/// Text as every export carries it: control characters other than newline
/// and tab are dropped (XML 1.0 forbids them; DOT and CSV drop them too).
fn clean(s: &str) -> String {
    s.chars().filter(|&c| c == '\n' || c == '\t' || !(c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}')).collect()
}

/// What every client should read back, in the files' order (node i is
/// GraphML's `n<i>`, edge i is `e<i>`): text without control characters,
/// and under `exact` the text as it is, which the JSON keeps.
fn expected(g: &trame::Graph) -> Value {
    let mut cleaned = records(g, clean);
    cleaned["exact"] = records(g, str::to_string);
    // Every sentence of every edge, as the XML `evidence` column carries them.
    cleaned["evidence_lines"] = g
        .edges()
        .iter()
        .map(|e| {
            e.evidence
                .iter()
                .map(|ev| json!({"doc": ev.doc, "sentence": ev.sentence, "text": ev.text, "rule": ev.rule}))
                .collect::<Vec<_>>()
        })
        .collect();
    cleaned
}

fn records(g: &trame::Graph, clean: fn(&str) -> String) -> Value {
    let nodes: Vec<Value> = g
        .nodes()
        .map(|n| {
            json!({
                "id": n.id,
                "label": clean(&n.label),
                "kind": n.kind.as_str(),
                "mentions": n.mentions,
                "aliases": n.aliases.iter().map(|a| clean(a)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let edges: Vec<Value> = g
        .edges()
        .iter()
        .map(|e| {
            let first = &e.evidence[0];
            json!({
                "source": e.source,
                "target": e.target,
                "relation": e.relation.as_str(),
                "weight": e.evidence.len() as f64,
                "modality": e.modality.as_str(),
                "quantity": match e.attrs.get("quantity") { Some(AttrValue::Int(n)) => json!(n), _ => Value::Null },
                "date": match e.attrs.get("date") { Some(AttrValue::Text(s)) => json!(s), _ => Value::Null },
                "evidence_count": e.evidence.len(),
                "evidence": clean(&first.text),
                "doc": clean(&first.doc),
                "rule": first.rule,
            })
        })
        .collect();
    json!({ "nodes": nodes, "edges": edges })
}

/// Writes every export of `g`, and `expected.json`, into a fresh folder.
fn export_all(g: &trame::Graph, name: &str) -> PathBuf {
    let dir = common::temp_dir(name);
    for f in [Format::Json, Format::Graphml, Format::Gexf, Format::Dot] {
        write(g, f, &dir, "graph");
    }
    let mut nodes = Vec::new();
    export::csv::write_nodes(g, &mut nodes).unwrap();
    std::fs::write(dir.join("nodes.csv"), nodes).unwrap();
    let mut edges = Vec::new();
    export::csv::write_edges(g, &mut edges).unwrap();
    std::fs::write(dir.join("edges.csv"), edges).unwrap();
    std::fs::write(dir.join("expected.json"), serde_json::to_vec_pretty(&expected(g)).unwrap()).unwrap();
    dir
}

fn clients_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/clients")
}

/// Runs a checker script on an export folder; it must exit 0, and its
/// stdout is the JSON summary.
fn run_checker(program: &Path, script: &str, dir: &Path) -> Value {
    let o = Command::new(program).arg(clients_dir().join(script)).arg(dir).output().unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{script} on {}: {stderr}", dir.display());
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{script}: not JSON ({e}): {stderr}"))
}

/// Asserts that every client of a summary read `nodes` nodes and `edges` edges.
fn assert_counts(summary: &Value, clients: &[&str], nodes: usize, edges: usize) {
    for client in clients {
        let c = &summary[client];
        assert_eq!(
            (c["nodes"].as_u64(), c["edges"].as_u64()),
            (Some(nodes as u64), Some(edges as u64)),
            "{client}: {summary}"
        );
    }
}

#[test]
fn networkx_igraph_and_csv_read_back_every_field() {
    let python = Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv-clients/bin/python");
    let installed = python.exists()
        && Command::new(&python).args(["-c", "import networkx, igraph"]).output().is_ok_and(|o| o.status.success());
    if !installed {
        skipped(
            "networkx/igraph not installed (run .ci/run or: python3 -m venv .venv-clients && \
             .venv-clients/bin/pip install networkx==3.6.1 igraph==1.0.0)",
        );
        return;
    }
    for (name, g) in [("seeds", seeds_graph()), ("trap", trap_graph())] {
        let dir = export_all(&g, &format!("clients_py_{name}"));
        let summary = run_checker(&python, "check_networkx.py", &dir);
        eprintln!("{name}: {summary}");
        let clients = ["networkx_graphml", "igraph_graphml", "networkx_gexf", "networkx_json", "python_csv"];
        assert_counts(&summary, &clients, g.nodes().len(), g.edges().len());
    }
}

#[test]
fn graphology_parses_graphml_and_gexf() {
    let modules = clients_dir().join("node_modules");
    let node = Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success());
    if !node || !modules.join("graphology-graphml").exists() || !modules.join("graphology-gexf").exists() {
        skipped("graphology not installed (run .ci/run or: npm ci --prefix tests/clients)");
        return;
    }
    for (name, g) in [("seeds", seeds_graph()), ("trap", trap_graph())] {
        let dir = export_all(&g, &format!("clients_js_{name}"));
        let summary = run_checker(Path::new("node"), "check_graphology.mjs", &dir);
        eprintln!("{name}: {summary}");
        assert_counts(&summary, &["graphology_graphml", "graphology_gexf"], g.nodes().len(), g.edges().len());
    }
}

#[test]
fn trap_fixture_has_the_traps() {
    let g = trap_graph();
    assert_eq!((g.nodes().len(), g.edges().len()), (4, 3));
    // Two edges between the same two nodes, one isolated node.
    assert_eq!(g.edges().iter().filter(|e| e.source == "person:trap" && e.target == "country:x").count(), 2);
    assert!(g.edges().iter().all(|e| e.source != "location:z" && e.target != "location:z"));
}

fn query(args: &[&str]) -> std::process::Output {
    Command::new(common::bin()).args(args).output().unwrap()
}

/// A GraphML file that networkx wrote, as a user of networkx (or of Gephi)
/// saves one, is queried: networkx gives its keys its own ids (`d0`, `d1`…),
/// so trame finds the columns by name. One graph is networkx's own,
/// with a node of no kind; the other is trame's GraphML read and written
/// back by networkx, which must answer like the JSON it came from.
#[test]
fn a_graphml_written_by_networkx_is_queried() {
    let python = Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv-clients/bin/python");
    if !python.exists()
        || !Command::new(&python).args(["-c", "import networkx"]).output().is_ok_and(|o| o.status.success())
    {
        skipped("networkx not installed (run .ci/run): the networkx GraphML is not queried");
        return;
    }
    let dir = common::temp_dir("clients_nx_query");
    let own = dir.join("own.graphml");
    let script = r#"
import sys, networkx as nx
g = nx.MultiDiGraph()
g.add_node("p1", label="Ilse Varga", kind="person", mentions=3)
g.add_node("c1", label="Borduria", kind="country")
g.add_node("c2", label="Syldavie", kind="country")
g.add_node("x", label="Groupe « Nord » & fils")
g.add_edge("p1", "c1", relation="visited", evidence="Ilse Varga s'est rendue en Borduria.", doc="a.txt", quantity=2)
g.add_edge("c1", "c2", relation="attacks", evidence="La Borduria a attaqué la Syldavie.")
g.add_edge("x", "c2", relation="supplies")
nx.write_graphml(g, sys.argv[1])
"#;
    let o = Command::new(&python).args(["-c", script]).arg(&own).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let own = own.to_str().unwrap();

    let o = query(&["path", "Ilse Varga", "Syldavie", "--graph", own, "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let text = v.to_string();
    assert!(text.contains("La Borduria a attaqué la Syldavie.") && text.contains("a.txt"), "{text}");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("1 nodes have no kind trame knows: read as organization"), "{err}");
    assert!(err.contains("1 edges have no evidence sentence"), "{err}");

    let o = query(&["neighbors", "Borduria", "--graph", own]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("Ilse Varga") && out.contains("Syldavie"), "{out}");
    let o = query(&["top", "--kind", "country", "--graph", own]);
    assert!(o.status.success() && String::from_utf8_lossy(&o.stdout).contains("Syldavie"));
    let o = query(&["subgraph", "Groupe « Nord » & fils", "--graph", own, "--format", "json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("\"supplies\""));

    // trame's GraphML, read and written back by networkx.
    let g = seeds_graph();
    let json = write(&g, Format::Json, &dir, "seeds");
    let graphml = write(&g, Format::Graphml, &dir, "seeds");
    let rewritten = dir.join("seeds-nx.graphml");
    let script = "import sys, networkx as nx; nx.write_graphml(nx.read_graphml(sys.argv[1], force_multigraph=True), sys.argv[2])";
    let o = Command::new(&python).args(["-c", script]).arg(&graphml).arg(&rewritten).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = std::fs::read_to_string(&rewritten).unwrap();
    assert!(text.contains(r#"<key id="d0""#), "networkx keeps its own key ids");
    let (json, rewritten) = (json.to_str().unwrap(), rewritten.to_str().unwrap());
    let first = g.nodes().find(|n| n.kind == NodeKind::Country).unwrap().label.clone();
    for args in [vec!["top"], vec!["neighbors", &first], vec!["stats"]] {
        let a = query(&[&args[..], &["--graph", json]].concat());
        let b = query(&[&args[..], &["--graph", rewritten]].concat());
        assert_eq!(a.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&a.stderr));
        // `stats` names the graph it read.
        let (a_out, b_out) = (String::from_utf8_lossy(&a.stdout), String::from_utf8_lossy(&b.stdout));
        assert_eq!(a_out.replace(json, "G"), b_out.replace(rewritten, "G"), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&b.stderr), "", "{args:?}");
    }
}
