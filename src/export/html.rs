//! The analyst's page: one self-contained HTML file that opens offline in
//! any browser, with the graph drawn from a layout trame computes itself,
//! a search that forgives as `trame path` does, filters (kind, relation,
//! modality, document, dates on a timeline), a panel with every piece of
//! evidence of an actor's edges, and the path between two actors.
//!
//! The script and style are trame's own (`html/view.js`, `html/view.css`),
//! embedded with the data: no network, no CDN. The data is one JSON object
//! in a `<script type="application/json">` element, `</` written `<\/` so
//! that no text of an article can close it.
//!
//! **Layout.** Nodes are ranked by PageRank on the actors' undirected view
//! (roles and claims after them, by degree). The `CORE` best actors are
//! laid out by a force-directed model (Fruchterman–Reingold, a fixed number
//! of rounds from a spiral in rank order); every other node is placed
//! around its best-ranked placed neighbour, outwards in breadth-first
//! order, and a component that never meets the core starts on a spiral
//! outside it. Everything is a function of the graph: the same graph gives
//! the same bytes. The page shows the core first and expands on demand.

use std::collections::VecDeque;
use std::io::{self, Write};

use serde_json::{json, Value};

use crate::graph::query::Walk;
use crate::graph::rank::{degrees, pagerank, PageRank};
use crate::graph::{AttrValue, Graph, Index};
use crate::ontology::{Modality, NodeKind, Relation};

/// How many central actors the force-directed layout places and the page
/// shows first.
pub const CORE: usize = 250;

/// Rounds of the force-directed layout.
const ROUNDS: usize = 300;

/// How far a node pushes the others, in ideal edge lengths.
const REACH: f64 = 4.0;

const SCRIPT: &str = include_str!("html/view.js");
const STYLE: &str = include_str!("html/view.css");

const MODALITIES: [Modality; 4] = [Modality::Asserted, Modality::Reported, Modality::Possible, Modality::Negated];

/// Node positions and their order of importance.
struct Layout {
    /// Node indices, most central first.
    order: Vec<usize>,
    /// Position of each node.
    xy: Vec<(f64, f64)>,
    /// How many of `order` the force-directed layout placed.
    core: usize,
}

/// Ranks the nodes: actors by PageRank (degree when it does not
/// converge), then the others by degree, ties by id.
fn rank(ix: &Index) -> Vec<usize> {
    let n = ix.node_count();
    let walk = Walk::actors();
    let pr = pagerank(ix, &walk, PageRank::default());
    let deg = degrees(ix, &Walk::everything());
    let mut order: Vec<usize> = (0..n).collect();
    let score = |u: usize| pr.as_ref().map_or(f64::from(deg[u]), |p| p[u]);
    order.sort_by(|&a, &b| {
        let (ka, kb) = (ix.kind(a).is_actor(), ix.kind(b).is_actor());
        kb.cmp(&ka)
            .then_with(|| if ka && kb { score(b).total_cmp(&score(a)) } else { std::cmp::Ordering::Equal })
            .then_with(|| deg[b].cmp(&deg[a]))
            .then_with(|| a.cmp(&b))
    });
    order
}

/// A point of the spiral of sunflower seeds, `i` from 0, `step` apart.
fn spiral(i: usize, step: f64) -> (f64, f64) {
    let angle = i as f64 * 2.399_963_229_728_653;
    let r = step * (i as f64 + 0.5).sqrt();
    (r * angle.cos(), r * angle.sin())
}

