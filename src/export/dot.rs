//! Writes the graph as Graphviz DOT, for a picture a reader can take in.
//!
//! We write DOT ourselves rather than use petgraph's `Dot`, which is a
//! debugging aid whose attribute getters are not escaped and whose output may
//! change between versions. The traps it avoids (`shared/exports.md`):
//!
//! - Every id is quoted (`"n0"`), so no id can be read as the keywords
//!   `node`, `edge` or `graph`. Ids are synthetic; names go in labels.
//! - In quoted strings `\` becomes `\\`, `"` becomes `\"` and a newline
//!   `\n`, and control characters are dropped. A label ending in a backslash
//!   therefore ends in `\\"`, which cannot escape the closing quote.
//! - `dot` only warns (and exits 0) on bad attributes or encodings, so every
//!   attribute we write is one Graphviz knows, the charset is declared as
//!   UTF-8, and the font (DejaVu Sans) has the accents French needs.
//! - Clusters only work with `dot` (and `fdp`). With `neato` and `sfdp` the
//!   legend is a chain of plain nodes, and `overlap=prism` keeps nodes apart.
//!
//! Each node kind has its own shape and colour, listed in a legend. Claims
//! are cut to about forty characters, with the full text in the tooltip
//! (SVG output shows it on hover). Edges carry their relation as a small
//! label, their modality when it is not `asserted`, and draw symmetric
//! relations (`met`, `allied_with`) without arrowheads.

use std::io::{self, BufWriter, Write};

use crate::graph::{AttrValue, Edge, Graph, Node};
use crate::ontology::{Modality, NodeKind, Relation};

/// Which Graphviz engine the file asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    /// Layered, left to right; the legend is a cluster.
    #[default]
    Dot,
    /// Spring model; for small graphs.
    Neato,
    /// Multiscale spring model; for large graphs.
    Sfdp,
}

/// The font of every label: DejaVu ships with Graphviz's Debian package and
/// covers French accents, guillemets and the typographic apostrophe.
const FONT: &str = "DejaVu Sans";

/// Claims longer than this many characters are cut in their label.
const CLAIM_LABEL_CHARS: usize = 40;

/// How a node kind is drawn: shape, extra style, fill colour, border colour,
/// and extra attributes.
struct KindStyle {
    shape: &'static str,
    style: &'static str,
    fill: &'static str,
    border: &'static str,
    extra: &'static str,
}

/// The drawing of each kind. Fills are light tints of the GEXF palette's
/// colours (Tableau 10), so black text stays readable on them, and borders
/// are the full colours.
fn kind_style(kind: NodeKind) -> KindStyle {
    let (shape, style, fill, border, extra) = match kind {
        NodeKind::Person => ("ellipse", "filled", "#d6e4f0", "#4e79a7", ""),
        NodeKind::Country => ("box", "filled", "#f8d3d3", "#e15759", ", peripheries=2"),
        NodeKind::Organization => ("box", "rounded,filled", "#fce3c8", "#f28e2b", ""),
        NodeKind::Location => ("house", "filled", "#d8ecd4", "#59a14f", ""),
        NodeKind::Role => ("note", "filled", "#eadde7", "#b07aa1", ""),
        NodeKind::Claim => ("plaintext", "filled", "#f1efee", "#8c8480", ", fontcolor=\"#3c3836\""),
    };
    KindStyle { shape, style, fill, border, extra }
}

