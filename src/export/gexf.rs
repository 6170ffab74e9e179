//! Writes the graph as GEXF 1.3, Gephi's own format, also read by Gephi Lite
//! (through graphology) and networkx.
//!
//! The file is written through quick-xml's writer (`xml.rs`), so that its
//! bytes depend only on the graph, and it avoids the traps that
//! `shared/exports.md` lists:
//!
//! - Every `attvalue` refers to an attribute declared in
//!   `<attributes class="node">` or `class="edge"`: graphology throws on an
//!   undeclared one. Each attribute's `id` equals its `title`, because
//!   graphology uses the id as the column name. Types are GEXF's own
//!   (`integer`, `long`, `double`, `string`), not GraphML's `int`.
//! - Labels are XML attributes, where a literal newline or tab would be
//!   read back as a space: they are written as `&#10;` and `&#9;`.
//!   Characters that XML 1.0 forbids are dropped (see `xml.rs`).
//! - `viz:color` has `r g b` and no alpha, which breaks Gephi Lite.
//!   `viz:size` grows with the log of the mentions, so that a node seen a
//!   hundred times does not hide the rest.
//! - When some edge carries a full date, the graph is `mode="dynamic"` with
//!   `timeformat="date"` and those edges get one spell per date, so Gephi's
//!   timeline replays the story. Undated edges and all nodes have no spell,
//!   which Gephi reads as "always there".
//! - Gephi merges parallel edges and sums their weights, but reads an edge's
//!   `kind` as its edge type and keeps edges of different types apart (its
//!   own GEXF exporter writes `kind` that way). Each edge's `kind` is its
//!   relation, so a `deploys` and an `attacks` edge between the same two
//!   countries stay two edges.
//!
//! The `evidence` attribute holds every sentence of the edge, one JSON
//! object a line, as in GraphML (`graphml.rs`).
//!
//! Node ids are trame ids (`country:russie`): GEXF ids are any string, and
//! Gephi shows them in its Id column. Edge ids are `e0`, `e1`… in `edges()`
//! order, as in GraphML.

use std::collections::BTreeSet;
use std::io::{self, BufWriter, Write};

use super::graphml::{attr_columns, attr_text, AttrColumn, ValueKind, ALIAS_SEPARATOR};
use super::json::evidence_lines;
use super::xml::XmlWriter;
use crate::graph::{AttrValue, Edge, Graph, Node};
use crate::ontology::NodeKind;

/// Node attributes: id (also the title) and GEXF type. The label is the
/// node's `label` XML attribute, not a column.
const NODE_ATTRIBUTES: [(&str, &str); 3] = [("kind", "string"), ("mentions", "integer"), ("aliases", "string")];

/// Edge attributes that do not come from `Edge::attrs`. The evidence count
/// is also the edge's `weight` XML attribute; `weight` is not a column
/// because Gephi reserves that title for dynamic weights.
const EDGE_ATTRIBUTES: [(&str, &str); 4] =
    [("evidence_count", "integer"), ("evidence", "string"), ("doc", "string"), ("rule", "string")];

