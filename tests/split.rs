//! The map/merge split: `trame extract` then `trame merge` writes the bytes
//! `trame build` writes on the same documents, in every format; merging is
//! associative, order-independent and idempotent; bad records are refused
//! with the file and line, never a panic. The corpus crosses documents (a
//! surname joined to the full name another document gives, a head of state
//! lifted to the state another names, an acronym spelled out elsewhere), so
//! a merge that lost what documents share would differ from the build.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::common;
use crate::parallel::article;

use trame::extract::split::{self, Corpus};
use trame::lexicon::Lexicon;
use trame::{Document, Pipeline};

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut c = Command::new(common::bin());
    c.args(args).stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
    c.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = c.spawn().unwrap();
    if let Some(bytes) = stdin {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn ok(args: &[&str]) -> Output {
    let o = run(args, None);
    assert!(o.status.success(), "trame {args:?}: {}", String::from_utf8_lossy(&o.stderr));
    o
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A folder of `n` articles of the cross-document corpus, from `from`.
fn articles(dir: &Path, from: usize, n: usize) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    for i in from..from + n {
        std::fs::write(dir.join(format!("d{i:03}.txt")), article(i)).unwrap();
    }
    dir.to_path_buf()
}

/// The default set of files a build or a merge writes into `dir`.
fn default_set(dir: &Path) -> Vec<(String, Vec<u8>)> {
    ["json", "graphml", "gexf", "dot", "html"]
        .iter()
        .map(|f| {
            let name = format!("graph.{f}");
            let bytes = std::fs::read(dir.join(&name)).unwrap();
            (name, bytes)
        })
        .collect()
}

fn assert_same_set(a: &Path, b: &Path, what: &str) {
    for ((name, x), (_, y)) in default_set(a).iter().zip(default_set(b)) {
        assert!(x.len() > 100, "{what}: {name} is empty");
        assert!(*x == y, "{what}: {name} differs");
    }
}

#[test]
fn extract_then_merge_writes_the_bytes_build_writes_in_every_format() {
    let dir = common::temp_dir("split-same");
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let corpus = articles(&dir.join("in"), 0, 30);
    for (name, input) in [("seeds", seeds.as_path()), ("generated", corpus.as_path())] {
        let (b, m, records) =
            (dir.join(name).join("build"), dir.join(name).join("merge"), dir.join(name).join("r.jsonl"));
        ok(&["build", "-q", "--out-dir", s(&b), s(input)]);
        ok(&["extract", "-q", "-o", s(&records), s(input)]);
        ok(&["merge", "-q", "--out-dir", s(&m), s(&records)]);
        assert_same_set(&b, &m, name);
        // One format at a time, and the mentions, which are no graph.
        for f in ["csv", "mentions", "json"] {
            let (x, y) = (dir.join(name).join(format!("b.{f}")), dir.join(name).join(format!("m.{f}")));
            ok(&["build", "-q", "--format", f, "-o", s(&x), s(input)]);
            ok(&["merge", "-q", "--format", f, "-o", s(&y), s(&records)]);
            if f == "csv" {
                for file in ["nodes.csv", "edges.csv"] {
                    assert_eq!(std::fs::read(x.join(file)).unwrap(), std::fs::read(y.join(file)).unwrap(), "{file}");
                }
            } else {
                assert_eq!(std::fs::read(&x).unwrap(), std::fs::read(&y).unwrap(), "{name}: --format {f}");
            }
        }
        // A filter applies to the merged graph as to the built one.
        let (x, y) = (dir.join(name).join("bf.json"), dir.join(name).join("mf.json"));
        ok(&["build", "-q", "--actors-only", "--kind", "person,country", "-o", s(&x), s(input)]);
        ok(&["merge", "-q", "--actors-only", "--kind", "person,country", "-o", s(&y), s(&records)]);
        assert_eq!(std::fs::read(&x).unwrap(), std::fs::read(&y).unwrap(), "{name}: filtered");
    }
}

#[test]
fn merging_is_associative_order_independent_and_idempotent() {
    let dir = common::temp_dir("split-assoc");
    let all = articles(&dir.join("all"), 0, 24);
    // Three parts of the corpus, extracted apart (three map tasks).
    let parts: Vec<PathBuf> = (0..3)
        .map(|k| {
            let input = articles(&dir.join(format!("in{k}")), k * 8, 8);
            let out = dir.join(format!("p{k}.jsonl"));
            ok(&["extract", "-q", "-o", s(&out), s(&input)]);
            out
        })
        .collect();
    let (a, b, c) = (s(&parts[0]), s(&parts[1]), s(&parts[2]));
    let build = dir.join("build");
    ok(&["build", "-q", "--out-dir", s(&build), s(&all)]);
    let ab = dir.join("ab.jsonl");
    ok(&["merge", "-q", "--format", "extract", "-o", s(&ab), a, b]);
    let bc = dir.join("bc.jsonl");
    ok(&["merge", "-q", "--format", "extract", "-o", s(&bc), b, c]);
    let cases: [(&str, Vec<&str>); 5] = [
        ("merge(merge(a,b),c)", vec![s(&ab), c]),
        ("merge(a,merge(b,c))", vec![a, s(&bc)]),
        ("merge(c,b,a)", vec![c, b, a]),
        ("merge(b,a,c,a)", vec![b, a, c, a]),
        ("merge(merge(a,b),merge(b,c))", vec![s(&ab), s(&bc)]),
    ];
    for (i, (what, inputs)) in cases.iter().enumerate() {
        let out = dir.join(format!("m{i}"));
        let mut args = vec!["merge", "-q", "--out-dir", s(&out)];
        args.extend(inputs);
        ok(&args);
        assert_same_set(&build, &out, what);
    }
    // The merged records are the records of the whole: extract(a ∪ b ∪ c).
    let whole = dir.join("whole.jsonl");
    ok(&["extract", "-q", "-o", s(&whole), s(&all)]);
    let abc = dir.join("abc.jsonl");
    ok(&["merge", "-q", "--format", "extract", "-o", s(&abc), c, s(&ab), b]);
    assert_eq!(std::fs::read(&whole).unwrap(), std::fs::read(&abc).unwrap());
}

#[test]
fn extract_reads_json_lines_on_stdin_as_a_cluster_pipes_them_and_an_empty_input_writes_nothing() {
    let lines: String = (0..6)
        .map(|i| {
            let v = serde_json::json!({"id": format!("a{i}"), "text": article(i), "date": "2024-03-0".to_string() + &(i + 1).to_string(), "title": format!("Titre {i}")});
            v.to_string() + "\n"
        })
        .collect();
    let dir = common::temp_dir("split-stdin");
    let file = dir.join("c.jsonl");
    std::fs::write(&file, &lines).unwrap();
    // Two partitions, each piped through its own extract.
    let half = lines.lines().take(3).map(|l| l.to_string() + "\n").collect::<String>();
    let rest = lines.lines().skip(3).map(|l| l.to_string() + "\n").collect::<String>();
    let mut records = Vec::new();
    for part in [half, rest] {
        let o = run(&["extract", "-q", "--input-format", "jsonl", "-"], Some(part.as_bytes()));
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        records.extend(o.stdout);
    }
    let merged = run(&["merge", "-q", "--format", "json", "-o", "-", "-"], Some(&records));
    assert!(merged.status.success(), "{}", String::from_utf8_lossy(&merged.stderr));
    let built = ok(&["build", "-q", "--format", "json", "-o", "-", s(&file)]);
    assert!(built.stdout.len() > 1000);
    assert!(merged.stdout == built.stdout, "merge of the piped partitions differs from the build");
    // The dates of JSON Lines cross the split.
    assert!(String::from_utf8_lossy(&merged.stdout).contains("2024-03-0"));
    let empty = run(&["extract", "-q", "--input-format", "jsonl", "-"], Some(b""));
    assert!(empty.status.success(), "{}", String::from_utf8_lossy(&empty.stderr));
    assert!(empty.stdout.is_empty());
    assert!(empty.stderr.is_empty(), "an empty partition is no news: {}", String::from_utf8_lossy(&empty.stderr));
    // Bad lines on stdin are still told.
    let bad = run(&["extract", "-q", "--input-format", "jsonl", "-"], Some(b"{\"nope\": 1}\n"));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("line 1"), "{}", String::from_utf8_lossy(&bad.stderr));
}

