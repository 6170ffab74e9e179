//! The binary cache of an `Index`, written beside the JSON it was read from
//! so that the next query skips parsing the JSON (hundreds of megabytes for a
//! million edges) and reads flat arrays instead.
//!
//! Layout, all numbers little-endian:
//!
//! ```text
//! header (64 bytes)  magic "TRAMEIX1", version u32, 0 u32,
//!                    json size u64, json mtime seconds u64, nanoseconds u32, 0 u32,
//!                    index section length u64, evidence section length u64, zeros
//! index section      n_nodes u32, n_aliases u32, n_edges u32, n_docs u32, text length u64, text,
//!                    then the columns of `Index` one after another:
//!                    node id, label (offset u32, length u32), kind u8, mentions u32,
//!                    alias_start u32 × (n+1), aliases (u32, u32),
//!                    edge source u32, target u32, relation u8, modality u8, evidence count u32,
//!                    adj_start u32 × (n+1), adj_nb u32 × 2e, adj_edge u32 × 2e,
//!                    evidence offsets u64 × (e+1) into the evidence section
//! evidence section   per edge: count u32, then per evidence: doc, sentence u64,
//!                    start u64, end u64, text, rule, attribute count u32,
//!                    (key, tag u8, i64 | string); strings are length u32 + UTF-8
//! ```
//!
//! The header keys the cache to the JSON's size and modification time: any
//! other pair means the JSON changed and the cache is rebuilt. A reader that
//! finds anything out of bounds reports it as an error, and the caller
//! rebuilds from the JSON, so a damaged cache costs time, never a wrong answer.
//! This module turns bytes into values; the caller does the file I/O.

use crate::ontology::{Modality, NodeKind, Relation};

use super::index::{EdgeInfo, Index, Str};
use super::model::{AttrValue, Attrs, Evidence};

const MAGIC: &[u8; 8] = b"TRAMEIX1";
const VERSION: u32 = 1;
/// Size of the fixed header.
pub const HEADER_LEN: usize = 64;

const MODALITIES: [Modality; 4] = [Modality::Asserted, Modality::Reported, Modality::Possible, Modality::Negated];

/// What the cache was built from: the JSON's size and modification time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// File size in bytes.
    pub size: u64,
    /// Modification time, seconds since the epoch.
    pub mtime_secs: u64,
    /// Modification time, nanoseconds within the second.
    pub mtime_nanos: u32,
}

/// The decoded header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    /// The JSON it was built from.
    pub key: Key,
    /// Length of the index section, which follows the header.
    pub index_len: u64,
    /// Length of the evidence section, which follows the index section.
    pub evidence_len: u64,
}

impl Header {
    /// Where the evidence section starts in the file.
    pub fn evidence_offset(&self) -> u64 {
        HEADER_LEN as u64 + self.index_len
    }
}

