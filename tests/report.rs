//! `trame report`: on a corpus written for these tests, what the report
//! lists, and that the row it prints, put in a `--lexicon` folder, gives the
//! edge with its evidence.

use crate::common;

use std::path::Path;
use std::process::Command;

use trame::extract::report::{header, Item, Report, Section};
use trame::lexicon::Lexicon;
use trame::{Document, Graph, Pipeline};

/// A verb no frame has between two people; a country name no lexicon
/// has after a verb of attack; a title no role row has.
const CORPUS: &[(&str, &str)] = &[
    (
        "a.txt",
        "Le président Paul Girard a côtoyé la chancelière Anna Weber pendant deux jours.\n\n\
         Mardi, la Pologne a envahi la Zorvanie.\n\n\
         Le vizir Marc Lefort a rencontré le président Paul Girard.\n",
    ),
    ("b.txt", "La chancelière Anna Weber a côtoyé le président Luis Ortega.\n"),
];

fn docs() -> Vec<Document> {
    CORPUS.iter().map(|(n, t)| Document::new(*n, *t)).collect()
}

fn report() -> (Graph, Report) {
    Pipeline::builtin().report(&docs())
}

fn find<'r>(rep: &'r Report, section: Section, key: &str) -> &'r Item {
    rep.section(section).find(|i| i.key == key).unwrap_or_else(|| {
        let keys: Vec<&str> = rep.section(section).map(|i| i.key.as_str()).collect();
        panic!("{key} not in {}: {keys:?}", section.as_str())
    })
}

/// A lexicon folder holding `item`'s row under its file's header.
fn folder_with(name: &str, items: &[&Item]) -> std::path::PathBuf {
    let dir = common::temp_dir(name);
    for it in items {
        let file = it.file.expect("a row has a file");
        let path = dir.join(file);
        let mut text = std::fs::read_to_string(&path).unwrap_or_else(|_| format!("{}\n", header(file).unwrap()));
        text.push_str(it.row.as_deref().expect("a row"));
        text.push('\n');
        std::fs::write(&path, text).unwrap();
    }
    dir
}

fn graph_with(dir: &Path) -> Graph {
    let lx = Lexicon::with_dir(dir).unwrap();
    Pipeline::new(&lx).run(&docs())
}

/// The edge source -relation-> target by labels, if the graph has it (either way for met).
fn edge<'g>(g: &'g Graph, source: &str, relation: &str, target: &str) -> Option<&'g trame::graph::Edge> {
    let label = |id: &str| g.node(id).map_or(String::new(), |n| n.label.clone());
    g.edges().iter().find(|e| {
        let (s, t) = (label(&e.source), label(&e.target));
        e.relation.as_str() == relation
            && (s == source && t == target || relation == "met" && s == target && t == source)
    })
}

#[test]
fn an_unknown_verb_is_listed_with_its_pattern_and_its_row_gives_the_edge() {
    let (g, rep) = report();
    assert!(edge(&g, "Paul Girard", "met", "Anna Weber").is_none(), "no frame reads côtoyer yet");
    let it = find(&rep, Section::Verbs, "côtoyer");
    assert!(it.pattern.starts_with("SUBJ × OBJ: person × person"), "{}", it.pattern);
    assert_eq!((it.edges, it.seen), (2, 2));
    assert_eq!(it.file, Some("frames.tsv"));
    let row = it.row.as_deref().unwrap();
    assert!(row.starts_with("côtoyer\tverb\tmet\tsubj=source obj=target\t-\t-\t"), "{row}");
    assert_eq!(it.examples.len(), 2);
    assert_eq!((it.examples[0].doc.as_str(), it.examples[0].sentence), ("a.txt", 0));
    assert_eq!((it.examples[1].doc.as_str(), it.examples[1].sentence), ("b.txt", 0));

    let dir = folder_with("report_verb", &[it]);
    let g = graph_with(&dir);
    let e = edge(&g, "Paul Girard", "met", "Anna Weber").expect("the row gives the edge");
    let ev = &e.evidence[0];
    assert_eq!((ev.doc.as_str(), ev.sentence, ev.rule.as_str()), ("a.txt", 0, "frame/côtoyer"));
    assert_eq!(ev.text, "Le président Paul Girard a côtoyé la chancelière Anna Weber pendant deux jours.");
    assert!(edge(&g, "Anna Weber", "met", "Luis Ortega").is_some(), "the second sentence too");
    // Read with the row, the verb is known and leaves the report.
    let lx = Lexicon::with_dir(&dir).unwrap();
    let (_, again) = Pipeline::new(&lx).report(&docs());
    assert!(again.section(Section::Verbs).all(|i| i.key != "côtoyer"));
}

#[test]
fn a_name_of_no_kind_is_listed_with_the_kind_that_gives_edges() {
    let (g, rep) = report();
    assert!(edge(&g, "Pologne", "attacks", "Zorvanie").is_none());
    let it = find(&rep, Section::Names, "Zorvanie");
    assert_eq!((it.pattern.as_str(), it.edges, it.file), ("location", 1, Some("locations.tsv")));
    assert_eq!(it.row.as_deref(), Some("Zorvanie\t\tcity\t"));
    assert_eq!(it.examples[0].text, "Mardi, la Pologne a envahi la Zorvanie.");

    let g = graph_with(&folder_with("report_name", &[it]));
    let e = edge(&g, "Pologne", "attacks", "Zorvanie").expect("the row gives the edge");
    assert_eq!((e.evidence[0].doc.as_str(), e.evidence[0].sentence), ("a.txt", 1));
    assert_eq!(e.evidence[0].rule, "frame/envahir");
}

