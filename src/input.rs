//! Reading articles from the file system and stdin: files and folders of
//! `.txt`, and JSON Lines (`.jsonl`, one article a line, see `jsonl`).
//!
//! The only place besides the CLI that touches the disk for input. A path
//! that does not exist is an error; inside the inputs, a file or a folder
//! that cannot be read, a file that is not a regular file, looks binary, is
//! empty or is too large is skipped with a reason, and the caller decides
//! whether a skip is fatal (`--strict`).
//!
//! **Encodings.** A file is read as UTF-8 (with or without a byte-order
//! mark), UTF-16 with a byte-order mark (or without one, when its zero
//! bytes show it), or, when it is not UTF-8, as Windows-1252, the superset
//! of Latin-1 that French text on Windows is written in: the two agree on
//! every printable character of Latin-1, and Windows-1252 adds the curly
//! quotes, "œ", "€" and the dashes in the bytes where Latin-1 has
//! invisible controls. ISO-8859-15 (Latin-9) is taken instead when the file
//! uses none of those bytes and has "œ" or "€" where Latin-9 puts them. A
//! UTF-8 file with a few bytes that are not (a pasted Latin-1 word) stays
//! UTF-8, each bad byte read as Windows-1252. Every choice but plain UTF-8
//! comes back as a `Note`.
//!
//! **Offsets** count the code points of the decoded text, from the first
//! character after a byte-order mark. A control character other than tab,
//! line feed and carriage return (a NUL, an escape, a C1 control) is read
//! as one space, so offsets do not move; only a file where they are more
//! than one character in twenty at its start is binary.
//!
//! **Collection.** Folders are read recursively for `*.txt`; each file is
//! read once, by its canonical path, however many names lead to it; a
//! symbolic link back to a folder being read is not followed; only regular
//! files are opened, and never more than `MAX_FILE_BYTES + 1` bytes
//! (`MAX_JSONL_BYTES + 1` for JSON Lines). `-` reads stdin, once.
//!
//! **JSON Lines.** A `.jsonl` or `.ndjson` file (any file and stdin with
//! `InputFormat::Jsonl`) is decoded like any file, then read a line at a
//! time: each line an article, each bad line a `Skipped` of the file whose
//! reason starts with `line N:`; a bad date on a line that is still read is
//! a `Note` of the same form.

pub mod jsonl;

use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::text::Document;

/// Files larger than this are skipped: a news article is kilobytes.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// JSON Lines files larger than this are skipped: a corpus, not an article.
pub const MAX_JSONL_BYTES: u64 = 1024 * 1024 * 1024;

/// How input files are read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum InputFormat {
    /// By the file's extension: `.jsonl` and `.ndjson` are JSON Lines,
    /// anything else (and stdin) plain text.
    #[default]
    Auto,
    /// Every file and stdin is one article of plain text.
    Text,
    /// Every file and stdin is JSON Lines.
    Jsonl,
}

impl InputFormat {
    /// Whether the file at `path` is read as JSON Lines.
    fn is_jsonl(self, path: &Path) -> bool {
        match self {
            InputFormat::Auto => path.extension().is_some_and(|x| x == "jsonl" || x == "ndjson"),
            InputFormat::Text => false,
            InputFormat::Jsonl => true,
        }
    }
}

/// The name stdin is given among the inputs.
pub const STDIN: &str = "-";

/// The path that skips and notes of stdin name.
pub const STDIN_PATH: &str = "<stdin>";

/// A file or folder left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The file or folder.
    pub path: PathBuf,
    /// Why, in a few lowercase words.
    pub reason: String,
}

/// Something the user should know about an input that was read: the
/// encoding it was read in, characters replaced, a link not followed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The file or folder.
    pub path: PathBuf,
    /// What happened, in lowercase words.
    pub message: String,
}

/// What the inputs gave.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Documents sorted by name (then path), so output never depends on argument order.
    pub docs: Vec<Document>,
    /// Files and folders left out.
    pub skipped: Vec<Skipped>,
    /// Notes on what was read, in path order.
    pub notes: Vec<Note>,
}

/// A file read, with what the user should know about how.
#[derive(Debug)]
pub struct LoadedFile {
    /// The document.
    pub doc: Document,
    /// Notes on its encoding and on characters replaced, as lowercase
    /// sentences (the path is not in them).
    pub notes: Vec<String>,
}

