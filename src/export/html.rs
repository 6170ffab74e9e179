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
/// indexed arrays, one JSON object whose keys are in sorted order. It is
/// written as it is serialized, row by row, never built whole: the page
/// of a large corpus holds little more than the graph.
struct Data<'g> {
    graph: &'g Graph,
    lay: Layout,
    /// The documents the evidence cites, sorted.
    docs: Vec<&'g str>,
    /// The distinct evidence sentences, in order of first use.
    texts: Vec<&'g str>,
    /// Per evidence, in edge order, its sentence in `texts`.
    text_of: Vec<u32>,
}

impl<'g> Data<'g> {
    fn new(graph: &'g Graph) -> Data<'g> {
        // The layout needs the shape of the graph, not its evidence.
        let lay = layout(&Index::shape_of(graph));
        let mut docs: Vec<&str> =
            graph.edges().iter().flat_map(|e| e.evidence.iter().map(|ev| ev.doc.as_str())).collect();
        docs.sort_unstable();
        docs.dedup();
        let mut texts: Vec<&str> = Vec::new();
        let mut text_at: std::collections::HashMap<(&str, usize, &str), u32> = std::collections::HashMap::new();
        let mut text_of = Vec::new();
        for ev in graph.edges().iter().flat_map(|e| &e.evidence) {
            let key = (ev.doc.as_str(), ev.sentence, ev.text.as_str());
            let t = *text_at.entry(key).or_insert_with(|| {
                texts.push(&ev.text);
                texts.len() as u32 - 1
            });
            text_of.push(t);
        }
        Data { graph, lay, docs, texts, text_of }
    }
}

/// A sequence serialized from an iterator made on demand.
struct Seq<F>(F);

impl<F, I> serde::Serialize for Seq<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: serde::Serialize,
{
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}

impl<'g> serde::Serialize for Data<'g> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        let graph = self.graph;
        let kind_ix = |k: NodeKind| NodeKind::ALL.iter().position(|x| *x == k).unwrap_or(0);
        let rel_ix = |r: Relation| Relation::ALL.iter().position(|x| *x == r).unwrap_or(0);
        let mod_ix = |m: Modality| MODALITIES.iter().position(|x| *x == m).unwrap_or(0);
        let text_attr = |a: Option<&'g AttrValue>| match a {
            Some(AttrValue::Text(s)) => Some(std::borrow::Cow::Borrowed(s.as_str())),
            Some(AttrValue::Int(i)) => Some(std::borrow::Cow::Owned(i.to_string())),
            None => None,
        };
        let mut m = s.serialize_map(Some(11))?;
        m.serialize_entry("actors", &Seq(|| NodeKind::ALL.iter().map(|k| k.is_actor())))?;
        m.serialize_entry("core", &self.lay.core)?;
        m.serialize_entry("docs", &self.docs)?;
        // Each edge's evidence is numbered in edge order.
        let edges = || {
            let mut next = 0usize;
            graph.edges().iter().map(move |e| {
                let ids = next..next + e.evidence.len();
                next = ids.end;
                let s = graph.node_index(&e.source).unwrap_or(0);
                let t = graph.node_index(&e.target).unwrap_or(0);
                (s, t, rel_ix(e.relation), mod_ix(e.modality), Seq(move || ids.clone()))
            })
        };
        m.serialize_entry("edges", &Seq(edges))?;
        let evidence = || {
            graph.edges().iter().flat_map(|e| &e.evidence).zip(&self.text_of).map(|(ev, &t)| {
                let doc = self.docs.binary_search(&ev.doc.as_str()).unwrap_or(0);
                (
                    doc,
                    ev.sentence,
                    t,
                    ev.rule.as_str(),
                    text_attr(ev.attrs.get("date")),
                    text_attr(ev.attrs.get("date_end")),
                    text_attr(ev.attrs.get("date_text")),
                )
            })
        };
        m.serialize_entry("evidence", &Seq(evidence))?;
        m.serialize_entry("kinds", &Seq(|| NodeKind::ALL.iter().map(|k| k.as_str())))?;
        m.serialize_entry("modalities", &Seq(|| MODALITIES.iter().map(|m| m.as_str())))?;
        /// A node's row: its claims count last, when a filter left them out.
        struct Row<'n>(&'n crate::graph::Node, usize, (f64, f64));
        impl serde::Serialize for Row<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let Row(n, kind, (x, y)) = *self;
                let mut row = s.serialize_seq(Some(7 + usize::from(n.claims.is_some())))?;
                row.serialize_element(&n.id)?;
                row.serialize_element(&n.label)?;
                row.serialize_element(&kind)?;
                row.serialize_element(&n.aliases)?;
                row.serialize_element(&n.mentions)?;
                row.serialize_element(&round1(x))?;
                row.serialize_element(&round1(y))?;
                if let Some(c) = n.claims {
                    row.serialize_element(&c)?;
                }
                row.end()
            }
        }
        let nodes = || graph.nodes().enumerate().map(|(i, n)| Row(n, kind_ix(n.kind), self.lay.xy[i]));
        m.serialize_entry("nodes", &Seq(nodes))?;
        m.serialize_entry("order", &self.lay.order)?;
        m.serialize_entry("relations", &Seq(|| Relation::ALL.iter().map(|r| r.as_str())))?;
        m.serialize_entry("texts", &self.texts)?;
        m.end()
    }
}

