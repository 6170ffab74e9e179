//! `trame build` filters: kinds, relations, claims left out, evidence
//! counts, dates, isolated nodes; and their errors.

use crate::common;

use std::process::Command;

use serde_json::Value;

const ARTICLE: &str = "Le président kényan William Ruto a rencontré hier le président sénégalais Amadou Sèye à Dakar. \
La ministre française Hélène Ferrié a déclaré que la paix viendrait. \
Le Kenya a déployé 200 soldats au Soudan le 3 février.";

fn build(args: &[&str]) -> Value {
    let dir = common::temp_dir("filters");
    let line = serde_json::json!({"id": "a", "text": ARTICLE, "date": "2020-03-12"}).to_string();
    std::fs::write(dir.join("a.jsonl"), line + "\n").unwrap();
    let o = Command::new(common::bin())
        .current_dir(&dir)
        .args(["build", "a.jsonl", "--format", "json", "-o", "-"])
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn all<'a>(g: &'a Value, what: &str, key: &str) -> Vec<&'a str> {
    g[what].as_array().unwrap().iter().map(|x| x[key].as_str().unwrap()).collect()
}

#[test]
fn each_filter_narrows_the_graph() {
    let full = build(&[]);
    assert!(all(&full, "nodes", "kind").contains(&"claim"));
    let g = build(&["--kind", "person,country"]);
    assert!(all(&g, "nodes", "kind").iter().all(|k| *k == "person" || *k == "country"));
    let g = build(&["--relation", "met"]);
    assert!(!all(&g, "edges", "relation").is_empty() && all(&g, "edges", "relation").iter().all(|r| *r == "met"));
    let g = build(&["--actors-only"]);
    assert!(!all(&g, "nodes", "kind").contains(&"claim") && !all(&g, "edges", "relation").contains(&"stated"));
    // The claims left out are counted on their speaker, and only then.
    let speaker = g["nodes"].as_array().unwrap().iter().find(|n| n["id"] == "person:helene-ferrie").unwrap();
    assert_eq!(speaker["claims"], 1, "{speaker}");
    assert!(full["nodes"].as_array().unwrap().iter().all(|n| n.get("claims").is_none()));
    assert!(build(&["--min-evidence", "2"])["edges"].as_array().unwrap().is_empty());
    // "hier" is 2020-03-11 and "le 3 février" 2020-02-03, against the article's date.
    let g = build(&["--since", "2020-03-01"]);
    assert_eq!(all(&g, "edges", "relation"), ["met"]);
    let g = build(&["--until", "2020-02-29"]);
    assert_eq!(all(&g, "edges", "relation"), ["deploys"]);
    let g = build(&["--relation", "met", "--drop-isolated"]);
    let mut ids = all(&g, "nodes", "id");
    ids.sort_unstable();
    assert_eq!(ids, ["person:amadou-seye", "person:william-ruto"]);
}

