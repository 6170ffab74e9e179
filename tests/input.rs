//! Inputs as analysts have them: legacy encodings, byte-order marks,
//! decomposed accents, stray control bytes, and folders holding pipes,
//! devices, links and loops. Each test runs the command line and checks
//! what the user sees: the graph, its offsets, the notes and warnings.

use crate::common;

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

/// The article of these tests, in NFC.
const ARTICLE: &str = "La ministre française des Armées, Hélène Ferrié, s’est rendue à Genève lundi.\n\
Le président sénégalais Amadou Sèye a rencontré Hélène Ferrié à Dakar.\n\
« Nous coopérerons dans la durée », a déclaré Amadou Sèye.\n";

/// The same article in Latin-1 bytes (every character is below U+0100 but the apostrophe).
fn latin1(text: &str) -> Vec<u8> {
    text.chars().map(|c| if c == '’' { b'\'' } else { u8::try_from(u32::from(c)).unwrap() }).collect()
}

fn trame(dir: &Path, args: &[&str]) -> Output {
    Command::new(common::bin()).current_dir(dir).args(args).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Builds `inputs` in `dir` to JSON on stdout: the graph and stderr.
fn build(dir: &Path, inputs: &[&str]) -> (Value, String) {
    let mut args = vec!["build"];
    args.extend_from_slice(inputs);
    args.extend_from_slice(&["--format", "json", "--output", "-"]);
    let o = trame(dir, &args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    (serde_json::from_slice(&o.stdout).unwrap(), stderr(&o))
}

/// Every edge as "source relation target".
fn edges(g: &Value) -> Vec<String> {
    let mut out: Vec<String> = g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{} {} {}",
                e["source"].as_str().unwrap(),
                e["relation"].as_str().unwrap(),
                e["target"].as_str().unwrap()
            )
        })
        .collect();
    out.sort();
    out
}

/// Every piece of evidence: (doc, start, end, text).
fn evidence(g: &Value) -> Vec<(String, usize, usize, String)> {
    let mut out = Vec::new();
    for e in g["edges"].as_array().unwrap() {
        for ev in e["evidence"].as_array().unwrap() {
            let n = |k: &str| usize::try_from(ev[k].as_u64().unwrap()).unwrap();
            out.push((
                ev["doc"].as_str().unwrap().to_string(),
                n("start"),
                n("end"),
                ev["text"].as_str().unwrap().to_string(),
            ));
        }
    }
    out
}

/// Checks that every piece of evidence of `doc` is the slice of `chars` at its offsets.
fn assert_offsets_point_into(g: &Value, doc: &str, chars: &[char]) {
    let mut seen = 0;
    for (d, start, end, text) in evidence(g) {
        if d == doc {
            let slice: String = chars[start..end].iter().collect();
            assert_eq!(slice, text, "{doc} {start}..{end}");
            seen += 1;
        }
    }
    assert!(seen > 0, "no evidence from {doc}");
}

const EXPECTED: [&str; 7] = [
    "person:amadou-seye affiliated_with country:senegal",
    "person:amadou-seye holds_role role:president",
    "person:amadou-seye met person:helene-ferrie",
    "person:amadou-seye stated claim:nous-coopererons-dans-la-duree",
    "person:helene-ferrie affiliated_with country:france",
    "person:helene-ferrie holds_role role:ministre-des-armees",
    "person:helene-ferrie visited location:geneve",
];

#[test]
fn the_article_in_utf8_gives_the_expected_graph() {
    let dir = common::temp_dir("input_utf8");
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    let (g, err) = build(&dir, &["a.txt"]);
    assert_eq!(edges(&g), EXPECTED);
    assert!(!err.contains("note:"), "{err}");
    assert_offsets_point_into(&g, "a.txt", &ARTICLE.chars().collect::<Vec<_>>());
}

#[test]
fn a_latin1_file_is_read_with_a_note() {
    let dir = common::temp_dir("input_latin1");
    let text = ARTICLE.replace('’', "'");
    std::fs::write(dir.join("a.txt"), latin1(&text)).unwrap();
    let (g, err) = build(&dir, &["a.txt"]);
    assert!(err.contains("trame: note: a.txt: is not UTF-8: read as Windows-1252"), "{err}");
    assert!(err.contains("encoding=\"cp1252\""), "{err}");
    assert_eq!(edges(&g), EXPECTED);
    assert_offsets_point_into(&g, "a.txt", &text.chars().collect::<Vec<_>>());
}

