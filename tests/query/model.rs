//! The petgraph query model answers as the flat-array model it replaced.
//!
//! `Reference` below is the model the queries ran on before petgraph's
//! `Csr` did: each node's undirected adjacency as one sorted array of
//! (neighbour, edge), walked by a hand-written breadth-first search (Yen's
//! algorithm on top), a stack-based component search, and PageRank summing
//! over that array. It is kept here, built from the edges alone, so that
//! every answer of `graph::query` and `graph::rank` can be compared with
//! it: paths and their hops (same nodes, same tie-breaks), neighbour
//! groups, ego networks, components, degrees, and PageRank to the last bit,
//! on the hand-made fixture, on a generated graph with parallel edges and
//! hubs, and on the graph of `../shared/seeds` when it is there (read at
//! run time; nothing of it is written here). Every model is compared both
//! as built from a `Graph` and as decoded from its cache.

use std::collections::HashSet;
use std::path::Path;

use trame::graph::query::{self, Walk};
use trame::graph::rank::{self, PageRank};
use trame::graph::{cache, load, Evidence, Fact, Graph, GraphBuilder, Index};
use trame::ontology::{Modality, NodeKind, Relation};

/// The former model: sorted (neighbour, edge) rows, from the edges.
struct Reference<'a> {
    ix: &'a Index,
    rows: Vec<Vec<(usize, usize)>>,
}

