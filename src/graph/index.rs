//! The query model: a petgraph graph and the columns of what it stands for.
//!
//! `Index` holds the graph that every query walks, petgraph's `Csr`
//! (compressed sparse rows) of the **undirected** view: one entry per pair
//! of adjacent nodes in each direction, each row sorted by neighbour. The
//! entry at position `p` (petgraph's `EdgeRef::id()`) has the `p`-th
//! `Link` of the section: the edge that joins the pair, or a group of
//! parallel edges (different relations or modalities), in edge order.
//! Beside it, what the nodes and edges are, as columns of one byte buffer,
//! the **index section** of the cache (layout in `cache.rs`): every string
//! in one arena, nodes as (id, label, kind, mentions, aliases), edges as
//! (source, target, relation, modality, evidence count), the byte ranges of
//! each edge's evidence, and the rows of the `Csr`. An index read from the
//! cache is that buffer as read, checked once and never copied into other
//! arrays; only the `Csr` is built, from its rows, by
//! `Csr::from_sorted_edges`. An index made from a `Graph` writes the same
//! buffer, so both are one thing and `cache::encode` writes it as it is.
//!
//! Evidence is the bulk of a graph and a query prints only a few edges' worth
//! of it, so an `Index` read from the cache holds none: it keeps each edge's
//! byte range in the cache file, and the caller (who owns the file) reads
//! what it prints. An `Index` made from a `Graph` keeps the evidence in memory.
//!
//! Node and edge numbers are positions in `Graph::nodes()` and
//! `Graph::edges()` (nodes sorted by id), never petgraph indices.

use petgraph::csr::Csr;
use petgraph::visit::EdgeRef;
use petgraph::Undirected;

use crate::ontology::{Modality, NodeKind, Relation};

use super::model::{Evidence, Graph};

/// The edges joining a node to one neighbour: an edge number, or, with the
/// high bit set, where a group of parallel edges starts in `Index::parallel`
/// (its count, then its edge numbers in order). Edge numbers stay below
/// 2^31: a graph is at most 4 GiB of JSON, and an edge takes far more than
/// two bytes of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Link(pub(crate) u32);

/// The bit of a `Link` that marks a group.
pub(crate) const GROUP: u32 = 1 << 31;

/// The petgraph graph queries run on: undirected compressed sparse rows,
/// nodes numbered as in `Graph::nodes()`, one entry per adjacent pair. Its
/// edge weights are empty: the `Link` of the entry at position `p` (its
/// `EdgeRef::id()`) is the index section's `p`-th link, read in place.
pub type Adjacency = Csr<(), (), Undirected, u32>;

/// The edge numbers of a `Link`, in order.
#[derive(Debug, Clone)]
pub struct LinkEdges<'a> {
    one: Option<u32>,
    many: std::slice::Iter<'a, u32>,
}

impl Iterator for LinkEdges<'_> {
    type Item = u32;
    #[inline]
    fn next(&mut self) -> Option<u32> {
        self.one.take().or_else(|| self.many.next().copied())
    }
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

/// The modalities, in the order the index numbers them.
pub(crate) const MODALITIES: [Modality; 4] =
    [Modality::Asserted, Modality::Reported, Modality::Possible, Modality::Negated];

/// Length of the counts that open the index section.
pub(crate) const COUNTS_LEN: usize = 40;

/// The counts of an index section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Counts {
    pub(crate) nodes: usize,
    pub(crate) aliases: usize,
    pub(crate) edges: usize,
    pub(crate) docs: u32,
    pub(crate) pairs: usize,
    pub(crate) parallel: usize,
    pub(crate) text: usize,
    /// Bytes per evidence offset: 4 when the evidence section is under
    /// 4 GiB, else 8; 0 in an index whose evidence is in memory.
    pub(crate) offset_width: usize,
}

/// Where each column of an index section starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Layout {
    pub(crate) text: usize,
    pub(crate) node_id: usize,
    pub(crate) node_label: usize,
    pub(crate) node_kind: usize,
    pub(crate) mentions: usize,
    pub(crate) alias_start: usize,
    pub(crate) aliases: usize,
    pub(crate) source: usize,
    pub(crate) target: usize,
    pub(crate) relation: usize,
    pub(crate) modality: usize,
    pub(crate) count: usize,
    pub(crate) ev_offsets: usize,
    pub(crate) row: usize,
    pub(crate) column: usize,
    pub(crate) link: usize,
    pub(crate) parallel: usize,
    /// The section's length.
    pub(crate) end: usize,
}

