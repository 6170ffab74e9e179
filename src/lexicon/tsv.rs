//! The lexicon file format: UTF-8 text, `#` comment lines, one header row of
//! tab-separated column names, then one entry per line. Multi-valued cells
//! use `|`. Every built-in file and every user file goes through `parse`.

use crate::error::{Error, Result};

/// One data row, with its 1-based line number for error messages.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    /// Line in the file, from 1.
    pub line: usize,
    cells: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// The cell at `i`, trimmed; empty when the row is short.
    pub fn get(&self, i: usize) -> &'a str {
        self.cells.get(i).map_or("", |c| c.trim())
    }

    /// The `|`-separated values of cell `i`, without empty ones.
    pub fn list(&self, i: usize) -> Vec<&'a str> {
        self.get(i).split('|').map(str::trim).filter(|s| !s.is_empty()).collect()
    }
}

/// A parsed file.
#[derive(Debug)]
pub struct Table<'a> {
    /// The file's name, for messages.
    pub file: String,
    /// Column names.
    pub header: Vec<&'a str>,
    /// Data rows.
    pub rows: Vec<Row<'a>>,
}

impl Table<'_> {
    /// Index of a column, or an error naming the file.
    pub fn column(&self, name: &str) -> Result<usize> {
        self.header.iter().position(|h| *h == name).ok_or_else(|| Error::Lexicon {
            file: self.file.clone(),
            line: 1,
            message: format!("missing column `{name}` (header has: {})", self.header.join(", ")),
        })
    }
}

/// Parses one file. A row with more cells than the header, or an empty first
/// cell, is an error naming the file and line.
pub fn parse<'a>(file: &str, text: &'a str) -> Result<Table<'a>> {
    let err = |line: usize, message: String| Error::Lexicon { file: file.to_string(), line, message };
    let mut header: Option<Vec<&str>> = None;
    let mut rows = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = raw.split('\t').collect();
        match &header {
            None => header = Some(cells.iter().map(|c| c.trim()).collect()),
            Some(h) => {
                if cells.len() > h.len() {
                    return Err(err(line, format!("{} cells but the header has {} columns", cells.len(), h.len())));
                }
                if cells[0].trim().is_empty() {
                    return Err(err(line, "the first cell is empty".into()));
                }
                rows.push(Row { line, cells });
            }
        }
    }
    let header = header.ok_or_else(|| err(1, "no header row".into()))?;
    Ok(Table { file: file.to_string(), header, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_comments_header_and_lists() {
        let t = parse("x.tsv", "# source: test\nlabel\taliases\nMali\tRépublique du Mali| Mali \n").unwrap();
        assert_eq!(t.header, ["label", "aliases"]);
        assert_eq!(t.rows[0].line, 3);
        assert_eq!(t.rows[0].list(1), ["République du Mali", "Mali"]);
        assert_eq!(t.rows[0].get(5), "");
    }

    #[test]
    fn bad_row_names_file_and_line() {
        let e = parse("pays.tsv", "label\taliases\nA\tB\tC\n").unwrap_err();
        assert_eq!(e.to_string(), "pays.tsv:2: 3 cells but the header has 2 columns");
        let e = parse("pays.tsv", "label\tx\n\tB\n").unwrap_err();
        assert_eq!(e.to_string(), "pays.tsv:2: the first cell is empty");
    }
}
