//! Where the first pass of a large corpus waits for the later passes: a
//! temporary file instead of the heap.
//!
//! The first pass of every document must be done before the corpus steps
//! (acronyms, the person registry) and the later passes can start, and it
//! holds about four bytes a byte of text without its tokens: 1 GiB for a
//! year of a daily. Past `Spill::Auto`'s threshold each document's
//! sentences are written as one JSON value to a file that nobody else sees
//! (removed from its folder as soon as it is open, where the system allows
//! it), and read back by the passes that need them, so that a run holds the
//! graph, the corpus's summaries and one chunk of documents.
//!
//! Nothing here fails a run: a document the file could not take, or that
//! cannot be read back, is read again from its text (`Slot::Again`), which
//! gives the same sentences, the first pass being a pure function of the
//! text and the lexicon.

use std::fs::File;
use std::io::Write;
use std::path::PathBuf;

use super::ReadSentence;

/// When a run keeps its first pass on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Spill {
    /// When the documents' text passes `AUTO_BYTES`.
    #[default]
    Auto,
    /// Always (tests, small machines).
    Always,
    /// Never: everything on the heap.
    Never,
}

/// The text, in bytes, past which `Spill::Auto` writes the first pass to
/// disk: 32 MiB, about five million words, whose first pass would take
/// about 140 MiB of heap.
pub const AUTO_BYTES: usize = 32 << 20;

impl Spill {
    /// Whether a corpus of `bytes` bytes of text goes to disk.
    pub fn wanted(self, bytes: usize) -> bool {
        match self {
            Spill::Auto => bytes > AUTO_BYTES,
            Spill::Always => true,
            Spill::Never => false,
        }
    }
}

/// Where one document's first pass waits.
#[derive(Debug, Clone, Copy)]
pub(super) enum Slot {
    /// In the file, at this offset, this many bytes.
    Disk(u64, u32),
    /// Nowhere: read the document again.
    Again,
}

/// The temporary file of a run.
#[derive(Debug)]
pub(super) struct SpillFile {
    file: File,
    /// Where it was made, while it is still there to remove.
    path: Option<PathBuf>,
    end: u64,
    broken: bool,
}

impl SpillFile {
    /// A new file in the system's temporary folder (`TMPDIR`), or `None`
    /// when none can be made there.
    pub fn new() -> Option<SpillFile> {
        use std::sync::atomic::{AtomicU64, Ordering};
        static N: AtomicU64 = AtomicU64::new(0);
        let dir = std::env::temp_dir();
        for _ in 0..8 {
            let n = N.fetch_add(1, Ordering::Relaxed);
            let path = dir.join(format!(".trame-spill-{}-{n}", std::process::id()));
            let Ok(file) = std::fs::OpenOptions::new().read(true).write(true).create_new(true).open(&path) else {
                continue;
            };
            // Unix keeps an open file whose name is gone: nothing is left
            // behind, even by a killed process.
            let path = if cfg!(unix) && std::fs::remove_file(&path).is_ok() { None } else { Some(path) };
            return Some(SpillFile { file, path, end: 0, broken: false });
        }
        None
    }

    /// Writes one document's sentences (`encode`), or says to read it again
    /// when the file cannot take them (a full disk; then nothing more is
    /// written).
    pub fn put(&mut self, bytes: Option<&[u8]>) -> Slot {
        let Some(bytes) = bytes.filter(|b| !self.broken && b.len() <= u32::MAX as usize) else { return Slot::Again };
        match self.file.write_all(bytes) {
            Ok(()) => {
                let at = self.end;
                self.end += bytes.len() as u64;
                Slot::Disk(at, bytes.len() as u32)
            }
            Err(_) => {
                self.broken = true;
                Slot::Again
            }
        }
    }

    /// The sentences of a slot, or `None` to read the document again.
    pub fn get(&self, slot: Slot) -> Option<Vec<ReadSentence>> {
        let Slot::Disk(at, len) = slot else { return None };
        let mut buf = vec![0; len as usize];
        read_at(&self.file, &mut buf, at).ok()?;
        decode(&buf)
    }
}

impl Drop for SpillFile {
    fn drop(&mut self) {
        if let Some(p) = self.path.take() {
            let _ = std::fs::remove_file(p);
        }
    }
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], at: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, at)
}

#[cfg(windows)]
fn read_at(file: &File, mut buf: &mut [u8], mut at: u64) -> std::io::Result<()> {
    while !buf.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, buf, at)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                at += n as u64;
            }
        }
    }
    Ok(())
}

#[cfg(not(any(unix, windows)))]
fn read_at(_: &File, _: &mut [u8], _: u64) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// A document's sentences as the file keeps them (the JSON of `trame
/// extract`'s records), or `None` if they cannot be written.
pub(super) fn encode(sentences: &[ReadSentence]) -> Option<Vec<u8>> {
    serde_json::to_vec(sentences).ok()
}

/// The sentences again.
pub(super) fn decode(bytes: &[u8]) -> Option<Vec<ReadSentence>> {
    serde_json::from_slice(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Pipeline;
    use crate::text::Document;

    #[test]
    fn sentences_come_back_as_they_went() {
        let pipe = Pipeline::builtin();
        let doc =
            Document::new("a", "Le ministre Paul Vasseur a rencontré l'ONU à Genève. M. Vasseur a dit : « Rien. »");
        let mut rd = pipe.read(&doc);
        rd.drop_tokens();
        let mut f = SpillFile::new().expect("a temporary file");
        let first = f.put(encode(&rd.sentences).as_deref());
        let second = f.put(encode(&rd.sentences[..1]).as_deref());
        assert!(matches!(first, Slot::Disk(0, _)) && matches!(second, Slot::Disk(at, _) if at > 0));
        let back = f.get(first).expect("the first document");
        assert_eq!(format!("{back:?}"), format!("{:?}", rd.sentences));
        assert_eq!(f.get(second).map(|s| s.len()), Some(1));
        assert!(f.get(Slot::Again).is_none());
    }

    #[test]
    fn a_full_file_sends_documents_to_be_read_again_as_they_were() {
        let mut f = SpillFile::new().expect("a temporary file");
        f.broken = true;
        assert!(matches!(f.put(Some(b"[]")), Slot::Again));
        assert!(matches!(f.put(None), Slot::Again));
        // Read again, a document is what its first pass was.
        let pipe = Pipeline::builtin();
        let doc = Document::new("a", "L'Organisation des pêcheurs (ODP) a reçu M. Vasseur. L'ODP a dit non.");
        let (first, local, _) = pipe.first(&doc);
        let unifier = crate::extract::alias::Unifier::new(std::slice::from_ref(&local));
        let again = pipe.again(&f, Slot::Again, &doc, &unifier, &local);
        let mut want = first;
        unifier.apply(&mut want, &local);
        assert_eq!(format!("{:?}", again.sentences), format!("{:?}", want.sentences));
        assert!(again.sentences.iter().any(|s| !s.mentions.entities.is_empty()));
    }

    #[test]
    fn the_threshold() {
        assert!(!Spill::Auto.wanted(AUTO_BYTES) && Spill::Auto.wanted(AUTO_BYTES + 1));
        assert!(Spill::Always.wanted(0) && !Spill::Never.wanted(usize::MAX));
    }
}