/// Writes `graph` as GEXF 1.3.
///
/// # Example
///
/// ```
/// use trame::graph::GraphBuilder;
/// use trame::ontology::NodeKind;
///
/// let mut b = GraphBuilder::new();
/// b.mention("country:russie", NodeKind::Country, "Russie", true);
/// let mut out = Vec::new();
/// trame::export::gexf::write(&b.finish(), &mut out).unwrap();
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.contains(r#"<node id="country:russie" label="Russie">"#));
/// ```
pub fn write(graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
    let mut w = XmlWriter::new(BufWriter::new(out))?;
    let columns = attr_columns(graph);
    let spells: Vec<BTreeSet<&str>> = graph.edges().iter().map(edge_dates).collect();
    let dynamic = spells.iter().any(|dates| !dates.is_empty());
    w.start("gexf", &[("xmlns", "http://gexf.net/1.3"), ("xmlns:viz", "http://gexf.net/1.3/viz"), ("version", "1.3")])?;
    w.start("meta", &[])?;
    w.text_element("creator", &[], "trame")?;
    w.text_element("description", &[], "Knowledge graph read from French news articles")?;
    w.end("meta")?;
    if dynamic {
        w.start("graph", &[("defaultedgetype", "directed"), ("mode", "dynamic"), ("timeformat", "date")])?;
    } else {
        w.start("graph", &[("defaultedgetype", "directed"), ("mode", "static")])?;
    }
    write_declarations(&mut w, graph, &columns)?;
    w.start("nodes", &[("count", &graph.nodes().len().to_string())])?;
    for node in graph.nodes() {
        write_node(&mut w, node)?;
    }
    w.end("nodes")?;
    w.start("edges", &[("count", &graph.edges().len().to_string())])?;
    for (i, (edge, dates)) in graph.edges().iter().zip(&spells).enumerate() {
        write_edge(&mut w, i, edge, &columns, dates)?;
    }
    w.end("edges")?;
    w.end("graph")?;
    w.end("gexf")?;
    w.finish()
}

type Out<'a> = XmlWriter<BufWriter<&'a mut dyn Write>>;

fn write_declarations(w: &mut Out, graph: &Graph, columns: &[AttrColumn]) -> io::Result<()> {
    w.start("attributes", &[("class", "node")])?;
    for (id, ty) in NODE_ATTRIBUTES {
        write_declaration(w, id, ty)?;
    }
    // Claims counted on their speakers, when the claim nodes were left out.
    if graph.nodes().any(|n| n.claims.is_some()) {
        write_declaration(w, "claims", "integer")?;
    }
    w.end("attributes")?;
    w.start("attributes", &[("class", "edge")])?;
    write_declaration(w, "relation", "string")?;
    for c in columns {
        write_declaration(w, &c.name, gexf_type(c.kind))?;
    }
    for (id, ty) in EDGE_ATTRIBUTES {
        write_declaration(w, id, ty)?;
    }
    w.end("attributes")
}

fn write_declaration(w: &mut Out, id: &str, ty: &str) -> io::Result<()> {
    w.empty("attribute", &[("id", id), ("title", id), ("type", ty)])
}

/// GEXF's name for a column type: Gephi's `integer` is 32 bits, so larger
/// numbers need `long`.
fn gexf_type(kind: ValueKind) -> &'static str {
    match kind {
        ValueKind::Int32 => "integer",
        ValueKind::Int64 => "long",
        ValueKind::Text => "string",
    }
}

fn write_node(w: &mut Out, node: &Node) -> io::Result<()> {
    w.start("node", &[("id", &node.id), ("label", &node.label)])?;
    w.start("attvalues", &[])?;
    write_attvalue(w, "kind", node.kind.as_str())?;
    write_attvalue(w, "mentions", &node.mentions.to_string())?;
    if !node.aliases.is_empty() {
        write_attvalue(w, "aliases", &node.aliases.join(ALIAS_SEPARATOR))?;
    }
    if let Some(c) = node.claims {
        write_attvalue(w, "claims", &c.to_string())?;
    }
    w.end("attvalues")?;
    let (r, g, b) = color(node.kind);
    w.empty("viz:color", &[("r", &r.to_string()), ("g", &g.to_string()), ("b", &b.to_string())])?;
    w.empty("viz:size", &[("value", &size(node.mentions))])?;
    w.end("node")
}

fn write_edge(
    w: &mut Out,
    index: usize,
    edge: &Edge,
    columns: &[AttrColumn],
    dates: &BTreeSet<&str>,
) -> io::Result<()> {
    let relation = edge.relation.as_str();
    let id = format!("e{index}");
    let weight = format!("{:.1}", edge.evidence.len() as f64);
    w.start(
        "edge",
        &[
            ("id", &id),
            ("source", &edge.source),
            ("target", &edge.target),
            ("label", relation),
            ("kind", relation),
            ("weight", &weight),
        ],
    )?;
    w.start("attvalues", &[])?;
    write_attvalue(w, "relation", relation)?;
    for c in columns {
        if let Some(value) = attr_text(edge, &c.attr) {
            write_attvalue(w, &c.name, &value)?;
        }
    }
    write_attvalue(w, "evidence_count", &edge.evidence.len().to_string())?;
    if let Some(first) = edge.evidence.first() {
        write_attvalue(w, "evidence", &evidence_lines(&edge.evidence))?;
        write_attvalue(w, "doc", &first.doc)?;
        write_attvalue(w, "rule", &first.rule)?;
    }
    w.end("attvalues")?;
    write_spells(w, dates)?;
    w.end("edge")
}

