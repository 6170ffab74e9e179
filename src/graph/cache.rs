//! The binary cache of an `Index`, written beside the JSON it was read from
//! so that the next query skips parsing the JSON (hundreds of megabytes for a
//! million edges) and reads flat arrays instead.
//!
//! Layout, all numbers little-endian:
//!
//! ```text
//! header (128 bytes) magic "TRAMEIX2", format version u32, 0 u32, trame's version (16 bytes, zero-padded),
//!                    json size u64, json XXH64 u64, index section length u64,
//!                    evidence section length u64, index section XXH64 u64, zeros,
//!                    XXH64 of the header's first 120 bytes (u64, at 120)
//! memo (128 bytes)   zeros, or what the JSON file looked like when it was hashed (see `Memo`)
//! index section      n_nodes u32, n_aliases u32, n_edges u32, n_docs u32, text length u64, text,
//!                    then the columns of `Index` one after another:
//!                    node id, label (offset u32, length u32), kind u8, mentions u32,
//!                    alias_start u32 × (n+1), aliases (u32, u32),
//!                    edge source u32, target u32, relation u8, modality u8, evidence count u32,
//!                    adj_start u32 × (n+1), adj_nb u32 × 2e, adj_edge u32 × 2e,
//!                    evidence offsets u64 × (e+1) into the evidence section
//! evidence section   per edge: XXH64 of the rest of its bytes u64, count u32, then per evidence: doc, sentence u64,
//!                    start u64, end u64, text, rule, attribute count u32,
//!                    (key, tag u8, i64 | string); strings are length u32 + UTF-8
//! ```
//!
//! The cache never answers for another JSON than its own, nor with bytes
//! that changed since it was written:
//!
//! - it is keyed by the XXH64 and size of the JSON's **content**: a JSON
//!   edited in any way, its modification time restored or not, is another
//!   key, and the cache is rebuilt;
//! - the header carries its own XXH64, the XXH64 of the index section and the
//!   lengths of both sections: a damaged or truncated file, or one written by
//!   another format or another version of trame, is rebuilt;
//! - each edge's evidence bytes start with their XXH64, verified when the
//!   evidence is read, since a query reads only the few edges it prints.
//!
//! Hashing a JSON of 500 MB costs about a tenth of a second, as much as the
//! rest of a query. The **memo** spares it: the file's device, inode, size,
//! modification and change times when its content was hashed. While the JSON
//! shows the same, it holds the same bytes, provided the memo was taken when
//! the file had not been changed for a while (`Memo::settled`): any write,
//! and any `touch` that restores a modification time, sets the change time
//! to the present, which the system does not let anyone set back. A memo is
//! only a shortcut: a missing or damaged one costs a hash, never an answer.
//!
//! This module turns bytes into values; the caller does the file I/O.

use crate::digest::xxh64;
use crate::ontology::{Modality, NodeKind, Relation};

use super::index::{EdgeInfo, Index, Str};
use super::model::{AttrValue, Attrs, Evidence};

const MAGIC: &[u8; 8] = b"TRAMEIX2";
const VERSION: u32 = 2;
const MEMO_MAGIC: &[u8; 8] = b"TRAMEST1";
/// Length of the header proper.
const HEAD_LEN: usize = 128;
/// Where the memo starts in the file, and its length.
pub const MEMO_OFFSET: usize = 128;
/// Length of the memo.
pub const MEMO_LEN: usize = 128;
/// Size of the fixed header and memo: the index section starts here.
pub const HEADER_LEN: usize = HEAD_LEN + MEMO_LEN;

const MODALITIES: [Modality; 4] = [Modality::Asserted, Modality::Reported, Modality::Possible, Modality::Negated];

/// Whether `bytes` have the XXH64 `expected`. Fuzzing skips the check, so
/// that the fuzzer reaches the decoding behind it (`fuzz/`).
fn verified(expected: u64, bytes: &[u8]) -> bool {
    cfg!(fuzzing) || xxh64(bytes) == expected
}

/// The version of trame, as the header holds it.
fn trame_version() -> [u8; 16] {
    let mut v = [0u8; 16];
    let s = env!("CARGO_PKG_VERSION").as_bytes();
    let n = s.len().min(16);
    v[..n].copy_from_slice(&s[..n]);
    v
}

/// What the cache was built from: the JSON's size and the XXH64 of its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// File size in bytes.
    pub size: u64,
    /// `digest::xxh64` of the file's bytes.
    pub hash: u64,
}

impl Key {
    /// The key of a JSON text.
    pub fn of(json: &[u8]) -> Key {
        Key { size: json.len() as u64, hash: xxh64(json) }
    }
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
    /// XXH64 of the index section.
    pub index_hash: u64,
}

impl Header {
    /// Where the evidence section starts in the file.
    pub fn evidence_offset(&self) -> u64 {
        HEADER_LEN as u64 + self.index_len
    }

    /// The size of the whole cache file; any other size is a damaged cache.
    pub fn file_len(&self) -> Option<u64> {
        self.evidence_offset().checked_add(self.evidence_len)
    }
}

/// What a JSON file looked like on disk when its content was hashed (Unix
/// `stat` fields). Equal stats mean equal bytes when the memo was `settled`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stat {
    /// Device.
    pub dev: u64,
    /// Inode.
    pub ino: u64,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, seconds and nanoseconds.
    pub mtime: (i64, u32),
    /// Change time (set by the system on any change), seconds and nanoseconds.
    pub ctime: (i64, u32),
}

