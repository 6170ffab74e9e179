//! The knowledge graph: nodes keyed by stable ids, typed edges with evidence.
//!
//! A `Graph` is built once by `GraphBuilder::finish` from the facts of every
//! document, in document order, and is immutable afterwards. Nodes are sorted
//! by id and edges by (source, relation, target, modality), so every export
//! and every query sees the same order whatever the order of the inputs.
//! The graph the queries walk is petgraph's, built from this one by
//! `Index::from_graph` (`index.rs`) or read from the cache.

use std::collections::BTreeMap;

use crate::ontology::{Modality, NodeKind, Relation};
use indexmap::IndexMap;

/// An attribute value on an edge or a piece of evidence.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum AttrValue {
    /// A whole number, such as a troop count.
    Int(i64),
    /// Free text, such as an ISO date or a unit word.
    Text(String),
}

/// Attributes sorted by name, so they serialize in one order.
pub type Attrs = BTreeMap<String, AttrValue>;

/// One place in one document that supports an edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// The input file's name.
    pub doc: String,
    /// Index of the sentence in its document, from 0.
    pub sentence: usize,
    /// Char (code point) offset of the sentence in its document as
    /// written (before NFC).
    pub start: usize,
    /// Char offset one past the sentence's end.
    pub end: usize,
    /// The sentence text as written (the slice `start..end`).
    pub text: String,
    /// The rule that read the fact, such as `holds_role/title-before-name`.
    pub rule: String,
    /// What this sentence says of the fact (quantity, date…); sources may disagree.
    pub attrs: Attrs,
}

/// A node of the graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// `kind:slug`, stable across runs.
    pub id: String,
    /// The fullest name seen, or the claim text.
    pub label: String,
    /// What the node stands for.
    pub kind: NodeKind,
    /// Other names seen in the text, sorted, without the label.
    pub aliases: Vec<String>,
    /// How many mentions resolved to this node.
    pub mentions: u32,
    /// How many claims the actor stated, counted when the claim nodes are
    /// left out of the graph (`--actors-only`); `None` while they are in it.
    pub claims: Option<u32>,
}

/// A typed, directed edge (symmetric relations keep the smaller id as source).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// Source node id.
    pub source: String,
    /// Target node id.
    pub target: String,
    /// The relation.
    pub relation: Relation,
    /// How the text holds the fact.
    pub modality: Modality,
    /// Attributes of the edge: those of its first evidence, plus `modality`.
    pub attrs: Attrs,
    /// Every sentence that states the fact, sorted by (doc, start).
    pub evidence: Vec<Evidence>,
}

/// A fact read from one sentence, before merging.
#[derive(Debug, Clone)]
pub struct Fact {
    /// Source node id.
    pub source: String,
    /// Relation.
    pub relation: Relation,
    /// Target node id.
    pub target: String,
    /// How the text holds it.
    pub modality: Modality,
    /// Where it was read, with its own attributes.
    pub evidence: Evidence,
}

/// The merged graph of every document.
#[derive(Debug, Default)]
pub struct Graph {
    nodes: IndexMap<String, Node>,
    edges: Vec<Edge>,
}

impl Graph {
    /// Nodes sorted by id.
    pub fn nodes(&self) -> impl ExactSizeIterator<Item = &Node> {
        self.nodes.values()
    }

    /// Edges sorted by (source, relation, target, modality).
    pub fn edges(&self) -> &[Edge] {
        &self.edges
    }

    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.get(id)
    }

    /// Position of a node in `nodes()`.
    pub fn node_index(&self, id: &str) -> Option<usize> {
        self.nodes.get_index_of(id)
    }

    /// Count of nodes of one kind.
    pub fn count_kind(&self, kind: NodeKind) -> usize {
        self.nodes.values().filter(|n| n.kind == kind).count()
    }

    /// Count of edges of one relation.
    pub fn count_relation(&self, rel: Relation) -> usize {
        self.edges.iter().filter(|e| e.relation == rel).count()
    }
}

#[derive(Debug, Default)]
struct NodeAcc {
    kind: Option<NodeKind>,
    label: String,
    label_rank: (usize, usize),
    names: BTreeMap<String, u32>,
    mentions: u32,
    claims: Option<u32>,
}

/// Collects nodes and facts in document order, then sorts them into a `Graph`.
#[derive(Debug, Default)]
pub struct GraphBuilder {
    nodes: IndexMap<String, NodeAcc>,
    edges: IndexMap<(String, Relation, String, Modality), Vec<Evidence>>,
}

