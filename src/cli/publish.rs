//! Writing outputs so that a reader never finds a half-written file or a
//! mix of two builds, and two builds into one folder take turns.
//!
//! **One file** (`write_file`) is written beside its name as
//! `.NAME.trame-tmp-PID`, synced, and renamed into place. A device or a
//! pipe (`/dev/null`, `/dev/full`, a FIFO) is written straight, never
//! replaced; a symbolic link is followed and its target replaced.
//!
//! **A set** (`publish_set`: `graph.json`, `graph.graphml`, `graph.gexf`, `graph.html`,
//! `graph.dot`, or `nodes.csv` and `edges.csv`) goes in four steps:
//!
//! 1. every file is written to its temporary and synced; any failure (a
//!    full disk) removes them all and leaves the previous set as it was;
//! 2. a journal, `.SET.trame-pending`, lists each temporary with its final
//!    name, size and XXH64; its rename into place, followed by a sync of the
//!    folder, is the commit point;
//! 3. each temporary is renamed over its final name;
//! 4. the manifest `SET.manifest.json` is written (for the graph set), then
//!    the journal removed.
//!
//! A build killed before step 2 leaves the old set whole, and temporaries
//! that the next writer removes. A build killed after it leaves a journal,
//! which the next `trame` that writes into the folder, or reads a graph from
//! it, rolls forward: it renames the remaining temporaries into place, so
//! the set is the new one whole. The renames of step 3 take microseconds; a
//! reader that must never straddle them checks the files against the
//! manifest (sizes and XXH64, as `xxhsum -H1` prints them) and waits while a
//! journal is present.
//!
//! **The lock.** Every writer holds an exclusive lock on `.trame.lock` in the
//! folder while it writes (an advisory `flock`, released by the system when
//! the process ends, even by `kill -9`), and removes the file when it is
//! done (one left by a killed writer is taken over by the next). A second build into the same folder
//! waits for the first, with a note saying so, and then replaces its set
//! whole: the last build to start writing wins. Holding the lock, a writer
//! knows that any `.NAME.trame-tmp-PID` in the folder belongs to a process
//! that died, and removes it, with the `.NAME.tmp-PID` files of earlier
//! versions of trame whose process is gone. The query commands write their
//! cache only when the lock is free, and never wait for it to do so.

use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::digest::Xxh64;
use crate::error::{Error, Result};

/// The lock file every writer holds in the folder it writes into.
pub(crate) const LOCK_NAME: &str = ".trame.lock";

/// The file names earlier versions of trame wrote temporaries for
/// (`.NAME.tmp-PID`); such leftovers are removed once their process is gone.
const LEGACY_NAMES: [&str; 11] = [
    "graph.json",
    "graph.graphml",
    "graph.gexf",
    "graph.dot",
    "graph.svg",
    "graph.png",
    "graph.html",
    "nodes.csv",
    "edges.csv",
    "mentions.jsonl",
    "subgraph.dot",
];

/// The temporary a file is written to before its rename.
fn temp_name(name: &str) -> String {
    format!(".{name}.trame-tmp-{}", std::process::id())
}

fn pending_name(set: &str) -> String {
    format!(".{set}.trame-pending")
}

/// The manifest of the graph set in a folder.
pub(crate) fn manifest_name(set: &str) -> String {
    format!("{set}.manifest.json")
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> Error + '_ {
    move |source| Error::Io { path: path.to_path_buf(), source }
}

/// Syncs a folder, so that the renames in it are on disk. Some systems
/// cannot sync a folder; that is no error.
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

fn dir_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

// ---------------------------------------------------------------------------
// The lock

/// An exclusive hold on a folder's `.trame.lock`. Dropping it removes the
/// file, then releases the lock, so that no lock file stays behind; a writer
/// that was waiting on the removed file sees it gone and takes a new one.
#[derive(Debug)]
pub(crate) struct DirLock {
    file: File,
    path: PathBuf,
}

impl Drop for DirLock {
    fn drop(&mut self) {
        if cfg!(unix) {
            let _ = fs::remove_file(&self.path);
        }
        let _ = self.file.unlock();
    }
}

