//! Extraction: from documents to facts, and the `Pipeline` that runs it.
//!
//! Three passes over the documents. The first reads every sentence into
//! mentions (`mention`) and keeps, with them, the little the corpus steps
//! need of its tokens (acronym words, cues of one-word names, words written
//! after an article); the tokens are dropped. Between the passes the
//! corpus's acronyms are unified (`alias`) and the person registry
//! (`people`) is built from every full name of the corpus. The second
//! makes each document's tokens again, resolves each mention to a node id
//! and reads the relations between them (`structure` for roles,
//! affiliations, part_of, located_in, member_of); the third makes them
//! again for syntax, speech and frames. Nothing here fails: odd text gives
//! fewer facts. `extract/` never sees petgraph; it hands `Fact`s and node
//! mentions to the `GraphBuilder`.

pub mod alias;
pub mod claims;
pub mod dates;
pub mod mention;
pub mod people;
pub mod places;
pub mod relate;
pub mod report;
mod spill;
pub mod split;
pub mod structure;
pub mod words;

use crate::graph::{node_id, Evidence, Fact, Graph, GraphBuilder};
use crate::lexicon::Lexicon;
use crate::ontology::{Modality, NodeKind, Relation};
use crate::text::{sentences, tokenize, Document, Span, Token};

use mention::{Mention, Ref, SentenceMentions};
use people::Registry;
pub use spill::Spill;

/// One sentence, read.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ReadSentence {
    /// Position in the document.
    pub index: usize,
    /// Where it stands.
    pub span: Span,
    /// Its tokens, while a pass reads the document (`ReadDoc::tokenize`);
    /// empty between the passes, so that a run holds no token of the
    /// documents it is not reading.
    #[serde(skip)]
    pub tokens: Vec<Token>,
    /// Its mentions.
    pub mentions: SentenceMentions,
    /// Its words written as acronyms are, for the corpus's acronyms (`alias`).
    pub acronyms: Vec<alias::Word>,
    /// What the tokens say around each strong one-word person name (by its
    /// first token), for the registry.
    cues: Vec<(usize, NameCue)>,
}

impl ReadSentence {
    /// A sentence read outside a run (tools, tests): its acronym words from
    /// its tokens, and no name cues (only the registry of a run reads them).
    pub fn new(index: usize, span: Span, tokens: Vec<Token>, mentions: SentenceMentions) -> ReadSentence {
        let acronyms = alias::words(&tokens);
        ReadSentence { index, span, tokens, mentions, acronyms, cues: Vec::new() }
    }
}

/// What the tokens around a one-word person name say, read in the first
/// pass for the person registry (`build_registry`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct NameCue {
    /// A context proves a person: a title, an honorific, a list of people,
    /// a lone name in running text.
    person: bool,
    /// The name follows a civility title ("M.").
    civility: bool,
    /// The word is a word of the language.
    common: bool,
    /// The lexicon knows a name at this token.
    lexicon: bool,
}

/// The syntax of one sentence: tags, phrases and clauses, computed when
/// the relations of the sentence are read and dropped after.
#[derive(Debug, Clone)]
pub struct Syntax {
    /// Part of speech, lemma and morphology of each token.
    pub tags: Vec<crate::syntax::Tag>,
    /// Its phrases and clauses.
    pub parse: crate::syntax::parse::Parse,
    /// The entity mention each atom of the parse is (names, not demonyms).
    pub atoms: Vec<usize>,
}

impl Syntax {
    /// Tags, repairs and parses one read sentence; `scratch` is the tagger's
    /// memory, reused from sentence to sentence.
    pub fn read(s: &ReadSentence, scratch: &mut crate::syntax::tag::Scratch) -> Syntax {
        let tokens = &s.tokens;
        let mentions = &s.mentions;
        let mut tags = Vec::with_capacity(tokens.len());
        crate::syntax::tag::Tagger::builtin().tag_into(tokens, scratch, &mut tags);
        // A nationality written in lowercase is an adjective ("des soldats tchadiens").
        for m in &mentions.entities {
            if m.rule == "demonym" && m.b == m.a + 1 && !tokens[m.a].is_cap() {
                tags[m.a].upos = crate::syntax::Upos::Adj;
            }
        }
        // Every name is one noun head; a nationality adjective stays an adjective.
        let mut atoms = Vec::new();
        let mut spans = Vec::new();
        for (mi, m) in mentions.entities.iter().enumerate() {
            if m.rule != "demonym" && m.b > m.a {
                atoms.push(mi);
                // A title joins a person's name, a common noun an organization's
                // ("l'agence officielle chinoise Xinhua").
                let title = matches!(m.target, mention::Ref::Person { .. } | mention::Ref::Org { .. });
                // A title phrase that ends at a person's name leads its phrase.
                let lead = match m.target {
                    mention::Ref::Person { .. } => {
                        mentions.roles.iter().find(|r| r.b == m.a && r.a < m.a).map_or(m.a, |r| r.a)
                    }
                    _ => m.a,
                };
                spans.push(crate::syntax::parse::Atom { a: m.a, b: m.b, title, lead });
            }
        }
        let titles: Vec<(usize, usize)> = mentions.roles.iter().map(|r| (r.a, r.title_b)).collect();
        crate::syntax::repair::repair(tokens, &mut tags, &spans, &titles);
        let parse = crate::syntax::parse::parse(tokens, &tags, &spans);
        Syntax { tags, parse, atoms }
    }
}

/// One document, read.
#[derive(Debug, Clone)]
pub struct ReadDoc<'d> {
    /// The document.
    pub doc: &'d Document,
    /// Its sentences.
    pub sentences: Vec<ReadSentence>,
}

impl ReadDoc<'_> {
    /// Tokenizes every sentence again, for a pass that reads the tokens:
    /// the same tokens as the first pass's, which were dropped.
    pub fn tokenize(&mut self) {
        let text = &self.doc.text;
        for s in &mut self.sentences {
            s.tokens = tokenize(text, &crate::text::Sentence { index: s.index, span: s.span });
        }
    }

    /// Drops the tokens of every sentence (`tokenize` makes them again).
    pub fn drop_tokens(&mut self) {
        for s in &mut self.sentences {
            s.tokens = Vec::new();
        }
    }
}

/// A mention resolved to a node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// Node id.
    pub id: String,
    /// Node kind.
    pub kind: NodeKind,
}

