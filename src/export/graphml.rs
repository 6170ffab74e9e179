//! Writes the graph as GraphML for Gephi, yEd, networkx, igraph and graphology.
//!
//! The file is written through quick-xml's writer (`xml.rs`), so that its
//! bytes depend only on the graph. It avoids the traps that
//! `shared/exports.md` lists:
//!
//! - Every `<key>` comes before `<graph>` and names its domain (`for="node"`
//!   or `for="edge"`); otherwise Gephi reports "attribute class not found"
//!   and igraph drops the column. Types are GraphML's own (`int`, `long`,
//!   `double`, `string`): GEXF's `integer` crashes graphology and igraph.
//! - Node, edge and key ids must be NMTOKENs. They are synthetic (`n0`,
//!   `e0`, `v_kind`), so the file's validity never depends on how a name or
//!   a slug is spelled; the trame id travels in the `node_id` column.
//! - Gephi reads some attribute names as visual properties. We use `label`
//!   (nodes) and `weight` (edges) on purpose, and rename any other edge
//!   attribute that would collide with one of them.
//! - Values holding `&`, `<` or `>` are one CDATA section, so that Gephi,
//!   which drops whitespace-only text chunks, keeps their spaces. Characters
//!   that XML 1.0 forbids are dropped (see `xml.rs`).
//! - Gephi merges parallel edges and sums their weights; the `relation`
//!   column lets its users filter them apart again.
//! - The `evidence` column holds every sentence that states the edge, one
//!   JSON object a line (`doc`, `sentence`, `start`, `end`, `text`, `rule`,
//!   `attributes`, as in the JSON export): a newline never occurs inside a
//!   JSON string, so it separates sentences unambiguously, and
//!   `graph::xml` reads them back. `doc` and `rule` repeat the first
//!   sentence's, for filtering in Gephi.
//!
//! Symmetric relations (`met`, `allied_with`) are written as one edge each,
//! from the smaller id to the larger, like every other edge of this directed
//! graph. GraphML could mark those edges `directed="false"`, but networkx
//! refuses such an edge in a directed graph ("directed=false edge found in
//! directed graph") and igraph ignores the mark. Gephi draws an arrow on them,
//! which we accept; the `relation` column says they are symmetric.

use std::collections::BTreeSet;
use std::io::{self, BufWriter, Write};

use super::json::evidence_lines;
use super::xml::XmlWriter;
use crate::graph::{AttrValue, Edge, Graph, Node};

/// Node columns: key id, attribute name, GraphML type. `label` is Gephi's label.
const NODE_KEYS: [(&str, &str, &str); 5] = [
    ("v_label", "label", "string"),
    ("v_kind", "kind", "string"),
    ("v_mentions", "mentions", "int"),
    ("v_aliases", "aliases", "string"),
    ("v_node_id", "node_id", "string"),
];

/// Edge columns that do not come from `Edge::attrs`. `weight` is Gephi's
/// weight, the number of sentences that state the fact.
const EDGE_KEYS: [(&str, &str, &str); 6] = [
    ("e_relation", "relation", "string"),
    ("e_weight", "weight", "double"),
    ("e_evidence_count", "evidence_count", "int"),
    ("e_evidence", "evidence", "string"),
    ("e_doc", "doc", "string"),
    ("e_rule", "rule", "string"),
];

/// Edge attributes the extractor is known to write, in column order. Each is
/// declared even when no edge has it, so files of different runs share a
/// schema; `quantity` is numeric. Shared with `gexf.rs`.
pub(super) const KNOWN_ATTRS: [&str; 6] = ["modality", "quantity", "unit", "date", "date_text", "what"];

/// Names that Gephi, graphology or our own columns give a meaning on edges
/// (label and weight in Gephi, color, size and the like in graphology's GEXF
/// reader). An extractor attribute spelled like one of them gets an `attr_`
/// prefix, so that it never turns into the weight or the label by accident.
const RESERVED_EDGE_NAMES: [&str; 24] = [
    "label",
    "weight",
    "id",
    "r",
    "g",
    "b",
    "color",
    "size",
    "x",
    "y",
    "z",
    "shape",
    "thickness",
    "kind",
    "type",
    "source",
    "target",
    "relation",
    "evidence_count",
    "evidence",
    "doc",
    "rule",
    "start",
    "end",
];

/// Aliases are one string column, joined with a separator that names rarely hold.
pub(super) const ALIAS_SEPARATOR: &str = " | ";

/// What the values of one attribute column are, over the whole graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ValueKind {
    /// Every value is a number that fits in 32 bits (Gephi's `integer`).
    Int32,
    /// Every value is a number, some need 64 bits.
    Int64,
    /// Some value is text, or the column is text by nature.
    Text,
}

