//! Helpers shared by the integration tests.
#![allow(dead_code)]

use trame::{Document, Graph, Pipeline};

/// Builds the graph of one text.
pub fn graph_of(text: &str) -> Graph {
    graph_of_docs(&[("t.txt", text)])
}

/// Builds the graph of several documents.
pub fn graph_of_docs(docs: &[(&str, &str)]) -> Graph {
    let docs: Vec<Document> = docs.iter().map(|(n, t)| Document::new(*n, *t)).collect();
    Pipeline::builtin().run(&docs)
}

/// The edges of a graph as sorted "source label -relation-> target label" lines.
pub fn triples(g: &Graph) -> Vec<String> {
    let label = |id: &str| g.node(id).map_or(id.to_string(), |n| n.label.clone());
    let mut out: Vec<String> = g
        .edges()
        .iter()
        .map(|e| format!("{} -{}-> {}", label(&e.source), e.relation.as_str(), label(&e.target)))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The nodes of a graph as sorted "kind:label" strings.
pub fn nodes(g: &Graph) -> Vec<String> {
    let mut out: Vec<String> = g.nodes().map(|n| format!("{}:{}", n.kind.as_str(), n.label)).collect();
    out.sort();
    out
}

/// Path of the built binary.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_trame")
}

/// A fresh temporary folder under the target dir.
pub fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