/// The extraction pipeline: an immutable lexicon, run on documents.
#[derive(Debug, Clone, Copy)]
pub struct Pipeline<'l> {
    lx: &'l Lexicon,
    /// Threads reading documents: 1 runs everything on the calling thread,
    /// 0 takes one a core.
    jobs: usize,
    progress: Option<Progress<'l>>,
    /// Told how many sentences the documents read have (`with_sentence_count`).
    sentence_count: Option<&'l std::sync::atomic::AtomicUsize>,
    /// Whether the first pass waits on disk for the later ones.
    spill: Spill,
}

/// A function told of the work done: 1 each time a document has passed one
/// of the `PASSES` passes over the documents, from any thread.
#[derive(Clone, Copy)]
struct Progress<'l>(&'l (dyn Fn(u64) + Sync));

impl std::fmt::Debug for Progress<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Progress")
    }
}

/// How many times a run goes over the documents, one by one: reading,
/// structure, events. A run reports `PASSES` × documents steps in all.
pub const PASSES: u64 = 3;

impl Pipeline<'static> {
    /// The pipeline with the built-in lexicon.
    pub fn builtin() -> Self {
        Pipeline::new(Lexicon::builtin())
    }
}

impl<'l> Pipeline<'l> {
    /// A pipeline with the given lexicon, on the calling thread.
    pub fn new(lx: &'l Lexicon) -> Self {
        Pipeline { lx, jobs: 1, progress: None, sentence_count: None, spill: Spill::Auto }
    }

    /// The same pipeline telling `progress` of each document through each
    /// pass (`PASSES`), for a progress bar.
    pub fn with_progress(self, progress: &'l (dyn Fn(u64) + Sync)) -> Self {
        Pipeline { progress: Some(Progress(progress)), ..self }
    }

    fn step(&self) {
        if let Some(Progress(f)) = self.progress {
            f(1);
        }
    }

    /// The same pipeline reading documents on `jobs` threads (0: one a
    /// core). The graph is the same whatever the number: documents are
    /// read apart and what they give is merged in document order.
    pub fn with_jobs(self, jobs: usize) -> Self {
        Pipeline { jobs, ..self }
    }

    /// The same pipeline keeping the first pass on disk between the passes
    /// as `spill` says (`Spill::Auto`: past `spill::AUTO_BYTES` of text).
    /// The graph is the same either way.
    pub fn with_spill(self, spill: Spill) -> Self {
        Pipeline { spill, ..self }
    }

    /// The same pipeline adding to `count` the sentences of the documents
    /// it reads (not those of records), for a summary that need not split
    /// the documents again.
    pub fn with_sentence_count(self, count: &'l std::sync::atomic::AtomicUsize) -> Self {
        Pipeline { sentence_count: Some(count), ..self }
    }

    /// Runs `f` on every item, on the pipeline's threads, and returns the
    /// results in the items' order. The steps counted by `work` on the
    /// threads are added to the calling thread's count.
    fn map<T: Send, R: Send>(
        &self,
        pool: Option<&rayon::ThreadPool>,
        items: Vec<T>,
        f: impl Fn(T) -> R + Sync,
    ) -> Vec<R> {
        use rayon::prelude::*;
        let Some(pool) = pool else { return items.into_iter().map(f).collect() };
        let out: Vec<(R, u64)> = pool.install(|| {
            items
                .into_par_iter()
                .map(|item| {
                    let r = f(item);
                    (r, crate::work::take())
                })
                .collect()
        });
        out.into_iter()
            .map(|(r, steps)| {
                crate::work::add(steps as usize);
                r
            })
            .collect()
    }

    /// Runs `f` on every item like `map`, but hands each result to `sink`
    /// in the items' order as soon as its chunk is done, so that a run holds
    /// the results of one chunk of documents at a time, not of the corpus.
    /// On the calling thread the chunk is one item.
    fn map_each<T: Send, R: Send>(
        &self,
        pool: Option<&rayon::ThreadPool>,
        items: Vec<T>,
        f: impl Fn(T) -> R + Sync,
        mut sink: impl FnMut(R),
    ) {
        let Some(p) = pool else {
            items.into_iter().map(f).for_each(sink);
            return;
        };
        let chunk = MAP_CHUNK_PER_THREAD * p.current_num_threads().max(1);
        let mut items = items.into_iter();
        loop {
            let part: Vec<T> = items.by_ref().take(chunk).collect();
            if part.is_empty() {
                break;
            }
            self.map(pool, part, &f).into_iter().for_each(&mut sink);
        }
    }

    /// The thread pool for `jobs`, or none to stay on the calling thread
    /// (one job, or a pool that cannot be made).
    fn pool(&self, docs: usize) -> Option<rayon::ThreadPool> {
        if self.jobs == 1 || docs < 2 {
            return None;
        }
        rayon::ThreadPoolBuilder::new().num_threads(self.jobs).build().ok()
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &'l Lexicon {
        self.lx
    }

