//! Reads the JSON that `trame build` writes (`export/json.rs`, the contract
//! of ontology.md) back into a `Graph`, so the query commands can ask a
//! graph built earlier. The caller reads the file; this parses text.
//!
//! The graph is rebuilt through `GraphBuilder`, the one constructor, so a
//! loaded graph obeys every invariant of a built one (sorted nodes and
//! edges, symmetric relations stored once) and writes back the same bytes:
//! the label is set outright, aliases become names that are not the label,
//! and each piece of evidence becomes one fact. An edge's attributes are
//! those of its evidence plus `modality`, as `GraphBuilder::finish` derives
//! them, so only `modality` is read from the edge's own attributes.
//!
//! Limits: a graph is at most `MAX_JSON_BYTES` of JSON, which keeps every
//! count and offset of the query index within 32 bits; a node id appears
//! once; evidence starts before it ends. Each is refused with a message
//! naming what is wrong. Loading takes time linear in the file, whatever
//! its numbers say (a node's `mentions` is a count, not a loop).

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

use crate::ontology::{Modality, NodeKind, Relation};

use super::model::{AttrValue, Attrs, Evidence, Fact, Graph, GraphBuilder};

#[derive(Deserialize)]
struct WireGraph<'a> {
    #[serde(borrow)]
    nodes: Vec<WireNode<'a>>,
    #[serde(borrow)]
    edges: Vec<WireEdge<'a>>,
}

#[derive(Deserialize)]
struct WireNode<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    label: Cow<'a, str>,
    #[serde(borrow)]
    kind: Cow<'a, str>,
    #[serde(default, borrow)]
    aliases: Vec<Cow<'a, str>>,
    #[serde(default)]
    mentions: u32,
    #[serde(default)]
    claims: Option<u32>,
}

#[derive(Deserialize)]
struct WireEdge<'a> {
    #[serde(borrow)]
    source: Cow<'a, str>,
    #[serde(borrow)]
    target: Cow<'a, str>,
    #[serde(borrow)]
    relation: Cow<'a, str>,
    #[serde(default)]
    attributes: AttrPairs,
    #[serde(borrow)]
    evidence: Vec<WireEvidence<'a>>,
}

#[derive(Deserialize)]
struct WireEvidence<'a> {
    #[serde(borrow)]
    doc: Cow<'a, str>,
    sentence: usize,
    start: usize,
    end: usize,
    #[serde(borrow)]
    text: Cow<'a, str>,
    #[serde(borrow)]
    rule: Cow<'a, str>,
    #[serde(default)]
    attributes: AttrPairs,
}

/// An attribute value: a whole number or a string.
struct WireValue(AttrValue);

impl<'de> Deserialize<'de> for WireValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = WireValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an integer or a string")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<WireValue, E> {
                Ok(WireValue(AttrValue::Int(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<WireValue, E> {
                i64::try_from(v).map(|v| WireValue(AttrValue::Int(v))).map_err(|_| E::custom("integer too large"))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<WireValue, E> {
                Ok(WireValue(AttrValue::Text(v.to_string())))
            }
        }
        d.deserialize_any(V)
    }
}

/// Attributes as a JSON object, read into pairs in file order.
#[derive(Default)]
struct AttrPairs(Vec<(String, WireValue)>);

impl<'de> Deserialize<'de> for AttrPairs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct M;
        impl<'de> Visitor<'de> for M {
            type Value = AttrPairs;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of attributes")
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<AttrPairs, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, WireValue>()? {
                    out.push((k, v));
                }
                Ok(AttrPairs(out))
            }
        }
        d.deserialize_map(M)
    }
}

/// The largest graph the loader reads: 4 GiB of JSON less one byte. The
/// query index addresses its strings, nodes and edges with 32-bit numbers,
/// which every graph of this size fits.
pub const MAX_JSON_BYTES: usize = u32::MAX as usize;