fn layout(ix: &Index) -> Layout {
    let n = ix.node_count();
    let order = rank(ix);
    let core: Vec<usize> = order.iter().copied().filter(|&u| ix.kind(u).is_actor()).take(CORE.min(n)).collect();
    let mut slot = vec![usize::MAX; n];
    for (i, &u) in core.iter().enumerate() {
        slot[u] = i;
    }
    // The core's links, each pair once.
    let mut links: Vec<(usize, usize)> = Vec::new();
    for (i, &u) in core.iter().enumerate() {
        for (v, _) in ix.adjacent(u) {
            let j = slot[v];
            if j != usize::MAX && i < j {
                links.push((i, j));
            }
        }
    }
    links.dedup();
    let k = 60.0;
    let mut pos: Vec<(f64, f64)> = (0..core.len()).map(|i| spiral(i, k * 0.8)).collect();
    let mut temp = k * 3.0;
    let cool = temp / ROUNDS as f64;
    let mut disp = vec![(0.0f64, 0.0f64); core.len()];
    for _ in 0..ROUNDS {
        disp.iter_mut().for_each(|d| *d = (0.0, 0.0));
        for i in 0..pos.len() {
            for j in i + 1..pos.len() {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d2 = (dx * dx + dy * dy).max(0.01);
                // Far nodes do not push (as in Fruchterman and Reingold's
                // grid variant): lone actors settle near the rest.
                if d2 > REACH * REACH * k * k {
                    continue;
                }
                let f = k * k / d2;
                disp[i].0 += dx * f;
                disp[i].1 += dy * f;
                disp[j].0 -= dx * f;
                disp[j].1 -= dy * f;
            }
        }
        for &(i, j) in &links {
            let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
            let d = (dx * dx + dy * dy).sqrt().max(0.1);
            let f = d / k;
            disp[i].0 -= dx * f;
            disp[i].1 -= dy * f;
            disp[j].0 += dx * f;
            disp[j].1 += dy * f;
        }
        for (p, d) in pos.iter_mut().zip(&disp) {
            // A pull to the centre keeps lone actors near the rest.
            let (gx, gy) = (d.0 - p.0 * 0.03, d.1 - p.1 * 0.03);
            let len = (gx * gx + gy * gy).sqrt();
            if len > 0.0 {
                let step = len.min(temp);
                p.0 += gx / len * step;
                p.1 += gy / len * step;
            }
        }
        temp = (temp - cool).max(0.5);
    }
    let mut xy = vec![(f64::NAN, f64::NAN); n];
    for (i, &u) in core.iter().enumerate() {
        xy[u] = pos[i];
    }
    let radius = pos.iter().map(|p| (p.0 * p.0 + p.1 * p.1).sqrt()).fold(k, f64::max);
    // Around the placed, outwards; then each component left, from its best node.
    let mut children = vec![0usize; n];
    let mut queue: VecDeque<usize> = core.iter().copied().collect();
    let mut outer = 0;
    let mut next_seed = order.iter();
    loop {
        while let Some(u) = queue.pop_front() {
            for (v, _) in ix.adjacent(u) {
                if !xy[v].0.is_nan() {
                    continue;
                }
                let c = children[u];
                children[u] += 1;
                let angle = c as f64 * 2.399_963_229_728_653 + u as f64;
                let r = k * (0.45 + 0.18 * (c as f64).sqrt());
                xy[v] = (xy[u].0 + r * angle.cos(), xy[u].1 + r * angle.sin());
                queue.push_back(v);
            }
        }
        let Some(&seed) = next_seed.find(|&&u| xy[u].0.is_nan()) else { break };
        let (x, y) = spiral(outer, k * 1.6);
        let scale = (radius + k * 2.0) / (x * x + y * y).sqrt().max(1.0);
        let out = if outer == 0 { 1.0 } else { 1.0 + (outer as f64).sqrt() * 0.04 };
        xy[seed] = (x * scale.max(1.0) * out, y * scale.max(1.0) * out);
        outer += 1;
        queue.push_back(seed);
    }
    Layout { order, xy, core: core.len() }
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// The page's data: nodes, edges, evidence, sentences and documents as
/// indexed arrays.
fn data(graph: &Graph) -> Value {
    let ix = Index::from_graph(graph);
    let lay = layout(&ix);
    let kind_ix = |k: NodeKind| NodeKind::ALL.iter().position(|x| *x == k).unwrap_or(0);
    let rel_ix = |r: Relation| Relation::ALL.iter().position(|x| *x == r).unwrap_or(0);
    let mod_ix = |m: Modality| MODALITIES.iter().position(|x| *x == m).unwrap_or(0);
    let mut docs: Vec<&str> = graph.edges().iter().flat_map(|e| e.evidence.iter().map(|ev| ev.doc.as_str())).collect();
    docs.sort_unstable();
    docs.dedup();
    let mut texts: Vec<&str> = Vec::new();
    let mut text_at: std::collections::HashMap<(&str, usize, &str), usize> = std::collections::HashMap::new();
    let mut evidence: Vec<Value> = Vec::new();
    let text_attr = |a: Option<&AttrValue>| match a {
        Some(AttrValue::Text(s)) => Value::from(s.as_str()),
        Some(AttrValue::Int(i)) => Value::from(i.to_string()),
        None => Value::Null,
    };
    let edges: Vec<Value> = graph
        .edges()
        .iter()
        .map(|e| {
            let ids: Vec<usize> = e
                .evidence
                .iter()
                .map(|ev| {
                    let key = (ev.doc.as_str(), ev.sentence, ev.text.as_str());
                    let t = *text_at.entry(key).or_insert_with(|| {
                        texts.push(&ev.text);
                        texts.len() - 1
                    });
                    let doc = docs.binary_search(&ev.doc.as_str()).unwrap_or(0);
                    evidence.push(json!([
                        doc,
                        ev.sentence,
                        t,
                        ev.rule,
                        text_attr(ev.attrs.get("date")),
                        text_attr(ev.attrs.get("date_end")),
                        text_attr(ev.attrs.get("date_text")),
                    ]));
                    evidence.len() - 1
                })
                .collect();
            let s = graph.node_index(&e.source).unwrap_or(0);
            let t = graph.node_index(&e.target).unwrap_or(0);
            json!([s, t, rel_ix(e.relation), mod_ix(e.modality), ids])
        })
        .collect();
    let nodes: Vec<Value> = graph
        .nodes()
        .enumerate()
        .map(|(i, n)| {
            let (x, y) = lay.xy[i];
            let mut row = json!([n.id, n.label, kind_ix(n.kind), n.aliases, n.mentions, round1(x), round1(y)]);
            // The claims an --actors-only build left out, counted on the speaker.
            if let (Some(c), Some(items)) = (n.claims, row.as_array_mut()) {
                items.push(json!(c));
            }
            row
        })
        .collect();
    json!({
        "kinds": NodeKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
        "actors": NodeKind::ALL.iter().map(|k| k.is_actor()).collect::<Vec<_>>(),
        "relations": Relation::ALL.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
        "modalities": MODALITIES.iter().map(|m| m.as_str()).collect::<Vec<_>>(),
        "docs": docs,
        "nodes": nodes,
        "edges": edges,
        "evidence": evidence,
        "texts": texts,
        "order": lay.order,
        "core": lay.core,
    })
}

/// Writes the graph as one self-contained HTML page.
///
/// # Example
///
/// ```
/// let docs = [trame::Document::new("a.txt", "Le président kényan William Ruto est arrivé à Paris.")];
/// let graph = trame::Pipeline::builtin().run(&docs);
/// let mut out = Vec::new();
/// trame::export::html::write(&graph, &mut out).unwrap();
/// let page = String::from_utf8(out).unwrap();
/// assert!(page.starts_with("<!DOCTYPE html>") && page.contains("William Ruto"));
/// assert!(!page.contains("http://") && !page.contains("https://"));
/// ```
pub fn write(graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
    let data = serde_json::to_string(&data(graph)).map_err(io::Error::other)?;
    // No text may close the script element or open a comment in it.
    let data = data.replace("</", "<\\/").replace("<!--", "<\\!--");
    let mut w = io::BufWriter::new(out);
    writeln!(w, "<!DOCTYPE html>")?;
    writeln!(w, "<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">")?;
    writeln!(w, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")?;
    writeln!(w, "<title>trame: graph of {} nodes, {} edges</title>", graph.nodes().len(), graph.edges().len())?;
    writeln!(w, "<style>\n{STYLE}</style>\n</head>\n<body>")?;
    w.write_all(BODY.as_bytes())?;
    writeln!(w, "<script type=\"application/json\" id=\"trame-data\">{data}</script>")?;
    writeln!(w, "<script>\n{SCRIPT}</script>\n</body>\n</html>")?;
    w.flush()
}

/// The page's elements; the script fills them.
const BODY: &str = r#"<header>
  <strong>trame</strong>
  <form id="search-form" autocomplete="off"><input id="search" type="search" placeholder="Actor (a name, an alias, a surname…)"><button>Find</button></form>
  <form id="path-form" autocomplete="off"><input id="path-from" placeholder="From"><input id="path-to" placeholder="To"><button>Path</button></form>
  <span id="status"></span>
</header>
<main>
  <aside id="filters">
    <details open><summary>Kinds</summary><div id="f-kinds"></div></details>
    <details><summary>Relations</summary><div id="f-relations"></div></details>
    <details><summary>Modality</summary><div id="f-modalities"></div></details>
    <details><summary>Document</summary><select id="f-doc"></select></details>
    <details open><summary>Dates</summary>
      <canvas id="timeline" width="220" height="48"></canvas>
      <div><input id="f-from" type="range" min="0" max="0" value="0"><input id="f-to" type="range" min="0" max="0" value="0"></div>
      <div id="f-range"></div>
      <label><input id="f-undated" type="checkbox" checked> undated edges</label>
    </details>
    <details open><summary>View</summary>
      <button id="show-more">Show more actors</button> <button id="reset">Reset</button>
      <p class="hint">Click an actor for its evidence; double-click to show its neighbours.</p>
    </details>
  </aside>
  <div id="stage"><canvas id="graph"></canvas></div>
  <section id="panel"><p class="hint">Search or click an actor.</p></section>
</main>
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Pipeline};

    fn page(text: &str) -> String {
        let graph = Pipeline::builtin().run(&[Document::new("a.txt", text)]);
        let mut out = Vec::new();
        write(&graph, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_page_is_self_contained_and_the_same_every_time() {
        let text = "Le président kényan William Ruto a rencontré le président sénégalais Amadou Sèye à Dakar.";
        let a = page(text);
        assert_eq!(a, page(text));
        for needle in ["http:", "https:", "<link", "src=", "@import"] {
            assert!(!a.contains(needle), "{needle}");
        }
        assert!(a.contains("William Ruto"));
    }

    #[test]
    fn no_text_closes_the_data_element() {
        let a = page("Le président kényan William Ruto a déclaré : « </script><script>alert(1)</script> <!-- ».");
        let data = a.split("id=\"trame-data\">").nth(1).unwrap().split("</script>").next().unwrap();
        assert!(!data.contains("</") && !data.contains("<!--"));
        let v: Value = serde_json::from_str(data).unwrap();
        assert!(v["texts"].as_array().unwrap().iter().any(|t| t.as_str().unwrap().contains("</script>")));
    }

    #[test]
    fn every_node_has_a_position_and_the_core_comes_first() {
        let text = "Le président kényan William Ruto a rencontré le président sénégalais Amadou Sèye à Dakar. \
                    La France a déployé 200 soldats au Niger.";
        let graph = Pipeline::builtin().run(&[Document::new("a.txt", text)]);
        let ix = Index::from_graph(&graph);
        let lay = layout(&ix);
        assert_eq!(lay.order.len(), graph.nodes().len());
        assert!(lay.xy.iter().all(|p| p.0.is_finite() && p.1.is_finite()));
        assert!(lay.order[..lay.core].iter().all(|&u| ix.kind(u).is_actor()));
    }
}