    /// First pass over one document: its sentences, tokens and mentions,
    /// and what the tokens say that the corpus needs once they are dropped
    /// (acronym words, the cues of one-word names).
    pub fn read<'d>(&self, doc: &'d Document) -> ReadDoc<'d> {
        let lx = self.lx;
        let sentences = sentences(&doc.text)
            .into_iter()
            .map(|s| {
                let tokens = tokenize(&doc.text, &s);
                let mentions = mention::detect(lx, &doc.text, s.index, &tokens);
                let acronyms = alias::words(&tokens);
                let cues = mentions
                    .entities
                    .iter()
                    .filter(|m| matches!(&m.target, Ref::Person { name, strong: true } if name.len() == 1))
                    .map(|m| {
                        let cue = NameCue {
                            person: m.rule == "coordinated"
                                || m.rule == "person/lone-name"
                                || mention::person_context_before(lx, &tokens, m.a),
                            civility: mention::civility_start(&tokens, m.a) < m.a,
                            common: mention::common_word(&tokens[m.a]),
                            lexicon: !lx.names.matches_at(&tokens, m.a).is_empty(),
                        };
                        (m.a, cue)
                    })
                    .collect();
                ReadSentence { index: s.index, span: s.span, tokens, mentions, acronyms, cues }
            })
            .collect();
        ReadDoc { doc, sentences }
    }

    /// Runs the whole pipeline. Documents are taken in the order given;
    /// callers sort them (by name) so that the output is deterministic.
    pub fn run(&self, docs: &[Document]) -> Graph {
        self.run_inner(docs, None, None, None)
    }

    /// Runs the pipeline and says how long each stage took (wall clock),
    /// for benchmarks.
    pub fn run_timed(&self, docs: &[Document]) -> (Graph, Timings) {
        let mut t = Timings::default();
        let g = self.run_inner(docs, None, None, Some(&mut t));
        (g, t)
    }

    /// Runs the pipeline and reports what it did not understand: unknown
    /// verbs and nouns between actors, names of no kind, titles, ambiguous
    /// surnames, each as a lexicon row (`report`).
    pub fn report(&self, docs: &[Document]) -> (Graph, report::Report) {
        let mut collector = report::Collector::new();
        let g = self.run_inner(docs, None, Some(&mut collector), None);
        let r = collector.finish(&g, self.lx);
        (g, r)
    }

    /// Runs the pipeline and also returns every entity mention resolved to
    /// a node, in reading order (the `mentions` export).
    pub fn run_with_mentions(&self, docs: &[Document]) -> (Graph, Vec<MentionRecord>) {
        let mut mentions = Vec::new();
        let g = self.run_inner(docs, Some(&mut mentions), None, None);
        (g, mentions)
    }

    fn run_inner(
        &self,
        docs: &[Document],
        mentions: Option<&mut Vec<MentionRecord>>,
        collector: Option<&mut report::Collector>,
        timings: Option<&mut Timings>,
    ) -> Graph {
        self.run_from(Start::Read, docs, mentions, collector, timings)
    }

    /// The first pass over every document: each is read with its tokens,
    /// and keeps only its mentions and the compact summaries the corpus
    /// steps need: its acronyms, the cues of its one-word names, the words
    /// it writes after an article.
    fn first_pass<'d>(&self, pool: Option<&rayon::ThreadPool>, docs: &'d [Document]) -> Vec<FirstPass<'d>> {
        self.map(pool, docs.iter().collect(), |d| {
            let first = self.first(d);
            self.step();
            first
        })
    }

    /// The first pass over one document (`first_pass`), its tokens dropped.
    fn first<'d>(&self, d: &'d Document) -> FirstPass<'d> {
        let mut rd = self.read(d);
        let local = alias::local(&mut rd);
        places::one_per_document(self.lx, &mut rd);
        let articles = article_counts(&rd);
        rd.drop_tokens();
        for s in &mut rd.sentences {
            s.mentions.entities.shrink_to_fit();
            s.mentions.roles.shrink_to_fit();
        }
        (rd, local, articles)
    }

    /// A document's first pass back from the spill file, or made again
    /// when the file does not have it, with the corpus's acronyms applied.
    fn again<'d>(
        &self,
        file: &spill::SpillFile,
        slot: spill::Slot,
        doc: &'d Document,
        unifier: &alias::Unifier,
        local: &alias::Local,
    ) -> ReadDoc<'d> {
        let mut rd = match file.get(slot) {
            Some(sentences) => ReadDoc { doc, sentences },
            None => self.first(doc).0,
        };
        unifier.apply(&mut rd, local);
        rd
    }

    /// The pipeline after the first pass, which `start` gives when it was
    /// done elsewhere (`split`: the records of `trame extract`, in memory or
    /// on disk), else made here from `docs` (on disk past the spill
    /// threshold).
    fn run_from<'d>(
        &self,
        start: Start<'d>,
        docs: &'d [Document],
        mentions: Option<&mut Vec<MentionRecord>>,
        collector: Option<&mut report::Collector>,
        mut timings: Option<&mut Timings>,
    ) -> Graph {
        let mut clock = std::time::Instant::now();
        let mut lap = |slot: fn(&mut Timings) -> &mut std::time::Duration| {
            if let Some(t) = timings.as_deref_mut() {
                let now = std::time::Instant::now();
                *slot(t) += now - clock;
                clock = now;
            }
        };
        let n = match &start {
            Start::Firsts(f) => f.len(),
            _ => docs.len(),
        };
        let pool = self.pool(n);
        let pool = pool.as_ref();
        let mut read: Vec<ReadDoc> = Vec::new();
        let mut slots: Vec<spill::Slot> = Vec::new();
        let mut locals = Vec::with_capacity(n);
        let mut names = Vec::with_capacity(n);
        let mut articles: std::collections::HashMap<String, (u32, u32)> = Default::default();
        let mut count = |counts: std::collections::HashMap<String, (u32, u32)>| {
            for (w, (a, n)) in counts {
                let e = articles.entry(w).or_default();
                e.0 += a;
                e.1 += n;
            }
        };
        // A large corpus read here (not a report, whose collector needs the
        // documents in memory) keeps its first pass on disk; a merge's
        // records may have been put there as they were read.
        let bytes = || docs.iter().map(|d| d.text.len()).sum();
        let mut file = None;
        if matches!(start, Start::Read) && collector.is_none() && self.spill.wanted(bytes()) {
            file = spill::SpillFile::new();
        }
        let read_here = matches!(start, Start::Read);
        let mut sentences = 0;
        let firsts = match start {
            Start::Spilled(sp) => {
                (slots, names, locals) = (sp.slots, sp.names, sp.locals);
                sp.counts.into_iter().for_each(&mut count);
                file = Some(sp.file);
                Vec::new()
            }
            Start::Firsts(f) => f,
            Start::Read => match file.as_mut() {
                Some(f) => {
                    self.map_each(
                        pool,
                        docs.iter().collect(),
                        |d| {
                            let (rd, local, counts) = self.first(d);
                            self.step();
                            let n = rd.sentences.len();
                            (spill::encode(&rd.sentences), n, doc_names(&rd.sentences), local, counts)
                        },
                        |(bytes, n, names_of, local, counts)| {
                            sentences += n;
                            slots.push(f.put(bytes.as_deref()));
                            names.push(names_of);
                            locals.push(local);
                            count(counts);
                        },
                    );
                    Vec::new()
                }
                None => self.first_pass(pool, docs),
            },
        };
        for (rd, local, counts) in firsts {
            sentences += rd.sentences.len();
            names.push(doc_names(&rd.sentences));
            read.push(rd);
            locals.push(local);
            count(counts);
        }
        if let (true, Some(c)) = (read_here, self.sentence_count) {
            c.fetch_add(sentences, std::sync::atomic::Ordering::Relaxed);
        }
        lap(|t| &mut t.read);
        let unifier = alias::Unifier::new(&locals);
        if file.is_none() {
            for (rd, local) in read.iter_mut().zip(&locals) {
                unifier.apply(rd, local);
            }
            locals = Vec::new();
        }
        lap(|t| &mut t.alias);
        let things = articles.into_iter().filter(|&(_, (a, n))| a >= 2 && a > n).map(|(w, _)| w).collect();
        let registry = build_registry(self.lx, &names, &things);
        drop((things, names));
        lap(|t| &mut t.registry);
        let lx = self.lx;
        let registry = &registry;
        let want_records = mentions.is_some();
        // First the entities and the structure of every document, so that
        // what one document says of a person (their country) serves all.
        // Each document is read apart into what it gives the graph; the
        // builder and the world take it in document order.
        // The tokens are made again for the pass and dropped after it.
        let structure = |mut rd: ReadDoc<'d>, di: usize, records: bool| {
            rd.tokenize();
            let mut ctx = DocContext::new(lx, registry, di, rd);
            let mut out = Emitted::default();
            let mut records = records.then(Vec::new);
            ctx.emit_structure(&mut out, records.as_mut());
            (ctx, out, records)
        };
        let mut b = GraphBuilder::new();
        let mut world = World::default();
        let mut ctxs = Vec::with_capacity(read.len());
        let mut all_records = mentions;
        let mut keep = |out: Emitted, records: Option<Vec<MentionRecord>>| {
            out.replay(&mut b, &mut world);
            if let (Some(all), Some(records)) = (all_records.as_deref_mut(), records) {
                all.extend(records);
            }
        };
        match &file {
            Some(file) => self.map_each(
                pool,
                slots.iter().copied().enumerate().collect(),
                |(di, slot)| {
                    let rd = self.again(file, slot, &docs[di], &unifier, &locals[di]);
                    let (_, out, records) = structure(rd, di, want_records);
                    self.step();
                    (out, records)
                },
                |(out, records)| keep(out, records),
            ),
            None => self.map_each(
                pool,
                read.into_iter().enumerate().collect(),
                |(di, rd)| {
                    let (mut ctx, out, records) = structure(rd, di, want_records);
                    ctx.rd.drop_tokens();
                    self.step();
                    (ctx, out, records)
                },
                |(ctx, out, records)| {
                    keep(out, records);
                    ctxs.push(ctx);
                },
            ),
        }
        lap(|t| &mut t.structure);
        let world = &world;
        let events = |ctx: &DocContext, collector: Option<&mut report::Collector>| {
            let mut out = Emitted::default();
            ctx.emit_events(&mut out, world, collector);
            self.step();
            out
        };
        if let Some(file) = &file {
            // The document's context is made again as the structure pass
            // made it, its tokens kept for the events.
            self.map_each(
                pool,
                slots.iter().copied().enumerate().collect(),
                |(di, slot)| {
                    let rd = self.again(file, slot, &docs[di], &unifier, &locals[di]);
                    let (ctx, _, _) = structure(rd, di, false);
                    events(&ctx, None)
                },
                |out| out.replay(&mut b, &mut World::default()),
            );
        } else if let Some(c) = collector {
            // The report's collector sees the sentences in reading order.
            for mut ctx in ctxs {
                ctx.rd.tokenize();
                events(&ctx, Some(c)).replay(&mut b, &mut World::default());
            }
        } else {
            self.map_each(
                pool,
                ctxs,
                |mut ctx| {
                    ctx.rd.tokenize();
                    events(&ctx, None)
                },
                |out| out.replay(&mut b, &mut World::default()),
            );
        }
        lap(|t| &mut t.events);
        let g = b.finish();
        lap(|t| &mut t.finish);
        g
    }
}

