//! `trame build` filters: kinds, relations, claims left out, evidence
//! counts, dates, isolated nodes; and their errors.

use crate::common;

use std::process::Command;

use serde_json::Value;

const ARTICLE: &str = "Le président kényan William Ruto a rencontré hier le président sénégalais Amadou Sèye à Dakar. \
La ministre française Hélène Ferrié a déclaré que la paix viendrait. \
Le Kenya a déployé 200 soldats au Soudan le 3 février.";

fn build(args: &[&str]) -> Value {
    let dir = common::temp_dir("filters");
    let line = serde_json::json!({"id": "a", "text": ARTICLE, "date": "2020-03-12"}).to_string();
    std::fs::write(dir.join("a.jsonl"), line + "\n").unwrap();
    let o = Command::new(common::bin())
        .current_dir(&dir)
        .args(["build", "a.jsonl", "--format", "json", "-o", "-"])
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn all<'a>(g: &'a Value, what: &str, key: &str) -> Vec<&'a str> {
    g[what].as_array().unwrap().iter().map(|x| x[key].as_str().unwrap()).collect()
}

#[test]
fn each_filter_narrows_the_graph() {
    let full = build(&[]);
    assert!(all(&full, "nodes", "kind").contains(&"claim"));
    let g = build(&["--kind", "person,country"]);
    assert!(all(&g, "nodes", "kind").iter().all(|k| *k == "person" || *k == "country"));
    let g = build(&["--relation", "met"]);
    assert!(!all(&g, "edges", "relation").is_empty() && all(&g, "edges", "relation").iter().all(|r| *r == "met"));
    let g = build(&["--actors-only"]);
    assert!(!all(&g, "nodes", "kind").contains(&"claim") && !all(&g, "edges", "relation").contains(&"stated"));
    assert!(build(&["--min-evidence", "2"])["edges"].as_array().unwrap().is_empty());
    // "hier" is 2020-03-11 and "le 3 février" 2020-02-03, against the article's date.
    let g = build(&["--since", "2020-03-01"]);
    assert_eq!(all(&g, "edges", "relation"), ["met"]);
    let g = build(&["--until", "2020-02-29"]);
    assert_eq!(all(&g, "edges", "relation"), ["deploys"]);
    let g = build(&["--relation", "met", "--drop-isolated"]);
    let mut ids = all(&g, "nodes", "id");
    ids.sort_unstable();
    assert_eq!(ids, ["person:amadou-seye", "person:william-ruto"]);
}

#[test]
fn bad_filter_values_are_refused_with_the_choices() {
    let o = Command::new(common::bin()).args(["build", "seeds", "--kind", "persons"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("one of person, country"));
    let o = Command::new(common::bin()).args(["build", "seeds", "--since", "12/03/2020"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("write YYYY-MM-DD"));
}
