//! How `trame build` publishes its outputs (`src/cli/publish.rs`): the
//! default set replaces the previous one whole, two builds into one folder
//! take turns, a killed build leaves nothing that the next `trame` does not
//! finish or remove, a full device is a clear error. The articles are
//! sentences written for these tests, repeated with numbered names.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const SET: [&str; 5] = ["graph.json", "graph.graphml", "graph.gexf", "graph.dot", "graph.html"];

/// A folder with one article of `lines` sentences built on `pattern`.
fn articles(dir: &Path, name: &str, lines: usize, pattern: &str) -> PathBuf {
    let input = dir.join(name);
    std::fs::create_dir_all(&input).unwrap();
    let text: String = (0..lines).map(|i| pattern.replace("{i}", &i.to_string()) + "\n").collect();
    std::fs::write(input.join("a.txt"), text).unwrap();
    input
}

fn build(input: &Path, out: &Path) -> Command {
    let mut c = Command::new(common::bin());
    c.args(["build", "--quiet", "--out-dir"]).arg(out).arg(input);
    c
}

/// The bytes of the four files of a set.
fn set_of(dir: &Path) -> Vec<Vec<u8>> {
    SET.iter().map(|f| std::fs::read(dir.join(f)).unwrap_or_default()).collect()
}

/// Files in `dir` that are neither the set nor its manifest nor the cache.
fn leftovers(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().into_string().unwrap())
        .filter(|n| !SET.contains(&n.as_str()) && n != "graph.manifest.json" && n != ".graph.json.trame-cache")
        .collect();
    v.sort();
    v
}

/// Whether the manifest lists the five files with their sizes and XXH64.
fn manifest_matches(dir: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(dir.join("graph.manifest.json")) else { return false };
    let m: serde_json::Value = serde_json::from_str(&text).unwrap();
    let files = m["files"].as_array().unwrap();
    files.len() == SET.len()
        && files.iter().all(|f| {
            let bytes = std::fs::read(dir.join(f["name"].as_str().unwrap())).unwrap_or_default();
            f["bytes"].as_u64() == Some(bytes.len() as u64)
                && f["xxh64"].as_str() == Some(format!("{:016x}", trame::digest::xxh64(&bytes)).as_str())
        })
}

#[test]
fn two_builds_into_one_folder_take_turns_and_leave_one_whole_set() {
    let dir = common::temp_dir("publish_two");
    let a =
        articles(&dir, "a", 150, "La ministre allemande Anna Weber{i} a rencontré le président kényan William Ruto.");
    let b = articles(&dir, "b", 150, "Le ministre français Jean Dupont{i} s’est rendu à Nairobi le 3 juin.");
    let (ra, rb) = (dir.join("ref-a"), dir.join("ref-b"));
    assert!(build(&a, &ra).status().unwrap().success());
    assert!(build(&b, &rb).status().unwrap().success());
    let (set_a, set_b) = (set_of(&ra), set_of(&rb));
    assert_ne!(set_a, set_b);
    for round in 0..6 {
        let out = dir.join(format!("out{round}"));
        let mut first = build(&a, &out).stderr(Stdio::piped()).spawn().unwrap();
        let mut second = build(&b, &out).stderr(Stdio::piped()).spawn().unwrap();
        assert!(first.wait().unwrap().success() && second.wait().unwrap().success());
        let got = set_of(&out);
        assert!(got == set_a || got == set_b, "round {round}: the folder mixes two builds");
        assert!(manifest_matches(&out), "round {round}: the manifest describes the set");
        assert_eq!(leftovers(&out), Vec::<String>::new(), "round {round}");
    }
}

#[test]
fn stale_temporaries_are_removed_by_the_next_build() {
    let dir = common::temp_dir("publish_stale");
    let a = articles(&dir, "a", 3, "Le président kényan William Ruto{i} est arrivé à Paris.");
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    // Left by killed builds: an earlier version's names, and this one's.
    for name in [".graph.json.tmp-4999999", ".graph.gexf.trame-tmp-4999998", ".graph.trame-pending.trame-tmp-7"] {
        std::fs::write(out.join(name), "half").unwrap();
    }
    std::fs::write(out.join("notes.txt"), "the user's").unwrap();
    assert!(build(&a, &out).status().unwrap().success());
    assert_eq!(leftovers(&out), ["notes.txt"]);
    assert!(manifest_matches(&out));
}

