//! Reads a graph back from GraphML or GEXF through quick-xml's `Reader`, so
//! the query commands answer on a file that a user edited in Gephi and
//! saved, or that networkx, igraph or yEd wrote. The caller reads the file;
//! this parses text.
//!
//! Columns are found by name, not by key id (Gephi and networkx give keys
//! their own ids: `d3`, `label`, `0`), and names are compared without case
//! (Gephi writes `Label`). What each column gives:
//!
//! - nodes: the trame id from `node_id` (else the file's id, kept when it is
//!   already `kind:…`, else prefixed with the kind), the label from `label`
//!   (GraphML data or the GEXF attribute, else the id), `kind`, `aliases`
//!   (joined by ` | `), `mentions`;
//! - edges: `relation` (else the GEXF `kind` or the label), `modality`, and
//!   the evidence from `evidence`. trame writes every sentence there, one
//!   JSON object a line; those come back whole, offsets and attributes
//!   included, so trame's own GraphML and GEXF load into the same graph as
//!   its JSON. Any other text is one sentence, with `doc` and `rule` if the
//!   file has them, and the edge's other columns (`quantity`, `date`…) as
//!   its attributes.
//!
//! What the model needs and a foreign file may lack is filled in and said
//! in the notes returned beside the graph: a node of no known kind is an
//! organization (an actor, so paths go through it), an edge with no
//! relation is `affiliated_with`, an edge with no evidence gets one empty
//! sentence of the file. Bad XML, an edge to a missing node, two nodes with
//! one id and a relation or kind that is spelled but unknown are refused
//! with a message naming the line or the element, listing the valid names.
//!
//! Everything goes through `GraphBuilder`, so a loaded graph obeys the
//! invariants of a built one (sorted, symmetric relations stored once).

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use serde::Deserialize;

use crate::ontology::{Modality, NodeKind, Relation};

use super::model::{AttrValue, Attrs, Evidence, Fact, Graph, GraphBuilder};

/// The largest file read, as for the JSON (`load::MAX_JSON_BYTES`): the
/// query index addresses everything with 32-bit numbers.
pub const MAX_XML_BYTES: usize = super::load::MAX_JSON_BYTES;

/// Separator of the `aliases` column, as `export::graphml` writes it.
const ALIAS_SEPARATOR: &str = " | ";

/// The kind given to a node whose file says none that trame knows.
const DEFAULT_KIND: NodeKind = NodeKind::Organization;

/// The relation given to an edge whose file says none.
const DEFAULT_RELATION: Relation = Relation::AffiliatedWith;

/// Edge columns that are no attribute of a sentence.
const EDGE_COLUMNS: [&str; 12] = [
    "relation",
    "weight",
    "evidence_count",
    "evidence",
    "doc",
    "rule",
    "modality",
    "label",
    "kind",
    "id",
    "source",
    "target",
];

/// A graph read from XML, and what had to be filled in to read it.
#[derive(Debug)]
pub struct Loaded {
    /// The graph.
    pub graph: Graph,
    /// One line per kind of gap filled (no kind, no relation, no evidence).
    pub notes: Vec<String>,
}

#[derive(Default)]
struct RawNode {
    id: String,
    line: usize,
    label: Option<String>,
    columns: Vec<(String, String)>,
}

#[derive(Default)]
struct RawEdge {
    source: String,
    target: String,
    line: usize,
    /// GEXF's `label` and `kind` XML attributes.
    label: Option<String>,
    kind: Option<String>,
    columns: Vec<(String, String)>,
}

fn column<'a>(columns: &'a [(String, String)], name: &str) -> Option<&'a str> {
    columns.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

#[derive(Clone, Copy)]
enum Owner {
    Node(usize),
    Edge(usize),
}

/// One sentence as trame writes it in the `evidence` column.
#[derive(Deserialize)]
struct WireEvidence {
    doc: String,
    sentence: usize,
    start: usize,
    end: usize,
    text: String,
    rule: String,
    #[serde(default)]
    attributes: HashMap<String, serde_json::Value>,
}

