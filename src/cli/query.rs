//! The query commands: `path`, `neighbors`, `top`, `subgraph`, `stats`.
//!
//! They read a built graph (`--graph`, default `output/graph.json`) through
//! its binary cache, or build one from articles (`--input`), ask
//! `graph::query` and `graph::rank`, and print the answer on stdout: aligned
//! text, coloured as `--color` and the environment say, or
//! JSON with `--json`. Notes and errors go to stderr. Exit codes: 0 answered,
//! 1 no path, 2 an unknown or ambiguous name or any other error.

use std::cell::RefCell;
use std::fs;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::UNIX_EPOCH;

use serde_json::{json, Value};

use crate::error::{Error, Result};
use crate::export::{self, Format};
use crate::graph::query::{self, Resolution, Walk};
use crate::graph::rank::{self, PageRank};
use crate::graph::{cache, load, Evidence, Index};
use crate::input;
use crate::ontology::{NodeKind, Relation};
use crate::Pipeline;

/// Where the graph comes from.
#[derive(Debug, clap::Args)]
pub(super) struct SourceArgs {
    /// The graph to ask: the JSON `trame build` writes. A binary cache is
    /// kept beside it (`.NAME.trame-cache`) and rebuilt when the JSON changes.
    /// A `.graphml` or `.gexf` file (trame's, or one edited in Gephi) is read
    /// as it is, without a cache.
    #[arg(long, default_value = "output/graph.json", conflicts_with = "input")]
    graph: PathBuf,
    /// Build the graph from these articles (files or folders) instead.
    #[arg(long, num_args = 1..)]
    input: Vec<PathBuf>,
}

/// Which nodes and relations a query walks over.
#[derive(Debug, clap::Args)]
pub(super) struct WalkArgs {
    /// Use only these relations (comma-separated, as in the JSON: met,holds_role…).
    #[arg(long, value_delimiter = ',')]
    via: Vec<String>,
    /// Also walk through these hub kinds: roles, claims (comma-separated).
    #[arg(long, value_delimiter = ',')]
    through: Vec<String>,
}

impl WalkArgs {
    fn walk(&self) -> Result<Walk> {
        let mut walk = Walk::actors();
        for t in &self.through {
            walk = match t.trim() {
                "roles" | "role" => walk.through(NodeKind::Role),
                "claims" | "claim" => walk.through(NodeKind::Claim),
                other => return Err(Error::Input(format!("--through {other}: expected roles or claims"))),
            };
        }
        if !self.via.is_empty() {
            let mut rels = Vec::new();
            for v in &self.via {
                let r = Relation::parse(v.trim()).ok_or_else(|| {
                    let all: Vec<&str> = Relation::ALL.iter().map(|r| r.as_str()).collect();
                    Error::Input(format!("--via {v}: unknown relation (one of {})", all.join(", ")))
                })?;
                rels.push(r);
            }
            walk = walk.via(&rels);
        }
        Ok(walk)
    }

    fn describe(&self, walk: &Walk) -> String {
        let mut kinds = vec!["actors"];
        if walk.allows_kind(NodeKind::Role) {
            kinds.push("roles");
        }
        if walk.allows_kind(NodeKind::Claim) {
            kinds.push("claims");
        }
        let mut s = format!("through {}", kinds.join(" and "));
        if !self.via.is_empty() {
            s.push_str(&format!(", via {}", self.via.join(",")));
        }
        s
    }
}

#[derive(Debug, clap::Args)]
pub(super) struct PathArgs {
    /// The first actor: a name, an alias, a surname or an id.
    from: String,
    /// The second actor.
    to: String,
    /// The K shortest distinct paths, shortest first (at most 100).
    #[arg(short, default_value_t = 1)]
    k: usize,
    /// Ignore paths longer than this many hops.
    #[arg(long)]
    max_hops: Option<usize>,
    #[command(flatten)]
    walk: WalkArgs,
    /// Print JSON.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    source: SourceArgs,
}