/// Documents a thread reads in a chunk of `Pipeline::map_each`: enough to
/// keep the threads busy when documents differ in length, few enough that
/// what a chunk gives stays small beside the graph.
const MAP_CHUNK_PER_THREAD: usize = 256;

/// A document after the first pass: its sentences with their mentions,
/// its acronym pairs, its counts of words written after an article.
type FirstPass<'d> = (ReadDoc<'d>, alias::Local, std::collections::HashMap<String, (u32, u32)>);

/// Where `run_from` finds the first pass of the documents.
enum Start<'d> {
    /// Nowhere yet: read the documents.
    Read,
    /// Done elsewhere (the records of a merge), in memory.
    Firsts(Vec<FirstPass<'d>>),
    /// On disk: every document's slot and summaries (a merge's records
    /// spilled as they were read).
    Spilled(Spilled),
}

/// The first pass of every document on disk, and what the corpus steps
/// read instead of it.
struct Spilled {
    file: spill::SpillFile,
    slots: Vec<spill::Slot>,
    names: Vec<DocNames>,
    locals: Vec<alias::Local>,
    counts: Vec<std::collections::HashMap<String, (u32, u32)>>,
}

/// How long each stage of a run took, wall clock (`Pipeline::run_timed`).
#[derive(Debug, Default, Clone, Copy)]
pub struct Timings {
    /// Sentences, tokens and mentions of every document (on the threads).
    pub read: std::time::Duration,
    /// Acronyms and the names they stand for, across the corpus.
    pub alias: std::time::Duration,
    /// The person registry of the corpus.
    pub registry: std::time::Duration,
    /// Resolution and structure of every document (on the threads), and
    /// their merge.
    pub structure: std::time::Duration,
    /// Syntax, speech and frames of every document (on the threads), and
    /// their merge.
    pub events: std::time::Duration,
    /// The graph sorted and built.
    pub finish: std::time::Duration,
}

/// What one document gives the graph, in the order it gave it, to be
/// replayed into the `GraphBuilder` in document order: the same calls in
/// the same order whatever thread read the document.
#[derive(Debug, Default)]
struct Emitted {
    ops: Vec<Op>,
}

#[derive(Debug)]
enum Op {
    Mention(String, NodeKind, String, bool),
    SetLabel(String, NodeKind, String),
    /// A label for a node not yet declared by then.
    LabelIfNew(String, NodeKind, String),
    Fact(Fact),
    /// A person's country, the first read kept (`World::country_of`).
    Country(String, String),
}

