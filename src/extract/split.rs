//! The map/merge split: `trame extract` and `trame merge`.
//!
//! The first pass of the pipeline (sentences, tokens, mentions, the
//! document's acronym pairs and the summaries the corpus steps need) reads
//! one document and nothing else: it is the map. `extract` writes what it
//! leaves of each document as one JSON line, a `Record`: the text as
//! written, its sentences with their mentions, acronym words and name
//! cues, its acronym pairs, its counts of words written after an article.
//! Everything that looks across documents (acronyms of the corpus, the
//! person registry, the world's countries) and the two passes that depend
//! on it run at the merge, on the records, so `merge` gives the bytes
//! `build` gives on the same documents.
//!
//! A set of records is keyed by document: `Corpus` sorts them as `build`
//! sorts documents (by name) and keeps one of records that are the same
//! document, so merging is associative and order-independent, and the
//! records a merge writes (`Corpus::write`) merge again.

use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::sync::{LazyLock, Mutex};

use serde::{Deserialize, Serialize};

use super::{
    alias,
    mention::{Mention, Ref},
    spill::{self, Slot, Spill, SpillFile},
    DocNames, FirstPass, MentionRecord, Pipeline, ReadDoc, ReadSentence, Spilled, Start, Timings,
};
use crate::graph::Graph;
use crate::lexicon::Lexicon;
use crate::text::{Date, Document};

/// The format tag every record carries.
pub const FORMAT: &str = "trame-extract/1";

/// One document after the first pass, as a line of `trame extract`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Record {
    /// `FORMAT`.
    pub format: String,
    /// The reader that wrote it: trame's version and the lexicon's
    /// fingerprint (`reader`); a merge takes only its own.
    pub reader: String,
    /// The document's name.
    pub doc: String,
    /// Its text as written (before NFC).
    pub text: String,
    /// Its date, when its input gave one (YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Its title, when its input gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Its address, when its input gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Its sentences, read (no tokens).
    pub sentences: Vec<ReadSentence>,
    /// Its acronym pairs (`alias::local`).
    pub acronyms: alias::Local,
    /// Capitalized words (folded) written after an article and without one, sorted.
    pub articles: Vec<(String, u32, u32)>,
}

/// The reader tag of a lexicon: records are merged only by the trame build
/// (version and a hash of its sources, `build.rs`) and the lexicon that
/// wrote them, whose first pass they are.
pub fn reader(lx: &Lexicon) -> String {
    format!("trame {} build {} lexicon {:016x}", env!("CARGO_PKG_VERSION"), env!("TRAME_BUILD_ID"), lx.fingerprint)
}

impl Record {
    /// The document again, as loading gave it.
    fn document(&self) -> Document {
        let mut d = Document::new(self.doc.clone(), self.text.clone());
        d.date = self.date.as_deref().and_then(Date::parse_iso);
        d.title = self.title.clone();
        d.url = self.url.clone();
        d
    }