fn write_attvalue(w: &mut Out, id: &str, value: &str) -> io::Result<()> {
    w.empty("attvalue", &[("for", id), ("value", value)])
}

/// One spell per day the edge is dated, each a single day (start = end), so
/// that spells never overlap.
fn write_spells(w: &mut Out, dates: &BTreeSet<&str>) -> io::Result<()> {
    if dates.is_empty() {
        return Ok(());
    }
    w.start("spells", &[])?;
    for date in dates {
        w.empty("spell", &[("start", date), ("end", date)])?;
    }
    w.end("spells")
}

/// The full dates (`YYYY-MM-DD`) of an edge: its own `date` and those of its
/// evidence, which may disagree. Partial dates such as `--06-19` have no
/// place on a timeline and are left to the `date` column.
fn edge_dates(edge: &Edge) -> BTreeSet<&str> {
    let own = edge.attrs.get("date");
    let from_evidence = edge.evidence.iter().filter_map(|ev| ev.attrs.get("date"));
    own.into_iter()
        .chain(from_evidence)
        .filter_map(|v| match v {
            AttrValue::Text(s) if is_full_date(s) => Some(s.as_str()),
            _ => None,
        })
        .collect()
}

/// Whether `s` is a calendar date `YYYY-MM-DD` that `xsd:date` accepts
/// (Gephi and the schema reject the 30th of February).
fn is_full_date(s: &str) -> bool {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return false;
    }
    let number = |range: std::ops::Range<usize>| s[range].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    };
    year > 0 && (1..=days).contains(&day)
}

/// The colour of a node kind, from the Tableau 10 palette, which stays
/// distinguishable for most colour-blind readers.
fn color(kind: NodeKind) -> (u8, u8, u8) {
    match kind {
        NodeKind::Person => (78, 121, 167),
        NodeKind::Country => (225, 87, 89),
        NodeKind::Organization => (242, 142, 43),
        NodeKind::Location => (89, 161, 79),
        NodeKind::Role => (176, 122, 161),
        NodeKind::Claim => (186, 176, 172),
    }
}

