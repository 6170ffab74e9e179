//! Centrality: degree and PageRank on the walk's view of the graph.
//!
//! Both are computed on the **undirected multigraph** of the nodes a `Walk`
//! allows (actors by default): every edge counts once for each end, and two
//! edges between the same nodes (different relations) count twice. The
//! directed graph would be a poor base: symmetric relations (`met`,
//! `allied_with`) are stored from the smaller id to the larger, so their
//! direction is an accident of spelling, and people are mostly sources
//! (`holds_role`, `stated`, `visited`), which would starve them of rank.
//!
//! Both are our own code on petgraph's visitor traits over the query
//! model's `Csr`: petgraph's `page_rank` is another algorithm (a fixed
//! number of rounds, no teleport for dangling nodes, quadratic in the
//! nodes), which neither matches networkx nor runs on 100,000 nodes.
//!
//! PageRank is the power iteration of `networkx.pagerank` with its defaults,
//! on `networkx.MultiGraph` of the same edges: alpha 0.85, uniform start
//! and teleport, the rank of dangling (here: isolated) nodes spread
//! uniformly, stop when the L1 change is below `N × tol`, fail after
//! `max_iter` rounds. `tests/query.rs` checks it against networkx to 1e-9.

use petgraph::visit::{EdgeRef, IntoEdges, NodeCount, NodeIndexable};

use super::index::Index;
use super::query::Walk;

/// The other ends of `u`'s edges on the walk's view, once per edge (a
/// neighbour joined by two allowed edges comes twice), in node order:
/// petgraph's `IntoEdges` on the `Csr`, each entry's link expanded.
fn ends<'a>(ix: &'a Index, walk: &'a Walk, u: usize) -> impl Iterator<Item = usize> + 'a {
    let g = ix.graph();
    IntoEdges::edges(g, g.from_index(u)).flat_map(move |r| {
        let v = g.to_index(r.target());
        let kind_ok = walk.allows_kind(ix.kind(v));
        ix.link_edges(ix.link_at(r.id()))
            .filter(move |&e| kind_ok && walk.allows_relation(ix.edge(e as usize).relation))
            .map(move |_| v)
    })
}

/// The walk view's degree of each node (edges to allowed nodes by allowed
/// relations); 0 for a node the walk does not allow.
pub fn degrees(ix: &Index, walk: &Walk) -> Vec<u32> {
    let mut deg = vec![0u32; NodeCount::node_count(ix.graph())];
    for (u, d) in deg.iter_mut().enumerate() {
        if walk.allows_kind(ix.kind(u)) {
            *d = ends(ix, walk, u).count() as u32;
        }
    }
    deg
}

/// The parameters of `networkx.pagerank`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageRank {
    /// Damping factor.
    pub alpha: f64,
    /// Tolerance per node.
    pub tol: f64,
    /// Rounds before giving up.
    pub max_iter: usize,
}

impl Default for PageRank {
    /// networkx's defaults: alpha 0.85, tol 1e-6, 100 rounds.
    fn default() -> Self {
        PageRank { alpha: 0.85, tol: 1e-6, max_iter: 100 }
    }
}

/// PageRank of every node the walk allows (0 for the others, which are not
/// part of the graph ranked); `None` if the iteration did not converge.
///
/// # Complexity
/// O(max_iter × (V + E)).
///
/// # Example
/// ```
/// use trame::graph::{query::Walk, rank::{pagerank, PageRank}};
/// let docs = [trame::Document::new("a.txt", "Le président kényan William Ruto est arrivé à Paris.")];
/// let ix = trame::graph::Index::from_graph(&trame::Pipeline::builtin().run(&docs));
/// let pr = pagerank(&ix, &Walk::actors(), PageRank::default()).unwrap();
/// assert!((pr.iter().sum::<f64>() - 1.0).abs() < 1e-9);
/// ```
pub fn pagerank(ix: &Index, walk: &Walk, params: PageRank) -> Option<Vec<f64>> {
    let n = ix.node_count();
    let deg = degrees(ix, walk);
    let members: Vec<usize> = (0..n).filter(|&u| walk.allows_kind(ix.kind(u))).collect();
    let count = members.len();
    if count == 0 {
        return Some(vec![0.0; n]);
    }
    let nf = count as f64;
    let mut x = vec![0.0; n];
    for &u in &members {
        x[u] = 1.0 / nf;
    }
    let mut share = vec![0.0; n];
    let mut next = vec![0.0; n];
    for _ in 0..params.max_iter {
        let mut dangling = 0.0;
        for &u in &members {
            if deg[u] == 0 {
                dangling += x[u];
                share[u] = 0.0;
            } else {
                share[u] = x[u] / deg[u] as f64;
            }
        }
        let base = params.alpha * dangling / nf + (1.0 - params.alpha) / nf;
        let mut err = 0.0;
        for &u in &members {
            let mut sum = 0.0;
            for v in ends(ix, walk, u) {
                sum += share[v];
            }
            next[u] = params.alpha * sum + base;
            err += (next[u] - x[u]).abs();
        }
        std::mem::swap(&mut x, &mut next);
        if err < nf * params.tol {
            return Some(x);
        }
    }
    None
}
