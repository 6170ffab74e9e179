//! Subject attachment of the clause layer against Universal Dependencies.
//!
//!     cargo run --release --example ud_clause -- [--tagger] [--show N] FILE.conllu...
//!
//! With `--tagger` the tags are trame's own (the tagger, the names the
//! mention layer finds as atoms, the repairs), as in `trame build`;
//! without it the treebank's gold tags, lemmas and features.
//! Each sentence is rebuilt from its surface tokens (a contraction such as
//! "du" is one token, as trame's tokenizer has it) with the treebank's own
//! tags, lemmas and features, and parsed by `trame::syntax::parse`. A gold
//! pair is a verb and its `nsubj` or `nsubj:pass` (the copula standing for
//! its predicate, as trame's verb groups do); a predicted pair is a clause
//! with a subject phrase of its own (a relative clause's subject is its
//! pronoun, as in UD). A predicted pair is right when its verb is the gold
//! verb and its subject phrase holds the gold subject word.

use std::collections::HashMap;

use trame::syntax::parse::{parse, ClauseKind, Subject};
use trame::syntax::{Feats, Gen, Mood, Num, Tag, Tense, Upos, VerbForm};
use trame::text::{fold, Span, TokKind, Token};

struct Word {
    id: usize,
    lemma: String,
    upos: Upos,
    feats: Feats,
    head: usize,
    deprel: String,
}

struct Sentence {
    text: String,
    /// Surface tokens: (form, first word id, last word id).
    surface: Vec<(String, usize, usize)>,
    words: Vec<Word>,
}

fn feats(s: &str) -> Feats {
    let mut f = Feats::default();
    for kv in s.split('|') {
        let Some((k, v)) = kv.split_once('=') else { continue };
        match (k, v) {
            ("Gender", "Masc") => f.gender = Gen::Masc,
            ("Gender", "Fem") => f.gender = Gen::Fem,
            ("Number", "Sing") => f.number = Num::Sing,
            ("Number", "Plur") => f.number = Num::Plur,
            ("Person", p) => f.person = p.parse().unwrap_or(0),
            ("VerbForm", "Fin") => f.verb_form = VerbForm::Fin,
            ("VerbForm", "Inf") => f.verb_form = VerbForm::Inf,
            ("VerbForm", "Part") | ("VerbForm", "Ger") => f.verb_form = VerbForm::Part,
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

fn read(path: &str) -> Vec<Sentence> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = Vec::new();
    let mut cur = Sentence { text: String::new(), surface: Vec::new(), words: Vec::new() };
    let mut range_end = 0;
    for line in text.lines() {
        if line.is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    Sentence { text: String::new(), surface: Vec::new(), words: Vec::new() },
                ));
            }
            range_end = 0;
            continue;
        }
        if let Some(t) = line.strip_prefix("# text = ") {
            cur.text = t.to_string();
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 8 {
            continue;
        }
        if let Some((a, b)) = cols[0].split_once('-') {
            let (a, b): (usize, usize) = (a.parse().unwrap_or(0), b.parse().unwrap_or(0));
            cur.surface.push((cols[1].to_string(), a, b));
            range_end = b;
            continue;
        }
        if cols[0].contains('.') {
            continue;
        }
        let id: usize = cols[0].parse().unwrap_or(0);
        if id > range_end {
            cur.surface.push((cols[1].to_string(), id, id));
        }
        cur.words.push(Word {
            id,
            lemma: cols[2].to_string(),
            upos: Upos::parse(cols[3]).unwrap_or(Upos::X),
            feats: feats(cols[5]),
            head: cols[6].parse().unwrap_or(0),
            deprel: cols[7].to_string(),
        });
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    out
}

