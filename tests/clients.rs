//! The exports opened by real clients: xmllint against the GraphML XSD and
//! the GEXF grammar, Graphviz `dot` rendering with exit 0 and empty stderr.
//! A missing client is reported on stderr and the check is skipped, never
//! silently passed; `.ci/run` installs them.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use trame::export::{self, Format};
use trame::graph::{Evidence, Fact, GraphBuilder};
use trame::ontology::{Modality, NodeKind, Relation};

fn have(tool: &str) -> bool {
    let ok = Command::new(tool).arg("--version").output().is_ok() || Command::new(tool).arg("-V").output().is_ok();
    if !ok {
        eprintln!("SKIPPED: `{tool}` is not installed (apt-get install graphviz libxml2-utils)");
    }
    ok
}

fn schemas() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/schemas");
    if dir.exists() {
        Some(dir)
    } else {
        eprintln!("SKIPPED: ../shared/schemas is not beside the repository");
        None
    }
}

/// A graph whose labels hold every escaping trap.
fn trap_graph() -> trame::Graph {
    let mut b = GraphBuilder::new();
    let trap = "Trap « » ’ & < > \" \\ a\u{7}b\nsecond  line end\\";
    b.mention("person:trap", NodeKind::Person, trap, true);
    b.mention("country:x", NodeKind::Country, "Côte d’Ivoire & <Cie>", true);
    b.fact(Fact {
        source: "person:trap".into(),
        relation: Relation::AffiliatedWith,
        target: "country:x".into(),
        modality: Modality::Asserted,
        evidence: Evidence {
            doc: "a&b.txt".into(),
            sentence: 0,
            start: 0,
            end: 3,
            text: "« x » & ]]> y".into(),
            rule: "r".into(),
            attrs: Default::default(),
        },
    });
    b.finish()
}

fn seeds_graph() -> trame::Graph {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let loaded = trame::input::load(&[root]).unwrap();
    trame::Pipeline::builtin().run(&loaded.docs)
}

fn write(g: &trame::Graph, f: Format, dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(format!("{name}.{}", f.extension()));
    let mut out = Vec::new();
    export::write(g, f, &mut out).unwrap();
    std::fs::write(&path, out).unwrap();
    path
}

#[test]
fn graphml_and_gexf_validate_against_their_schemas() {
    let (Some(schemas), true) = (schemas(), have("xmllint")) else { return };
    let dir = common::temp_dir("clients_xml");
    for (name, g) in [("seeds", seeds_graph()), ("trap", trap_graph())] {
        let gm = write(&g, Format::Graphml, &dir, name);
        let o = Command::new("xmllint")
            .arg("--noout")
            .arg("--schema")
            .arg(schemas.join("graphml.xsd"))
            .arg(&gm)
            .output()
            .unwrap();
        assert!(o.status.success(), "{name}.graphml: {}", String::from_utf8_lossy(&o.stderr));
        let gx = write(&g, Format::Gexf, &dir, name);
        let o = Command::new("xmllint")
            .arg("--noout")
            .arg("--relaxng")
            .arg(schemas.join("gexf.rng"))
            .arg(&gx)
            .output()
            .unwrap();
        assert!(o.status.success(), "{name}.gexf: {}", String::from_utf8_lossy(&o.stderr));
    }
}

#[test]
fn dot_renders_with_exit_0_and_empty_stderr() {
    if !have("dot") {
        return;
    }
    let dir = common::temp_dir("clients_dot");
    for (name, g) in [("seeds", seeds_graph()), ("trap", trap_graph())] {
        let path = write(&g, Format::Dot, &dir, name);
        for fmt in ["-Tsvg", "-Tpng"] {
            let o = Command::new("dot").arg(fmt).arg(&path).output().unwrap();
            assert!(o.status.success() && o.stderr.is_empty(), "{name} {fmt}: {}", String::from_utf8_lossy(&o.stderr));
        }
        // Every label comes back in the SVG text (Graphviz writes a second space as U+00A0).
        if name == "trap" {
            let o = Command::new("dot").arg("-Tsvg").arg(&path).output().unwrap();
            let svg = String::from_utf8_lossy(&o.stdout).replace('\u{a0}', " ");
            assert!(svg.contains("Côte d’Ivoire &amp; &lt;Cie&gt;"), "{svg}");
        }
    }
}
