//! Writes the graph as two CSV files, `nodes.csv` and `edges.csv`, for
//! Gephi's spreadsheet import and for `neo4j-admin database import`.
//!
//! The headers are Neo4j's typed headers, because Neo4j is the stricter of
//! the two readers: it needs them to know the ids, labels, types and number
//! columns, while Gephi takes any header row as column titles.
//!
//! ```text
//! id:ID,label,kind:LABEL,mentions:int,aliases
//! :START_ID,:END_ID,:TYPE,relation,weight:double,modality,quantity:long,date,evidence,doc,rule
//! ```
//!
//! - Neo4j: `id:ID` is the node id and also stored as the `id` property;
//!   `kind:LABEL` makes the kind (`person`, `country`…) the node's label.
//!   `:TYPE` is the relation in Neo4j's upper-case style (`HOLDS_ROLE`);
//!   the `relation` column keeps trame's spelling (`holds_role`). Labels
//!   and evidence may hold newlines, so run the import with
//!   `--multiline-fields=true`; a backslash is an ordinary character only
//!   without `--legacy-style-quoting` (the default in Neo4j 5).
//! - Gephi: in the import wizard, choose `id:ID` as the Id column and
//!   `:START_ID` / `:END_ID` as Source and Target (Gephi looks for columns
//!   named `Id`, `Source` and `Target` and does not know Neo4j's names), and
//!   set `mentions:int` to Integer and `weight:double` to Double. Gephi
//!   reads `label` as the node label. The `:TYPE` title does not match
//!   Gephi's `Type` (directed or undirected) column, which is on purpose:
//!   every edge is directed.
//! - Both: comma-separated, fields quoted as RFC 4180 says (a quote inside
//!   is doubled), UTF-8 without BOM, LF line ends (both readers accept LF,
//!   and the other exports use it). Every non-empty text field is quoted, so
//!   commas, quotes, newlines and backslashes survive, and leading or
//!   trailing spaces are not trimmed. Numbers are bare. A missing value is
//!   an empty, unquoted field, which Neo4j reads as "no property" (an empty
//!   `quantity:long` is not an error) and Gephi as an empty cell.
//! - `aliases` is one text column, the names joined with `;` (Neo4j's array
//!   separator, should a user retype the column as `aliases:string[]`).
//! - Control characters other than newline and tab are dropped, as in the
//!   XML exports, so that every export carries the same text.
//!
//! The edge columns after `:TYPE` hold what a spreadsheet needs: the weight
//! (the number of sentences stating the fact, as in GraphML and GEXF), the
//! modality, the quantity and date when the fact has them, and the first
//! evidence sentence with its document and rule. A quantity that is not a
//! whole number is left out, since the column is `long`. The JSON export
//! has every piece of evidence and every attribute.

use std::io::{self, BufWriter, Write};

use crate::graph::{AttrValue, Edge, Graph, Node};

/// The header of `nodes.csv`.
pub const NODES_HEADER: &str = "id:ID,label,kind:LABEL,mentions:int,aliases";

/// The header of `edges.csv`.
pub const EDGES_HEADER: &str =
    ":START_ID,:END_ID,:TYPE,relation,weight:double,modality,quantity:long,date,evidence,doc,rule";

/// The separator of the names in the `aliases` column.
pub const ALIAS_SEPARATOR: &str = ";";

/// Writes `nodes.csv`: one row per node, in `nodes()` order.
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
/// trame::export::csv::write_nodes(&b.finish(), &mut out).unwrap();
/// let text = String::from_utf8(out).unwrap();
/// assert_eq!(text, "id:ID,label,kind:LABEL,mentions:int,aliases\n\"country:russie\",\"Russie\",\"country\",1,\n");
/// ```
pub fn write_nodes(graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
    let mut w = BufWriter::new(out);
    // Claims counted on their speakers get a column when the claim nodes
    // were left out.
    let claims = graph.nodes().any(|n| n.claims.is_some());
    if claims {
        writeln!(w, "{NODES_HEADER},claims:int")?;
    } else {
        writeln!(w, "{NODES_HEADER}")?;
    }
    for node in graph.nodes() {
        write_node(&mut w, node, claims)?;
    }
    w.flush()
}

/// Writes `edges.csv`: one row per edge, in `edges()` order.
pub fn write_edges(graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
    let mut w = BufWriter::new(out);
    writeln!(w, "{EDGES_HEADER}")?;
    for edge in graph.edges() {
        write_edge(&mut w, edge)?;
    }
    w.flush()
}

fn write_node(w: &mut dyn Write, node: &Node, claims: bool) -> io::Result<()> {
    let mut fields = vec![
        text(&node.id),
        text(&node.label),
        text(node.kind.as_str()),
        node.mentions.to_string(),
        text(&node.aliases.join(ALIAS_SEPARATOR)),
    ];
    if claims {
        fields.push(node.claims.map_or(String::new(), |c| c.to_string()));
    }
    writeln!(w, "{}", fields.join(","))
}

