//! Questions asked of a graph: who is this name, how are two actors
//! connected, who is next to whom, what does the neighbourhood look like.
//!
//! Every query runs on the **undirected view** of the graph: "how is A
//! connected to B" does not care that the text said "B received A" rather
//! than "A visited B", and symmetric relations are stored in one arbitrary
//! direction (smaller id first). Each hop keeps its edges, so the answer can
//! still print the true direction.
//!
//! Paths walk through actors (person, country, organization, location) by
//! default. Role and claim nodes are hubs (every president holds `président`)
//! and are crossed only when a `Walk` allows their kind. The two ends of a
//! path may be of any kind. Ties between paths of the same length break by
//! node order (ids), so the answer is the same on every run.

use std::cell::Cell;
use std::collections::{HashSet, VecDeque};

use petgraph::visit::{Bfs, EdgeRef, GraphBase, GraphRef, IntoNeighbors, VisitMap, Visitable};
use petgraph::Undirected;

use crate::ontology::{NodeKind, Relation};

use super::index::{Adjacency, Index};
use super::model::{Evidence, Fact, Graph, GraphBuilder};

/// Which nodes and edges a query may walk over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Walk {
    /// Kinds a path may pass through (indexed like `NodeKind::ALL`).
    pub kinds: [bool; 6],
    /// Relations a path may use (indexed like `Relation::ALL`).
    pub relations: [bool; 14],
    /// The longest path, in hops.
    pub max_hops: Option<usize>,
}

impl Default for Walk {
    fn default() -> Self {
        Walk::actors()
    }
}

impl Walk {
    /// Actors only, every relation, no length limit.
    pub fn actors() -> Walk {
        let mut kinds = [false; 6];
        for (i, k) in NodeKind::ALL.iter().enumerate() {
            kinds[i] = k.is_actor();
        }
        Walk { kinds, relations: [true; 14], max_hops: None }
    }

    /// Every node and every relation.
    pub fn everything() -> Walk {
        Walk { kinds: [true; 6], relations: [true; 14], max_hops: None }
    }

    /// Also walks through nodes of this kind.
    pub fn through(mut self, kind: NodeKind) -> Walk {
        self.kinds[kind_pos(kind)] = true;
        self
    }

    /// Uses only these relations.
    pub fn via(mut self, relations: &[Relation]) -> Walk {
        self.relations = [false; 14];
        for r in relations {
            self.relations[rel_pos(*r)] = true;
        }
        self
    }

    /// Whether a path may pass through nodes of this kind.
    pub fn allows_kind(&self, kind: NodeKind) -> bool {
        self.kinds[kind_pos(kind)]
    }

    /// Whether a path may use this relation.
    pub fn allows_relation(&self, rel: Relation) -> bool {
        self.relations[rel_pos(rel)]
    }
}

fn kind_pos(k: NodeKind) -> usize {
    NodeKind::ALL.iter().position(|x| *x == k).expect("every kind is listed")
}

fn rel_pos(r: Relation) -> usize {
    Relation::ALL.iter().position(|x| *x == r).expect("every relation is listed")
}

// ---------------------------------------------------------------------------
// Names

/// What a name given on the command line stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// One node. `how` says how the name was matched, when it was not its
    /// id, label or alias (for a note to the user).
    Found {
        /// The node.
        node: usize,
        /// "surname", "closest spelling" or `None` for a plain match.
        how: Option<&'static str>,
    },
    /// Several nodes answer to the name equally well.
    Ambiguous(Vec<usize>),
    /// No node answers; the closest names, best first.
    Unknown(Vec<usize>),
}

