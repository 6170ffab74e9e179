//! Narrowing a graph before it is written: kinds, relations, evidence
//! counts, dates, isolated nodes (`trame build --kind … --since …`).
//!
//! A filter keeps the graph's own order and values: nodes keep their
//! label, aliases and mentions, edges their modality and the evidence that
//! passes. Order of the steps: evidence by date, then edges (relation, the
//! kinds of both ends, the evidence left), then nodes (kinds, and with
//! `drop_isolated` those no kept edge touches).

use crate::ontology::{NodeKind, Relation};

use super::model::{AttrValue, Edge, Evidence, Fact, Graph, GraphBuilder, Node};

/// What to keep; the default keeps everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Kinds of nodes to keep; empty for every kind.
    pub kinds: Vec<NodeKind>,
    /// Relations to keep; empty for every relation.
    pub relations: Vec<Relation>,
    /// Keep no claim node (nor the edges to claims).
    pub actors_only: bool,
    /// Keep only edges with at least this many sentences (after the dates).
    pub min_evidence: usize,
    /// Keep only evidence dated on or after this day (`YYYY-MM-DD`);
    /// undated evidence is then left out.
    pub since: Option<String>,
    /// Keep only evidence dated on or before this day (`YYYY-MM-DD`).
    pub until: Option<String>,
    /// Leave out the nodes that no kept edge touches.
    pub drop_isolated: bool,
}

impl Filter {
    /// Whether the filter keeps everything.
    pub fn is_noop(&self) -> bool {
        *self == Filter::default()
    }

    fn keeps_kind(&self, kind: NodeKind) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&kind)) && !(self.actors_only && kind == NodeKind::Claim)
    }

    /// Whether a piece of evidence is within the dates: its `date` (the
    /// first day of a span) up to its `date_end` meets [since, until].
    fn keeps_evidence(&self, ev: &Evidence) -> bool {
        if self.since.is_none() && self.until.is_none() {
            return true;
        }
        let day = |key: &str| match ev.attrs.get(key) {
            Some(AttrValue::Text(s)) if crate::text::Date::parse_iso(s).is_some() && s.len() == 10 => Some(s.as_str()),
            _ => None,
        };
        let Some(first) = day("date") else { return false };
        let last = day("date_end").unwrap_or(first);
        self.since.as_deref().is_none_or(|s| last >= s) && self.until.as_deref().is_none_or(|u| first <= u)
    }
}

/// The graph with only what `filter` keeps.
///
/// # Example
/// ```
/// use trame::graph::filter::{apply, Filter};
/// use trame::ontology::NodeKind;
/// let docs = [trame::Document::new("a.txt", "Le président kényan William Ruto est arrivé.")];
/// let graph = trame::Pipeline::builtin().run(&docs);
/// let people = apply(&graph, &Filter { kinds: vec![NodeKind::Person], ..Filter::default() });
/// assert!(people.nodes().all(|n| n.kind == NodeKind::Person) && people.edges().is_empty());
/// ```
pub fn apply(graph: &Graph, filter: &Filter) -> Graph {
    let mut b = GraphBuilder::new();
    let kept_node = |id: &str| graph.node(id).is_some_and(|n| filter.keeps_kind(n.kind));
    let mut touched = std::collections::HashSet::new();
    let mut facts = Vec::new();
    for e in graph.edges() {
        if !filter.relations.is_empty() && !filter.relations.contains(&e.relation) {
            continue;
        }
        if !kept_node(&e.source) || !kept_node(&e.target) {
            continue;
        }
        let evidence: Vec<&Evidence> = e.evidence.iter().filter(|ev| filter.keeps_evidence(ev)).collect();
        if evidence.is_empty() || evidence.len() < filter.min_evidence {
            continue;
        }
        touched.insert(e.source.as_str());
        touched.insert(e.target.as_str());
        for ev in evidence {
            facts.push(fact(e, ev));
        }
    }
    for n in graph.nodes() {
        if !filter.keeps_kind(n.kind) || filter.drop_isolated && !touched.contains(n.id.as_str()) {
            continue;
        }
        copy_node(&mut b, n);
    }
    // The claims left out are counted on their speakers.
    if filter.actors_only {
        let mut stated: std::collections::BTreeMap<&str, u32> = std::collections::BTreeMap::new();
        for e in graph.edges() {
            if e.relation == Relation::Stated && graph.node(&e.target).is_some_and(|n| n.kind == NodeKind::Claim) {
                *stated.entry(e.source.as_str()).or_insert(0) += 1;
            }
        }
        for (id, count) in stated {
            b.set_claims(id, count);
        }
    }
    for f in facts {
        b.fact(f);
    }
    b.finish()
}