impl Emitted {
    fn mention(&mut self, id: &str, kind: NodeKind, name: &str, counted: bool) {
        self.ops.push(Op::Mention(id.to_string(), kind, name.to_string(), counted));
    }

    fn set_label(&mut self, id: &str, kind: NodeKind, label: &str) {
        self.ops.push(Op::SetLabel(id.to_string(), kind, label.to_string()));
    }

    fn label_if_new(&mut self, id: String, kind: NodeKind, label: String) {
        self.ops.push(Op::LabelIfNew(id, kind, label));
    }

    fn fact(&mut self, f: Fact) {
        self.ops.push(Op::Fact(f));
    }

    fn country(&mut self, person: &str, country: &str) {
        self.ops.push(Op::Country(person.to_string(), country.to_string()));
    }

    fn replay(self, b: &mut GraphBuilder, world: &mut World) {
        for op in self.ops {
            match op {
                Op::Mention(id, kind, name, counted) => b.mention(&id, kind, &name, counted),
                Op::SetLabel(id, kind, label) => b.set_label(&id, kind, &label),
                Op::LabelIfNew(id, kind, label) => {
                    if !b.has_node(&id) {
                        b.set_label(&id, kind, &label);
                    }
                }
                Op::Fact(f) => b.fact(f),
                Op::Country(person, country) => {
                    world.country_of.entry(person).or_insert(country);
                }
            }
        }
    }
}

/// Every full person name of the corpus, and strong single names.
/// `things` are the words the corpus writes after an article (`article_counts`).
fn build_registry(lx: &Lexicon, docs: &[DocNames], things: &std::collections::HashSet<String>) -> Registry {
    let mut reg = Registry::default();
    let thing = |w: &str| things.contains(&crate::text::fold(w));
    for (di, d) in docs.iter().enumerate() {
        for &i in &d.full {
            let name = &d.names[i as usize];
            // "la Ve République", "le Grand Journal": a name whose last
            // word the corpus writes with an article is a thing's.
            if !thing(&name[name.len() - 1]) {
                reg.add_full(name, di, given_first(lx, name));
            }
        }
    }
    // Single names after a title or an honorific ("M. Dupont") that match
    // nobody become people of their own.
    for (di, d) in docs.iter().enumerate() {
        for &(i, cue, alt) in &d.single {
            let name = &d.names[i as usize];
            if cue.person
                && reg.resolve_word(&name[0], di).is_none()
                && !reg.knows_word(&name[0])
                // Nor a word of the language ("l'Assemblée", "le
                // Parlement") or one the corpus writes with an article.
                && (cue.civility || !cue.common && !thing(&name[0]))
                // A lone word the lexicon knows as a state, a region or
                // an organization stays one; a city or a company may be
                // a surname ("le président Tavares", "M. Michelin").
                && (alt || !cue.lexicon)
            {
                reg.add_full(name, di, false);
            }
        }
    }
    reg.join_tails();
    reg
}

/// The strong person names of one document, all the person registry
/// (`build_registry`) reads of its mentions, so that these can wait on
/// disk while the registry is made.
#[derive(Debug, Default)]
struct DocNames {
    /// The distinct names, each once.
    names: Vec<Vec<String>>,
    /// The full names (two words or more) in reading order, by index in `names`.
    full: Vec<u32>,
    /// The one-word names in reading order: the index, the cue, and whether
    /// the mention has another reading (`Mention::alt`).
    single: Vec<(u32, NameCue, bool)>,
}

fn doc_names(sentences: &[ReadSentence]) -> DocNames {
    let mut out = DocNames::default();
    let mut seen: std::collections::HashMap<&[String], u32> = Default::default();
    for s in sentences {
        for m in &s.mentions.entities {
            let Ref::Person { name, strong: true } = &m.target else { continue };
            if name.is_empty() {
                continue;
            }
            let i = *seen.entry(name.as_slice()).or_insert_with(|| {
                out.names.push(name.clone());
                out.names.len() as u32 - 1
            });
            if name.len() >= 2 {
                out.full.push(i);
            } else {
                let cue = s.cues.iter().find(|(a, _)| *a == m.a).map(|&(_, c)| c).unwrap_or_default();
                out.single.push((i, cue, m.alt.is_some()));
            }
        }
    }
    out
}

/// How often one document writes each capitalized word (folded) after an
/// article and without one, inside sentences. The words the corpus writes
/// after an article more often than without ("le Covid", "la République")
/// are things: French gives no article to people's names.
fn article_counts(rd: &ReadDoc) -> std::collections::HashMap<String, (u32, u32)> {
    let mut counts: std::collections::HashMap<String, (u32, u32)> = std::collections::HashMap::new();
    for s in &rd.sentences {
        for (k, t) in s.tokens.iter().enumerate().skip(1) {
            if !t.is_cap() || crate::text::is_all_caps(&t.text) {
                continue;
            }
            let prev = &s.tokens[k - 1];
            // A capitalized article only opening the sentence ("M. Le Goff" is a name).
            let text = if k == 1 { prev.norm.as_str() } else { prev.text.as_str() };
            let article = matches!(text, "le" | "la" | "les" | "l'" | "l’" | "du" | "au" | "aux");
            let e = match counts.get_mut(t.norm.as_str()) {
                Some(e) => e,
                None => counts.entry(t.norm.to_string()).or_default(),
            };
            if article {
                e.0 += 1;
            } else {
                e.1 += 1;
            }
        }
    }
    counts
}

/// Whether a full name begins with a given name that never stands alone
/// for its bearer. Names of three short parts written surname first, as
/// East Asian names are ("Park Geun Hye", "Kim Yong Hyun": no particle, one
/// syllable each), do not.
fn given_first(lx: &Lexicon, name: &[String]) -> bool {
    if lx.given_name(&crate::text::fold(&name[0])).is_none() {
        return false;
    }
    let particle = |w: &String| {
        let f = crate::text::fold(w);
        words::NAME_PARTICLES.contains(&f.as_str()) || !w.chars().next().is_some_and(char::is_uppercase)
    };
    let len = |w: &String| w.chars().count();
    let surname_first = name.len() == 3
        && !name.iter().any(particle)
        && len(&name[0]) <= 6
        && name[1..].iter().all(|w| len(w) <= 5 && !w.contains('-'));
    !surname_first
}

