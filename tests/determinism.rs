//! The same input gives the same bytes, whatever the order of the input files.

use crate::common;

use trame::export::{self, Format};
use trame::{Document, Pipeline};

const DOCS: &[(&str, &str)] = &[
    (
        "b.txt",
        "Le président kényan William Ruto a rencontré le Premier ministre indien. « Nous avancerons », a déclaré Ruto.",
    ),
    ("a.txt", "Le ministère brésilien de la Santé a confirmé. L’Élysée a publié un communiqué à Paris."),
    ("c.txt", "La Finlande, membre de l’OTAN, renforce sa frontière avec la Russie. Ruto est reparti à Nairobi."),
];

fn bytes(order: &[usize], format: Format) -> Vec<u8> {
    let mut docs: Vec<Document> = order.iter().map(|&i| Document::new(DOCS[i].0, DOCS[i].1)).collect();
    docs.sort_by(|a, b| a.name.cmp(&b.name));
    let g = Pipeline::builtin().run(&docs);
    let mut out = Vec::new();
    export::write(&g, format, &mut out).unwrap();
    out
}

#[test]
fn every_format_is_byte_identical_whatever_the_input_order() {
    for f in trame::cli::DEFAULT_FORMATS.into_iter().chain([Format::Csv]) {
        let a = bytes(&[0, 1, 2], f);
        let b = bytes(&[2, 1, 0], f);
        assert!(!a.is_empty());
        assert_eq!(a, b, "format {}", f.extension());
        assert!(a.ends_with(b"\n") && !a.ends_with(b"\n\n"), "one final newline in {}", f.extension());
        assert!(!a.contains(&b'\r'));
    }
}

#[test]
fn cli_output_does_not_depend_on_argument_order() {
    let dir = common::temp_dir("determinism");
    for (name, text) in DOCS {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let run = |args: &[&str], out: &str| {
        let mut cmd = std::process::Command::new(common::bin());
        cmd.current_dir(&dir).arg("build").arg("--quiet").args(args).args(["--format", "json", "--output", out]);
        assert!(cmd.status().unwrap().success());
        std::fs::read(dir.join(out)).unwrap()
    };
    assert_eq!(run(&["a.txt", "b.txt", "c.txt"], "1.json"), run(&["c.txt", "b.txt", "a.txt"], "2.json"));
}
