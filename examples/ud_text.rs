//! Sentence and token boundaries of `trame::text` measured on Universal
//! Dependencies treebanks (CoNLL-U files).
//!
//!     cargo run --release --example ud_text -- ../shared/corpora/ud/*.conllu
//!
//! Each file is turned back into running text: the `# text = …` lines of a
//! document (a `# newdoc` starts one; a file without any is cut every 20
//! sentences) are joined with one space, or with a line break where the
//! treebank marks a paragraph (`# newpar`). trame then splits that text into
//! sentences and tokens, and the example prints, per file and pooled over the
//! test splits of GSD, Sequoia and PUD:
//!
//! - sentence boundary precision, recall and F1, a boundary being the offset
//!   where a sentence starts (the first sentence of a document, always
//!   right, is not counted);
//! - token F1 (the figure the project quotes as token boundary F1): a token
//!   is right when both its ends are those of a surface token of the
//!   treebank (a line with an integer id not covered by a range, or a range
//!   line `1-2`; its span found by walking the sentence text, `SpaceAfter=No`
//!   checked against the spaces met);
//! - the F1 of the offsets where a token starts or ends (one wrong split
//!   costs one offset, where above it costs a missed token and two wrong ones);
//! - the most frequent error patterns, sentences and tokens, with counts.
//!
//! Offsets are bytes of the rebuilt text; they name the same places as
//! chars would, so the figures are the same.
//!
//! Options: `--top N` (default 30) patterns listed per file; `--pooled-only`;
//! `--contexts` lists every sentence error in its context.

use std::collections::{BTreeSet, HashMap};
use std::fs;

use trame::text::{sentences, tokenize};

/// One document rebuilt from a treebank.
struct Doc {
    text: String,
    /// Byte offsets where the gold sentences start.
    starts: Vec<usize>,
    /// Gold surface tokens as byte spans of `text`.
    tokens: Vec<(usize, usize)>,
}

/// A surface token of a sentence: its form, whether a space follows (MISC `SpaceAfter`).
struct Surface {
    form: String,
    space_after: bool,
}

#[derive(Default)]
struct Parsed {
    docs: Vec<Doc>,
    /// Surface tokens whose form was not found where the walk expected it.
    unaligned: usize,
    /// Tokens whose `SpaceAfter` disagrees with the sentence text.
    spacing: usize,
    sentences: usize,
}

fn surface(cols: &[&str]) -> Surface {
    let misc = cols.get(9).copied().unwrap_or("_");
    Surface { form: cols[1].to_string(), space_after: !misc.split('|').any(|m| m == "SpaceAfter=No") }
}