/// Second pass over one document: resolution and relations.
pub struct DocContext<'a, 'd> {
    lx: &'a Lexicon,
    reg: &'a Registry,
    doc_index: usize,
    rd: ReadDoc<'d>,
    /// Per sentence, per entity mention: its node, if resolved.
    pub resolved: Vec<Vec<Option<Resolved>>>,
    /// Role label → who holds it in the document, for every holds_role read.
    titles: std::collections::BTreeMap<String, Holders>,
    /// Role label → country → the holders affiliated with it (`World`),
    /// built at the first look-up with a world.
    by_country: std::cell::OnceCell<std::collections::HashMap<String, std::collections::HashMap<String, Vec<String>>>>,
}

/// The holders of one title in a document.
#[derive(Debug, Default)]
struct Holders {
    /// (sentence, person id), in sentence order.
    seen: Vec<(usize, String)>,
    /// The distinct person ids.
    ids: std::collections::BTreeSet<String>,
}

/// One entity mention resolved to a node, for annotation viewers and NER
/// evaluation (`--format mentions`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentionRecord {
    /// The document's name.
    pub doc: String,
    /// Char offset of the mention in its document as written (before NFC).
    pub start: usize,
    /// Char offset one past its end.
    pub end: usize,
    /// The words as written (the slice `start..end` of the written text).
    pub text: String,
    /// The kind of the node it resolves to.
    pub kind: NodeKind,
    /// The node id.
    pub node: String,
    /// False for demonyms and common-noun phrases ("sud-africaines", "le gouvernement chilien").
    pub proper: bool,
}

/// What the whole corpus says, for reading events in any one document.
#[derive(Debug, Default)]
pub struct World {
    /// Person id → country id, from the first affiliation read.
    pub country_of: std::collections::HashMap<String, String>,
}

impl<'a, 'd> DocContext<'a, 'd> {
    fn new(lx: &'a Lexicon, reg: &'a Registry, doc_index: usize, rd: ReadDoc<'d>) -> Self {
        let mut ctx = DocContext {
            lx,
            reg,
            doc_index,
            rd,
            resolved: Vec::new(),
            titles: Default::default(),
            by_country: Default::default(),
        };
        // In reading order: a surname shared by several people of the
        // document goes to the one last named in full before it.
        let mut recent: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut resolved = Vec::with_capacity(ctx.rd.sentences.len());
        for s in &ctx.rd.sentences {
            let mut row = Vec::with_capacity(s.mentions.entities.len());
            for m in &s.mentions.entities {
                let r = ctx.resolve_near(m, &recent);
                if let (Some(r), Ref::Person { name, .. }) = (&r, &m.target) {
                    if r.kind == NodeKind::Person && name.len() >= 2 {
                        if let Some(p) = reg.resolve_full(name) {
                            for w in name {
                                recent.insert(people::translit(w), p);
                            }
                        }
                    }
                }
                row.push(r);
            }
            resolved.push(row);
        }
        ctx.resolved = resolved;
        ctx
    }

    /// `resolve`, with the people last named in full in the document
    /// (word key → person) to choose among namesakes.
    fn resolve_near(&self, m: &Mention, recent: &std::collections::HashMap<String, usize>) -> Option<Resolved> {
        if let Ref::Person { name, .. } = &m.target {
            if name.len() == 1 {
                let holders = self.reg.holders(&name[0], self.lone_fuzzy(m));
                if holders.len() > 1 {
                    if let Some(&p) = recent.get(&people::translit(&name[0])).filter(|p| holders.contains(p)) {
                        return Some(Resolved { id: self.person_id(p), kind: NodeKind::Person });
                    }
                }
            }
        }
        self.resolve(m)
    }

    /// The gender of a person node, from their given name when it is known.
    pub fn gender_of(&self, id: &str) -> crate::lexicon::Gender {
        self.reg
            .by_id(id)
            .and_then(|person| person.key.first().filter(|_| person.given_first))
            .and_then(|w| self.lx.given_name(w))
            .unwrap_or(crate::lexicon::Gender::Unknown)
    }

    fn person_id(&self, p: usize) -> String {
        self.reg.people[self.reg.canonical(p)].id.clone()
    }

    fn resolve_ref(&self, r: &Ref) -> Option<Resolved> {
        let lx = self.lx;
        Some(match r {
            Ref::Country(c) => {
                Resolved { id: node_id(NodeKind::Country, &lx.countries[*c as usize].label), kind: NodeKind::Country }
            }
            Ref::Org { id, .. } => Resolved { id: id.clone(), kind: NodeKind::Organization },
            Ref::Place { id, .. } => Resolved { id: id.clone(), kind: NodeKind::Location },
            Ref::Person { name, strong } => {
                // A lone word joins a spelling one edit away only when the
                // context proves a person ("M. Ostapenko").
                let p = if name.len() >= 2 {
                    self.reg.resolve_full(name)
                } else {
                    self.reg.resolve_word_with(&name[0], self.doc_index, *strong)
                }?;
                Resolved { id: self.person_id(p), kind: NodeKind::Person }
            }
        })
    }

    /// Whether a lone name may join a spelling one edit away (see `resolve`).
    fn lone_fuzzy(&self, m: &Mention) -> bool {
        let Ref::Person { strong: true, .. } = &m.target else { return false };
        let sent = self.rd.sentences.get(m.sent).filter(|s| s.index == m.sent);
        let sent = sent.or_else(|| self.rd.sentences.iter().find(|s| s.index == m.sent));
        let Some(t) = sent.and_then(|s| s.tokens.get(m.a)) else { return false };
        let plain = mention::common_word(t)
            || self.lx.given_name(&t.norm).is_some()
            || !self.lx.names.matches_at(std::slice::from_ref(t), 0).is_empty();
        m.alt.is_none() && !plain
    }

    fn resolve(&self, m: &Mention) -> Option<Resolved> {
        // A lone word joins a spelling one edit away only when the context
        // proves a person ("M. Ostapenko") and it is no place, company, given
        // name or word of the language ("Dijon", "Haakon" are not "Dion", "Hamon").
        if let Ref::Person { name, .. } = &m.target {
            if name.len() == 1 {
                let p = self.reg.resolve_word_with(&name[0], self.doc_index, self.lone_fuzzy(m));
                return match p {
                    Some(p) => Some(Resolved { id: self.person_id(p), kind: NodeKind::Person }),
                    None => m.alt.as_deref().and_then(|a| self.resolve_ref(a)),
                };
            }
        }
        self.resolve_ref(&m.target).or_else(|| m.alt.as_deref().and_then(|a| self.resolve_ref(a)))
    }