/// The size of a node: 8 + 4·ln(1 + mentions), with two decimals so the
/// text does not depend on how the platform prints floats.
fn size(mentions: u32) -> String {
    format!("{:.2}", 8.0 + 4.0 * f64::from(mentions).ln_1p())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Evidence, Fact, GraphBuilder};
    use crate::ontology::{Modality, Relation};

    const TRAP: &str = "Trap « » ’ & < > \" \\ a\u{7}b\nsecond  line\tend\\";

    fn fact(source: &str, relation: Relation, target: &str, date: Option<&str>, start: usize) -> Fact {
        let mut attrs = crate::graph::Attrs::new();
        if let Some(d) = date {
            attrs.insert("date".into(), AttrValue::Text(d.into()));
            attrs.insert("quantity".into(), AttrValue::Int(12_000));
        }
        Fact {
            source: source.into(),
            relation,
            target: target.into(),
            modality: Modality::Asserted,
            evidence: Evidence {
                doc: "002.txt".into(),
                sentence: 1,
                start,
                end: start + 20,
                text: "Téhéran a envoyé\n12 000 soldats & \"plus\".".into(),
                rule: "deploys/envoyer-en".into(),
                attrs,
            },
        }
    }

    fn sample(dated: bool) -> Graph {
        let mut b = GraphBuilder::new();
        b.set_label("person:trap", NodeKind::Person, TRAP);
        b.mention("person:trap", NodeKind::Person, "Trap", true);
        b.mention("country:coree-du-nord", NodeKind::Country, "Corée du Nord", true);
        b.mention("country:russie", NodeKind::Country, "Russie", true);
        let (d1, d2) = if dated { (Some("2024-10-23"), Some("2024-10-21")) } else { (Some("--06-19"), None) };
        b.fact(fact("country:coree-du-nord", Relation::Deploys, "country:russie", d1, 5));
        b.fact(fact("country:coree-du-nord", Relation::Deploys, "country:russie", d2, 90));
        b.fact(fact("person:trap", Relation::AffiliatedWith, "country:russie", None, 7));
        b.finish()
    }

    fn render(graph: &Graph) -> String {
        let mut out = Vec::new();
        write(graph, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn trap_label_is_an_escaped_attribute() {
        let text = render(&sample(true));
        let expected =
            r#"<node id="person:trap" label="Trap « » ’ &amp; &lt; &gt; &quot; \ ab&#10;second  line&#9;end\">"#;
        assert!(text.contains(expected), "{text}");
        assert!(text.contains(r#"<attvalue for="aliases" value="Trap"/>"#));
    }

    #[test]
    fn evidence_newlines_survive_as_references() {
        let text = render(&sample(true));
        // Both sentences of the deploys edge, one JSON line each, the line
        // break between them a reference; the sentence's own newline is JSON's `\n`.
        let line = text.lines().find(|l| l.contains(r#"<attvalue for="evidence""#)).unwrap();
        assert!(
            line.contains(r#"&quot;text&quot;:&quot;Téhéran a envoyé\n12 000 soldats &amp; \&quot;plus\&quot;.&quot;"#),
            "{line}"
        );
        assert_eq!(line.matches("&#10;").count(), 1, "{line}");
        assert_eq!(line.matches("&quot;sentence&quot;:1").count(), 2, "{line}");
    }

    #[test]
    fn every_attvalue_is_declared_with_id_equal_title() {
        let text = render(&sample(true));
        let declared: Vec<&str> = text
            .lines()
            .filter_map(|l| l.trim().strip_prefix("<attribute id=\""))
            .map(|rest| {
                let id = &rest[..rest.find('"').unwrap()];
                assert!(rest.contains(&format!("title=\"{id}\"")), "{rest}");
                id
            })
            .collect();
        for line in text.lines().filter_map(|l| l.trim().strip_prefix("<attvalue for=\"")) {
            let id = &line[..line.find('"').unwrap()];
            assert!(declared.contains(&id), "undeclared {id}");
        }
        assert!(text.contains(r#"<attribute id="quantity" title="quantity" type="integer"/>"#));
        assert!(text.contains(r#"<attribute id="mentions" title="mentions" type="integer"/>"#));
    }

    #[test]
    fn dated_edges_make_a_dynamic_graph_with_spells() {
        let text = render(&sample(true));
        assert!(text.contains(r#"<graph defaultedgetype="directed" mode="dynamic" timeformat="date">"#));
        let spells = "        <spells>\n          <spell start=\"2024-10-21\" end=\"2024-10-21\"/>\n          <spell start=\"2024-10-23\" end=\"2024-10-23\"/>\n        </spells>\n";
        assert!(text.contains(spells), "{text}");
        assert_eq!(text.matches("<spells>").count(), 1);
        assert!(text.contains(
            r#"<edge id="e0" source="country:coree-du-nord" target="country:russie" label="deploys" kind="deploys" weight="2.0">"#
        ));
    }

    #[test]
    fn partial_dates_keep_the_graph_static() {
        let text = render(&sample(false));
        assert!(text.contains(r#"<graph defaultedgetype="directed" mode="static">"#));
        assert!(!text.contains("<spell"));
        assert!(text.contains(r#"<attvalue for="date" value="--06-19"/>"#));
    }

    #[test]
    fn full_dates_are_calendar_dates() {
        assert!(is_full_date("2024-02-29"));
        assert!(!is_full_date("2023-02-29"));
        assert!(!is_full_date("2024-13-01"));
        assert!(!is_full_date("--06-19"));
        assert!(!is_full_date("2024-1-011"));
        assert!(!is_full_date("２０２４-01-01"));
    }

    #[test]
    fn colors_and_sizes_are_fixed_text() {
        let text = render(&sample(true));
        assert!(text.contains(r#"<viz:color r="78" g="121" b="167"/>"#));
        assert!(!text.contains(" a=\""));
        assert_eq!(size(0), "8.00");
        assert_eq!(size(1), "10.77");
        assert_eq!(size(100), "26.46");
    }

    #[test]
    fn output_is_deterministic_and_clean() {
        let text = render(&sample(true));
        assert_eq!(text, render(&sample(true)));
        assert!(text.ends_with("</gexf>\n") && !text.ends_with("\n\n"));
        assert!(text.chars().all(crate::export::xml::is_xml_char));
        assert!(!text.contains('\u{7}') && !text.contains('\r') && !text.contains('\t'));
        // Attribute values never hold a raw newline: every line is one element.
        assert!(text.lines().all(|l| l.trim_start().starts_with('<')));
    }
}
