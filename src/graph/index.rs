//! A compact, read-only view of a graph for the query commands.
//!
//! `Index` keeps what a query walks over in flat arrays: every string in one
//! arena, nodes as columns, edges as (source, target, relation, modality),
//! and the undirected adjacency in compressed rows, each row sorted by
//! (neighbour, edge). It is what `cache.rs` writes beside the JSON and reads
//! back in milliseconds, even for a million edges.
//!
//! Evidence is the bulk of a graph and a query prints only a few edges' worth
//! of it, so an `Index` read from the cache holds none: it keeps each edge's
//! byte range in the cache file, and the caller (who owns the file) reads
//! what it prints. An `Index` made from a `Graph` keeps the evidence in memory.
//!
//! Node and edge numbers are positions in `Graph::nodes()` and
//! `Graph::edges()` (nodes sorted by id), never petgraph indices.

use crate::ontology::{Modality, NodeKind, Relation};

use super::model::{Evidence, Graph};

/// A string in the arena: byte offset and length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Str {
    pub(crate) start: u32,
    pub(crate) len: u32,
}

/// One edge of the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EdgeInfo {
    /// Source node number.
    pub source: u32,
    /// Target node number.
    pub target: u32,
    /// The relation.
    pub relation: Relation,
    /// How the text holds the fact.
    pub modality: Modality,
    /// How many sentences support it.
    pub evidence: u32,
}

/// The query view of a graph. See the module docs.
#[derive(Debug, Default)]
pub struct Index {
    pub(crate) text: String,
    pub(crate) node_id: Vec<Str>,
    pub(crate) node_label: Vec<Str>,
    pub(crate) node_kind: Vec<NodeKind>,
    pub(crate) node_mentions: Vec<u32>,
    /// `aliases[alias_start[n]..alias_start[n + 1]]` are node `n`'s aliases.
    pub(crate) alias_start: Vec<u32>,
    pub(crate) aliases: Vec<Str>,
    pub(crate) edges: Vec<EdgeInfo>,
    /// `adj_nb[adj_start[n]..adj_start[n + 1]]` are node `n`'s neighbours on
    /// the undirected view, `adj_edge` the edge reaching each.
    pub(crate) adj_start: Vec<u32>,
    pub(crate) adj_nb: Vec<u32>,
    pub(crate) adj_edge: Vec<u32>,
    /// How many distinct documents the evidence cites.
    pub(crate) docs: u32,
    /// Evidence per edge, when it is in memory.
    pub(crate) evidence: Option<Vec<Vec<Evidence>>>,
    /// Byte ranges of each edge's evidence in the cache's evidence section
    /// (`ev_offsets[e]..ev_offsets[e + 1]`), when it is not in memory.
    pub(crate) ev_offsets: Vec<u64>,
}

impl Index {
    /// The index of a graph, evidence kept in memory.
    ///
    /// # Example
    /// ```
    /// let docs = [trame::Document::new("a.txt", "Le président kényan William Ruto est arrivé.")];
    /// let graph = trame::Pipeline::builtin().run(&docs);
    /// let index = trame::graph::Index::from_graph(&graph);
    /// let ruto = index.find_id("person:william-ruto").unwrap();
    /// assert_eq!(index.label(ruto), "William Ruto");
    /// ```
    pub fn from_graph(graph: &Graph) -> Index {
        let mut ix = Index::default();
        let mut docs = std::collections::BTreeSet::new();
        for n in graph.nodes() {
            let id = ix.push_str(&n.id);
            let label = ix.push_str(&n.label);
            ix.node_id.push(id);
            ix.node_label.push(label);
            ix.node_kind.push(n.kind);
            ix.node_mentions.push(n.mentions);
            ix.alias_start.push(ix.aliases.len() as u32);
            for a in &n.aliases {
                let a = ix.push_str(a);
                ix.aliases.push(a);
            }
        }
        ix.alias_start.push(ix.aliases.len() as u32);
        let mut evidence = Vec::with_capacity(graph.edges().len());
        for e in graph.edges() {
            let source = graph.node_index(&e.source).expect("edge ends are nodes") as u32;
            let target = graph.node_index(&e.target).expect("edge ends are nodes") as u32;
            ix.edges.push(EdgeInfo {
                source,
                target,
                relation: e.relation,
                modality: e.modality,
                evidence: e.evidence.len() as u32,
            });
            for ev in &e.evidence {
                if !docs.contains(ev.doc.as_str()) {
                    docs.insert(ev.doc.clone());
                }
            }
            evidence.push(e.evidence.clone());
        }
        ix.docs = docs.len() as u32;
        ix.evidence = Some(evidence);
        ix.build_adjacency();
        ix
    }

