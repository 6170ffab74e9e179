//! The work of the pipeline grows linearly with its input, on the inputs
//! that once made it quadratic: a guillemet never closed, one sentence
//! repeating a speech act thousands of times, a run of "a.", a long line
//! without any stop, and a long document of many paragraphs naming more
//! and more people. Each is read at two sizes, the second twice the first,
//! and the steps the stages count (`trame::work`) must at most double,
//! give or take a tenth. Nothing is timed. The output is checked too: the
//! JSON must grow no faster than the input (evidence is bounded by the
//! longest sentence).

use trame::{Document, Pipeline};

/// Steps and JSON bytes of one run on one document.
fn cost(text: &str) -> (u64, usize) {
    let docs = [Document::new("a.txt", text)];
    trame::work::take();
    let graph = Pipeline::builtin().run(&docs);
    let steps = trame::work::take();
    let mut json = Vec::new();
    trame::export::json::write(&graph, &mut json).unwrap();
    (steps, json.len())
}

/// Checks a generator at sizes `n` and `2 n`.
fn linear(case: &str, n: usize, make: impl Fn(usize) -> String) {
    let (small, big) = (make(n), make(2 * n));
    let (s1, j1) = cost(&small);
    let (s2, j2) = cost(&big);
    assert!(s1 > 0, "{case}: nothing counted");
    let ratio = s2 as f64 / s1 as f64;
    eprintln!(
        "{case}: {} → {} chars, {s1} → {s2} steps (× {ratio:.2}), {j1} → {j2} bytes of JSON",
        small.len(),
        big.len()
    );
    assert!(ratio <= 2.2, "{case}: {s1} steps, then {s2} for twice the input (× {ratio:.2})");
    // The JSON of an empty graph is a few bytes; past it, linear too.
    assert!(j2 <= 2 * j1 + j1 / 5 + 64, "{case}: {j1} bytes of JSON, then {j2} for twice the input");
}

/// A surname made of syllables, different for every `i`.
fn surname(i: usize) -> String {
    const SYL: [&str; 12] = ["ba", "lo", "mi", "ru", "te", "no", "vi", "sa", "ke", "do", "fu", "ra"];
    let mut s = String::new();
    let mut k = i + 144;
    while k > 0 {
        s.push_str(SYL[k % 12]);
        k /= 12;
    }
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// Paragraph `i` of a long document written for this test: people named
/// in full, then by their surname, titles, a quotation, countries.
fn paragraph(i: usize) -> String {
    const GIVEN: [&str; 6] = ["Jean", "Marie", "Paul", "Claire", "Louis", "Anne"];
    const COUNTRIES: [&str; 5] = ["l'Italie", "l'Espagne", "la Pologne", "la Suède", "le Portugal"];
    let (g1, s1) = (GIVEN[i % 6], surname(2 * i));
    let (g2, s2) = (GIVEN[(i + 1) % 6], surname(2 * i + 1));
    let country = COUNTRIES[i % 5];
    format!(
        "Le ministre {g1} {s1} a rencontré le président {g2} {s2} lundi. « Nous avons parlé de la paix », \
         a déclaré {s1} devant la presse. Le président a ensuite visité {country}, selon {s2}. \
         Il a affirmé que les soldats de {country} étaient prêts.\n"
    )
}

#[test]
fn a_guillemet_never_closed() {
    linear("« never closed", 2_000, |n| "« Jean Dupont a déclaré que la paix revient. ".repeat(n));
}

#[test]
fn one_sentence_of_speech_acts() {
    linear("one sentence of speech acts", 400, |n| format!("{}.", "Le président Jean Durand a dit ".repeat(n)));
}

#[test]
fn a_run_of_stops() {
    linear("a. repeated", 20_000, |n| "a.".repeat(n));
}

#[test]
fn a_long_line_without_stops() {
    linear("a line without stops", 300, |n| {
        (0..n)
            .map(|i| {
                paragraph(i).replace(['.', ',', '«', '»', '\n'], " ").split_whitespace().collect::<Vec<_>>().join(" ")
            })
            .collect::<Vec<_>>()
            .join(" ")
    });
}

#[test]
fn a_long_document_naming_ever_more_people() {
    linear("a long document", 300, |n| (0..n).map(paragraph).collect());
}

#[test]
fn long_sentences_are_cut_for_the_readers() {
    // The evidence of a fact read in a very long sentence is its piece, not
    // the whole line.
    let text = format!("{}.", "Le président Jean Durand a dit ".repeat(400));
    let docs = [Document::new("a.txt", text.as_str())];
    let graph = Pipeline::builtin().run(&docs);
    let longest = graph.edges().iter().flat_map(|e| &e.evidence).map(|ev| ev.text.chars().count()).max();
    let longest = longest.expect("facts are read in the pieces");
    assert!(longest <= trame::text::MAX_SENTENCE_CHARS, "evidence of {longest} chars");
}