impl<'a> Reference<'a> {
    fn new(ix: &'a Index) -> Reference<'a> {
        let mut rows = vec![Vec::new(); ix.node_count()];
        for e in 0..ix.edge_count() {
            let info = ix.edge(e);
            let (s, t) = (info.source as usize, info.target as usize);
            rows[s].push((t, e));
            rows[t].push((s, e));
        }
        for r in &mut rows {
            r.sort_unstable();
        }
        Reference { ix, rows }
    }

    fn bfs(
        &self,
        walk: &Walk,
        s: usize,
        t: usize,
        banned: &[usize],
        cut: &HashSet<(usize, usize)>,
        max: usize,
    ) -> Option<Vec<usize>> {
        let ix = self.ix;
        let mut seen = vec![false; ix.node_count()];
        let mut parent = vec![usize::MAX; ix.node_count()];
        for &b in banned {
            seen[b] = true;
        }
        seen[s] = true;
        let mut frontier = vec![s];
        let mut depth = 0;
        while !frontier.is_empty() && depth < max {
            depth += 1;
            let mut next = Vec::new();
            for &u in &frontier {
                for &(v, e) in &self.rows[u] {
                    if seen[v] || !walk.allows_relation(ix.edge(e).relation) {
                        continue;
                    }
                    if v != t && !walk.allows_kind(ix.kind(v)) {
                        continue;
                    }
                    if cut.contains(&(u.min(v), u.max(v))) {
                        continue;
                    }
                    seen[v] = true;
                    parent[v] = u;
                    if v == t {
                        let mut path = vec![t];
                        while *path.last().unwrap() != s {
                            path.push(parent[*path.last().unwrap()]);
                        }
                        path.reverse();
                        return Some(path);
                    }
                    next.push(v);
                }
            }
            frontier = next;
        }
        None
    }

    fn yen(&self, from: usize, to: usize, k: usize, walk: &Walk) -> Vec<Vec<usize>> {
        let max = walk.max_hops.unwrap_or(usize::MAX);
        if from == to {
            return vec![vec![from]];
        }
        let Some(first) = self.bfs(walk, from, to, &[], &HashSet::new(), max) else { return Vec::new() };
        let mut known: HashSet<Vec<usize>> = HashSet::from([first.clone()]);
        let mut found = vec![first];
        let mut candidates: Vec<Vec<usize>> = Vec::new();
        while found.len() < k {
            let prev = found.last().unwrap().clone();
            for i in 0..prev.len() - 1 {
                let mut cut = HashSet::new();
                for p in &found {
                    if p.len() > i + 1 && p[..=i] == prev[..=i] {
                        cut.insert((p[i].min(p[i + 1]), p[i].max(p[i + 1])));
                    }
                }
                let Some(spur) = self.bfs(walk, prev[i], to, &prev[..i], &cut, max - i) else { continue };
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

    fn allowed(&self, walk: &Walk, v: usize, e: usize) -> bool {
        walk.allows_kind(self.ix.kind(v)) && walk.allows_relation(self.ix.edge(e).relation)
    }

    fn ego(&self, center: usize, hops: usize, walk: &Walk) -> Vec<usize> {
        let mut dist = vec![usize::MAX; self.ix.node_count()];
        dist[center] = 0;
        let mut queue = std::collections::VecDeque::from([center]);
        let mut out = vec![center];
        while let Some(u) = queue.pop_front() {
            if dist[u] == hops {
                continue;
            }
            for &(v, e) in &self.rows[u] {
                if dist[v] == usize::MAX && self.allowed(walk, v, e) {
                    dist[v] = dist[u] + 1;
                    out.push(v);
                    queue.push_back(v);
                }
            }
        }
        out.sort_unstable();
        out
    }

    fn components(&self, walk: &Walk) -> Vec<Vec<usize>> {
        let n = self.ix.node_count();
        let mut seen = vec![false; n];
        let mut out = Vec::new();
        for s in 0..n {
            if seen[s] || !walk.allows_kind(self.ix.kind(s)) {
                continue;
            }
            seen[s] = true;
            let (mut comp, mut stack) = (vec![s], vec![s]);
            while let Some(u) = stack.pop() {
                for &(v, e) in &self.rows[u] {
                    if !seen[v] && self.allowed(walk, v, e) {
                        seen[v] = true;
                        comp.push(v);
                        stack.push(v);
                    }
                }
            }
            comp.sort_unstable();
            out.push(comp);
        }
        out.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
        out
    }

    fn degrees(&self, walk: &Walk) -> Vec<u32> {
        (0..self.ix.node_count())
            .map(|u| {
                if !walk.allows_kind(self.ix.kind(u)) {
                    return 0;
                }
                self.rows[u].iter().filter(|&&(v, e)| self.allowed(walk, v, e)).count() as u32
            })
            .collect()
    }

    fn pagerank(&self, walk: &Walk, p: PageRank) -> Option<Vec<f64>> {
        let n = self.ix.node_count();
        let deg = self.degrees(walk);
        let members: Vec<usize> = (0..n).filter(|&u| walk.allows_kind(self.ix.kind(u))).collect();
        if members.is_empty() {
            return Some(vec![0.0; n]);
        }
        let nf = members.len() as f64;
        let mut x = vec![0.0; n];
        for &u in &members {
            x[u] = 1.0 / nf;
        }
        let (mut share, mut next) = (vec![0.0; n], vec![0.0; n]);
        for _ in 0..p.max_iter {
            let mut dangling = 0.0;
            for &u in &members {
                if deg[u] == 0 {
                    dangling += x[u];
                    share[u] = 0.0;
                } else {
                    share[u] = x[u] / deg[u] as f64;
                }
            }
            let base = p.alpha * dangling / nf + (1.0 - p.alpha) / nf;
            let mut err = 0.0;
            for &u in &members {
                let mut sum = 0.0;
                for &(v, e) in &self.rows[u] {
                    if self.allowed(walk, v, e) {
                        sum += share[v];
                    }
                }
                next[u] = p.alpha * sum + base;
                err += (next[u] - x[u]).abs();
            }
            std::mem::swap(&mut x, &mut next);
            if err < nf * p.tol {
                return Some(x);
            }
        }
        None
    }
}

fn walks() -> Vec<Walk> {
    vec![
        Walk::actors(),
        Walk::actors().through(NodeKind::Role),
        Walk::actors().through(NodeKind::Role).through(NodeKind::Claim),
        Walk::everything(),
        Walk::actors().via(&[Relation::Met, Relation::AffiliatedWith]),
        Walk { max_hops: Some(2), ..Walk::actors().through(NodeKind::Claim) },
        Walk::everything().via(&[Relation::HoldsRole, Relation::Stated, Relation::Mentions]),
    ]
}

/// Every query of `ix` against the reference; returns how many paths were found.
fn compare(ix: &Index, what: &str) -> usize {
    let old = Reference::new(ix);
    let n = ix.node_count();
    for n in 0..n {
        assert!(ix.adjacent(n).eq(old.rows[n].iter().copied()), "{what}: adjacency of {}", ix.id(n));
    }
    let step = (n / 25).max(1);
    let sample: Vec<usize> = (0..n).step_by(step).collect();
    let mut paths = 0;
    for walk in walks() {
        assert_eq!(query::components(ix, &walk), old.components(&walk), "{what}: components, {walk:?}");
        assert_eq!(rank::degrees(ix, &walk), old.degrees(&walk), "{what}: degrees, {walk:?}");
        for p in [PageRank::default(), PageRank { alpha: 0.85, tol: 1e-13, max_iter: 1000 }] {
            let (new, before) = (rank::pagerank(ix, &walk, p), old.pagerank(&walk, p));
            // The same sums in the same order: the same bits.
            let bits = |v: Option<Vec<f64>>| v.map(|v| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>());
            assert_eq!(bits(new), bits(before), "{what}: pagerank, {walk:?}");
        }
        for &a in &sample {
            for hops in 0..3 {
                assert_eq!(query::ego(ix, a, hops, &walk), old.ego(a, hops, &walk), "{what}: ego of {}", ix.id(a));
            }
            let groups = query::neighbors(ix, a, &walk);
            let listed: usize = groups.iter().map(|g| g.items.len()).sum();
            let expected = old.rows[a].iter().filter(|&&(_, e)| walk.allows_relation(ix.edge(e).relation)).count();
            assert_eq!(listed, expected, "{what}: neighbours of {}", ix.id(a));
            for &b in &sample {
                let got = query::k_shortest_paths(ix, a, b, 4, &walk);
                assert_eq!(got, old.yen(a, b, 4, &walk), "{what}: paths {} .. {}, {walk:?}", ix.id(a), ix.id(b));
                for p in &got {
                    for h in query::hops(ix, p, &walk) {
                        let before: Vec<(usize, bool)> = old.rows[h.from]
                            .iter()
                            .filter(|&&(m, e)| m == h.to && walk.allows_relation(ix.edge(e).relation))
                            .map(|&(_, e)| (e, ix.edge(e).source as usize == h.from))
                            .collect();
                        assert_eq!(h.edges, before, "{what}: hop {} .. {}", ix.id(h.from), ix.id(h.to));
                    }
                }
                paths += got.len();
            }
        }
    }
    paths
}

/// The index of `g`, and the same index read back from its cache.
fn both(g: &Graph) -> [Index; 2] {
    let ix = Index::from_graph(g);
    let bytes = cache::encode(&ix, cache::Key { size: 1, hash: 2 });
    let header = cache::decode_header(&bytes).unwrap();
    let body = &bytes[cache::HEADER_LEN..cache::HEADER_LEN + header.index_len as usize];
    let back = cache::decode_index(body, &header).unwrap();
    [ix, back]
}

fn check(g: &Graph, what: &str) -> usize {
    let [ix, back] = both(g);
    let found = compare(&ix, what);
    assert_eq!(compare(&back, &format!("{what} (cache)")), found);
    found
}

#[test]
fn the_fixture_answers_as_before() {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/query/small.json")).unwrap();
    assert!(check(&load::from_json(&text).unwrap(), "small.json") > 50);
}

/// A graph with parallel edges (several relations and modalities between
/// the same two nodes), hubs and isolated nodes, from a fixed seed.
fn generated() -> Graph {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |m: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % m
    };
    let mut b = GraphBuilder::new();
    let mut ids = Vec::new();
    for (kind, count) in [
        (NodeKind::Person, 40),
        (NodeKind::Country, 10),
        (NodeKind::Organization, 10),
        (NodeKind::Location, 6),
        (NodeKind::Role, 5),
        (NodeKind::Claim, 12),
    ] {
        for i in 0..count {
            let id = format!("{}:g{i:02}", kind.as_str());
            b.mention(&id, kind, &format!("{} {i}", kind.as_str()), true);
            ids.push(id);
        }
    }
    let modalities = [Modality::Asserted, Modality::Reported, Modality::Negated];
    for k in 0..260 {
        // A small range of ends makes parallel edges and repeated pairs.
        let (s, t) = if k % 3 == 0 { (next(12), next(12)) } else { (next(ids.len() - 8), next(ids.len() - 8)) };
        let text = format!("Phrase {k}.");
        b.fact(Fact {
            source: ids[s].clone(),
            relation: Relation::ALL[next(Relation::ALL.len())],
            target: ids[t].clone(),
            modality: modalities[next(3)],
            evidence: Evidence {
                doc: format!("d{}.txt", k % 5),
                sentence: k,
                start: k * 20,
                end: k * 20 + text.chars().count(),
                text,
                rule: "test/generated".into(),
                attrs: Default::default(),
            },
        });
    }
    b.finish()
}

#[test]
fn a_graph_with_parallel_edges_answers_as_before() {
    let g = generated();
    let pairs: HashSet<(&str, &str)> = g.edges().iter().map(|e| (e.source.as_str(), e.target.as_str())).collect();
    assert!(pairs.len() + 10 < g.edges().len(), "the generator makes parallel edges");
    assert!(check(&g, "generated") > 500);
}

#[test]
fn the_seeds_graph_answers_as_before() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !seeds.is_dir() {
        eprintln!("SKIPPED: {} is missing; the seeds' graph not compared", seeds.display());
        return;
    }
    let loaded = trame::input::load(&[seeds]).unwrap();
    let g = trame::Pipeline::builtin().run(&loaded.docs);
    assert!(g.edges().len() > 100);
    assert!(check(&g, "seeds") > 100);
}