/// Resolves a name: the exact id, then the exact label, then label or alias
/// with case, accents and punctuation ignored, then a person's single name
/// (a surname alone, "Kim"), then a unique spelling one edit away
/// ("Tchaikovski"). The first step that matches decides: one node is found,
/// several are ambiguous. Otherwise the name is unknown and the closest
/// names by edit distance are suggested.
///
/// # Example
/// ```
/// use trame::graph::query::{resolve, Resolution};
/// let docs = [trame::Document::new("a.txt", "Le président kényan William Ruto est arrivé.")];
/// let ix = trame::graph::Index::from_graph(&trame::Pipeline::builtin().run(&docs));
/// let ruto = ix.find_id("person:william-ruto").unwrap();
/// assert_eq!(resolve(&ix, "ruto"), Resolution::Found { node: ruto, how: Some("single name") });
/// ```
pub fn resolve(ix: &Index, name: &str) -> Resolution {
    let name = name.trim();
    if let Some(n) = ix.find_id(name) {
        return Resolution::Found { node: n, how: None };
    }
    let n = ix.node_count();
    let exact: Vec<usize> = (0..n).filter(|&i| ix.label(i) == name).collect();
    if let Some(r) = decide(exact, None) {
        return r;
    }
    let key = super::slug(name);
    if key.is_empty() {
        return Resolution::Unknown(Vec::new());
    }
    let folded: Vec<usize> = (0..n).filter(|&i| super::slug(ix.label(i)) == key).collect();
    if let Some(r) = decide(folded, None) {
        return r;
    }
    let alias: Vec<usize> = (0..n).filter(|&i| ix.aliases(i).any(|a| a == name || super::slug(a) == key)).collect();
    let mut words: Vec<usize> = Vec::new();
    if !name.contains(char::is_whitespace) {
        words = (0..n)
            .filter(|&i| ix.kind(i) == NodeKind::Person)
            .filter(|&i| names(ix, i).any(|full| full.split_whitespace().any(|w| super::slug(w) == key)))
            .collect();
    }
    let mut both: Vec<usize> = alias.iter().chain(&words).copied().collect();
    both.sort_unstable();
    both.dedup();
    let how = if alias.is_empty() { Some("single name") } else { None };
    if let Some(r) = decide(both, how) {
        return r;
    }
    let chars: Vec<char> = key.chars().collect();
    if chars.len() > MAX_FUZZY_CHARS {
        // No name is that long: suggestions would cost time and find nothing.
        return Resolution::Unknown(Vec::new());
    }
    let limit = (chars.len() / 3).clamp(2, MAX_SUGGESTION_EDITS);
    let mut scored: Vec<(usize, usize)> =
        (0..n).filter_map(|i| distance_to(ix, i, &chars, limit).map(|d| (d, i))).collect();
    scored.sort_unstable();
    let close: Vec<usize> = scored.iter().take_while(|(d, _)| *d <= 1).map(|(_, i)| *i).collect();
    if close.len() == 1 && chars.len() >= 5 {
        return Resolution::Found { node: close[0], how: Some("closest spelling") };
    }
    Resolution::Unknown(scored.iter().take(5).map(|(_, i)| *i).collect())
}

/// Names longer than this (in chars, folded) get no spelling suggestions.
pub const MAX_FUZZY_CHARS: usize = 200;

/// The most edits a suggested name may be away from the name asked.
pub const MAX_SUGGESTION_EDITS: usize = 8;

fn decide(found: Vec<usize>, how: Option<&'static str>) -> Option<Resolution> {
    match found.len() {
        0 => None,
        1 => Some(Resolution::Found { node: found[0], how }),
        _ => Some(Resolution::Ambiguous(found)),
    }
}

/// The label then the aliases of a node.
fn names(ix: &Index, n: usize) -> impl Iterator<Item = &str> {
    std::iter::once(ix.label(n)).chain(ix.aliases(n))
}

/// The smallest edit distance from `key` (a slug, as chars) to a node's
/// names, and for a person to each word of its names, if it is at most `max`.
fn distance_to(ix: &Index, n: usize, key: &[char], max: usize) -> Option<usize> {
    let mut best: Option<usize> = None;
    let mut buf = Vec::new();
    let mut try_name = |name: &str, best: &mut Option<usize>| {
        let bound = best.map_or(max, |b| b.saturating_sub(1));
        buf.clear();
        buf.extend(super::slug(name).chars());
        if let Some(d) = levenshtein_within(key, &buf, bound) {
            *best = Some(d);
        }
    };
    for full in names(ix, n) {
        try_name(full, &mut best);
        if ix.kind(n) == NodeKind::Person {
            for w in full.split_whitespace() {
                try_name(w, &mut best);
            }
        }
    }
    best
}