#[derive(Debug, clap::Args)]
pub(super) struct NeighborsArgs {
    /// The node: a name, an alias, a surname or an id.
    name: String,
    /// Neighbours listed per relation.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Use only these relations (comma-separated).
    #[arg(long, value_delimiter = ',')]
    via: Vec<String>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    source: SourceArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum RankBy {
    /// PageRank on the undirected view.
    Pagerank,
    /// Edges (parallel edges count).
    Degree,
    /// Times the articles name the node.
    Mentions,
}

#[derive(Debug, clap::Args)]
pub(super) struct TopArgs {
    /// How many per kind.
    #[arg(short, default_value_t = 10)]
    n: usize,
    /// Only these kinds (person, country, organization, location, role, claim).
    #[arg(long, value_delimiter = ',')]
    kind: Vec<String>,
    /// The order.
    #[arg(long, value_enum, default_value = "pagerank")]
    by: RankBy,
    #[command(flatten)]
    walk: WalkArgs,
    /// Print JSON.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    source: SourceArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum SubFormat {
    Dot,
    Graphml,
    Gexf,
    Json,
}

#[derive(Debug, clap::Args)]
pub(super) struct SubgraphArgs {
    /// The centre: a name, an alias, a surname or an id.
    name: String,
    /// How far from the centre.
    #[arg(long, default_value_t = 1)]
    hops: usize,
    /// The export format.
    #[arg(long, value_enum, default_value = "dot")]
    format: SubFormat,
    /// Write to this file instead of stdout.
    #[arg(long, short)]
    output: Option<PathBuf>,
    #[command(flatten)]
    walk: WalkArgs,
    #[command(flatten)]
    source: SourceArgs,
    #[command(flatten)]
    filter: super::FilterArgs,
}

#[derive(Debug, clap::Args)]
pub(super) struct StatsArgs {
    /// Print JSON.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    source: SourceArgs,
}

// ---------------------------------------------------------------------------
// Loading

/// The cache file an index was read from, to read evidence from it.
struct CacheFile {
    path: PathBuf,
    /// The JSON it stands for, to rebuild from if its evidence is damaged.
    json: PathBuf,
    file: RefCell<fs::File>,
    header: cache::Header,
}

/// A graph ready for queries, and where to read its evidence.
struct Loaded {
    ix: Index,
    name: String,
    /// Where the evidence is read per edge, when the index came from the cache.
    cache: Option<CacheFile>,
    /// Every edge's evidence, once the cache's evidence was found damaged and
    /// the graph read again from its JSON.
    reread: RefCell<Option<Vec<Vec<Evidence>>>>,
}

impl Loaded {
    fn evidence(&self, e: usize) -> Result<Vec<Evidence>> {
        if let Some(ev) = self.ix.evidence(e) {
            return Ok(ev.to_vec());
        }
        if let Some(all) = self.reread.borrow().as_ref() {
            return Ok(all[e].clone());
        }
        let c = self.cache.as_ref().expect("an index without evidence comes from a cache");
        let range = self.ix.evidence_range(e).expect("a cached index has evidence ranges");
        let mut buf = vec![0; (range.end - range.start) as usize];
        let read = {
            let mut f = c.file.borrow_mut();
            f.seek(SeekFrom::Start(c.header.evidence_offset() + range.start)).and_then(|_| f.read_exact(&mut buf))
        };
        let damage = match read {
            Ok(()) => match cache::decode_evidence(&buf) {
                Ok(ev) => return Ok(ev),
                Err(m) => m,
            },
            Err(e) => e.to_string(),
        };
        // The cache changed under us or was damaged: read the graph again.
        eprintln!("trame: warning: {}: {damage}; reading {} again", c.path.display(), c.json.display());
        let all = self.reread_evidence(c)?;
        let ev = all[e].clone();
        *self.reread.borrow_mut() = Some(all);
        Ok(ev)
    }

    /// Every edge's evidence from the JSON the cache was built from (the
    /// same JSON: same key, so the same index), and a sound cache again.
    fn reread_evidence(&self, c: &CacheFile) -> Result<Vec<Vec<Evidence>>> {
        let text = read_json(&c.json)?;
        if cache::Key::of(text.as_bytes()) != c.header.key {
            return Err(Error::Input(format!("{} changed while it was read: run the query again", c.json.display())));
        }
        let graph = load::from_json(&text).map_err(|m| Error::Input(format!("{}: {m}", c.json.display())))?;
        drop(text);
        let ix = Index::from_graph(&graph);
        if ix.node_count() != self.ix.node_count() || ix.edge_count() != self.ix.edge_count() {
            return Err(Error::Input(format!(
                "{}: the cache does not match the graph: run the query again",
                c.path.display()
            )));
        }
        write_cache(&c.path, &cache::encode(&ix, c.header.key));
        Ok(graph.edges().iter().map(|e| e.evidence.clone()).collect())
    }

    /// The evidence of an edge, shortest sentence first.
    fn evidence_shortest_first(&self, e: usize) -> Result<Vec<Evidence>> {
        let mut ev = self.evidence(e)?;
        ev.sort_by(|a, b| (a.text.chars().count(), &a.doc, a.start).cmp(&(b.text.chars().count(), &b.doc, b.start)));
        Ok(ev)
    }
}

fn cache_path(json: &Path) -> PathBuf {
    let name = json.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "graph".into());
    json.with_file_name(format!(".{name}.trame-cache"))
}