/// One edge column read from `Edge::attrs`. Shared with `gexf.rs`.
#[derive(Debug, PartialEq)]
pub(super) struct AttrColumn {
    /// The GraphML key id, such as `e_quantity` or `e_x0` (NMTOKENs).
    pub(super) key: String,
    /// The column name shown to users.
    pub(super) name: String,
    /// The attribute it reads.
    pub(super) attr: String,
    /// The type its values share.
    pub(super) kind: ValueKind,
}

impl AttrColumn {
    fn graphml_type(&self) -> &'static str {
        match self.kind {
            ValueKind::Int32 | ValueKind::Int64 => "long",
            ValueKind::Text => "string",
        }
    }
}

/// Writes `graph` as GraphML.
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
/// trame::export::graphml::write(&b.finish(), &mut out).unwrap();
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.contains(r#"<data key="v_label">Russie</data>"#));
/// ```
pub fn write(graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
    let mut w = XmlWriter::new(BufWriter::new(out))?;
    let columns = attr_columns(graph);
    w.start(
        "graphml",
        &[
            ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
            ),
        ],
    )?;
    write_keys(&mut w, graph, &columns)?;
    w.start("graph", &[("id", "trame"), ("edgedefault", "directed")])?;
    for (i, node) in graph.nodes().enumerate() {
        write_node(&mut w, i, node)?;
    }
    for (i, edge) in graph.edges().iter().enumerate() {
        write_edge(&mut w, graph, i, edge, &columns)?;
    }
    w.end("graph")?;
    w.end("graphml")?;
    w.finish()
}

/// The columns for `Edge::attrs`: the known ones, then any other attribute
/// found on some edge, by name. Types follow the values actually present.
pub(super) fn attr_columns(graph: &Graph) -> Vec<AttrColumn> {
    let mut extra = BTreeSet::new();
    for edge in graph.edges() {
        extra.extend(edge.attrs.keys().filter(|k| !KNOWN_ATTRS.contains(&k.as_str())));
    }
    let known = KNOWN_ATTRS.iter().map(|&a| AttrColumn {
        key: format!("e_{a}"),
        name: a.to_string(),
        attr: a.to_string(),
        kind: value_kind(graph, a, a == "quantity"),
    });
    let others = extra.into_iter().enumerate().map(|(i, a)| AttrColumn {
        key: format!("e_x{i}"),
        name: column_name(a),
        attr: a.clone(),
        kind: value_kind(graph, a, false),
    });
    known.chain(others).collect()
}

/// The kind of every value of `attr`. A column with no value at all is
/// numeric when it is meant to be. Modality is text.
fn value_kind(graph: &Graph, attr: &str, numeric_when_absent: bool) -> ValueKind {
    if attr == "modality" {
        return ValueKind::Text;
    }
    let mut values = graph.edges().iter().filter_map(|e| e.attrs.get(attr)).peekable();
    if values.peek().is_none() {
        return if numeric_when_absent { ValueKind::Int32 } else { ValueKind::Text };
    }
    let mut kind = ValueKind::Int32;
    for value in values {
        match value {
            AttrValue::Text(_) => return ValueKind::Text,
            AttrValue::Int(n) if i32::try_from(*n).is_err() => kind = ValueKind::Int64,
            AttrValue::Int(_) => {}
        }
    }
    kind
}

/// The column name for an extractor attribute we do not know, prefixed when
/// a client or one of our columns already gives the name a meaning.
fn column_name(attr: &str) -> String {
    let lower = attr.to_lowercase();
    let taken = RESERVED_EDGE_NAMES.contains(&lower.as_str()) || KNOWN_ATTRS.contains(&lower.as_str());
    if taken {
        format!("attr_{attr}")
    } else {
        attr.to_string()
    }
}

type Out<'a> = XmlWriter<BufWriter<&'a mut dyn Write>>;

fn write_keys(w: &mut Out, graph: &Graph, columns: &[AttrColumn]) -> io::Result<()> {
    for (id, name, ty) in NODE_KEYS {
        write_key(w, id, "node", name, ty)?;
    }
    // Claims counted on their speakers, when the claim nodes were left out.
    if graph.nodes().any(|n| n.claims.is_some()) {
        write_key(w, "v_claims", "node", "claims", "int")?;
    }
    // Relation and weight first, since Gephi users look for them first.
    for (id, name, ty) in &EDGE_KEYS[..2] {
        write_key(w, id, "edge", name, ty)?;
    }
    for c in columns {
        write_key(w, &c.key, "edge", &c.name, c.graphml_type())?;
    }
    for (id, name, ty) in &EDGE_KEYS[2..] {
        write_key(w, id, "edge", name, ty)?;
    }
    Ok(())
}

