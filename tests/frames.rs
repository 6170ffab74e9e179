//! Every frame and modality row of the built-in lexicon carries an example
//! sentence and the edge it must give: this reads them all and checks each.

use trame::lexicon::Lexicon;
use trame::ontology::Modality;
use trame::{Document, Pipeline};

/// The edges of one sentence as "Source -relation-> Target" with their modality,
/// and the claims as "Speaker -stated-> claim text".
fn edges(text: &str) -> Vec<(String, Modality)> {
    let g = Pipeline::builtin().run(&[Document::new("example.txt", text)]);
    let label = |id: &str| g.node(id).map_or(id.to_string(), |n| n.label.clone());
    g.edges()
        .iter()
        .filter(|e| e.relation.as_str() != "mentions")
        .map(|e| (format!("{} -{}-> {}", label(&e.source), e.relation.as_str(), label(&e.target)), e.modality))
        .collect()
}

fn holds(got: &[(String, Modality)], want: &str, modality: Option<Modality>) -> bool {
    got.iter().any(|(e, m)| {
        let same = if want.contains(" -stated-> ") {
            // A claim holds its words; it may hold more.
            let (speaker, words) = want.split_once(" -stated-> ").expect("checked");
            e.starts_with(&format!("{speaker} -stated-> ")) && e.contains(words)
        } else if want.contains(" -met-> ") || want.contains(" -allied_with-> ") {
            // Symmetric relations are stored in one order.
            let (a, b) = want
                .split_once(if want.contains(" -met-> ") { " -met-> " } else { " -allied_with-> " })
                .expect("checked");
            let rel = if want.contains(" -met-> ") { "met" } else { "allied_with" };
            e == want || *e == format!("{b} -{rel}-> {a}")
        } else {
            e == want
        };
        same && match modality {
            Some(want) => *m == want,
            None => matches!(m, Modality::Asserted | Modality::Reported),
        }
    })
}

#[test]
fn every_frame_example_gives_its_edge() {
    let lx = Lexicon::builtin();
    let mut failures = Vec::new();
    for f in &lx.frames.frames {
        let got = edges(&f.example);
        if !holds(&got, &f.expect, None) {
            failures
                .push(format!("{} {}: {:?}\n    wants {}\n    got {:?}", f.origin, f.lemma, f.example, f.expect, got));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} frames fail:\n{}",
        failures.len(),
        lx.frames.frames.len(),
        failures.join("\n")
    );
}

#[test]
fn every_modality_example_gives_its_edge() {
    let lx = Lexicon::builtin();
    let mut failures = Vec::new();
    for (word, w) in lx.frames.modality_words() {
        let (edge, m) = w.expect.rsplit_once(" (").expect("an expect cell ends with its modality");
        let m = match m.trim_end_matches(')') {
            "possible" => Modality::Possible,
            "negated" => Modality::Negated,
            "reported" => Modality::Reported,
            other => panic!("{word}: unknown modality {other}"),
        };
        let got = edges(&w.example);
        if !holds(&got, edge, Some(m)) {
            failures.push(format!("{word}: {:?}\n    wants {} ({m:?})\n    got {:?}", w.example, edge, got));
        }
    }
    assert!(failures.is_empty(), "{} modality words fail:\n{}", failures.len(), failures.join("\n"));
}