fn load_source(src: &SourceArgs) -> Result<Loaded> {
    if !src.input.is_empty() {
        let loaded = input::load(&src.input)?;
        super::report_inputs(&loaded, false, false)?;
        if loaded.docs.is_empty() {
            return Err(Error::Input("no article to read in --input".into()));
        }
        let graph = Pipeline::builtin().run(&loaded.docs);
        let names: Vec<String> = src.input.iter().map(|p| p.display().to_string()).collect();
        return Ok(Loaded {
            ix: Index::from_graph(&graph),
            name: names.join(" "),
            cache: None,
            reread: RefCell::new(None),
        });
    }
    if let Some(graph) = super::read_xml_graph(&src.graph)? {
        let name = src.graph.display().to_string();
        return Ok(Loaded { ix: Index::from_graph(&graph), name, cache: None, reread: RefCell::new(None) });
    }
    load_graph(&src.graph)
}

/// A file's `Stat` for the cache's memo; `None` where the system gives no
/// change time and inode (the content is then hashed on every query).
#[cfg(unix)]
fn stat_of(meta: &fs::Metadata) -> Option<cache::Stat> {
    use std::os::unix::fs::MetadataExt;
    Some(cache::Stat {
        dev: meta.dev(),
        ino: meta.ino(),
        size: meta.size(),
        mtime: (meta.mtime(), meta.mtime_nsec() as u32),
        ctime: (meta.ctime(), meta.ctime_nsec() as u32),
    })
}

#[cfg(not(unix))]
fn stat_of(_: &fs::Metadata) -> Option<cache::Stat> {
    None
}

fn now() -> (i64, u32) {
    let t = std::time::SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
    (t.as_secs() as i64, t.subsec_nanos())
}

fn read_json(path: &Path) -> Result<String> {
    let mut text = String::new();
    let file = fs::File::open(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    // One byte over the limit is enough to refuse the file.
    file.take(load::MAX_JSON_BYTES as u64 + 1)
        .read_to_string(&mut text)
        .map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    Ok(text)
}

/// The XXH64 and size of a file's bytes, read in pieces.
fn hash_file(path: &Path) -> io::Result<cache::Key> {
    let mut f = fs::File::open(path)?;
    let mut h = crate::digest::Xxh64::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut size = 0u64;
    loop {
        match f.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                h.update(&buf[..n]);
                size += n as u64;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(cache::Key { size, hash: h.finish() })
}

/// Writes the cache, or says on stderr why it could not (a query answers
/// all the same). Skipped while another trame writes into the folder.
fn write_cache(path: &Path, bytes: &[u8]) {
    if let Err(e) = super::publish::write_file_if_free(path, bytes) {
        eprintln!("trame: warning: could not write the cache: {e}");
    }
}

/// Writes the memo into the cache in place; a failure only costs a hash
/// on the next query.
fn write_memo(path: &Path, stat: &cache::Stat, hash: u64) {
    if let Ok(mut f) = fs::OpenOptions::new().write(true).open(path) {
        let _ = f
            .seek(SeekFrom::Start(cache::MEMO_OFFSET as u64))
            .and_then(|_| f.write_all(&cache::encode_memo(stat, hash)));
    }
}

/// A memo: the stat of a JSON and the hash of its content.
type Memo = (cache::Stat, u64);

/// An open cache whose header is sound and whose file has the length the
/// header gives; its memo, if any.
fn open_cache(path: &Path) -> Option<(fs::File, cache::Header, Option<Memo>)> {
    let mut file = fs::File::open(path).ok()?;
    let mut head = [0u8; cache::HEADER_LEN];
    file.read_exact(&mut head).ok()?;
    let header = cache::decode_header(&head).ok()?;
    if file.metadata().ok()?.len() != header.file_len()? {
        return None;
    }
    let memo = cache::decode_memo(&head[cache::MEMO_OFFSET..]);
    Some((file, header, memo))
}

/// Reads a graph's index from its cache when the cache is that of the
/// JSON's bytes (by the memo, or by hashing them), else parses the JSON and
/// rewrites the cache. See `graph/cache.rs`.
fn load_graph(path: &Path) -> Result<Loaded> {
    let name = path.display().to_string();
    // A build killed while it renamed its files into place is finished first.
    super::publish::settle(path)?;
    let meta = fs::metadata(path).map_err(|source| {
        if source.kind() == io::ErrorKind::NotFound {
            Error::Input(format!("{name}: no such graph (build one with `trame build`, or pass --graph or --input)"))
        } else {
            Error::Io { path: path.to_path_buf(), source }
        }
    })?;
    if meta.len() > load::MAX_JSON_BYTES as u64 {
        return Err(Error::Input(format!(
            "{name}: {} bytes: a graph may have at most {} bytes (4 GiB) of JSON",
            meta.len(),
            load::MAX_JSON_BYTES
        )));
    }
    let stat = stat_of(&meta);
    let cpath = cache_path(path);
    let started = now();
    if let Some((mut file, header, memo)) = open_cache(&cpath) {
        let known = stat.is_some_and(|st| memo == Some((st, header.key.hash)));
        let key = if known { Some(header.key) } else { hash_file(path).ok() };
        // Unchanged while it was hashed: otherwise the hash proves nothing.
        let steady = || fs::metadata(path).ok().and_then(|m| stat_of(&m)) == stat;
        if key == Some(header.key) && (known || steady()) {
            let mut body = vec![0u8; header.index_len as usize];
            let ix = file.read_exact(&mut body).ok().and_then(|_| cache::decode_index_from(body, &header).ok());
            if let Some(ix) = ix {
                if let (false, Some(st)) = (known, stat) {
                    if st.settled(started) {
                        write_memo(&cpath, &st, header.key.hash);
                    }
                }
                let cache = CacheFile { path: cpath, json: path.to_path_buf(), file: RefCell::new(file), header };
                return Ok(Loaded { ix, name, cache: Some(cache), reread: RefCell::new(None) });
            }
        }
    }
    let text = read_json(path)?;
    let key = cache::Key::of(text.as_bytes());
    let graph = load::from_json(&text).map_err(|m| Error::Input(format!("{name}: {m}")))?;
    drop(text);
    let ix = Index::from_graph(&graph);
    drop(graph);
    let mut bytes = cache::encode(&ix, key);
    let after = fs::metadata(path).ok().and_then(|m| stat_of(&m));
    if let (Some(st), true) = (stat, after == stat) {
        if st.size == key.size && st.settled(started) {
            bytes[cache::MEMO_OFFSET..cache::HEADER_LEN].copy_from_slice(&cache::encode_memo(&st, key.hash));
        }
    }
    write_cache(&cpath, &bytes);
    Ok(Loaded { ix, name, cache: None, reread: RefCell::new(None) })
}

// ---------------------------------------------------------------------------
// Output

/// ANSI styles, on as `--color` and the environment say (`cli::color_on`).
struct Style {
    on: bool,
}

impl Style {
    fn detect() -> Style {
        Style { on: super::color() }
    }

    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }

    fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }

    fn rel(&self, s: &str) -> String {
        self.paint("36", s)
    }
}