/// Whether the open lock file is still the one at `path` (not removed by
/// the writer that held it before).
#[cfg(unix)]
fn still_there(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn still_there(_: &File, _: &Path) -> bool {
    true
}

impl DirLock {
    fn open(path: &Path) -> io::Result<File> {
        fs::OpenOptions::new().read(true).write(true).create(true).truncate(false).open(path)
    }

    fn hold(mut file: File, path: PathBuf) -> DirLock {
        // Who holds it, for the note of a writer that waits.
        let _ = file.set_len(0).and_then(|_| file.write_all(format!("{}\n", std::process::id()).as_bytes()));
        DirLock { file, path }
    }

    /// Takes the lock, waiting (with a note on stderr, unless `-q`) while
    /// another trame writes into the folder.
    pub(crate) fn acquire(dir: &Path) -> Result<DirLock> {
        let path = dir.join(LOCK_NAME);
        let mut noted = false;
        loop {
            let file = Self::open(&path).map_err(io_err(&path))?;
            match file.try_lock() {
                Ok(()) => {}
                Err(fs::TryLockError::WouldBlock) => {
                    if !noted && !super::quiet() {
                        let mut holder = String::new();
                        let _ = File::open(&path).and_then(|mut f| f.read_to_string(&mut holder));
                        let who = match holder.trim() {
                            "" => String::new(),
                            pid => format!(" (pid {pid})"),
                        };
                        eprintln!("trame: note: waiting for another trame{who} that is writing into {}", dir.display());
                        noted = true;
                    }
                    file.lock().map_err(io_err(&path))?;
                }
                Err(fs::TryLockError::Error(e)) => return Err(io_err(&path)(e)),
            }
            if still_there(&file, &path) {
                return Ok(Self::hold(file, path));
            }
        }
    }

    /// Takes the lock if it is free; `None` when another trame holds it or
    /// the folder cannot hold a lock file (read-only).
    pub(crate) fn try_acquire(dir: &Path) -> Option<DirLock> {
        let path = dir.join(LOCK_NAME);
        let file = Self::open(&path).ok()?;
        file.try_lock().ok()?;
        still_there(&file, &path).then(|| Self::hold(file, path))
    }
}

// ---------------------------------------------------------------------------
// Stale temporaries

/// Whether a process is running, where the system can say (`/proc`);
/// elsewhere it is taken as running, so that nothing is removed.
fn alive(pid: u32) -> bool {
    let proc_fs = Path::new("/proc/self");
    !proc_fs.exists() || Path::new("/proc").join(pid.to_string()).exists()
}

/// Removes the temporaries of dead writers. Called with the lock held: a
/// `.NAME.trame-tmp-PID` is then never a live writer's. Returns what it removed.
fn remove_stale(dir: &Path) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else { return removed };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(inner) = name.strip_prefix('.') else { continue };
        let stale = if let Some((_, pid)) = inner.rsplit_once(".trame-tmp-") {
            !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit())
        } else if let Some((file, pid)) = inner.rsplit_once(".tmp-") {
            let ours = LEGACY_NAMES.contains(&file) || file.ends_with(".trame-cache");
            ours && pid.parse::<u32>().is_ok_and(|p| !alive(p))
        } else {
            false
        };
        if stale && entry.file_type().is_ok_and(|t| t.is_file()) && fs::remove_file(entry.path()).is_ok() {
            removed.push(entry.path());
        }
    }
    removed
}

// ---------------------------------------------------------------------------
// One file

/// Writes `write`'s bytes to `path` through a synced temporary, returning
/// their size and XXH64.
fn write_synced(path: &Path, write: &dyn Fn(&mut dyn Write) -> io::Result<()>) -> io::Result<(u64, u64)> {
    struct Tee<W> {
        inner: W,
        hash: Xxh64,
        bytes: u64,
    }
    impl<W: Write> Write for Tee<W> {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            let n = self.inner.write(buf)?;
            self.hash.update(&buf[..n]);
            self.bytes += n as u64;
            Ok(n)
        }
        fn flush(&mut self) -> io::Result<()> {
            self.inner.flush()
        }
    }
    let file = fs::OpenOptions::new().write(true).create_new(true).open(path)?;
    let mut out = BufWriter::with_capacity(1 << 16, Tee { inner: file, hash: Xxh64::new(), bytes: 0 });
    write(&mut out)?;
    let tee = out.into_inner().map_err(|e| e.into_error())?;
    tee.inner.sync_all()?;
    Ok((tee.bytes, tee.hash.finish()))
}