/// The edit distance between `a` and `b` if it is at most `max`, else
/// `None`, in O(max × min(|a|, |b|)) time: only the diagonal band of width
/// 2 × max + 1 can hold a distance within the bound.
pub fn levenshtein_within(a: &[char], b: &[char], max: usize) -> Option<usize> {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if b.len() - a.len() > max {
        return None;
    }
    const FAR: usize = usize::MAX / 2;
    // row[j] is the distance from a[..i] to b[..j], for j within the band.
    let mut row: Vec<usize> = (0..=b.len()).map(|j| if j <= max { j } else { FAR }).collect();
    for i in 1..=a.len() {
        let lo = i.saturating_sub(max).max(1);
        let hi = (i + max).min(b.len());
        let mut diag = row[lo - 1];
        row[lo - 1] = if lo == 1 && i <= max { i } else { FAR };
        let mut best = row[lo - 1];
        for j in lo..=hi {
            let up = row[j];
            let v = (diag + usize::from(a[i - 1] != b[j - 1])).min(up + 1).min(row[j - 1] + 1);
            row[j] = v;
            best = best.min(v);
            diag = up;
        }
        if hi < b.len() {
            row[hi + 1] = FAR;
        }
        if best > max {
            return None;
        }
    }
    Some(row[b.len()]).filter(|&d| d <= max)
}

/// Edit distance in chars (insertions, deletions, substitutions).
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for j in 0..b.len() {
            let up = row[j + 1];
            row[j + 1] = (diag + usize::from(ca != b[j])).min(up + 1).min(row[j] + 1);
            diag = up;
        }
    }
    row[b.len()]
}

/// The role a person is best known by: the `holds_role` target with the
/// most evidence (then the first by id).
pub fn best_role(ix: &Index, n: usize) -> Option<usize> {
    let mut best: Option<(u32, usize)> = None;
    for (m, e) in ix.adjacent(n) {
        let info = ix.edge(e);
        let better = best.is_none_or(|(c, b)| info.evidence > c || (info.evidence == c && m < b));
        if info.relation == Relation::HoldsRole && info.source as usize == n && better {
            best = Some((info.evidence, m));
        }
    }
    best.map(|(_, m)| m)
}

// ---------------------------------------------------------------------------
// Paths

/// A path as its nodes, from the first end to the other.
pub type Path = Vec<usize>;

/// Marks shared by the searches of one query: the stamp of the search that
/// reached each node, from where and in how many hops. A search bumps the
/// stamp instead of clearing the arrays.
struct Marks {
    stamp: Cell<u32>,
    seen: Vec<Cell<u32>>,
    parent: Vec<Cell<u32>>,
    depth: Vec<Cell<u32>>,
}

impl Marks {
    fn new(n: usize) -> Marks {
        let cells = |v: u32| (0..n).map(|_| Cell::new(v)).collect();
        Marks { stamp: Cell::new(0), seen: cells(0), parent: cells(u32::MAX), depth: cells(0) }
    }

    /// Forgets every mark.
    fn begin(&self) {
        self.stamp.set(self.stamp.get() + 1);
    }

    /// Starts a new search from `s`; `banned` nodes are never reached.
    fn start(&self, s: usize, banned: &[usize]) {
        self.begin();
        for &b in banned {
            self.seen[b].set(self.stamp.get());
        }
        self.reach(s, u32::MAX, 0);
    }

    fn reach(&self, v: usize, from: u32, depth: u32) {
        self.seen[v].set(self.stamp.get());
        self.parent[v].set(from);
        self.depth[v].set(depth);
    }

    fn seen(&self, v: usize) -> bool {
        self.seen[v].get() == self.stamp.get()
    }
}

/// The walk's view of the petgraph graph, as petgraph's visitor traits see
/// it, for `petgraph::visit::Bfs`: a node's neighbours are those the walk
/// allows (kind, relations of the edges between, pairs Yen's algorithm
/// cuts), not yet reached by this search, within `max_depth` hops of the
/// start. Offering a neighbour records where it was reached from: the
/// first offer is the breadth-first tree edge, since `Bfs` discovers a
/// node the first time it is offered. Once `target` is reached nothing more
/// is offered, which ends the search.
#[derive(Clone, Copy)]
struct View<'a> {
    ix: &'a Index,
    walk: &'a Walk,
    marks: &'a Marks,
    /// A path may end at this node whatever its kind.
    target: Option<usize>,
    /// Steps Yen's algorithm cuts: from the spur node to these nodes
    /// (either way), as (spur, nodes).
    cut: (usize, &'a [usize]),
    max_depth: usize,
    /// Whether the walk allows every relation (no edge need be looked at).
    every_relation: bool,
    /// The search's stamp in `marks`.
    stamp: u32,
}