/// Pads to a width in chars (accents count one).
fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(n)))
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(max - 1).collect::<String>().trim_end())
    }
}

/// Prints the answer on stdout; a closed pipe ends quietly (see main.rs).
fn emit(text: &str) -> Result<()> {
    let mut out = io::stdout().lock();
    let io_err = |source| Error::Io { path: PathBuf::from("<stdout>"), source };
    out.write_all(text.as_bytes()).map_err(io_err)?;
    out.flush().map_err(io_err)
}

fn emit_json(v: &Value) -> Result<()> {
    let mut s = serde_json::to_string_pretty(v).expect("a JSON value serializes");
    s.push('\n');
    emit(&s)
}

fn node_json(ix: &Index, n: usize) -> Value {
    json!({"id": ix.id(n), "label": ix.label(n), "kind": ix.kind(n).as_str()})
}

fn evidence_json(ev: &Evidence) -> Value {
    json!({"doc": ev.doc, "sentence": ev.sentence, "start": ev.start, "end": ev.end, "text": ev.text, "rule": ev.rule})
}

/// "person · président" for a person with a known role, else the kind.
fn describe(ix: &Index, n: usize) -> String {
    match query::best_role(ix, n) {
        Some(r) => format!("{} · {}", ix.kind(n).as_str(), ix.label(r)),
        None => ix.kind(n).as_str().to_string(),
    }
}

/// Resolves a name or explains, on stderr through the error, why not.
fn resolve(loaded: &Loaded, asked: &str) -> Result<usize> {
    let ix = &loaded.ix;
    // A name is echoed in messages, clipped: it may be anything.
    let name = clip(asked, 80);
    let name = name.as_str();
    match query::resolve(ix, asked) {
        Resolution::Found { node, how } => {
            if how == Some("closest spelling") && !super::quiet() {
                eprintln!("trame: note: taking \"{name}\" as {} ({})", ix.label(node), ix.id(node));
            }
            Ok(node)
        }
        Resolution::Ambiguous(nodes) => {
            let width = nodes.iter().map(|&n| ix.label(n).chars().count()).max().unwrap_or(0);
            let mut msg = format!("\"{name}\" is ambiguous in {}: {} nodes answer to it", loaded.name, nodes.len());
            for &n in &nodes {
                msg.push_str(&format!("\n  {}  {}  ({})", pad(ix.label(n), width), describe(ix, n), ix.id(n)));
            }
            msg.push_str("\ngive the full name or the id");
            Err(Error::Input(msg))
        }
        Resolution::Unknown(close) => {
            let close = super::suggestions(ix, asked, &close);
            let mut msg = format!("no node is called \"{name}\" in {}", loaded.name);
            if !close.is_empty() {
                let names: Vec<String> =
                    close.iter().map(|&n| format!("{} ({})", ix.label(n), ix.kind(n).as_str())).collect();
                msg.push_str(&format!("; did you mean {}?", names.join(", ")));
            }
            Err(Error::Input(msg))
        }
    }
}