#[test]
fn bad_filter_values_are_refused_with_the_choices() {
    let o = Command::new(common::bin()).args(["build", "seeds", "--kind", "persons"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("one of person, country"));
    let o = Command::new(common::bin()).args(["build", "seeds", "--since", "12/03/2020"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("write YYYY-MM-DD"));
}

/// Writes the article's graph.json into a fresh folder, for the queries.
fn graph_dir() -> std::path::PathBuf {
    let dir = common::temp_dir("filters-subgraph");
    let line = serde_json::json!({"id": "a", "text": ARTICLE, "date": "2020-03-12"}).to_string();
    std::fs::write(dir.join("a.jsonl"), line + "\n").unwrap();
    let o = Command::new(common::bin())
        .current_dir(&dir)
        .args(["build", "a.jsonl", "--format", "json", "-o", "graph.json"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    dir
}

#[test]
fn subgraph_takes_the_filters_and_writes_gexf() {
    let dir = graph_dir();
    let run = |args: &[&str]| {
        let o = Command::new(common::bin())
            .current_dir(&dir)
            .arg("subgraph")
            .args(args)
            .args(["--graph", "graph.json"])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        o.stdout
    };
    let whole: Value = serde_json::from_slice(&run(&["William Ruto", "--hops", "2", "--format", "json"])).unwrap();
    assert!(all(&whole, "nodes", "kind").contains(&"country"), "{whole}");
    let people: Value =
        serde_json::from_slice(&run(&["William Ruto", "--hops", "2", "--format", "json", "--kind", "person"])).unwrap();
    assert_eq!(all(&people, "nodes", "kind"), ["person", "person"], "{people}");
    assert_eq!(all(&people, "edges", "relation"), ["met"]);
    let met: Value =
        serde_json::from_slice(&run(&["William Ruto", "--format", "json", "--relation", "met", "--drop-isolated"]))
            .unwrap();
    assert_eq!(all(&met, "edges", "relation"), ["met"]);
    assert_eq!(all(&met, "nodes", "id").len(), 2);
    let gexf = String::from_utf8(run(&["William Ruto", "--format", "gexf"])).unwrap();
    assert!(gexf.contains("<gexf ") && gexf.contains("William Ruto") && gexf.contains("Amadou Sèye"), "{gexf}");
}

#[test]
fn a_picture_of_a_large_graph_draws_the_central_actors_and_says_so() {
    let dir = common::temp_dir("filters-dot");
    let o = Command::new(common::bin())
        .current_dir(&dir)
        .arg("build")
        .arg(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"))
        .args(["--format", "dot", "-o", "small.dot", "--dot-limit", "12"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("12 most central of") && err.contains("--dot-limit 0"), "{err}");
    let dot = std::fs::read_to_string(dir.join("small.dot")).unwrap();
    let o = Command::new(common::bin())
        .current_dir(&dir)
        .arg("build")
        .arg(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"))
        .args(["--format", "dot", "-o", "all.dot", "--dot-limit", "0"])
        .output()
        .unwrap();
    assert!(o.status.success() && !String::from_utf8_lossy(&o.stderr).contains("most central"));
    let all_dot = std::fs::read_to_string(dir.join("all.dot")).unwrap();
    // Nodes are the lines that declare an id with a label and no edge arrow.
    let count =
        |d: &str| d.lines().filter(|l| l.contains("[label=") && !l.contains("->") && !l.contains("legend")).count();
    assert!(count(&dot) < count(&all_dot), "{} vs {}", count(&dot), count(&all_dot));
    // Each node's tooltip names its id after an escaped line break.
    assert!(all_dot.contains(r"\nclaim:") && !dot.contains(r"\nclaim:"), "claims are left out of the picture");
    // Roles of the kept people stay.
    assert!(dot.contains(r"\nrole:"));
}

#[test]
fn the_claim_count_reaches_every_format() {
    let dir = common::temp_dir("filters-claims");
    let line = serde_json::json!({"id": "a", "text": ARTICLE, "date": "2020-03-12"}).to_string();
    std::fs::write(dir.join("a.jsonl"), line + "\n").unwrap();
    let o = Command::new(common::bin())
        .current_dir(&dir)
        .args(["build", "a.jsonl", "--actors-only", "--out-dir", "out"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let graphml = std::fs::read_to_string(dir.join("out/graph.graphml")).unwrap();
    assert!(graphml.contains(r#"<key id="v_claims" for="node" attr.name="claims" attr.type="int"/>"#));
    assert!(graphml.contains(r#"<data key="v_claims">1</data>"#), "{graphml}");
    let gexf = std::fs::read_to_string(dir.join("out/graph.gexf")).unwrap();
    assert!(gexf.contains(r#"<attribute id="claims" title="claims" type="integer"/>"#));
    assert!(gexf.contains(r#"<attvalue for="claims" value="1"/>"#), "{gexf}");
    let dot = std::fs::read_to_string(dir.join("out/graph.dot")).unwrap();
    assert!(dot.contains("1 claims"));
    let html = std::fs::read_to_string(dir.join("out/graph.html")).unwrap();
    let open = r#"<script type="application/json" id="trame-data">"#;
    let data = &html[html.find(open).unwrap() + open.len()..];
    let data: Value = serde_json::from_str(&data[..data.find("</script>").unwrap()].replace(r"<\/", "</")).unwrap();
    let speaker = data["nodes"].as_array().unwrap().iter().find(|n| n[0] == "person:helene-ferrie").unwrap();
    assert_eq!(speaker.as_array().unwrap().len(), 8, "{speaker}");
    assert_eq!(speaker[7], 1);
    // Read back, the JSON and the GraphML give the same graph, counts kept.
    let json = std::fs::read_to_string(dir.join("out/graph.json")).unwrap();
    let from_json = trame::graph::load::from_json(&json).unwrap();
    let from_xml = trame::graph::xml::from_xml(&graphml, "graph.graphml").unwrap().graph;
    let mut again = Vec::new();
    trame::export::write(&from_json, trame::export::Format::Json, &mut again).unwrap();
    assert_eq!(String::from_utf8(again).unwrap(), json);
    assert_eq!(from_xml.node("person:helene-ferrie").and_then(|n| n.claims), Some(1));
}
