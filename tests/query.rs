//! The query commands: loading a graph back from its JSON, the binary cache,
//! name resolution, paths (checked against networkx's shortest paths on the
//! undirected view), PageRank (against networkx to 1e-9), and the CLI's
//! answers and exit codes.
//!
//! Graphs come from a hand-made fixture (`tests/query/small.json`), from a
//! graph generated here with a fixed seed, and from French sentences written
//! for the tests, never from the seeds. networkx runs through
//! `tests/query/check_networkx.py` in `.venv-clients`; when it is missing,
//! the comparison prints `SKIPPED: …` on stderr and returns.

use crate::common;

mod model;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{json, Value};
use trame::graph::query::{self, Resolution, Walk};
use trame::graph::rank::{self, PageRank};
use trame::graph::{cache, load, Evidence, Fact, Graph, GraphBuilder, Index};
use trame::ontology::{Modality, NodeKind, Relation};

fn skipped(what: &str) {
    let _ = writeln!(std::io::stderr(), "SKIPPED: {what}");
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/query/small.json")
}

fn small() -> Index {
    let text = std::fs::read_to_string(fixture()).unwrap();
    Index::from_graph(&load::from_json(&text).unwrap())
}

fn node(ix: &Index, id: &str) -> usize {
    ix.find_id(id).unwrap_or_else(|| panic!("no node {id}"))
}