impl Layout {
    /// The columns of a section with these counts, one after another; `None`
    /// when the lengths overflow.
    pub(crate) fn of(c: &Counts) -> Option<Layout> {
        let mut at = COUNTS_LEN;
        let mut next = |len: Option<usize>| -> Option<usize> {
            let start = at;
            at = at.checked_add(len?)?;
            Some(start)
        };
        let (n, e) = (c.nodes, c.edges);
        let times = |count: usize, size: usize| count.checked_mul(size);
        let plus1 = |count: usize| count.checked_add(1);
        Some(Layout {
            text: next(Some(c.text))?,
            node_id: next(times(n, 8))?,
            node_label: next(times(n, 8))?,
            node_kind: next(Some(n))?,
            mentions: next(times(n, 4))?,
            alias_start: next(times(plus1(n)?, 4))?,
            aliases: next(times(c.aliases, 8))?,
            source: next(times(e, 4))?,
            target: next(times(e, 4))?,
            relation: next(Some(e))?,
            modality: next(Some(e))?,
            count: next(times(e, 4))?,
            ev_offsets: next(times(plus1(e)?, c.offset_width))?,
            row: next(times(plus1(n)?, 4))?,
            column: next(times(c.pairs, 4))?,
            link: next(times(c.pairs, 4))?,
            parallel: next(times(c.parallel, 4))?,
            end: at,
        })
    }
}

/// The query view of a graph. See the module docs.
#[derive(Debug)]
pub struct Index {
    /// The index section.
    pub(crate) body: Vec<u8>,
    pub(crate) counts: Counts,
    pub(crate) at: Layout,
    /// The undirected view.
    pub(crate) graph: Adjacency,
    /// The groups of parallel edges that `Link`s point to.
    pub(crate) parallel: Vec<u32>,
    /// Evidence per edge, when it is in memory.
    pub(crate) evidence: Option<Vec<Vec<Evidence>>>,
}

impl Default for Index {
    fn default() -> Self {
        let counts = Counts::default();
        let at = Layout::of(&counts).expect("an empty layout");
        let mut body = vec![0u8; at.end];
        body[..COUNTS_LEN].copy_from_slice(&encode_counts(&counts));
        Index { body, counts, at, graph: Adjacency::default(), parallel: Vec::new(), evidence: None }
    }
}