fn parse(content: &str) -> Parsed {
    // First pass: sentences with their text, tokens and document / paragraph marks.
    struct Sent {
        text: String,
        surface: Vec<Surface>,
        newdoc: bool,
        newpar: bool,
    }
    let mut sents: Vec<Sent> = Vec::new();
    let mut cur = Sent { text: String::new(), surface: Vec::new(), newdoc: false, newpar: false };
    let mut range_end = 0usize;
    let mut in_sentence = false;
    let has_newdoc = content.lines().any(|l| l.starts_with("# newdoc"));
    for line in content.lines() {
        if line.trim().is_empty() {
            if in_sentence {
                sents.push(std::mem::replace(
                    &mut cur,
                    Sent { text: String::new(), surface: Vec::new(), newdoc: false, newpar: false },
                ));
            }
            in_sentence = false;
            range_end = 0;
            continue;
        }
        in_sentence = true;
        if let Some(rest) = line.strip_prefix('#') {
            let rest = rest.trim_start();
            if rest.starts_with("newdoc") {
                cur.newdoc = true;
            } else if rest.starts_with("newpar") {
                cur.newpar = true;
            } else if let Some(t) = rest.strip_prefix("text =") {
                cur.text = t.trim().to_string();
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 2 {
            continue;
        }
        let id = cols[0];
        if let Some((a, b)) = id.split_once('-') {
            if let (Ok(_), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>()) {
                range_end = b;
                cur.surface.push(surface(&cols));
            }
        } else if let Ok(n) = id.parse::<usize>() {
            if n > range_end {
                cur.surface.push(surface(&cols));
            }
        }
    }
    if in_sentence {
        sents.push(cur);
    }

    let mut parsed = Parsed { sentences: sents.len(), ..Parsed::default() };
    let mut doc = Doc { text: String::new(), starts: Vec::new(), tokens: Vec::new() };
    for (k, s) in sents.iter().enumerate() {
        let new_doc = if has_newdoc { s.newdoc } else { k % 20 == 0 };
        if new_doc && !doc.starts.is_empty() {
            parsed
                .docs
                .push(std::mem::replace(&mut doc, Doc { text: String::new(), starts: Vec::new(), tokens: Vec::new() }));
        }
        if !doc.starts.is_empty() {
            doc.text.push(if s.newpar { '\n' } else { ' ' });
        }
        let base = doc.text.len();
        doc.starts.push(base);
        doc.text.push_str(&s.text);
        // Walk the sentence text to place every surface token.
        let mut at = 0;
        for tok in &s.surface {
            let t = &s.text;
            while at < t.len() && t[at..].starts_with(char::is_whitespace) {
                at += t[at..].chars().next().map_or(1, char::len_utf8);
            }
            if t[at..].starts_with(&tok.form) {
                doc.tokens.push((base + at, base + at + tok.form.len()));
                at += tok.form.len();
            } else if let Some(off) = t[at..].find(&tok.form) {
                parsed.unaligned += 1;
                let a = at + off;
                doc.tokens.push((base + a, base + a + tok.form.len()));
                at = a + tok.form.len();
            } else {
                parsed.unaligned += 1;
                continue;
            }
            let spaced = t[at..].starts_with(char::is_whitespace);
            if at < t.len() && spaced != tok.space_after {
                parsed.spacing += 1;
            }
        }
    }
    if !doc.starts.is_empty() {
        parsed.docs.push(doc);
    }
    parsed
}

#[derive(Default, Clone, Copy)]
struct Prf {
    gold: usize,
    pred: usize,
    hit: usize,
}

impl Prf {
    fn add(&mut self, o: Prf) {
        self.gold += o.gold;
        self.pred += o.pred;
        self.hit += o.hit;
    }
    fn f1(&self) -> (f64, f64, f64) {
        let p = if self.pred == 0 { 0.0 } else { self.hit as f64 / self.pred as f64 };
        let r = if self.gold == 0 { 0.0 } else { self.hit as f64 / self.gold as f64 };
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        (p, r, f)
    }
    fn show(&self) -> String {
        let (p, r, f) = self.f1();
        format!("P {p:.3} R {r:.3} F1 {f:.3}  (gold {}, trame {}, right {})", self.gold, self.pred, self.hit)
    }
}

#[derive(Default)]
struct Scores {
    sentences: Prf,
    tokens: Prf,
    boundaries: Prf,
    /// Sentence errors: pattern → (count, an example).
    sent_errors: HashMap<String, (usize, String)>,
    /// Every sentence error with its context, in text order.
    sent_contexts: Vec<String>,
    /// Token errors: pattern → count.
    tok_errors: HashMap<String, usize>,
    unaligned: usize,
    spacing: usize,
    gold_sentences: usize,
}

impl Scores {
    fn add(&mut self, o: &Scores) {
        self.sentences.add(o.sentences);
        self.tokens.add(o.tokens);
        self.boundaries.add(o.boundaries);
        for (k, (n, ex)) in &o.sent_errors {
            let e = self.sent_errors.entry(k.clone()).or_insert((0, ex.clone()));
            e.0 += n;
        }
        for (k, n) in &o.tok_errors {
            *self.tok_errors.entry(k.clone()).or_insert(0) += n;
        }
        self.sent_contexts.extend(o.sent_contexts.iter().cloned());
        self.unaligned += o.unaligned;
        self.spacing += o.spacing;
        self.gold_sentences += o.gold_sentences;
    }
}

/// The shape of the start of what follows a boundary: `Aa`, `a`, `9`, or the mark.
fn shape(s: &str) -> String {
    match s.chars().next() {
        Some(c) if c.is_uppercase() => "Aa".into(),
        Some(c) if c.is_lowercase() => "a".into(),
        Some(c) if c.is_ascii_digit() => "9".into(),
        Some(c) => c.to_string(),
        None => "END".into(),
    }
}

/// The whitespace-delimited word that ends at `at`, and the one that starts there.
fn around(text: &str, at: usize) -> (&str, &str) {
    let head = text[..at].trim_end();
    let w0 = head.rfind(char::is_whitespace).map_or(0, |i| i + head[i..].chars().next().unwrap().len_utf8());
    let tail = text[at..].trim_start();
    let w1 = tail.find(char::is_whitespace).unwrap_or(tail.len());
    (&head[w0..], &tail[..w1])
}

fn context(text: &str, at: usize) -> String {
    let mut a = at.saturating_sub(40);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (at + 40).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    format!("{}⟦|⟧{}", &text[a..at], &text[at..b]).replace('\n', "¶")
}

fn score_doc(doc: &Doc, sc: &mut Scores) {
    let text = &doc.text;
    let pred = sentences(text);
    // Sentence boundaries, the start of each document left out.
    let gold_b: BTreeSet<usize> = doc.starts.iter().copied().filter(|&b| b > 0).collect();
    let first = pred.first().map_or(0, |s| s.span.start);
    let pred_b: BTreeSet<usize> = pred.iter().map(|s| s.span.start).filter(|&b| b > first).collect();
    sc.sentences.add(Prf { gold: gold_b.len(), pred: pred_b.len(), hit: gold_b.intersection(&pred_b).count() });
    for &b in pred_b.difference(&gold_b) {
        let (w0, w1) = around(text, b);
        let key = format!("split   {w0} | {}", shape(w1));
        sc.sent_contexts.push(format!("split   {}", context(text, b)));
        sc.sent_errors.entry(key).or_insert((0, context(text, b))).0 += 1;
    }
    for &b in gold_b.difference(&pred_b) {
        let (w0, w1) = around(text, b);
        let tail: String = w0.chars().rev().take(3).collect::<Vec<_>>().into_iter().rev().collect();
        let key = format!("missed  …{tail} | {}", shape(w1));
        sc.sent_contexts.push(format!("missed  {}", context(text, b)));
        sc.sent_errors.entry(key).or_insert((0, context(text, b))).0 += 1;
    }

    // Tokens.
    let mut toks: Vec<(usize, usize)> = Vec::new();
    for s in &pred {
        for t in tokenize(text, s) {
            assert_eq!(&text[t.span.start..t.span.end], t.text, "token text is the document slice");
            toks.push((t.span.start, t.span.end));
        }
    }
    let gold: BTreeSet<(usize, usize)> = doc.tokens.iter().copied().collect();
    let mine: BTreeSet<(usize, usize)> = toks.iter().copied().collect();
    sc.tokens.add(Prf { gold: gold.len(), pred: mine.len(), hit: gold.intersection(&mine).count() });
    let gb: BTreeSet<usize> = gold.iter().flat_map(|&(a, b)| [a, b]).collect();
    let pb: BTreeSet<usize> = mine.iter().flat_map(|&(a, b)| [a, b]).collect();
    sc.boundaries.add(Prf { gold: gb.len(), pred: pb.len(), hit: gb.intersection(&pb).count() });

    // Error regions: the smallest stretches where both segmentations meet again.
    let g: Vec<(usize, usize)> = gold.into_iter().collect();
    let p: Vec<(usize, usize)> = mine.into_iter().collect();
    let (mut i, mut j) = (0, 0);
    while i < g.len() || j < p.len() {
        if i < g.len() && j < p.len() && g[i] == p[j] {
            i += 1;
            j += 1;
            continue;
        }
        let start = match (g.get(i), p.get(j)) {
            (Some(a), Some(b)) => a.0.min(b.0),
            (Some(a), None) => a.0,
            (None, Some(b)) => b.0,
            (None, None) => break,
        };
        let mut end = start;
        let (mut gs, mut ps) = (Vec::new(), Vec::new());
        loop {
            let mut grew = false;
            if let Some(&t) = g.get(i) {
                if t.0 < end || t.0 == start {
                    gs.push(&text[t.0..t.1]);
                    end = end.max(t.1);
                    i += 1;
                    grew = true;
                }
            }
            if let Some(&t) = p.get(j) {
                if t.0 < end || t.0 == start {
                    ps.push(&text[t.0..t.1]);
                    end = end.max(t.1);
                    j += 1;
                    grew = true;
                }
            }
            if !grew {
                break;
            }
        }
        let key = format!("gold {:<28} trame {}", gs.join(" | "), ps.join(" | "));
        *sc.tok_errors.entry(key).or_insert(0) += 1;
    }
}

fn report(name: &str, sc: &Scores, top: usize, contexts: bool) {
    println!(
        "== {name}  ({} gold sentences; {} tokens not found in the text, {} with SpaceAfter against it)",
        sc.gold_sentences, sc.unaligned, sc.spacing
    );
    println!("  sentence boundaries  {}", sc.sentences.show());
    println!("  tokens               {}", sc.tokens.show());
    println!("  token end offsets    {}", sc.boundaries.show());
    if top == 0 {
        return;
    }
    let mut se: Vec<_> = sc.sent_errors.iter().collect();
    se.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
    println!("  sentence errors ({} in all):", se.iter().map(|e| e.1 .0).sum::<usize>());
    for (k, (n, ex)) in se.iter().take(top) {
        println!("    {n:4}  {k:<36} {ex}");
    }
    if contexts {
        println!("  every sentence error:");
        for c in &sc.sent_contexts {
            println!("    {c}");
        }
    }
    let mut te: Vec<_> = sc.tok_errors.iter().collect();
    te.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    println!("  token errors ({} regions in all):", te.iter().map(|e| *e.1).sum::<usize>());
    for (k, n) in te.iter().take(top) {
        println!("    {n:4}  {k}");
    }
}

fn main() {
    let mut top = 30;
    let mut pooled_only = false;
    let mut contexts = false;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--top" => top = args.next().and_then(|n| n.parse().ok()).expect("--top N"),
            "--pooled-only" => pooled_only = true,
            "--contexts" => contexts = true,
            _ => files.push(a),
        }
    }
    if files.is_empty() {
        eprintln!("usage: ud_text [--top N] [--pooled-only] [--contexts] FILE.conllu...");
        std::process::exit(2);
    }
    let mut pooled = Scores::default();
    let mut pooled_names = Vec::new();
    for f in &files {
        let content = fs::read_to_string(f).unwrap_or_else(|e| panic!("{f}: {e}"));
        let parsed = parse(&content);
        let mut sc = Scores {
            unaligned: parsed.unaligned,
            spacing: parsed.spacing,
            gold_sentences: parsed.sentences,
            ..Scores::default()
        };
        for d in &parsed.docs {
            score_doc(d, &mut sc);
        }
        let name = f.rsplit('/').next().unwrap_or(f);
        if !pooled_only {
            report(name, &sc, top, contexts);
        }
        let in_pool = name.ends_with("-test.conllu")
            && ["fr_gsd", "fr_sequoia", "fr_pud"].iter().any(|p| name.starts_with(&format!("{p}-")));
        if in_pool {
            pooled.add(&sc);
            pooled_names.push(name.to_string());
        }
    }
    if !pooled_names.is_empty() {
        report(&format!("pooled ({})", pooled_names.join(", ")), &pooled, top, contexts);
    }
}
