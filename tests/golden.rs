//! The committed `output/` must be what `trame build` writes for `seeds/`.
//! `TRAME_BLESS=1 cargo test --release --test all golden::` rewrites it; review the diff.
//! The five exports and their manifest are compared byte for byte.
//!
//! `output/graph.svg` is `dot -Tsvg output/graph.dot`. Its bytes depend on
//! the Graphviz version (layout, float rounding, the version comment), so it
//! is not compared: the test only checks that it exists and is a whole SVG
//! of the `trame` graph, and blessing redraws it when `dot` is installed.
//! That it matches the current `graph.dot` rests on blessing both at once.

use crate::common;

use std::path::Path;

#[test]
fn committed_output_is_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = common::temp_dir("golden");
    let status = std::process::Command::new(common::bin())
        .args(["build", "--quiet", "--out-dir"])
        .arg(&out)
        .arg(root.join("seeds"))
        .status()
        .unwrap();
    assert!(status.success());
    let bless = std::env::var_os("TRAME_BLESS").is_some();
    let mut stale = Vec::new();
    let names = trame::cli::DEFAULT_FORMATS.iter().map(|f| format!("graph.{}", f.extension()));
    // The manifest lists the five files with their sizes and XXH64.
    for name in names.chain(["graph.manifest.json".to_string()]) {
        let fresh = std::fs::read(out.join(&name)).unwrap();
        let committed_path = root.join("output").join(&name);
        if bless {
            std::fs::create_dir_all(root.join("output")).unwrap();
            std::fs::write(&committed_path, &fresh).unwrap();
        } else if std::fs::read(&committed_path).ok().as_ref() != Some(&fresh) {
            stale.push(name);
        }
    }
    let svg_path = root.join("output/graph.svg");
    if bless {
        let o = std::process::Command::new("dot").arg("-Tsvg").arg(root.join("output/graph.dot")).output();
        match o {
            Ok(o) if o.status.success() && o.stderr.is_empty() => std::fs::write(&svg_path, o.stdout).unwrap(),
            Ok(o) => panic!("dot -Tsvg output/graph.dot failed: {}", String::from_utf8_lossy(&o.stderr)),
            Err(_) => {
                eprintln!("SKIPPED: output/graph.svg not redrawn: `dot` is not installed (apt-get install graphviz)")
            }
        }
    }
    let svg = std::fs::read_to_string(&svg_path).unwrap_or_default();
    assert!(
        svg.contains("<svg") && svg.contains("<title>trame</title>") && svg.trim_end().ends_with("</svg>"),
        "output/graph.svg is missing or not an SVG of the graph: run `TRAME_BLESS=1 cargo test --release --test all golden::` with Graphviz installed"
    );
    assert!(
        stale.is_empty(),
        "output/ is stale for {stale:?}: run `TRAME_BLESS=1 cargo test --release --test all golden::` and review the diff"
    );
}