#[test]
fn windows_1252_curly_quotes_oe_and_euro() {
    let dir = common::temp_dir("input_cp1252");
    let text = format!("{ARTICLE}« Le cœur du contrat vaut 300 millions d’€ », a déclaré Hélène Ferrié.\n");
    let bytes: Vec<u8> = text
        .chars()
        .map(|c| match c {
            '’' => 0x92,
            'œ' => 0x9c,
            '€' => 0x80,
            c => u8::try_from(u32::from(c)).unwrap(),
        })
        .collect();
    std::fs::write(dir.join("a.txt"), bytes).unwrap();
    let (g, err) = build(&dir, &["a.txt"]);
    assert!(err.contains("a.txt: is not UTF-8: read as Windows-1252"), "{err}");
    assert!(
        edges(&g).iter().any(|e| e.starts_with("person:helene-ferrie stated claim:le-coeur-du-contrat")),
        "{:?}",
        edges(&g)
    );
    assert!(evidence(&g).iter().any(|e| e.3.contains("cœur") && e.3.contains("d’€")));
    assert_offsets_point_into(&g, "a.txt", &text.chars().collect::<Vec<_>>());
}

#[test]
fn utf16_little_and_big_endian_with_a_bom() {
    let dir = common::temp_dir("input_utf16");
    let le: Vec<u8> = format!("\u{feff}{ARTICLE}").encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = format!("\u{feff}{ARTICLE}").encode_utf16().flat_map(u16::to_be_bytes).collect();
    std::fs::write(dir.join("le.txt"), le).unwrap();
    std::fs::write(dir.join("be.txt"), be).unwrap();
    for (name, endian) in [("le.txt", "LE"), ("be.txt", "BE")] {
        let (g, err) = build(&dir, &[name]);
        assert!(
            err.contains(&format!(
                "note: {name}: read as UTF-16 {endian} after its byte-order mark (Python: encoding=\"utf-16\")"
            )),
            "{err}"
        );
        assert_eq!(edges(&g), EXPECTED);
        // Python's utf-16 codec drops the mark: offsets count from after it.
        assert_offsets_point_into(&g, name, &ARTICLE.chars().collect::<Vec<_>>());
    }
}

#[test]
fn offsets_count_from_after_a_utf8_bom() {
    let dir = common::temp_dir("input_bom");
    std::fs::write(dir.join("bom.txt"), format!("\u{feff}{ARTICLE}")).unwrap();
    std::fs::write(dir.join("plain.txt"), ARTICLE).unwrap();
    let (g, err) = build(&dir, &["bom.txt", "plain.txt"]);
    assert!(
        err.contains(
            "note: bom.txt: read as UTF-8 after its byte-order mark; offsets count from the character after it"
        ),
        "{err}"
    );
    assert!(!err.contains("plain.txt"), "{err}");
    let of = |doc: &str| -> Vec<(usize, usize)> {
        evidence(&g).into_iter().filter(|e| e.0 == doc).map(|e| (e.1, e.2)).collect()
    };
    assert_eq!(of("bom.txt"), of("plain.txt"));
    // The first sentence starts at 0, as Python's utf-8-sig reads the file.
    assert!(of("bom.txt").contains(&(0, 77)), "{:?}", of("bom.txt"));
}