    /// Checks that the record is one this lexicon's first pass could have
    /// written of its text: the same sentences, and every token index, span
    /// and country number of its mentions inside them, so that the passes
    /// after it read no index out of bounds. `doc` is `self.document()`.
    fn check(&self, lx: &Lexicon, doc: &Document) -> Result<(), String> {
        if self.format != FORMAT {
            return Err(format!("format {:?}, expected {FORMAT:?}", self.format));
        }
        let ours = reader(lx);
        if self.reader != ours {
            return Err(format!(
                "written by {:?}, and this merge is {ours:?}: extract and merge with the same trame and --lexicon",
                self.reader
            ));
        }
        if self.date.is_some() && doc.date.is_none() {
            return Err(format!("date {:?} is no YYYY-MM-DD date", self.date.as_deref().unwrap_or("")));
        }
        let split = crate::text::sentences(&doc.text);
        if split.len() != self.sentences.len() {
            return Err(format!("{} sentences, but its text has {}", self.sentences.len(), split.len()));
        }
        let countries = lx.countries.len();
        let country_ok = |r: &Ref| !matches!(r, Ref::Country(c) if *c as usize >= countries);
        for (s, read) in split.iter().zip(&self.sentences) {
            let at = |what: &str| format!("sentence {}: {what}", s.index);
            if read.index != s.index || read.span != s.span {
                return Err(at("not where its text puts it"));
            }
            let tokens = crate::text::tokenize(&doc.text, s);
            let n = tokens.len();
            // A span must be that of a run of the sentence's tokens.
            let starts: HashMap<usize, usize> = tokens.iter().map(|t| (t.span.start, t.span.cstart)).collect();
            let ends: HashMap<usize, usize> = tokens.iter().map(|t| (t.span.end, t.span.cend)).collect();
            let span_ok = |sp: &crate::text::Span| {
                starts.get(&sp.start) == Some(&sp.cstart) && ends.get(&sp.end) == Some(&sp.cend) && sp.start < sp.end
            };
            let m = &read.mentions;
            for e in &m.entities {
                let refs_ok = country_ok(&e.target) && e.alt.as_deref().is_none_or(country_ok);
                if e.sent != s.index || e.a > e.b || e.b > n || !span_ok(&e.span) || !refs_ok {
                    return Err(at(&format!("mention {:?} does not fit its sentence", e.surface)));
                }
            }
            for r in &m.roles {
                let ok = r.sent == s.index && r.a <= r.title_b && r.title_b <= r.b && r.b <= n;
                if !ok || !r.affiliation.as_ref().is_none_or(country_ok) {
                    return Err(at(&format!("title {:?} does not fit its sentence", r.label)));
                }
            }
            for w in &read.acronyms {
                if w.k >= n || tokens[w.k].span != w.span {
                    return Err(at(&format!("acronym {:?} does not fit its sentence", w.text)));
                }
            }
            if read.cues.iter().any(|(k, _)| *k >= n) {
                return Err(at("a name cue does not fit its sentence"));
            }
        }
        if !self.acronyms.refs().all(country_ok) {
            return Err("an acronym names a country this lexicon does not have".into());
        }
        Ok(())
    }
}

impl Pipeline<'_> {
    /// The first pass over every document, as records (`trame extract`), in
    /// document order. The documents are read on the pipeline's threads.
    pub fn extract(&self, docs: &[Document]) -> Vec<Record> {
        let pool = self.pool(docs.len());
        let firsts = self.first_pass(pool.as_ref(), docs);
        let reader = reader(self.lx);
        firsts
            .into_iter()
            .map(|(rd, local, counts)| {
                let d = rd.doc;
                let mut articles: Vec<(String, u32, u32)> = counts.into_iter().map(|(w, (a, n))| (w, a, n)).collect();
                articles.sort_unstable();
                Record {
                    format: FORMAT.to_string(),
                    reader: reader.clone(),
                    doc: d.name.clone(),
                    text: d.written().to_string(),
                    date: d.date.map(|x| x.to_string()),
                    title: d.title.clone(),
                    url: d.url.clone(),
                    sentences: rd.sentences,
                    acronyms: local,
                    articles,
                }
            })
            .collect()
    }

    /// The graph of a corpus of records: the same as `run` on their
    /// documents.
    pub fn run_corpus(&self, corpus: Corpus) -> Graph {
        self.corpus_inner(corpus, None, None)
    }

    /// `run_corpus` with every entity mention (the `mentions` export).
    pub fn run_corpus_with_mentions(&self, corpus: Corpus) -> (Graph, Vec<MentionRecord>) {
        let mut mentions = Vec::new();
        let g = self.corpus_inner(corpus, Some(&mut mentions), None);
        (g, mentions)
    }

    /// `run_corpus`, with the time of each stage.
    pub fn run_corpus_timed(&self, corpus: Corpus) -> (Graph, Timings) {
        let mut t = Timings::default();
        let g = self.corpus_inner(corpus, None, Some(&mut t));
        (g, t)
    }

    fn corpus_inner(
        &self,
        corpus: Corpus,
        mentions: Option<&mut Vec<MentionRecord>>,
        timings: Option<&mut Timings>,
    ) -> Graph {
        let Corpus { records, docs, file, kept, .. } = corpus;
        let counts = |articles: Vec<(String, u32, u32)>| articles.into_iter().map(|(w, a, n)| (w, (a, n))).collect();
        let start = match file {
            Some(file) => {
                let n = records.len();
                let mut sp = Spilled {
                    file,
                    slots: Vec::with_capacity(n),
                    names: Vec::with_capacity(n),
                    locals: Vec::with_capacity(n),
                    counts: Vec::with_capacity(n),
                };
                for (r, k) in records.into_iter().zip(kept) {
                    sp.slots.push(k.slot);
                    sp.names.push(k.names);
                    sp.locals.push(r.acronyms);
                    sp.counts.push(counts(r.articles));
                }
                Start::Spilled(sp)
            }
            None => Start::Firsts(
                records
                    .into_iter()
                    .zip(&docs)
                    .map(|(r, doc)| (ReadDoc { doc, sentences: r.sentences }, r.acronyms, counts(r.articles)))
                    .collect::<Vec<FirstPass>>(),
            ),
        };
        self.run_from(start, &docs, mentions, None, timings)
    }
}