#[test]
fn the_library_split_gives_the_graph_and_mentions_of_a_run_and_keeps_decomposed_text_as_written() {
    let mut docs: Vec<Document> = (0..12).map(|i| Document::new(format!("d{i:02}.txt"), article(i))).collect();
    // Decomposed accents: offsets leave the library in the text as written.
    docs.push(Document::new(
        "nfd.txt",
        "Le ministre ukrainien Oleksa Varenko a rencontre\u{301} a\u{300} Kyiv son homologue.",
    ));
    docs.sort_by(|a, b| a.name.cmp(&b.name));
    let p = Pipeline::builtin().with_jobs(2);
    let (g, m) = p.run_with_mentions(&docs);
    let records = p.extract(&docs);
    let mut bytes = Vec::new();
    split::write_records(&records, &mut bytes).unwrap();
    let mut corpus = Corpus::default();
    corpus.read(Lexicon::builtin(), "r", &bytes[..]).unwrap();
    let (g2, m2) = p.run_corpus_with_mentions(corpus.finish());
    assert_eq!(m, m2);
    assert_eq!(common::triples(&g), common::triples(&g2));
    let json = |g: &trame::Graph| {
        let mut out = Vec::new();
        trame::export::write(g, trame::export::Format::Json, &mut out).unwrap();
        out
    };
    assert!(json(&g) == json(&g2));
    assert!(m2.iter().any(|r| r.doc == "nfd.txt" && r.text == "Oleksa Varenko"), "{m2:?}");
}

/// A record line of one short document, as extract writes it.
fn one_record(dir: &Path) -> String {
    let input = dir.join("a.txt");
    std::fs::write(&input, "Le président kényan Daniel Kamaru a reçu lundi à Nairobi le secrétaire général de l'ONU.")
        .unwrap();
    let o = ok(&["extract", "-q", s(&input)]);
    String::from_utf8(o.stdout).unwrap().trim_end().to_string()
}