/// The encodings a file is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 after a byte-order mark.
    Utf8Bom,
    /// UTF-16 little-endian; `bom` when it opens with a byte-order mark.
    Utf16Le {
        /// Whether the file opens with a byte-order mark.
        bom: bool,
    },
    /// UTF-16 big-endian.
    Utf16Be {
        /// Whether the file opens with a byte-order mark.
        bom: bool,
    },
    /// Windows-1252 (Latin-1 and the printable characters it lacks).
    Windows1252,
    /// ISO-8859-15 (Latin-9).
    Latin9,
}

impl Encoding {
    /// Its usual name.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with a byte-order mark",
            Encoding::Utf16Le { .. } => "UTF-16 LE",
            Encoding::Utf16Be { .. } => "UTF-16 BE",
            Encoding::Windows1252 => "Windows-1252",
            Encoding::Latin9 => "ISO-8859-15",
        }
    }

    /// The codec Python's `open(path, encoding=…, newline="")` reads it
    /// with so that offsets agree.
    pub fn python_codec(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-sig",
            Encoding::Utf16Le { bom: true } | Encoding::Utf16Be { bom: true } => "utf-16",
            Encoding::Utf16Le { bom: false } => "utf-16-le",
            Encoding::Utf16Be { bom: false } => "utf-16-be",
            Encoding::Windows1252 => "cp1252",
            Encoding::Latin9 => "iso8859-15",
        }
    }
}

/// A file's bytes as text, and how they were read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, control characters already read as spaces.
    pub text: String,
    /// The encoding used.
    pub encoding: Encoding,
    /// Sequences of a UTF-8 file that were not UTF-8 (read as
    /// Windows-1252, or as U+FFFD when longer than a byte), and the byte
    /// offset of the first.
    pub repaired: Option<(usize, usize)>,
    /// Control characters read as spaces, and the first one with its char offset.
    pub controls: Option<(usize, char, usize)>,
}

/// The Windows-1252 characters of bytes 0x80 to 0x9F. The five bytes the
/// code page leaves undefined read as the C1 control of the same number,
/// as web browsers do (and then as spaces, like every control).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’',
    '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// The Windows-1252 character of a byte.
fn cp1252(b: u8) -> char {
    match b {
        0x80..=0x9f => CP1252_HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// The ISO-8859-15 character of a byte: Latin-1 but for eight bytes.
fn latin9(b: u8) -> char {
    match b {
        0xa4 => '€',
        0xa6 => 'Š',
        0xa8 => 'š',
        0xb4 => 'Ž',
        0xb8 => 'ž',
        0xbc => 'Œ',
        0xbd => 'œ',
        0xbe => 'Ÿ',
        _ => char::from(b),
    }
}

/// Whether a single-byte file is Latin-9 rather than Windows-1252: it has
/// none of the bytes 0x80–0x9F that Windows-1252 prints and Latin-9 leaves
/// to controls, and it has the Latin-9 "€" (where Windows-1252 has "¤",
/// which French text does not use) or "œ", "Œ", "Ÿ", "Š" before a letter
/// (where Windows-1252 has "½", "¼", "¾", "¦", which never stand there).
fn looks_latin9(bytes: &[u8]) -> bool {
    if bytes.iter().any(|b| (0x80..=0x9f).contains(b)) {
        return false;
    }
    bytes.iter().enumerate().any(|(i, &b)| {
        b == 0xa4
            || matches!(b, 0xa6 | 0xbc | 0xbd | 0xbe)
                && bytes.get(i + 1).is_some_and(|n| n.is_ascii_alphabetic() || *n >= 0xc0)
    })
}

/// Whether UTF-16 without a byte-order mark shows in the zero bytes of the
/// start: in French text nearly every code point is below U+0100, so one
/// byte of each pair is zero and the other almost never. `Some(true)` for
/// little-endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let pairs = sample.len() / 2;
    if pairs < 4 {
        return None;
    }
    let zeros = |parity: usize| sample.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (zeros(0), zeros(1));
    if odd * 2 >= pairs && even * 20 <= pairs {
        Some(true)
    } else if even * 2 >= pairs && odd * 20 <= pairs {
        Some(false)
    } else {
        None
    }
}

fn decode_utf16(bytes: &[u8], little: bool) -> String {
    let units = bytes.chunks(2).map(|p| match (p, little) {
        ([a, b], true) => u16::from_le_bytes([*a, *b]),
        ([a, b], false) => u16::from_be_bytes([*a, *b]),
        // An odd last byte is no code unit: it reads as U+FFFD.
        _ => 0xfffd,
    });
    char::decode_utf16(units).map(|r| r.unwrap_or('\u{fffd}')).collect()
}

/// UTF-8 with every invalid sequence replaced: a lone bad byte by its
/// Windows-1252 character, a longer one (a cut multi-byte sequence) by
/// U+FFFD. The sequences are the maximal ones of the Unicode standard, the
/// ones Python's `errors="replace"` replaces by one character each, so
/// offsets agree. Gives the text, the count of valid multi-byte
/// characters, of invalid sequences, and the byte of the first.
fn utf8_repaired(bytes: &[u8]) -> (String, usize, usize, usize) {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 8);
    let (mut multi, mut bad, mut first) = (0, 0, 0);
    let mut rest = bytes;
    let mut at = 0;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                multi += s.bytes().filter(|b| *b >= 0xc0).count();
                out.push_str(s);
                break;
            }
            Err(e) => {
                let (good, tail) = rest.split_at(e.valid_up_to());
                let good = std::str::from_utf8(good).unwrap_or_default();
                multi += good.bytes().filter(|b| *b >= 0xc0).count();
                out.push_str(good);
                let len = e.error_len().unwrap_or(tail.len()).max(1);
                if bad == 0 {
                    first = at + good.len();
                }
                bad += 1;
                out.push(if len == 1 { cp1252(tail[0]) } else { '\u{fffd}' });
                at += good.len() + len;
                rest = &tail[len..];
            }
        }
    }
    (out, multi, bad, first)
}

