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

/// A small graph with invented names, written as the JSON a build writes.
fn invented_graph(dir: &std::path::Path) -> std::path::PathBuf {
    use trame::graph::{Evidence, Fact, GraphBuilder};
    use trame::ontology::{Modality, NodeKind, Relation};
    let mut b = GraphBuilder::new();
    b.set_label("country:islande", NodeKind::Country, "Islande");
    b.set_label("location:val-norte", NodeKind::Location, "Val Norte");
    b.set_label("location:val-sur", NodeKind::Location, "Val Sur");
    for (s, t) in [("country:islande", "location:val-norte"), ("location:val-norte", "location:val-sur")] {
        b.fact(Fact {
            source: s.into(),
            relation: Relation::LocatedIn,
            target: t.into(),
            modality: Modality::Asserted,
            evidence: Evidence {
                doc: "v.txt".into(),
                sentence: 0,
                start: 0,
                end: 10,
                text: "Une phrase inventée.".into(),
                rule: "r".into(),
                attrs: Default::default(),
            },
        });
    }
    let path = dir.join("g.json");
    let mut out = Vec::new();
    trame::export::json::write(&b.finish(), &mut out).unwrap();
    std::fs::write(&path, out).unwrap();
    path
}

/// Runs trame with stdout a pipe whose reading end is closed at once, as
/// `| head` closes it: the command must end quietly with status 0.
fn with_closed_stdout(dir: &std::path::Path, args: &[&str]) -> Output {
    let mut child = Command::new(common::bin())
        .current_dir(dir)
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_pipe_ends_quietly_with_status_0() {
    let dir = common::temp_dir("cli_pipe");
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let seeds = seeds.to_str().unwrap();
    let g = invented_graph(&dir);
    let g = g.to_str().unwrap();
    for args in [
        vec!["build", seeds, "--format", "json", "-o", "-"],
        vec!["build", seeds, "--format", "graphml", "-o", "-", "-q"],
        vec!["path", "Islande", "Val Sur", "--graph", g],
        vec!["top", "--graph", g, "--json"],
    ] {
        let o = with_closed_stdout(&dir, &args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert!(!stderr(&o).contains("pipe") && !stderr(&o).contains("panicked"), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn output_extension_names_the_format_and_csv_refuses_stdout() {
    let dir = common::temp_dir("cli_ext");
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    for (file, head) in [("g.gexf", "<gexf "), ("g.graphml", "<graphml "), ("g.json", "{"), ("g.dot", "digraph")] {
        let o = trame(&dir, &["build", "a.txt", "-o", file, "-q"]);
        assert_eq!(o.status.code(), Some(0), "{file}: {}", stderr(&o));
        assert_eq!(stderr(&o), "", "-q prints nothing");
        assert!(std::fs::read_to_string(dir.join(file)).unwrap().contains(head), "{file}");
    }
    let o = trame(&dir, &["build", "a.txt", "-o", "g.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(".graphml") && stderr(&o).contains("--format"), "{}", stderr(&o));
    let o = trame(&dir, &["build", "a.txt", "--format", "csv", "-o", "-"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot share one stream") && o.stdout.is_empty(), "{}", stderr(&o));
    let o = trame(&dir, &["build", "a.txt", "-o", "g2.json", "-v"]);
    assert!(stderr(&o).contains("trame: wrote g2.json"), "{}", stderr(&o));
    let o = trame(&dir, &["build", "a.txt", "--lexicon", "no/such/dir"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--lexicon no/such/dir: no such folder"), "{}", stderr(&o));
}

#[test]
fn completions_and_man_page_are_generated() {
    let dir = common::temp_dir("cli_completions");
    for (shell, mark) in [("bash", "complete -F"), ("zsh", "#compdef trame"), ("fish", "complete -c trame")] {
        let o = trame(&dir, &["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}: {}", stderr(&o));
        let text = String::from_utf8_lossy(&o.stdout);
        // fish spells a long option `-l graph`.
        let graph = text.contains("--graph") || text.contains("-l graph");
        assert!(text.contains(mark) && text.contains("neighbors") && graph, "{shell}: {text}");
    }
    let o = trame(&dir, &["man"]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success() && text.contains(".TH trame 1") && text.contains("completions"), "{text}");
    let o = trame(&dir, &["completions", "nosh"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("bash") && stderr(&o).contains("zsh"), "{}", stderr(&o));
}

#[test]
fn colour_follows_the_flag_and_the_environment() {
    let dir = common::temp_dir("cli_colour");
    let g = invented_graph(&dir);
    let g = g.to_str().unwrap();
    let run = |flag: &str, env: &[(&str, &str)]| {
        let mut c = Command::new(common::bin());
        c.current_dir(&dir).args(["top", "--graph", g, "--color", flag]);
        for v in ["NO_COLOR", "CLICOLOR_FORCE", "TERM"] {
            c.env_remove(v);
        }
        c.envs(env.iter().copied());
        let o = c.output().unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        String::from_utf8_lossy(&o.stdout).contains('\u{1b}')
    };
    assert!(run("always", &[("NO_COLOR", "1")]));
    assert!(!run("never", &[("CLICOLOR_FORCE", "1")]));
    // The test's stdout is a pipe: auto colours only when forced.
    assert!(!run("auto", &[]));
    assert!(run("auto", &[("CLICOLOR_FORCE", "1")]));
    assert!(!run("auto", &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]));
    assert!(run("auto", &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "")]));
    assert!(!run("auto", &[("CLICOLOR_FORCE", "0")]));
    use trame::cli::{color_on, ColorArg};
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
    };
    assert!(color_on(ColorArg::Auto, env(&[]), true));
    assert!(!color_on(ColorArg::Auto, env(&[("TERM", "dumb")]), true));
    assert!(!color_on(ColorArg::Auto, env(&[("NO_COLOR", "x")]), true));
    assert!(color_on(ColorArg::Auto, env(&[("NO_COLOR", "")]), true));
    assert!(color_on(ColorArg::Auto, env(&[("TERM", "dumb"), ("CLICOLOR_FORCE", "1")]), false));
}

#[test]
fn errors_about_values_list_the_valid_ones_and_names_are_suggested() {
    let dir = common::temp_dir("cli_values");
    let g = invented_graph(&dir);
    let g = g.to_str().unwrap();
    let o = trame(&dir, &["top", "--kind", "persn", "--graph", g]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("one of person, country, organization, location, role, claim"), "{}", stderr(&o));
    let o = trame(&dir, &["build", "--format", "gexff"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("graphml") && stderr(&o).contains("json"), "{}", stderr(&o));
    // By prefix, as whole words.
    let o = trame(&dir, &["neighbors", "Val", "--graph", g]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("did you mean Val Norte (location), Val Sur (location)"), "{}", stderr(&o));
    // By an alias the lexicon knows, far from the label in spelling.
    let o = trame(&dir, &["neighbors", "Iceland", "--graph", g]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("did you mean Islande (country)"), "{}", stderr(&o));
}

#[test]
fn top_by_mentions_ranks_the_most_named_first_and_prints_the_count() {
    let dir = common::temp_dir("cli_top_mentions");
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let o = trame(&dir, &["build", seeds.to_str().unwrap(), "--format", "json", "-o", "g.json", "-q"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o =
        trame(&dir, &["top", "--graph", "g.json", "--kind", "person,country", "--by", "mentions", "-n", "5", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for table in v["kinds"].as_array().unwrap() {
        let counts: Vec<u64> =
            table["nodes"].as_array().unwrap().iter().map(|n| n["mentions"].as_u64().unwrap()).collect();
        assert_eq!(counts.len(), 5);
        assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
        assert!(counts[0] > 1);
    }
    let o = trame(&dir, &["top", "--graph", "g.json", "--by", "mentions", "-n", "2"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("mentions"), "{}", String::from_utf8_lossy(&o.stdout));
}