#[test]
fn decomposed_text_gives_the_graph_of_composed_text_with_offsets_into_the_file() {
    let dir = common::temp_dir("input_nfd");
    // NFD by hand: each accented letter as its base and a combining mark.
    let nfd: String = ARTICLE
        .chars()
        .flat_map(|c| match c {
            'é' => vec!['e', '\u{301}'],
            'è' => vec!['e', '\u{300}'],
            'ç' => vec!['c', '\u{327}'],
            'à' => vec!['a', '\u{300}'],
            c => vec![c],
        })
        .collect();
    assert!(nfd.chars().count() > ARTICLE.chars().count() + 10);
    std::fs::write(dir.join("nfd.txt"), &nfd).unwrap();
    let (g, err) = build(&dir, &["nfd.txt"]);
    assert!(!err.contains("warning"), "{err}");
    assert_eq!(edges(&g), EXPECTED);
    let labels: Vec<&str> = g["nodes"].as_array().unwrap().iter().map(|n| n["label"].as_str().unwrap()).collect();
    assert!(labels.contains(&"Hélène Ferrié") && labels.contains(&"Genève"), "labels are composed: {labels:?}");
    // Offsets and evidence text are those of the file as written.
    let chars: Vec<char> = nfd.chars().collect();
    assert_offsets_point_into(&g, "nfd.txt", &chars);
    assert!(evidence(&g).iter().any(|e| e.3.contains("Gene\u{300}ve")));

    // Mentions too.
    let o = trame(&dir, &["build", "nfd.txt", "--format", "mentions", "--output", "-", "--quiet"]);
    let text = String::from_utf8(o.stdout).unwrap();
    let mut found = 0;
    for line in text.lines() {
        let m: Value = serde_json::from_str(line).unwrap();
        let (a, b) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
        assert_eq!(chars[a..b].iter().collect::<String>(), m["text"].as_str().unwrap());
        found += 1;
    }
    assert!(found >= 6, "{text}");
}

#[test]
fn a_nul_byte_in_an_article_is_a_space_not_a_reason_to_skip_it() {
    let dir = common::temp_dir("input_nul");
    let text = ARTICLE.replacen("lundi", "lundi\0", 1);
    std::fs::write(dir.join("a.txt"), &text).unwrap();
    let (g, err) = build(&dir, &["a.txt"]);
    assert!(err.contains("note: a.txt: 1 control character read as a space (the first, NUL, at char 76)"), "{err}");
    assert_eq!(edges(&g), EXPECTED);
    // Offsets still count the NUL; the evidence shows it as a space.
    let chars: Vec<char> = text.replace('\0', " ").chars().collect();
    assert_offsets_point_into(&g, "a.txt", &chars);
}