/// The first `COUNTS_LEN` bytes of an index section.
pub(crate) fn encode_counts(c: &Counts) -> Vec<u8> {
    let mut out = Vec::with_capacity(COUNTS_LEN);
    for v in [c.nodes, c.aliases, c.edges, c.docs as usize, c.pairs, c.parallel] {
        out.extend_from_slice(&(v as u32).to_le_bytes());
    }
    out.extend_from_slice(&(c.text as u64).to_le_bytes());
    out.extend_from_slice(&(c.offset_width as u32).to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    out
}

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
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
        Index::build(graph, true)
    }

    /// The index of a graph without its evidence, for what needs only its
    /// shape (a layout, ranks): `evidence` answers `None`, and the graph's
    /// evidence is not copied.
    pub fn shape_of(graph: &Graph) -> Index {
        Index::build(graph, false)
    }

    fn build(graph: &Graph, keep_evidence: bool) -> Index {
        let mut text = String::new();
        let mut push = |s: &str, col: &mut Vec<u8>| {
            put_u32(col, text.len() as u32);
            put_u32(col, s.len() as u32);
            text.push_str(s);
        };
        let (mut ids, mut labels, mut kinds, mut mentions, mut alias_start, mut aliases) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut n_alias = 0u32;
        for n in graph.nodes() {
            push(&n.id, &mut ids);
            push(&n.label, &mut labels);
            kinds.push(NodeKind::ALL.iter().position(|k| *k == n.kind).expect("a kind") as u8);
            put_u32(&mut mentions, n.mentions);
            put_u32(&mut alias_start, n_alias);
            for a in &n.aliases {
                push(a, &mut aliases);
                n_alias += 1;
            }
        }
        put_u32(&mut alias_start, n_alias);
        let mut docs = std::collections::BTreeSet::new();
        let mut infos = Vec::with_capacity(graph.edges().len());
        let mut evidence = Vec::with_capacity(graph.edges().len());
        for e in graph.edges() {
            let source = graph.node_index(&e.source).expect("edge ends are nodes") as u32;
            let target = graph.node_index(&e.target).expect("edge ends are nodes") as u32;
            infos.push(EdgeInfo {
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
            if keep_evidence {
                evidence.push(e.evidence.clone());
            }
        }
        let nodes = graph.nodes().len();
        let (g, links, parallel) = adjacency(nodes, &infos);
        let n_pairs: usize = (0..nodes as u32).map(|u| g.out_degree(u)).sum();
        let counts = Counts {
            nodes,
            aliases: n_alias as usize,
            edges: infos.len(),
            docs: docs.len() as u32,
            pairs: n_pairs,
            parallel: parallel.len(),
            text: text.len(),
            offset_width: 0,
        };
        let at = Layout::of(&counts).expect("a graph within the loader's limits");
        let mut body = Vec::with_capacity(at.end);
        body.extend_from_slice(&encode_counts(&counts));
        body.extend_from_slice(text.as_bytes());
        for col in [&ids, &labels, &kinds, &mentions, &alias_start, &aliases] {
            body.extend_from_slice(col);
        }
        for e in &infos {
            put_u32(&mut body, e.source);
        }
        for e in &infos {
            put_u32(&mut body, e.target);
        }
        body.extend(
            infos.iter().map(|e| Relation::ALL.iter().position(|r| *r == e.relation).expect("a relation") as u8),
        );
        body.extend(infos.iter().map(|e| MODALITIES.iter().position(|m| *m == e.modality).expect("a modality") as u8));
        for e in &infos {
            put_u32(&mut body, e.evidence);
        }
        // No evidence ranges in memory (offset width 0): `cache::encode` writes them.
        let mut row = 0u32;
        put_u32(&mut body, 0);
        for u in 0..nodes as u32 {
            row += g.out_degree(u) as u32;
            put_u32(&mut body, row);
        }
        for u in 0..nodes as u32 {
            for v in g.neighbors_slice(u) {
                put_u32(&mut body, *v);
            }
        }
        for l in &links {
            put_u32(&mut body, l.0);
        }
        for p in &parallel {
            put_u32(&mut body, *p);
        }
        debug_assert_eq!(body.len(), at.end);
        Index { body, counts, at, graph: g, parallel, evidence: Some(evidence) }
    }

    #[inline]
    fn u32_at(&self, at: usize) -> u32 {
        self.body.get(at..at + 4).map_or(0, |b| u32::from_le_bytes(b.try_into().expect("4 bytes")))
    }

    #[inline]
    fn u64_at(&self, at: usize) -> u64 {
        self.body.get(at..at + 8).map_or(0, |b| u64::from_le_bytes(b.try_into().expect("8 bytes")))
    }

    /// String `i` of a column of strings.
    fn str_at(&self, column: usize, i: usize) -> &str {
        let (start, len) = (self.u32_at(column + 8 * i) as usize, self.u32_at(column + 8 * i + 4) as usize);
        let from = self.at.text + start;
        self.body.get(from..from + len).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or("")
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.counts.nodes
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.counts.edges
    }

    /// How many distinct documents the evidence cites.
    pub fn doc_count(&self) -> usize {
        self.counts.docs as usize
    }

    /// Node `n`'s id (`kind:slug`).
    pub fn id(&self, n: usize) -> &str {
        self.str_at(self.at.node_id, n)
    }

    /// Node `n`'s label.
    pub fn label(&self, n: usize) -> &str {
        self.str_at(self.at.node_label, n)
    }

    /// Node `n`'s kind.
    #[inline]
    pub fn kind(&self, n: usize) -> NodeKind {
        NodeKind::ALL[self.body[self.at.node_kind + n] as usize % NodeKind::ALL.len()]
    }

    /// How many mentions resolved to node `n`.
    pub fn mentions(&self, n: usize) -> u32 {
        self.u32_at(self.at.mentions + 4 * n)
    }

    /// Node `n`'s aliases, sorted.
    pub fn aliases(&self, n: usize) -> impl Iterator<Item = &str> + '_ {
        let (a, b) = (self.u32_at(self.at.alias_start + 4 * n), self.u32_at(self.at.alias_start + 4 * n + 4));
        (a as usize..b as usize).map(move |i| self.str_at(self.at.aliases, i))
    }

    /// Edge `e`.
    pub fn edge(&self, e: usize) -> EdgeInfo {
        EdgeInfo {
            source: self.u32_at(self.at.source + 4 * e),
            target: self.u32_at(self.at.target + 4 * e),
            relation: self.relation(e),
            modality: MODALITIES[self.body[self.at.modality + e] as usize % MODALITIES.len()],
            evidence: self.u32_at(self.at.count + 4 * e),
        }
    }

    /// Edge `e`'s relation.
    #[inline]
    pub fn relation(&self, e: usize) -> Relation {
        Relation::ALL[self.body[self.at.relation + e] as usize % Relation::ALL.len()]
    }
    /// The petgraph graph of the undirected view.
    pub fn graph(&self) -> &Adjacency {
        &self.graph
    }

    /// The edge numbers a link stands for, in order.
    #[inline]
    pub fn link_edges(&self, link: Link) -> LinkEdges<'_> {
        if link.0 & GROUP == 0 {
            LinkEdges { one: Some(link.0), many: [].iter() }
        } else {
            let at = (link.0 & !GROUP) as usize;
            let count = self.parallel.get(at).map_or(0, |&c| c as usize);
            LinkEdges { one: None, many: self.parallel.get(at + 1..at + 1 + count).unwrap_or(&[]).iter() }
        }
    }

    /// The link of the `Csr` entry at position `p` (`EdgeRef::id()`).
    #[inline]
    pub fn link_at(&self, p: usize) -> Link {
        Link(self.u32_at(self.at.link + 4 * p))
    }

    /// Node `n`'s neighbours on the undirected view, as (neighbour, edge),
    /// sorted; a neighbour joined by several edges comes once per edge.
    pub fn adjacent(&self, n: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.graph.edges(n as u32).flat_map(move |r| {
            let m = r.target() as usize;
            self.link_edges(self.link_at(r.id())).map(move |e| (m, e as usize))
        })
    }

    /// The edges joining `a` and `b`, in edge order (none when they are not
    /// adjacent).
    pub fn between(&self, a: usize, b: usize) -> LinkEdges<'_> {
        let row = self.graph.neighbors_slice(a as u32);
        match row.binary_search(&(b as u32)) {
            Ok(j) => self.link_edges(self.link_at(self.u32_at(self.at.row + 4 * a) as usize + j)),
            Err(_) => LinkEdges { one: None, many: [].iter() },
        }
    }

    /// The node with this exact id (nodes are sorted by id).
    pub fn find_id(&self, id: &str) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.node_count());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.id(mid).cmp(id) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// Edge `e`'s evidence when it is in memory; `None` for an index read
    /// from the cache (read it with `evidence_range` and `cache::decode_evidence`).
    pub fn evidence(&self, e: usize) -> Option<&[Evidence]> {
        self.evidence.as_ref().and_then(|v| v.get(e)).map(Vec::as_slice)
    }

    /// The byte range of edge `e`'s evidence in the cache's evidence
    /// section, for an index read from the cache.
    pub fn evidence_range(&self, e: usize) -> Option<std::ops::Range<u64>> {
        if self.evidence.is_some() || e >= self.edge_count() {
            return None;
        }
        let w = self.counts.offset_width;
        let at = self.at.ev_offsets + w * e;
        Some(if w == 4 {
            self.u32_at(at) as u64..self.u32_at(at + 4) as u64
        } else {
            self.u64_at(at)..self.u64_at(at + 8)
        })
    }
}