/// Encodes an index whose evidence is in memory, keyed to its JSON.
///
/// # Panics
/// If the index holds no evidence (it was itself read from a cache).
pub fn encode(ix: &Index, key: Key) -> Vec<u8> {
    let evidence = ix.evidence.as_ref().expect("encode needs an index with its evidence in memory");
    let mut ev = Vec::new();
    let mut offsets = Vec::with_capacity(evidence.len() + 1);
    for list in evidence {
        offsets.push(ev.len() as u64);
        put_u32(&mut ev, list.len() as u32);
        for e in list {
            put_str(&mut ev, &e.doc);
            put_u64(&mut ev, e.sentence as u64);
            put_u64(&mut ev, e.start as u64);
            put_u64(&mut ev, e.end as u64);
            put_str(&mut ev, &e.text);
            put_str(&mut ev, &e.rule);
            put_u32(&mut ev, e.attrs.len() as u32);
            for (k, v) in &e.attrs {
                put_str(&mut ev, k);
                match v {
                    AttrValue::Int(n) => {
                        ev.push(0);
                        ev.extend_from_slice(&n.to_le_bytes());
                    }
                    AttrValue::Text(t) => {
                        ev.push(1);
                        put_str(&mut ev, t);
                    }
                }
            }
        }
    }
    offsets.push(ev.len() as u64);

    let mut body = Vec::new();
    let n = ix.node_id.len();
    for v in [n as u32, ix.aliases.len() as u32, ix.edges.len() as u32, ix.docs] {
        put_u32(&mut body, v);
    }
    put_u64(&mut body, ix.text.len() as u64);
    body.extend_from_slice(ix.text.as_bytes());
    put_strs(&mut body, &ix.node_id);
    put_strs(&mut body, &ix.node_label);
    body.extend(ix.node_kind.iter().map(|k| NodeKind::ALL.iter().position(|x| x == k).expect("a kind") as u8));
    put_u32s(&mut body, &ix.node_mentions);
    put_u32s(&mut body, &ix.alias_start);
    put_strs(&mut body, &ix.aliases);
    for e in &ix.edges {
        put_u32(&mut body, e.source);
    }
    for e in &ix.edges {
        put_u32(&mut body, e.target);
    }
    body.extend(
        ix.edges.iter().map(|e| Relation::ALL.iter().position(|r| *r == e.relation).expect("a relation") as u8),
    );
    body.extend(ix.edges.iter().map(|e| MODALITIES.iter().position(|m| *m == e.modality).expect("a modality") as u8));
    for e in &ix.edges {
        put_u32(&mut body, e.evidence);
    }
    put_u32s(&mut body, &ix.adj_start);
    put_u32s(&mut body, &ix.adj_nb);
    put_u32s(&mut body, &ix.adj_edge);
    for o in &offsets {
        put_u64(&mut body, *o);
    }

    let mut out = Vec::with_capacity(HEADER_LEN + body.len() + ev.len());
    out.extend_from_slice(MAGIC);
    put_u32(&mut out, VERSION);
    put_u32(&mut out, 0);
    put_u64(&mut out, key.size);
    put_u64(&mut out, key.mtime_secs);
    put_u32(&mut out, key.mtime_nanos);
    put_u32(&mut out, 0);
    put_u64(&mut out, body.len() as u64);
    put_u64(&mut out, ev.len() as u64);
    out.resize(HEADER_LEN, 0);
    out.extend_from_slice(&body);
    out.extend_from_slice(&ev);
    out
}

/// Reads the header; `None` when the bytes are not a cache of this version.
pub fn decode_header(bytes: &[u8]) -> Option<Header> {
    if bytes.len() < HEADER_LEN || &bytes[..8] != MAGIC {
        return None;
    }
    let mut r = Reader { bytes: &bytes[8..HEADER_LEN], at: 0 };
    let version = r.u32().ok()?;
    if version != VERSION {
        return None;
    }
    r.u32().ok()?;
    let size = r.u64().ok()?;
    let mtime_secs = r.u64().ok()?;
    let mtime_nanos = r.u32().ok()?;
    r.u32().ok()?;
    let index_len = r.u64().ok()?;
    let evidence_len = r.u64().ok()?;
    Some(Header { key: Key { size, mtime_secs, mtime_nanos }, index_len, evidence_len })
}

