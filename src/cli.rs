//! The command line: clap types and their translation into library calls.
//! The only module that prints, reads the environment or writes files.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};

use crate::error::{Error, Result};
use crate::export::{self, Format};
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
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the graph from articles and export it.
    ///
    /// Without --format, writes graph.json, graph.graphml, graph.gexf and
    /// graph.dot into --out-dir. With --format, writes that one format to
    /// --output (or to --out-dir/graph.EXT); `--output -` writes to stdout.
    Build(BuildArgs),
}

#[derive(Debug, clap::Args)]
struct BuildArgs {
    /// Files or folders of .txt articles (folders are read recursively).
    #[arg(default_value = "seeds")]
    inputs: Vec<PathBuf>,
    /// Write only this format.
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
    /// The file to write with --format ("-" for stdout).
    #[arg(long, short, requires = "format")]
    output: Option<PathBuf>,
    /// The folder for the default exports.
    #[arg(long, default_value = "output")]
    out_dir: PathBuf,
    /// A folder of extra lexicon files (countries.tsv, organizations.tsv…)
    /// read after the built-in ones.
    #[arg(long)]
    lexicon: Option<PathBuf>,
    /// Stop with an error instead of skipping an unreadable input file.
    #[arg(long)]
    strict: bool,
    /// Print no summary.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    Json,
    Graphml,
    Gexf,
    Dot,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Json => Format::Json,
            FormatArg::Graphml => Format::Graphml,
            FormatArg::Gexf => Format::Gexf,
            FormatArg::Dot => Format::Dot,
        }
    }
}

/// The formats `trame build` writes by default.
pub const DEFAULT_FORMATS: [Format; 4] = [Format::Json, Format::Graphml, Format::Gexf, Format::Dot];

/// Runs a parsed command line.
pub fn run(args: Args) -> Result<ExitCode> {
    match args.command {
        Command::Build(b) => build(b),
    }
}

fn build(args: BuildArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let owned;
    let lexicon: &Lexicon = match &args.lexicon {
        Some(dir) => {
            owned = Lexicon::with_dir(dir)?;
            &owned
        }
        None => Lexicon::builtin(),
    };
    let loaded = input::load(&args.inputs)?;
    for s in &loaded.skipped {
        if args.strict {
            return Err(Error::Input(format!("{}: {} (--strict)", s.path.display(), s.reason)));
        }
        eprintln!("trame: warning: skipped {}: {}", s.path.display(), s.reason);
    }
    if loaded.docs.is_empty() {
        let names: Vec<String> = args.inputs.iter().map(|p| p.display().to_string()).collect();
        return Err(Error::Input(format!("no article to read in {} (expected UTF-8 .txt files)", names.join(", "))));
    }
    let graph = Pipeline::new(lexicon).run(&loaded.docs);
    let targets: Vec<(Format, PathBuf)> = match (args.format, &args.output) {
        (Some(f), Some(out)) => vec![(f.into(), out.clone())],
        (Some(f), None) => vec![(f.into(), args.out_dir.join(format!("graph.{}", Format::from(f).extension())))],
        (None, _) => {
            DEFAULT_FORMATS.iter().map(|f| (*f, args.out_dir.join(format!("graph.{}", f.extension())))).collect()
        }
    };
    for (format, path) in &targets {
        write_export(&graph, *format, path)?;
    }
    if !args.quiet {
        let sentences: usize = loaded.docs.iter().map(|d| crate::text::sentences(&d.text).len()).sum();
        eprintln!(
            "{}",
            summary(&graph, loaded.docs.len(), sentences, loaded.skipped.len(), started.elapsed().as_millis())
        );
    }
    Ok(ExitCode::SUCCESS)
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

/// Writes one export. A file is written beside its final name and renamed
/// into place, so an existing file is never left half-written.
fn write_export(graph: &Graph, format: Format, path: &Path) -> Result<()> {
    if path.as_os_str() == "-" {
        let stdout = io::stdout();
        let mut lock = stdout.lock();
        let io_err = |source| Error::Io { path: PathBuf::from("<stdout>"), source };
        export::write(graph, format, &mut lock).map_err(io_err)?;
        return lock.flush().map_err(io_err);
    }
    let io_err = |source| Error::Io { path: path.to_path_buf(), source };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
    }
    let file_name = path.file_name().ok_or_else(|| Error::Input(format!("{}: not a file name", path.display())))?;
    let tmp = path.with_file_name(format!(".{}.tmp-{}", file_name.to_string_lossy(), std::process::id()));
    let result = (|| {
        let mut f = io::BufWriter::new(fs::File::create(&tmp)?);
        export::write(graph, format, &mut f)?;
        f.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(io_err)
}
