//! The committed `output/` must be what `trame build` writes for `seeds/`.
//! `TRAME_BLESS=1 cargo test --test golden` rewrites it; review the diff.

mod common;

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
    for f in trame::cli::DEFAULT_FORMATS {
        let name = format!("graph.{}", f.extension());
        let fresh = std::fs::read(out.join(&name)).unwrap();
        let committed_path = root.join("output").join(&name);
        if bless {
            std::fs::create_dir_all(root.join("output")).unwrap();
            std::fs::write(&committed_path, &fresh).unwrap();
        } else if std::fs::read(&committed_path).ok().as_ref() != Some(&fresh) {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "output/ is stale for {stale:?}: run `TRAME_BLESS=1 cargo test --test golden` and review the diff"
    );
}