#[cfg(unix)]
#[test]
fn a_full_device_is_a_clear_error_and_is_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let full = Path::new("/dev/full");
    let device = || std::fs::metadata(full).is_ok_and(|m| m.file_type().is_char_device());
    if !device() {
        let _ = std::io::Write::write_all(&mut std::io::stderr(), b"SKIPPED: no /dev/full device here\n");
        return;
    }
    let dir = common::temp_dir("publish_full");
    let a = articles(&dir, "a", 3, "Le président kényan William Ruto{i} est arrivé à Paris.");
    let o = Command::new(common::bin())
        .args(["build", "--quiet", "--format", "json", "--output", "/dev/full"])
        .arg(&a)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.starts_with("trame: /dev/full: ") && err.contains("(os error 28)"), "{err}");
    assert!(device(), "/dev/full is still a device");
}

/// Kills builds with SIGKILL at many points of their run; after each, one
/// query of the folder (or the next build) leaves the old set or the new one
/// whole, and no temporary. Slow (a build of a few seconds per kill):
/// `cargo test --release --test all publish:: -- --ignored`.
#[test]
#[ignore]
fn a_build_killed_at_any_point_leaves_one_whole_set() {
    let dir = common::temp_dir("publish_kill");
    let small = articles(&dir, "small", 20, "Le président kényan William Ruto{i} est arrivé à Paris.");
    let big = articles(
        &dir,
        "big",
        6000,
        "Le ministre français des Affaires étrangères Jean Dupont{i} a rencontré la présidente Lucie Marchand à Lyon le 3 juin 2024.",
    );
    let (rs, rb) = (dir.join("ref-small"), dir.join("ref-big"));
    assert!(build(&small, &rs).status().unwrap().success());
    let started = std::time::Instant::now();
    assert!(build(&big, &rb).status().unwrap().success());
    let full = started.elapsed();
    let (old, new) = (set_of(&rs), set_of(&rb));
    let mut outcomes = [0usize; 2];
    for k in 0..24u32 {
        let out = dir.join(format!("out{k}"));
        assert!(build(&small, &out).status().unwrap().success());
        let mut child = build(&big, &out).spawn().unwrap();
        // From half the build's time to its end, where the files are written.
        std::thread::sleep(full.mul_f64(0.5 + f64::from(k) / 40.0));
        let _ = child.kill();
        let _ = child.wait();
        let q = Command::new(common::bin()).args(["stats", "--graph"]).arg(out.join("graph.json")).output().unwrap();
        assert_eq!(q.status.code(), Some(0), "{}", String::from_utf8_lossy(&q.stderr));
        let got = set_of(&out);
        assert!(got == old || got == new, "kill {k}: the folder mixes two builds");
        outcomes[usize::from(got == new)] += 1;
        assert!(manifest_matches(&out), "kill {k}: the manifest describes the set");
        assert_eq!(leftovers(&out), Vec::<String>::new(), "kill {k}");
    }
    eprintln!("old set kept {} times, new set complete {} times", outcomes[0], outcomes[1]);
}

#[cfg(unix)]
#[test]
fn an_output_through_a_link_replaces_the_file_it_points_to() {
    let dir = common::temp_dir("publish_link");
    let a = articles(&dir, "a", 3, "Le président kényan William Ruto{i} est arrivé à Paris.");
    std::fs::create_dir_all(dir.join("real")).unwrap();
    std::fs::write(dir.join("real/g.json"), "old").unwrap();
    std::os::unix::fs::symlink("real/g.json", dir.join("g.json")).unwrap();
    let o = Command::new(common::bin())
        .current_dir(&dir)
        .args(["build", "--quiet", "--format", "json", "--output", "g.json"])
        .arg(&a)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(std::fs::symlink_metadata(dir.join("g.json")).unwrap().file_type().is_symlink(), "the link stays");
    assert!(std::fs::read_to_string(dir.join("real/g.json")).unwrap().starts_with('{'));
    assert_eq!(leftovers(&dir.join("real")), ["g.json"]);
}
