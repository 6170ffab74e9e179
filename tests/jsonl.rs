//! JSON Lines input: a file of many articles, stdin as text or JSON Lines,
//! bad lines named by file and line, documents named by their id.

use crate::common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn trame(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(common::bin())
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn json_of(o: &Output) -> Value {
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// The documents the evidence of a graph names, sorted and unique.
fn docs(g: &Value) -> Vec<String> {
    let mut out: Vec<String> = g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["evidence"].as_array().unwrap().iter().map(|ev| ev["doc"].as_str().unwrap().to_string()))
        .collect();
    out.sort();
    out.dedup();
    out
}

const ONE: &str = "Le président kényan William Ruto a reçu la ministre.";
const TWO: &str = "La ministre française Hélène Ferrié a rencontré le président sénégalais Amadou Sèye.";

fn line(id: &str, text: &str) -> String {
    serde_json::json!({"id": id, "text": text, "date": "2020-03-12"}).to_string()
}

#[test]
fn a_jsonl_file_is_many_documents_named_by_their_id() {
    let dir = common::temp_dir("jsonl-many");
    let body = format!("{}\n{}\n", line("b-2", TWO), line("a-1", ONE));
    std::fs::write(dir.join("corpus.jsonl"), body).unwrap();
    let g = json_of(&trame(&dir, &["build", "corpus.jsonl", "--format", "json", "-o", "-"], b""));
    assert_eq!(docs(&g), ["a-1", "b-2"]);
    // A folder holds JSON Lines files too.
    let g = json_of(&trame(&dir, &["build", ".", "--format", "json", "-o", "-"], b""));
    assert_eq!(docs(&g), ["a-1", "b-2"]);
}

#[test]
fn bad_lines_are_named_by_file_and_line_and_the_rest_is_read() {
    let dir = common::temp_dir("jsonl-bad");
    let body = format!(
        "{}\n{{\"text\": \"coupé\n[1]\n{}\n{{\"id\": \"z\", \"text\": \"Rien.\", \"date\": \"hier\"}}\n",
        line("a", ONE),
        line("a", TWO)
    );
    std::fs::write(dir.join("c.jsonl"), body).unwrap();
    let o = trame(&dir, &["build", "c.jsonl", "--format", "json", "-o", "-"], b"");
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    let g = json_of(&o);
    assert_eq!(docs(&g), ["a"]);
    assert!(err.contains("skipped c.jsonl: line 2: unfinished JSON"), "{err}");
    assert!(err.contains("skipped c.jsonl: line 3: expected a JSON object"), "{err}");
    assert!(err.contains("skipped c.jsonl: line 4: id \"a\" was already given on line 1"), "{err}");
    assert!(err.contains("note: c.jsonl: line 5: \"date\" \"hier\" is not YYYY-MM-DD"), "{err}");
    assert!(err.contains("(3 JSON lines skipped)"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    // --strict stops on the first bad line.
    let o = trame(&dir, &["build", "c.jsonl", "--strict", "--format", "json", "-o", "-"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("c.jsonl: line 2:"));
    // A file with no good line is skipped whole, and then nothing is read.
    std::fs::write(dir.join("c.jsonl"), "nothing here\n").unwrap();
    let o = trame(&dir, &["build", "c.jsonl", "--format", "json", "-o", "-"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("has no article"));
}

#[test]
fn a_file_of_many_bad_lines_names_the_first_five_and_counts_the_rest() {
    let dir = common::temp_dir("jsonl-many-bad");
    let mut body = line("a", ONE) + "\n";
    for k in 0..12 {
        body.push_str(&format!("{{\"id\": \"x{k}\"}}\n"));
    }
    std::fs::write(dir.join("c.jsonl"), body).unwrap();
    let o = trame(&dir, &["build", "c.jsonl", "--format", "json", "-o", "-"], b"");
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(docs(&json_of(&o)), ["a"]);
    assert_eq!(err.matches("skipped c.jsonl: line ").count(), 5, "{err}");
    assert!(err.contains("skipped c.jsonl: line 2: no \"text\" field"), "{err}");
    assert!(err.contains("skipped c.jsonl: line 6: no \"text\" field"), "{err}");
    assert!(!err.contains("line 7:"), "{err}");
    assert!(err.contains("skipped 7 more bad lines of c.jsonl"), "{err}");
    assert!(err.contains("(12 JSON lines skipped)"), "{err}");
}

#[test]
fn stdin_is_text_or_json_lines() {
    let dir = common::temp_dir("jsonl-stdin");
    let g = json_of(&trame(&dir, &["build", "-", "--format", "json", "-o", "-"], ONE.as_bytes()));
    assert_eq!(docs(&g), ["stdin"]);
    let body = format!("{}\n{}\n", line("a-1", ONE), line("b-2", TWO));
    let g = json_of(&trame(
        &dir,
        &["build", "-", "--input-format", "jsonl", "--format", "json", "-o", "-"],
        body.as_bytes(),
    ));
    assert_eq!(docs(&g), ["a-1", "b-2"]);
    // Without --input-format, stdin is one article of text: no JSON is read.
    let g = json_of(&trame(&dir, &["build", "-", "--format", "json", "-o", "-"], body.as_bytes()));
    assert_eq!(docs(&g), ["stdin"]);
    // Bad lines on stdin are named as stdin's.
    let o = trame(&dir, &["build", "-", "--input-format", "jsonl", "--format", "json", "-o", "-"], b"{\n");
    assert!(String::from_utf8_lossy(&o.stderr).contains("skipped <stdin>: line 1: unfinished JSON"));
}

#[test]
fn offsets_of_a_jsonl_article_count_in_its_text() {
    let dir = common::temp_dir("jsonl-offsets");
    std::fs::write(dir.join("c.jsonl"), format!("{}\n", line("x", &format!("Titre.\n{ONE}")))).unwrap();
    let g = json_of(&trame(&dir, &["build", "c.jsonl", "--format", "json", "-o", "-"], b""));
    let ev = &g["edges"][0]["evidence"][0];
    let text: Vec<char> = format!("Titre.\n{ONE}").chars().collect();
    let (s, e) = (ev["start"].as_u64().unwrap() as usize, ev["end"].as_u64().unwrap() as usize);
    assert_eq!(text[s..e].iter().collect::<String>(), ev["text"].as_str().unwrap());
    assert_eq!(ev["text"], ONE);
}