impl GraphBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Declares a node, or adds a name and a mention to it. The label is the
    /// name with the most words, then the most frequent, then the first seen.
    pub fn mention(&mut self, id: &str, kind: NodeKind, name: &str, counted: bool) {
        let acc = self.nodes.entry(id.to_string()).or_default();
        acc.kind.get_or_insert(kind);
        if counted {
            acc.mentions = acc.mentions.saturating_add(1);
        }
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        let seen = acc.names.entry(name.to_string()).or_insert(0);
        *seen += 1;
        // The fullest writing, then the most frequent: a hyphen parts words
        // as a space does, so "Jean-Luc X" written often beats "Jean Luc X"
        // written once.
        let words = name.split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty()).count();
        let rank = (words, *seen as usize);
        if acc.label.is_empty() || rank > acc.label_rank {
            acc.label = name.to_string();
            acc.label_rank = rank;
        }
    }

    /// Sets a node's label outright (lexicon entries have a canonical name).
    pub fn set_label(&mut self, id: &str, kind: NodeKind, label: &str) {
        let acc = self.nodes.entry(id.to_string()).or_default();
        acc.kind.get_or_insert(kind);
        acc.label = label.to_string();
        acc.label_rank = (usize::MAX, usize::MAX);
    }

    /// Declares a node, or adds `count` mentions to it at once (the count
    /// stops at `u32::MAX`).
    pub fn add_mentions(&mut self, id: &str, kind: NodeKind, count: u32) {
        let acc = self.nodes.entry(id.to_string()).or_default();
        acc.kind.get_or_insert(kind);
        acc.mentions = acc.mentions.saturating_add(count);
    }

    /// Sets how many claims a declared node stated (see [`Node::claims`]).
    pub fn set_claims(&mut self, id: &str, count: u32) {
        if let Some(acc) = self.nodes.get_mut(id) {
            acc.claims = Some(count);
        }
    }

    /// Whether a node was declared.
    pub fn has_node(&self, id: &str) -> bool {
        self.nodes.contains_key(id)
    }

    /// The kind a node was declared with.
    pub fn node_kind(&self, id: &str) -> Option<NodeKind> {
        self.nodes.get(id).and_then(|acc| acc.kind)
    }

    /// Adds a fact; the same (source, relation, target, modality) read twice
    /// becomes one edge with two pieces of evidence. The same sentence read
    /// twice with the same attributes counts once (the first read is kept);
    /// `finish` drops the repeats, in O(n log n) for an edge read n times.
    pub fn fact(&mut self, fact: Fact) {
        let (mut s, mut t) = (fact.source, fact.target);
        if s == t {
            return;
        }
        if fact.relation.is_symmetric() && t < s {
            std::mem::swap(&mut s, &mut t);
        }
        self.edges.entry((s, fact.relation, t, fact.modality)).or_default().push(fact.evidence);
    }

    /// Sorts everything. Edges whose ends were
    /// never declared as nodes are dropped (a bug upstream, not a user error).
    pub fn finish(self) -> Graph {
        let mut nodes: Vec<Node> = self
            .nodes
            .into_iter()
            .filter_map(|(id, acc)| {
                let kind = acc.kind?;
                let label = if acc.label.is_empty() { id.clone() } else { acc.label };
                let aliases = acc.names.into_keys().filter(|n| *n != label).collect();
                Some(Node { id, label, kind, aliases, mentions: acc.mentions, claims: acc.claims })
            })
            .collect();
        nodes.sort_by(|a, b| a.id.cmp(&b.id));
        let nodes: IndexMap<String, Node> = nodes.into_iter().map(|n| (n.id.clone(), n)).collect();

        let mut edges: Vec<Edge> = self
            .edges
            .into_iter()
            .filter(|((s, _, t, _), _)| nodes.contains_key(s) && nodes.contains_key(t))
            .map(|((source, relation, target, modality), evidence)| {
                let mut evidence = first_reads(evidence);
                evidence.sort_by(|a, b| (&a.doc, a.start, &a.rule).cmp(&(&b.doc, b.start, &b.rule)));
                let mut attrs = Attrs::new();
                for ev in &evidence {
                    for (k, v) in &ev.attrs {
                        attrs.entry(k.clone()).or_insert_with(|| v.clone());
                    }
                }
                attrs.insert("modality".into(), AttrValue::Text(modality.as_str().into()));
                Edge { source, target, relation, modality, attrs, evidence }
            })
            .collect();
        edges.sort_by(|a, b| {
            (&a.source, a.relation.as_str(), &a.target, a.modality).cmp(&(
                &b.source,
                b.relation.as_str(),
                &b.target,
                b.modality,
            ))
        });
        Graph { nodes, edges }
    }
}

/// The evidence of one edge without repeats: of the reads of one sentence
/// (document and start) with the same attributes, the first, in the order
/// they came.
fn first_reads(evidence: Vec<Evidence>) -> Vec<Evidence> {
    if evidence.len() < 2 {
        return evidence;
    }
    let mut order: Vec<usize> = (0..evidence.len()).collect();
    let key = |i: usize| (&evidence[i].doc, evidence[i].start, &evidence[i].attrs);
    order.sort_by(|&a, &b| key(a).cmp(&key(b)).then(a.cmp(&b)));
    let mut keep = vec![false; evidence.len()];
    for (j, &i) in order.iter().enumerate() {
        keep[i] = j == 0 || key(order[j - 1]) != key(i);
    }
    evidence.into_iter().zip(keep).filter(|(_, k)| *k).map(|(e, _)| e).collect()
}