/// Whether a character is replaced by a space: a control other than tab,
/// line feed and carriage return.
pub(crate) fn is_stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Whether a character counts against text: a control that no text file
/// holds (form feed and vertical tab do, from printed pages) or U+FFFD.
fn is_binary_sign(c: char) -> bool {
    is_stray_control(c) && !matches!(c, '\u{b}' | '\u{c}') || c == '\u{fffd}'
}

/// Whether valid UTF-8 holds a control to replace: a C0 byte other than
/// tab, line feed and carriage return, DEL, or a C1 control (0xC2 0x80–0x9F).
fn has_stray_control(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &x)| {
        x < 0x20 && !matches!(x, b'\t' | b'\n' | b'\r')
            || x == 0x7f
            || x == 0xc2 && b.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n))
    })
}

/// Decodes a file's bytes, or says why they are no text: binary when more
/// than one in twenty of the first 4,096 characters is a control or a
/// character that could not be decoded (and at least two are).
pub fn decode(bytes: &[u8]) -> std::result::Result<Decoded, String> {
    let mut repaired = None;
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        match std::str::from_utf8(rest) {
            Ok(s) => (s.to_string(), Encoding::Utf8Bom),
            Err(_) => {
                let (s, _, bad, first) = utf8_repaired(rest);
                repaired = Some((bad, first + 3));
                (s, Encoding::Utf8Bom)
            }
        }
    } else if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        (decode_utf16(rest, true), Encoding::Utf16Le { bom: true })
    } else if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        (decode_utf16(rest, false), Encoding::Utf16Be { bom: true })
    } else if let Some(little) = utf16_without_bom(bytes) {
        let e = if little { Encoding::Utf16Le { bom: false } } else { Encoding::Utf16Be { bom: false } };
        (decode_utf16(bytes, little), e)
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_string(), Encoding::Utf8),
            Err(_) => {
                let (s, multi, bad, first) = utf8_repaired(bytes);
                if multi > bad {
                    repaired = Some((bad, first));
                    (s, Encoding::Utf8)
                } else if looks_latin9(bytes) {
                    (bytes.iter().map(|&b| latin9(b)).collect(), Encoding::Latin9)
                } else {
                    (bytes.iter().map(|&b| cp1252(b)).collect(), Encoding::Windows1252)
                }
            }
        }
    };
    let (sampled, signs) =
        text.chars().take(4096).fold((0, 0), |(n, s), c| (n + 1, s + usize::from(is_binary_sign(c))));
    if signs >= 2 && signs * 20 > sampled {
        return Err(format!(
            "looks binary ({signs} of its first {sampled} characters are control bytes or undecodable)"
        ));
    }
    let mut controls = None;
    let text = if has_stray_control(&text) || !matches!(encoding, Encoding::Utf8 | Encoding::Utf8Bom) {
        let mut count = 0;
        let cleaned: String = text
            .chars()
            .enumerate()
            .map(|(i, c)| {
                if is_stray_control(c) {
                    if count == 0 {
                        controls = Some((0, c, i));
                    }
                    count += 1;
                    ' '
                } else {
                    c
                }
            })
            .collect();
        if let Some(c) = &mut controls {
            c.0 = count;
        }
        cleaned
    } else {
        text
    };
    Ok(Decoded { text, encoding, repaired, controls })
}

