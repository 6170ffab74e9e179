//! `trame report`: what the reading did not understand, as lexicon rows.
//!
//! Reads the same inputs as `build`, runs the pipeline with a collector
//! (`extract::report`) and prints its items on stdout: as text (each item
//! with its row and two example sentences), as TSV (blocks that paste into
//! the lexicon files of a `--lexicon` folder, the rest as `#` comments), or
//! as JSON.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use serde_json::{json, Value};

use crate::error::{Error, Result};
use crate::extract::report::{header, Item, Report, Section};
use crate::input;
use crate::lexicon::Lexicon;
use crate::Pipeline;

#[derive(Debug, clap::Args)]
pub(super) struct ReportArgs {
    /// Files or folders of .txt articles (folders are read recursively).
    #[arg(default_value = "seeds")]
    inputs: Vec<PathBuf>,
    /// `text` to read, `tsv` to paste into lexicon files, `json` for scripts.
    #[arg(long, value_enum, default_value = "text")]
    format: ReportFormat,
    /// Items kept per section, best first.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// A folder of extra lexicon files read after the built-in ones, as
    /// for `build` (so that accepted rows leave the report).
    #[arg(long)]
    lexicon: Option<PathBuf>,
    /// Stop with an error instead of skipping an input that cannot be read.
    #[arg(long)]
    strict: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ReportFormat {
    Text,
    Tsv,
    Json,
}

pub(super) fn report(args: ReportArgs) -> Result<ExitCode> {
    let owned;
    let lexicon: &Lexicon = match &args.lexicon {
        Some(dir) => {
            owned = Lexicon::with_dir(dir)?;
            &owned
        }
        None => Lexicon::builtin(),
    };
    let loaded = input::load(&args.inputs)?;
    super::report_inputs(&loaded, args.strict, super::quiet())?;
    if loaded.docs.is_empty() {
        let names: Vec<String> = args.inputs.iter().map(|p| p.display().to_string()).collect();
        return Err(Error::Input(format!("no article to read in {} (expected .txt files of text)", names.join(", "))));
    }
    let (graph, mut rep) = Pipeline::new(lexicon).report(&loaded.docs);
    rep.truncate(args.limit);
    let out = match args.format {
        ReportFormat::Text => text(&rep, loaded.docs.len(), graph.edges().len()),
        ReportFormat::Tsv => tsv(&rep),
        ReportFormat::Json => {
            let mut s = serde_json::to_string_pretty(&to_json(&rep, loaded.docs.len())).expect("a JSON value prints");
            s.push('\n');
            s
        }
    };
    match io::stdout().lock().write_all(out.as_bytes()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(Error::Io { path: PathBuf::from("<stdout>"), source: e })
        }
        _ => Ok(ExitCode::SUCCESS),
    }
}

fn text(rep: &Report, docs: usize, edges: usize) -> String {
    let mut s = format!(
        "trame report: {docs} documents, {edges} edges built; what was not understood, ranked by the edges each row would add.\n\
         Copy the rows you accept into FILE in a folder and rerun with --lexicon FOLDER (edit the relation or kind where it is wrong).\n"
    );
    for section in Section::ALL {
        let items: Vec<&Item> = rep.section(section).collect();
        s.push_str(&format!("\n== {} ({}) ==\n", section.title(), items.len()));
        for (k, it) in items.iter().enumerate() {
            s.push_str(&format!(
                "\n{:>3}. {}  [{}]  {} new edges, seen {}\n",
                k + 1,
                it.key,
                it.pattern,
                it.edges,
                it.seen
            ));
            match (&it.file, &it.row) {
                (Some(file), Some(row)) => s.push_str(&format!("     {file}: {}\n", row.replace('\t', " │ "))),
                _ => s.push_str("     (no lexicon row)\n"),
            }
            if !it.note.is_empty() {
                s.push_str(&format!("     {}\n", it.note));
            }
            for e in &it.examples {
                s.push_str(&format!("     {}, sentence {}: « {} »\n", e.doc, e.sentence, e.text));
            }
        }
    }
    s
}

/// One block per lexicon file, with its header, each row after a comment
/// saying what it would add; items with no row as comments.
fn tsv(rep: &Report) -> String {
    let mut files: Vec<&'static str> = Vec::new();
    for it in &rep.items {
        if let Some(f) = it.file.filter(|f| !files.contains(f)) {
            files.push(f);
        }
    }
    let mut s = String::new();
    for file in files {
        s.push_str(&format!("# ==> {file} <==\n{}\n", header(file).unwrap_or("")));
        for it in rep.items.iter().filter(|i| i.file == Some(file)) {
            s.push_str(&comment(it));
            if let Some(row) = &it.row {
                s.push_str(row);
                s.push('\n');
            }
        }
        s.push('\n');
    }
    let rest: Vec<&Item> = rep.items.iter().filter(|i| i.row.is_none()).collect();
    if !rest.is_empty() {
        s.push_str("# ==> no lexicon row <==\n");
        for it in rest {
            s.push_str(&comment(it));
        }
    }
    s
}

fn comment(it: &Item) -> String {
    let ex: Vec<String> = it.examples.iter().map(|e| format!("{}:{}", e.doc, e.sentence)).collect();
    format!(
        "# {} {} [{}]: {} new edges, seen {} ({}); {}\n",
        it.section.as_str(),
        it.key,
        it.pattern,
        it.edges,
        it.seen,
        ex.join(", "),
        it.note
    )
}

fn to_json(rep: &Report, docs: usize) -> Value {
    let items: Vec<Value> = rep
        .items
        .iter()
        .map(|it| {
            json!({
                "section": it.section.as_str(),
                "key": it.key,
                "pattern": it.pattern,
                "edges": it.edges,
                "seen": it.seen,
                "file": it.file,
                "row": it.row,
                "note": it.note,
                "examples": it.examples.iter().map(|e| json!({"doc": e.doc, "sentence": e.sentence, "text": e.text})).collect::<Vec<_>>(),
            })
        })
        .collect();
    let headers: serde_json::Map<String, Value> =
        ["frames.tsv", "organizations.tsv", "locations.tsv", "given_names.tsv", "roles.tsv"]
            .iter()
            .map(|f| (f.to_string(), Value::String(header(f).unwrap_or("").to_string())))
            .collect();
    json!({"documents": docs, "headers": headers, "items": items})
}
