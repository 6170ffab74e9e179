//! Prints how trame reads sentences: tokens with their tags, phrases,
//! clauses, and the edges the whole pipeline gives.
//!
//!     cargo run --release --example parse -- "Le président a reçu son homologue."
//!     cargo run --release --example parse -- --file article.txt --grep "a reçu"

use trame::{Document, Pipeline};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut grep: Option<String> = None;
    if let Some(k) = args.iter().position(|a| a == "--grep") {
        grep = args.get(k + 1).cloned();
        args.drain(k..k + 2);
    }
    let text = if let Some(k) = args.iter().position(|a| a == "--file") {
        std::fs::read_to_string(&args[k + 1]).expect("readable file")
    } else {
        args.join(" ")
    };
    let p = Pipeline::builtin();
    let doc = Document::new("input.txt", text.clone());
    let rd = p.read(&doc);
    let mut scratch = trame::syntax::tag::Scratch::new();
    for s in &rd.sentences {
        let syn = trame::extract::Syntax::read(s, &mut scratch);
        let sent = &text[s.span.start..s.span.end];
        if grep.as_ref().is_some_and(|g| !sent.contains(g.as_str())) {
            continue;
        }
        println!("== {sent}");
        let tags: Vec<String> = s
            .tokens
            .iter()
            .zip(&syn.tags)
            .map(|(t, g)| {
                format!(
                    "{}/{}{}",
                    t.text,
                    g.upos.as_str(),
                    if g.lemma.is_empty() { String::new() } else { format!(":{}", g.lemma) }
                )
            })
            .collect();
        println!("   {}", tags.join(" "));
        for m in &s.mentions.entities {
            println!("   mention [{}..{}] {:?} {}", m.a, m.b, m.surface, m.rule);
        }
        for (i, ph) in syn.parse.phrases.iter().enumerate() {
            let from = ph.prep.unwrap_or(ph.a).min(ph.a);
            let words: Vec<&str> = (from..ph.b).map(|t| s.tokens[t].text.as_str()).collect();
            let mut extra = String::new();
            if let Some(v) = ph.verb {
                extra = format!(
                    " lemma={} voice={:?} modal={} neg={} mood={:?} tense={:?} copula={}",
                    v.lemma, v.voice, v.modal, v.negated, v.mood, v.tense, v.copula
                );
            }
            if let Some(o) = ph.of {
                extra.push_str(&format!(" of={o}"));
            }
            if let Some(o) = ph.apposition_of {
                extra.push_str(&format!(" app={o}"));
            }
            if let Some(o) = ph.coord_head {
                extra.push_str(&format!(" coord={o}"));
            }
            if ph.atom.is_some() {
                extra.push_str(" atom");
            }
            println!("   {i:>2} {:?} [{}]{extra}", ph.kind, words.join(" "));
        }
        for (i, c) in syn.parse.clauses.iter().enumerate() {
            println!(
                "   clause {i}: verb {} {:?} subject {:?} object {:?} obliques {:?} parent {:?} phrases {}..{}",
                c.verb, c.kind, c.subject, c.object, c.obliques, c.parent, c.first, c.last
            );
        }
    }
    let g = p.run(&[doc]);
    for e in g.edges() {
        if e.relation.as_str() == "mentions" {
            continue;
        }
        let label = |id: &str| g.node(id).map_or(id.to_string(), |n| n.label.clone());
        let rules: Vec<&str> = e.evidence.iter().map(|ev| ev.rule.as_str()).collect();
        println!(
            "edge {} -{}-> {} ({:?}) {:?}",
            label(&e.source),
            e.relation.as_str(),
            label(&e.target),
            e.modality,
            rules
        );
    }
}
