//! The binary cache of an `Index`, written beside the JSON it was read from
//! so that the next query skips parsing the JSON (hundreds of megabytes for a
//! million edges) and reads flat arrays instead: the petgraph `Csr` is
//! stored as its rows and rebuilt from them by `Csr::from_sorted_edges`, in
//! one pass.
//!
//! Layout, all numbers little-endian:
//!
//! ```text
//! header (128 bytes) magic "TRAMEIX3", format version u32, 0 u32, trame's version (16 bytes, zero-padded),
//!                    json size u64, json XXH64 u64, index section length u64,
//!                    evidence section length u64, index section XXH64 u64, zeros,
//!                    XXH64 of the header's first 120 bytes (u64, at 120)
//! memo (128 bytes)   zeros, or what the JSON file looked like when it was hashed (see `Memo`)
//! index section      n_nodes u32, n_aliases u32, n_edges u32, n_docs u32, n_pairs u32, n_parallel u32,
//!                    text length u64, offset width u32 (4 or 8), 0 u32, text,
//!                    then the columns of `Index` one after another:
//!                    node id, label (offset u32, length u32), kind u8, mentions u32,
//!                    alias_start u32 × (n+1), aliases (u32, u32),
//!                    edge source u32, target u32, relation u8, modality u8, evidence count u32,
//!                    evidence offsets (u32, or u64 for 4 GiB of evidence or more) × (e+1)
//!                    into the evidence section,
//!                    the rows of the `Csr` of the undirected view: row start u32 × (n+1),
//!                    neighbour u32 × n_pairs, link u32 × n_pairs, parallel groups u32 × n_parallel
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
use crate::ontology::{NodeKind, Relation};

use super::index::{csr_of, encode_counts, Counts, Index, Layout, COUNTS_LEN, GROUP, MODALITIES};
use super::model::{AttrValue, Attrs, Evidence};

const MAGIC: &[u8; 8] = b"TRAMEIX3";
const VERSION: u32 = 3;
const MEMO_MAGIC: &[u8; 8] = b"TRAMEST1";
/// Length of the header proper.
const HEAD_LEN: usize = 128;
/// Where the memo starts in the file, and its length.
pub const MEMO_OFFSET: usize = 128;
/// Length of the memo.
pub const MEMO_LEN: usize = 128;
/// Size of the fixed header and memo: the index section starts here.
pub const HEADER_LEN: usize = HEAD_LEN + MEMO_LEN;

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
/// no memo: the index's own section, its evidence ranges filled in, then
/// the evidence.
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

    // The section with its evidence offsets, as narrow as they fit.
    let mut counts = ix.counts;
    counts.offset_width = if ev.len() <= u32::MAX as usize { 4 } else { 8 };
    let at = Layout::of(&counts).expect("the layout of a built index");
    let mut body = Vec::with_capacity(at.end);
    body.extend_from_slice(&encode_counts(&counts));
    body.extend_from_slice(&ix.body[COUNTS_LEN..ix.at.ev_offsets]);
    for o in &offsets {
        if counts.offset_width == 4 {
            put_u32(&mut body, *o as u32);
        } else {
            put_u64(&mut body, *o);
        }
    }
    body.extend_from_slice(&ix.body[ix.at.row..]);
    debug_assert_eq!(body.len(), at.end);

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
    decode_index_from(bytes.to_vec(), header)
}

