//! The command line as a user meets it: exit codes, messages, skipped files,
//! atomic replacement of outputs.

use crate::common;

use std::process::{Command, Output};

fn trame(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(common::bin()).current_dir(dir).args(args).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const ARTICLE: &str = "Le président kényan William Ruto est arrivé à Paris.\n";

#[test]
fn missing_input_is_a_one_line_error_with_exit_2_and_nothing_written() {
    let dir = common::temp_dir("cli_missing");
    let o = trame(&dir, &["build", "nope", "--out-dir", "out"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o), "trame: nope: no such file or folder\n");
    assert!(!dir.join("out").exists());
}

#[test]
fn folder_without_articles_is_an_error() {
    let dir = common::temp_dir("cli_empty");
    std::fs::create_dir_all(dir.join("in")).unwrap();
    std::fs::write(dir.join("in/empty.txt"), "  \n").unwrap();
    let o = trame(&dir, &["build", "in", "--out-dir", "out"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no article to read in in"), "{}", stderr(&o));
    assert!(!dir.join("out").exists());
}

#[test]
fn bad_files_in_a_folder_are_skipped_with_a_warning_or_fail_with_strict() {
    let dir = common::temp_dir("cli_skip");
    std::fs::create_dir_all(dir.join("in")).unwrap();
    std::fs::write(dir.join("in/good.txt"), ARTICLE).unwrap();
    std::fs::write(dir.join("in/latin1.txt"), b"Le pr\xe9sident est arriv\xe9.").unwrap();
    std::fs::write(dir.join("in/binary.txt"), b"\x00\x01\x02PNG").unwrap();
    let o = trame(&dir, &["build", "in", "--out-dir", "out"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("note: in/latin1.txt: is not UTF-8: read as Windows-1252"), "{err}");
    assert!(err.contains("warning: skipped in/binary.txt: looks binary"), "{err}");
    assert!(err.contains("2 documents") && err.contains("1 files skipped"), "{err}");
    assert!(dir.join("out/graph.json").exists());

    let o = trame(&dir, &["build", "in", "--strict", "--out-dir", "out2"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!dir.join("out2").exists());
}

#[test]
fn one_format_to_stdout() {
    let dir = common::temp_dir("cli_stdout");
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    let o = trame(&dir, &["build", "a.txt", "--format", "json", "--output", "-", "--quiet"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["nodes"].as_array().unwrap().iter().any(|n| n["id"] == "person:william-ruto"));
    assert!(o.stderr.is_empty());
}

#[test]
fn existing_output_is_replaced_whole_and_no_temporary_file_is_left() {
    let dir = common::temp_dir("cli_atomic");
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    std::fs::write(dir.join("g.json"), "old content that is longer than nothing at all, really").unwrap();
    let o = trame(&dir, &["build", "a.txt", "--format", "json", "--output", "g.json", "--quiet"]);
    assert_eq!(o.status.code(), Some(0));
    let text = std::fs::read_to_string(dir.join("g.json")).unwrap();
    assert!(text.starts_with('{') && text.ends_with("}\n"));
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn unwritable_output_leaves_the_old_file_and_fails() {
    let dir = common::temp_dir("cli_unwritable");
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    // A folder where the output file should be: the rename cannot replace it.
    std::fs::create_dir_all(dir.join("g.json")).unwrap();
    let o = trame(&dir, &["build", "a.txt", "--format", "json", "--output", "g.json", "--quiet"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("trame: g.json: "), "{}", stderr(&o));
    assert!(dir.join("g.json").is_dir());
}

#[test]
fn summary_line_counts_kinds_and_relations() {
    let dir = common::temp_dir("cli_summary");
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    let o = trame(&dir, &["build", "a.txt", "--out-dir", "out"]);
    let err = stderr(&o);
    assert!(err.starts_with("trame: 1 documents, 1 sentences, "), "{err}");
    assert!(err.contains("1 person") && err.contains("1 holds_role"), "{err}");
    for ext in ["json", "graphml", "gexf", "dot"] {
        assert!(dir.join("out").join(format!("graph.{ext}")).exists());
    }
}

#[test]
fn user_lexicon_error_names_file_and_line() {
    let dir = common::temp_dir("cli_lexicon");
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    std::fs::create_dir_all(dir.join("lex")).unwrap();
    std::fs::write(dir.join("lex/organizations.tsv"), "label\taliases\tkind\tparent\nACME\t\tcompany\t\textra\n")
        .unwrap();
    let o = trame(&dir, &["build", "a.txt", "--lexicon", "lex", "--out-dir", "out"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o), "trame: lex/organizations.tsv:2: 5 cells but the header has 4 columns\n");
}

#[test]
fn csv_writes_nodes_and_edges_into_a_folder() {
    let dir = common::temp_dir("cli_csv");
    std::fs::create_dir_all(dir.join("in")).unwrap();
    std::fs::write(dir.join("in/a.txt"), ARTICLE).unwrap();
    let o = trame(&dir, &["build", "in", "--format", "csv", "--out-dir", "out", "--quiet"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let nodes = std::fs::read_to_string(dir.join("out/nodes.csv")).unwrap();
    let edges = std::fs::read_to_string(dir.join("out/edges.csv")).unwrap();
    assert!(nodes.starts_with("id:ID,label,kind:LABEL,mentions:int,aliases\n"), "{nodes}");
    assert!(nodes.contains("\"person:william-ruto\",\"William Ruto\",\"person\","), "{nodes}");
    assert!(edges.starts_with(":START_ID,:END_ID,:TYPE,relation,weight:double,"), "{edges}");
    assert!(edges.contains("\"person:william-ruto\",\"role:president\",\"HOLDS_ROLE\",\"holds_role\",1.0,"), "{edges}");
    // --output names the folder for csv; no temporary file is left behind.
    let o = trame(&dir, &["build", "in", "--format", "csv", "--output", "csvdir", "--quiet"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut names: Vec<String> =
        std::fs::read_dir(dir.join("csvdir")).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    assert_eq!(names, ["edges.csv", "nodes.csv"]);
}

#[test]
fn layout_chooses_the_dot_engine() {
    let dir = common::temp_dir("cli_layout");
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    let o = trame(&dir, &["build", "a.txt", "--format", "dot", "--layout", "neato", "--output", "-", "--quiet"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("layout=neato, overlap=prism"));
}

#[test]
fn pictures_need_graphviz_and_say_how_to_install_it() {
    let dir = common::temp_dir("cli_svg");
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    // No `dot` on an empty PATH: a one-line error, exit 2, nothing written.
    let o = Command::new(common::bin())
        .current_dir(&dir)
        .env("PATH", "")
        .args(["build", "a.txt", "--format", "svg", "--out-dir", "out"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("apt-get install graphviz") && err.contains("brew install graphviz"), "{err}");
    assert!(!dir.join("out").exists());
    if Command::new("dot").arg("-V").output().is_err() {
        // Straight to stderr: the harness hides `eprintln!` of a passing test.
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            b"SKIPPED: `dot` is not installed (apt-get install graphviz)\n",
        );
        return;
    }
    for (format, layout, magic) in [("svg", "sfdp", &b"<?xml"[..]), ("png", "dot", &b"\x89PNG"[..])] {
        let o = trame(&dir, &["build", "a.txt", "--format", format, "--layout", layout, "--out-dir", "out", "--quiet"]);
        assert_eq!((o.status.code(), stderr(&o)), (Some(0), String::new()));
        let bytes = std::fs::read(dir.join(format!("out/graph.{format}"))).unwrap();
        assert!(bytes.starts_with(magic), "{format}");
    }
}

#[test]
fn mentions_as_json_lines_with_char_offsets() {
    let dir = common::temp_dir("cli_mentions");
    std::fs::write(dir.join("a.txt"), "Élu à Dakar, le président kényan William Ruto a parlé.\n").unwrap();
    let o = trame(&dir, &["build", "a.txt", "--format", "mentions", "--output", "-", "--quiet"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let ruto = lines.iter().find(|m| m["text"] == "William Ruto").expect("the person");
    assert_eq!((ruto["start"].as_u64(), ruto["end"].as_u64()), (Some(33), Some(45)), "char offsets, not bytes");
    assert_eq!(ruto["node"], "person:william-ruto");
    let kenyan = lines.iter().find(|m| m["text"] == "kényan").expect("the demonym");
    assert_eq!(kenyan["proper"], false);
    assert_eq!(kenyan["kind"], "country");
    assert!(lines.iter().any(|m| m["text"] == "Dakar" && m["kind"] == "location"));
}

/// The query commands answer the same on trame's GraphML and GEXF as on
/// its JSON: the XML carries every sentence, read back whole.
#[test]
fn queries_answer_the_same_on_graphml_and_gexf() {
    let dir = common::temp_dir("cli_xml_graph");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let o = trame(&dir, &["build", root.join("seeds").to_str().unwrap(), "--out-dir", "out", "--quiet"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json = String::from_utf8(std::fs::read(dir.join("out/graph.json")).unwrap()).unwrap();
    let g = trame::graph::load::from_json(&json).unwrap();
    let mut countries = g.nodes().filter(|n| n.kind == trame::ontology::NodeKind::Country);
    let (a, b) = (countries.next().unwrap().label.clone(), countries.next().unwrap().label.clone());
    let asks: [Vec<&str>; 5] = [
        vec!["path", &a, &b, "--json"],
        vec!["neighbors", &a],
        vec!["top", "--kind", "person"],
        vec!["subgraph", &a, "--format", "json"],
        vec!["stats"],
    ];
    for ask in &asks {
        let want = trame(&dir, &[&ask[..], &["--graph", "out/graph.json"]].concat());
        for file in ["out/graph.graphml", "out/graph.gexf"] {
            let got = trame(&dir, &[&ask[..], &["--graph", file]].concat());
            assert_eq!(got.status.code(), want.status.code(), "{ask:?} {file}: {}", stderr(&got));
            // `stats` names the graph it read.
            let want_out = String::from_utf8_lossy(&want.stdout).replace("out/graph.json", "G");
            assert_eq!(String::from_utf8_lossy(&got.stdout).replace(file, "G"), want_out, "{ask:?} {file}");
            assert_eq!(stderr(&got), stderr(&want), "{ask:?} {file}");
        }
    }
    std::fs::write(dir.join("bad.graphml"), "<graphml><graph><node id=\"a\"></graph>").unwrap();
    let o = trame(&dir, &["top", "--graph", "bad.graphml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("trame: bad.graphml: line 1: not well-formed XML"), "{}", stderr(&o));
}