/// Passes bytes on with a backslash after every `<` that would close the
/// script element or open a comment in it (`</`, `<!--`), whatever the
/// writes they are split across.
struct ScriptSafe<W: Write> {
    out: W,
    /// A `<` and what follows it, not yet known to need the backslash.
    held: Vec<u8>,
}

impl<W: Write> ScriptSafe<W> {
    /// Decides on `held` as far as it can; `end` says no byte follows.
    fn settle(&mut self, end: bool) -> io::Result<()> {
        let h = &self.held;
        if h.is_empty() {
            return Ok(());
        }
        let escape = h.get(1) == Some(&b'/') || h.starts_with(b"<!--");
        let open = !escape && (h.len() == 1 || (h.len() < 4 && b"<!--".starts_with(h)));
        if open && !end {
            return Ok(());
        }
        if escape {
            self.out.write_all(b"<\\")?;
            self.out.write_all(&h[1..])?;
        } else if h.len() > 1 && h.ends_with(b"<") {
            // "<<", "<!<": the last one may open what needs the backslash.
            self.out.write_all(&h[..h.len() - 1])?;
            self.held.truncate(1);
            return self.settle(end);
        } else {
            self.out.write_all(h)?;
        }
        self.held.clear();
        Ok(())
    }
}

impl<W: Write> Write for ScriptSafe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut rest = buf;
        while !rest.is_empty() {
            if !self.held.is_empty() {
                self.held.push(rest[0]);
                rest = &rest[1..];
                self.settle(false)?;
                continue;
            }
            match rest.iter().position(|&b| b == b'<') {
                None => {
                    self.out.write_all(rest)?;
                    break;
                }
                Some(k) => {
                    self.out.write_all(&rest[..k])?;
                    self.held.push(b'<');
                    rest = &rest[k + 1..];
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
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
    let data = Data::new(graph);
    let mut w = io::BufWriter::new(out);
    writeln!(w, "<!DOCTYPE html>")?;
    writeln!(w, "<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">")?;
    writeln!(w, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")?;
    writeln!(w, "<title>trame: graph of {} nodes, {} edges</title>", graph.nodes().len(), graph.edges().len())?;
    writeln!(w, "<style>\n{STYLE}</style>\n</head>\n<body>")?;
    w.write_all(BODY.as_bytes())?;
    write!(w, "<script type=\"application/json\" id=\"trame-data\">")?;
    // No text may close the script element or open a comment in it.
    let mut safe = ScriptSafe { out: &mut w, held: Vec::new() };
    serde_json::to_writer(&mut safe, &data).map_err(io::Error::other)?;
    safe.settle(true)?;
    writeln!(w, "</script>")?;
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
    use serde_json::Value;

    #[test]
    fn no_text_closes_the_script_however_the_writes_cut_it() {
        let reference = |s: &str| s.replace("</", "<\\/").replace("<!--", "<\\!--");
        for text in ["a</b>", "<!--x-->", "<</", "<!<!--", "<!-", "<!", "<", "x<", "<a<", "<!-<!--", "«</script>»", ""]
        {
            for cut in 0..=text.len() {
                for chunk in [1, 2, 3, text.len().max(1)] {
                    let mut out = Vec::new();
                    let mut safe = ScriptSafe { out: &mut out, held: Vec::new() };
                    let (head, tail) = text.as_bytes().split_at(cut);
                    for part in head.chunks(chunk).chain(tail.chunks(chunk)) {
                        safe.write_all(part).unwrap();
                    }
                    safe.settle(true).unwrap();
                    assert_eq!(String::from_utf8(out).unwrap(), reference(text), "{text:?} cut at {cut}, by {chunk}");
                }
            }
        }
    }

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