#[test]
fn a_title_no_role_row_has_is_listed_and_its_row_gives_holds_role() {
    let (g, rep) = report();
    assert!(edge(&g, "Marc Lefort", "holds_role", "vizir").is_none());
    let it = find(&rep, Section::Titles, "vizir");
    assert_eq!((it.edges, it.file, it.row.as_deref()), (1, Some("roles.tsv"), Some("vizir\tvizir\tofficial")));
    assert!(it.note.contains("Marc Lefort"), "{}", it.note);
    // Known titles are not listed.
    assert!(rep.section(Section::Titles).all(|i| i.key != "président" && i.key != "chancelier"));

    let g = graph_with(&folder_with("report_role", &[it]));
    let e = edge(&g, "Marc Lefort", "holds_role", "vizir").expect("the row gives the edge");
    assert_eq!((e.evidence[0].doc.as_str(), e.evidence[0].sentence), ("a.txt", 2));
}

#[test]
fn the_report_leaves_the_graph_as_build_makes_it() {
    let (g, _) = report();
    let built = Pipeline::builtin().run(&docs());
    let json = |g: &Graph| {
        let mut out = Vec::new();
        trame::export::write(g, trame::export::Format::Json, &mut out).unwrap();
        out
    };
    assert_eq!(json(&g), json(&built));
}

#[test]
fn an_ambiguous_surname_is_listed_with_its_candidates() {
    let docs = [
        Document::new("c1.txt", "Le ministre Jean Valmont est arrivé à Rome.\n"),
        Document::new("c2.txt", "Le président Pierre Valmont est arrivé à Lyon.\n"),
        Document::new("c3.txt", "Valmont a rencontré la chancelière Anna Weber.\n"),
    ];
    let (_, rep) = Pipeline::builtin().report(&docs);
    let it = find(&rep, Section::Surnames, "Valmont");
    assert!(it.note.contains("Jean Valmont") && it.note.contains("Pierre Valmont"), "{}", it.note);
    assert_eq!((it.file, it.row.as_deref(), it.examples[0].doc.as_str()), (None, None, "c3.txt"));
    // Listed once, not also as a weak name.
    assert!(rep.section(Section::Names).all(|i| i.key != "Valmont"));
}

#[test]
fn a_bad_row_in_a_user_frames_file_names_its_file_and_line() {
    let dir = common::temp_dir("report_bad_frame");
    let text = format!(
        "{}\n# a comment\ncôtoyer\tverb\tlikes\tsubj=source obj=target\t-\t-\tx\ty\n",
        header("frames.tsv").unwrap()
    );
    std::fs::write(dir.join("frames.tsv"), text).unwrap();
    let err = Lexicon::with_dir(&dir).unwrap_err().to_string();
    assert!(err.ends_with("frames.tsv:3: unknown relation `likes`"), "{err}");
}

#[test]
fn the_tsv_report_pastes_into_a_lexicon_folder() {
    let dir = common::temp_dir("report_cli");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    for (name, text) in CORPUS {
        std::fs::write(input.join(name), text).unwrap();
    }
    let run = |args: &[&str]| {
        let o = Command::new(common::bin()).current_dir(&dir).args(args).output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8(o.stdout).unwrap()
    };
    let tsv = run(&["report", "in", "--format", "tsv"]);
    // Each block "# ==> FILE <==" is that file's text.
    let lex = dir.join("lex");
    std::fs::create_dir_all(&lex).unwrap();
    for block in tsv.split("# ==> ").skip(1) {
        let (name, body) = block.split_once(" <==\n").unwrap();
        if header(name).is_some() {
            std::fs::write(lex.join(name), body).unwrap();
        }
    }
    for file in ["frames.tsv", "locations.tsv", "roles.tsv"] {
        assert!(lex.join(file).exists(), "{file} in\n{tsv}");
    }
    let json = run(&["build", "in", "--lexicon", "lex", "--format", "json", "--output", "-", "-q"]);
    for want in ["frame/côtoyer", "frame/envahir", "\"role:vizir\""] {
        assert!(json.contains(want), "{want}");
    }
    // With every row read, nothing is left to propose but what has no row.
    let after = run(&["report", "in", "--lexicon", "lex", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&after).unwrap();
    let rows: Vec<&serde_json::Value> =
        v["items"].as_array().unwrap().iter().filter(|i| i["row"].is_string()).collect();
    assert!(rows.is_empty(), "{rows:?}");
    // The text report shows each row with its examples; --limit keeps the best.
    let text = run(&["report", "in", "--limit", "1"]);
    assert!(text.contains("côtoyer") && text.contains("a.txt, sentence 0"), "{text}");
    assert_eq!(text.matches("\n  1. ").count(), 3, "{text}");
    assert!(!text.contains("\n  2. "), "{text}");
}