/// The undirected view of `edges` among `n` nodes: a counting sort of the
/// edge ends by node, each row sorted by (neighbour, edge), the edges to
/// one neighbour made one `Link`.
pub(crate) fn adjacency(n: usize, edges: &[EdgeInfo]) -> (Adjacency, Vec<Link>, Vec<u32>) {
    let mut start = vec![0u32; n + 1];
    for e in edges {
        start[e.source as usize + 1] += 1;
        start[e.target as usize + 1] += 1;
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let mut fill = start.clone();
    let mut pairs = vec![(0u32, 0u32); start[n] as usize];
    for (i, e) in edges.iter().enumerate() {
        for (from, to) in [(e.source, e.target), (e.target, e.source)] {
            let slot = &mut fill[from as usize];
            pairs[*slot as usize] = (to, i as u32);
            *slot += 1;
        }
    }
    let mut rows: Vec<(u32, u32)> = Vec::with_capacity(pairs.len());
    let mut links = Vec::with_capacity(pairs.len());
    let mut parallel = Vec::new();
    for u in 0..n {
        let row = &mut pairs[start[u] as usize..start[u + 1] as usize];
        row.sort_unstable();
        let mut i = 0;
        while i < row.len() {
            let v = row[i].0;
            let j = i + row[i..].iter().take_while(|p| p.0 == v).count();
            let link = if j - i == 1 {
                Link(row[i].1)
            } else {
                let at = parallel.len() as u32;
                parallel.push((j - i) as u32);
                parallel.extend(row[i..j].iter().map(|p| p.1));
                Link(at | GROUP)
            };
            rows.push((u as u32, v));
            links.push(link);
            i = j;
        }
    }
    (csr_of(n, &rows).expect("rows built sorted"), links, parallel)
}

/// A `Csr` of `n` nodes from its entries sorted by (node, neighbour), or
/// `None` when they are not sorted or name a node past `n`.
pub(crate) fn csr_of(n: usize, rows: &[(u32, u32)]) -> Option<Adjacency> {
    let mut g = Adjacency::from_sorted_edges(rows).ok()?;
    if g.node_count() > n {
        return None;
    }
    // The last rows may be empty: `from_sorted_edges` stops at the last node it saw.
    while g.node_count() < n {
        g.add_node(());
    }
    Some(g)
}
