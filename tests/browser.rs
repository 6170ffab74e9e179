//! The HTML page in a real browser: Debian's chromium, headless, driven by
//! puppeteer-core (`tests/clients/check_html.mjs`). The page of the seeds is
//! opened offline, an actor searched as a user types it (lowercase, no
//! accents), another clicked on the drawing, and a path asked; the panel
//! must show their evidence sentences and the path must be `trame path`'s.
//! Skips with a visible message when chromium, node or puppeteer-core is
//! missing (`.ci/run` installs them).

use crate::common;

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn chromium() -> Option<String> {
    let path = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    Path::new(&path).exists().then_some(path)
}

/// Every actor with the edges that touch it, most edges first, ties by id.
fn actors_by_edges(g: &Value) -> Vec<(String, Vec<usize>)> {
    let kinds: HashMap<&str, &str> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["id"].as_str().unwrap(), n["kind"].as_str().unwrap()))
        .collect();
    let actor = |id: &str| matches!(kinds[id], "person" | "country" | "organization" | "location");
    let mut edges: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, e) in g["edges"].as_array().unwrap().iter().enumerate() {
        for end in ["source", "target"] {
            let id = e[end].as_str().unwrap();
            if actor(id) {
                edges.entry(id.to_string()).or_default().push(i);
            }
        }
    }
    let mut out: Vec<(String, Vec<usize>)> = edges.into_iter().collect();
    out.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    out
}

fn label_of<'a>(g: &'a Value, id: &str) -> &'a str {
    g["nodes"].as_array().unwrap().iter().find(|n| n["id"] == id).unwrap()["label"].as_str().unwrap()
}

fn evidence_texts(g: &Value, edges: &[usize]) -> Vec<String> {
    edges
        .iter()
        .flat_map(|&e| {
            g["edges"][e]["evidence"].as_array().unwrap().iter().map(|ev| ev["text"].as_str().unwrap().to_string())
        })
        .collect()
}

/// The nodes of `trame path`'s first answer, or `None` when there is none.
fn cli_path(graph: &Path, from: &str, to: &str) -> Option<Vec<String>> {
    let o = Command::new(common::bin()).args(["path", from, to, "--json", "--graph"]).arg(graph).output().unwrap();
    let v: Value = serde_json::from_slice(&o.stdout).ok()?;
    let nodes = v["paths"].get(0)?["nodes"].as_array()?.iter().map(|n| n["id"].as_str().unwrap().to_string()).collect();
    Some(nodes)
}

#[test]
fn the_seeds_page_searches_clicks_and_finds_the_path_of_trame_path() {
    let clients = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/clients");
    let Some(chromium) = chromium() else {
        eprintln!("SKIPPED: no chromium at /usr/bin/chromium (apt-get install chromium, or set CHROMIUM)");
        return;
    };
    if !clients.join("node_modules/puppeteer-core").exists() || Command::new("node").arg("--version").output().is_err()
    {
        eprintln!("SKIPPED: node or puppeteer-core missing (npm ci --prefix tests/clients)");
        return;
    }
    let dir = common::temp_dir("browser");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let o = Command::new(common::bin())
        .args(["build", "-q", "--out-dir"])
        .arg(&dir)
        .arg(root.join("seeds"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let graph = dir.join("graph.json");
    let g: Value = serde_json::from_str(&std::fs::read_to_string(&graph).unwrap()).unwrap();
    let ranked = actors_by_edges(&g);
    let person = ranked.iter().find(|(id, _)| id.starts_with("person:")).expect("a person with edges");
    let other = ranked.iter().find(|(id, _)| id != &person.0).expect("another actor");
    // The farthest of the ten busiest actors from the person, for a path of some length.
    let (to, want_path) = ranked
        .iter()
        .take(10)
        .filter(|(id, _)| id != &person.0)
        .filter_map(|(id, _)| cli_path(&graph, &person.0, id).map(|p| (id.clone(), p)))
        .max_by_key(|(_, p)| p.len())
        .expect("a path from the person");
    let label = label_of(&g, &person.0);
    let query = serde_json::json!({
        "search": trame::text::fold(label),
        "click": other.0,
        "from": person.0,
        "to": label_of(&g, &to),
    });
    std::fs::write(dir.join("query.json"), query.to_string()).unwrap();
    let shots = dir.join("seeds");
    let o = Command::new("node")
        .arg(clients.join("check_html.mjs"))
        .arg(dir.join("graph.html"))
        .arg(&shots)
        .arg(dir.join("query.json"))
        .env("CHROMIUM", &chromium)
        .output()
        .unwrap();
    assert!(o.status.success(), "the browser script failed: {}", String::from_utf8_lossy(&o.stderr));
    let seen: Value = serde_json::from_slice(&o.stdout).unwrap();
    eprintln!("screenshots: {}-{{open,search,click,path}}.png; page opened in {} ms", shots.display(), seen["open_ms"]);
    assert_eq!(seen["errors"], serde_json::json!([]), "script errors on the page");
    assert_eq!(seen["requests"], serde_json::json!([]), "the page asked the network");
    // The search found the person, and its panel holds its evidence, highlighted.
    assert_eq!(seen["search_title"], label);
    let panel = seen["search_panel"].as_str().unwrap();
    let texts = evidence_texts(&g, &person.1);
    assert!(texts.iter().any(|t| panel.contains(t.as_str())), "no evidence sentence in the panel:\n{panel}");
    assert!(panel.contains(", sentence "), "{panel}");
    let marks = seen["search_marks"].as_array().unwrap();
    assert!(marks.iter().any(|m| m.as_str().unwrap().starts_with("arg:")), "no argument highlighted: {marks:?}");
    // A click on the drawing opened the other actor, with its own evidence.
    assert_eq!(seen["click_drawn"], true);
    assert_eq!(seen["click_title"], label_of(&g, &other.0));
    let panel = seen["click_panel"].as_str().unwrap();
    assert!(evidence_texts(&g, &other.1).iter().any(|t| panel.contains(t.as_str())), "{panel}");
    // The page's path is trame path's.
    let got: Vec<String> =
        seen["path_ids"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect();
    assert_eq!(got, want_path);
    assert!(want_path.len() >= 3, "the path asked is too short to tell: {want_path:?}");
}