/// Tokens and gold tags of a sentence's surface tokens; word id → token.
fn tokens(s: &Sentence) -> (Vec<Token>, Vec<Tag>, HashMap<usize, usize>) {
    let mut toks = Vec::new();
    let mut tags = Vec::new();
    let mut word_tok = HashMap::new();
    let mut at = 0;
    let by_id: HashMap<usize, &Word> = s.words.iter().map(|w| (w.id, w)).collect();
    for (i, (form, a, b)) in s.surface.iter().enumerate() {
        let start = s.text[at..].find(form.as_str()).map_or(at, |k| at + k);
        let end = start + form.len();
        at = end.min(s.text.len());
        let cstart = s.text[..start.min(s.text.len())].chars().count();
        let cend = cstart + form.chars().count();
        let kind = if form.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            && form.chars().any(|c| c.is_ascii_digit())
        {
            TokKind::Number
        } else if form.chars().all(|c| !c.is_alphanumeric()) {
            TokKind::Punct
        } else {
            TokKind::Word
        };
        toks.push(Token {
            span: Span { start, end, cstart, cend },
            text: form.as_str().into(),
            norm: fold(form).into(),
            kind,
            value: form.parse().ok(),
        });
        // A contraction takes its first word's tag ("du": ADP), and the
        // lemma of that word.
        let w = by_id.get(a).copied();
        let tag = w.map_or(Tag::default(), |w| Tag {
            upos: w.upos,
            feats: w.feats,
            lemma: Box::leak(w.lemma.to_lowercase().into_boxed_str()),
        });
        tags.push(tag);
        for id in *a..=*b {
            word_tok.insert(id, i);
        }
    }
    (toks, tags, word_tok)
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut show = 0usize;
    let mut grep: Option<String> = None;
    let own_tags = args.iter().any(|a| a == "--tagger");
    args.retain(|a| a != "--tagger");
    let lx = trame::lexicon::Lexicon::builtin();
    let mut scratch = trame::syntax::tag::Scratch::new();
    if let Some(k) = args.iter().position(|a| a == "--grep") {
        grep = args.get(k + 1).cloned();
        args.drain(k..k + 2);
    }
    if let Some(k) = args.iter().position(|a| a == "--show") {
        show = args.get(k + 1).and_then(|v| v.parse().ok()).unwrap_or(20);
        args.drain(k..k + 2);
    }
    let (mut all_g, mut all_p, mut all_ok) = (0, 0, 0);
    for path in &args {
        let sents = read(path);
        let (mut g_n, mut p_n, mut ok) = (0usize, 0usize, 0usize);
        let mut shown = 0;
        for s in &sents {
            let (toks, gold_tags, word_tok) = tokens(s);
            let (tags, parse) = if own_tags {
                let mentions = trame::extract::mention::detect(lx, &s.text, 0, &toks);
                let span = Span { start: 0, end: s.text.len(), cstart: 0, cend: s.text.chars().count() };
                let read = trame::extract::ReadSentence::new(0, span, toks.clone(), mentions);
                let syn = trame::extract::Syntax::read(&read, &mut scratch);
                (syn.tags, syn.parse)
            } else {
                let p = parse(&toks, &gold_tags, &[]);
                (gold_tags, p)
            };
            if grep.as_ref().is_some_and(|g| s.text.contains(g.as_str())) {
                println!("{}", s.text);
                for (i, p) in parse.phrases.iter().enumerate() {
                    let words: Vec<&str> =
                        (p.prep.unwrap_or(p.a).min(p.a)..p.b).map(|t| toks[t].text.as_str()).collect();
                    println!(
                        "  {i:>2} {:?} [{}] head={} of={:?} app={:?} coord={:?}{}",
                        p.kind,
                        words.join(" "),
                        toks[p.head].text,
                        p.of,
                        p.apposition_of,
                        p.coord_head,
                        p.verb
                            .map(|v| format!(
                                " lemma={} voice={:?} modal={} neg={}",
                                v.lemma, v.voice, v.modal, v.negated
                            ))
                            .unwrap_or_default()
                    );
                }
                for (i, c) in parse.clauses.iter().enumerate() {
                    println!(
                        "  clause {i}: verb {} {:?} subject {:?} object {:?} obliques {:?} parent {:?}",
                        c.verb, c.kind, c.subject, c.object, c.obliques, c.parent
                    );
                }
                for (t, g) in toks.iter().zip(&tags) {
                    print!("{}/{} ", t.text, g.upos.as_str());
                }
                println!();
            }
            // Gold pairs (verb token, subject token).
            let by_id: HashMap<usize, &Word> = s.words.iter().map(|w| (w.id, w)).collect();
            let mut gold: Vec<(usize, usize)> = Vec::new();
            for w in &s.words {
                if w.deprel != "nsubj" && w.deprel != "nsubj:pass" {
                    continue;
                }
                let mut verb = w.head;
                // A copula's predicate: the copula is the verb group.
                if let Some(cop) = s.words.iter().find(|c| c.head == verb && c.deprel == "cop") {
                    verb = cop.id;
                }
                if !by_id.contains_key(&verb) {
                    continue;
                }
                if let (Some(&vt), Some(&st)) = (word_tok.get(&verb), word_tok.get(&w.id)) {
                    gold.push((vt, st));
                }
            }
            g_n += gold.len();
            let expl: Vec<usize> = s
                .words
                .iter()
                .filter(|w| w.deprel.starts_with("expl"))
                .filter_map(|w| word_tok.get(&w.id).copied())
                .collect();
            for (ci, c) in parse.clauses.iter().enumerate() {
                let vg = parse.phrases[c.verb].verb.expect("verb");
                let verb_tok = if vg.copula { parse.phrases[c.verb].head } else { vg.main };
                // UD makes a modal the head of its infinitive: either token is the verb.
                let first_verb = (parse.phrases[c.verb].a..parse.phrases[c.verb].b)
                    .find(|&t| matches!(tags[t].upos, Upos::Verb | Upos::Aux))
                    .unwrap_or(verb_tok);
                let verb_tok =
                    if gold.iter().any(|&(v, _)| v == verb_tok) || vg.modal.is_empty() { verb_tok } else { first_verb };
                let span = match (c.kind, c.subject) {
                    (ClauseKind::Relative { pronoun, .. }, _)
                        if matches!(
                            toks[pronoun].norm.as_str(),
                            "qui" | "lequel" | "laquelle" | "lesquels" | "lesquelles"
                        ) =>
                    {
                        Some((pronoun, pronoun + 1))
                    }
                    (_, Subject::Phrase(p)) => Some((parse.phrases[p].a, parse.phrases[p].b)),
                    (_, Subject::Pronoun(t)) => Some((t, t + 1)),
                    _ => None,
                };
                let Some((a, b)) = span else { continue };
                let _ = ci;
                // Participles, gerunds and infinitives have no subject of
                // their own in UD; an expletive "il" is no subject either.
                if matches!(c.kind, ClauseKind::Participial | ClauseKind::Gerund | ClauseKind::Infinitival) {
                    continue;
                }
                if (a..b).any(|t| expl.contains(&t)) {
                    continue;
                }
                p_n += 1;
                let right = gold.iter().any(|&(v, st)| v == verb_tok && (a..b).contains(&st));
                if right {
                    ok += 1;
                } else if shown < show {
                    shown += 1;
                    let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
                    let want: Vec<String> =
                        gold.iter().filter(|(v, _)| *v == verb_tok).map(|(_, st)| toks[*st].text.to_string()).collect();
                    println!(
                        "  verb {:?} got {:?} want {:?}\n    {}",
                        toks[verb_tok].text,
                        words[a..b].join(" "),
                        want,
                        words.join(" ")
                    );
                }
            }
            // Gold subjects with no right prediction.
            if show > 0 && shown < show * 2 {
                for &(v, st) in &gold {
                    let found = parse.clauses.iter().any(|c| {
                        let vg = parse.phrases[c.verb].verb.expect("verb");
                        let verb_tok = if vg.copula { parse.phrases[c.verb].head } else { vg.main };
                        let ph = &parse.phrases[c.verb];
                        (verb_tok == v || (ph.a..ph.b).contains(&v))
                            && match c.subject {
                                Subject::Phrase(p) => (parse.phrases[p].a..parse.phrases[p].b).contains(&st),
                                _ => false,
                            }
                            || matches!(c.kind, ClauseKind::Relative { pronoun, .. } if pronoun == st)
                    });
                    if !found && shown < show * 2 {
                        shown += 1;
                        let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
                        println!("  MISS verb {:?} subject {:?}\n    {}", toks[v].text, toks[st].text, words.join(" "));
                    }
                }
            }
        }
        let pr = ok as f64 / p_n.max(1) as f64;
        let rc = ok as f64 / g_n.max(1) as f64;
        let f1 = if pr + rc > 0.0 { 2.0 * pr * rc / (pr + rc) } else { 0.0 };
        println!(
            "{path}: {} sentences, gold subjects {g_n}, predicted {p_n}, right {ok}: P {pr:.3} R {rc:.3} F1 {f1:.3}",
            sents.len()
        );
        all_g += g_n;
        all_p += p_n;
        all_ok += ok;
    }
    let pr = all_ok as f64 / all_p.max(1) as f64;
    let rc = all_ok as f64 / all_g.max(1) as f64;
    let f1 = if pr + rc > 0.0 { 2.0 * pr * rc / (pr + rc) } else { 0.0 };
    println!("pooled: P {pr:.3} R {rc:.3} F1 {f1:.3}");
}
