//! Trains the part-of-speech tagger's weights (src/syntax/data/tagger.bin)
//! from UD French treebanks, with the very feature extractor the tagger runs
//! (`trame::syntax::tag::{prepare, features}`).
//!
//!     cargo run --release --example train_tagger -- [--epochs N] [--out FILE]
//!         [--heldout FILE...] TRAIN.conllu...
//!
//! The built-in weights are trained on (see src/syntax/data/README.md):
//!
//!     cargo run --release --example train_tagger -- --epochs 8 --prune 2000 \
//!         ../shared/corpora/ud/fr_sequoia-ud-train.conllu \
//!         ../shared/corpora/ud/fr_sequoia-ud-dev.conllu \
//!         ../shared/corpora/ud/fr_gsd-ud-dev.conllu
//!
//! An averaged perceptron, greedy left to right with the tags it predicts
//! itself as context, the sentences shuffled each epoch by a fixed seed (the
//! output is the same bytes on every run). A token is a word as written: a
//! multiword token (du = de + le) is one token with the tag of its first
//! word, as trame's tokenizer sees it. With --heldout, accuracy on those
//! files is printed after each epoch (nothing of them is learned). --drop
//! I,J… replaces the features at those indices of `features` by a constant,
//! to measure what each is worth (never for the built-in weights). --prune W
//! drops the quantized weights under W in magnitude (default 1: only zeros).
//!
//! Only hashed feature weights are written, never corpus text: the header of
//! the output names the files trained on and their licences.

use std::collections::HashMap;
use std::fs;

use trame::lexicon::morph::Morph;
use trame::syntax::tag::{features, home, next_key, prepare, Word, WordInfo, N_FEATURES, N_TAGS, SLOT};
use trame::syntax::Upos;

/// One sentence: surface tokens and their gold tags.
struct Sent {
    forms: Vec<String>,
    gold: Vec<usize>,
}

fn read_conllu(path: &str) -> Vec<Sent> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = Vec::new();
    let mut cur = Sent { forms: Vec::new(), gold: Vec::new() };
    let mut skip_to = 0usize;
    let mut mwt_pending = false;
    for line in text.lines().chain(std::iter::once("")) {
        if line.is_empty() {
            if !cur.forms.is_empty() {
                out.push(std::mem::replace(&mut cur, Sent { forms: Vec::new(), gold: Vec::new() }));
            }
            skip_to = 0;
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 4 {
            continue;
        }
        let id = cols[0];
        if id.contains('.') {
            continue;
        }
        if let Some((_, b)) = id.split_once('-') {
            // A multiword token: its surface form, the tag of its first word.
            cur.forms.push(cols[1].to_string());
            skip_to = b.parse().unwrap_or(0);
            mwt_pending = true;
            continue;
        }
        let n: usize = id.parse().unwrap_or(0);
        let upos = Upos::parse(cols[3]).unwrap_or(Upos::X) as usize;
        if mwt_pending {
            cur.gold.push(upos);
            mwt_pending = false;
            continue;
        }
        if n <= skip_to {
            continue;
        }
        cur.forms.push(cols[1].to_string());
        cur.gold.push(upos);
    }
    out
}

#[derive(Clone)]
struct Param {
    w: [f32; N_TAGS],
    total: [f64; N_TAGS],
    stamp: [u32; N_TAGS],
}

struct Perceptron {
    params: HashMap<u32, Param>,
    clock: u32,
}

impl Perceptron {
    fn scores(&self, feats: &[u32; N_FEATURES]) -> [f32; N_TAGS] {
        let mut s = [0f32; N_TAGS];
        for k in feats {
            if let Some(p) = self.params.get(k) {
                for (st, w) in s.iter_mut().zip(&p.w) {
                    *st += w;
                }
            }
        }
        s
    }

    fn update(&mut self, feats: &[u32; N_FEATURES], gold: usize, guess: usize) {
        let now = self.clock;
        for &k in feats {
            let p =
                self.params.entry(k).or_insert(Param { w: [0.0; N_TAGS], total: [0.0; N_TAGS], stamp: [0; N_TAGS] });
            for (t, d) in [(gold, 1.0f32), (guess, -1.0)] {
                p.total[t] += f64::from(now - p.stamp[t]) * f64::from(p.w[t]);
                p.stamp[t] = now;
                p.w[t] += d;
            }
        }
    }