fn write_edge(w: &mut dyn Write, edge: &Edge) -> io::Result<()> {
    let first = edge.evidence.first();
    let quantity = match edge.attrs.get("quantity") {
        Some(AttrValue::Int(n)) => n.to_string(),
        _ => String::new(),
    };
    let date = match edge.attrs.get("date") {
        Some(AttrValue::Text(s)) => text(s),
        Some(AttrValue::Int(n)) => text(&n.to_string()),
        None => String::new(),
    };
    let fields = [
        text(&edge.source),
        text(&edge.target),
        text(&edge.relation.as_str().to_uppercase()),
        text(edge.relation.as_str()),
        format!("{:.1}", edge.evidence.len() as f64),
        text(edge.modality.as_str()),
        quantity,
        date,
        text(first.map_or("", |e| e.text.as_str())),
        text(first.map_or("", |e| e.doc.as_str())),
        text(first.map_or("", |e| e.rule.as_str())),
    ];
    writeln!(w, "{}", fields.join(","))
}

/// A text field: empty and unquoted when `s` is empty, otherwise quoted,
/// with quotes doubled and control characters other than newline and tab
/// dropped.
fn text(s: &str) -> String {
    if s.is_empty() {
        return String::new();
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\"\""),
            '\n' | '\t' => out.push(c),
            '\u{FFFE}' | '\u{FFFF}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Evidence, Fact, GraphBuilder};
    use crate::ontology::{Modality, NodeKind, Relation};

    const TRAP: &str = "Trap « » ’ & < > \" \\ a\u{7}b\nsecond  line end\\";

    fn sample() -> Graph {
        let mut b = GraphBuilder::new();
        b.set_label("person:trap", NodeKind::Person, TRAP);
        b.mention("person:trap", NodeKind::Person, "Trap, Jr.", true);
        b.mention("person:trap", NodeKind::Person, "T", true);
        b.mention("country:coree-du-nord", NodeKind::Country, "Corée du Nord", true);
        b.mention("country:russie", NodeKind::Country, "Russie", true);
        let attrs = [("quantity", AttrValue::Int(3000)), ("date", AttrValue::Text("2024-10-21".into()))];
        for (source, relation, target, attrs) in [
            ("country:coree-du-nord", Relation::Deploys, "country:russie", &attrs[..]),
            ("person:trap", Relation::AffiliatedWith, "country:russie", &[][..]),
        ] {
            b.fact(Fact {
                source: source.into(),
                relation,
                target: target.into(),
                modality: Modality::Reported,
                evidence: Evidence {
                    doc: "a,b.txt".into(),
                    sentence: 1,
                    start: 0,
                    end: 10,
                    text: "Selon « Séoul », 3 000 \"soldats\"\nsuite\\".into(),
                    rule: "deploys/envoyer-en".into(),
                    attrs: attrs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect(),
                },
            });
        }
        b.finish()
    }

    fn render(f: fn(&Graph, &mut dyn Write) -> io::Result<()>) -> String {
        let mut out = Vec::new();
        f(&sample(), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn nodes_are_quoted_and_typed() {
        let text = render(write_nodes);
        let expected = "id:ID,label,kind:LABEL,mentions:int,aliases\n\
            \"country:coree-du-nord\",\"Corée du Nord\",\"country\",1,\n\
            \"country:russie\",\"Russie\",\"country\",1,\n\
            \"person:trap\",\"Trap « » ’ & < > \"\" \\ ab\nsecond  line end\\\",\"person\",2,\"T;Trap, Jr.\"\n";
        assert_eq!(text, expected);
    }

    #[test]
    fn edges_carry_type_weight_and_first_evidence() {
        let text = render(write_edges);
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        assert_eq!(lines[0], format!("{EDGES_HEADER}\n"));
        let evidence = "\"Selon « Séoul », 3 000 \"\"soldats\"\"\nsuite\\\",\"a,b.txt\",\"deploys/envoyer-en\"\n";
        assert_eq!(
            text,
            format!(
                "{EDGES_HEADER}\n\
                \"country:coree-du-nord\",\"country:russie\",\"DEPLOYS\",\"deploys\",1.0,\"reported\",3000,\"2024-10-21\",{evidence}\
                \"person:trap\",\"country:russie\",\"AFFILIATED_WITH\",\"affiliated_with\",1.0,\"reported\",,,{evidence}"
            )
        );
    }

    #[test]
    fn empty_graph_has_headers_only() {
        let g = GraphBuilder::new().finish();
        let mut out = Vec::new();
        write_nodes(&g, &mut out).unwrap();
        write_edges(&g, &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), format!("{NODES_HEADER}\n{EDGES_HEADER}\n"));
    }

    #[test]
    fn text_fields_drop_controls_only() {
        assert_eq!(text(""), "");
        assert_eq!(text("a\tb\r\u{1b}c\u{85}"), "\"a\tbc\"");
        assert_eq!(text("x\"y"), "\"x\"\"y\"");
    }
}