/// Writes one file through `write`, or stdout for `-`. See the module docs.
pub(crate) fn write_file(path: &Path, write: &dyn Fn(&mut dyn Write) -> io::Result<()>) -> Result<()> {
    if path.as_os_str() == "-" {
        let stdout = io::stdout();
        let mut lock = stdout.lock();
        let io_err = |source| Error::Io { path: PathBuf::from("<stdout>"), source };
        write(&mut lock).map_err(io_err)?;
        return lock.flush().map_err(io_err);
    }
    let mut path = path.to_path_buf();
    match fs::symlink_metadata(&path) {
        Ok(m) if m.file_type().is_symlink() => {
            if let Ok(target) = fs::canonicalize(&path) {
                path = target;
            }
        }
        _ => {}
    }
    match fs::metadata(&path) {
        Ok(m) if m.is_dir() => {
            return Err(Error::Io { path, source: io::Error::other("is a folder, not a file") });
        }
        Ok(m) if !m.is_file() => {
            // A device or a pipe: written as it is, never replaced.
            let mut f = fs::OpenOptions::new().write(true).open(&path).map_err(io_err(&path))?;
            let mut out = BufWriter::new(&mut f);
            write(&mut out).and_then(|_| out.flush()).map_err(io_err(&path))?;
            return Ok(());
        }
        _ => {}
    }
    let name = path.file_name().ok_or_else(|| Error::Input(format!("{}: not a file name", path.display())))?;
    let name = name.to_string_lossy().into_owned();
    let dir = dir_of(&path).to_path_buf();
    fs::create_dir_all(&dir).map_err(io_err(&dir))?;
    let _lock = DirLock::acquire(&dir)?;
    remove_stale(&dir);
    let tmp = dir.join(temp_name(&name));
    let result = write_synced(&tmp, write).and_then(|_| fs::rename(&tmp, &path));
    if let Err(source) = result {
        let _ = fs::remove_file(&tmp);
        return Err(Error::Output { path, source, kept: "the file there before, if any, is unchanged".into() });
    }
    sync_dir(&dir);
    Ok(())
}

/// Writes a query's cache beside its graph if no other trame is writing
/// into that folder; `Ok(false)` when it was skipped for that reason.
pub(crate) fn write_file_if_free(path: &Path, bytes: &[u8]) -> Result<bool> {
    let name = path.file_name().ok_or_else(|| Error::Input(format!("{}: not a file name", path.display())))?;
    let name = name.to_string_lossy().into_owned();
    let dir = dir_of(path);
    let Some(_lock) = DirLock::try_acquire(dir) else { return Ok(false) };
    remove_stale(dir);
    let tmp = dir.join(temp_name(&name));
    let result = write_synced(&tmp, &|w| w.write_all(bytes)).and_then(|_| fs::rename(&tmp, path));
    if let Err(source) = result {
        let _ = fs::remove_file(&tmp);
        return Err(Error::Io { path: path.to_path_buf(), source });
    }
    Ok(true)
}

// ---------------------------------------------------------------------------
// A set of files

/// One file of a manifest: its name in the folder, size and XXH64.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Entry {
    pub(crate) name: String,
    pub(crate) bytes: u64,
    /// Sixteen lowercase hex digits.
    pub(crate) xxh64: String,
}

/// `SET.manifest.json`: the files one build wrote together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Manifest {
    /// The version of trame that wrote them.
    pub(crate) trame: String,
    pub(crate) files: Vec<Entry>,
}

/// The journal of a publication under way: where each file's temporary is.
#[derive(Debug, Serialize, Deserialize)]
struct Journal {
    /// The manifest to write when the set is in place (`None`: no manifest).
    manifest: Option<String>,
    /// The version of trame that wrote the set.
    trame: String,
    files: Vec<(String, Entry)>,
}

/// The files of a set, written to their temporaries and synced, not yet
/// committed. Nothing is removed when it is dropped: `publish_set` removes
/// the temporaries on failure, and a process that dies leaves them to the
/// next writer.
#[derive(Debug)]
struct Staged {
    dir: PathBuf,
    set: String,
    manifest: bool,
    /// (temporary, entry), in the order given.
    files: Vec<(String, Entry)>,
}

/// A file to write into a set: its name and what writes it.
pub(crate) type Part<'a> = (String, Box<dyn Fn(&mut dyn Write) -> io::Result<()> + 'a>);