fn json_of(g: &Graph) -> String {
    let mut out = Vec::new();
    trame::export::json::write(g, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

// ---------------------------------------------------------------------------
// Loading and the cache

#[test]
fn json_written_by_build_loads_back_to_the_same_bytes() {
    let g = common::graph_of_docs(&[
        ("a.txt", "Le président kényan William Ruto est arrivé à Paris. Il a rencontré des journalistes."),
        ("b.txt", "Le ministre français des Affaires étrangères Jean Dupont a déclaré que « la paix est possible »."),
    ]);
    let text = json_of(&g);
    let back = load::from_json(&text).unwrap();
    assert_eq!(json_of(&back), text);
    // The hand-made fixture too: it is written in the exporter's order.
    let text = std::fs::read_to_string(fixture()).unwrap();
    assert_eq!(json_of(&load::from_json(&text).unwrap()), text);
}

#[test]
fn bad_json_is_an_error_naming_the_problem() {
    assert!(load::from_json("{").unwrap_err().contains("not a trame graph"));
    let e = load::from_json(r#"{"nodes":[{"id":"x:a","label":"a","kind":"thing"}],"edges":[]}"#).unwrap_err();
    assert!(e.contains("unknown kind"), "{e}");
    let e = load::from_json(
        r#"{"nodes":[{"id":"person:a","label":"A","kind":"person"}],
            "edges":[{"source":"person:a","target":"person:b","relation":"met","attributes":{},"evidence":[]}]}"#,
    )
    .unwrap_err();
    assert!(e.contains("no node \"person:b\""), "{e}");
}

#[test]
fn cache_round_trips_the_index_and_each_edges_evidence() {
    let ix = small();
    let key = cache::Key { size: 10, hash: 0x1234_5678_9abc_def0 };
    let bytes = cache::encode(&ix, key);
    let header = cache::decode_header(&bytes).unwrap();
    assert_eq!(header.key, key);
    let body = &bytes[cache::HEADER_LEN..cache::HEADER_LEN + header.index_len as usize];
    let back = cache::decode_index(body, &header).unwrap();
    assert_eq!(back.node_count(), ix.node_count());
    assert_eq!(back.edge_count(), ix.edge_count());
    assert_eq!(back.doc_count(), 4);
    for n in 0..ix.node_count() {
        assert_eq!(
            (back.id(n), back.label(n), back.kind(n), back.mentions(n)),
            (ix.id(n), ix.label(n), ix.kind(n), ix.mentions(n))
        );
        assert!(back.aliases(n).eq(ix.aliases(n)));
        assert!(back.adjacent(n).eq(ix.adjacent(n)));
    }
    let ev_base = header.evidence_offset() as usize;
    for e in 0..ix.edge_count() {
        assert_eq!(back.edge(e), ix.edge(e));
        let r = back.evidence_range(e).unwrap();
        let ev = cache::decode_evidence(&bytes[ev_base + r.start as usize..ev_base + r.end as usize]).unwrap();
        assert_eq!(ev, ix.evidence(e).unwrap());
    }
    // A damaged cache is an error, never a wrong index.
    assert!(cache::decode_index(&body[..body.len() - 1], &header).is_err());
    assert!(cache::decode_header(b"not a cache").is_err());
}

// ---------------------------------------------------------------------------
// Names

#[test]
fn names_resolve_forgivingly() {
    let ix = small();
    let found = |name: &str| match query::resolve(&ix, name) {
        Resolution::Found { node, .. } => ix.id(node).to_string(),
        other => panic!("{name}: {other:?}"),
    };
    assert_eq!(found("person:emma-lefevre"), "person:emma-lefevre");
    assert_eq!(found("Emma Lefèvre"), "person:emma-lefevre");
    assert_eq!(found("emma lefevre"), "person:emma-lefevre");
    assert_eq!(found("LEFEVRE"), "person:emma-lefevre");
    assert_eq!(found("Emma"), "person:emma-lefevre");
    assert_eq!(found("coree du nord"), "country:coree-du-nord");
    assert_eq!(found("Pyongyang"), "country:coree-du-nord");
    assert_eq!(found("alliance atlantique"), "organization:otan");
    assert_eq!(found("Min-jun"), "person:kim-min-jun");
    assert_eq!(
        query::resolve(&ix, "Lefevbre"),
        Resolution::Found { node: node(&ix, "person:emma-lefevre"), how: Some("closest spelling") }
    );
    match query::resolve(&ix, "Kim") {
        Resolution::Ambiguous(v) => {
            assert_eq!(v, [node(&ix, "person:kim-min-jun"), node(&ix, "person:kim-soo-ah")]);
        }
        other => panic!("{other:?}"),
    }
    match query::resolve(&ix, "Renaudo") {
        Resolution::Unknown(v) => assert_eq!(v.first(), Some(&node(&ix, "person:paul-renard"))),
        other => panic!("{other:?}"),
    }
    assert_eq!(query::resolve(&ix, "Zorglub"), Resolution::Unknown(vec![]));
}

// ---------------------------------------------------------------------------
// Paths and ranks against networkx

/// A graph of every kind, with parallel edges, isolated nodes and hubs,
/// from a fixed-seed generator (no randomness between runs).
fn generated() -> Graph {
    let mut seed: u64 = 0x5eed_1234_abcd;
    let mut next = |m: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % m
    };
    let kinds = [
        (NodeKind::Person, 30),
        (NodeKind::Country, 8),
        (NodeKind::Organization, 8),
        (NodeKind::Location, 6),
        (NodeKind::Role, 4),
        (NodeKind::Claim, 10),
    ];
    let mut b = GraphBuilder::new();
    let mut ids = Vec::new();
    for (kind, count) in kinds {
        for i in 0..count {
            let id = format!("{}:n{i:02}", kind.as_str());
            b.mention(&id, kind, &format!("{} {i}", kind.as_str()), true);
            ids.push(id);
        }
    }
    let rels = [Relation::Met, Relation::AffiliatedWith, Relation::HoldsRole, Relation::Stated, Relation::Mentions];
    for k in 0..110 {
        let (s, t) = (next(ids.len() - 6), next(ids.len() - 6));
        let relation = rels[next(rels.len())];
        let text = format!("Phrase {k}.");
        b.fact(Fact {
            source: ids[s].clone(),
            relation,
            target: ids[t].clone(),
            modality: Modality::Asserted,
            evidence: Evidence {
                doc: format!("d{}.txt", k % 7),
                sentence: k,
                start: k * 20,
                end: k * 20 + text.chars().count(),
                text,
                rule: "test/generated".into(),
                attrs: Default::default(),
            },
        });
    }
    b.finish()
}

fn python() -> Option<PathBuf> {
    let py = Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv-clients/bin/python");
    let ok =
        py.exists() && Command::new(&py).args(["-c", "import networkx"]).output().is_ok_and(|o| o.status.success());
    if !ok {
        skipped("networkx is not installed in .venv-clients (see .ci/run); query results not compared with networkx");
        return None;
    }
    Some(py)
}

fn networkx(py: &Path, request: &Value, name: &str) -> Value {
    let dir = common::temp_dir(name);
    let req = dir.join("request.json");
    std::fs::write(&req, serde_json::to_vec(request).unwrap()).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/query/check_networkx.py");
    let o = Command::new(py).arg(script).arg(&req).output().unwrap();
    assert!(o.status.success(), "networkx: {}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn check_against_networkx(walk: &Walk, name: &str) {
    let Some(py) = python() else { return };
    let g = generated();
    let dir = common::temp_dir(name);
    let graph_path = dir.join("graph.json");
    std::fs::write(&graph_path, json_of(&g)).unwrap();
    let ix = Index::from_graph(&g);
    let actors: Vec<usize> = (0..ix.node_count()).filter(|&n| ix.kind(n).is_actor()).collect();
    let mut pairs = Vec::new();
    for (i, &a) in actors.iter().enumerate().step_by(3) {
        for &b in actors.iter().skip(i + 1).step_by(4) {
            pairs.push((a, b));
        }
    }
    let k = 4;
    let ours: Vec<Vec<query::Path>> = pairs.iter().map(|&(a, b)| query::k_shortest_paths(&ix, a, b, k, walk)).collect();
    let tight = PageRank { alpha: 0.85, tol: 1e-13, max_iter: 1000 };
    let request = json!({
        "graph": graph_path,
        "kinds": NodeKind::ALL.iter().filter(|k| walk.allows_kind(**k)).map(|k| k.as_str()).collect::<Vec<_>>(),
        "relations": Relation::ALL.iter().filter(|r| walk.allows_relation(**r)).map(|r| r.as_str()).collect::<Vec<_>>(),
        "pairs": pairs.iter().map(|&(a, b)| [ix.id(a), ix.id(b)]).collect::<Vec<_>>(),
        "k": k,
        "paths": ours.iter().flatten().map(|p| p.iter().map(|&n| ix.id(n)).collect::<Vec<_>>()).collect::<Vec<_>>(),
        "pagerank": [
            {"alpha": 0.85, "tol": 1e-6, "max_iter": 100},
            {"alpha": tight.alpha, "tol": tight.tol, "max_iter": tight.max_iter},
        ],
    });
    let nx = networkx(&py, &request, &format!("{name}_nx"));

    let mut connected = 0;
    for (i, &(a, b)) in pairs.iter().enumerate() {
        let expected = nx["lengths"][i].as_u64().map(|l| l as usize);
        let got = ours[i].first().map(|p| p.len() - 1);
        assert_eq!(got, expected, "{} .. {}", ix.id(a), ix.id(b));
        connected += usize::from(got.is_some());
        let lens: Vec<usize> = ours[i].iter().map(|p| p.len() - 1).collect();
        let nx_lens: Vec<usize> =
            nx["ksp"][i].as_array().unwrap().iter().map(|v| v.as_u64().unwrap() as usize).collect();
        assert_eq!(lens, nx_lens, "k shortest {} .. {}", ix.id(a), ix.id(b));
        let mut distinct = ours[i].clone();
        distinct.dedup();
        assert_eq!(distinct.len(), ours[i].len());
    }
    assert!(connected >= 10, "the fixture should connect pairs ({connected})");
    assert!(nx["valid"].as_array().unwrap().iter().all(|v| v == true), "a path is not simple in networkx");

    for (run, params) in [PageRank::default(), tight].into_iter().enumerate() {
        let pr = rank::pagerank(&ix, walk, params).unwrap();
        let theirs = nx["pagerank"]["runs"][run].as_object().unwrap();
        assert_eq!(theirs.len(), (0..ix.node_count()).filter(|&n| walk.allows_kind(ix.kind(n))).count());
        for (id, v) in theirs {
            let ours = pr[node(&ix, id)];
            assert!((ours - v.as_f64().unwrap()).abs() < 1e-9, "pagerank {id}: {ours} vs {v} (run {run})");
        }
    }
}

#[test]
fn paths_and_pagerank_agree_with_networkx_on_actors() {
    check_against_networkx(&Walk::actors(), "nx_actors");
}

#[test]
fn paths_and_pagerank_agree_with_networkx_through_hubs_and_relations() {
    let all = Walk::actors().through(NodeKind::Role).through(NodeKind::Claim);
    check_against_networkx(&all, "nx_hubs");
    check_against_networkx(&Walk::actors().via(&[Relation::Met, Relation::AffiliatedWith]), "nx_via");
}

#[test]
fn hubs_are_crossed_only_when_asked_and_max_hops_limits() {
    let ix = small();
    let (emma, kim) = (node(&ix, "person:emma-lefevre"), node(&ix, "person:kim-soo-ah"));
    assert!(query::k_shortest_paths(&ix, emma, kim, 1, &Walk::actors()).is_empty());
    let roles = Walk::actors().through(NodeKind::Role);
    let p = query::k_shortest_paths(&ix, emma, kim, 1, &roles);
    assert_eq!(p, vec![vec![emma, node(&ix, "role:ministre"), kim]]);
    let hops = query::hops(&ix, &p[0], &roles);
    assert!(hops[0].edges.iter().all(|&(_, fwd)| fwd) && hops[1].edges.iter().all(|&(_, fwd)| !fwd));

    let (otan, nk) = (node(&ix, "organization:otan"), node(&ix, "country:coree-du-nord"));
    let two = query::k_shortest_paths(&ix, emma, otan, 5, &Walk::actors());
    assert_eq!(two.len(), 2);
    assert!(two.iter().all(|p| p.len() == 3));
    let claims = Walk::actors().through(NodeKind::Claim);
    assert_eq!(query::k_shortest_paths(&ix, emma, nk, 1, &claims)[0].len(), 4);
    let short = Walk { max_hops: Some(2), ..claims };
    assert!(query::k_shortest_paths(&ix, emma, nk, 1, &short).is_empty());
}

#[test]
fn degree_is_the_multigraph_degree_of_the_view() {
    let ix = small();
    let deg = rank::degrees(&ix, &Walk::actors());
    assert_eq!(deg[node(&ix, "person:emma-lefevre")], 2);
    assert_eq!(deg[node(&ix, "role:ministre")], 0);
    let all = rank::degrees(&ix, &Walk::everything());
    assert_eq!(all[node(&ix, "person:emma-lefevre")], 3);
}

// ---------------------------------------------------------------------------
// The command line

fn trame(dir: &Path, args: &[&str]) -> Output {
    Command::new(common::bin()).current_dir(dir).env("NO_COLOR", "1").args(args).output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn with_fixture(name: &str) -> PathBuf {
    let dir = common::temp_dir(name);
    std::fs::create_dir_all(dir.join("output")).unwrap();
    std::fs::copy(fixture(), dir.join("output/graph.json")).unwrap();
    dir
}

#[test]
fn cli_path_prints_hops_with_direction_and_evidence() {
    let dir = with_fixture("q_path");
    let o = trame(&dir, &["path", "Lefèvre", "OTAN", "-k", "2"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.starts_with("Emma Lefèvre … OTAN: 2 paths, shortest first, through actors\n"), "{out}");
    assert!(out.contains("─member_of→") && out.contains("« La France est membre de l'OTAN. »"), "{out}");
    assert!(!out.contains('\x1b'), "no colour off a terminal");
    assert!(o.stderr.is_empty(), "{}", text(&o.stderr));
    // The cache now exists and answers the same.
    assert!(dir.join("output/.graph.json.trame-cache").exists());
    let again = trame(&dir, &["path", "Lefèvre", "OTAN", "-k", "2"]);
    assert_eq!(text(&again.stdout), out);

    let o = trame(&dir, &["path", "emma", "kim soo-ah", "--through", "roles"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(text(&o.stdout).contains("role · both hold the title"), "{}", text(&o.stdout));
    assert!(text(&o.stdout).contains("←holds_role─"));

    let o = trame(&dir, &["path", "emma", "pyongyang", "--through", "claims", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let p = &v["paths"][0];
    assert_eq!(p["hops"], 3);
    assert_eq!(p["nodes"][2]["kind"], "claim");
    assert_eq!(p["steps"][0]["edges"][0]["relation"], "met");
    assert_eq!(p["steps"][2]["edges"][0]["direction"], "forward");
    assert_eq!(p["steps"][2]["edges"][0]["evidence"][0]["doc"], "b.txt");
}

#[test]
fn cli_exit_codes_no_path_ambiguous_unknown() {
    let dir = with_fixture("q_exit");
    let o = trame(&dir, &["path", "Emma Lefèvre", "Inès Roux"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        text(&o.stdout),
        "No path between Emma Lefèvre and Inès Roux through actors (try --through roles,claims).\n"
    );

    let o = trame(&dir, &["path", "Kim", "Emma"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err = text(&o.stderr);
    assert!(err.starts_with("trame: \"Kim\" is ambiguous"), "{err}");
    assert!(err.contains("Kim Min-jun") && err.contains("Kim Soo-ah   person · ministre"), "{err}");

    let o = trame(&dir, &["path", "Renaudo", "Emma"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("no node is called \"Renaudo\"")
            && text(&o.stderr).contains("did you mean Paul Renard (person)")
    );

    let o = trame(&dir, &["path", "Emma", "OTAN", "--graph", "nope.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("nope.json: no such graph"));
}

#[test]
fn cli_cache_is_rebuilt_when_the_json_changes() {
    let dir = with_fixture("q_cache");
    assert_eq!(trame(&dir, &["path", "Emma", "Inès Roux"]).status.code(), Some(1));
    // Give Inès Roux an edge: same path, new content, new size and time.
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("output/graph.json")).unwrap()).unwrap();
    v["edges"].as_array_mut().unwrap().push(json!({
        "source": "person:ines-roux", "target": "country:france", "relation": "affiliated_with",
        "attributes": {"modality": "asserted"},
        "evidence": [{"doc": "e.txt", "sentence": 0, "start": 0, "end": 24, "text": "Inès Roux, une Française.", "rule": "x"}]
    }));
    std::fs::write(dir.join("output/graph.json"), serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let o = trame(&dir, &["path", "Emma", "Inès Roux"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
    assert!(text(&o.stdout).contains("Inès Roux, une Française."));
}

#[test]
fn cli_neighbors_top_subgraph_stats() {
    let dir = with_fixture("q_more");
    let o = trame(&dir, &["neighbors", "Emma"]);
    assert_eq!(o.status.code(), Some(0));
    let out = text(&o.stdout);
    assert!(out.starts_with("Emma Lefèvre  person · ministre\n3 edges, 3 neighbours\n"), "{out}");
    assert!(out.contains("─affiliated_with→ (1)\n  France "), "{out}");
    assert!(out.contains("2 sentences"), "{out}");

    let o = trame(&dir, &["top", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["kinds"][0]["kind"], "person");
    assert_eq!(v["kinds"].as_array().unwrap().len(), 4);

    let o = trame(&dir, &["subgraph", "Paul Renard", "--hops", "1", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let g = load::from_json(&text(&o.stdout)).unwrap();
    let ids: Vec<&str> = g.nodes().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["organization:otan", "person:emma-lefevre", "person:paul-renard"]);
    assert_eq!(g.edges().len(), 2);
    let o = trame(&dir, &["subgraph", "Paul Renard", "--format", "dot"]);
    assert!(text(&o.stdout).starts_with("digraph"), "{}", text(&o.stdout));

    let o = trame(&dir, &["stats", "--json"]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!((v["nodes"].as_u64(), v["edges"].as_u64(), v["documents"].as_u64()), (Some(11), Some(10), Some(4)));
    assert_eq!(v["isolated_actors"], 2);
}

#[test]
fn cli_path_builds_from_input_articles() {
    let dir = common::temp_dir("q_input");
    std::fs::write(dir.join("a.txt"), "Le président kényan William Ruto est arrivé à Paris.\n").unwrap();
    let o = trame(&dir, &["path", "Ruto", "Kenya", "--input", "a.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("─affiliated_with→"), "{}", text(&o.stdout));
}

// ---------------------------------------------------------------------------
// The cache never lies, the loader has limits

fn cache_file(dir: &Path) -> PathBuf {
    dir.join("output/.graph.json.trame-cache")
}

/// Replaces the first (or last) `from` in a file's bytes by `to`, of the same length.
fn patch(path: &Path, from: &[u8], to: &[u8], last: bool) {
    assert_eq!(from.len(), to.len());
    let mut b = std::fs::read(path).unwrap();
    let mut found = b.windows(from.len()).enumerate().filter(|(_, w)| *w == from).map(|(i, _)| i);
    let at = if last { found.next_back() } else { found.next() };
    let at = at.unwrap_or_else(|| panic!("{} holds no {:?}", path.display(), String::from_utf8_lossy(from)));
    b[at..at + from.len()].copy_from_slice(to);
    std::fs::write(path, b).unwrap();
}

#[test]
fn cli_cache_follows_the_bytes_of_the_json_whatever_its_times() {
    let dir = with_fixture("q_cache_bytes");
    let json = dir.join("output/graph.json");
    // A JSON unchanged for two seconds gets a memo of its stat with the cache.
    std::thread::sleep(std::time::Duration::from_millis(2100));
    assert_eq!(trame(&dir, &["path", "Paul Renard", "OTAN"]).status.code(), Some(0));
    let bytes = std::fs::read(cache_file(&dir)).unwrap();
    let (stat, hash) = cache::decode_memo(&bytes[cache::MEMO_OFFSET..]).expect("a memo");
    assert_eq!(hash, cache::Key::of(&std::fs::read(&json).unwrap()).hash);
    assert_eq!(stat.size, std::fs::metadata(&json).unwrap().len());
    // The same answer through the memo.
    let o = trame(&dir, &["path", "Paul Renard", "OTAN"]);
    assert!(text(&o.stdout).starts_with("Paul Renard … OTAN"), "{}", text(&o.stdout));

    // An edit of the same size, its modification time put back.
    let mtime = std::fs::metadata(&json).unwrap().modified().unwrap();
    let size = std::fs::metadata(&json).unwrap().len();
    patch(&json, b"\"label\": \"Paul Renard\"", b"\"label\": \"Paul Rexard\"", false);
    std::fs::File::options().write(true).open(&json).unwrap().set_modified(mtime).unwrap();
    assert_eq!(
        (std::fs::metadata(&json).unwrap().len(), std::fs::metadata(&json).unwrap().modified().unwrap()),
        (size, mtime)
    );
    let o = trame(&dir, &["path", "Rexard", "OTAN"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).starts_with("Paul Rexard … OTAN"), "{}", text(&o.stdout));
    assert!(o.stderr.is_empty(), "found by its new name, not by spelling: {}", text(&o.stderr));
}

#[test]
fn cli_a_damaged_cache_is_rebuilt_never_believed() {
    let dir = with_fixture("q_cache_damage");
    let ask = |args: &[&str]| {
        let o = trame(&dir, args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", text(&o.stderr));
        (text(&o.stdout), text(&o.stderr))
    };
    let path = ["path", "Paul Renard", "OTAN"];
    let (good, _) = ask(&path);
    assert!(good.contains("Paul Renard  person") && good.contains("a salué la visite"), "{good}");

    // A name edited in the cache's index.
    patch(&cache_file(&dir), b"Paul Renard", b"Paul Renaud", false);
    assert_eq!(ask(&path), (good.clone(), String::new()));

    // A sentence edited in the cache's evidence: caught when it is read.
    patch(&cache_file(&dir), b"a salu", b"a nie ", true);
    let (out, err) = ask(&path);
    assert_eq!(out, good);
    assert!(err.contains("damaged evidence") && err.contains("again"), "{err}");
    assert_eq!(ask(&path), (good.clone(), String::new()), "the cache was rewritten");

    // A cache cut inside its evidence section: rebuilt, on every command.
    let len = std::fs::metadata(cache_file(&dir)).unwrap().len();
    std::fs::File::options().write(true).open(cache_file(&dir)).unwrap().set_len(len - 200).unwrap();
    assert_eq!(ask(&path), (good.clone(), String::new()));
    let (n, _) = ask(&["neighbors", "OTAN"]);
    assert!(n.contains("a salué la visite"), "{n}");
    assert_eq!(std::fs::metadata(cache_file(&dir)).unwrap().len(), len);

    // Garbage where the cache was.
    std::fs::write(cache_file(&dir), vec![0xa5u8; 5000]).unwrap();
    assert_eq!(ask(&path), (good, String::new()));
}

#[test]
fn the_cache_refuses_other_versions_and_damaged_headers() {
    let ix = small();
    let key = cache::Key { size: 1, hash: 2 };
    let bytes = cache::encode(&ix, key);
    assert!(cache::decode_header(&bytes).is_ok());
    // Each byte of the header matters.
    for i in 0..128 {
        let mut b = bytes.clone();
        b[i] ^= 0x10;
        assert!(cache::decode_header(&b).is_err(), "byte {i} of the header changed unnoticed");
    }
    // Each byte of the index section matters.
    let header = cache::decode_header(&bytes).unwrap();
    let end = cache::HEADER_LEN + header.index_len as usize;
    for i in (cache::HEADER_LEN..end).step_by(7) {
        let mut b = bytes[cache::HEADER_LEN..end].to_vec();
        b[i - cache::HEADER_LEN] ^= 0x01;
        assert!(cache::decode_index(&b, &header).is_err(), "byte {i} of the index changed unnoticed");
    }
    // And of each edge's evidence.
    let back = cache::decode_index(&bytes[cache::HEADER_LEN..end], &header).unwrap();
    for e in 0..back.edge_count() {
        let r = back.evidence_range(e).unwrap();
        let (a, z) = (end + r.start as usize, end + r.end as usize);
        for i in (a..z).step_by(5) {
            let mut b = bytes[a..z].to_vec();
            b[i - a] ^= 0x04;
            assert!(cache::decode_evidence(&b).is_err(), "byte {i} of edge {e}'s evidence changed unnoticed");
        }
    }
    // A memo is checked too, and absent from a fresh cache.
    assert!(cache::decode_memo(&bytes[cache::MEMO_OFFSET..cache::HEADER_LEN]).is_none());
    let st = cache::Stat { dev: 1, ino: 2, size: 3, mtime: (4, 5), ctime: (6, 7) };
    let mut memo = cache::encode_memo(&st, 9);
    assert_eq!(cache::decode_memo(&memo), Some((st, 9)));
    memo[20] ^= 1;
    assert_eq!(cache::decode_memo(&memo), None);
    // A memo is trusted only for a file changed two seconds before its hash.
    assert!(st.settled((8, 7)) && !st.settled((8, 6)) && !st.settled((7, 0)));
}

#[test]
fn loader_limits_are_clear_errors_or_cost_nothing() {
    let base: Value = serde_json::from_str(&std::fs::read_to_string(fixture()).unwrap()).unwrap();
    // The largest mention count loads at once and writes back the same.
    let fixture_text = std::fs::read_to_string(fixture()).unwrap();
    let first = fixture_text.find("\"mentions\": ").unwrap();
    let digits = fixture_text[first + 12..].find(|c: char| !c.is_ascii_digit()).unwrap();
    let with = |n: &str| format!("{}{n}{}", &fixture_text[..first + 12], &fixture_text[first + 12 + digits..]);
    let text = with("4294967295");
    let g = load::from_json(&text).unwrap();
    assert_eq!(g.nodes().next().unwrap().mentions, u32::MAX);
    assert_eq!(json_of(&g), text);
    assert!(load::from_json(&with("4294967296")).unwrap_err().contains("not a trame graph"));

    // One id, two nodes.
    let mut v = base.clone();
    let mut twin = v["nodes"][3].clone();
    twin["kind"] = json!("country");
    let id = twin["id"].as_str().unwrap().to_string();
    v["nodes"].as_array_mut().unwrap().push(twin);
    let e = load::from_json(&v.to_string()).unwrap_err();
    assert!(e.contains(&format!("id \"{id}\" is already node 3's")) && e.contains("then a country"), "{e}");
    let mut v = base.clone();
    let twin = v["nodes"][3].clone();
    v["nodes"].as_array_mut().unwrap().push(twin);
    assert!(load::from_json(&v.to_string()).unwrap_err().contains("is already node 3's (both "));

    // Evidence that ends before it starts.
    let mut v = base;
    v["edges"][0]["evidence"][0]["start"] = json!(1000);
    let e = load::from_json(&v.to_string()).unwrap_err();
    assert!(e.contains("edge 0") && e.contains("starts at 1000 after its end"), "{e}");
}

#[test]
fn k_is_capped_and_long_names_cost_little() {
    // A complete graph of 20 people has more simple paths than anyone reads.
    let mut b = GraphBuilder::new();
    let ids: Vec<String> = (0..20).map(|i| format!("person:p{i:02}")).collect();
    for id in &ids {
        b.mention(id, NodeKind::Person, &id[7..], true);
    }
    for i in 0..20 {
        for j in i + 1..20 {
            b.fact(Fact {
                source: ids[i].clone(),
                relation: Relation::Met,
                target: ids[j].clone(),
                modality: Modality::Asserted,
                evidence: Evidence {
                    doc: "k.txt".into(),
                    sentence: i,
                    start: 0,
                    end: 1,
                    text: "x".into(),
                    rule: "test".into(),
                    attrs: Default::default(),
                },
            });
        }
    }
    let ix = Index::from_graph(&b.finish());
    let paths = query::k_shortest_paths(&ix, 0, 19, 100_000, &Walk::actors());
    assert_eq!(paths.len(), query::MAX_PATHS);
    assert!(paths.windows(2).all(|w| w[0].len() <= w[1].len()), "shortest first");
    let distinct: std::collections::HashSet<&Vec<usize>> = paths.iter().collect();
    assert_eq!(distinct.len(), paths.len());

    // 26,000 names and a name of 10,000 letters: no suggestion to compute.
    let mut b = GraphBuilder::new();
    for i in 0..26_000 {
        b.mention(&format!("person:n{i}"), NodeKind::Person, &format!("Prénom{i} Nom{}", i % 977), true);
    }
    let ix = Index::from_graph(&b.finish());
    assert_eq!(query::resolve(&ix, &"x".repeat(10_000)), Resolution::Unknown(Vec::new()));
    assert_eq!(query::resolve(&ix, &"Prénom1 Nom1 ".repeat(15)), Resolution::Unknown(Vec::new()));
    // Near names are still found or suggested.
    let n = ix.find_id("person:n12345").unwrap();
    assert_eq!(query::resolve(&ix, "Prenom12345 Nom621"), Resolution::Found { node: n, how: None });
    assert_eq!(query::resolve(&ix, "Prénom12345 Nom62"), Resolution::Found { node: n, how: Some("closest spelling") });

    // The command line says that -k was capped.
    let dir = with_fixture("q_k");
    let o = trame(&dir, &["path", "Lefèvre", "OTAN", "-k", "100000"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(text(&o.stderr).contains("-k 100000 is more paths than anyone reads: showing at most 100"));
    let long = "z".repeat(10_000);
    let o = trame(&dir, &["path", &long, "OTAN"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).len() < 300, "the name is clipped in the message: {}", text(&o.stderr));
}

#[test]
fn a_graph_over_four_gib_is_refused_before_it_is_read() {
    let dir = common::temp_dir("q_huge");
    std::fs::create_dir_all(dir.join("output")).unwrap();
    // A sparse file: five GiB long, no disk used, never read.
    let f = std::fs::File::create(dir.join("output/graph.json")).unwrap();
    f.set_len(5 << 30).unwrap();
    let o = trame(&dir, &["stats"]);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(err.contains("5368709120 bytes: a graph may have at most 4294967295 bytes (4 GiB) of JSON"), "{err}");
}