/// Decodes the index section (the bytes after the header, `index_len` long).
/// The index holds evidence ranges, not evidence.
pub fn decode_index(bytes: &[u8], evidence_len: u64) -> Result<Index, String> {
    let mut r = Reader { bytes, at: 0 };
    let n = r.u32()? as usize;
    let n_alias = r.u32()? as usize;
    let n_edges = r.u32()? as usize;
    let docs = r.u32()?;
    let text_len = r.u64()? as usize;
    let text = std::str::from_utf8(r.take(text_len)?).map_err(|_| "text is not UTF-8".to_string())?.to_string();
    let node_id = r.strs(n)?;
    let node_label = r.strs(n)?;
    let node_kind = r
        .take(n)?
        .iter()
        .map(|&b| NodeKind::ALL.get(b as usize).copied().ok_or("bad node kind"))
        .collect::<Result<Vec<_>, _>>()?;
    let node_mentions = r.u32s(n)?;
    let alias_start = r.u32s(n + 1)?;
    let aliases = r.strs(n_alias)?;
    let sources = r.u32s(n_edges)?;
    let targets = r.u32s(n_edges)?;
    let relations = r.take(n_edges)?.to_vec();
    let modalities = r.take(n_edges)?.to_vec();
    let counts = r.u32s(n_edges)?;
    let adj_start = r.u32s(n + 1)?;
    let adj_nb = r.u32s(2 * n_edges)?;
    let adj_edge = r.u32s(2 * n_edges)?;
    let ev_offsets = r.u64s(n_edges + 1)?;
    if r.at != bytes.len() {
        return Err("trailing bytes in the index section".into());
    }

    let mut edges = Vec::with_capacity(n_edges);
    for i in 0..n_edges {
        let relation = *Relation::ALL.get(relations[i] as usize).ok_or("bad relation")?;
        let modality = *MODALITIES.get(modalities[i] as usize).ok_or("bad modality")?;
        if sources[i] as usize >= n || targets[i] as usize >= n {
            return Err("edge end out of range".into());
        }
        edges.push(EdgeInfo { source: sources[i], target: targets[i], relation, modality, evidence: counts[i] });
    }
    let in_text = |s: &Str| text.get(s.start as usize..(s.start as usize + s.len as usize)).is_some();
    if !node_id.iter().chain(&node_label).chain(&aliases).all(in_text) {
        return Err("string out of range".into());
    }
    let monotone = |v: &[u32], last: usize| v.windows(2).all(|w| w[0] <= w[1]) && v.last() == Some(&(last as u32));
    if !monotone(&alias_start, n_alias) || !monotone(&adj_start, 2 * n_edges) {
        return Err("bad row starts".into());
    }
    if adj_nb.iter().any(|&m| m as usize >= n) || adj_edge.iter().any(|&e| e as usize >= n_edges) {
        return Err("adjacency out of range".into());
    }
    if ev_offsets.windows(2).any(|w| w[0] > w[1]) || ev_offsets.last() != Some(&evidence_len) {
        return Err("bad evidence offsets".into());
    }
    Ok(Index {
        text,
        node_id,
        node_label,
        node_kind,
        node_mentions,
        alias_start,
        aliases,
        edges,
        adj_start,
        adj_nb,
        adj_edge,
        docs,
        evidence: None,
        ev_offsets,
    })
}

/// Decodes one edge's evidence (the bytes of its `evidence_range`).
pub fn decode_evidence(bytes: &[u8]) -> Result<Vec<Evidence>, String> {
    let mut r = Reader { bytes, at: 0 };
    let count = r.u32()? as usize;
    let mut out = Vec::with_capacity(count.min(1024));
    for _ in 0..count {
        let doc = r.string()?;
        let sentence = r.u64()? as usize;
        let start = r.u64()? as usize;
        let end = r.u64()? as usize;
        let text = r.string()?;
        let rule = r.string()?;
        let mut attrs = Attrs::new();
        for _ in 0..r.u32()? {
            let k = r.string()?;
            let v = match r.take(1)?[0] {
                0 => AttrValue::Int(i64::from_le_bytes(r.take(8)?.try_into().expect("8 bytes"))),
                1 => AttrValue::Text(r.string()?),
                _ => return Err("bad attribute tag".into()),
            };
            attrs.insert(k, v);
        }
        out.push(Evidence { doc, sentence, start, end, text, rule, attrs });
    }
    Ok(out)
}

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put_u64(out: &mut Vec<u8>, v: u64) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put_u32s(out: &mut Vec<u8>, v: &[u32]) {
    out.reserve(v.len() * 4);
    for x in v {
        put_u32(out, *x);
    }
}

fn put_strs(out: &mut Vec<u8>, v: &[Str]) {
    for s in v {
        put_u32(out, s.start);
        put_u32(out, s.len);
    }
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u32(out, s.len() as u32);
    out.extend_from_slice(s.as_bytes());
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or("truncated cache")?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }

    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }

    fn u64(&mut self) -> Result<u64, String> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().expect("8 bytes")))
    }

    fn u32s(&mut self, n: usize) -> Result<Vec<u32>, String> {
        let b = self.take(n.checked_mul(4).ok_or("truncated cache")?)?;
        Ok(b.chunks_exact(4).map(|c| u32::from_le_bytes(c.try_into().expect("4 bytes"))).collect())
    }

    fn u64s(&mut self, n: usize) -> Result<Vec<u64>, String> {
        let b = self.take(n.checked_mul(8).ok_or("truncated cache")?)?;
        Ok(b.chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes"))).collect())
    }

    fn strs(&mut self, n: usize) -> Result<Vec<Str>, String> {
        let v = self.u32s(n.checked_mul(2).ok_or("truncated cache")?)?;
        Ok(v.chunks_exact(2).map(|c| Str { start: c[0], len: c[1] }).collect())
    }

    fn string(&mut self) -> Result<String, String> {
        let n = self.u32()? as usize;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| "string is not UTF-8".to_string())
    }
}