#[test]
fn a_truly_binary_file_is_still_skipped() {
    let dir = common::temp_dir("input_binary");
    std::fs::create_dir_all(dir.join("in")).unwrap();
    std::fs::write(dir.join("in/a.txt"), ARTICLE).unwrap();
    let png: Vec<u8> = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0".repeat(20);
    std::fs::write(dir.join("in/picture.txt"), png).unwrap();
    let (_, err) = build(&dir, &["in"]);
    assert!(err.contains("warning: skipped in/picture.txt: looks binary"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_fifo_in_a_folder_is_skipped_without_waiting() {
    let dir = common::temp_dir("input_fifo");
    std::fs::create_dir_all(dir.join("in")).unwrap();
    std::fs::write(dir.join("in/a.txt"), ARTICLE).unwrap();
    let made = Command::new("mkfifo").arg(dir.join("in/pipe.txt")).status().unwrap();
    assert!(made.success());
    // Were the pipe opened, the build would wait for a writer forever.
    let (g, err) = build(&dir, &["in"]);
    assert!(err.contains("warning: skipped in/pipe.txt: is a named pipe (FIFO), not a regular file"), "{err}");
    assert_eq!(edges(&g), EXPECTED);
}

#[cfg(unix)]
#[test]
fn a_link_to_dev_zero_is_not_read() {
    let dir = common::temp_dir("input_zero");
    std::fs::create_dir_all(dir.join("in")).unwrap();
    std::fs::write(dir.join("in/a.txt"), ARTICLE).unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.join("in/zero.txt")).unwrap();
    let (_, err) = build(&dir, &["in"]);
    assert!(err.contains("warning: skipped in/zero.txt: is a character device, not a regular file"), "{err}");
    // Named on the command line, the same.
    let o = trame(&dir, &["build", "in/zero.txt", "--format", "json", "--output", "-"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("skipped in/zero.txt: is a character device"), "{}", stderr(&o));
}

#[cfg(unix)]
#[test]
fn a_link_loop_is_followed_once_and_said() {
    let dir = common::temp_dir("input_loop");
    std::fs::create_dir_all(dir.join("in/sub")).unwrap();
    std::fs::write(dir.join("in/sub/a.txt"), ARTICLE).unwrap();
    std::os::unix::fs::symlink("..", dir.join("in/sub/up")).unwrap();
    let (g, err) = build(&dir, &["in"]);
    assert!(err.contains("note: in/sub/up: is a link back to in, not followed (a loop)"), "{err}");
    assert!(err.contains("trame: 1 documents"), "{err}");
    assert_eq!(edges(&g), EXPECTED);
    let docs: std::collections::BTreeSet<String> = evidence(&g).into_iter().map(|e| e.0).collect();
    assert_eq!(docs.into_iter().collect::<Vec<_>>(), ["a.txt"]);
}

#[test]
fn one_file_named_three_ways_is_one_document_under_its_name() {
    let dir = common::temp_dir("input_same");
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    let abs = dir.join("a.txt").display().to_string();
    let (g, err) = build(&dir, &["a.txt", "./a.txt", &abs, "."]);
    assert!(err.contains("trame: 1 documents"), "{err}");
    let ev = evidence(&g);
    assert!(ev.iter().all(|e| e.0 == "a.txt"), "{ev:?}");
    // One piece of evidence per sentence and relation, as from one file.
    let (single, _) = build(&dir, &["a.txt"]);
    assert_eq!(g, single);
}

#[cfg(unix)]
#[test]
fn a_linked_file_is_read_once_under_its_own_name() {
    let dir = common::temp_dir("input_link");
    std::fs::create_dir_all(dir.join("in")).unwrap();
    std::fs::write(dir.join("in/article.txt"), ARTICLE).unwrap();
    std::os::unix::fs::symlink("article.txt", dir.join("in/latest.txt")).unwrap();
    let (g, err) = build(&dir, &["in"]);
    assert!(err.contains("trame: 1 documents"), "{err}");
    assert!(evidence(&g).iter().all(|e| e.0 == "article.txt"));
}

/// Runs trame so that file permissions hold: as root, without the
/// capabilities that pass them by. `None` when that cannot be done.
#[cfg(unix)]
fn trame_bound_by_permissions(dir: &Path, args: &[&str], locked: &Path) -> Option<Output> {
    if std::fs::read_dir(locked).is_err() {
        return Some(trame(dir, args));
    }
    let o = Command::new("setpriv")
        .current_dir(dir)
        .arg("--bounding-set=-dac_override,-dac_read_search")
        .arg(common::bin())
        .args(args)
        .output()
        .ok()?;
    o.status.code().is_some_and(|c| c == 0 || c == 2).then_some(o)
}

#[cfg(unix)]
#[test]
fn an_unreadable_subfolder_is_a_warning_or_an_error_with_strict() {
    use std::os::unix::fs::PermissionsExt;
    let dir = common::temp_dir("input_locked");
    std::fs::create_dir_all(dir.join("in/locked")).unwrap();
    std::fs::write(dir.join("in/a.txt"), ARTICLE).unwrap();
    std::fs::write(dir.join("in/locked/b.txt"), ARTICLE).unwrap();
    let locked = dir.join("in/locked");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let args = ["build", "in", "--format", "json", "--output", "out.json"];
    let run = trame_bound_by_permissions(&dir, &args, &locked);
    let strict = trame_bound_by_permissions(
        &dir,
        &["build", "in", "--strict", "--format", "json", "--output", "strict.json"],
        &locked,
    );
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    let (Some(o), Some(strict)) = (run, strict) else {
        eprintln!("SKIPPED: running as root and `setpriv` cannot drop the capabilities that pass permissions by");
        return;
    };
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("warning: skipped in/locked: is a folder that cannot be read: Permission denied"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("1 documents"), "{}", stderr(&o));
    assert!(dir.join("out.json").exists());
    assert_eq!(strict.status.code(), Some(2));
    assert!(stderr(&strict).contains("in/locked: is a folder that cannot be read"), "{}", stderr(&strict));
    assert!(!dir.join("strict.json").exists());
}
