//! Benchmark of loading the built-in lexicon: parsing the TSV files and
//! building every index, from scratch each time, as `trame` does once at
//! startup.
//!
//!     cargo run --release --example bench_lexicon [RUNS]
//!
//! Prints the first run (cold allocator) and the min, median and max of RUNS
//! runs (default 50), in milliseconds.

use std::time::{Duration, Instant};

use trame::lexicon::{builtin_sources, Lexicon};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let runs: usize = std::env::args().nth(1).map_or(50, |a| a.parse().expect("RUNS is a number"));
    let mut times = Vec::with_capacity(runs);
    let mut names = 0;
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        let lx = Lexicon::from_sources(builtin_sources()).expect("built-in lexicon is valid");
        times.push(started.elapsed());
        names = lx.names.len();
        drop(std::hint::black_box(lx));
    }
    let first = times[0];
    times.sort();
    println!(
        "lexicon load ({} runs, {names} names): first {:.2} ms, min {:.2} ms, median {:.2} ms, max {:.2} ms",
        times.len(),
        ms(first),
        ms(times[0]),
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1]),
    );
}