fn write_key(w: &mut Out, id: &str, domain: &str, name: &str, ty: &str) -> io::Result<()> {
    w.empty("key", &[("id", id), ("for", domain), ("attr.name", name), ("attr.type", ty)])
}

fn write_node(w: &mut Out, index: usize, node: &Node) -> io::Result<()> {
    w.start("node", &[("id", &format!("n{index}"))])?;
    write_data(w, "v_label", &node.label)?;
    write_data(w, "v_kind", node.kind.as_str())?;
    write_data(w, "v_mentions", &node.mentions.to_string())?;
    if !node.aliases.is_empty() {
        write_data(w, "v_aliases", &node.aliases.join(ALIAS_SEPARATOR))?;
    }
    write_data(w, "v_node_id", &node.id)?;
    if let Some(c) = node.claims {
        write_data(w, "v_claims", &c.to_string())?;
    }
    w.end("node")
}

fn write_edge(w: &mut Out, graph: &Graph, index: usize, edge: &Edge, columns: &[AttrColumn]) -> io::Result<()> {
    // `Graph` only keeps edges whose ends are nodes, so the lookups succeed.
    let source = graph.node_index(&edge.source).expect("edge source is a node");
    let target = graph.node_index(&edge.target).expect("edge target is a node");
    let (id, source, target) = (format!("e{index}"), format!("n{source}"), format!("n{target}"));
    w.start("edge", &[("id", &id), ("source", &source), ("target", &target)])?;
    write_data(w, "e_relation", edge.relation.as_str())?;
    write_data(w, "e_weight", &format!("{:.1}", edge.evidence.len() as f64))?;
    for c in columns {
        if let Some(value) = attr_text(edge, &c.attr) {
            write_data(w, &c.key, &value)?;
        }
    }
    write_data(w, "e_evidence_count", &edge.evidence.len().to_string())?;
    if let Some(first) = edge.evidence.first() {
        write_data(w, "e_evidence", &evidence_lines(&edge.evidence))?;
        write_data(w, "e_doc", &first.doc)?;
        write_data(w, "e_rule", &first.rule)?;
    }
    w.end("edge")
}

/// The text of one attribute of an edge, if it has it. Modality comes from
/// the edge itself, which `attrs["modality"]` only repeats. Shared with `gexf.rs`.
pub(super) fn attr_text(edge: &Edge, attr: &str) -> Option<String> {
    if attr == "modality" {
        return Some(edge.modality.as_str().to_string());
    }
    edge.attrs.get(attr).map(|v| match v {
        AttrValue::Int(n) => n.to_string(),
        AttrValue::Text(s) => s.clone(),
    })
}

