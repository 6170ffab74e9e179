//! Part-of-speech and lemma accuracy of trame's tagger on UD treebanks.
//!
//!     cargo run --release --example ud_pos -- [--errors N] FILE.conllu...
//!
//! Each sentence is tagged from its gold tokens as written. Scoring
//! protocol (the same as scripts/spacy_pos.py applies to spaCy):
//! - a token is a word as written, so a multiword token (du = de + le,
//!   au = à + le) is one unit, scored against its first word (ADP, lemma
//!   de / à), which is how trame's tokenizer and spaCy's see it;
//! - `upos` is the accuracy over all units, `no-mwt` over the units that
//!   are not multiword tokens (a view free of that convention);
//! - `lemma` compares the tagger's lemma, or the form itself when the tagger
//!   has none (lowercased unless tagged PROPN), with the gold lemma;
//! - `feats` is the share of units (multiword tokens left out) whose gender,
//!   number, person, verb form, mood and tense all equal the gold ones
//!   (other UD features are not modelled).
//!
//! --errors N prints the N most frequent (gold, predicted) confusions.

use std::collections::HashMap;
use std::fs;

use trame::syntax::tag::{Tagger, Word};
use trame::syntax::{Feats, Gen, Mood, Num, Tense, Upos, VerbForm};

struct Unit {
    form: String,
    upos: String,
    lemma: String,
    feats: Feats,
    mwt: bool,
}

/// The features trame models, read from a UD FEATS column.
fn parse_feats(col: &str) -> Feats {
    let mut f = Feats::default();
    for kv in col.split('|') {
        let Some((k, v)) = kv.split_once('=') else { continue };
        match (k, v) {
            ("Gender", "Masc") => f.gender = Gen::Masc,
            ("Gender", "Fem") => f.gender = Gen::Fem,
            ("Number", "Sing") => f.number = Num::Sing,
            ("Number", "Plur") => f.number = Num::Plur,
            ("Person", p) => f.person = p.parse().unwrap_or(0),
            ("VerbForm", "Fin") => f.verb_form = VerbForm::Fin,
            ("VerbForm", "Inf") => f.verb_form = VerbForm::Inf,
            ("VerbForm", "Part") => f.verb_form = VerbForm::Part,
            ("Mood", "Ind") => f.mood = Mood::Ind,
            ("Mood", "Cnd") => f.mood = Mood::Cnd,
            ("Mood", "Sub") => f.mood = Mood::Sub,
            ("Mood", "Imp") => f.mood = Mood::Imp,
            ("Tense", "Pres") => f.tense = Tense::Pres,
            ("Tense", "Past") => f.tense = Tense::Past,
            ("Tense", "Imp") => f.tense = Tense::Imp,
            ("Tense", "Fut") => f.tense = Tense::Fut,
            _ => {}
        }
    }
    f
}

fn read_conllu(path: &str) -> Vec<Vec<Unit>> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = Vec::new();
    let mut cur: Vec<Unit> = Vec::new();
    let mut skip_to = 0usize;
    let mut pending = false;
    for line in text.lines().chain(std::iter::once("")) {
        if line.is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            skip_to = 0;
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 4 || c[0].contains('.') {
            continue;
        }
        if let Some((_, b)) = c[0].split_once('-') {
            cur.push(Unit {
                form: c[1].to_string(),
                upos: String::new(),
                lemma: String::new(),
                feats: Feats::default(),
                mwt: true,
            });
            skip_to = b.parse().unwrap_or(0);
            pending = true;
            continue;
        }
        if pending {
            let u = cur.last_mut().expect("a multiword token before its words");
            u.upos = c[3].to_string();
            u.lemma = c[2].to_string();
            pending = false;
            continue;
        }
        if c[0].parse::<usize>().unwrap_or(0) <= skip_to {
            continue;
        }
        let feats = parse_feats(c.get(5).copied().unwrap_or("_"));
        cur.push(Unit { form: c[1].to_string(), upos: c[3].to_string(), lemma: c[2].to_string(), feats, mwt: false });
    }
    out
}

fn main() {
    let mut args = std::env::args().skip(1).peekable();
    let mut errors = 0usize;
    let mut files = Vec::new();
    while let Some(a) = args.next() {
        if a == "--errors" {
            errors = args.next().and_then(|v| v.parse().ok()).expect("--errors N");
        } else {
            files.push(a);
        }
    }
    assert!(!files.is_empty(), "usage: ud_pos [--errors N] FILE.conllu...");
    let tagger = Tagger::builtin();
    println!("{:<28} {:>7} {:>7} {:>7} {:>7} {:>7}", "file", "tokens", "upos", "no-mwt", "lemma", "feats");
    for path in &files {
        let sents = read_conllu(path);
        let (mut n, mut ok, mut n1, mut ok1, mut lem, mut fe) = (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
        let mut confusions: HashMap<(String, &'static str), usize> = HashMap::new();
        for s in &sents {
            let words: Vec<Word<'_>> = s.iter().map(|u| Word::guess(&u.form)).collect();
            let tags = tagger.tag_words(&words);
            for (u, t) in s.iter().zip(&tags) {
                let good = t.upos.as_str() == u.upos;
                n += 1;
                ok += usize::from(good);
                if !u.mwt {
                    n1 += 1;
                    ok1 += usize::from(good);
                    fe += usize::from(t.feats == u.feats);
                }
                if !good {
                    *confusions.entry((u.upos.clone(), t.upos.as_str())).or_default() += 1;
                }
                let lemma = if !t.lemma.is_empty() {
                    t.lemma.to_string()
                } else if t.upos == Upos::Propn {
                    u.form.clone()
                } else {
                    u.form.to_lowercase()
                };
                lem += usize::from(lemma == u.lemma);
            }
        }
        let name = path.rsplit('/').next().unwrap_or(path);
        let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
        println!(
            "{:<28} {:>7} {:>7.2} {:>7.2} {:>7.2} {:>7.2}",
            name,
            n,
            pct(ok, n),
            pct(ok1, n1),
            pct(lem, n),
            pct(fe, n1)
        );
        if errors > 0 {
            let mut c: Vec<_> = confusions.into_iter().collect();
            c.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            for ((g, p), k) in c.into_iter().take(errors) {
                println!("    gold {g:<6} tagged {p:<6} {k}");
            }
        }
    }
}