// ---------------------------------------------------------------------------
// Commands

pub(super) fn path(args: PathArgs) -> Result<ExitCode> {
    let loaded = load_source(&args.source)?;
    let ix = &loaded.ix;
    let mut walk = args.walk.walk()?;
    walk.max_hops = args.max_hops;
    let (a, b) = (resolve(&loaded, &args.from)?, resolve(&loaded, &args.to)?);
    if args.k > query::MAX_PATHS {
        eprintln!("trame: note: -k {} is more paths than anyone reads: showing at most {}", args.k, query::MAX_PATHS);
    }
    let paths = query::k_shortest_paths(ix, a, b, args.k.clamp(1, query::MAX_PATHS), &walk);
    let how = args.walk.describe(&walk);
    if args.json {
        let mut list = Vec::new();
        for p in &paths {
            let mut steps = Vec::new();
            for hop in query::hops(ix, p, &walk) {
                let mut edges = Vec::new();
                for &(e, forward) in &hop.edges {
                    let info = ix.edge(e);
                    let ev: Vec<Value> = loaded.evidence_shortest_first(e)?.iter().map(evidence_json).collect();
                    edges.push(json!({
                        "relation": info.relation.as_str(),
                        "direction": if forward { "forward" } else { "backward" },
                        "source": ix.id(info.source as usize),
                        "target": ix.id(info.target as usize),
                        "modality": info.modality.as_str(),
                        "evidence": ev,
                    }));
                }
                steps.push(json!({"from": ix.id(hop.from), "to": ix.id(hop.to), "edges": edges}));
            }
            let nodes: Vec<Value> = p.iter().map(|&n| node_json(ix, n)).collect();
            list.push(json!({"hops": p.len() - 1, "nodes": nodes, "steps": steps}));
        }
        emit_json(&json!({"from": node_json(ix, a), "to": node_json(ix, b), "walk": how, "paths": list}))?;
        return Ok(if paths.is_empty() { ExitCode::from(1) } else { ExitCode::SUCCESS });
    }
    let st = Style::detect();
    if paths.is_empty() {
        let limit = args.max_hops.map(|m| format!(" in {m} hops or fewer")).unwrap_or_default();
        let hint = if walk.allows_kind(NodeKind::Role) && walk.allows_kind(NodeKind::Claim) {
            String::new()
        } else {
            " (try --through roles,claims)".to_string()
        };
        emit(&format!("No path between {} and {} {how}{limit}{hint}.\n", ix.label(a), ix.label(b)))?;
        return Ok(ExitCode::from(1));
    }
    let mut out = String::new();
    let count = if paths.len() == 1 { "1 path".to_string() } else { format!("{} paths, shortest first", paths.len()) };
    out.push_str(&format!("{} … {}: {count}, {how}\n", st.bold(ix.label(a)), st.bold(ix.label(b))));
    for (i, p) in paths.iter().enumerate() {
        let hops = query::hops(ix, p, &walk);
        let shown = |n: usize| {
            if ix.kind(n) == NodeKind::Claim {
                format!("« {} »", clip(ix.label(n), 60))
            } else {
                ix.label(n).to_string()
            }
        };
        let width = p.iter().map(|&n| shown(n).chars().count()).max().unwrap_or(0);
        let mut last: Option<(String, usize)> = None;
        let cell = |e: usize, forward: bool| {
            let info = ix.edge(e);
            let rel = info.relation.as_str();
            let arrow = link(info.relation, rel, forward);
            match info.modality.as_str() {
                "asserted" => arrow,
                m => format!("{arrow} ({m})"),
            }
        };
        let relw = hops.iter().flat_map(|h| &h.edges).map(|&(e, f)| cell(e, f).chars().count()).max();
        let n_hops = p.len() - 1;
        out.push_str(&format!("\n{}\n", st.dim(&format!("path {} · {n_hops} hop{}", i + 1, plural(n_hops)))));
        for (j, &n) in p.iter().enumerate() {
            let note = if j > 0 && j + 1 < p.len() { hub_note(ix, &hops[j - 1], &hops[j]) } else { None };
            let desc = match note {
                Some(note) => format!("{} · {note}", ix.kind(n).as_str()),
                None => describe(ix, n),
            };
            out.push_str(&format!("  {}  {}\n", st.bold(&pad(&shown(n), width)), st.dim(&desc)));
            let Some(hop) = hops.get(j) else { continue };
            for &(e, forward) in &hop.edges {
                let ev = loaded.evidence_shortest_first(e)?;
                let first = &ev[0];
                let more = if ev.len() > 1 { format!(", +{} more", ev.len() - 1) } else { String::new() };
                out.push_str(&format!(
                    "   │ {}  {}\n",
                    st.rel(&pad(&cell(e, forward), relw.unwrap_or(0))),
                    st.dim(&format!("{}, sentence {}{more}", first.doc, first.sentence + 1))
                ));
                let here = (first.doc.clone(), first.start);
                if last.as_ref() == Some(&here) {
                    out.push_str("   │     (the same sentence)\n");
                } else {
                    out.push_str(&format!("   │     « {} »\n", first.text.trim()));
                }
                last = Some(here);
            }
        }
    }
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// What a role or claim node means between the hop that reaches it and
/// the hop that leaves it: "both hold the title", "both said this"…
fn hub_note(ix: &Index, before: &query::Hop, after: &query::Hop) -> Option<String> {
    let has = |h: &query::Hop, rel: Relation, forward: bool| {
        h.edges.iter().any(|&(e, f)| ix.edge(e).relation == rel && f == forward)
    };
    match ix.kind(before.to) {
        NodeKind::Role if has(before, Relation::HoldsRole, true) && has(after, Relation::HoldsRole, false) => {
            Some("both hold the title".into())
        }
        NodeKind::Role => Some("a title".into()),
        NodeKind::Claim => {
            let (prev, next) = (ix.label(before.from), ix.label(after.to));
            if has(before, Relation::Stated, true) && has(after, Relation::Stated, false) {
                Some("both said this".into())
            } else if has(before, Relation::Stated, true) && has(after, Relation::Mentions, true) {
                Some(format!("{prev} said this, naming {next}"))
            } else if has(before, Relation::Mentions, false) && has(after, Relation::Stated, false) {
                Some(format!("{next} said this, naming {prev}"))
            } else if has(before, Relation::Mentions, false) && has(after, Relation::Mentions, true) {
                Some("a statement naming both".into())
            } else {
                Some("a statement".into())
            }
        }
        _ => None,
    }
}

pub(super) fn neighbors(args: NeighborsArgs) -> Result<ExitCode> {
    let loaded = load_source(&args.source)?;
    let ix = &loaded.ix;
    let walk = WalkArgs { via: args.via.clone(), through: vec!["roles".into(), "claims".into()] }.walk()?;
    let n = resolve(&loaded, &args.name)?;
    let groups = query::neighbors(ix, n, &walk);
    if args.json {
        let mut list = Vec::new();
        for g in &groups {
            let mut items = Vec::new();
            for &(e, m) in &g.items {
                let ev = loaded.evidence_shortest_first(e)?;
                items.push(json!({
                    "node": node_json(ix, m),
                    "modality": ix.edge(e).modality.as_str(),
                    "evidence_count": ev.len(),
                    "evidence": ev.iter().map(evidence_json).collect::<Vec<_>>(),
                }));
            }
            list.push(json!({
                "relation": g.relation.as_str(),
                "direction": if g.outgoing { "outgoing" } else { "incoming" },
                "count": g.items.len(),
                "neighbors": items,
            }));
        }
        emit_json(&json!({"node": node_json(ix, n), "groups": list}))?;
        return Ok(ExitCode::SUCCESS);
    }
    let st = Style::detect();
    let edges: usize = groups.iter().map(|g| g.items.len()).sum();
    let mut others: Vec<usize> = groups.iter().flat_map(|g| g.items.iter().map(|&(_, m)| m)).collect();
    others.sort_unstable();
    others.dedup();
    let mut out = format!("{}  {}\n", st.bold(ix.label(n)), st.dim(&describe(ix, n)));
    out.push_str(&format!("{edges} edge{}, {} neighbour{}\n", plural(edges), others.len(), plural(others.len())));
    let shown = |g: &query::Group| g.items.iter().take(args.limit).map(|&(_, m)| m).collect::<Vec<_>>();
    let width = groups.iter().flat_map(shown).map(|m| clip(ix.label(m), 40).chars().count()).max().unwrap_or(0);
    for g in &groups {
        let rel = g.relation.as_str();
        let head = link(g.relation, rel, g.outgoing);
        out.push_str(&format!("\n{} {}\n", st.rel(&head), st.dim(&format!("({})", g.items.len()))));
        for &(e, m) in g.items.iter().take(args.limit) {
            let ev = loaded.evidence_shortest_first(e)?;
            let count = format!("{:>3} sentence{}", ev.len(), if ev.len() == 1 { " " } else { "s" });
            out.push_str(&format!(
                "  {}  {}  {}  {}\n",
                pad(&clip(ix.label(m), 40), width),
                pad(ix.kind(m).as_str(), 12),
                count,
                st.dim(&format!("« {} » {}", clip(ev[0].text.trim(), 90), ev[0].doc))
            ));
        }
        if g.items.len() > args.limit {
            out.push_str(&format!("  … and {} more (--limit)\n", g.items.len() - args.limit));
        }
    }
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn top(args: TopArgs) -> Result<ExitCode> {
    let loaded = load_source(&args.source)?;
    let ix = &loaded.ix;
    let walk = args.walk.walk()?;
    let mut kinds = Vec::new();
    for k in &args.kind {
        kinds.push(NodeKind::parse(k.trim()).ok_or_else(|| {
            Error::Input(format!(
                "--kind {k}: unknown kind (one of {})",
                NodeKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ")
            ))
        })?);
    }
    if kinds.is_empty() {
        kinds = NodeKind::ALL.into_iter().filter(|k| walk.allows_kind(*k)).collect();
    }
    let deg = rank::degrees(ix, &walk);
    let pr = rank::pagerank(ix, &walk, PageRank::default())
        .ok_or_else(|| Error::Input("pagerank did not converge in 100 rounds".into()))?;
    let mut tables = Vec::new();
    for kind in kinds {
        let mut nodes: Vec<usize> = (0..ix.node_count()).filter(|&n| ix.kind(n) == kind).collect();
        if !walk.allows_kind(kind) {
            continue;
        }
        match args.by {
            RankBy::Pagerank => {
                nodes.sort_by(|&x, &y| pr[y].total_cmp(&pr[x]).then(deg[y].cmp(&deg[x])).then(x.cmp(&y)))
            }
            RankBy::Degree => nodes.sort_by(|&x, &y| deg[y].cmp(&deg[x]).then(pr[y].total_cmp(&pr[x])).then(x.cmp(&y))),
            RankBy::Mentions => nodes
                .sort_by(|&x, &y| ix.mentions(y).cmp(&ix.mentions(x)).then(pr[y].total_cmp(&pr[x])).then(x.cmp(&y))),
        }
        nodes.truncate(args.n);
        if !nodes.is_empty() {
            tables.push((kind, nodes));
        }
    }
    let how = args.walk.describe(&walk);
    if args.json {
        let list: Vec<Value> = tables
            .iter()
            .map(|(kind, nodes)| {
                let rows: Vec<Value> = nodes
                    .iter()
                    .map(|&n| json!({"id": ix.id(n), "label": ix.label(n), "mentions": ix.mentions(n), "degree": deg[n], "pagerank": pr[n]}))
                    .collect();
                json!({"kind": kind.as_str(), "nodes": rows})
            })
            .collect();
        emit_json(&json!({"view": format!("undirected, {how}"), "kinds": list}))?;
        return Ok(ExitCode::SUCCESS);
    }
    let st = Style::detect();
    let members = (0..ix.node_count()).filter(|&n| walk.allows_kind(ix.kind(n))).count();
    let mut out = format!(
        "{}\n",
        st.dim(&format!(
            "PageRank (alpha 0.85) and degree on the undirected view, {how}: {members} nodes, {} edge ends",
            deg.iter().map(|&d| d as u64).sum::<u64>()
        ))
    );
    let width = tables.iter().flat_map(|(_, v)| v).map(|&n| clip(ix.label(n), 50).chars().count()).max().unwrap_or(0);
    for (kind, nodes) in &tables {
        out.push_str(&format!("\n{}\n", st.bold(kind.as_str())));
        let head =
            format!("  {:>3}  {}  {:>8}  {:>6}  {:>8}", "#", pad("name", width), "mentions", "degree", "pagerank");
        out.push_str(&st.dim(&head));
        out.push('\n');
        for (i, &n) in nodes.iter().enumerate() {
            out.push_str(&format!(
                "  {:>3}  {}  {:>8}  {:>6}  {:>8.5}\n",
                i + 1,
                pad(&clip(ix.label(n), 50), width),
                ix.mentions(n),
                deg[n],
                pr[n]
            ));
        }
    }
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn subgraph(args: SubgraphArgs) -> Result<ExitCode> {
    let loaded = load_source(&args.source)?;
    let ix = &loaded.ix;
    let walk = args.walk.walk()?;
    let center = resolve(&loaded, &args.name)?;
    let nodes = query::ego(ix, center, args.hops, &walk);
    let edges = query::induced_edges(ix, &nodes, &walk);
    let graph = query::subgraph(ix, &nodes, &edges, |e| loaded.evidence(e))?;
    let filter = args.filter.filter();
    let graph = if filter.is_noop() { graph } else { crate::graph::filter::apply(&graph, &filter) };
    let format = match args.format {
        SubFormat::Dot => Format::Dot,
        SubFormat::Graphml => Format::Graphml,
        SubFormat::Gexf => Format::Gexf,
        SubFormat::Json => Format::Json,
    };
    let target = args.output.clone().unwrap_or_else(|| PathBuf::from("-"));
    super::write_atomic(&target, |w| export::write(&graph, format, w))?;
    if args.output.is_some() {
        eprintln!(
            "trame: {} nodes, {} edges within {} hop{} of {}",
            graph.nodes().len(),
            graph.edges().len(),
            args.hops,
            plural(args.hops),
            ix.label(center)
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) fn stats(args: StatsArgs) -> Result<ExitCode> {
    let loaded = load_source(&args.source)?;
    let ix = &loaded.ix;
    let kinds: Vec<(NodeKind, usize)> =
        NodeKind::ALL.iter().map(|&k| (k, (0..ix.node_count()).filter(|&n| ix.kind(n) == k).count())).collect();
    let mut by_relation = [0usize; Relation::ALL.len()];
    let mut sentences = 0u64;
    for e in 0..ix.edge_count() {
        let info = ix.edge(e);
        by_relation[Relation::ALL.iter().position(|r| *r == info.relation).expect("a relation")] += 1;
        sentences += info.evidence as u64;
    }
    let mut rels: Vec<(Relation, usize)> =
        Relation::ALL.iter().copied().zip(by_relation).filter(|(_, c)| *c > 0).collect();
    rels.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.as_str().cmp(b.0.as_str())));
    let actors = Walk::actors();
    let comps = query::components(ix, &actors);
    let isolated = comps.iter().filter(|c| c.len() == 1).count();
    let all = query::components(ix, &Walk::everything());
    let largest = |c: &[Vec<usize>]| c.first().map_or(0, |c| c.len());
    if args.json {
        let k: serde_json::Map<String, Value> = kinds.iter().map(|(k, c)| (k.as_str().to_string(), json!(c))).collect();
        let r: serde_json::Map<String, Value> = rels.iter().map(|(r, c)| (r.as_str().to_string(), json!(c))).collect();
        emit_json(&json!({
            "graph": loaded.name,
            "nodes": ix.node_count(),
            "nodes_by_kind": k,
            "edges": ix.edge_count(),
            "edges_by_relation": r,
            "documents": ix.doc_count(),
            "evidence": sentences,
            "components": all.len(),
            "largest_component": largest(&all),
            "actor_components": comps.len(),
            "largest_actor_component": largest(&comps),
            "isolated_actors": isolated,
        }))?;
        return Ok(ExitCode::SUCCESS);
    }
    let st = Style::detect();
    let kinds_s: Vec<String> =
        kinds.iter().filter(|(_, c)| *c > 0).map(|(k, c)| format!("{c} {}", k.as_str())).collect();
    let rows: Vec<(&str, String)> = vec![
        ("graph", loaded.name.clone()),
        ("nodes", format!("{} ({})", ix.node_count(), kinds_s.join(", "))),
        ("edges", ix.edge_count().to_string()),
        ("documents", ix.doc_count().to_string()),
        ("evidence", format!("{sentences} sentence{} supporting the edges", plural(sentences as usize))),
        ("components", format!("{} (largest: {} nodes)", all.len(), largest(&all))),
        (
            "actors only",
            format!("{} components (largest: {} nodes), {isolated} isolated actors", comps.len(), largest(&comps)),
        ),
    ];
    let mut out = String::new();
    for (k, v) in rows {
        out.push_str(&format!("{}  {v}\n", st.bold(&pad(k, 11))));
    }
    let relw = rels.iter().map(|(r, _)| r.as_str().len()).max().unwrap_or(0);
    out.push('\n');
    for (r, c) in &rels {
        out.push_str(&format!("  {}  {c:>7}\n", st.rel(&pad(r.as_str(), relw))));
    }
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// How a hop is drawn: with its true direction, or without one for the
/// symmetric relations (met, allied_with), whose stored order means nothing.
fn link(relation: Relation, name: &str, forward: bool) -> String {
    if relation.is_symmetric() {
        format!("─{name}─")
    } else if forward {
        format!("─{name}→")
    } else {
        format!("←{name}─")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symmetric_relations_have_no_arrow() {
        assert_eq!(link(Relation::Met, "met", false), "─met─");
        assert_eq!(link(Relation::AlliedWith, "allied_with", true), "─allied_with─");
        assert_eq!(link(Relation::Deploys, "deploys", true), "─deploys→");
        assert_eq!(link(Relation::Summoned, "summoned", false), "←summoned─");
    }
}
