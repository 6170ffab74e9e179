//! Properties of the whole chain on generated text (proptest): for any
//! input, no panic; every export parses (JSON with serde_json, GraphML and
//! GEXF as well-formed XML with quick-xml); every evidence and mention span
//! slices its document at char boundaries and equals its text; the JSON
//! reads back through `graph::load` byte for byte; the cache decodes to the
//! same index and evidence. The checks are `common/roundtrip.rs`, shared
//! with the fuzz target `fuzz/fuzz_targets/pipeline.rs`.
//!
//! Inputs mix French phrases written for these tests (so that facts are
//! read, not only skipped) with arbitrary characters, decomposed accents,
//! quotes, line breaks and lone marks. Cases and sizes are bounded so the
//! file runs in a few seconds.

#[path = "common/roundtrip.rs"]
mod roundtrip;

use proptest::prelude::*;

const PHRASES: &[&str] = &[
    "Le président kényan ",
    "la ministre française des Affaires étrangères ",
    "le chef de l’armée ",
    "Jeanne Morel ",
    "Paul Renard ",
    "Inès Roux ",
    "M. Alain Brun ",
    "l’OTAN ",
    "l'ONU ",
    "la Russie ",
    "Moscou ",
    "Paris ",
    "a rencontré ",
    "s’est rendu en ",
    "a déclaré que ",
    "a-t-il ajouté",
    "selon ",
    "a livré des armes à ",
    "n’a pas attaqué ",
    "3 000 soldats ",
    "le 12 juin 2024 ",
    "« ",
    " »",
    "“",
    "”",
    ", ",
    ". ",
    "\n",
    "\n\n",
    " – ",
    "e\u{301}",
    "Ё",
    "北京 ",
    "😀",
    "\t",
    "\r\n",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => proptest::sample::select(PHRASES).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "[A-ZÉa-zé' -]{1,12}",
    ]
}

fn document() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..40).prop_map(|v| v.concat())
}

/// Decoded as `trame build` reads a file (control characters as spaces);
/// text that the reader would skip as binary is left out.
fn decoded(texts: &[String]) -> Vec<(String, String)> {
    texts
        .iter()
        .enumerate()
        .filter_map(|(i, t)| trame::input::decode(t.as_bytes()).ok().map(|d| (format!("{i}.txt"), d.text)))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, max_shrink_iters: 500, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_chain_keeps_its_promises(texts in proptest::collection::vec(document(), 1..4)) {
        roundtrip::check(&decoded(&texts));
    }

    #[test]
    fn any_bytes_as_files(data in proptest::collection::vec(any::<u8>(), 0..600)) {
        roundtrip::check(&roundtrip::docs_of_bytes(&data));
    }
}

/// The generator is no vacuous one: its documents yield facts to check.
#[test]
fn generated_documents_yield_facts() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = proptest::collection::vec(document(), 1..4);
    let mut edges = 0;
    for _ in 0..64 {
        let texts = strategy.new_tree(&mut runner).expect("a value").current();
        edges += roundtrip::check(&decoded(&texts));
    }
    assert!(edges >= 20, "64 generated cases gave only {edges} edges");
}

/// Inputs the fuzzer reported, kept as they were found.
#[test]
fn fuzzer_findings() {
    // Reported as slow (over ten seconds on a loaded machine): abbreviations,
    // commas and at-signs glued together. It reads in milliseconds; the
    // work counted must stay that of a short text.
    let slow: &[u8] = b"M. A@lSMM.,, ,uBruM. A@M.@lSMM.,, ,uB. A@lSMM.,, ,uM.uBruM. A@MlA@M.Sru ";
    trame::work::take();
    roundtrip::check(&roundtrip::docs_of_bytes(slow));
    let steps = trame::work::take();
    eprintln!("{steps} steps");
    assert!(steps < 5_000, "{steps} steps for {} bytes", slow.len());
}