/// The notes a user reads about a decoded file.
fn notes_of(d: &Decoded) -> Vec<String> {
    let mut notes = Vec::new();
    let python = d.encoding.python_codec();
    match d.encoding {
        Encoding::Utf8 => {}
        Encoding::Utf8Bom => notes.push(format!(
            "read as UTF-8 after its byte-order mark; offsets count from the character after it (Python: encoding=\"{python}\")"
        )),
        Encoding::Utf16Le { bom } | Encoding::Utf16Be { bom } => notes.push(format!(
            "read as {}{} (Python: encoding=\"{python}\")",
            d.encoding.name(),
            if bom { " after its byte-order mark" } else { ", which its zero bytes show (it has no byte-order mark)" }
        )),
        Encoding::Windows1252 => {
            notes.push(format!("is not UTF-8: read as Windows-1252, which includes Latin-1 (Python: encoding=\"{python}\")"))
        }
        Encoding::Latin9 => notes.push(format!(
            "is not UTF-8: read as ISO-8859-15 (Latin-9), from its bytes for œ or € (Python: encoding=\"{python}\")"
        )),
    }
    if let Some((n, first)) = d.repaired {
        notes.push(format!(
            "{n} byte sequence{} not UTF-8 (the first at byte {first}): one character each, a lone byte read as Windows-1252 (Python: errors=\"replace\")",
            if n == 1 { " is" } else { "s are" }
        ));
    }
    if let Some((n, c, at)) = d.controls {
        let name = if c == '\0' { "NUL".to_string() } else { format!("U+{:04X}", u32::from(c)) };
        notes.push(format!(
            "{n} control character{} (the first, {name}, at char {at})",
            if n == 1 { " read as a space" } else { "s read as spaces" }
        ));
    }
    notes
}