impl Staged {
    /// Step 1: every file to its temporary, synced. On failure, removes what
    /// it wrote and names the file that failed.
    fn write(dir: &Path, set: &str, manifest: bool, parts: &[Part]) -> Result<Staged> {
        let mut staged = Staged { dir: dir.to_path_buf(), set: set.to_string(), manifest, files: Vec::new() };
        for (name, write) in parts {
            let tmp = temp_name(name);
            match write_synced(&dir.join(&tmp), write.as_ref()) {
                Ok((bytes, hash)) => {
                    staged.files.push((tmp, Entry { name: name.clone(), bytes, xxh64: format!("{hash:016x}") }))
                }
                Err(source) => {
                    let _ = fs::remove_file(dir.join(&tmp));
                    staged.discard();
                    return Err(Error::Output {
                        path: dir.join(name),
                        source,
                        kept: format!(
                            "nothing was replaced: the files in {} are those of the previous build",
                            dir.display()
                        ),
                    });
                }
            }
        }
        Ok(staged)
    }

    fn journal(&self) -> Journal {
        Journal {
            manifest: self.manifest.then(|| manifest_name(&self.set)),
            trame: env!("CARGO_PKG_VERSION").to_string(),
            files: self.files.clone(),
        }
    }

    fn discard(&self) {
        for (tmp, _) in &self.files {
            let _ = fs::remove_file(self.dir.join(tmp));
        }
    }

    /// Step 2: the journal, renamed into place and the folder synced.
    fn commit(&self) -> Result<()> {
        let journal = self.journal();
        let text = serde_json::to_string_pretty(&journal).expect("a journal serializes") + "\n";
        let path = self.dir.join(pending_name(&self.set));
        let tmp = self.dir.join(temp_name(&pending_name(&self.set)));
        let result = write_synced(&tmp, &|w| w.write_all(text.as_bytes())).and_then(|_| fs::rename(&tmp, &path));
        if let Err(source) = result {
            let _ = fs::remove_file(&tmp);
            self.discard();
            return Err(Error::Output {
                path,
                source,
                kept: format!(
                    "nothing was replaced: the files in {} are those of the previous build",
                    self.dir.display()
                ),
            });
        }
        sync_dir(&self.dir);
        Ok(())
    }
}

/// Steps 3 and 4 for a committed journal: renames each temporary that is
/// still there (and whole) over its final name, writes the manifest, removes
/// the journal. Safe to run again after a crash at any point of it.
fn roll_forward(dir: &Path, journal: &Journal, pending: &Path) -> Result<()> {
    let mut whole = true;
    for (tmp, entry) in &journal.files {
        let tmp_path = dir.join(tmp);
        if !tmp_path.exists() {
            continue; // renamed already
        }
        if !matches_entry(&tmp_path, entry) {
            // Damaged after it was synced: keep the file there and say so.
            eprintln!("trame: warning: {} does not match its journal and was removed", tmp_path.display());
            let _ = fs::remove_file(&tmp_path);
            whole = false;
            continue;
        }
        let dest = dir.join(&entry.name);
        fs::rename(&tmp_path, &dest).map_err(|source| Error::Output {
            path: dest.clone(),
            source,
            kept: format!("the new set is incomplete: run trame again to finish it ({} lists it)", pending.display()),
        })?;
    }
    sync_dir(dir);
    if let Some(name) = &journal.manifest {
        let path = dir.join(name);
        if whole {
            let files = journal.files.iter().map(|(_, e)| e.clone()).collect();
            let manifest = Manifest { trame: journal.trame.clone(), files };
            let text = serde_json::to_string_pretty(&manifest).expect("a manifest serializes") + "\n";
            let tmp = dir.join(temp_name(name));
            write_synced(&tmp, &|w| w.write_all(text.as_bytes())).and_then(|_| fs::rename(&tmp, &path)).map_err(
                |source| {
                    let _ = fs::remove_file(&tmp);
                    Error::Io { path: path.clone(), source }
                },
            )?;
        } else {
            // A manifest that no longer describes the files must not stay.
            let _ = fs::remove_file(&path);
        }
    }
    fs::remove_file(pending).map_err(io_err(pending))?;
    sync_dir(dir);
    Ok(())
}

/// Whether a file has the size and XXH64 of an entry.
pub(crate) fn matches_entry(path: &Path, entry: &Entry) -> bool {
    let Ok(mut f) = File::open(path) else { return false };
    let mut h = Xxh64::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut bytes = 0u64;
    loop {
        match f.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                h.update(&buf[..n]);
                bytes += n as u64;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return false,
        }
    }
    bytes == entry.bytes && format!("{:016x}", h.finish()) == entry.xxh64
}

