//! The command line: clap types and their translation into library calls.
//! The only module that prints, reads the environment or writes files.
//! `build` lives here; the query commands (`path`, `neighbors`, `top`,
//! `subgraph`, `stats`) in `cli/query.rs`.

mod progress;
mod publish;
mod query;
mod report;

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::{self, ExitCode, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use crate::error::{Error, Result};
use crate::export::dot::Layout;
use crate::export::{self, Format};
use crate::extract::split;
use crate::graph::filter::Filter;
use crate::graph::Graph;
use crate::input;
use crate::lexicon::Lexicon;
use crate::ontology::{NodeKind, Relation};
use crate::Pipeline;

/// Reads French news articles and builds a knowledge graph of who does what
/// to whom, every edge with the sentence it was read from.
#[derive(Debug, Parser)]
#[command(name = "trame", version, about)]
pub struct Args {
    /// Colour on the terminal: `auto` colours a terminal unless NO_COLOR is
    /// set and not empty or TERM is `dumb` (CLICOLOR_FORCE set and not `0`
    /// colours even a pipe); `always`; `never`.
    #[arg(long, value_enum, default_value = "auto", global = true, value_name = "WHEN")]
    color: ColorArg,
    /// Print only answers and errors: no summary, no notes.
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Also say each file written.
    #[arg(long, short, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

/// When to colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    /// On a terminal, unless the environment says otherwise.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

static COLOR: AtomicBool = AtomicBool::new(false);
static QUIET: AtomicBool = AtomicBool::new(false);
static VERBOSE: AtomicBool = AtomicBool::new(false);

/// Whether stdout is coloured (decided once by `run`, see [`color_on`]).
pub(crate) fn color() -> bool {
    COLOR.load(Ordering::Relaxed)
}

/// Whether `-q` was given: no summary, no notes.
pub(crate) fn quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

/// Whether `-v` was given: each file written is said on stderr.
pub(crate) fn verbose() -> bool {
    VERBOSE.load(Ordering::Relaxed)
}

/// The common rules for colour: `never` and `always` win; for `auto`, a
/// non-empty NO_COLOR turns it off, then a CLICOLOR_FORCE other than empty
/// or `0` turns it on, then TERM=dumb turns it off, else a terminal has it.
pub fn color_on(choice: ColorArg, env: impl Fn(&str) -> Option<String>, terminal: bool) -> bool {
    let set = |name: &str| env(name).is_some_and(|v| !v.is_empty());
    match choice {
        ColorArg::Never => false,
        ColorArg::Always => true,
        ColorArg::Auto if set("NO_COLOR") => false,
        ColorArg::Auto if set("CLICOLOR_FORCE") && env("CLICOLOR_FORCE").as_deref() != Some("0") => true,
        ColorArg::Auto if env("TERM").as_deref() == Some("dumb") => false,
        ColorArg::Auto => terminal,
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the graph from articles and export it.
    ///
    /// Without --format, writes graph.json, graph.graphml, graph.gexf,
    /// graph.dot and graph.html into --out-dir. With --format, writes that one format to
    /// --output (or to --out-dir/graph.EXT); `--output -` writes to stdout.
    /// `--format csv` writes nodes.csv and edges.csv into --out-dir, or into
    /// the folder --output names.
    Build(BuildArgs),
    /// How two actors are connected: the shortest chains, each hop with its
    /// relation, its true direction and the sentence that states it.
    ///
    /// Exit 0 with a path, 1 when there is none, 2 for an unknown or
    /// ambiguous name. Paths go through actors; role and claim nodes only
    /// with --through roles,claims.
    Path(query::PathArgs),
    /// A node's relations, grouped by type, with their best evidence.
    Neighbors(query::NeighborsArgs),
    /// Central actors by kind: PageRank and degree on the undirected view.
    Top(query::TopArgs),
    /// The ego network of a node, as DOT, GraphML or JSON.
    Subgraph(query::SubgraphArgs),
    /// Counts: nodes by kind, edges by relation, documents, components.
    Stats(query::StatsArgs),
    /// What the reading did not understand: unknown verbs and nouns
    /// between actors, names of no kind, titles, ambiguous surnames.
    ///
    /// Ranked by the edges each would add, with two example sentences, each
    /// as a row of a lexicon file: copy the rows you accept into a folder
    /// and rerun with --lexicon FOLDER.
    Report(report::ReportArgs),
    /// The map of a map/merge split: read articles and write, for each, one
    /// JSON line of what it says on its own (its sentences and mentions),
    /// for `trame merge`.
    ///
    /// Each document is read apart from the others, so any number of
    /// `extract` processes (GNU parallel, a Spark RDD.pipe) may share a
    /// corpus; an empty input writes nothing. The records carry the text.
    Extract(ExtractArgs),
    /// The merge of a map/merge split: read the records of `trame extract`
    /// and build the graph and its exports, the same bytes as `trame build`
    /// on the same documents.
    ///
    /// Records are keyed by document: the order of the files does not
    /// matter, a document given twice counts once, and `--format extract`
    /// writes the merged records, which merge again.
    Merge(MergeArgs),
    /// Print a completion script for a shell, e.g.
    /// `trame completions bash > ~/.local/share/bash-completion/completions/trame`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `trame man | man -l -`.
    Man,
}

#[derive(Debug, clap::Args)]
struct BuildArgs {
    /// Files or folders of .txt articles (folders are read recursively),
    /// JSON Lines files (.jsonl: one {"id", "text", "date", "title", "url"}
    /// object a line), or `-` for stdin.
    #[arg(default_value = "seeds")]
    inputs: Vec<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
    /// Where the documents' first reading waits for the later ones: `auto`
    /// keeps it in memory up to 32 MiB of text and writes it to a temporary
    /// file beyond (in TMPDIR, removed at once), `always`, or `never`. The
    /// outputs are the same bytes either way; the file costs time and saves
    /// memory (about four bytes a byte of text).
    #[arg(long, value_enum, default_value = "auto")]
    spill: SpillArg,
    #[command(flatten)]
    out: OutputArgs,
}

/// How articles are read: by `build` and `extract`.
#[derive(Debug, clap::Args)]
struct ReadArgs {
    /// How files and stdin are read: `auto` by extension (.jsonl and .ndjson
    /// are JSON Lines, anything else and stdin plain text), `text` or `jsonl`
    /// for every input.
    #[arg(long, value_enum, default_value = "auto")]
    input_format: InputFormatArg,
    /// A folder of extra lexicon files (countries.tsv, organizations.tsv…)
    /// read after the built-in ones.
    #[arg(long)]
    lexicon: Option<PathBuf>,
    /// Stop with an error instead of skipping an input file or folder that
    /// cannot be read (binary, special, too large, unreadable).
    #[arg(long)]
    strict: bool,
    /// Threads reading the documents (0: one a core). The outputs are the
    /// same bytes whatever the number.
    #[arg(long, short, value_name = "N", default_value_t = 0)]
    jobs: usize,
}

#[derive(Debug, clap::Args)]
struct ExtractArgs {
    /// Files or folders of .txt articles, JSON Lines files of articles, or
    /// `-` for stdin (with `--input-format jsonl` for JSON Lines on stdin).
    #[arg(default_value = "-")]
    inputs: Vec<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
    /// Where the records go ("-" for stdout).
    #[arg(long, short, default_value = "-")]
    output: PathBuf,
}

#[derive(Debug, clap::Args)]
struct MergeArgs {
    /// Files of records written by `trame extract` (or by `merge --format
    /// extract`), or `-` for stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// The --lexicon folder the records were extracted with.
    #[arg(long)]
    lexicon: Option<PathBuf>,
    /// Where the records' sentences wait for the passes: `auto` keeps them
    /// in memory up to 32 MiB of text and writes them to a temporary file
    /// beyond, `always`, or `never`. The outputs are the same bytes.
    #[arg(long, value_enum, default_value = "auto")]
    spill: SpillArg,
    /// Threads reading the documents (0: one a core). The outputs are the
    /// same bytes whatever the number.
    #[arg(long, short, value_name = "N", default_value_t = 0)]
    jobs: usize,
    #[command(flatten)]
    out: OutputArgs,
}

/// What a build writes, and where: `build` and `merge`.
#[derive(Debug, clap::Args)]
struct OutputArgs {
    /// Write only this format. `csv` writes nodes.csv and edges.csv; `svg`
    /// and `png` draw the DOT with Graphviz, which must be installed; `html`
    /// is one page to explore the graph in a browser, offline;
    /// `mentions` writes every entity mention as JSON Lines (mentions.jsonl);
    /// `extract` writes the documents' records as `trame extract` does
    /// (extract.jsonl), which `trame merge` reads.
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
    /// The file to write ("-" for stdout); the folder for csv. Without
    /// --format, the format is the file's extension (.json, .graphml, .gexf,
    /// .dot, .html, .svg, .png, .jsonl for the mentions).
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// The folder for the default exports.
    #[arg(long, default_value = "output")]
    out_dir: PathBuf,
    /// The Graphviz engine the DOT asks for, and that draws svg and png:
    /// `dot` (layered, with a legend cluster), `neato` (spring model, small
    /// graphs) or `sfdp` (large graphs).
    #[arg(long, value_enum, default_value = "dot")]
    layout: LayoutArg,
    /// DOT, svg and png draw at most this many nodes: past it, the most
    /// central actors and their roles (0 draws everything).
    #[arg(long, value_name = "N", default_value_t = DOT_LIMIT)]
    dot_limit: usize,
    #[command(flatten)]
    filter: FilterArgs,
}

/// What a build keeps of the graph before writing it.
#[derive(Debug, clap::Args)]
struct FilterArgs {
    /// Keep only nodes of these kinds (person,country,organization,location,role,claim).
    #[arg(long, value_delimiter = ',', value_parser = parse_kind)]
    kind: Vec<NodeKind>,
    /// Keep only edges of these relations (met,visited,…).
    #[arg(long, value_delimiter = ',', value_parser = parse_relation)]
    relation: Vec<Relation>,
    /// Keep no claim node.
    #[arg(long)]
    actors_only: bool,
    /// Keep only edges stated by at least N sentences.
    #[arg(long, value_name = "N", default_value_t = 0)]
    min_evidence: usize,
    /// Keep only evidence dated on or after this day (YYYY-MM-DD); undated evidence is left out.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    since: Option<String>,
    /// Keep only evidence dated on or before this day (YYYY-MM-DD); undated evidence is left out.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    until: Option<String>,
    /// Leave out nodes that no kept edge touches.
    #[arg(long)]
    drop_isolated: bool,
}

impl FilterArgs {
    fn filter(&self) -> Filter {
        Filter {
            kinds: self.kind.clone(),
            relations: self.relation.clone(),
            actors_only: self.actors_only,
            min_evidence: self.min_evidence,
            since: self.since.clone(),
            until: self.until.clone(),
            drop_isolated: self.drop_isolated,
        }
    }
}

fn parse_kind(s: &str) -> std::result::Result<NodeKind, String> {
    NodeKind::parse(s.trim()).ok_or_else(|| {
        let all: Vec<&str> = NodeKind::ALL.iter().map(|k| k.as_str()).collect();
        format!("unknown kind {s:?} (one of {})", all.join(", "))
    })
}

fn parse_relation(s: &str) -> std::result::Result<Relation, String> {
    Relation::parse(s.trim()).ok_or_else(|| {
        let all: Vec<&str> = Relation::ALL.iter().map(|r| r.as_str()).collect();
        format!("unknown relation {s:?} (one of {})", all.join(", "))
    })
}

fn parse_day(s: &str) -> std::result::Result<String, String> {
    match crate::text::Date::parse_iso(s) {
        Some(d) if s.trim().len() == 10 => Ok(d.to_string()),
        _ => Err(format!("{s:?} is no date: write YYYY-MM-DD")),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    Json,
    Graphml,
    Gexf,
    Dot,
    Csv,
    Html,
    Svg,
    Png,
    Mentions,
    Extract,
}

impl FormatArg {
    /// The export format of the graph, or `None` for the pictures Graphviz
    /// draws and for the mentions, which are no graph.
    fn export(self) -> Option<Format> {
        match self {
            FormatArg::Json => Some(Format::Json),
            FormatArg::Graphml => Some(Format::Graphml),
            FormatArg::Gexf => Some(Format::Gexf),
            FormatArg::Dot => Some(Format::Dot),
            FormatArg::Csv => Some(Format::Csv),
            FormatArg::Html => Some(Format::Html),
            FormatArg::Svg | FormatArg::Png | FormatArg::Mentions | FormatArg::Extract => None,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum SpillArg {
    Auto,
    Always,
    Never,
}

impl From<SpillArg> for crate::extract::Spill {
    fn from(s: SpillArg) -> crate::extract::Spill {
        match s {
            SpillArg::Auto => crate::extract::Spill::Auto,
            SpillArg::Always => crate::extract::Spill::Always,
            SpillArg::Never => crate::extract::Spill::Never,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum InputFormatArg {
    Auto,
    Text,
    Jsonl,
}

impl From<InputFormatArg> for input::InputFormat {
    fn from(f: InputFormatArg) -> input::InputFormat {
        match f {
            InputFormatArg::Auto => input::InputFormat::Auto,
            InputFormatArg::Text => input::InputFormat::Text,
            InputFormatArg::Jsonl => input::InputFormat::Jsonl,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LayoutArg {
    Dot,
    Neato,
    Sfdp,
}

impl From<LayoutArg> for Layout {
    fn from(l: LayoutArg) -> Layout {
        match l {
            LayoutArg::Dot => Layout::Dot,
            LayoutArg::Neato => Layout::Neato,
            LayoutArg::Sfdp => Layout::Sfdp,
        }
    }
}

/// How many nodes a picture (DOT, svg, png) draws by default.
pub const DOT_LIMIT: usize = 300;

/// The formats `trame build` writes by default.
pub const DEFAULT_FORMATS: [Format; 5] = [Format::Json, Format::Graphml, Format::Gexf, Format::Dot, Format::Html];

/// Runs a parsed command line.
pub fn run(args: Args) -> Result<ExitCode> {
    let env = |name: &str| std::env::var(name).ok();
    COLOR.store(color_on(args.color, env, io::stdout().is_terminal()), Ordering::Relaxed);
    QUIET.store(args.quiet, Ordering::Relaxed);
    VERBOSE.store(args.verbose, Ordering::Relaxed);
    match args.command {
        Command::Completions { shell } => {
            let mut cmd = Args::command();
            let mut out = io::stdout().lock();
            clap_complete::generate(shell, &mut cmd, "trame", &mut out);
            out.flush().map_err(|source| Error::Io { path: "<stdout>".into(), source })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            let mut out = io::stdout().lock();
            let written = clap_mangen::Man::new(Args::command()).render(&mut out).and_then(|_| out.flush());
            written.map_err(|source| Error::Io { path: "<stdout>".into(), source })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Build(b) => build(b),
        Command::Extract(a) => extract(a),
        Command::Merge(a) => merge(a),
        Command::Path(a) => query::path(a),
        Command::Neighbors(a) => query::neighbors(a),
        Command::Top(a) => query::top(a),
        Command::Subgraph(a) => query::subgraph(a),
        Command::Stats(a) => query::stats(a),
        Command::Report(a) => report::report(a),
    }
}

/// The format an output file's extension names.
fn format_of(path: &Path) -> Result<FormatArg> {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    let known = [
        ("json", FormatArg::Json),
        ("graphml", FormatArg::Graphml),
        ("gexf", FormatArg::Gexf),
        ("dot", FormatArg::Dot),
        ("gv", FormatArg::Dot),
        ("html", FormatArg::Html),
        ("svg", FormatArg::Svg),
        ("png", FormatArg::Png),
        ("jsonl", FormatArg::Mentions),
    ];
    let names: Vec<String> = known.iter().map(|(e, _)| format!(".{e}")).collect();
    if path.as_os_str() == "-" {
        return Err(Error::Input(format!(
            "--output - needs --format: stdout has no extension to tell the format (one of {})",
            FormatArg::value_variants()
                .iter()
                .filter_map(|v| v.to_possible_value())
                .map(|v| v.get_name().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    match ext.as_deref().and_then(|e| known.iter().find(|(k, _)| *k == e)) {
        Some((_, f)) => Ok(*f),
        None => Err(Error::Input(format!(
            "--output {}: no format for {}; give --format, or an extension among {}",
            path.display(),
            ext.map(|e| format!("the extension .{e}")).unwrap_or_else(|| "a file without extension".into()),
            names.join(", ")
        ))),
    }
}

fn build(mut args: BuildArgs) -> Result<ExitCode> {
    let started = Instant::now();
    args.out.settle()?;
    let owned = lexicon_of(args.read.lexicon.as_deref())?;
    let lexicon = owned.as_ref().unwrap_or_else(|| Lexicon::builtin());
    let loaded = load_articles(&args.inputs, &args.read)?;
    if loaded.docs.is_empty() {
        let names: Vec<String> = args.inputs.iter().map(|p| p.display().to_string()).collect();
        return Err(Error::Input(format!(
            "no article to read in {} (expected .txt files of text or .jsonl files of articles)",
            names.join(", ")
        )));
    }
    if args.out.format == Some(FormatArg::Extract) {
        let bar = progress::Bar::new(loaded.docs.len() as u64, quiet());
        let step = |n| bar.inc(n);
        let records = Pipeline::new(lexicon).with_jobs(args.read.jobs).with_progress(&step).extract(&loaded.docs);
        bar.clear();
        let path = args.out.output.clone().unwrap_or_else(|| args.out.out_dir.join("extract.jsonl"));
        write_atomic(&path, |w| split::write_records(&records, w))?;
        if !quiet() {
            let sentences = records.iter().map(|r| r.sentences.len()).sum();
            eprintln!("{}", extract_summary(records.len(), sentences, started.elapsed().as_millis()));
        }
        return Ok(ExitCode::SUCCESS);
    }
    let sentences = std::sync::atomic::AtomicUsize::new(0);
    let bar = progress::Bar::new(crate::extract::PASSES * loaded.docs.len() as u64, quiet());
    let step = |n| bar.inc(n);
    let pipeline = Pipeline::new(lexicon)
        .with_jobs(args.read.jobs)
        .with_spill(args.spill.into())
        .with_sentence_count(&sentences)
        .with_progress(&step);
    let (graph, mentions) = if args.out.format == Some(FormatArg::Mentions) {
        pipeline.run_with_mentions(&loaded.docs)
    } else {
        (pipeline.run(&loaded.docs), Vec::new())
    };
    bar.clear();
    let graph = args.out.publish(graph, &mentions)?;
    if !quiet() {
        // A bad line of JSON Lines is skipped as "line N: …" of its file.
        let lines = loaded.skipped.iter().filter(|s| s.reason.starts_with("line ")).count();
        let files = loaded.skipped.len() - lines;
        let sentences = sentences.load(std::sync::atomic::Ordering::Relaxed);
        let mut line = summary(&graph, loaded.docs.len(), sentences, files, started.elapsed().as_millis());
        if lines > 0 {
            line.push_str(&format!(" ({lines} JSON lines skipped)"));
        }
        eprintln!("{line}");
    }
    Ok(ExitCode::SUCCESS)
}

/// `trame extract`: the records of the articles, in document order.
fn extract(args: ExtractArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let owned = lexicon_of(args.read.lexicon.as_deref())?;
    let lexicon = owned.as_ref().unwrap_or_else(|| Lexicon::builtin());
    let mut loaded = input::load_with(&args.inputs, args.read.input_format.into())?;
    // A map over an empty stdin (an empty partition of a cluster) is no
    // news: stdin blank, or of JSON Lines with no line at all.
    let stdin = |s: &input::Skipped| s.path.as_os_str() == input::STDIN_PATH;
    let bad_lines = loaded.skipped.iter().any(|s| stdin(s) && s.reason.starts_with("line "));
    loaded
        .skipped
        .retain(|s| !(stdin(s) && (s.reason == "is empty" || !bad_lines && s.reason.starts_with("has no article"))));
    report_inputs(&loaded, args.read.strict, quiet())?;
    let bar = progress::Bar::new(loaded.docs.len() as u64, quiet());
    let step = |n| bar.inc(n);
    let records = Pipeline::new(lexicon).with_jobs(args.read.jobs).with_progress(&step).extract(&loaded.docs);
    bar.clear();
    // A map over no document writes nothing (an empty partition of a cluster).
    write_atomic(&args.output, |w| split::write_records(&records, w))?;
    if !quiet() {
        let sentences = records.iter().map(|r| r.sentences.len()).sum();
        eprintln!("{}", extract_summary(records.len(), sentences, started.elapsed().as_millis()));
    }
    Ok(ExitCode::SUCCESS)
}

/// The line `extract` prints after its work.
fn extract_summary(docs: usize, sentences: usize, millis: u128) -> String {
    format!("trame: extracted {docs} documents ({sentences} sentences) in {millis} ms")
}

/// `trame merge`: the records of every input, one per document, made into
/// the graph and its exports.
fn merge(mut args: MergeArgs) -> Result<ExitCode> {
    let started = Instant::now();
    args.out.settle()?;
    let owned = lexicon_of(args.lexicon.as_deref())?;
    let lexicon = owned.as_ref().unwrap_or_else(|| Lexicon::builtin());
    let mut corpus = split::Corpus::with_spill(args.spill.into()).with_jobs(args.jobs);
    for path in &args.inputs {
        let name = path.display().to_string();
        let read = if path.as_os_str() == "-" {
            corpus.read(lexicon, "<stdin>", io::stdin().lock())
        } else {
            let file = std::fs::File::open(path).map_err(|source| Error::Io { path: path.clone(), source })?;
            if file.metadata().is_ok_and(|m| m.is_dir()) {
                return Err(Error::Input(format!("{name}: a folder; give the files of records `trame extract` wrote")));
            }
            corpus.read(lexicon, &name, io::BufReader::new(file))
        };
        read.map_err(Error::Input)?;
    }
    let corpus = corpus.finish();
    if corpus.is_empty() {
        let names: Vec<String> = args.inputs.iter().map(|p| p.display().to_string()).collect();
        return Err(Error::Input(format!(
            "no record to merge in {} (write them with `trame extract`)",
            names.join(", ")
        )));
    }
    let (docs, sentences) = (corpus.len(), corpus.sentences());
    if args.out.format == Some(FormatArg::Extract) {
        let path = args.out.output.clone().unwrap_or_else(|| args.out.out_dir.join("extract.jsonl"));
        write_atomic(&path, |w| corpus.write(w))?;
        if !quiet() {
            eprintln!("trame: merged the records of {docs} documents ({sentences} sentences)");
        }
        return Ok(ExitCode::SUCCESS);
    }
    let bar = progress::Bar::new((crate::extract::PASSES - 1) * docs as u64, quiet());
    let step = |n| bar.inc(n);
    let pipeline = Pipeline::new(lexicon).with_jobs(args.jobs).with_progress(&step);
    let (graph, mentions) = if args.out.format == Some(FormatArg::Mentions) {
        pipeline.run_corpus_with_mentions(corpus)
    } else {
        (pipeline.run_corpus(corpus), Vec::new())
    };
    bar.clear();
    let graph = args.out.publish(graph, &mentions)?;
    if !quiet() {
        eprintln!("{}", summary(&graph, docs, sentences, 0, started.elapsed().as_millis()));
    }
    Ok(ExitCode::SUCCESS)
}

/// The lexicon of `--lexicon DIR`, or `None` for the built-in one.
fn lexicon_of(dir: Option<&Path>) -> Result<Option<Lexicon>> {
    let Some(dir) = dir else { return Ok(None) };
    if !dir.is_dir() {
        let what = if dir.exists() { "is not a folder" } else { "no such folder" };
        return Err(Error::Input(format!("--lexicon {}: {what} (give a folder of lexicon .tsv files)", dir.display())));
    }
    Lexicon::with_dir(dir).map(Some)
}

/// Loads the articles of the inputs, printing what loading has to say.
fn load_articles(inputs: &[PathBuf], read: &ReadArgs) -> Result<input::Loaded> {
    let loaded = input::load_with(inputs, read.input_format.into())?;
    report_inputs(&loaded, read.strict, quiet())?;
    Ok(loaded)
}

impl OutputArgs {
    /// The format from the output's extension when none is given, and the
    /// formats that cannot go where they are asked to.
    fn settle(&mut self) -> Result<()> {
        if self.format.is_none() {
            if let Some(out) = &self.output {
                self.format = Some(format_of(out)?);
            }
        }
        if self.format == Some(FormatArg::Csv) && self.output.as_ref().is_some_and(|o| o.as_os_str() == "-") {
            return Err(Error::Input(
                "--format csv writes two files (nodes.csv and edges.csv), which cannot share one stream: \
                 give --output a folder, or choose another format for stdout"
                    .into(),
            ));
        }
        Ok(())
    }

    /// Filters the graph and writes what was asked; returns the graph written.
    fn publish(&self, graph: Graph, mentions: &[crate::extract::MentionRecord]) -> Result<Graph> {
        let filter = self.filter.filter();
        let graph = if filter.is_noop() { graph } else { crate::graph::filter::apply(&graph, &filter) };
        let layout = Layout::from(self.layout);
        let draws = matches!(self.format, None | Some(FormatArg::Dot | FormatArg::Svg | FormatArg::Png));
        let central = if draws { crate::graph::filter::central(&graph, self.dot_limit) } else { None };
        if let Some(c) = &central {
            if !quiet() {
                eprintln!("{}", central_note(&graph, c));
            }
        }
        let drawn = central.as_ref().map_or(&graph, |c| &c.graph);
        match self.format {
            Some(FormatArg::Mentions) => {
                let path = self.output.clone().unwrap_or_else(|| self.out_dir.join("mentions.jsonl"));
                write_atomic(&path, |w| export::mentions::write(mentions, w))?;
            }
            Some(FormatArg::Extract) => unreachable!("the records are written before the graph is built"),
            None => {
                let parts: Vec<publish::Part> = DEFAULT_FORMATS
                    .iter()
                    .map(|&f| -> publish::Part {
                        let graph = if f == Format::Dot { drawn } else { &graph };
                        (format!("graph.{}", f.extension()), Box::new(move |w| write_one(graph, f, layout, w)))
                    })
                    .collect();
                publish::publish_set(&self.out_dir, publish::SETS[0], true, &parts)?;
            }
            Some(picture @ (FormatArg::Svg | FormatArg::Png)) => {
                let ext = if picture == FormatArg::Svg { "svg" } else { "png" };
                let bytes = render(drawn, layout, ext)?;
                let path = self.output.clone().unwrap_or_else(|| self.out_dir.join(format!("graph.{ext}")));
                write_atomic(&path, |w| w.write_all(&bytes))?;
            }
            Some(FormatArg::Csv) if self.output.as_ref().is_some_and(|o| o.as_os_str() != "-") => {
                // For csv, --output names the folder of nodes.csv and edges.csv.
                write_format(&graph, Format::Csv, layout, self.output.as_deref().unwrap_or(&self.out_dir))?;
            }
            Some(f) => {
                let format = f.export().expect("pictures, mentions and records are handled above");
                let g = if format == Format::Dot { drawn } else { &graph };
                match &self.output {
                    Some(out) => write_atomic(out, |w| write_one(g, format, layout, w))?,
                    None => write_format(g, format, layout, &self.out_dir)?,
                }
            }
        }
        Ok(graph)
    }
}

/// What a picture of a large graph leaves out, and how to get it.
fn central_note(graph: &Graph, c: &crate::graph::filter::Central) -> String {
    format!(
        "trame: note: {} nodes are too many to draw; the DOT/picture shows the {} most central of {} actors \
         (PageRank) with their roles, leaving out {} nodes and {} edges (every other format has them all). \
         Draw everything with --dot-limit 0, or narrow the graph with `trame subgraph NAME`, --kind, \
         --relation or --min-evidence.",
        graph.nodes().len(),
        c.actors.0,
        c.actors.1,
        c.left_out.0,
        c.left_out.1
    )
}

/// Bad lines of one JSON Lines file named one by one; the rest are counted.
const MAX_LINE_WARNINGS: usize = 5;

/// Prints what loading the inputs has to say: a warning for each file or
/// folder skipped (an error with `strict`), then, unless `quiet`, a note for
/// each file read in another encoding than UTF-8, with characters replaced,
/// or a link not followed.
fn report_inputs(loaded: &input::Loaded, strict: bool, quiet: bool) -> Result<()> {
    // The bad lines of one JSON Lines file: the first few named, the rest
    // counted in one line (a file that is not JSON Lines at all would
    // otherwise print a warning for each of its lines).
    let mut lines_of: indexmap::IndexMap<&std::path::Path, usize> = indexmap::IndexMap::new();
    for s in &loaded.skipped {
        if strict {
            return Err(Error::Input(format!("{}: {} (--strict)", s.path.display(), s.reason)));
        }
        if s.reason.starts_with("line ") {
            let seen = lines_of.entry(s.path.as_path()).or_insert(0);
            *seen += 1;
            if *seen > MAX_LINE_WARNINGS {
                continue;
            }
        }
        eprintln!("trame: warning: skipped {}: {}", s.path.display(), s.reason);
    }
    for (path, n) in lines_of {
        if n > MAX_LINE_WARNINGS {
            eprintln!("trame: warning: skipped {} more bad lines of {}", n - MAX_LINE_WARNINGS, path.display());
        }
    }
    if !quiet {
        for n in &loaded.notes {
            eprintln!("trame: note: {}: {}", n.path.display(), n.message);
        }
    }
    Ok(())
}

/// The one-line summary printed after a build.
pub fn summary(graph: &Graph, docs: usize, sentences: usize, skipped: usize, millis: u128) -> String {
    let kinds: Vec<String> = NodeKind::ALL
        .iter()
        .map(|k| (k, graph.count_kind(*k)))
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| format!("{n} {}", k.as_str()))
        .collect();
    let mut rels: BTreeMap<&str, usize> = BTreeMap::new();
    for r in Relation::ALL {
        let n = graph.count_relation(r);
        if n > 0 {
            rels.insert(r.as_str(), n);
        }
    }
    let rels: Vec<String> = rels.iter().map(|(r, n)| format!("{n} {r}")).collect();
    let skipped = if skipped > 0 { format!(", {skipped} files skipped") } else { String::new() };
    format!(
        "trame: {docs} documents, {sentences} sentences, {} nodes ({}), {} edges ({}){skipped}, {millis} ms",
        graph.nodes().len(),
        kinds.join(", "),
        graph.edges().len(),
        rels.join(", ")
    )
}

/// Writes one format into `dir`, under its usual file names; the two CSV
/// files as one set.
fn write_format(graph: &Graph, format: Format, layout: Layout, dir: &Path) -> Result<()> {
    match format {
        Format::Csv => {
            let parts: Vec<publish::Part> = vec![
                ("nodes.csv".into(), Box::new(|w| export::csv::write_nodes(graph, w))),
                ("edges.csv".into(), Box::new(|w| export::csv::write_edges(graph, w))),
            ];
            publish::publish_set(dir, publish::SETS[1], false, &parts)
        }
        f => write_atomic(&dir.join(format!("graph.{}", f.extension())), |w| write_one(graph, f, layout, w)),
    }
}

/// Writes one format to one stream; DOT asks for `layout`.
fn write_one(graph: &Graph, format: Format, layout: Layout, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Dot => export::dot::write(graph, layout, out),
        f => export::write(graph, f, out),
    }
}

/// Draws the graph with Graphviz: the DOT for `layout`, piped into
/// `dot -T<ext> -K<engine>`. The picture is returned whole, so that nothing
/// is written when Graphviz is missing or fails.
fn render(graph: &Graph, layout: Layout, ext: &str) -> Result<Vec<u8>> {
    let mut source = Vec::new();
    export::dot::write(graph, layout, &mut source).map_err(|e| Error::Input(format!("dot: {e}")))?;
    let engine = match layout {
        Layout::Dot => "dot",
        Layout::Neato => "neato",
        Layout::Sfdp => "sfdp",
    };
    let spawned = process::Command::new("dot")
        .arg(format!("-T{ext}"))
        .arg(format!("-K{engine}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(Error::Input(format!(
                "--format {ext} needs Graphviz's `dot`, which is not installed: apt-get install graphviz (or brew install graphviz)"
            )))
        }
        Err(e) => return Err(Error::Input(format!("could not run graphviz `dot`: {e}"))),
    };
    // Feed stdin from a thread: dot may fill its stdout pipe before reading all of stdin.
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let feeder = std::thread::spawn(move || stdin.write_all(&source));
    let output = child.wait_with_output().map_err(|e| Error::Input(format!("graphviz `dot` failed: {e}")))?;
    let fed = feeder.join().unwrap_or_else(|_| Err(io::Error::other("stdin thread panicked")));
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() || fed.is_err() {
        let first = stderr.lines().next().unwrap_or("no message");
        return Err(Error::Input(format!("graphviz `dot -T{ext} -K{engine}` failed ({}): {first}", output.status)));
    }
    for line in stderr.lines() {
        eprintln!("trame: warning: graphviz: {line}");
    }
    Ok(output.stdout)
}

/// Nodes to suggest for a name that names none: what the lexicon knows it
/// as (`USA` is the country États-Unis), then the nodes whose label or
/// alias begins with it as whole words (`Corée` → Corée du Nord, Corée du
/// Sud), then `close` (the nearest spellings), without repeats, at most 8.
fn suggestions(ix: &crate::graph::Index, asked: &str, close: &[usize]) -> Vec<usize> {
    use crate::graph::node_id;
    let lx = Lexicon::builtin();
    let mut out: Vec<usize> = Vec::new();
    let known = [
        lx.country_named(asked).map(|c| node_id(NodeKind::Country, &lx.countries[c as usize].label)),
        lx.org_named(asked).map(|o| node_id(NodeKind::Organization, &lx.orgs[o as usize].label)),
    ];
    out.extend(known.iter().flatten().filter_map(|id| ix.find_id(id)));
    let key = crate::text::fold(asked.trim());
    if !key.is_empty() {
        let begins = |name: &str| {
            let name = crate::text::fold(name);
            name.strip_prefix(key.as_str()).is_some_and(|rest| rest.starts_with([' ', '-', '\'']))
        };
        let mut prefixed: Vec<usize> =
            (0..ix.node_count()).filter(|&n| begins(ix.label(n)) || ix.aliases(n).any(&begins)).collect();
        prefixed.sort_by_key(|&n| std::cmp::Reverse(ix.mentions(n)));
        out.extend(prefixed);
    }
    out.extend_from_slice(close);
    let mut seen = std::collections::HashSet::new();
    out.retain(|n| seen.insert(*n));
    out.truncate(8);
    out
}

/// The graph of a `.graphml` or `.gexf` file given to `--graph`, or `None`
/// for any other file (the JSON, read through its cache). What the reader
/// had to fill in is said as notes on stderr.
fn read_xml_graph(path: &Path) -> Result<Option<Graph>> {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    if !matches!(ext.as_deref(), Some("graphml" | "gexf")) {
        return Ok(None);
    }
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| {
        if source.kind() == io::ErrorKind::NotFound {
            Error::Input(format!("{name}: no such graph"))
        } else {
            Error::Io { path: path.to_path_buf(), source }
        }
    })?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|e| Error::Input(format!("{name}: not UTF-8 ({e}); save the file as UTF-8")))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let loaded = crate::graph::xml::from_xml(text, &name).map_err(|m| Error::Input(format!("{name}: {m}")))?;
    for note in loaded.notes.iter().filter(|_| !quiet()) {
        eprintln!("trame: note: {name}: {note}");
    }
    Ok(Some(loaded.graph))
}

/// Writes a file through `write`, or stdout for `-`: through a synced
/// temporary renamed into place, under the folder's lock (`cli/publish.rs`).
fn write_atomic(path: &Path, write: impl Fn(&mut dyn Write) -> io::Result<()>) -> Result<()> {
    publish::write_file(path, &write)?;
    if verbose() && path.as_os_str() != "-" {
        eprintln!("trame: wrote {}", path.display());
    }
    Ok(())
}