impl GraphBase for View<'_> {
    type NodeId = u32;
    type EdgeId = usize;
}

impl GraphRef for View<'_> {}

impl Visitable for View<'_> {
    type Map = <Adjacency as Visitable>::Map;
    fn visit_map(&self) -> Self::Map {
        self.ix.graph().visit_map()
    }
    fn reset_map(&self, map: &mut Self::Map) {
        self.ix.graph().reset_map(map)
    }
}

impl<'a> IntoNeighbors for View<'a> {
    type Neighbors = Steps<'a>;
    fn neighbors(self, a: u32) -> Steps<'a> {
        let open = (self.marks.depth[a as usize].get() as usize) < self.max_depth;
        Steps { view: self, from: a, open, row: self.ix.graph().edges(a) }
    }
}

impl View<'_> {
    fn reached(&self) -> bool {
        self.target.is_some_and(|t| self.marks.seen(t))
    }

    /// Whether the walk may step from `u` to `v` over one of `edges`.
    /// Whether the walk may step from `u` to `v` over one of the edges of
    /// the `Csr` entry at `position`.
    #[inline]
    fn allows(&self, u: usize, v: usize, position: usize) -> bool {
        let (ix, walk) = (self.ix, self.walk);
        let (spur, cut) = self.cut;
        let edges = || ix.link_edges(ix.link_at(position));
        (self.every_relation || edges().any(|e| walk.allows_relation(ix.relation(e as usize))))
            && (Some(v) == self.target || walk.allows_kind(ix.kind(v)))
            && (cut.is_empty() || !((u == spur && cut.contains(&v)) || (v == spur && cut.contains(&u))))
    }
}

/// The neighbours `View` offers.
struct Steps<'a> {
    view: View<'a>,
    from: u32,
    /// Whether the node is near enough to the start to be left.
    open: bool,
    row: petgraph::csr::Edges<'a, (), Undirected, u32>,
}

impl Iterator for Steps<'_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        let w = self.view;
        if !self.open || w.reached() {
            return None;
        }
        let (u, depth) = (self.from as usize, w.marks.depth[self.from as usize].get());
        for r in self.row.by_ref() {
            let v = r.target() as usize;
            if w.marks.seen[v].get() == w.stamp || !w.allows(u, v, r.id()) {
                continue;
            }
            w.marks.reach(v, self.from, depth + 1);
            return Some(v as u32);
        }
        None
    }
}

/// Runs petgraph's breadth-first search over `view` from `s` (already
/// marked), calling `each` on every node in the order visited; stops when
/// the view's target is reached.
fn bfs(view: View<'_>, s: usize, mut each: impl FnMut(usize)) {
    let mut search = Bfs::new(view, s as u32);
    while let Some(u) = search.next(view) {
        each(u as usize);
        if view.reached() {
            break;
        }
    }
}

/// The shortest path from `s` to `t` of at most `max` hops on the walk's
/// view that avoids `banned` nodes and the steps from `s` to the `cut` nodes:
/// the breadth-first tree's, neighbours taken in node order.
fn shortest(
    ix: &Index,
    walk: &Walk,
    marks: &Marks,
    (s, t): (usize, usize),
    banned: &[usize],
    cut: &[usize],
    max: usize,
) -> Option<Path> {
    marks.start(s, banned);
    let every_relation = walk.relations.iter().all(|&r| r);
    let view = View {
        ix,
        walk,
        marks,
        target: Some(t),
        cut: (s, cut),
        max_depth: max,
        every_relation,
        stamp: marks.stamp.get(),
    };
    bfs(view, s, |_| {});
    if !marks.seen(t) || banned.contains(&t) {
        return None;
    }
    let mut path = vec![t];
    let mut at = t;
    while at != s {
        at = marks.parent[at].get() as usize;
        path.push(at);
    }
    path.reverse();
    Some(path)
}

/// The most paths `k_shortest_paths` finds; a larger `k` is taken as this.
pub const MAX_PATHS: usize = 100;