    /// The evidence of sentence `s` for a rule: its offsets and its words
    /// in the text as written (before NFC).
    pub fn evidence(&self, s: usize, rule: &str) -> Evidence {
        let sent = &self.rd.sentences[s];
        let doc = self.rd.doc;
        let written = doc.written_span(sent.span);
        Evidence {
            doc: doc.name.clone(),
            sentence: sent.index,
            start: written.cstart,
            end: written.cend,
            text: doc.written_text(sent.span).to_string(),
            rule: rule.to_string(),
            attrs: Default::default(),
        }
    }

    /// A fact read in sentence `s`.
    pub fn fact(&self, s: usize, source: &str, relation: Relation, target: &str, rule: &str) -> Fact {
        Fact {
            source: source.to_string(),
            relation,
            target: target.to_string(),
            modality: Modality::Asserted,
            evidence: self.evidence(s, rule),
        }
    }

    fn emit_structure(&mut self, b: &mut Emitted, mut records: Option<&mut Vec<MentionRecord>>) {
        let lx = self.lx;
        for (si, s) in self.rd.sentences.iter().enumerate() {
            for (mi, m) in s.mentions.entities.iter().enumerate() {
                let Some(r) = &self.resolved[si][mi] else { continue };
                // The target actually used: the fallback place when the person was not confirmed.
                let used = m.used(r.kind);
                let name = if m.proper { m.surface.as_str() } else { "" };
                b.mention(&r.id, r.kind, name, true);
                if let Some(list) = records.as_deref_mut() {
                    // A person mention starts at its civility title ("M. Dupont").
                    let a = if r.kind == NodeKind::Person { mention::civility_start(&s.tokens, m.a) } else { m.a };
                    let span = s.tokens[a].span.join(m.span);
                    let written = self.rd.doc.written_span(span);
                    list.push(MentionRecord {
                        doc: self.rd.doc.name.clone(),
                        start: written.cstart,
                        end: written.cend,
                        text: self.rd.doc.written_text(span).to_string(),
                        kind: r.kind,
                        node: r.id.clone(),
                        // A body described by common nouns is no proper name.
                        proper: m.proper && m.rule != "body/described",
                    });
                }
                match used {
                    Ref::Country(c) => b.set_label(&r.id, r.kind, &lx.countries[*c as usize].label),
                    Ref::Place { label, .. } => b.set_label(&r.id, r.kind, label),
                    Ref::Org { label: Some(label), .. } => b.set_label(&r.id, r.kind, label),
                    _ => {}
                }
                if r.kind == NodeKind::Person {
                    if let Ref::Person { name, .. } = &m.target {
                        if name.len() >= 2 {
                            // Every spelling of the person stays an alias.
                            b.mention(&r.id, r.kind, &name.join(" "), false);
                        }
                    }
                }
            }
        }
        let facts = structure::read(self);
        for (node, kind, label) in facts.nodes.clone() {
            b.mention(&node, kind, &label, true);
        }
        for (node, kind, label) in facts.parents {
            b.label_if_new(node, kind, label);
        }
        // Who holds which title in this document, in reading order, for
        // "le secrétaire général a déclaré" and "l'ambassadeur de Russie".
        let mut role_labels: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
        for (n, _, l) in &facts.nodes {
            role_labels.entry(n.as_str()).or_insert(l.as_str());
        }
        let mut holders: Vec<(usize, &str, &str)> = Vec::new();
        for f in &facts.facts {
            match f.relation {
                Relation::HoldsRole => {
                    if let Some(label) = role_labels.get(f.target.as_str()) {
                        holders.push((f.evidence.sentence, label, f.source.as_str()));
                    }
                }
                Relation::AffiliatedWith if f.target.starts_with("country:") => b.country(&f.source, &f.target),
                _ => {}
            }
        }
        holders.sort_by_key(|h| h.0);
        for (si, label, person) in holders {
            let h = self.titles.entry(label.to_string()).or_default();
            h.seen.push((si, person.to_string()));
            h.ids.insert(person.to_string());
        }
        for f in facts.facts {
            b.fact(f);
        }
        // Role descriptions without a name ("l'ambassadeur de Russie") stand
        // for the one person of the document holding that title.
        for f in self.describe_roles() {
            if f.relation == Relation::AffiliatedWith && f.target.starts_with("country:") {
                b.country(&f.source, &f.target);
            }
            b.fact(f);
        }
    }

    fn emit_events(&self, b: &mut Emitted, world: &World, mut collector: Option<&mut report::Collector>) {
        // Speech and actions, sentence by sentence over the clause layer,
        // with one discourse for the pronouns of both.
        let mut disc = relate::Discourse::default();
        let mut speech = claims::Speech::new(self);
        for si in 0..self.rd.sentences.len() {
            let syn = crate::syntax::tag::with_scratch(|s| Syntax::read(&self.rd.sentences[si], s));
            // What the readers below may compare within the sentence.
            crate::work::add(
                self.rd.sentences[si].tokens.len() * (syn.parse.phrases.len() + syn.parse.clauses.len() + 1),
            );
            let view = relate::View::new(self, world, si, &disc, &syn);
            speech.sentence(self, &view, &disc);
            let facts = relate::frames(&view);
            if let Some(c) = collector.as_deref_mut() {
                c.sentence(&view, &facts);
            }
            for (f, implied) in facts {
                for (id, kind, label) in implied {
                    b.label_if_new(id, kind, label);
                }
                b.fact(f);
            }
            relate::remember(&view, &mut disc);
        }
        for st in speech.finish(self) {
            let label = claim_label(&st.text);
            let id = claim_id(&label);
            b.mention(&id, NodeKind::Claim, &label, true);
            for f in claims::facts(self, &st, &id) {
                b.fact(f);
            }
        }
        // "le bureau de X" is part of X's state, as seats of power are.
        for (si, sent) in self.rd.sentences.iter().enumerate() {
            for (mi, m) in sent.mentions.entities.iter().enumerate() {
                let (Some(org), Ref::Org { owner: Some(name), .. }) = (&self.resolved[si][mi], &m.target) else {
                    continue;
                };
                let person = if name.len() >= 2 {
                    self.reg.resolve_full(name)
                } else {
                    self.reg.resolve_word(&name[0], self.doc_index)
                };
                let Some(country) = person.and_then(|p| world.country_of.get(&self.person_id(p))) else { continue };
                b.fact(self.fact(si, &org.id, Relation::PartOf, country, "part_of/office-of-person"));
            }
        }
    }