impl Stat {
    /// Whether a memo of this stat may be trusted: the file's last change is
    /// at least two seconds older than `now` (seconds since the epoch, read
    /// before the content was hashed), more than the granularity of any
    /// file system's clock, so that a later write cannot carry the same
    /// change time.
    pub fn settled(&self, now: (i64, u32)) -> bool {
        self.ctime.0.checked_add(2).is_some_and(|t| (t, self.ctime.1) <= now)
    }
}

/// The memo of a JSON file whose content has `hash`.
pub fn encode_memo(stat: &Stat, hash: u64) -> [u8; MEMO_LEN] {
    let mut out = Vec::with_capacity(MEMO_LEN);
    out.extend_from_slice(MEMO_MAGIC);
    for v in [stat.dev, stat.ino, stat.size, stat.mtime.0 as u64] {
        put_u64(&mut out, v);
    }
    put_u32(&mut out, stat.mtime.1);
    put_u32(&mut out, stat.ctime.1);
    put_u64(&mut out, stat.ctime.0 as u64);
    put_u64(&mut out, hash);
    let check = xxh64(&out);
    put_u64(&mut out, check);
    out.resize(MEMO_LEN, 0);
    out.try_into().expect("the memo's length")
}

/// Decodes a memo: the stat and the content hash, or `None` when there is
/// none or it is damaged.
pub fn decode_memo(bytes: &[u8]) -> Option<(Stat, u64)> {
    if bytes.len() < 72 || &bytes[..8] != MEMO_MAGIC {
        return None;
    }
    let mut r = Reader { bytes: &bytes[..72], at: 8 };
    let (dev, ino, size, msec) = (r.u64().ok()?, r.u64().ok()?, r.u64().ok()?, r.u64().ok()? as i64);
    let (mns, cns, csec, hash) = (r.u32().ok()?, r.u32().ok()?, r.u64().ok()? as i64, r.u64().ok()?);
    let check = r.u64().ok()?;
    if !verified(check, &bytes[..64]) {
        return None;
    }
    Some((Stat { dev, ino, size, mtime: (msec, mns), ctime: (csec, cns) }, hash))
}

/// Encodes an index whose evidence is in memory, keyed to its JSON, with
/// no memo.
///
/// # Panics
/// If the index holds no evidence (it was itself read from a cache).
pub fn encode(ix: &Index, key: Key) -> Vec<u8> {
    let evidence = ix.evidence.as_ref().expect("encode needs an index with its evidence in memory");
    let mut ev = Vec::new();
    let mut offsets = Vec::with_capacity(evidence.len() + 1);
    for list in evidence {
        let start = ev.len();
        offsets.push(start as u64);
        put_u64(&mut ev, 0);
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
        let check = xxh64(&ev[start + 8..]);
        ev[start..start + 8].copy_from_slice(&check.to_le_bytes());
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
    out.extend_from_slice(&trame_version());
    put_u64(&mut out, key.size);
    put_u64(&mut out, key.hash);
    put_u64(&mut out, body.len() as u64);
    put_u64(&mut out, ev.len() as u64);
    put_u64(&mut out, xxh64(&body));
    out.resize(HEAD_LEN - 8, 0);
    let check = xxh64(&out);
    put_u64(&mut out, check);
    out.resize(HEADER_LEN, 0);
    out.extend_from_slice(&body);
    out.extend_from_slice(&ev);
    out
}

/// Reads the header (the file's first `HEADER_LEN` bytes, or more). An error
/// when the bytes are no cache, a cache of another format or version of
/// trame, or a damaged one.
pub fn decode_header(bytes: &[u8]) -> Result<Header, String> {
    if bytes.len() < HEAD_LEN || &bytes[..8] != MAGIC {
        return Err("not a cache of this format".into());
    }
    let check = u64::from_le_bytes(bytes[HEAD_LEN - 8..HEAD_LEN].try_into().expect("8 bytes"));
    if !verified(check, &bytes[..HEAD_LEN - 8]) {
        return Err("damaged header".into());
    }
    let mut r = Reader { bytes: &bytes[8..HEAD_LEN], at: 0 };
    if r.u32()? != VERSION {
        return Err("another format version".into());
    }
    r.u32()?;
    if r.take(16)? != trame_version() {
        return Err("written by another version of trame".into());
    }
    let key = Key { size: r.u64()?, hash: r.u64()? };
    let (index_len, evidence_len, index_hash) = (r.u64()?, r.u64()?, r.u64()?);
    let header = Header { key, index_len, evidence_len, index_hash };
    header.file_len().ok_or("bad section lengths")?;
    Ok(header)
}

/// Decodes the index section (the bytes after the header and memo,
/// `index_len` long), checking them against the header's hash. The index
/// holds evidence ranges and hashes, not evidence.
pub fn decode_index(bytes: &[u8], header: &Header) -> Result<Index, String> {
    if bytes.len() as u64 != header.index_len || !verified(header.index_hash, bytes) {
        return Err("damaged index section".into());
    }
    let evidence_len = header.evidence_len;
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
    let adj_nb = r.u32s(n_edges.checked_mul(2).ok_or("truncated cache")?)?;
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

/// Decodes one edge's evidence (the bytes of its `evidence_range`), after
/// checking them against the XXH64 they start with.
pub fn decode_evidence(bytes: &[u8]) -> Result<Vec<Evidence>, String> {
    if bytes.len() < 8 || !verified(u64::from_le_bytes(bytes[..8].try_into().expect("8 bytes")), &bytes[8..]) {
        return Err("damaged evidence".into());
    }
    let mut r = Reader { bytes, at: 8 };
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
    if r.at != bytes.len() {
        return Err("trailing bytes in an edge's evidence".into());
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