/// The `k` shortest simple paths from `from` to `to` on the walk's view,
/// shortest first (Yen's algorithm over breadth-first searches). Paths are
/// distinct as node sequences; parallel edges between two nodes are one hop.
///
/// # Complexity
/// One search is O(V + E); Yen's algorithm runs at most `k × length` of
/// them, `k` being at most `MAX_PATHS`.
///
/// # Example
/// ```
/// use trame::graph::query::{k_shortest_paths, Walk};
/// let docs = [trame::Document::new("a.txt", "Le président kényan William Ruto est arrivé à Paris.")];
/// let ix = trame::graph::Index::from_graph(&trame::Pipeline::builtin().run(&docs));
/// let (a, b) = (ix.find_id("person:william-ruto").unwrap(), ix.find_id("country:kenya").unwrap());
/// assert_eq!(k_shortest_paths(&ix, a, b, 1, &Walk::actors()), vec![vec![a, b]]);
/// ```
pub fn k_shortest_paths(ix: &Index, from: usize, to: usize, k: usize, walk: &Walk) -> Vec<Path> {
    let max = walk.max_hops.unwrap_or(usize::MAX);
    let k = k.min(MAX_PATHS);
    if from == to || k == 0 {
        return if from == to { vec![vec![from]] } else { Vec::new() };
    }
    let marks = Marks::new(ix.node_count());
    let Some(first) = shortest(ix, walk, &marks, (from, to), &[], &[], max) else {
        return Vec::new();
    };
    let mut known: HashSet<Path> = HashSet::from([first.clone()]);
    let mut found = vec![first];
    let mut candidates: Vec<Path> = Vec::new();
    while found.len() < k {
        let prev = found.last().expect("one path at least").clone();
        for i in 0..prev.len() - 1 {
            let root = &prev[..=i];
            // The next node of every path found with this root: all these
            // steps leave the spur node.
            let mut cut = Vec::new();
            for p in &found {
                if p.len() > i + 1 && &p[..=i] == root {
                    cut.push(p[i + 1]);
                }
            }
            let Some(spur) = shortest(ix, walk, &marks, (prev[i], to), &prev[..i], &cut, max - i) else {
                continue;
            };
            let mut path = prev[..i].to_vec();
            path.extend(spur);
            if known.insert(path.clone()) {
                candidates.push(path);
            }
        }
        let Some(best) = (0..candidates.len())
            .min_by(|&a, &b| (candidates[a].len(), &candidates[a]).cmp(&(candidates[b].len(), &candidates[b])))
        else {
            break;
        };
        found.push(candidates.swap_remove(best));
    }
    found
}

/// One hop of a path: the edges joining two consecutive nodes that the walk
/// allows, and whether each runs forward (from `from` to `to`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hop {
    /// The node the hop leaves.
    pub from: usize,
    /// The node it reaches.
    pub to: usize,
    /// (edge, forward), in edge order.
    pub edges: Vec<(usize, bool)>,
}

/// The hops of a path.
pub fn hops(ix: &Index, path: &[usize], walk: &Walk) -> Vec<Hop> {
    path.windows(2)
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            let edges = ix
                .between(a, b)
                .map(|e| e as usize)
                .filter(|&e| walk.allows_relation(ix.edge(e).relation))
                .map(|e| (e, ix.edge(e).source as usize == a))
                .collect();
            Hop { from: a, to: b, edges }
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Neighbours, ego networks, statistics

/// A node's edges of one relation in one direction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The relation.
    pub relation: Relation,
    /// Whether the node is the source.
    pub outgoing: bool,
    /// (edge, other node), most evidence first, then by the other's id.
    pub items: Vec<(usize, usize)>,
}

/// A node's neighbours grouped by relation and direction, in the
/// ontology's relation order, outgoing before incoming. Every kind of
/// neighbour is listed; the walk only filters relations.
pub fn neighbors(ix: &Index, n: usize, walk: &Walk) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for (m, e) in ix.adjacent(n) {
        let info = ix.edge(e);
        if !walk.allows_relation(info.relation) {
            continue;
        }
        let outgoing = info.source as usize == n;
        match groups.iter_mut().find(|g| g.relation == info.relation && g.outgoing == outgoing) {
            Some(g) => g.items.push((e, m)),
            None => groups.push(Group { relation: info.relation, outgoing, items: vec![(e, m)] }),
        }
    }
    for g in &mut groups {
        g.items.sort_by_key(|&(e, m)| (std::cmp::Reverse(ix.edge(e).evidence), m, e));
    }
    groups.sort_by_key(|g| (rel_pos(g.relation), !g.outgoing));
    groups
}