/// Finishes any publication that a dead process left committed in `dir`.
/// Called with the lock held.
fn recover(dir: &Path) -> Result<()> {
    let Ok(entries) = fs::read_dir(dir) else { return Ok(()) };
    let mut journals: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.') && n.ends_with(".trame-pending"))
        })
        .collect();
    journals.sort();
    for pending in journals {
        let text = fs::read_to_string(&pending).map_err(io_err(&pending))?;
        match serde_json::from_str::<Journal>(&text) {
            Ok(journal) => roll_forward(dir, &journal, &pending)?,
            Err(e) => {
                // Journals are written whole and renamed; this one is not ours.
                eprintln!("trame: warning: {}: not a journal of trame ({e}); left as it is", pending.display());
            }
        }
    }
    Ok(())
}

/// Writes a set of files into `dir` so that it replaces the previous set
/// whole or not at all (see the module docs). `set` names the journal and,
/// when `manifest` is true, the manifest `SET.manifest.json`.
pub(crate) fn publish_set(dir: &Path, set: &str, manifest: bool, parts: &[Part]) -> Result<()> {
    fs::create_dir_all(dir).map_err(io_err(dir))?;
    let _lock = DirLock::acquire(dir)?;
    recover(dir)?;
    remove_stale(dir);
    let staged = Staged::write(dir, set, manifest, parts)?;
    staged.commit()?;
    roll_forward(dir, &staged.journal(), &dir.join(pending_name(set)))
}

/// The sets trame publishes, by the name of their journal and manifest.
pub(crate) const SETS: [&str; 2] = ["graph", "csv"];

