//! The outputs do not depend on the number of threads: `--jobs 1` and
//! `--jobs 2` or `4` write the same bytes in every format, on the seeds and
//! on a corpus of many documents written for this test whose people and
//! titles cross documents (a surname joined to the full name another
//! document gives, a head of state lifted to the state another document
//! ties them to, an acronym spelled out elsewhere). The steps counted by
//! `trame::work` are the same too.

use std::path::Path;
use std::process::Command;

use crate::common;

use trame::export::{self, Format};
use trame::{Document, Graph, Pipeline};

const GIVEN: [&str; 6] = ["Jean", "Marie", "Paul", "Claire", "Louis", "Anne"];
const SURNAMES: [&str; 8] =
    ["Tamarel", "Vousquier", "Brunehaut", "Lopatel", "Merivoux", "Castagnol", "Dufrenet", "Saulnac"];
const COUNTRIES: [(&str, &str); 5] = [
    ("l'Italie", "italien"),
    ("l'Espagne", "espagnol"),
    ("la Pologne", "polonais"),
    ("la Suède", "suédois"),
    ("le Portugal", "portugais"),
];

/// Document `i` of the corpus: someone named in full with a title and a
/// state, someone else named by surname only, a meeting, a quotation.
pub(crate) fn article(i: usize) -> String {
    let (g, s) = (GIVEN[i % 6], SURNAMES[i % 8]);
    let other = SURNAMES[(i + 3) % 8];
    let (country, adj) = COUNTRIES[i % 5];
    let (country2, _) = COUNTRIES[(i + 2) % 5];
    format!(
        "Le ministre {adj} des Affaires étrangères, {g} {s}, a rencontré mardi {other} à Genève. \
         « Nous voulons la paix », a déclaré {s}. \
         L'Organisation mondiale des pêcheurs (OMP) a salué la rencontre. \
         Le président de {country2} a reçu {s} la semaine dernière, puis {s} s'est rendu en {country}. \
         L'OMP a annoncé une aide de 3 millions d'euros pour {country}."
    )
}

fn corpus(n: usize) -> Vec<Document> {
    let mut docs: Vec<Document> = (0..n).map(|i| Document::new(format!("d{i:03}.txt"), article(i))).collect();
    docs.sort_by(|a, b| a.name.cmp(&b.name));
    docs
}

pub(crate) fn all_bytes(g: &Graph) -> Vec<(Format, Vec<u8>)> {
    trame::cli::DEFAULT_FORMATS
        .into_iter()
        .chain([Format::Csv])
        .map(|f| {
            let mut out = Vec::new();
            export::write(g, f, &mut out).unwrap();
            (f, out)
        })
        .collect()
}

#[test]
fn the_library_gives_the_same_graph_mentions_and_work_on_any_number_of_threads() {
    let docs = corpus(40);
    trame::work::take();
    let (g1, m1) = Pipeline::builtin().run_with_mentions(&docs);
    let w1 = trame::work::take();
    let b1 = all_bytes(&g1);
    // The corpus crosses documents: a surname alone resolves to the person
    // another document names in full, so edges gather evidence from several.
    assert!(g1.edges().iter().any(|e| {
        let docs: std::collections::BTreeSet<&str> = e.evidence.iter().map(|ev| ev.doc.as_str()).collect();
        docs.len() >= 2
    }));
    assert!(g1.node("person:jean-tamarel").is_some(), "{:?}", common::nodes(&g1));
    assert!(w1 > 0);
    for jobs in [2, 3, 4, 0] {
        trame::work::take();
        let (g, m) = Pipeline::builtin().with_jobs(jobs).run_with_mentions(&docs);
        let w = trame::work::take();
        assert_eq!(w, w1, "steps counted with {jobs} jobs");
        assert_eq!(m, m1, "mentions with {jobs} jobs");
        for ((f, a), (_, b)) in b1.iter().zip(all_bytes(&g)) {
            assert!(*a == b, "{f:?} differs with {jobs} jobs");
        }
    }
}

fn build(inputs: &Path, jobs: &str, out: &Path) {
    let o = Command::new(common::bin())
        .args(["build", "-q", "--jobs", jobs, "--out-dir"])
        .arg(out)
        .arg(inputs)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// Every file `trame build` writes by default, with `--jobs 1` and more.
fn same_files_on_any_jobs(name: &str, inputs: &Path) {
    let dir = common::temp_dir(&format!("parallel-{name}"));
    build(inputs, "1", &dir.join("1"));
    for jobs in ["2", "4"] {
        build(inputs, jobs, &dir.join(jobs));
        for f in ["json", "graphml", "gexf", "dot", "html"] {
            let file = format!("graph.{f}");
            let a = std::fs::read(dir.join("1").join(&file)).unwrap();
            let b = std::fs::read(dir.join(jobs).join(&file)).unwrap();
            assert!(a.len() > 100, "{name}: {file} is empty");
            assert!(a == b, "{name}: {file} differs between --jobs 1 and --jobs {jobs}");
        }
    }
}

#[test]
fn build_writes_the_same_bytes_on_the_seeds_with_any_jobs() {
    same_files_on_any_jobs("seeds", &Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"));
}

#[test]
fn build_writes_the_same_bytes_on_many_documents_with_any_jobs() {
    let dir = common::temp_dir("parallel-input");
    for (i, d) in (0..60).map(|i| (i, article(i))) {
        std::fs::write(dir.join(format!("d{i:03}.txt")), d).unwrap();
    }
    same_files_on_any_jobs("generated", &dir);
}
