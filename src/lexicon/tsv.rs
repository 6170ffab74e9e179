//! The lexicon file format: UTF-8 text, `#` comment lines, one header row of
//! tab-separated column names, then one entry per line. Multi-valued cells
//! use `|`. Every built-in file and every user file goes through `parse`.

use crate::error::{Error, Result};

/// Cells per row whose bounds are kept; later ones are found on demand.
const KEPT: usize = 6;

/// One data row, with its 1-based line number for error messages.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    /// Line in the file, from 1.
    pub line: usize,
    raw: &'a str,
    /// Number of cells.
    cells: u32,
    /// Byte offset in `raw` where each of the first cells ends.
    ends: [u32; KEPT],
}

impl<'a> Row<'a> {
    /// The cell at `i`, trimmed; empty when the row is short.
    pub fn get(&self, i: usize) -> &'a str {
        if i >= self.cells as usize {
            return "";
        }
        let start = if i == 0 { 0 } else { self.ends[i.min(KEPT) - 1] as usize + 1 };
        let cell = if i < KEPT {
            &self.raw[start..self.ends[i] as usize]
        } else {
            split(&self.raw[start..], b'\t').nth(i - KEPT).unwrap_or("")
        };
        trim(cell)
    }

    /// The `|`-separated values of cell `i`, without empty ones.
    pub fn list(&self, i: usize) -> Vec<&'a str> {
        self.items(i).collect()
    }

    /// The values of `list`, without collecting them.
    pub fn items(&self, i: usize) -> impl Iterator<Item = &'a str> {
        split(self.get(i), b'|').map(trim).filter(|s| !s.is_empty())
    }
}

/// `str::trim`, quicker when the ends are visible ASCII, as they mostly are.
fn trim(s: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_graphic());
    if visible(s.as_bytes().first()) && visible(s.as_bytes().last()) {
        s
    } else {
        s.trim()
    }
}

/// `s.split(sep)` for an ASCII separator, without a searcher to set up for
/// each of the many short strings split here.
pub(crate) fn split(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    debug_assert!(sep.is_ascii());
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == sep) {
            Some(k) => {
                rest = Some(&r[k + 1..]);
                Some(&r[..k])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
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

/// The first tab or newline of `bytes` from `pos`, or the end; eight bytes
/// at a time.
fn tab_or_newline(bytes: &[u8], mut pos: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The lowest flagged byte is the first zero byte of `x` (flags above a
    // zero byte may be wrong, the lowest never is).
    let zero_bytes = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    while let Some(chunk) = bytes.get(pos..pos + 8) {
        let w = u64::from_le_bytes(chunk.try_into().unwrap());
        let found = zero_bytes(w ^ (ONES * u64::from(b'\t'))) | zero_bytes(w ^ (ONES * u64::from(b'\n')));
        if found != 0 {
            return pos + found.trailing_zeros() as usize / 8;
        }
        pos += 8;
    }
    pos + bytes[pos..].iter().position(|&b| b == b'\t' || b == b'\n').unwrap_or(bytes.len() - pos)
}

/// Parses one file. A row with more cells than the header, or an empty first
/// cell, is an error naming the file and line.
pub fn parse<'a>(file: &str, text: &'a str) -> Result<Table<'a>> {
    let err = |line: usize, message: String| Error::Lexicon { file: file.to_string(), line, message };
    let mut header: Option<Vec<&str>> = None;
    let bytes = text.as_bytes();
    let mut rows = Vec::new();
    let (mut pos, mut line) = (0, 0);
    // Lines as `str::lines` splits them, scanned once for their tabs.
    while pos < bytes.len() {
        line += 1;
        let start = pos;
        let (mut cells, mut ends) = (1, [0u32; KEPT]);
        loop {
            pos = tab_or_newline(bytes, pos);
            if pos == bytes.len() || bytes[pos] == b'\n' {
                break;
            }
            if cells <= KEPT {
                ends[cells - 1] = (pos - start) as u32;
            }
            cells += 1;
            pos += 1;
        }
        let mut raw = &text[start..pos];
        if pos < bytes.len() {
            pos += 1;
            raw = raw.strip_suffix('\r').unwrap_or(raw);
        }
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if trim(raw).is_empty() || raw.starts_with('#') {
            continue;
        }
        match &header {
            None => header = Some(split(raw, b'\t').map(trim).collect()),
            Some(h) => {
                if cells > h.len() {
                    return Err(err(line, format!("{cells} cells but the header has {} columns", h.len())));
                }
                for end in ends.iter_mut().skip(cells - 1) {
                    *end = u32::try_from(raw.len()).expect("lines fit in 4 GiB");
                }
                let row = Row { line, raw, cells: cells as u32, ends };
                if row.get(0).is_empty() {
                    return Err(err(line, "the first cell is empty".into()));
                }
                rows.push(row);
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
        assert_eq!((t.rows[0].get(0), trim(" \u{a0}x\u{a0}"), trim("\u{a0}")), ("Mali", "x", ""));
    }

    #[test]
    fn cells_and_lines_are_split_like_str_split_and_lines() {
        let text = "a\tb\tc\td\te\tf\tg\th\r\n\r\n x \t\t y\r\r\nlast\tcell\r";
        let t = parse("x.tsv", text).unwrap();
        let want: Vec<(usize, &str)> = text.lines().enumerate().skip(1).map(|(i, l)| (i + 1, l)).collect();
        assert_eq!(t.rows.iter().map(|r| r.line).collect::<Vec<_>>(), [3, 4]);
        for (row, (_, l)) in t.rows.iter().zip(want.iter().filter(|(_, l)| !l.trim().is_empty())) {
            let l = l.strip_suffix('\r').unwrap_or(l);
            for i in 0..10 {
                assert_eq!(row.get(i), l.split('\t').nth(i).map_or("", str::trim), "{l:?} {i}");
            }
        }
        let text = "0123456789\t\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\n\n";
        for pos in 0..text.len() {
            let want = text.bytes().skip(pos).position(|b| b == b'\t' || b == b'\n').map_or(text.len(), |k| pos + k);
            assert_eq!(tab_or_newline(text.as_bytes(), pos), want);
        }
        for s in ["", "|", "a||b|", "é|ü"] {
            assert_eq!(split(s, b'|').collect::<Vec<_>>(), s.split('|').collect::<Vec<_>>());
        }
    }

    #[test]
    fn bad_row_names_file_and_line() {
        let e = parse("pays.tsv", "label\taliases\nA\tB\tC\n").unwrap_err();
        assert_eq!(e.to_string(), "pays.tsv:2: 3 cells but the header has 2 columns");
        let e = parse("pays.tsv", "label\tx\n\tB\n").unwrap_err();
        assert_eq!(e.to_string(), "pays.tsv:2: the first cell is empty");
    }
}