    fn push_str(&mut self, s: &str) -> Str {
        let start = self.text.len() as u32;
        self.text.push_str(s);
        Str { start, len: s.len() as u32 }
    }

    pub(crate) fn str(&self, s: Str) -> &str {
        &self.text[s.start as usize..(s.start + s.len) as usize]
    }

    /// Fills the undirected adjacency from the edges: a counting sort by
    /// node, then each row sorted by (neighbour, edge).
    pub(crate) fn build_adjacency(&mut self) {
        let n = self.node_id.len();
        let mut start = vec![0u32; n + 1];
        for e in &self.edges {
            start[e.source as usize + 1] += 1;
            start[e.target as usize + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let total = start[n] as usize;
        let mut fill = start.clone();
        let mut pairs = vec![(0u32, 0u32); total];
        for (i, e) in self.edges.iter().enumerate() {
            for (from, to) in [(e.source, e.target), (e.target, e.source)] {
                let slot = &mut fill[from as usize];
                pairs[*slot as usize] = (to, i as u32);
                *slot += 1;
            }
        }
        for i in 0..n {
            pairs[start[i] as usize..start[i + 1] as usize].sort_unstable();
        }
        self.adj_nb = pairs.iter().map(|p| p.0).collect();
        self.adj_edge = pairs.iter().map(|p| p.1).collect();
        self.adj_start = start;
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.node_id.len()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.edges.len()
    }

    /// How many distinct documents the evidence cites.
    pub fn doc_count(&self) -> usize {
        self.docs as usize
    }

    /// Node `n`'s id (`kind:slug`).
    pub fn id(&self, n: usize) -> &str {
        self.str(self.node_id[n])
    }

    /// Node `n`'s label.
    pub fn label(&self, n: usize) -> &str {
        self.str(self.node_label[n])
    }

    /// Node `n`'s kind.
    pub fn kind(&self, n: usize) -> NodeKind {
        self.node_kind[n]
    }

    /// How many mentions resolved to node `n`.
    pub fn mentions(&self, n: usize) -> u32 {
        self.node_mentions[n]
    }

    /// Node `n`'s aliases, sorted.
    pub fn aliases(&self, n: usize) -> impl Iterator<Item = &str> + '_ {
        let (a, b) = (self.alias_start[n] as usize, self.alias_start[n + 1] as usize);
        self.aliases[a..b].iter().map(|s| self.str(*s))
    }

    /// Edge `e`.
    pub fn edge(&self, e: usize) -> EdgeInfo {
        self.edges[e]
    }

    /// Node `n`'s neighbours on the undirected view, as (neighbour, edge),
    /// sorted; a neighbour joined by several edges comes once per edge.
    pub fn adjacent(&self, n: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        let (a, b) = (self.adj_start[n] as usize, self.adj_start[n + 1] as usize);
        self.adj_nb[a..b].iter().zip(&self.adj_edge[a..b]).map(|(&m, &e)| (m as usize, e as usize))
    }

    /// The node with this exact id (nodes are sorted by id).
    pub fn find_id(&self, id: &str) -> Option<usize> {
        self.node_id.binary_search_by(|s| self.str(*s).cmp(id)).ok()
    }

    /// Edge `e`'s evidence when it is in memory; `None` for an index read
    /// from the cache (read it with `evidence_range` and `cache::decode_evidence`).
    pub fn evidence(&self, e: usize) -> Option<&[Evidence]> {
        self.evidence.as_ref().map(|v| v[e].as_slice())
    }

    /// The byte range of edge `e`'s evidence in the cache's evidence
    /// section, for an index read from the cache.
    pub fn evidence_range(&self, e: usize) -> Option<std::ops::Range<u64>> {
        if self.ev_offsets.len() == self.edges.len() + 1 {
            Some(self.ev_offsets[e]..self.ev_offsets[e + 1])
        } else {
            None
        }
    }
}
