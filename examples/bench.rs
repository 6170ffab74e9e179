//! Where the time of a build goes, stage by stage, on real text.
//!
//!     cargo run --release --example bench -- [--jobs N] INPUT...
//!
//! Loads the inputs as `trame build` does (folders, .txt, .jsonl), then
//! times on one thread, by the CPU time the thread was given
//! (`/proc/thread-self/schedstat` on Linux, wall clock elsewhere), which a
//! busy machine does not inflate: splitting every document into sentences,
//! tokenizing them, and detecting the mentions of every sentence. Then it
//! runs the whole pipeline on N threads (default: one a core) and prints
//! the wall time of each of its stages, and the JSON export. Words are
//! runs of non-space characters. The last line, `bench {…}`, is the same
//! figures as one JSON object, for `scripts/bench.sh`.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use trame::extract::mention;
use trame::input::{self, InputFormat};
use trame::lexicon::Lexicon;
use trame::text::{sentences, tokenize};
use trame::Pipeline;

/// Nanoseconds this thread has run on a CPU, where Linux tells.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// Seconds of `f` on this thread: CPU time where known, else wall.
fn timed<R>(f: impl FnOnce() -> R) -> (R, f64) {
    let (wall, cpu) = (Instant::now(), cpu_ns());
    let r = f();
    let secs = match (cpu, cpu_ns()) {
        (Some(a), Some(b)) => (b - a) as f64 / 1e9,
        _ => wall.elapsed().as_secs_f64(),
    };
    (r, secs)
}

fn main() {
    let mut jobs = 0usize;
    let mut inputs: Vec<PathBuf> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--jobs" || a == "-j" {
            jobs = args.next().and_then(|n| n.parse().ok()).unwrap_or_else(|| {
                eprintln!("--jobs takes a number");
                std::process::exit(2)
            });
        } else {
            inputs.push(PathBuf::from(a));
        }
    }
    if inputs.is_empty() {
        eprintln!("usage: bench [--jobs N] INPUT...");
        std::process::exit(2);
    }
    let loaded = match input::load_with(&inputs, InputFormat::Auto) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("bench: {e}");
            std::process::exit(2)
        }
    };
    let docs = loaded.docs;
    let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
    let lx = Lexicon::builtin();

    let (split, t_sentences) = timed(|| docs.iter().map(|d| sentences(&d.text)).collect::<Vec<_>>());
    let (tokens, t_tokens) = timed(|| {
        docs.iter()
            .zip(&split)
            .map(|(d, ss)| ss.iter().map(|s| tokenize(&d.text, s)).collect::<Vec<_>>())
            .collect::<Vec<_>>()
    });
    let (found, t_mentions) = timed(|| {
        let mut n = 0usize;
        for ((d, ss), ts) in docs.iter().zip(&split).zip(&tokens) {
            for (s, t) in ss.iter().zip(ts) {
                n += mention::detect(lx, &d.text, s.index, t).entities.len();
            }
        }
        n
    });
    drop(tokens);

    let threads = if jobs == 0 { std::thread::available_parallelism().map_or(1, |n| n.get()) } else { jobs };
    let wall = Instant::now();
    let (graph, t) = Pipeline::new(lx).with_jobs(jobs).run_timed(&docs);
    let t_pipeline = wall.elapsed();
    let (json, t_json) = {
        let at = Instant::now();
        let mut out = Vec::new();
        trame::export::json::write(&graph, &mut out).expect("writing to memory");
        (out.len(), at.elapsed())
    };

    let rate = |secs: f64| if secs > 0.0 { words as f64 / secs } else { f64::INFINITY };
    let s = |d: Duration| d.as_secs_f64();
    println!(
        "{} documents, {words} words, {found} mentions; graph {} nodes, {} edges, JSON {json} bytes",
        docs.len(),
        graph.nodes().len(),
        graph.edges().len()
    );
    println!("one thread, CPU seconds:");
    for (name, secs) in [("sentences", t_sentences), ("tokens", t_tokens), ("mentions", t_mentions)] {
        println!("  {name:<12} {secs:>8.3} s  {:>12.0} words/s", rate(secs));
    }
    println!("pipeline on {threads} threads, wall seconds:");
    for (name, d) in [
        ("read", t.read),
        ("alias", t.alias),
        ("registry", t.registry),
        ("structure", t.structure),
        ("events", t.events),
        ("finish", t.finish),
        ("json export", t_json),
    ] {
        println!("  {name:<12} {:>8.3} s  {:>12.0} words/s", s(d), rate(s(d)));
    }
    println!("  {:<12} {:>8.3} s  {:>12.0} words/s", "all", s(t_pipeline) + s(t_json), rate(s(t_pipeline) + s(t_json)));
    let stage = |d: Duration| format!("{:.4}", s(d));
    println!(
        "bench {{\"docs\":{},\"words\":{words},\"threads\":{threads},\"sentences_cpu\":{t_sentences:.4},\"tokens_cpu\":{t_tokens:.4},\"mentions_cpu\":{t_mentions:.4},\"read\":{},\"alias\":{},\"registry\":{},\"structure\":{},\"events\":{},\"finish\":{},\"json\":{}}}",
        docs.len(),
        stage(t.read),
        stage(t.alias),
        stage(t.registry),
        stage(t.structure),
        stage(t.events),
        stage(t.finish),
        stage(t_json)
    );
}
