//! Throughput of the part-of-speech tagger on real text.
//!
//!     cargo run --release --example bench_tagger -- FILE...
//!
//! Splits each file into sentences and tokens (timed apart), then tags every
//! sentence twice: with `Tagger::tag_into` and a `Scratch` of its own, and
//! with `syntax::tag` (a new `Vec` per sentence, the thread's scratch). Prints tokens per second for each, by wall clock and, on
//! Linux, by the CPU time the process was given (`/proc/self/schedstat`),
//! which a busy machine does not inflate.

use std::time::Instant;

use trame::syntax::tag::{Scratch, Tagger};
use trame::syntax::{tag, Tag, Upos};
use trame::text::{sentences, tokenize, Token};

/// Nanoseconds this thread has run on a CPU, where Linux tells.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

struct Clock(Instant, Option<u64>);

impl Clock {
    fn start() -> Clock {
        Clock(Instant::now(), cpu_ns())
    }

    /// Wall seconds, CPU seconds (wall when unknown).
    fn stop(&self) -> (f64, f64) {
        let wall = self.0.elapsed().as_secs_f64();
        let cpu = match (self.1, cpu_ns()) {
            (Some(a), Some(b)) => (b - a) as f64 / 1e9,
            _ => wall,
        };
        (wall, cpu)
    }
}

fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    assert!(!files.is_empty(), "usage: bench_tagger FILE...");
    let texts: Vec<String> = files.iter().map(|f| std::fs::read_to_string(f).expect("readable UTF-8 file")).collect();
    let tagger = Tagger::builtin();
    // Load the lexicon and weights before timing.
    let _ = tag(&[]);

    let t0 = Clock::start();
    let mut sents: Vec<Vec<Token>> = Vec::new();
    for text in &texts {
        for s in sentences(text) {
            sents.push(tokenize(text, &s));
        }
    }
    let split = t0.stop();
    let n: usize = sents.iter().map(Vec::len).sum();

    let mut scratch = Scratch::new();
    let mut out: Vec<Tag> = Vec::new();
    let mut counts = [0usize; 17];
    // The best of five passes: a busy machine slows some passes down.
    let mut reused = (f64::MAX, f64::MAX);
    for pass in 0..5 {
        let t1 = Clock::start();
        for s in &sents {
            tagger.tag_into(s, &mut scratch, &mut out);
            if pass == 0 {
                for t in &out {
                    counts[t.upos as usize] += 1;
                }
            }
        }
        let d = t1.stop();
        if d.1 < reused.1 {
            reused = d;
        }
    }

    let t2 = Clock::start();
    let mut m = 0usize;
    for s in &sents {
        m += std::hint::black_box(tag(s)).len();
    }
    let fresh = t2.stop();
    assert_eq!(m, n);

    let report = |what: &str, (wall, cpu): (f64, f64)| {
        println!(
            "{what}: {wall:.3} s wall, {cpu:.3} s CPU, {:.0} tokens/s, {:.0} ns/token (CPU)",
            n as f64 / cpu,
            1e9 * cpu / n as f64
        );
    };
    println!("{} sentences, {} tokens", sents.len(), n);
    report("sentences + tokenize", split);
    report("tag_into (buffers reused, best of 5)", reused);
    report("tag (new Vec per sentence)", fresh);
    let (hits, lookups) = scratch.cache_hits();
    println!("word type cache: {:.1}% hits", 100.0 * hits as f64 / lookups.max(1) as f64);
    let mut dist: Vec<(usize, Upos)> = Upos::ALL.iter().map(|&u| (counts[u as usize], u)).collect();
    dist.sort_by_key(|d| std::cmp::Reverse(d.0));
    let top: Vec<String> =
        dist.iter().take(8).map(|(c, u)| format!("{} {:.1}%", u.as_str(), 100.0 * *c as f64 / n as f64)).collect();
    println!("tags: {}", top.join(", "));
}
