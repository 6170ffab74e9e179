//! Reading articles from the file system: files and folders of `.txt`.
//!
//! The only place besides the CLI that touches the disk for input. A path
//! that does not exist is an error; inside the inputs, a file that cannot be
//! read, is not UTF-8, looks binary, is empty or is too large is skipped
//! with a reason, and the caller decides whether a skip is fatal (`--strict`).

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::text::Document;

/// Files larger than this are skipped: a news article is kilobytes.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A file left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The file.
    pub path: PathBuf,
    /// Why, in a few lowercase words.
    pub reason: String,
}

/// What the inputs gave.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Documents sorted by name (then path), so output never depends on argument order.
    pub docs: Vec<Document>,
    /// Files left out.
    pub skipped: Vec<Skipped>,
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
    Ok(())
}

/// Reads one file into a document, or says why it is skipped.
pub fn load_file(path: &Path) -> std::result::Result<Document, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot be read: {e}"))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "is {} MiB, more than the {} MiB an article may have",
            meta.len() / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot be read: {e}"))?;
    if bytes.contains(&0) {
        return Err("looks binary (it holds NUL bytes)".into());
    }
    let mut text = String::from_utf8(bytes).map_err(|e| {
        format!("is not valid UTF-8 (first bad byte at offset {}); convert it with iconv", e.utf8_error().valid_up_to())
    })?;
    if text.starts_with('\u{feff}') {
        text.remove(0);
    }
    if text.trim().is_empty() {
        return Err("is empty".into());
    }
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    Ok(Document::new(name, text))
}

/// Loads every input: files as given, folders recursively (`*.txt`).
/// Two files with the same name keep their path as document name.
pub fn load(inputs: &[PathBuf]) -> Result<Loaded> {
    let mut files = Vec::new();
    for input in inputs {
        if !input.exists() {
            return Err(Error::Input(format!("{}: no such file or folder", input.display())));
        }
        if input.is_dir() {
            collect(input, &mut files).map_err(|source| Error::Io { path: input.clone(), source })?;
        } else {
            files.push(input.clone());
        }
    }
    files.sort();
    files.dedup();
    let mut loaded = Loaded::default();
    let mut docs: Vec<(PathBuf, Document)> = Vec::new();
    for path in files {
        match load_file(&path) {
            Ok(doc) => docs.push((path, doc)),
            Err(reason) => loaded.skipped.push(Skipped { path, reason }),
        }
    }
    let mut names: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (_, d) in &docs {
        *names.entry(d.name.clone()).or_default() += 1;
    }
    for (path, d) in &mut docs {
        if names[&d.name] > 1 {
            d.name = path.display().to_string();
        }
    }
    docs.sort_by(|a, b| (&a.1.name, &a.0).cmp(&(&b.1.name, &b.0)));
    loaded.docs = docs.into_iter().map(|(_, d)| d).collect();
    Ok(loaded)
}
