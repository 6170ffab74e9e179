//! Names the build: a hash of the sources that shape what `trame extract`
//! writes (every file under `src/`, and `Cargo.lock`), so that `trame
//! merge` can refuse records written by another build of the same version.

use std::path::{Path, PathBuf};

/// FNV-1a, 64 bits: enough to tell two builds apart, and no dependency.
fn fnv(hash: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *hash ^= u64::from(b);
        *hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let mut all = Vec::new();
    files(&root.join("src"), &mut all);
    all.push(root.join("Cargo.lock"));
    let mut rel: Vec<(String, PathBuf)> = all
        .into_iter()
        .map(|p| (p.strip_prefix(&root).unwrap_or(&p).to_string_lossy().replace('\\', "/"), p))
        .collect();
    rel.sort();
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    for (name, path) in &rel {
        fnv(&mut hash, name.as_bytes());
        fnv(&mut hash, &[0]);
        // A file that cannot be read (Cargo.lock before the first build) counts as empty.
        fnv(&mut hash, &std::fs::read(path).unwrap_or_default());
        fnv(&mut hash, &[0]);
    }
    println!("cargo:rustc-env=TRAME_BUILD_ID={hash:016x}");
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.lock");
}
