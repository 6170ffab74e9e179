//! Where the memory of a build goes: live heap bytes after each step.
//!
//!     cargo run --release --example heap -- INPUT...
//!
//! A counting allocator wraps the system's; it tells the bytes asked for
//! and not yet freed (live) and the most ever live (peak), without the
//! allocator's own overhead. The steps: the documents loaded; the tokens
//! of every document; the first pass's result (sentences, tokens,
//! mentions) of every document held at once, and the same without the
//! tokens, as a run holds it between the passes; then a whole run on one
//! thread, its peak, and the graph it leaves. Figures are per word of the corpus
//! (words: runs of non-space characters).

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use trame::input::{self, InputFormat};
use trame::text::{sentences, tokenize};
use trame::Pipeline;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn live() -> usize {
    LIVE.load(Ordering::Relaxed)
}

fn main() {
    let inputs: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if inputs.is_empty() {
        eprintln!("usage: heap INPUT...");
        std::process::exit(2);
    }
    let lx = trame::lexicon::Lexicon::builtin();
    let base = live();
    let docs = match input::load_with(&inputs, InputFormat::Auto) {
        Ok(l) => l.docs,
        Err(e) => {
            eprintln!("heap: {e}");
            std::process::exit(2)
        }
    };
    let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
    let per = |b: usize| b as f64 / words.max(1) as f64;
    let mib = |b: usize| b as f64 / (1024.0 * 1024.0);
    let row = |name: &str, b: usize| println!("  {name:<34} {:>9.1} MiB {:>7.1} bytes/word", mib(b), per(b));
    println!("{} documents, {words} words; live heap bytes:", docs.len());
    let after_docs = live();
    row("documents (text, names)", after_docs - base);

    // The tokens of every document, alone, and then with their mentions.
    let mut n_tokens = 0usize;
    let tokens: Vec<Vec<_>> = docs
        .iter()
        .map(|d| {
            sentences(&d.text)
                .iter()
                .map(|s| {
                    let mut t = tokenize(&d.text, s);
                    t.shrink_to_fit();
                    n_tokens += t.len();
                    t
                })
                .collect()
        })
        .collect();
    row("tokens of every document", live() - after_docs);
    println!(
        "  ({n_tokens} tokens, {:.2} a word, {} bytes a Token inline)",
        n_tokens as f64 / words.max(1) as f64,
        std::mem::size_of::<trame::text::Token>()
    );
    drop(tokens);
    let pipe = Pipeline::new(lx);
    let before = live();
    let mut read: Vec<_> = docs.iter().map(|d| pipe.read(d)).collect();
    let first = live() - before;
    row("first pass of every document", first);
    for rd in &mut read {
        rd.drop_tokens();
        for s in &mut rd.sentences {
            s.mentions.entities.shrink_to_fit();
            s.mentions.roles.shrink_to_fit();
        }
    }
    row("  the same without its tokens", live() - before);
    let mentions: usize = read.iter().flat_map(|r| &r.sentences).map(|s| s.mentions.entities.len()).sum();
    let roles: usize = read.iter().flat_map(|r| &r.sentences).map(|s| s.mentions.roles.len()).sum();
    println!(
        "  ({mentions} entity mentions, {roles} role mentions; {} bytes a Mention inline)",
        std::mem::size_of::<trame::extract::mention::Mention>()
    );
    drop(read);

    let before = live();
    PEAK.store(before, Ordering::Relaxed);
    let graph = pipe.run(&docs);
    row("peak of a run, above the documents", PEAK.load(Ordering::Relaxed) - before);
    row("the graph left", live() - before);
    let evidence: usize = graph.edges().iter().map(|e| e.evidence.len()).sum();
    let evidence_text: usize = graph.edges().iter().flat_map(|e| &e.evidence).map(|e| e.text.len()).sum();
    println!(
        "  ({} nodes, {} edges, {evidence} evidence, {:.1} MiB of evidence text)",
        graph.nodes().len(),
        graph.edges().len(),
        mib(evidence_text)
    );
}