fn modality(s: &str) -> Option<Modality> {
    [Modality::Asserted, Modality::Reported, Modality::Possible, Modality::Negated]
        .into_iter()
        .find(|m| m.as_str() == s)
}

/// Parses the JSON export into a `Graph`. The message of an error names
/// what is wrong (a line and column for bad JSON, the node or edge for bad
/// content).
///
/// # Example
/// ```
/// let docs = [trame::Document::new("a.txt", "Le président kényan William Ruto est arrivé.")];
/// let graph = trame::Pipeline::builtin().run(&docs);
/// let mut json = Vec::new();
/// trame::export::json::write(&graph, &mut json).unwrap();
/// let back = trame::graph::load::from_json(std::str::from_utf8(&json).unwrap()).unwrap();
/// assert_eq!(back.edges(), graph.edges());
/// ```
pub fn from_json(text: &str) -> Result<Graph, String> {
    if text.len() > MAX_JSON_BYTES {
        return Err(format!(
            "{} bytes of JSON: a graph may have at most {MAX_JSON_BYTES} (4 GiB); split the articles into several graphs",
            text.len()
        ));
    }
    let wire: WireGraph = serde_json::from_str(text).map_err(|e| format!("not a trame graph: {e}"))?;
    let mut b = GraphBuilder::new();
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::with_capacity(wire.nodes.len());
    for (i, n) in wire.nodes.iter().enumerate() {
        let kind = NodeKind::parse(&n.kind).ok_or_else(|| format!("node {}: unknown kind {:?}", n.id, n.kind))?;
        if let Some(&first) = seen.get(n.id.as_ref()) {
            let before = wire.nodes[first].kind.as_ref();
            let kinds =
                if before == n.kind { format!("both {before}") } else { format!("a {before}, then a {}", n.kind) };
            return Err(format!("node {i}: id {:?} is already node {first}'s ({kinds}); every id is one node", n.id));
        }
        seen.insert(n.id.as_ref(), i);
        b.set_label(&n.id, kind, &n.label);
        for a in &n.aliases {
            b.mention(&n.id, kind, a, false);
        }
        b.add_mentions(&n.id, kind, n.mentions);
        if let Some(c) = n.claims {
            b.set_claims(&n.id, c);
        }
    }
    drop(seen);
    for (i, e) in wire.edges.into_iter().enumerate() {
        let what = || format!("edge {i} ({} -> {})", e.source, e.target);
        let relation =
            Relation::parse(&e.relation).ok_or_else(|| format!("{}: unknown relation {:?}", what(), e.relation))?;
        for end in [&e.source, &e.target] {
            if !b.has_node(end) {
                return Err(format!("{}: no node {end:?}", what()));
            }
        }
        let modality = match e.attributes.0.iter().find(|(k, _)| k == "modality") {
            None => Modality::Asserted,
            Some((_, WireValue(AttrValue::Text(m)))) => {
                modality(m).ok_or_else(|| format!("{}: unknown modality {m:?}", what()))?
            }
            Some(_) => return Err(format!("{}: modality is not a string", what())),
        };
        if e.evidence.is_empty() {
            return Err(format!("{}: no evidence (every edge carries at least one sentence)", what()));
        }
        for (j, ev) in e.evidence.iter().enumerate() {
            if ev.start > ev.end {
                return Err(format!("{}: evidence {j} starts at {} after its end {}", what(), ev.start, ev.end));
            }
        }
        for ev in e.evidence {
            let attrs: Attrs = ev.attributes.0.into_iter().map(|(k, v)| (k, v.0)).collect();
            b.fact(Fact {
                source: e.source.to_string(),
                relation,
                target: e.target.to_string(),
                modality,
                evidence: Evidence {
                    doc: ev.doc.into_owned(),
                    sentence: ev.sentence,
                    start: ev.start,
                    end: ev.end,
                    text: ev.text.into_owned(),
                    rule: ev.rule.into_owned(),
                    attrs,
                },
            });
        }
    }
    Ok(b.finish())
}