/// What a file is when it is not a regular file.
fn special_kind(meta: &fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

fn too_large(cap: u64) -> String {
    format!("is more than the {} MiB an article may have", cap / (1024 * 1024))
}

/// Reads at most `cap + 1` bytes: more than `cap` is an error, whatever
/// the file said its size was.
fn read_capped(reader: impl Read, cap: u64, size_hint: u64) -> std::result::Result<Vec<u8>, String> {
    let mut bytes = Vec::with_capacity(size_hint.min(cap) as usize + 1);
    reader.take(cap + 1).read_to_end(&mut bytes).map_err(|e| format!("cannot be read: {e}"))?;
    if bytes.len() as u64 > cap {
        return Err(too_large(cap));
    }
    Ok(bytes)
}

/// The bytes of a regular file, at most `cap`.
fn read_file(path: &Path, cap: u64) -> std::result::Result<Vec<u8>, String> {
    let cannot = |e: std::io::Error| format!("cannot be read: {e}");
    // Look before opening: opening a FIFO waits for a writer.
    let meta = fs::metadata(path).map_err(cannot)?;
    if !meta.is_file() {
        return Err(format!("is {}, not a regular file", special_kind(&meta)));
    }
    if meta.len() > cap {
        return Err(too_large(cap));
    }
    let file = fs::File::open(path).map_err(cannot)?;
    let meta = file.metadata().map_err(cannot)?;
    if !meta.is_file() {
        return Err(format!("is {}, not a regular file", special_kind(&meta)));
    }
    read_capped(file, cap, meta.len())
}

fn load_file_capped(path: &Path, cap: u64) -> std::result::Result<LoadedFile, String> {
    let bytes = read_file(path, cap)?;
    let decoded = decode(&bytes)?;
    if decoded.text.trim().is_empty() {
        return Err("is empty".into());
    }
    let notes = notes_of(&decoded);
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    Ok(LoadedFile { doc: Document::new(name, decoded.text), notes })
}

/// Reads one file into a document with its notes, or says why it is skipped.
pub fn load_file(path: &Path) -> std::result::Result<LoadedFile, String> {
    load_file_capped(path, MAX_FILE_BYTES)
}

/// What walking the inputs found.
#[derive(Default)]
struct Walk {
    /// Files as found, with the canonical path that identifies each.
    files: Vec<(PathBuf, PathBuf)>,
    /// Canonical folders already read.
    seen: HashSet<PathBuf>,
    skipped: Vec<Skipped>,
    notes: Vec<Note>,
}

impl Walk {
    fn file(&mut self, path: PathBuf) {
        let key = fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        self.files.push((path, key));
    }

    /// Reads a folder, `chain` holding the canonical folders it is in.
    fn folder(&mut self, dir: &Path, canon: PathBuf, chain: &mut Vec<(PathBuf, PathBuf)>) {
        if !self.seen.insert(canon.clone()) {
            return;
        }
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                self.skipped
                    .push(Skipped { path: dir.to_path_buf(), reason: format!("is a folder that cannot be read: {e}") });
                return;
            }
        };
        let mut paths = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => paths.push((entry.path(), entry.file_type().ok())),
                Err(e) => self.skipped.push(Skipped {
                    path: dir.to_path_buf(),
                    reason: format!("is a folder whose entries cannot all be read: {e}"),
                }),
            }
        }
        paths.sort_by(|a, b| a.0.cmp(&b.0));
        chain.push((canon, dir.to_path_buf()));
        for (path, kind) in paths {
            let is_txt = path.extension().is_some_and(|x| x == "txt" || x == "jsonl" || x == "ndjson");
            let is_dir = match kind {
                Some(k) if k.is_dir() => true,
                Some(k) if !k.is_symlink() => false,
                // A link, or an entry of unknown type: follow it.
                _ => match fs::metadata(&path) {
                    Ok(m) => m.is_dir(),
                    Err(e) => {
                        if is_txt {
                            self.skipped.push(Skipped { path, reason: format!("cannot be read: {e}") });
                        }
                        continue;
                    }
                },
            };
            if is_dir {
                let Ok(canon) = fs::canonicalize(&path) else {
                    self.skipped.push(Skipped { path, reason: "is a folder that cannot be resolved".into() });
                    continue;
                };
                if let Some((_, ancestor)) = chain.iter().find(|(c, _)| *c == canon) {
                    let message = format!("is a link back to {}, not followed (a loop)", ancestor.display());
                    self.notes.push(Note { path, message });
                    continue;
                }
                self.folder(&path, canon, chain);
            } else if is_txt {
                self.file(path);
            }
        }
        chain.pop();
    }
}

/// Loads every input: files as given, folders recursively (`*.txt`,
/// `*.jsonl`), `-` from stdin; each file read as `InputFormat::Auto` says.
pub fn load(inputs: &[PathBuf]) -> Result<Loaded> {
    load_with(inputs, InputFormat::Auto)
}

/// The articles of one file or of stdin: (where from, document) pairs, or
/// why the whole input is skipped.
type Articles = std::result::Result<Vec<(String, Document)>, String>;

/// Reads one input of plain text or JSON Lines (`bytes` already read).
fn articles(path: &Path, bytes: &[u8], jsonl: bool, loaded: &mut Loaded) -> Articles {
    let decoded = decode(bytes)?;
    let notes: Vec<Note> =
        notes_of(&decoded).into_iter().map(|message| Note { path: path.to_path_buf(), message }).collect();
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let name = if path.as_os_str() == STDIN_PATH { "stdin".to_string() } else { name };
    if !jsonl {
        if decoded.text.trim().is_empty() {
            return Err("is empty".into());
        }
        loaded.notes.extend(notes);
        return Ok(vec![(path.display().to_string(), Document::new(name, decoded.text))]);
    }
    let lines = jsonl::parse(&decoded.text, &name);
    for p in lines.problems {
        let message = format!("line {}: {}", p.line, p.message);
        if p.read {
            loaded.notes.push(Note { path: path.to_path_buf(), message });
        } else {
            loaded.skipped.push(Skipped { path: path.to_path_buf(), reason: message });
        }
    }
    if lines.records.is_empty() {
        return Err("has no article (JSON Lines: one {\"text\": …} object a line)".into());
    }
    loaded.notes.extend(notes);
    Ok(lines
        .records
        .into_iter()
        .map(|r| {
            let mut doc = Document::new(r.name, r.text);
            (doc.date, doc.title, doc.url) = (r.date, r.title, r.url);
            (format!("{}:{}", path.display(), r.line), doc)
        })
        .collect())
}