/// The line of byte `pos` in `text`, from 1.
fn line_of(text: &str, pos: usize) -> usize {
    text.as_bytes()[..pos.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

/// The attributes of a tag, names lowercased and values unescaped and
/// normalized as XML says (a literal newline, tab or carriage return is a space).
fn attributes(e: &BytesStart, text: &str, pos: usize) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for attr in e.attributes() {
        let attr = attr.map_err(|err| format!("line {}: bad attribute: {err}", line_of(text, pos)))?;
        let key = String::from_utf8_lossy(attr.key.local_name().as_ref()).to_lowercase();
        let raw = String::from_utf8_lossy(&attr.value);
        let normalized = raw.replace("\r\n", "\n").replace(['\n', '\t', '\r'], " ");
        let value = quick_xml::escape::unescape(&normalized)
            .map_err(|err| format!("line {}: attribute {key}: {err}", line_of(text, pos)))?
            .into_owned();
        out.push((key, value));
    }
    Ok(out)
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// Everything of the file that the graph is made of, before it is checked.
#[derive(Default)]
struct Raw {
    nodes: Vec<RawNode>,
    edges: Vec<RawEdge>,
}

fn parse(text: &str) -> Result<Raw, String> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut raw = Raw::default();
    // GraphML key id → (domain, name); GEXF (class, attribute id) → title.
    let mut keys: HashMap<String, String> = HashMap::new();
    let mut titles: HashMap<(bool, String), String> = HashMap::new();
    let mut gexf_class_edge = false;
    let mut root: Option<String> = None;
    let mut owners: Vec<Owner> = Vec::new();
    // The key of the <data> element being read, and its text so far.
    let mut data: Option<(String, String)> = None;
    loop {
        let pos = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| {
            format!("line {}: not well-formed XML: {e}", line_of(text, reader.error_position() as usize))
        })?;
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            _ => (None, false),
        };
        if let Some(e) = start {
            let name = String::from_utf8_lossy(e.local_name().as_ref()).to_lowercase();
            let attrs = attributes(e, text, pos)?;
            if root.is_none() {
                if name != "graphml" && name != "gexf" {
                    return Err(format!("the root element is <{name}>, not <graphml> or <gexf>"));
                }
                root = Some(name.clone());
            }
            let line = line_of(text, pos);
            match name.as_str() {
                "key" => {
                    let id = attr(&attrs, "id").unwrap_or_default().to_string();
                    let title = attr(&attrs, "attr.name").map(str::to_string).unwrap_or_else(|| id.clone());
                    keys.insert(id, title.to_lowercase());
                }
                "attributes" => gexf_class_edge = attr(&attrs, "class") == Some("edge"),
                "attribute" => {
                    let id = attr(&attrs, "id").unwrap_or_default().to_string();
                    let title = attr(&attrs, "title").map(str::to_string).unwrap_or_else(|| id.clone());
                    titles.insert((gexf_class_edge, id), title.to_lowercase());
                }
                "node" => {
                    let id = attr(&attrs, "id").ok_or_else(|| format!("line {line}: a node without an id"))?;
                    raw.nodes.push(RawNode {
                        id: id.to_string(),
                        line,
                        label: attr(&attrs, "label").map(str::to_string),
                        columns: Vec::new(),
                    });
                    owners.push(Owner::Node(raw.nodes.len() - 1));
                }
                "edge" => {
                    let end = |which: &str| {
                        attr(&attrs, which)
                            .map(str::to_string)
                            .ok_or_else(|| format!("line {line}: an edge without a {which}"))
                    };
                    let mut edge = RawEdge {
                        source: end("source")?,
                        target: end("target")?,
                        line,
                        label: attr(&attrs, "label").map(str::to_string),
                        kind: attr(&attrs, "kind").map(str::to_string),
                        columns: Vec::new(),
                    };
                    if let Some(w) = attr(&attrs, "weight") {
                        edge.columns.push(("weight".into(), w.to_string()));
                    }
                    raw.edges.push(edge);
                    owners.push(Owner::Edge(raw.edges.len() - 1));
                }
                "data" => {
                    let key = attr(&attrs, "key").unwrap_or_default();
                    let name = keys.get(key).cloned().unwrap_or_else(|| key.to_lowercase());
                    data = Some((name, String::new()));
                }
                "attvalue" => {
                    // GEXF 1.2 and 1.3 say `for`, 1.1 said `id`.
                    let id = attr(&attrs, "for").or_else(|| attr(&attrs, "id")).unwrap_or_default();
                    let value = attr(&attrs, "value").unwrap_or_default().to_string();
                    let on_edge = matches!(owners.last(), Some(Owner::Edge(_)));
                    let title = titles.get(&(on_edge, id.to_string())).cloned().unwrap_or_else(|| id.to_lowercase());
                    push_column(&mut raw, owners.last().copied(), title, value);
                }
                _ => {}
            }
            if empty {
                match name.as_str() {
                    "node" | "edge" => {
                        owners.pop();
                    }
                    "data" => {
                        if let Some((key, value)) = data.take() {
                            push_column(&mut raw, owners.last().copied(), key, value);
                        }
                    }
                    _ => {}
                }
            }
            continue;
        }
        match event {
            Event::End(e) => match String::from_utf8_lossy(e.local_name().as_ref()).to_lowercase().as_str() {
                "node" | "edge" => {
                    owners.pop();
                }
                "data" => {
                    if let Some((key, value)) = data.take() {
                        push_column(&mut raw, owners.last().copied(), key, value);
                    }
                }
                _ => {}
            },
            Event::Text(t) if data.is_some() => {
                let s = t.xml10_content().map_err(|e| format!("line {}: {e}", line_of(text, pos)))?;
                data.as_mut().expect("checked").1.push_str(&s);
            }
            Event::CData(t) if data.is_some() => {
                let s = t.xml10_content().map_err(|e| format!("line {}: {e}", line_of(text, pos)))?;
                data.as_mut().expect("checked").1.push_str(&s);
            }
            Event::GeneralRef(r) if data.is_some() => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => {
                        let name = String::from_utf8_lossy(&r);
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .ok_or_else(|| format!("line {}: unknown entity &{name};", line_of(text, pos)))?
                            .to_string()
                    }
                    Err(e) => return Err(format!("line {}: {e}", line_of(text, pos))),
                };
                data.as_mut().expect("checked").1.push_str(&resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if root.is_none() {
        return Err("no XML element: not a GraphML or GEXF file".into());
    }
    Ok(raw)
}

fn push_column(raw: &mut Raw, owner: Option<Owner>, name: String, value: String) {
    match owner {
        Some(Owner::Node(i)) => raw.nodes[i].columns.push((name, value)),
        Some(Owner::Edge(i)) => raw.edges[i].columns.push((name, value)),
        // Data of the graph itself, or outside any element we read.
        _ => {}
    }
}

/// A whole number written as an integer or as an integral float (igraph and
/// Gephi write `3.0`).
fn whole_number(s: &str) -> Option<i64> {
    let s = s.trim();
    s.parse::<i64>().ok().or_else(|| {
        let f = s.parse::<f64>().ok()?;
        (f.fract() == 0.0 && f.abs() < 9.0e15).then_some(f as i64)
    })
}

fn modality(s: &str) -> Option<Modality> {
    [Modality::Asserted, Modality::Reported, Modality::Possible, Modality::Negated]
        .into_iter()
        .find(|m| m.as_str() == s.trim())
}

/// The sentences of trame's `evidence` column, if every line is one.
fn trame_evidence(value: &str) -> Option<Vec<Evidence>> {
    let mut out = Vec::new();
    for line in value.split('\n') {
        let w: WireEvidence = serde_json::from_str(line).ok()?;
        if w.start > w.end {
            return None;
        }
        let mut attrs = Attrs::new();
        for (k, v) in w.attributes {
            let v = match v {
                serde_json::Value::String(s) => AttrValue::Text(s),
                serde_json::Value::Number(n) => AttrValue::Int(n.as_i64()?),
                _ => return None,
            };
            attrs.insert(k, v);
        }
        out.push(Evidence {
            doc: w.doc,
            sentence: w.sentence,
            start: w.start,
            end: w.end,
            text: w.text,
            rule: w.rule,
            attrs,
        });
    }
    Some(out)
}

/// Parses GraphML or GEXF into a graph. `source` names the file, for the
/// evidence of edges that have none.
///
/// # Example
/// ```
/// let text = r#"<graphml><key id="d0" for="node" attr.name="label"/>
///   <graph edgedefault="directed">
///     <node id="a"><data key="d0">Aland</data></node><node id="b"/>
///     <edge source="a" target="b"/>
///   </graph></graphml>"#;
/// let loaded = trame::graph::xml::from_xml(text, "g.graphml").unwrap();
/// assert_eq!(loaded.graph.nodes().map(|n| n.label.as_str()).collect::<Vec<_>>(), ["Aland", "b"]);
/// assert_eq!(loaded.graph.edges().len(), 1);
/// assert_eq!(loaded.notes.len(), 3); // no kind, no relation, no evidence
/// ```
pub fn from_xml(text: &str, file: &str) -> Result<Loaded, String> {
    if text.len() > MAX_XML_BYTES {
        return Err(format!("{} bytes of XML: a graph may have at most {MAX_XML_BYTES} (4 GiB)", text.len()));
    }
    let raw = parse(text)?;
    let mut b = GraphBuilder::new();
    let (mut no_kind, mut no_relation, mut no_evidence) = (0usize, 0usize, 0usize);
    // The file's node id → the trame id.
    let mut ids: HashMap<&str, String> = HashMap::with_capacity(raw.nodes.len());
    let mut taken: HashMap<String, usize> = HashMap::with_capacity(raw.nodes.len());
    for n in &raw.nodes {
        let written = column(&n.columns, "kind").map(str::trim).filter(|k| !k.is_empty());
        let prefixed = n.id.split_once(':').and_then(|(k, _)| NodeKind::parse(k));
        let kind = match written {
            Some(k) => NodeKind::parse(&k.to_lowercase()).ok_or_else(|| {
                let all: Vec<&str> = NodeKind::ALL.iter().map(|k| k.as_str()).collect();
                format!("line {}: node {:?}: unknown kind {k:?} (one of {})", n.line, n.id, all.join(", "))
            })?,
            None => prefixed.unwrap_or_else(|| {
                no_kind += 1;
                DEFAULT_KIND
            }),
        };
        let id = match column(&n.columns, "node_id").map(str::trim).filter(|s| !s.is_empty()) {
            Some(id) => id.to_string(),
            None if prefixed.is_some() => n.id.clone(),
            None => format!("{}:{}", kind.as_str(), n.id),
        };
        if let Some(&line) = taken.get(&id) {
            return Err(format!("line {}: node {:?} has the id {id:?} of the node on line {line}", n.line, n.id));
        }
        taken.insert(id.clone(), n.line);
        let label = column(&n.columns, "label").or(n.label.as_deref()).map(str::trim).filter(|l| !l.is_empty());
        b.set_label(&id, kind, label.unwrap_or(&n.id));
        if let Some(aliases) = column(&n.columns, "aliases") {
            for a in aliases.split(ALIAS_SEPARATOR) {
                b.mention(&id, kind, a, false);
            }
        }
        let mentions = column(&n.columns, "mentions").and_then(whole_number).unwrap_or(0);
        b.add_mentions(&id, kind, u32::try_from(mentions.max(0)).unwrap_or(u32::MAX));
        if let Some(c) = column(&n.columns, "claims").and_then(whole_number) {
            b.set_claims(&id, u32::try_from(c.max(0)).unwrap_or(u32::MAX));
        }
        ids.insert(n.id.as_str(), id);
    }
    for e in &raw.edges {
        let end = |which: &str, id: &str| {
            ids.get(id).cloned().ok_or_else(|| format!("line {}: the edge's {which} {id:?} is no node", e.line))
        };
        let (source, target) = (end("source", &e.source)?, end("target", &e.target)?);
        let written = column(&e.columns, "relation").or(e.kind.as_deref()).or(e.label.as_deref());
        let relation = match written.map(str::trim).filter(|r| !r.is_empty()) {
            Some(r) => Relation::parse(&r.to_lowercase()).ok_or_else(|| {
                let all: Vec<&str> = Relation::ALL.iter().map(|r| r.as_str()).collect();
                format!("line {}: unknown relation {r:?} (one of {})", e.line, all.join(", "))
            })?,
            None => {
                no_relation += 1;
                DEFAULT_RELATION
            }
        };
        let modality = match column(&e.columns, "modality").filter(|m| !m.trim().is_empty()) {
            Some(m) => modality(m).ok_or_else(|| {
                format!("line {}: unknown modality {m:?} (one of asserted, reported, possible, negated)", e.line)
            })?,
            None => Modality::Asserted,
        };
        let written = column(&e.columns, "evidence").filter(|v| !v.trim().is_empty());
        let evidence = match written.and_then(trame_evidence) {
            Some(ev) => ev,
            None => {
                if written.is_none() {
                    no_evidence += 1;
                }
                let text = written.unwrap_or_default().to_string();
                let mut attrs = Attrs::new();
                for (name, value) in &e.columns {
                    if EDGE_COLUMNS.contains(&name.as_str()) || value.is_empty() {
                        continue;
                    }
                    let v = whole_number(value).map(AttrValue::Int).unwrap_or_else(|| AttrValue::Text(value.clone()));
                    attrs.insert(name.clone(), v);
                }
                vec![Evidence {
                    doc: column(&e.columns, "doc").unwrap_or(file).to_string(),
                    sentence: 0,
                    start: 0,
                    end: text.chars().count(),
                    text,
                    rule: column(&e.columns, "rule").unwrap_or_default().to_string(),
                    attrs,
                }]
            }
        };
        for ev in evidence {
            b.fact(Fact { source: source.clone(), relation, target: target.clone(), modality, evidence: ev });
        }
    }
    let mut notes = Vec::new();
    if no_kind > 0 {
        notes.push(format!("{no_kind} nodes have no kind trame knows: read as {}", DEFAULT_KIND.as_str()));
    }
    if no_relation > 0 {
        notes.push(format!("{no_relation} edges have no relation: read as {}", DEFAULT_RELATION.as_str()));
    }
    if no_evidence > 0 {
        notes.push(format!("{no_evidence} edges have no evidence sentence"));
    }
    Ok(Loaded { graph: b.finish(), notes })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export;

    fn sample() -> Graph {
        let mut b = GraphBuilder::new();
        b.mention("country:aland", NodeKind::Country, "Aland", true);
        b.mention("country:aland", NodeKind::Country, "Royaume d’Aland & <Cie>", true);
        b.mention("person:jo", NodeKind::Person, "Jo  \"Trap\"\nNom\\", true);
        b.mention("organization:x", NodeKind::Organization, "X", false);
        for (i, text) in ["Jo a visité Aland & <x>]]> y.", "Jo est à Aland,\r\nencore | là."].iter().enumerate() {
            let mut attrs = Attrs::new();
            attrs.insert("quantity".into(), AttrValue::Int(3000 + i as i64));
            attrs.insert("date".into(), AttrValue::Text("2024-10-2".to_string() + &i.to_string()));
            b.fact(Fact {
                source: "person:jo".into(),
                relation: Relation::Visited,
                target: "country:aland".into(),
                modality: Modality::Reported,
                evidence: Evidence {
                    doc: format!("d{i}&.txt"),
                    sentence: i * 3,
                    start: i * 10,
                    end: i * 10 + 5,
                    text: text.to_string(),
                    rule: "visited/r".into(),
                    attrs,
                },
            });
        }
        b.finish()
    }

    fn round_trip(format: export::Format) -> Graph {
        let g = sample();
        let mut out = Vec::new();
        export::write(&g, format, &mut out).unwrap();
        let loaded = from_xml(std::str::from_utf8(&out).unwrap(), "g").unwrap();
        assert!(loaded.notes.is_empty(), "{:?}", loaded.notes);
        loaded.graph
    }

    fn json(g: &Graph) -> Vec<u8> {
        let mut out = Vec::new();
        export::json::write(g, &mut out).unwrap();
        out
    }

    #[test]
    fn graphml_round_trip_is_the_same_graph() {
        let back = round_trip(export::Format::Graphml);
        // The carriage return comes back (written as a reference), so the JSON is byte-identical.
        assert_eq!(String::from_utf8(json(&back)).unwrap(), String::from_utf8(json(&sample())).unwrap());
    }

    #[test]
    fn gexf_round_trip_is_the_same_graph() {
        let back = round_trip(export::Format::Gexf);
        assert_eq!(String::from_utf8(json(&back)).unwrap(), String::from_utf8(json(&sample())).unwrap());
    }

    #[test]
    fn foreign_columns_are_found_by_name() {
        let text = r#"<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="Label" attr.type="string"/>
  <key id="d1" for="node" attr.name="kind" attr.type="string"/>
  <key id="d2" for="edge" attr.name="relation" attr.type="string"/>
  <key id="d3" for="edge" attr.name="quantity" attr.type="double"/>
  <key id="d4" for="edge" attr.name="evidence" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="a"><data key="d0">Aland &amp; co</data><data key="d1">country</data></node>
    <node id="b"><data key="d0"><![CDATA[B <b>]]></data><data key="d1">Person</data></node>
    <edge source="b" target="a"><data key="d2">visited</data><data key="d3">12.0</data><data key="d4">B est venu.</data></edge>
  </graph>
</graphml>"#;
        let loaded = from_xml(text, "f.graphml").unwrap();
        assert!(loaded.notes.is_empty(), "{:?}", loaded.notes);
        let g = loaded.graph;
        let labels: Vec<(&str, &str)> = g.nodes().map(|n| (n.id.as_str(), n.label.as_str())).collect();
        assert_eq!(labels, [("country:a", "Aland & co"), ("person:b", "B <b>")]);
        let e = &g.edges()[0];
        assert_eq!((e.source.as_str(), e.relation, e.target.as_str()), ("person:b", Relation::Visited, "country:a"));
        assert_eq!(e.evidence[0].text, "B est venu.");
        assert_eq!(e.evidence[0].doc, "f.graphml");
        assert_eq!(e.attrs.get("quantity"), Some(&AttrValue::Int(12)));
    }

    #[test]
    fn gaps_are_filled_and_said() {
        let text = r#"<gexf version="1.3"><graph><nodes><node id="1" label="Un"/><node id="2" label="Deux"/></nodes>
<edges><edge source="1" target="2"/></edges></graph></gexf>"#;
        let loaded = from_xml(text, "g.gexf").unwrap();
        assert_eq!(loaded.notes.len(), 3, "{:?}", loaded.notes);
        assert!(loaded.notes[0].contains("2 nodes") && loaded.notes[0].contains("organization"));
        let e = &loaded.graph.edges()[0];
        assert_eq!((e.source.as_str(), e.relation), ("organization:1", Relation::AffiliatedWith));
    }

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        let cases = [
            ("<graphml><graph><node id=\"a\"></graph></graphml>", "line 1"),
            ("<html/>", "<html>"),
            ("", "no XML element"),
            ("<graphml><graph><node id=\"a\"/><edge source=\"a\" target=\"z\"/></graph></graphml>", "\"z\" is no node"),
            (
                "<gexf><graph><nodes><node id=\"a\"/><node id=\"b\"/></nodes><edges><edge source=\"a\" target=\"b\" label=\"visits\"/></edges></graph></gexf>",
                "one of holds_role",
            ),
            ("<graphml><key id=\"k\" attr.name=\"kind\"/><graph><node id=\"a\"><data key=\"k\">persn</data></node></graph></graphml>", "one of person"),
            ("<graphml><graph><node id=\"a\"/>\n<node id=\"a\"/></graph></graphml>", "line 2"),
        ];
        for (text, want) in cases {
            let err = from_xml(text, "x").unwrap_err();
            assert!(err.contains(want), "{text:?}: {err}");
        }
    }
}