/// Writes `graph` as DOT for the chosen Graphviz engine.
///
/// # Example
///
/// ```
/// use trame::export::dot::{self, Layout};
/// use trame::graph::GraphBuilder;
/// use trame::ontology::NodeKind;
///
/// let mut b = GraphBuilder::new();
/// b.mention("country:russie", NodeKind::Country, "Russie", true);
/// let mut out = Vec::new();
/// dot::write(&b.finish(), Layout::Dot, &mut out).unwrap();
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.contains(r#""n0" [label="Russie""#));
/// ```
pub fn write(graph: &Graph, layout: Layout, out: &mut dyn Write) -> io::Result<()> {
    let mut w = BufWriter::new(out);
    writeln!(w, "digraph \"trame\" {{")?;
    write_defaults(&mut w, layout)?;
    write_legend(&mut w, graph, layout)?;
    for (i, node) in graph.nodes().enumerate() {
        write_node(&mut w, i, node)?;
    }
    for edge in graph.edges() {
        write_edge(&mut w, graph, edge)?;
    }
    if layout == Layout::Dot {
        write_isolated_rows(&mut w, graph)?;
    }
    writeln!(w, "}}")?;
    w.flush()
}

fn write_defaults(w: &mut dyn Write, layout: Layout) -> io::Result<()> {
    let engine = match layout {
        Layout::Dot => "rankdir=LR, nodesep=0.3, ranksep=0.9",
        // Sep must exceed esep, or neato falls back to straight edges with a warning.
        Layout::Neato => "layout=neato, overlap=prism, splines=true, sep=\"+10\", esep=\"+4\"",
        Layout::Sfdp => "layout=sfdp, overlap=prism, splines=true, sep=\"+10\", esep=\"+4\"",
    };
    writeln!(
        w,
        "  graph [charset=\"UTF-8\", fontname=\"{FONT}\", fontsize=12, pad=0.3, outputorder=edgesfirst, {engine}];"
    )?;
    writeln!(w, "  node [fontname=\"{FONT}\", fontsize=11, margin=\"0.12,0.06\", penwidth=1.2];")?;
    writeln!(w, "  edge [fontname=\"{FONT}\", fontsize=8, color=\"#6b6b6b\", fontcolor=\"#4a4a4a\", arrowsize=0.7];")
}

/// The legend: one sample node per kind present in the graph, in the
/// ontology's order. With `dot` it is a cluster; the other engines ignore
/// clusters, so there the samples are chained by invisible edges to keep
/// them together.
fn write_legend(w: &mut dyn Write, graph: &Graph, layout: Layout) -> io::Result<()> {
    let kinds: Vec<NodeKind> = NodeKind::ALL.into_iter().filter(|&k| graph.count_kind(k) > 0).collect();
    if kinds.is_empty() {
        return Ok(());
    }
    let indent = if layout == Layout::Dot { "    " } else { "  " };
    if layout == Layout::Dot {
        writeln!(w, "  subgraph \"cluster_legend\" {{")?;
        writeln!(
            w,
            "    graph [label=\"Legend\", fontsize=12, style=\"rounded,dashed\", color=\"#9a9a9a\", margin=10];"
        )?;
    }
    for kind in &kinds {
        let s = kind_style(*kind);
        writeln!(
            w,
            "{indent}{} [label={}, shape={}, style=\"{}\", fillcolor=\"{}\", color=\"{}\"{}, tooltip=\"node kind\"];",
            quote(&legend_id(*kind)),
            quote(kind.as_str()),
            s.shape,
            s.style,
            s.fill,
            s.border,
            s.extra
        )?;
    }
    let note = graph.edges().iter().any(is_quiet);
    if note {
        writeln!(
            w,
            "{indent}\"legend_mentions\" [label=\"grey line: mentions\", shape=plaintext, fontsize=9, fontcolor=\"#6b6b6b\", tooltip=\"a claim names this actor\"];"
        )?;
    }
    if layout == Layout::Dot {
        writeln!(w, "  }}")
    } else {
        // A title node heads the chain, since there is no cluster label.
        writeln!(w, "  \"legend\" [label=\"Legend\", shape=plaintext, fontsize=12, tooltip=\"node kinds\"];")?;
        let mut previous = "legend".to_string();
        let ids = kinds.iter().map(|k| legend_id(*k)).chain(note.then(|| "legend_mentions".to_string()));
        for id in ids {
            writeln!(w, "  {} -> {} [style=invis];", quote(&previous), quote(&id))?;
            previous = id;
        }
        Ok(())
    }
}

/// How many unconnected nodes share a row in the `dot` layout.
const ISOLATED_PER_ROW: usize = 4;

/// With `dot`, nodes without edges all land in the first rank, one tall
/// column that stretches the picture. Invisible edges chain them into rows
/// of a few nodes instead (left to right, since ranks run that way).
fn write_isolated_rows(w: &mut dyn Write, graph: &Graph) -> io::Result<()> {
    let mut linked = vec![false; graph.nodes().len()];
    for edge in graph.edges() {
        for id in [&edge.source, &edge.target] {
            if let Some(i) = graph.node_index(id) {
                linked[i] = true;
            }
        }
    }
    let isolated: Vec<usize> = (0..linked.len()).filter(|&i| !linked[i]).collect();
    for row in isolated.chunks(ISOLATED_PER_ROW) {
        for pair in row.windows(2) {
            writeln!(w, "  \"n{}\" -> \"n{}\" [style=invis];", pair[0], pair[1])?;
        }
    }
    Ok(())
}

/// Legend node ids (and the title `legend`) cannot clash with graph nodes,
/// which are `n0`, `n1`…
fn legend_id(kind: NodeKind) -> String {
    format!("legend_{}", kind.as_str())
}

fn write_node(w: &mut dyn Write, index: usize, node: &Node) -> io::Result<()> {
    let s = kind_style(node.kind);
    writeln!(
        w,
        "  \"n{index}\" [label={}, shape={}, style=\"{}\", fillcolor=\"{}\", color=\"{}\"{}, tooltip={}];",
        quote(&node_label(node)),
        s.shape,
        s.style,
        s.fill,
        s.border,
        s.extra,
        quote(&node_tooltip(node))
    )
}

/// The label drawn in the node: the whole label, except for claims, which
/// are cut so that a long quotation does not stretch the picture.
fn node_label(node: &Node) -> String {
    if node.kind == NodeKind::Claim {
        shorten(&node.label, CLAIM_LABEL_CHARS)
    } else {
        node.label.clone()
    }
}

/// The hover text: the full label, the kind and id, and the other names.
fn node_tooltip(node: &Node) -> String {
    let mut tip = format!("{}\n{}, {} mentions", node.label, node.id, node.mentions);
    if let Some(c) = node.claims {
        tip.push_str(&format!(", {c} claims"));
    }
    if !node.aliases.is_empty() {
        tip.push_str("\naka ");
        tip.push_str(&node.aliases.join(", "));
    }
    tip
}

/// `text` on one line (runs of whitespace become one space), cut to at most
/// `max` characters plus "…". The cut falls on the last space of the
/// second half of the allowance, so words stay whole when they can.
fn shorten(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let head: String = flat.chars().take(max).collect();
    let cut = match head.rfind(' ') {
        Some(pos) if head[..pos].chars().count() >= max / 2 => &head[..pos],
        _ => head.as_str(),
    };
    format!("{}…", cut.trim_end_matches([' ', ',', ';', ':']))
}

fn write_edge(w: &mut dyn Write, graph: &Graph, edge: &Edge) -> io::Result<()> {
    // `Graph` only keeps edges whose ends are nodes, so the lookups succeed.
    let source = graph.node_index(&edge.source).expect("edge source is a node");
    let target = graph.node_index(&edge.target).expect("edge target is a node");
    // Asserted `mentions` edges, most of a picture's lines, are drawn light
    // grey without a label (the legend says so); their tooltip names them.
    let label = if is_quiet(edge) { String::new() } else { format!("label={}, ", quote(&edge_label(edge))) };
    let mut attrs = format!("{label}tooltip={}, penwidth={:.1}", quote(&edge_tooltip(edge)), edge_width(edge));
    attrs.push_str(edge_style(edge));
    writeln!(w, "  \"n{source}\" -> \"n{target}\" [{attrs}];")
}

/// Whether an edge is drawn as a plain grey line without label.
fn is_quiet(edge: &Edge) -> bool {
    edge.relation == Relation::Mentions && edge.modality == Modality::Asserted
}

/// The relation, with the modality when the text does not assert the fact,
/// and a second line with the quantity and date when the fact has them
/// (how many troops, and when, is most of a deployment's story).
fn edge_label(edge: &Edge) -> String {
    let mut label = match edge.modality {
        Modality::Asserted => edge.relation.as_str().to_string(),
        m => format!("{} ({})", edge.relation.as_str(), m.as_str()),
    };
    let details: Vec<String> = ["quantity", "date"]
        .iter()
        .filter_map(|name| edge.attrs.get(*name))
        .map(|value| match value {
            AttrValue::Int(n) => n.to_string(),
            AttrValue::Text(s) => s.clone(),
        })
        .collect();
    if !details.is_empty() {
        label.push('\n');
        label.push_str(&details.join(" · "));
    }
    label
}

/// The hover text: the relation, every attribute, and the first sentence.
fn edge_tooltip(edge: &Edge) -> String {
    let mut tip = edge.relation.as_str().to_string();
    for (name, value) in &edge.attrs {
        let value = match value {
            AttrValue::Int(n) => n.to_string(),
            AttrValue::Text(s) => s.clone(),
        };
        tip.push_str(&format!("\n{name}: {value}"));
    }
    tip.push_str(&format!("\nevidence: {}", edge.evidence.len()));
    if let Some(first) = edge.evidence.first() {
        tip.push_str(&format!("\n{} #{}: {}", first.doc, first.sentence, first.text));
    }
    tip
}

/// Wider lines for facts read more often, capped so that a fact repeated in
/// every article does not become a bar.
fn edge_width(edge: &Edge) -> f64 {
    let count = edge.evidence.len().clamp(1, 5) as f64;
    1.0 + 0.5 * (count - 1.0)
}

/// Extra attributes by modality and relation, each starting with ", ".
fn edge_style(edge: &Edge) -> &'static str {
    let symmetric = edge.relation.is_symmetric();
    match (edge.modality, symmetric) {
        (Modality::Negated, _) => ", style=dotted, color=\"#c0392b\", fontcolor=\"#c0392b\"",
        (Modality::Possible, _) => ", style=dotted",
        (Modality::Reported, true) => ", style=dashed, dir=none",
        (Modality::Reported, false) => ", style=dashed",
        (Modality::Asserted, true) => ", dir=none",
        (Modality::Asserted, false) if edge.relation == Relation::Mentions => ", color=\"#b0b0b0\"",
        (Modality::Asserted, false) => "",
    }
}