/// Records gathered for a merge: checked, one per document, in the order
/// `build` reads documents. Past `spill::AUTO_BYTES` of text (by default:
/// `with_spill`) their sentences wait in a temporary file, as a build's
/// first pass does, and their text is the document's alone.
#[derive(Debug, Default)]
pub struct Corpus {
    records: Vec<Record>,
    /// The document of each record.
    docs: Vec<Document>,
    spill: Spill,
    /// Where the sentences went, once the text read passed the threshold.
    file: Option<SpillFile>,
    /// Per record, once `file` is made: where its sentences are and what
    /// the corpus steps read of them.
    kept: Vec<Kept>,
    /// Bytes of text read.
    bytes: usize,
    /// Threads parsing and checking records (0, the default: one a core;
    /// 1: the caller's alone), and their pool once made.
    jobs: usize,
    pool: Option<rayon::ThreadPool>,
}

/// Lines of records a `Corpus::read` parses and checks at a time.
const READ_BATCH: usize = 1024;

/// A record read and checked, with its document, and, when the corpus puts
/// its records on disk, its sentences encoded and its person names.
struct Prepared {
    record: Record,
    doc: Document,
    encoded: Option<(Option<Vec<u8>>, DocNames)>,
}

impl Prepared {
    fn new(lx: &Lexicon, record: Record, encode: bool) -> Result<Prepared, String> {
        let doc = record.document();
        record.check(lx, &doc).map_err(|e| format!("document {:?}: {e}", record.doc))?;
        let encoded = encode.then(|| set_aside(&record));
        Ok(Prepared { record, doc, encoded })
    }
}

/// What the file and the corpus steps keep of a record's sentences: their
/// encoding and the person names.
fn set_aside(r: &Record) -> (Option<Vec<u8>>, DocNames) {
    (spill::encode(&r.sentences), super::doc_names(&r.sentences))
}

/// A record whose sentences (and text, which its document keeps) left it.
#[derive(Debug)]
struct Kept {
    slot: Slot,
    sentences: usize,
    names: DocNames,
}

impl Kept {
    /// Puts a record's sentences in the file (`encoded` on a thread, or
    /// here) and empties it of them and of its text.
    fn aside(file: &mut SpillFile, r: &mut Record, encoded: Option<(Option<Vec<u8>>, DocNames)>) -> Kept {
        let (bytes, names) = encoded.unwrap_or_else(|| set_aside(r));
        let kept = Kept { slot: file.put(bytes.as_deref()), sentences: r.sentences.len(), names };
        r.sentences = Vec::new();
        r.text = String::new();
        kept
    }
}