fn write_data(w: &mut Out, key: &str, value: &str) -> io::Result<()> {
    w.text_element("data", &[("key", key)], value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Evidence, Fact, GraphBuilder};
    use crate::ontology::{Modality, NodeKind, Relation};

    const TRAP: &str = "Trap « » ’ & < > \" \\ a\u{7}b\nsecond  line end\\";

    fn fact(source: &str, relation: Relation, target: &str, attrs: &[(&str, AttrValue)]) -> Fact {
        Fact {
            source: source.into(),
            relation,
            target: target.into(),
            modality: Modality::Reported,
            evidence: Evidence {
                doc: "001.txt".into(),
                sentence: 3,
                start: 10,
                end: 40,
                text: "Selon Séoul, 3 000 soldats & <chars>]]> ont été envoyés.".into(),
                rule: "deploys/envoyer-en".into(),
                attrs: attrs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect(),
            },
        }
    }

    fn sample() -> Graph {
        let mut b = GraphBuilder::new();
        b.set_label("person:trap", NodeKind::Person, TRAP);
        b.mention("person:trap", NodeKind::Person, "Trap", true);
        b.mention("country:coree-du-nord", NodeKind::Country, "Corée du Nord", true);
        b.mention("country:russie", NodeKind::Country, "Russie", true);
        b.fact(fact(
            "country:coree-du-nord",
            Relation::Deploys,
            "country:russie",
            &[("quantity", AttrValue::Int(3000)), ("date", AttrValue::Text("2024-10-21".into()))],
        ));
        b.fact(fact("person:trap", Relation::AffiliatedWith, "country:russie", &[("weight", AttrValue::Int(9))]));
        b.finish()
    }

    fn render(graph: &Graph) -> String {
        let mut out = Vec::new();
        write(graph, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn trap_label_is_one_cdata_section() {
        let text = render(&sample());
        let expected = "<data key=\"v_label\"><![CDATA[Trap « » ’ & < > \" \\ ab\nsecond  line end\\]]></data>";
        assert!(text.contains(expected), "{text}");
        assert!(text.contains("<data key=\"v_aliases\">Trap</data>"));
        assert!(text.contains("<data key=\"v_node_id\">person:trap</data>"));
    }

    #[test]
    fn evidence_with_cdata_terminator_is_split() {
        let text = render(&sample());
        let expected = "<data key=\"e_evidence\"><![CDATA[{\"doc\":\"001.txt\",\"sentence\":3,\"start\":10,\"end\":40,\"text\":\"Selon Séoul, 3 000 soldats & <chars>]]]]><![CDATA[> ont été envoyés.\",\"rule\":\"deploys/envoyer-en\"";
        assert!(text.contains(expected), "{text}");
    }

    #[test]
    fn evidence_keeps_every_sentence_one_json_line_each() {
        let mut b = GraphBuilder::new();
        b.mention("country:a", NodeKind::Country, "Aland", true);
        b.mention("country:b", NodeKind::Country, "Borduria", true);
        for (sentence, text) in [(4, "Aland a rencontré Borduria.\nSuite"), (1, "Aland et Borduria, | encore.")] {
            let mut f = fact("country:a", Relation::Met, "country:b", &[]);
            f.evidence.sentence = sentence;
            f.evidence.start = sentence * 100;
            f.evidence.end = sentence * 100 + 30;
            f.evidence.text = text.into();
            b.fact(f);
        }
        let g = b.finish();
        let text = render(&g);
        let start = text.find("<data key=\"e_evidence\">").unwrap() + "<data key=\"e_evidence\">".len();
        let value = &text[start..start + text[start..].find("</data>").unwrap()];
        let lines: Vec<serde_json::Value> = value.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len(), 2, "{value}");
        let mut got: Vec<(u64, &str)> =
            lines.iter().map(|l| (l["sentence"].as_u64().unwrap(), l["text"].as_str().unwrap())).collect();
        got.sort();
        assert_eq!(got, [(1, "Aland et Borduria, | encore."), (4, "Aland a rencontré Borduria.\nSuite")]);
        assert!(lines.iter().all(|l| l["doc"] == "001.txt"));
    }

    #[test]
    fn keys_come_first_and_are_typed() {
        let text = render(&sample());
        let graph_at = text.find("<graph ").unwrap();
        assert_eq!(text.rfind("<key ").map(|k| k < graph_at), Some(true));
        assert!(text.contains(r#"<key id="v_mentions" for="node" attr.name="mentions" attr.type="int"/>"#));
        assert!(text.contains(r#"<key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>"#));
        assert!(text.contains(r#"<key id="e_quantity" for="edge" attr.name="quantity" attr.type="long"/>"#));
        // An extractor attribute named like Gephi's weight must not become the weight.
        assert!(text.contains(r#"<key id="e_x0" for="edge" attr.name="attr_weight" attr.type="long"/>"#));
        for line in text.lines().filter(|l| l.contains("<key ")) {
            assert!(line.contains(r#"for="node""#) || line.contains(r#"for="edge""#), "{line}");
        }
    }

    #[test]
    fn edges_use_synthetic_ids_and_carry_attributes() {
        let g = sample();
        let text = render(&g);
        // Nodes sorted by id: country:coree-du-nord, country:russie, person:trap.
        assert!(text.contains(r#"<edge id="e0" source="n0" target="n1">"#), "{text}");
        assert!(text.contains(r#"<edge id="e1" source="n2" target="n1">"#));
        assert!(text.contains("<data key=\"e_weight\">1.0</data>"));
        assert!(text.contains("<data key=\"e_quantity\">3000</data>"));
        assert!(text.contains("<data key=\"e_date\">2024-10-21</data>"));
        assert!(text.contains("<data key=\"e_modality\">reported</data>"));
        assert!(text.contains("<data key=\"e_rule\">deploys/envoyer-en</data>"));
        assert_eq!(text.matches("<data key=\"e_quantity\">").count(), 1);
    }

    #[test]
    fn output_is_deterministic_and_clean() {
        let g = sample();
        let text = render(&g);
        assert_eq!(text, render(&g));
        assert_eq!(text, render(&sample()));
        assert!(text.ends_with("</graphml>\n") && !text.ends_with("\n\n"));
        assert!(!text.contains('\r'));
        assert!(text.chars().all(super::super::xml::is_xml_char));
        assert!(!text.contains('\u{7}'));
    }

    #[test]
    fn empty_graph_is_valid_shape() {
        let text = render(&GraphBuilder::new().finish());
        assert!(text.contains("<graph id=\"trame\" edgedefault=\"directed\">\n  </graph>\n"));
    }
}