/// `decode_index` on a section the caller read into its own buffer, which
/// becomes the index's: its columns are checked where they are, never
/// copied, and only the petgraph `Csr` is built, from the rows.
pub fn decode_index_from(body: Vec<u8>, header: &Header) -> Result<Index, String> {
    if body.len() as u64 != header.index_len || !verified(header.index_hash, &body) {
        return Err("damaged index section".into());
    }
    let mut r = Reader { bytes: &body, at: 0 };
    let counts = Counts {
        nodes: r.u32()? as usize,
        aliases: r.u32()? as usize,
        edges: r.u32()? as usize,
        docs: r.u32()?,
        pairs: r.u32()? as usize,
        parallel: r.u32()? as usize,
        text: usize::try_from(r.u64()?).map_err(|_| "truncated cache")?,
        offset_width: r.u32()? as usize,
    };
    if counts.offset_width != 4 && counts.offset_width != 8 {
        return Err("bad evidence offset width".into());
    }
    let at = Layout::of(&counts).ok_or("truncated cache")?;
    if at.end != body.len() {
        return Err(if at.end > body.len() { "truncated cache" } else { "trailing bytes in the index section" }.into());
    }
    let (n, n_edges) = (counts.nodes, counts.edges);
    let col = |start: usize, len: usize| &body[start..start + len];
    let u32s = |start: usize, count: usize| {
        col(start, 4 * count).chunks_exact(4).map(|c| u32::from_le_bytes(c.try_into().expect("4 bytes")))
    };
    let text = std::str::from_utf8(col(at.text, counts.text)).map_err(|_| "text is not UTF-8".to_string())?;
    let strs_ok = |start: usize, count: usize| {
        let mut w = u32s(start, 2 * count);
        while let (Some(s), Some(l)) = (w.next(), w.next()) {
            if text.get(s as usize..s as usize + l as usize).is_none() {
                return false;
            }
        }
        true
    };
    if !strs_ok(at.node_id, n) || !strs_ok(at.node_label, n) || !strs_ok(at.aliases, counts.aliases) {
        return Err("string out of range".into());
    }
    if col(at.node_kind, n).iter().any(|&k| k as usize >= NodeKind::ALL.len()) {
        return Err("bad node kind".into());
    }
    if u32s(at.source, n_edges).chain(u32s(at.target, n_edges)).any(|v| v as usize >= n) {
        return Err("edge end out of range".into());
    }
    if col(at.relation, n_edges).iter().any(|&b| b as usize >= Relation::ALL.len()) {
        return Err("bad relation".into());
    }
    if col(at.modality, n_edges).iter().any(|&b| b as usize >= MODALITIES.len()) {
        return Err("bad modality".into());
    }
    // Row starts: from 0, never down, ending at the count.
    let monotone = |start: usize, count: usize, last: usize| {
        let mut prev = 0u32;
        let mut ok = true;
        for (i, v) in u32s(start, count).enumerate() {
            ok &= if i == 0 { v == 0 } else { v >= prev };
            prev = v;
        }
        ok && prev as usize == last
    };
    if !monotone(at.alias_start, n + 1, counts.aliases) || !monotone(at.row, n + 1, counts.pairs) {
        return Err("bad row starts".into());
    }
    let w = counts.offset_width;
    let offsets = col(at.ev_offsets, w * (n_edges + 1)).chunks_exact(w).map(|c| {
        let mut b = [0u8; 8];
        b[..w].copy_from_slice(c);
        u64::from_le_bytes(b)
    });
    let mut prev = 0u64;
    for (i, o) in offsets.enumerate() {
        if (i == 0 && o != 0) || o < prev {
            return Err("bad evidence offsets".into());
        }
        prev = o;
    }
    if prev != header.evidence_len {
        return Err("bad evidence offsets".into());
    }

    let parallel: Vec<u32> = u32s(at.parallel, counts.parallel).collect();
    let starts: Vec<u32> = u32s(at.row, n + 1).collect();
    let (columns, links) = (col(at.column, 4 * counts.pairs), col(at.link, 4 * counts.pairs));
    let word = |b: &[u8], j: usize| u32::from_le_bytes(b[4 * j..4 * j + 4].try_into().expect("4 bytes"));
    let mut rows = Vec::with_capacity(counts.pairs);
    for u in 0..n {
        for j in starts[u] as usize..starts[u + 1] as usize {
            let link = word(links, j);
            let sound = if link & GROUP == 0 {
                (link as usize) < n_edges
            } else {
                let start = (link & !GROUP) as usize;
                let count = parallel.get(start).map_or(0, |&c| c as usize);
                count >= 2
                    && parallel
                        .get(start + 1..start + 1 + count)
                        .is_some_and(|group| group.iter().all(|&e| (e as usize) < n_edges))
            };
            if !sound {
                return Err("adjacency out of range".into());
            }
            rows.push((u as u32, word(columns, j)));
        }
    }
    let graph = csr_of(n, &rows).ok_or("bad adjacency rows")?;
    drop(rows);
    Ok(Index { body, counts, at, graph, parallel, evidence: None })
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

    fn string(&mut self) -> Result<String, String> {
        let n = self.u32()? as usize;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| "string is not UTF-8".to_string())
    }
}
