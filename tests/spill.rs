//! A run whose first pass waits on disk (`--spill always`, or `auto` past
//! 32 MiB of text) gives the same bytes in every format as one that keeps
//! it in memory, on the seeds and on a corpus whose people, titles and
//! acronyms cross documents (`parallel::article`), on one thread or two;
//! a temporary folder where no file can be made only keeps it in memory;
//! no file is left behind. A merge whose records' sentences wait on disk
//! gives the build's graph and mentions, and writes the records back as
//! they were read.

use std::path::Path;
use std::process::Command;

use crate::{common, parallel::article};

use trame::{Document, Graph, Pipeline, Spill};

fn bytes(g: &Graph) -> Vec<Vec<u8>> {
    crate::parallel::all_bytes(g).into_iter().map(|(_, b)| b).collect()
}

#[test]
fn the_library_gives_the_same_graph_and_mentions_from_the_disk() {
    let mut docs: Vec<Document> = (0..50).map(|i| Document::new(format!("d{i:03}.txt"), article(i))).collect();
    for e in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")).unwrap() {
        let p = e.unwrap().path();
        docs.push(Document::new(p.display().to_string(), std::fs::read_to_string(&p).unwrap()));
    }
    docs.sort_by(|a, b| a.name.cmp(&b.name));
    let (g, m) = Pipeline::builtin().with_spill(Spill::Never).run_with_mentions(&docs);
    assert!(g.edges().len() > 100 && m.len() > 500, "{} edges, {} mentions", g.edges().len(), m.len());
    let want = bytes(&g);
    for jobs in [1, 2] {
        let (g2, m2) = Pipeline::builtin().with_jobs(jobs).with_spill(Spill::Always).run_with_mentions(&docs);
        assert_eq!(m2, m, "mentions from the disk, {jobs} jobs");
        assert!(bytes(&g2) == want, "a format differs from the disk, {jobs} jobs");
    }
}

fn build(spill: &str, tmp: &Path, out: &Path) {
    let o = Command::new(common::bin())
        .args(["build", "-q", "--jobs", "2", "--spill", spill, "--out-dir"])
        .arg(out)
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"))
        .env("TMPDIR", tmp)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn build_writes_the_same_files_with_or_without_the_disk_and_leaves_none() {
    let dir = common::temp_dir("spill-cli");
    let tmp = dir.join("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    build("never", &tmp, &dir.join("never"));
    build("always", &tmp, &dir.join("always"));
    // No folder to write in: the first pass stays in memory.
    build("always", &dir.join("no-such-folder"), &dir.join("nowhere"));
    for f in ["json", "graphml", "gexf", "dot", "html"] {
        let file = format!("graph.{f}");
        let a = std::fs::read(dir.join("never").join(&file)).unwrap();
        assert!(a.len() > 100, "{file} is empty");
        for run in ["always", "nowhere"] {
            let b = std::fs::read(dir.join(run).join(&file)).unwrap();
            assert!(a == b, "{file} differs between --spill never and {run}");
        }
    }
    let left: Vec<_> = std::fs::read_dir(&tmp).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(left.is_empty(), "left in TMPDIR: {left:?}");
}

#[test]
fn a_merge_whose_records_wait_on_disk_gives_the_build_and_writes_the_records_back() {
    use trame::extract::split::{self, Corpus};
    let mut docs: Vec<Document> = (0..20).map(|i| Document::new(format!("d{i:02}.txt"), article(i))).collect();
    // Decomposed accents: the record keeps the text as written.
    docs.push(Document::new(
        "nfd.txt",
        "Le ministre ukrainien Oleksa Varenko a rencontre\u{301} a\u{300} Kyiv son homologue.",
    ));
    docs.sort_by(|a, b| a.name.cmp(&b.name));
    let p = Pipeline::builtin().with_jobs(2);
    let (g, m) = p.with_spill(Spill::Never).run_with_mentions(&docs);
    let mut records = Vec::new();
    split::write_records(&p.extract(&docs), &mut records).unwrap();
    let read = |spill: Spill| {
        let mut c = Corpus::with_spill(spill);
        // Every record twice, the second time after the first ones: kept once.
        c.read(trame::lexicon::Lexicon::builtin(), "r", &records[..]).unwrap();
        c.read(trame::lexicon::Lexicon::builtin(), "r", &records[..]).unwrap();
        c.finish()
    };
    let (on_disk, in_memory) = (read(Spill::Always), read(Spill::Never));
    assert_eq!((on_disk.len(), on_disk.sentences()), (in_memory.len(), in_memory.sentences()));
    assert_eq!(on_disk.len(), docs.len());
    let (mut a, mut b) = (Vec::new(), Vec::new());
    on_disk.write(&mut a).unwrap();
    in_memory.write(&mut b).unwrap();
    assert!(a == b && a == records, "the records written back differ");
    let (g2, m2) = p.run_corpus_with_mentions(on_disk);
    assert_eq!(m2, m);
    assert!(bytes(&g2) == bytes(&g), "a format differs after a merge from the disk");
}