/// Loads every input as `format` says: files as given, folders
/// recursively (`*.txt`, `*.jsonl`, `*.ndjson`), `-` from stdin. A file
/// reached by several paths (a link, `./a.txt` and `a.txt`) is read once,
/// under the first of its paths in sort order. Two documents with the same
/// name keep where they come from as name (the path, `path:line` for
/// JSON Lines).
pub fn load_with(inputs: &[PathBuf], format: InputFormat) -> Result<Loaded> {
    let mut inputs: Vec<&PathBuf> = inputs.iter().collect();
    inputs.sort();
    inputs.dedup();
    let mut walk = Walk::default();
    let mut stdin = false;
    for input in inputs {
        if input.as_os_str() == STDIN {
            stdin = true;
            continue;
        }
        let meta = match fs::metadata(input) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::Input(format!("{}: no such file or folder", input.display())));
            }
            Err(e) => {
                walk.skipped.push(Skipped { path: input.clone(), reason: format!("cannot be read: {e}") });
                continue;
            }
        };
        if meta.is_dir() {
            let canon = fs::canonicalize(input).unwrap_or_else(|_| input.clone());
            walk.folder(input, canon, &mut Vec::new());
        } else {
            walk.file(input.clone());
        }
    }
    // One path for each file, whatever the order of inputs: the smallest of
    // those that carry the file's own name (not a link's), so that the
    // document keeps its name however it was reached.
    let mut files = walk.files;
    let linked = |(path, canon): &(PathBuf, PathBuf)| path.file_name() != canon.file_name();
    files.sort_by(|a, b| (&a.1, linked(a), &a.0).cmp(&(&b.1, linked(b), &b.0)));
    files.dedup_by(|a, b| a.1 == b.1);
    files.sort();
    let mut loaded = Loaded { skipped: walk.skipped, notes: walk.notes, ..Loaded::default() };
    let mut docs: Vec<(String, Document)> = Vec::new();
    if stdin {
        let path = PathBuf::from(STDIN_PATH);
        let jsonl = format == InputFormat::Jsonl;
        let cap = if jsonl { MAX_JSONL_BYTES } else { MAX_FILE_BYTES };
        let read = read_capped(std::io::stdin().lock(), cap, 0);
        match read.and_then(|bytes| articles(&path, &bytes, jsonl, &mut loaded)) {
            Ok(found) => docs.extend(found),
            Err(reason) => loaded.skipped.push(Skipped { path, reason }),
        }
    }
    for (path, _) in files {
        let jsonl = format.is_jsonl(&path);
        let cap = if jsonl { MAX_JSONL_BYTES } else { MAX_FILE_BYTES };
        match read_file(&path, cap).and_then(|bytes| articles(&path, &bytes, jsonl, &mut loaded)) {
            Ok(found) => docs.extend(found),
            Err(reason) => loaded.skipped.push(Skipped { path, reason }),
        }
    }
    let mut names: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (_, d) in &docs {
        *names.entry(d.name.clone()).or_default() += 1;
    }
    for (origin, d) in &mut docs {
        if names[&d.name] > 1 {
            d.name.clone_from(origin);
        }
    }
    docs.sort_by(|a, b| (&a.1.name, &a.0).cmp(&(&b.1.name, &b.0)));
    loaded.docs = docs.into_iter().map(|(_, d)| d).collect();
    loaded.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    loaded.notes.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(loaded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(bytes: &[u8]) -> (String, Encoding) {
        let d = decode(bytes).unwrap();
        (d.text, d.encoding)
    }

    #[test]
    fn utf8_is_read_as_it_is_and_a_bom_is_dropped() {
        assert_eq!(text_of("Été à Noël".as_bytes()), ("Été à Noël".into(), Encoding::Utf8));
        assert_eq!(text_of("\u{feff}Été".as_bytes()), ("Été".into(), Encoding::Utf8Bom));
        // A byte-order mark further in is a character of the text.
        assert_eq!(text_of("a\u{feff}b".as_bytes()).0, "a\u{feff}b");
    }

    #[test]
    fn windows_1252_has_quotes_oe_and_euro_where_latin1_has_controls() {
        let (t, e) = text_of(b"\x93C\x9cur\x94 \x96 10\xa0\x80, l\x92\xe9t\xe9");
        assert_eq!(t, "“Cœur” – 10\u{a0}€, l’été");
        assert_eq!(e, Encoding::Windows1252);
        // Undefined bytes are controls, read as spaces.
        assert_eq!(text_of(b"caf\xe9\x81!").0, "café !");
    }

    #[test]
    fn latin9_only_with_its_own_oe_or_euro_and_no_windows_bytes() {
        assert_eq!(text_of(b"Le c\xbdur co\xfbte 5 \xa4."), ("Le cœur coûte 5 €.".into(), Encoding::Latin9));
        assert_eq!(text_of(b"\xbcuvre d\xe9j\xe0 vue").0, "Œuvre déjà vue");
        // ½ before a space is a half, and a curly quote means Windows-1252.
        assert_eq!(text_of(b"Il a 1\xbd an, \xe9t\xe9").1, Encoding::Windows1252);
        assert_eq!(text_of(b"\x93c\xbdur\x94").1, Encoding::Windows1252);
    }

    #[test]
    fn a_few_bad_bytes_in_utf8_stay_utf8() {
        let mut bytes = "Le président kényan a parlé ".as_bytes().to_vec();
        bytes.extend_from_slice(b"\xe0 Nairobi et \xe2\x80 fin");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, Encoding::Utf8);
        // One bad byte reads as its Windows-1252 letter, a cut sequence as U+FFFD.
        assert_eq!(d.text, "Le président kényan a parlé à Nairobi et \u{fffd} fin");
        assert_eq!(d.repaired, Some((2, 31)));
        // Mostly bad: the whole file is Windows-1252, even with a lucky pair.
        assert_eq!(text_of(b"pr\xe9sident \xc3\xa9 \xe9t\xe9").1, Encoding::Windows1252);
    }

    #[test]
    fn utf16_with_or_without_a_bom() {
        let text = "L’été à Kyiv, une ville où l’on parle deux langues";
        let le: Vec<u8> = format!("\u{feff}{text}").encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = format!("\u{feff}{text}").encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(text_of(&le), (text.into(), Encoding::Utf16Le { bom: true }));
        assert_eq!(text_of(&be), (text.into(), Encoding::Utf16Be { bom: true }));
        assert_eq!(text_of(&le[2..]), (text.into(), Encoding::Utf16Le { bom: false }));
        assert_eq!(text_of(&be[2..]).1, Encoding::Utf16Be { bom: false });
        // A lone surrogate and an odd last byte are U+FFFD, not a failure.
        let mut odd = le.clone();
        odd.extend_from_slice(b"\x00\xd8.\x00!");
        assert_eq!(text_of(&odd).0, format!("{text}\u{fffd}.\u{fffd}"));
    }

    #[test]
    fn controls_read_as_spaces_and_only_many_make_a_file_binary() {
        let written = "Un\0texte\u{1b} et\u{85}la fin d’une longue phrase écrite pour voir.\r\n\tsuite\u{c}";
        let d = decode(written.as_bytes()).unwrap();
        assert_eq!(d.text, "Un texte  et la fin d’une longue phrase écrite pour voir.\r\n\tsuite ");
        assert_eq!(d.controls, Some((4, '\0', 2)));
        assert_eq!(d.text.chars().count(), written.chars().count());
        assert!(decode(b"\x00\x01\x02PNG").unwrap_err().starts_with("looks binary"));
        let noise: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8).collect();
        assert!(decode(&noise).is_err());
        // One NUL in a short file is a stray byte, not a binary file.
        assert_eq!(decode(b"Bonjour\0").unwrap().text, "Bonjour ");
    }

    #[test]
    fn reading_stops_after_the_cap_whatever_the_size_said() {
        assert_eq!(read_capped(std::io::repeat(b'a'), 1000, 0).unwrap_err(), too_large(1000));
        assert_eq!(read_capped(&b"abc"[..], 3, 3).unwrap(), b"abc");
        assert!(read_capped(&b"abcd"[..], 3, 0).is_err());
    }

    #[test]
    fn a_file_over_the_cap_is_skipped() {
        let dir = std::env::temp_dir().join(format!("trame-cap-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("big.txt");
        fs::write(&path, "Un texte assez long.".repeat(100)).unwrap();
        assert!(load_file_capped(&path, 2000).is_ok());
        assert_eq!(load_file_capped(&path, 1999).unwrap_err(), too_large(1999));
        fs::remove_dir_all(&dir).unwrap();
    }
}