    fn averaged(&self) -> HashMap<u32, [f32; N_TAGS]> {
        let now = self.clock.max(1);
        self.params
            .iter()
            .map(|(&k, p)| {
                let mut a = [0f32; N_TAGS];
                for (t, at) in a.iter_mut().enumerate() {
                    let total = p.total[t] + f64::from(now - p.stamp[t]) * f64::from(p.w[t]);
                    *at = (total / f64::from(now)) as f32;
                }
                (k, a)
            })
            .collect()
    }
}

fn argmax(s: &[f32; N_TAGS]) -> usize {
    let mut b = 0;
    for t in 1..N_TAGS {
        if s[t] > s[b] {
            b = t;
        }
    }
    b
}

/// Feature indices to leave out (ablation).
static DROP: std::sync::OnceLock<Vec<usize>> = std::sync::OnceLock::new();

fn features_of(infos: &[WordInfo], i: usize, p1: usize, p2: usize, out: &mut [u32; N_FEATURES]) {
    features(infos, i, p1, p2, out);
    for &d in DROP.get().map_or(&[][..], |v| v.as_slice()) {
        out[d] = 1;
    }
}

fn infos_of(morph: &'static Morph, s: &Sent, buf: &mut Vec<WordInfo>) {
    let words: Vec<Word<'_>> = s.forms.iter().map(|f| Word::guess(f)).collect();
    prepare(morph, &words, buf);
}

