//! Benchmark of the query commands on a generated graph of 100,000 nodes
//! and 1,000,000 edges: the time to load the graph and answer, end to end.
//!
//!     cargo build --release && cargo run --release --example bench_path [DIR] [RUNS]
//!
//! Writes `DIR/graph.json` (default: a folder under the system temp dir)
//! with trame's own JSON exporter, then runs the `trame` binary built beside
//! this example (`target/release/trame`): `path` once cold (parses the JSON
//! and writes the binary cache), then `path`, `path -k 5`, `neighbors` and
//! `top` RUNS times each warm (reading the cache), and reports their wall
//! times. It also times, in process, the stages of a warm query: reading
//! and decoding the cache's index section (the petgraph graph and its
//! columns), resolving the names, the search, Yen's five shortest paths.
//! The generator uses a fixed seed, so every run asks the same question.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use trame::graph::query::{self, Resolution, Walk};
use trame::graph::{cache, Evidence, Fact, GraphBuilder};
use trame::ontology::{Modality, NodeKind, Relation};

const NODES: usize = 100_000;
const EDGES: usize = 1_000_000;

struct Lcg(u64);

impl Lcg {
    fn below(&mut self, m: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % m
    }
}

fn kind_of(i: usize) -> NodeKind {
    match i % 100 {
        0..=59 => NodeKind::Person,
        60..=79 => NodeKind::Organization,
        80..=89 => NodeKind::Location,
        90..=94 => NodeKind::Country,
        95..=96 => NodeKind::Role,
        _ => NodeKind::Claim,
    }
}

fn generate(path: &Path) {
    let started = Instant::now();
    let mut rng = Lcg(0x7ea5_e5ee_d000_0001);
    let mut b = GraphBuilder::new();
    let ids: Vec<String> = (0..NODES).map(|i| format!("{}:n{i:06}", kind_of(i).as_str())).collect();
    for (i, id) in ids.iter().enumerate() {
        b.mention(id, kind_of(i), &format!("Nom{i:06} Famille{:05}", i % 50_000), true);
    }
    let rels = [Relation::Met, Relation::AffiliatedWith, Relation::Visited, Relation::PartOf, Relation::Supplies];
    let mut added = 0;
    while added < EDGES {
        let (s, t) = (rng.below(NODES), rng.below(NODES));
        if s == t {
            continue;
        }
        let text = format!("Selon l'article {added}, Nom{s:06} a un lien avec Nom{t:06}.");
        b.fact(Fact {
            source: ids[s].clone(),
            relation: rels[rng.below(rels.len())],
            target: ids[t].clone(),
            modality: Modality::Asserted,
            evidence: Evidence {
                doc: format!("doc{:04}.txt", added % 5000),
                sentence: added % 40,
                start: (added % 40) * 80,
                end: (added % 40) * 80 + text.chars().count(),
                text,
                rule: "bench/generated".into(),
                attrs: Default::default(),
            },
        });
        added += 1;
    }
    let g = b.finish();
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    trame::export::json::write(&g, &mut out).unwrap();
    drop(out);
    eprintln!(
        "generated {} nodes, {} edges, {} MB of JSON in {:.1} s",
        g.nodes().len(),
        g.edges().len(),
        std::fs::metadata(path).unwrap().len() / 1_000_000,
        started.elapsed().as_secs_f64()
    );
}

fn run(bin: &Path, json: &Path, args: &[&str]) -> (Duration, String, i32) {
    let started = Instant::now();
    let o = Command::new(bin).args(args).arg("--graph").arg(json).env("NO_COLOR", "1").output().expect("runs trame");
    (started.elapsed(), String::from_utf8_lossy(&o.stdout).into_owned(), o.status.code().unwrap_or(-1))
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args.get(1).map(PathBuf::from).unwrap_or_else(|| std::env::temp_dir().join("trame-bench"));
    let runs: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(10);
    std::fs::create_dir_all(&dir).unwrap();
    let json = dir.join("graph.json");
    if !json.exists() {
        generate(&json);
    }
    let bin = std::env::current_exe().unwrap().parent().unwrap().parent().unwrap().join("trame");
    assert!(bin.exists(), "build the binary first: cargo build --release ({} is missing)", bin.display());
    let (from, to) = ("person:n000000", "person:n099900");

    let cache_file = dir.join(".graph.json.trame-cache");
    let _ = std::fs::remove_file(&cache_file);
    let (cold, out, code) = run(&bin, &json, &["path", from, to]);
    println!("cold (parse JSON, write cache): {} exit {code}", ms(cold));
    print!("{out}");
    let questions: [(&str, &[&str]); 4] = [
        ("path", &["path", from, to]),
        ("path -k 5", &["path", from, to, "-k", "5"]),
        ("neighbors", &["neighbors", from]),
        ("top", &["top", "-n", "5"]),
    ];
    for (what, args) in questions {
        let mut warm: Vec<Duration> = (0..runs).map(|_| run(&bin, &json, args).0).collect();
        warm.sort();
        println!(
            "{what}, warm over {runs} runs (load cache + answer + print): min {}, median {}, max {}",
            ms(warm[0]),
            ms(warm[runs / 2]),
            ms(warm[runs - 1])
        );
    }

    // The stages of a warm query, in process: the header and the index
    // section are read, as the command does, not the evidence.
    use std::io::Read;
    let t0 = Instant::now();
    let mut file = std::fs::File::open(&cache_file).unwrap();
    let mut head = vec![0u8; cache::HEADER_LEN];
    file.read_exact(&mut head).unwrap();
    let header = cache::decode_header(&head).unwrap();
    let mut body = vec![0u8; header.index_len as usize];
    file.read_exact(&mut body).unwrap();
    let t1 = Instant::now();
    let body_len = body.len();
    let ix = cache::decode_index_from(body, &header).unwrap();
    let t2 = Instant::now();
    let find = |name: &str| match query::resolve(&ix, name) {
        Resolution::Found { node, .. } => node,
        other => panic!("{name}: {other:?}"),
    };
    let (a, b) = (find(from), find(to));
    let t3 = Instant::now();
    let paths = query::k_shortest_paths(&ix, a, b, 1, &Walk::actors());
    let t4 = Instant::now();
    let k5 = query::k_shortest_paths(&ix, a, b, 5, &Walk::actors());
    let t5 = Instant::now();
    println!(
        "in process: read the index section ({} MB) {}, decode it {}, resolve ids {}, shortest path ({} hops) {}, 5 shortest (Yen) {}",
        body_len / 1_000_000,
        ms(t1 - t0),
        ms(t2 - t1),
        ms(t3 - t2),
        paths.first().map_or(0, |p| p.len() - 1),
        ms(t4 - t3),
        ms(t5 - t4)
    );
    assert_eq!(k5.first(), paths.first());
    let t6 = Instant::now();
    let by_name = query::resolve(&ix, "Nom099900 Famille49900");
    println!("resolve a label by scanning 100,000 nodes: {} ({by_name:?})", ms(t6.elapsed()));
    let json_bytes = std::fs::read(&json).unwrap();
    let t7 = Instant::now();
    let key = cache::Key::of(&json_bytes);
    println!(
        "XXH64 of the JSON in memory ({} MB): {} (the cost of a query whose memo cannot be trusted; key {:016x})",
        json_bytes.len() / 1_000_000,
        ms(t7.elapsed()),
        key.hash
    );
}