impl Corpus {
    /// An empty corpus whose records' sentences go to disk as `spill` says.
    pub fn with_spill(spill: Spill) -> Corpus {
        Corpus { spill, ..Corpus::default() }
    }

    /// Reads the records of one JSON Lines stream (`name` for messages),
    /// each checked against the lexicon. Blank lines are skipped; anything
    /// else that is not a record of this lexicon is an error naming the line.
    pub fn read(&mut self, lx: &Lexicon, name: &str, input: impl BufRead) -> Result<(), String> {
        // Lines are parsed and checked a batch at a time on the corpus's
        // threads, and added in their order: the first bad line in the
        // file's order is the one named.
        let mut lines = input.lines().enumerate();
        loop {
            let mut batch: Vec<(usize, String)> = Vec::new();
            let mut failed = None;
            for (i, line) in lines.by_ref() {
                match line {
                    Ok(l) if l.trim().is_empty() => continue,
                    Ok(l) => batch.push((i, l)),
                    Err(e) => {
                        failed = Some(format!("{name}: {e}"));
                        break;
                    }
                }
                if batch.len() == READ_BATCH {
                    break;
                }
            }
            if batch.is_empty() && failed.is_none() {
                return Ok(());
            }
            // Records are put on disk from their threads once the file exists.
            let encode = self.file.is_some();
            let prepare = |(i, line): (usize, String)| {
                let at = |e: String| format!("{name} line {}: {e}", i + 1);
                let record: Record =
                    serde_json::from_str(&line).map_err(|e| at(format!("not a trame extract record ({e})")))?;
                Prepared::new(lx, record, encode).map_err(at)
            };
            // One pool for every stream the corpus reads, made for the first
            // batch worth sharing out.
            if self.pool.is_none() && self.jobs != 1 && batch.len() > 1 {
                self.pool = rayon::ThreadPoolBuilder::new().num_threads(self.jobs).build().ok();
            }
            let prepared: Vec<Result<Prepared, String>> = match self.pool.as_ref().filter(|_| batch.len() > 1) {
                Some(p) => {
                    use rayon::prelude::*;
                    p.install(|| batch.into_par_iter().map(prepare).collect())
                }
                None => batch.into_iter().map(prepare).collect(),
            };
            for p in prepared {
                self.push(p?);
            }
            if let Some(e) = failed {
                return Err(e);
            }
        }
    }

    /// The same corpus reading records on `jobs` threads (0: one a core).
    pub fn with_jobs(self, jobs: usize) -> Corpus {
        Corpus { jobs, ..self }
    }

    /// Adds one record, checked against the lexicon.
    pub fn add(&mut self, lx: &Lexicon, record: Record) -> Result<(), String> {
        let p = Prepared::new(lx, record, self.file.is_some())?;
        self.push(p);
        Ok(())
    }

    fn push(&mut self, p: Prepared) {
        let Prepared { mut record, doc, encoded } = p;
        self.bytes += doc.text.len();
        if let (Some(file), Some(encoded)) = (self.file.as_mut(), encoded) {
            self.kept.push(Kept::aside(file, &mut record, Some(encoded)));
        }
        self.records.push(record);
        self.docs.push(doc);
        if self.file.is_none() && self.spill.wanted(self.bytes) {
            self.file = SpillFile::new();
            if self.file.is_none() {
                self.spill = Spill::Never;
            }
        }
        if let Some(file) = self.file.as_mut() {
            // The records read before the file was made go now.
            for r in &mut self.records[self.kept.len()..] {
                self.kept.push(Kept::aside(file, r, None));
            }
        }
    }