/// Accuracy of the given weights, tagging greedily.
fn accuracy(morph: &'static Morph, weights: &HashMap<u32, [f32; N_TAGS]>, sents: &[Sent]) -> f64 {
    let (mut ok, mut n) = (0usize, 0usize);
    let mut infos = Vec::new();
    let mut feats = [0u32; N_FEATURES];
    for s in sents {
        infos_of(morph, s, &mut infos);
        let (mut p1, mut p2) = (N_TAGS, N_TAGS);
        for i in 0..s.forms.len() {
            features_of(&infos, i, p1, p2, &mut feats);
            let mut sc = [0f32; N_TAGS];
            for k in &feats {
                if let Some(w) = weights.get(k) {
                    for t in 0..N_TAGS {
                        sc[t] += w[t];
                    }
                }
            }
            let g = argmax(&sc);
            ok += usize::from(g == s.gold[i]);
            n += 1;
            (p2, p1) = (p1, g);
        }
    }
    ok as f64 / n.max(1) as f64
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut epochs = 10usize;
    let mut prune = 1i32;
    let mut out = String::from("src/syntax/data/tagger.bin");
    let mut train_files = Vec::new();
    let mut heldout_files = Vec::new();
    let mut heldout = false;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--epochs" => epochs = args.next().and_then(|v| v.parse().ok()).expect("--epochs N"),
            "--out" => out = args.next().expect("--out FILE"),
            "--heldout" => heldout = true,
            "--prune" => prune = args.next().and_then(|v| v.parse().ok()).expect("--prune W"),
            "--drop" => {
                let v = args.next().expect("--drop I,J...");
                DROP.set(v.split(',').map(|x| x.parse().expect("feature index")).collect()).expect("one --drop");
            }
            "--train" => heldout = false,
            f if heldout => heldout_files.push(f.to_string()),
            f => train_files.push(f.to_string()),
        }
    }
    assert!(!train_files.is_empty(), "usage: train_tagger [--epochs N] [--out FILE] TRAIN... [--heldout FILE...]");
    let morph = Morph::builtin();
    let train: Vec<Sent> = train_files.iter().flat_map(|f| read_conllu(f)).collect();
    let held: Vec<Sent> = heldout_files.iter().flat_map(|f| read_conllu(f)).collect();
    let n_tokens: usize = train.iter().map(|s| s.forms.len()).sum();
    eprintln!("{} sentences, {} tokens", train.len(), n_tokens);
    let mut p = Perceptron { params: HashMap::new(), clock: 0 };
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    let mut infos = Vec::new();
    let mut feats = [0u32; N_FEATURES];
    for epoch in 0..epochs {
        // Fisher-Yates with xorshift64*.
        for i in (1..order.len()).rev() {
            rng ^= rng >> 12;
            rng ^= rng << 25;
            rng ^= rng >> 27;
            let j = (rng.wrapping_mul(0x2545_f491_4f6c_dd1d) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut errors = 0usize;
        for &si in &order {
            let s = &train[si];
            infos_of(morph, s, &mut infos);
            let (mut p1, mut p2) = (N_TAGS, N_TAGS);
            for i in 0..s.forms.len() {
                features_of(&infos, i, p1, p2, &mut feats);
                let guess = argmax(&p.scores(&feats));
                p.clock += 1;
                if guess != s.gold[i] {
                    p.update(&feats, s.gold[i], guess);
                    errors += 1;
                }
                (p2, p1) = (p1, guess);
            }
        }
        let line = format!("epoch {}: train errors {:.4}", epoch + 1, errors as f64 / n_tokens as f64);
        if held.is_empty() {
            eprintln!("{line}");
        } else {
            eprintln!("{line}, held-out accuracy {:.4}", accuracy(morph, &p.averaged(), &held));
        }
    }
    let avg = p.averaged();
    // Quantize to i16 with one scale, drop the weights that round to 0.
    let max = avg.values().flat_map(|w| w.iter()).fold(0f32, |m, &x| m.max(x.abs()));
    let scale = if max > 0.0 { 32000.0 / max } else { 1.0 };
    let mut rows: Vec<(u32, Vec<(u8, i16)>)> = avg
        .iter()
        .filter_map(|(&k, w)| {
            let pairs: Vec<(u8, i16)> = (0..N_TAGS)
                .filter_map(|t| {
                    let q = (w[t] * scale).round() as i32;
                    (q.abs() >= prune.max(1)).then_some((t as u8, q.clamp(-32767, 32767) as i16))
                })
                .collect();
            (!pairs.is_empty()).then_some((k, pairs))
        })
        .collect();
    rows.sort_by_key(|r| r.0);
    // Per slot a key and four (tag, weight) pairs; a longer row goes on
    // under next_key, bit 7 of the last tag saying so.
    let mut chunks: Vec<(u32, Vec<(u8, i16)>)> = Vec::new();
    for (k, ps) in &rows {
        let mut key = *k;
        for (c, part) in ps.chunks(4).enumerate() {
            let mut part = part.to_vec();
            if (c + 1) * 4 < ps.len() {
                part[3].0 |= 0x80;
            }
            chunks.push((key, part));
            key = next_key(key);
        }
    }
    let mut seen = std::collections::HashSet::new();
    assert!(chunks.iter().all(|(k, _)| seen.insert(*k)), "two slots share a key");
    let n_slots = chunks.len() * 10 / 7 + 1;
    let mut slots = vec![[255u8; SLOT]; n_slots];
    let mut keys = vec![0u32; n_slots];
    let mut used = vec![false; n_slots];
    for (k, part) in &chunks {
        let mut i = home(*k, n_slots);
        while used[i] {
            i = (i + 1) % n_slots;
        }
        used[i] = true;
        keys[i] = *k;
        for (j, &(t, w)) in part.iter().enumerate() {
            slots[i][3 * j] = t;
            slots[i][1 + 3 * j..3 + 3 * j].copy_from_slice(&w.to_le_bytes());
        }
    }
    for (s, u) in slots.iter_mut().zip(&used) {
        if !u {
            *s = [0u8; SLOT];
        }
    }
    let npairs: usize = rows.iter().map(|r| r.1.len()).sum();
    let names: Vec<String> = train_files.iter().map(|f| f.rsplit('/').next().unwrap_or(f).to_string()).collect();
    let header = format!(
        "trame part-of-speech tagger weights (generated by `cargo run --release --example train_tagger`,\n\
         scripts/train_tagger.rs; do not edit).\n\
         Averaged perceptron over hashed features, {epochs} epochs, weights under {prune} of 32000\n\
         dropped, trained on {files}\n\
         ({sents} sentences, {tokens} tokens). Only feature weights are stored, no text.\n\
         Derived from Universal Dependencies treebanks: UD French Sequoia (licence LGPL-LR)\n\
         and UD French GSD (licence CC BY-SA 4.0); these weights are distributed under\n\
         the terms of both.\n\
         {features} features, {npairs} weights.\n",
        files = names.join(", "),
        sents = train.len(),
        tokens = n_tokens,
        features = rows.len(),
    );
    // Pad the header so that the keys start on a 64-byte boundary of the
    // file (the tagger aligns the file itself on 64 bytes).
    let mut header = header;
    while (12 + header.len() + 4) % 64 != 0 {
        header.push(' ');
    }
    let mut blob = b"TRTAGGR1".to_vec();
    blob.extend_from_slice(&(header.len() as u32).to_le_bytes());
    blob.extend_from_slice(header.as_bytes());
    blob.extend_from_slice(&(n_slots as u32).to_le_bytes());
    for k in &keys {
        blob.extend_from_slice(&k.to_le_bytes());
    }
    for s in &slots {
        blob.extend_from_slice(s);
    }
    fs::write(&out, &blob).unwrap_or_else(|e| panic!("{out}: {e}"));
    eprintln!("{out}: {} features, {npairs} weights, {n_slots} slots, {} bytes", rows.len(), blob.len());
}