/// `s` as a DOT quoted string. Backslashes and quotes are escaped, a newline
/// becomes `\n` (a centred line break in labels), a tab a space, and other
/// control characters and non-characters are dropped, since Graphviz would
/// draw them as boxes or reject the encoding.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
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

    const TRAP: &str = "Trap « » ’ & < > \" \\ a\u{7}b\nsecond  line end\\";

    fn sample() -> Graph {
        let mut b = GraphBuilder::new();
        b.set_label("person:trap", NodeKind::Person, TRAP);
        b.mention("person:other", NodeKind::Person, "Xi Jinping", true);
        b.mention("country:russie", NodeKind::Country, "Russie", true);
        let claim = "les troupes sud-africaines ont reçu de faux papiers d’identité russes";
        b.mention("claim:faux-papiers", NodeKind::Claim, claim, false);
        for (source, relation, target, modality) in [
            ("person:trap", Relation::Met, "person:other", Modality::Asserted),
            ("person:trap", Relation::Stated, "claim:faux-papiers", Modality::Asserted),
            ("person:other", Relation::Visited, "country:russie", Modality::Reported),
        ] {
            b.fact(Fact {
                source: source.into(),
                relation,
                target: target.into(),
                modality,
                evidence: Evidence {
                    doc: "003.txt".into(),
                    sentence: 0,
                    start: 0,
                    end: 10,
                    text: "Il a dit \"non\" \\ puis\u{1b} rien.".into(),
                    rule: "r".into(),
                    attrs: Default::default(),
                },
            });
        }
        b.finish()
    }

    fn render(layout: Layout) -> String {
        let mut out = Vec::new();
        write(&sample(), layout, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn quote_escapes_and_drops_controls() {
        assert_eq!(quote(TRAP), r#""Trap « » ’ & < > \" \\ ab\nsecond  line end\\""#);
        assert_eq!(quote("end\\"), r#""end\\""#);
        assert_eq!(quote("a\tb\r\u{85}c"), r#""a bc""#);
    }

    #[test]
    fn trap_label_is_escaped_in_the_file() {
        let text = render(Layout::Dot);
        // Nodes sorted by id: claim, country, person:other, person:trap.
        let expected = r#""n3" [label="Trap « » ’ & < > \" \\ ab\nsecond  line end\\", shape=ellipse"#;
        assert!(text.contains(expected), "{text}");
        assert!(text.contains(r#"003.txt #0: Il a dit \"non\" \\ puis rien.""#), "{text}");
    }

    #[test]
    fn claims_are_cut_with_full_text_in_tooltip() {
        let text = render(Layout::Dot);
        assert!(text.contains(r#""n0" [label="les troupes sud-africaines ont reçu de…", shape=plaintext"#), "{text}");
        assert!(text.contains("tooltip=\"les troupes sud-africaines ont reçu de faux papiers d’identité russes\\nclaim:faux-papiers, 0 mentions\""));
        assert_eq!(shorten("court", 40), "court");
        assert_eq!(shorten("a\n  b", 40), "a b");
        assert_eq!(shorten(&"x".repeat(50), 40), format!("{}…", "x".repeat(40)));
    }

    #[test]
    fn edges_show_relation_modality_and_symmetry() {
        let text = render(Layout::Dot);
        assert!(text.contains(r#""n2" -> "n3" [label="met""#), "{text}");
        assert!(text.contains(", dir=none];"));
        assert!(text.contains(r#""n2" -> "n1" [label="visited (reported)""#));
    }

    #[test]
    fn deploy_labels_carry_quantity_and_date() {
        let attrs = [("quantity", AttrValue::Int(3000)), ("date", AttrValue::Text("2024-10-21".into()))];
        let edge = Edge {
            source: "country:a".into(),
            target: "country:b".into(),
            relation: Relation::Deploys,
            modality: Modality::Reported,
            attrs: attrs.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
            evidence: Vec::new(),
        };
        assert_eq!(edge_label(&edge), "deploys (reported)\n3000 · 2024-10-21");
        assert_eq!(quote(&edge_label(&edge)), r#""deploys (reported)\n3000 · 2024-10-21""#);
        assert!(edge_tooltip(&edge).contains("\nquantity: 3000"));
    }

    #[test]
    fn mentions_are_grey_lines_without_label_and_isolated_nodes_form_rows() {
        let mut b = GraphBuilder::new();
        for i in 0..6 {
            b.mention(&format!("location:l{i}"), NodeKind::Location, &format!("L{i}"), true);
        }
        b.mention("claim:c", NodeKind::Claim, "une affirmation", false);
        b.fact(Fact {
            source: "claim:c".into(),
            relation: Relation::Mentions,
            target: "location:l0".into(),
            modality: Modality::Asserted,
            evidence: Evidence {
                doc: "a.txt".into(),
                sentence: 0,
                start: 0,
                end: 1,
                text: "x".into(),
                rule: "r".into(),
                attrs: Default::default(),
            },
        });
        let mut out = Vec::new();
        write(&b.finish(), Layout::Dot, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        // Nodes: claim:c n0, location:l0..l5 n1..n6; n1 has an edge.
        assert!(text.contains(r#""n0" -> "n1" [tooltip="mentions\nmodality: asserted"#), "{text}");
        assert!(text.contains("\"legend_mentions\" [label=\"grey line: mentions\""));
        for (a, z) in [(2, 3), (3, 4), (4, 5)] {
            assert!(text.contains(&format!("\"n{a}\" -> \"n{z}\" [style=invis];")), "{text}");
        }
        assert!(!text.contains("\"n5\" -> \"n6\" [style=invis]"), "{text}");
    }

    #[test]
    fn dot_layout_has_a_legend_cluster() {
        let text = render(Layout::Dot);
        assert!(text.contains("rankdir=LR"));
        assert!(text.contains("subgraph \"cluster_legend\" {"));
        assert!(text.contains(r#""legend_country" [label="country", shape=box"#));
        assert!(!text.contains("legend_organization"));
    }

    #[test]
    fn spring_layouts_have_no_clusters() {
        for (layout, name) in [(Layout::Neato, "neato"), (Layout::Sfdp, "sfdp")] {
            let text = render(layout);
            assert!(text.contains(&format!("layout={name}, overlap=prism, splines=true")));
            assert!(!text.contains("subgraph") && !text.contains("rankdir"));
            assert!(text.contains(r#""legend" -> "legend_person" [style=invis];"#), "{text}");
            assert!(text.contains(r#""legend_person" -> "legend_country" [style=invis];"#), "{text}");
        }
    }

    #[test]
    fn output_is_deterministic_and_clean() {
        for layout in [Layout::Dot, Layout::Neato, Layout::Sfdp] {
            let text = render(layout);
            assert_eq!(text, render(layout));
            assert!(text.ends_with("}\n") && !text.ends_with("\n\n"));
            assert!(!text.chars().any(|c| c.is_control() && c != '\n'));
        }
    }
}