#[test]
fn bad_records_are_refused_with_their_file_and_line_and_never_panic() {
    let dir = common::temp_dir("split-bad");
    let good = one_record(&dir);
    let v: serde_json::Value = serde_json::from_str(&good).unwrap();
    let edit = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v = v.clone();
        f(&mut v);
        v.to_string()
    };
    let cases: Vec<(&str, String, &str)> = vec![
        ("not json", "{\"format\": ".to_string(), "not a trame extract record"),
        ("another file", "{\"id\": \"x\", \"text\": \"Bonjour.\"}".to_string(), "not a trame extract record"),
        ("other format", edit(&|v| v["format"] = "trame-extract/0".into()), "format"),
        (
            "other lexicon",
            edit(&|v| v["reader"] = "trame 0.0.0 lexicon 0000000000000000".into()),
            "same trame and --lexicon",
        ),
        (
            "another build of the same version and lexicon",
            edit(&|v| {
                let tag = v["reader"].as_str().unwrap().to_string();
                let (head, rest) = tag.split_once(" build ").expect("the tag names the build");
                let lexicon = rest.split_once(' ').expect("the build id is one word").1;
                v["reader"] = format!("{head} build 0000000000000000 {lexicon}").into();
                assert_ne!(v["reader"].as_str().unwrap(), tag, "the edit changes the build id");
            }),
            "same trame and --lexicon",
        ),
        ("text changed", edit(&|v| v["text"] = "Rien.".into()), "sentence"),
        (
            "token past the end",
            edit(&|v| v["sentences"][0]["mentions"]["entities"][0]["b"] = 999.into()),
            "does not fit",
        ),
        (
            "span inside a token",
            edit(&|v| v["sentences"][0]["mentions"]["entities"][0]["span"][0] = 1.into()),
            "does not fit",
        ),
        (
            "no such country",
            edit(&|v| v["sentences"][0]["mentions"]["entities"][0]["target"] = serde_json::json!({"Country": 99999})),
            "does not fit",
        ),
        (
            "unknown rule",
            edit(&|v| v["sentences"][0]["mentions"]["entities"][0]["rule"] = "x y".into()),
            "no rule name",
        ),
        ("bad date", edit(&|v| v["date"] = "hier".into()), "no YYYY-MM-DD"),
    ];
    for (what, line, expect) in cases {
        let file = dir.join("bad.jsonl");
        std::fs::write(&file, format!("{good}\n{line}\n")).unwrap();
        let o = run(&["merge", "-q", "--format", "json", "-o", s(&dir.join("out.json")), s(&file)], None);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{what}: {err}");
        assert!(err.contains("bad.jsonl line 2") && err.contains(expect), "{what}: {err}");
        assert!(!err.contains("panicked"), "{what}: {err}");
        assert!(!dir.join("out.json").exists(), "{what}: an output was written");
    }
    // No record at all, and a folder.
    let empty = dir.join("empty.jsonl");
    std::fs::write(&empty, "\n").unwrap();
    let o = run(&["merge", "-q", s(&empty)], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no record to merge"));
    let o = run(&["merge", "-q", s(&dir)], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("folder"), "{}", String::from_utf8_lossy(&o.stderr));
}

/// Says on stderr, past the harness's capture, that a check is skipped.
fn skipped(what: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "SKIPPED: {what}");
}

#[test]
fn the_spark_recipe_on_local_2_merges_into_the_build() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let python = root.join(".venv-spark/bin/python");
    let pyspark = Command::new(&python).args(["-c", "import pyspark"]).output();
    if !pyspark.is_ok_and(|o| o.status.success()) {
        skipped("pyspark is not in .venv-spark (run .ci/run or scripts/spark.sh): the Spark recipe is not run");
        return;
    }
    if Command::new("java").arg("-version").output().is_err() {
        skipped("no Java runtime (apt-get install openjdk-17-jre-headless): the Spark recipe is not run");
        return;
    }
    let dir = common::temp_dir("split-spark");
    let corpus = dir.join("corpus.jsonl");
    let lines: String =
        (0..16).map(|i| serde_json::json!({"id": format!("a{i:02}"), "text": article(i)}).to_string() + "\n").collect();
    std::fs::write(&corpus, lines).unwrap();
    let records = dir.join("records.jsonl");
    let o = Command::new(&python)
        .arg(root.join("scripts/spark_extract.py"))
        .args([s(&corpus), s(&records), "--master", "local[2]", "--partitions", "3", "--trame", common::bin()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(std::fs::read_to_string(&records).unwrap().lines().count(), 16);
    let merged = ok(&["merge", "-q", "--format", "json", "-o", "-", s(&records)]);
    let built = ok(&["build", "-q", "--format", "json", "-o", "-", s(&corpus)]);
    assert!(built.stdout.len() > 1000);
    assert!(merged.stdout == built.stdout, "the graph merged from Spark's records differs from the build");
}