/// A slug for node ids: lowercase ASCII letters and digits joined by `-`.
pub fn slug(text: &str) -> String {
    let folded = crate::text::fold(text);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        // Names in scripts the folder keeps (Cyrillic, Hangul…) still need an id.
        for c in text.chars().filter(|c| c.is_alphanumeric()) {
            out.push_str(&format!("u{:x}", c as u32));
        }
    }
    out
}

/// The id of a node: `kind:slug`.
pub fn node_id(kind: NodeKind, name: &str) -> String {
    format!("{}:{}", kind.as_str(), slug(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(doc: &str, start: usize) -> Evidence {
        Evidence {
            doc: doc.into(),
            sentence: 0,
            start,
            end: start + 5,
            text: "x".into(),
            rule: "r".into(),
            attrs: Attrs::new(),
        }
    }

    #[test]
    fn slug_folds_accents_and_punctuation() {
        assert_eq!(slug("Corée du Nord"), "coree-du-nord");
        assert_eq!(slug("secrétaire d’État"), "secretaire-d-etat");
        assert_eq!(slug("  L'OTAN! "), "l-otan");
    }

    #[test]
    fn same_fact_twice_is_one_edge_with_two_evidence() {
        let mut b = GraphBuilder::new();
        b.mention("person:a", NodeKind::Person, "A", true);
        b.mention("person:b", NodeKind::Person, "B", true);
        for (doc, start) in [("2.txt", 4), ("1.txt", 9)] {
            b.fact(Fact {
                source: "person:b".into(),
                relation: Relation::Met,
                target: "person:a".into(),
                modality: Modality::Asserted,
                evidence: ev(doc, start),
            });
        }
        let g = b.finish();
        assert_eq!(g.edges().len(), 1);
        let e = &g.edges()[0];
        assert_eq!((e.source.as_str(), e.target.as_str()), ("person:a", "person:b"));
        assert_eq!(e.evidence.iter().map(|e| e.doc.as_str()).collect::<Vec<_>>(), ["1.txt", "2.txt"]);
    }

    #[test]
    fn the_same_sentence_read_twice_counts_once_and_many_reads_stay_fast() {
        let mut b = GraphBuilder::new();
        b.mention("person:a", NodeKind::Person, "A", true);
        b.mention("person:b", NodeKind::Person, "B", true);
        let fact = |doc: &str, start: usize, rule: &str| Fact {
            source: "person:a".into(),
            relation: Relation::Met,
            target: "person:b".into(),
            modality: Modality::Asserted,
            evidence: Evidence { rule: rule.into(), ..ev(doc, start) },
        };
        b.fact(fact("1.txt", 9, "second"));
        b.fact(fact("1.txt", 4, "first"));
        b.fact(fact("1.txt", 9, "again"));
        // An edge read in 200,000 sentences (quadratic before).
        for i in 0..200_000 {
            b.fact(fact("2.txt", i, "many"));
        }
        let g = b.finish();
        let ev = &g.edges()[0].evidence;
        assert_eq!(ev.len(), 200_002);
        assert_eq!((ev[0].start, ev[0].rule.as_str()), (4, "first"));
        assert_eq!((ev[1].start, ev[1].rule.as_str()), (9, "second"));
    }

    #[test]
    fn mentions_add_up_at_once_and_stop_at_the_maximum() {
        let mut b = GraphBuilder::new();
        b.add_mentions("person:a", NodeKind::Person, u32::MAX - 1);
        b.mention("person:a", NodeKind::Person, "A", true);
        b.mention("person:a", NodeKind::Person, "A", true);
        assert_eq!(b.finish().node("person:a").unwrap().mentions, u32::MAX);
    }

    #[test]
    fn label_is_the_fullest_name() {
        let mut b = GraphBuilder::new();
        b.mention("person:x", NodeKind::Person, "Lovelace", true);
        b.mention("person:x", NodeKind::Person, "Ada Lovelace", true);
        b.mention("person:x", NodeKind::Person, "Lovelace", true);
        let g = b.finish();
        let n = g.node("person:x").unwrap();
        assert_eq!(n.label, "Ada Lovelace");
        assert_eq!(n.aliases, ["Lovelace"]);
        assert_eq!(n.mentions, 3);
    }

    #[test]
    fn a_hyphen_parts_words_so_the_most_frequent_full_writing_is_the_label() {
        let mut b = GraphBuilder::new();
        b.mention("person:x", NodeKind::Person, "Marie Anne Varlet", true);
        b.mention("person:x", NodeKind::Person, "Marie-Anne Varlet", true);
        b.mention("person:x", NodeKind::Person, "Marie-Anne Varlet", true);
        b.mention("person:x", NodeKind::Person, "Varlet", true);
        let g = b.finish();
        assert_eq!(g.node("person:x").unwrap().label, "Marie-Anne Varlet");
    }
}