/// A node as it is, in a new graph.
fn copy_node(b: &mut GraphBuilder, n: &Node) {
    b.set_label(&n.id, n.kind, &n.label);
    for a in &n.aliases {
        b.mention(&n.id, n.kind, a, false);
    }
    b.add_mentions(&n.id, n.kind, n.mentions);
    if let Some(c) = n.claims {
        b.set_claims(&n.id, c);
    }
}

/// One piece of an edge's evidence as the fact it was read as.
fn fact(e: &Edge, ev: &Evidence) -> Fact {
    Fact {
        source: e.source.clone(),
        relation: e.relation,
        target: e.target.clone(),
        modality: e.modality,
        evidence: ev.clone(),
    }
}

/// What [`central`] kept of a graph too large to draw.
#[derive(Debug)]
pub struct Central {
    /// The part to draw.
    pub graph: Graph,
    /// How many actors it keeps, of how many.
    pub actors: (usize, usize),
    /// How many nodes and edges it leaves out.
    pub left_out: (usize, usize),
}

/// The part of a graph of more than `max` nodes that a picture can show:
/// its `max` most central actors (PageRank on the actors' undirected view,
/// as `trame top` ranks them; degree where it does not converge; ties by
/// id; those linked to another actor before those linked to none), the roles they hold, and the edges between what is kept. Claims
/// are left out. `None` when the graph has `max` nodes or fewer, or when
/// `max` is 0 (no limit).
pub fn central(graph: &Graph, max: usize) -> Option<Central> {
    use super::query::Walk;
    use super::rank::{degrees, pagerank, PageRank};
    if max == 0 || graph.nodes().len() <= max {
        return None;
    }
    let ix = super::Index::from_graph(graph);
    let walk = Walk::actors();
    let pr = pagerank(&ix, &walk, PageRank::default());
    let deg = degrees(&ix, &walk);
    let score = |u: usize| pr.as_ref().map_or(f64::from(deg[u]), |p| p[u]);
    let mut actors: Vec<usize> = (0..ix.node_count()).filter(|&u| ix.kind(u).is_actor()).collect();
    let all_actors = actors.len();
    // An actor linked to no other actor (only to claims) draws as a lone
    // dot: linked ones first.
    let linked: Vec<bool> =
        (0..ix.node_count()).map(|u| ix.adjacent(u).any(|(v, _)| v != u && ix.kind(v).is_actor())).collect();
    actors.sort_by(|&a, &b| {
        linked[b]
            .cmp(&linked[a])
            .then(score(b).total_cmp(&score(a)))
            .then(deg[b].cmp(&deg[a]))
            .then(ix.id(a).cmp(ix.id(b)))
    });
    // Those left alone in the picture (their actors all left out) give
    // their place to the next ones, for a few rounds.
    let mut out = vec![false; ix.node_count()];
    for _ in 0..4 {
        let chosen: Vec<usize> = actors.iter().copied().filter(|&u| !out[u]).take(max).collect();
        let mut inside = vec![false; ix.node_count()];
        chosen.iter().for_each(|&u| inside[u] = true);
        let alone: Vec<usize> =
            chosen.iter().copied().filter(|&u| !ix.adjacent(u).any(|(v, _)| v != u && inside[v])).collect();
        if alone.is_empty() || actors.iter().filter(|&&u| !out[u]).count() <= max {
            break;
        }
        alone.iter().for_each(|&u| out[u] = true);
    }
    let actors: Vec<usize> = actors.iter().copied().filter(|&u| !out[u]).take(max).collect();
    let mut keep: std::collections::HashSet<&str> = actors.iter().map(|&u| ix.id(u)).collect();
    let roles: Vec<&str> = graph
        .edges()
        .iter()
        .filter(|e| e.relation == Relation::HoldsRole && keep.contains(e.source.as_str()))
        .map(|e| e.target.as_str())
        .collect();
    keep.extend(roles);
    let mut b = GraphBuilder::new();
    for n in graph.nodes().filter(|n| keep.contains(n.id.as_str())) {
        copy_node(&mut b, n);
    }
    for e in graph.edges().iter().filter(|e| keep.contains(e.source.as_str()) && keep.contains(e.target.as_str())) {
        for ev in &e.evidence {
            b.fact(fact(e, ev));
        }
    }
    let part = b.finish();
    let left_out = (graph.nodes().len() - part.nodes().len(), graph.edges().len() - part.edges().len());
    Some(Central { actors: (actors.len(), all_actors), left_out, graph: part })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Pipeline};

    fn graph() -> Graph {
        let mut doc = Document::new(
            "a.txt",
            "Le président kényan William Ruto a rencontré hier le président sénégalais Amadou Sèye à Dakar. \
             La ministre française Hélène Ferrié a déclaré que la paix viendrait. \
             Le Kenya a déployé 200 soldats au Soudan le 3 février.",
        );
        doc.date = crate::text::Date::new(2020, 3, 12);
        Pipeline::builtin().run(&[doc])
    }

    fn triples(g: &Graph) -> Vec<String> {
        g.edges().iter().map(|e| format!("{} {} {}", e.source, e.relation.as_str(), e.target)).collect()
    }

    #[test]
    fn each_filter_keeps_what_it_says() {
        let g = graph();
        assert_eq!(apply(&g, &Filter::default()).edges().len(), g.edges().len());
        let f = |filter: Filter| apply(&g, &filter);
        let people = f(Filter { kinds: vec![NodeKind::Person, NodeKind::Country], ..Filter::default() });
        assert!(people.nodes().all(|n| matches!(n.kind, NodeKind::Person | NodeKind::Country)));
        assert!(people.edges().iter().any(|e| e.relation == Relation::AffiliatedWith));
        let met = f(Filter { relations: vec![Relation::Met], ..Filter::default() });
        assert!(!met.edges().is_empty() && met.edges().iter().all(|e| e.relation == Relation::Met));
        let actors = f(Filter { actors_only: true, ..Filter::default() });
        assert!(g.count_kind(NodeKind::Claim) > 0 && actors.count_kind(NodeKind::Claim) == 0);
        assert_eq!(actors.node("person:helene-ferrie").and_then(|n| n.claims), Some(1));
        assert!(g.nodes().all(|n| n.claims.is_none()));
        assert!(actors.edges().iter().all(|e| e.relation != Relation::Stated));
        assert!(f(Filter { min_evidence: 2, ..Filter::default() }).edges().is_empty());
        // "hier" is 2020-03-11, "le 3 février" 2020-02-03.
        let since = f(Filter { since: Some("2020-03-01".into()), ..Filter::default() });
        assert_eq!(triples(&since).iter().filter(|t| t.contains(" met ")).count(), triples(&since).len());
        assert!(!since.edges().is_empty());
        let until = f(Filter { until: Some("2020-02-28".into()), ..Filter::default() });
        assert!(!until.edges().is_empty() && until.edges().iter().all(|e| e.relation == Relation::Deploys));
        let lone = f(Filter { relations: vec![Relation::Met], drop_isolated: true, ..Filter::default() });
        assert!(lone.nodes().len() < met.nodes().len());
        assert!(lone.nodes().all(|n| lone.edges().iter().any(|e| e.source == n.id || e.target == n.id)));
    }

    #[test]
    fn the_central_part_keeps_linked_actors_and_says_what_it_leaves_out() {
        let g = graph();
        assert!(central(&g, 0).is_none() && central(&g, g.nodes().len()).is_none());
        let c = central(&g, 3).expect("the graph has more than 3 nodes");
        let part = &c.graph;
        let actors: Vec<&Node> = part.nodes().filter(|n| n.kind.is_actor()).collect();
        assert_eq!(actors.len(), 3);
        assert_eq!(c.actors.0, 3);
        for n in &actors {
            assert!(part.edges().iter().any(|e| e.source == n.id || e.target == n.id), "{} alone", n.id);
        }
        assert_eq!(part.count_kind(NodeKind::Claim), 0);
        assert_eq!(c.left_out, (g.nodes().len() - part.nodes().len(), g.edges().len() - part.edges().len()));
    }
}