    /// Sorts the records by document name (then text, for two documents of
    /// one name) and keeps one of each document given twice.
    pub fn finish(self) -> Corpus {
        let Corpus { records, docs, spill, file, kept, bytes, jobs, pool } = self;
        // The text as written is the document's (a spilled record has none).
        let key = |i: usize| (&records[i].doc, docs[i].written());
        let mut order: Vec<usize> = (0..records.len()).collect();
        order.sort_by(|&a, &b| key(a).cmp(&key(b)));
        order.dedup_by(|a, b| key(*a) == key(*b));
        let mut records: Vec<Option<Record>> = records.into_iter().map(Some).collect();
        let mut docs: Vec<Option<Document>> = docs.into_iter().map(Some).collect();
        let mut kept: Vec<Option<Kept>> = kept.into_iter().map(Some).collect();
        let mut out = Corpus { spill, file, bytes, jobs, pool, ..Corpus::default() };
        for i in order {
            out.records.extend(records[i].take());
            out.docs.extend(docs[i].take());
            out.kept.extend(kept.get_mut(i).and_then(Option::take));
        }
        out
    }

    /// How many documents.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// How many sentences in all.
    pub fn sentences(&self) -> usize {
        match self.file {
            Some(_) => self.kept.iter().map(|k| k.sentences).sum(),
            None => self.records.iter().map(|r| r.sentences.len()).sum(),
        }
    }

    /// The documents, in order.
    pub fn documents(&self) -> &[Document] {
        &self.docs
    }

    /// Writes the records as JSON Lines, the format they were read in.
    pub fn write(&self, w: &mut dyn Write) -> std::io::Result<()> {
        let Some(file) = &self.file else { return write_records(&self.records, w) };
        for ((r, k), d) in self.records.iter().zip(&self.kept).zip(&self.docs) {
            let sentences = file
                .get(k.slot)
                .ok_or_else(|| std::io::Error::other("a record put aside on disk could not be read back"))?;
            let whole = Record { text: d.written().to_string(), sentences, ..r.clone() };
            serde_json::to_writer(&mut *w, &whole)?;
            w.write_all(b"\n")?;
        }
        Ok(())
    }
}

/// Writes records as JSON Lines, one a line.
pub fn write_records(records: &[Record], w: &mut dyn Write) -> std::io::Result<()> {
    for r in records {
        serde_json::to_writer(&mut *w, r)?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

/// A mention as a record writes it; read back into a `Mention` whose rule
/// name is the one copy of that name (`intern`).
#[derive(Deserialize)]
struct MentionWire {
    sent: usize,
    a: usize,
    b: usize,
    span: crate::text::Span,
    surface: String,
    target: Ref,
    proper: bool,
    rule: String,
    alt: Option<Ref>,
}

impl<'de> Deserialize<'de> for Mention {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Mention, D::Error> {
        let w = MentionWire::deserialize(d)?;
        let rule = intern(&w.rule)
            .ok_or_else(|| serde::de::Error::custom(format!("{:?} is no rule name of trame", w.rule)))?;
        let MentionWire { sent, a, b, span, surface, target, proper, alt, .. } = w;
        Ok(Mention { sent, a, b, span, surface, target, proper, rule, alt: alt.map(Box::new) })
    }
}

/// The rule names read so far, each kept once.
static RULES: LazyLock<Mutex<std::collections::HashSet<&'static str>>> = LazyLock::new(Default::default);

/// The most rule names a process keeps: trame has about two hundred.
const MAX_RULES: usize = 4096;

/// The one copy of a rule name, made at its first reading; `None` for a
/// string that cannot be a rule name (long, or past `MAX_RULES` names), so
/// that records cannot make the process keep unbounded memory.
fn intern(name: &str) -> Option<&'static str> {
    let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '_' | '+' | '.');
    if name.is_empty() || name.len() > 64 || !name.chars().all(plain) {
        return None;
    }
    let mut rules = RULES.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(&r) = rules.get(name) {
        return Some(r);
    }
    if rules.len() >= MAX_RULES {
        return None;
    }
    let r: &'static str = Box::leak(name.to_string().into_boxed_str());
    rules.insert(r);
    Some(r)
}
