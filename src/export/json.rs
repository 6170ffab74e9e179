//! The JSON export, exactly the shape of `shared/ontology.md` (the scorer
//! reads it). Private wire structs borrow from the graph, so the model types
//! need not derive `Serialize` and the contract lives in this one file.

use std::io::{self, Write};

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::graph::{AttrValue, Attrs, Evidence, Graph};

#[derive(Serialize)]
struct WireGraph<'a> {
    nodes: Vec<WireNode<'a>>,
    edges: Vec<WireEdge<'a>>,
}

#[derive(Serialize)]
struct WireNode<'a> {
    id: &'a str,
    label: &'a str,
    kind: &'static str,
    aliases: &'a [String],
    mentions: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    claims: Option<u32>,
}

#[derive(Serialize)]
struct WireEdge<'a> {
    source: &'a str,
    target: &'a str,
    relation: &'static str,
    attributes: WireAttrs<'a>,
    evidence: Vec<WireEvidence<'a>>,
}

#[derive(Serialize)]
struct WireEvidence<'a> {
    doc: &'a str,
    sentence: usize,
    start: usize,
    end: usize,
    text: &'a str,
    rule: &'a str,
    #[serde(skip_serializing_if = "attrs_empty")]
    attributes: WireAttrs<'a>,
}

impl<'a> WireEvidence<'a> {
    fn of(ev: &'a Evidence) -> Self {
        WireEvidence {
            doc: &ev.doc,
            sentence: ev.sentence,
            start: ev.start,
            end: ev.end,
            text: &ev.text,
            rule: &ev.rule,
            attributes: WireAttrs(&ev.attrs),
        }
    }
}

/// Every piece of evidence of an edge as JSON Lines: one compact object a
/// line, with the fields of the JSON export's `evidence` (doc, sentence,
/// start, end, text, rule, attributes). A JSON string never holds a raw
/// newline, so the newline between objects is a separator no sentence can
/// fake. The GraphML and GEXF `evidence` column, read back by `graph::xml`.
pub(crate) fn evidence_lines(evidence: &[Evidence]) -> String {
    let mut out = String::new();
    for (i, ev) in evidence.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        // Serializing borrowed strings and integers cannot fail.
        out.push_str(&serde_json::to_string(&WireEvidence::of(ev)).expect("evidence serializes"));
    }
    out
}

fn attrs_empty(a: &WireAttrs) -> bool {
    a.0.is_empty()
}

struct WireAttrs<'a>(&'a Attrs);

impl Serialize for WireAttrs<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            match v {
                AttrValue::Int(n) => map.serialize_entry(k, n)?,
                AttrValue::Text(t) => map.serialize_entry(k, t)?,
            }
        }
        map.end()
    }
}

/// Writes the graph as pretty-printed JSON ending with one newline.
///
/// # Example
/// ```
/// let docs = [trame::Document::new("a.txt", "Le président kényan William Ruto est arrivé.")];
/// let graph = trame::Pipeline::builtin().run(&docs);
/// let mut out = Vec::new();
/// trame::export::json::write(&graph, &mut out).unwrap();
/// let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
/// assert!(v["nodes"].as_array().unwrap().iter().any(|n| n["label"] == "William Ruto"));
/// ```
pub fn write(graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
    let wire = WireGraph {
        nodes: graph
            .nodes()
            .map(|n| WireNode {
                id: &n.id,
                label: &n.label,
                kind: n.kind.as_str(),
                aliases: &n.aliases,
                mentions: n.mentions,
                claims: n.claims,
            })
            .collect(),
        edges: graph
            .edges()
            .iter()
            .map(|e| WireEdge {
                source: &e.source,
                target: &e.target,
                relation: e.relation.as_str(),
                attributes: WireAttrs(&e.attrs),
                evidence: e.evidence.iter().map(WireEvidence::of).collect(),
            })
            .collect(),
    };
    // `io::Error::from` keeps the kind of a write error (a closed pipe stays one).
    serde_json::to_writer_pretty(&mut *out, &wire).map_err(io::Error::from)?;
    out.write_all(b"\n")
}