/// The nodes within `hops` of `center` on the walk's view, sorted
/// (petgraph's breadth-first search, cut at `hops`).
pub fn ego(ix: &Index, center: usize, hops: usize, walk: &Walk) -> Vec<usize> {
    let marks = Marks::new(ix.node_count());
    marks.start(center, &[]);
    let every_relation = walk.relations.iter().all(|&r| r);
    let view = View {
        ix,
        walk,
        marks: &marks,
        target: None,
        cut: (center, &[]),
        max_depth: hops,
        every_relation,
        stamp: marks.stamp.get(),
    };
    let mut out = Vec::new();
    bfs(view, center, |u| out.push(u));
    out.sort_unstable();
    out
}

/// The edges among `nodes` (sorted) that the walk allows, in edge order.
pub fn induced_edges(ix: &Index, nodes: &[usize], walk: &Walk) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for &u in nodes {
        for (v, e) in ix.adjacent(u) {
            let info = ix.edge(e);
            if info.source as usize == u && walk.allows_relation(info.relation) && nodes.binary_search(&v).is_ok() {
                out.push(e);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// A `Graph` of some nodes and edges of the index, for the exporters.
/// `evidence` gives each edge's evidence (the caller may read it from the
/// cache file); an edge whose end is not among `nodes` is dropped.
pub fn subgraph<E>(
    ix: &Index,
    nodes: &[usize],
    edges: &[usize],
    mut evidence: impl FnMut(usize) -> Result<Vec<Evidence>, E>,
) -> Result<Graph, E> {
    let mut b = GraphBuilder::new();
    for &n in nodes {
        let (id, kind) = (ix.id(n), ix.kind(n));
        b.set_label(id, kind, ix.label(n));
        for a in ix.aliases(n) {
            b.mention(id, kind, a, false);
        }
        b.add_mentions(id, kind, ix.mentions(n));
    }
    for &e in edges {
        let info = ix.edge(e);
        for ev in evidence(e)? {
            b.fact(Fact {
                source: ix.id(info.source as usize).to_string(),
                relation: info.relation,
                target: ix.id(info.target as usize).to_string(),
                modality: info.modality,
                evidence: ev,
            });
        }
    }
    Ok(b.finish())
}

/// Connected components of the walk's view (every node of an allowed kind,
/// isolated ones included), largest first, each sorted: one petgraph
/// breadth-first search per component, its visited map kept between them.
pub fn components(ix: &Index, walk: &Walk) -> Vec<Vec<usize>> {
    let n = ix.node_count();
    let marks = Marks::new(n);
    marks.begin();
    let every_relation = walk.relations.iter().all(|&r| r);
    let view = View {
        ix,
        walk,
        marks: &marks,
        target: None,
        cut: (0, &[]),
        max_depth: usize::MAX,
        every_relation,
        stamp: marks.stamp.get(),
    };
    let mut search = Bfs { stack: VecDeque::new(), discovered: view.visit_map() };
    let mut out = Vec::new();
    for s in 0..n {
        if marks.seen(s) || !walk.allows_kind(ix.kind(s)) {
            continue;
        }
        marks.reach(s, u32::MAX, 0);
        search.discovered.visit(s as u32);
        search.stack.push_back(s as u32);
        let mut comp = Vec::new();
        while let Some(u) = search.next(view) {
            comp.push(u as usize);
        }
        comp.sort_unstable();
        out.push(comp);
    }
    out.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_levenshtein_agrees_within_its_bound() {
        let words =
            ["", "a", "ab", "kim", "coree", "core", "kitten", "sitting", "tchaikovski", "tchaikovsky", "xyzxyz"];
        for a in words {
            for b in words {
                let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                let d = levenshtein(a, b);
                for max in 0..8 {
                    let want = if d <= max { Some(d) } else { None };
                    assert_eq!(levenshtein_within(&ca, &cb, max), want, "{a:?} {b:?} within {max}");
                }
            }
        }
        let long: Vec<char> = "x".repeat(10_000).chars().collect();
        assert_eq!(levenshtein_within(&long, &['x'; 12], 8), None);
    }

    #[test]
    fn levenshtein_counts_edits() {
        assert_eq!(levenshtein("tchaikovski", "tchaikovsky"), 1);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("coree", "core"), 1);
        assert_eq!(levenshtein("kitten", "sitting"), 3);
    }
}