    /// The person a title phrase without a name stands for: the one person
    /// of the document holding that title; among several, the one whose
    /// state matches the phrase's ("le président ukrainien"), else the last
    /// named before sentence `si`.
    pub fn described(&self, role: &mention::RoleMention, si: usize, world: Option<&World>) -> Option<String> {
        let fitting: Vec<&Holders> = self.fitting(role).collect();
        // "le porte-parole du gouvernement japonais" is not the one
        // spokesperson of the document when that one serves another state.
        let country = match &role.affiliation {
            Some(Ref::Country(c)) => Some(node_id(NodeKind::Country, &self.lx.countries[*c as usize].label)),
            _ => None,
        };
        let other_state = |p: &str| match (&country, world) {
            (Some(country), Some(world)) => world.country_of.get(p).is_some_and(|known| known != country),
            _ => false,
        };
        if let Some(one) = one_of(fitting.iter().flat_map(|h| h.ids.iter())) {
            return (!other_state(one)).then(|| one.clone());
        }
        if let (Some(country), Some(world)) = (&country, world) {
            let index = self.by_country.get_or_init(|| self.index_by_country(world));
            let ids = self
                .fitting_labels(role)
                .filter_map(|label| index.get(label).and_then(|m| m.get(country)))
                .flat_map(|ids| ids.iter());
            return one_of(ids).cloned();
        }
        // The last named at or before sentence `si`.
        fitting
            .iter()
            .filter_map(|h| {
                let k = h.seen.partition_point(|(s, _)| *s <= si);
                crate::work::add(1);
                k.checked_sub(1).map(|k| &h.seen[k])
            })
            .max_by_key(|(s, _)| *s)
            .map(|(_, p)| p.clone())
    }

    /// The labels of the document's titles that a title phrase names: its
    /// own, and longer ones that begin with it ("ministre" for "ministre
    /// des Affaires étrangères").
    fn fitting_labels<'s>(&'s self, role: &'s mention::RoleMention) -> impl Iterator<Item = &'s String> + 's {
        let want = role.label.as_str();
        self.titles
            .range::<str, _>((std::ops::Bound::Included(want), std::ops::Bound::Unbounded))
            .map(|(l, _)| l)
            .take_while(move |l| l.starts_with(want))
            .filter(move |l| {
                crate::work::add(1);
                l.len() == want.len() || l[want.len()..].starts_with(' ')
            })
    }

    fn fitting<'s>(&'s self, role: &'s mention::RoleMention) -> impl Iterator<Item = &'s Holders> + 's {
        self.fitting_labels(role).map(|l| &self.titles[l])
    }

    /// Label → country → holders, from the countries the world knows.
    fn index_by_country(
        &self,
        world: &World,
    ) -> std::collections::HashMap<String, std::collections::HashMap<String, Vec<String>>> {
        let mut out: std::collections::HashMap<String, std::collections::HashMap<String, Vec<String>>> =
            Default::default();
        for (label, h) in &self.titles {
            for id in &h.ids {
                if let Some(c) = world.country_of.get(id) {
                    out.entry(label.clone()).or_default().entry(c.clone()).or_default().push(id.clone());
                }
            }
        }
        out
    }

    /// Like `described`, but only when the title and the state pick out one
    /// person: relations need more certainty than speech does.
    pub fn described_unique(&self, role: &mention::RoleMention, si: usize, world: &World) -> Option<String> {
        let p = self.described(role, si, Some(world))?;
        let unique = self.holders_of(role) == 1 || matches!(role.affiliation, Some(Ref::Country(_)));
        unique.then_some(p)
    }

    /// How many people of the document hold the title of a phrase: 0, 1,
    /// or 2 for two or more.
    fn holders_of(&self, role: &mention::RoleMention) -> usize {
        let mut ids = self.fitting(role).flat_map(|h| h.ids.iter());
        let Some(first) = ids.next() else { return 0 };
        if ids.any(|id| {
            crate::work::add(1);
            id != first
        }) {
            2
        } else {
            1
        }
    }

    /// Affiliations read from role descriptions: "l'ambassadeur de Russie"
    /// ties the document's ambassador to Russia.
    fn describe_roles(&self) -> Vec<Fact> {
        let mut out = Vec::new();
        for (si, s) in self.rd.sentences.iter().enumerate() {
            for role in &s.mentions.roles {
                let Some(aff) = &role.affiliation else { continue };
                // A title followed by a name is no description, even when the name was not read.
                if s.tokens.get(role.b).is_some_and(|t| t.is_cap()) {
                    continue;
                }
                // Only an unambiguous description says something new about its holder.
                let Some(person) = self.described(role, si, None).filter(|_| self.holders_of(role) == 1) else {
                    continue;
                };
                let target = match aff {
                    Ref::Country(c) => node_id(NodeKind::Country, &self.lx.countries[*c as usize].label),
                    Ref::Org { id, .. } => id.clone(),
                    _ => continue,
                };
                out.push(self.fact(si, &person, Relation::AffiliatedWith, &target, "affiliated_with/role-description"));
            }
        }
        out
    }

    /// The document being read.
    pub fn doc(&self) -> &ReadDoc<'d> {
        &self.rd
    }

    /// The lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        self.lx
    }
}

/// The one distinct item of a list, if it has exactly one (seen twice or
/// more is still one); stops at the second distinct one.
fn one_of<'s>(mut items: impl Iterator<Item = &'s String>) -> Option<&'s String> {
    let first = items.next()?;
    items
        .all(|x| {
            crate::work::add(1);
            x == first
        })
        .then_some(first)
}

/// A claim's label: the said words, cut at a word boundary past 300 chars.
pub fn claim_label(text: &str) -> String {
    const MAX: usize = 300;
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let cut: String = text.chars().take(MAX).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut} …")
}

/// A claim's id: `claim:` and the slug of its first words.
pub fn claim_id(label: &str) -> String {
    let slug = crate::graph::slug(label);
    let mut end = slug.len().min(80);
    while !slug.is_char_boundary(end) {
        end -= 1;
    }
    format!("claim:{}", slug[..end].trim_end_matches('-'))
}