/// Finishes a publication left in the folder of `path` by a process that
/// died, if there is one (a reader calls this before reading: two `stat`s
/// when there is none). Waits for a writer that holds the lock.
pub(crate) fn settle(path: &Path) -> Result<()> {
    let dir = dir_of(path);
    if !SETS.iter().any(|set| dir.join(pending_name(set)).exists()) {
        return Ok(());
    }
    let _lock = DirLock::acquire(dir)?;
    recover(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("trame-publish-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn parts(tag: &str) -> Vec<Part<'static>> {
        let tag = tag.to_string();
        ["graph.json", "graph.graphml", "graph.gexf", "graph.dot"]
            .into_iter()
            .map(|name| {
                let text = format!("{name} of build {tag}\n");
                let part: Part<'static> =
                    (name.to_string(), Box::new(move |w: &mut dyn Write| w.write_all(text.as_bytes())));
                part
            })
            .collect()
    }

    /// Which build each file of the set comes from, and what else is there.
    fn state(dir: &Path) -> (Vec<String>, Vec<String>) {
        let mut builds = Vec::new();
        for name in ["graph.json", "graph.graphml", "graph.gexf", "graph.dot"] {
            let text = fs::read_to_string(dir.join(name)).unwrap_or_default();
            builds.push(text.trim().rsplit(' ').next().unwrap_or("").to_string());
        }
        let mut others: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().into_string().unwrap())
            .filter(|n| {
                !["graph.json", "graph.graphml", "graph.gexf", "graph.dot", "graph.manifest.json"].contains(&n.as_str())
            })
            .collect();
        others.sort();
        (builds, others)
    }

    fn manifest_matches(dir: &Path) -> bool {
        let text = fs::read_to_string(dir.join("graph.manifest.json")).unwrap();
        let m: Manifest = serde_json::from_str(&text).unwrap();
        m.files.len() == 4 && m.files.iter().all(|e| matches_entry(&dir.join(&e.name), e))
    }

    #[test]
    fn a_set_replaces_the_previous_one_whole_with_a_manifest() {
        let dir = temp_dir("whole");
        publish_set(&dir, "graph", true, &parts("A")).unwrap();
        assert_eq!(state(&dir), (vec!["A".to_string(); 4], Vec::<String>::new()));
        assert!(manifest_matches(&dir));
        publish_set(&dir, "graph", true, &parts("B")).unwrap();
        assert_eq!(state(&dir).0, vec!["B".to_string(); 4]);
        assert!(manifest_matches(&dir));
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_failed_write_leaves_the_previous_set_and_no_temporary() {
        let dir = temp_dir("full");
        publish_set(&dir, "graph", true, &parts("A")).unwrap();
        let before = fs::read(dir.join("graph.manifest.json")).unwrap();
        // The third file meets a full disk after some bytes.
        let mut p = parts("B");
        p[2].1 = Box::new(|w: &mut dyn Write| {
            w.write_all(&[b'x'; 100_000])?;
            Err(io::Error::from_raw_os_error(28))
        });
        let e = publish_set(&dir, "graph", true, &p).unwrap_err();
        let msg = e.to_string();
        assert!(msg.contains("graph.gexf") && msg.contains("nothing was replaced"), "{msg}");
        assert_eq!(state(&dir), (vec!["A".to_string(); 4], Vec::<String>::new()));
        assert_eq!(fs::read(dir.join("graph.manifest.json")).unwrap(), before);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_crash_before_the_commit_leaves_the_old_set_and_temporaries_the_next_writer_removes() {
        let dir = temp_dir("before");
        publish_set(&dir, "graph", true, &parts("A")).unwrap();
        let staged = Staged::write(&dir, "graph", true, &parts("B")).unwrap();
        drop(staged); // the process dies here
        let (builds, others) = state(&dir);
        assert_eq!(builds, vec!["A".to_string(); 4]);
        assert_eq!(others.iter().filter(|n| n.contains(".trame-tmp-")).count(), 4, "{others:?}");
        // A reader sees the old set and no journal.
        settle(&dir.join("graph.json")).unwrap();
        assert!(manifest_matches(&dir));
        publish_set(&dir, "graph", true, &parts("C")).unwrap();
        assert_eq!(state(&dir), (vec!["C".to_string(); 4], Vec::<String>::new()));
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_crash_after_the_commit_is_rolled_forward_by_the_next_reader_or_writer() {
        for renamed in 0..=4 {
            for by_writer in [false, true] {
                let dir = temp_dir(&format!("after{renamed}{by_writer}"));
                publish_set(&dir, "graph", true, &parts("A")).unwrap();
                let staged = Staged::write(&dir, "graph", true, &parts("B")).unwrap();
                staged.commit().unwrap();
                // The process dies after `renamed` renames.
                for (tmp, entry) in staged.files.iter().take(renamed) {
                    fs::rename(dir.join(tmp), dir.join(&entry.name)).unwrap();
                }
                if by_writer {
                    publish_set(&dir, "graph", true, &parts("C")).unwrap();
                    assert_eq!(state(&dir), (vec!["C".to_string(); 4], Vec::<String>::new()));
                } else {
                    settle(&dir.join("graph.json")).unwrap();
                    assert_eq!(state(&dir), (vec!["B".to_string(); 4], Vec::<String>::new()));
                }
                assert!(manifest_matches(&dir));
                let _ = fs::remove_dir_all(&dir);
            }
        }
    }

    #[test]
    fn stale_temporaries_of_earlier_versions_are_removed_when_their_process_is_gone() {
        let dir = temp_dir("legacy");
        // A pid above the kernel's limit is never running.
        for name in [".graph.json.tmp-4999999", ".graph.dot.tmp-4999999", "..graph.json.trame-cache.tmp-4999999"] {
            fs::write(dir.join(name), "left over").unwrap();
        }
        let live = format!(".graph.gexf.tmp-{}", std::process::id());
        fs::write(dir.join(&live), "a live writer's").unwrap();
        fs::write(dir.join(".notes.tmp-4999999"), "not ours").unwrap();
        publish_set(&dir, "graph", true, &parts("A")).unwrap();
        let (_, others) = state(&dir);
        let mut expected = vec![live, ".notes.tmp-4999999".to_string()];
        expected.sort();
        assert_eq!(others, expected);
        let _ = fs::remove_dir_all(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_written_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        // Only where they are devices: never make a file of a broken /dev.
        let device = |p: &Path| fs::metadata(p).is_ok_and(|m| m.file_type().is_char_device());
        let null = Path::new("/dev/null");
        if device(null) {
            write_file(null, &|w| w.write_all(b"thrown away")).unwrap();
            assert!(device(null), "/dev/null is still a device");
        }
        let full = Path::new("/dev/full");
        if device(full) {
            let e = write_file(full, &|w| w.write_all(&[0u8; 100_000])).unwrap_err();
            assert!(e.to_string().contains("/dev/full"), "{e}");
            assert!(device(full), "/dev/full is still a device");
        }
    }
}
