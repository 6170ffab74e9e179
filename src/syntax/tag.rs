//! Part-of-speech tagging: one `Tag` (UPOS, features, lemma) per token.
//!
//! The morphological lexicon (`lexicon::morph`) gives each word its possible
//! analyses; an averaged perceptron reads the context and chooses. It runs
//! greedily left to right over hashed features: the word, its lexicon
//! ambiguity class and most frequent reading, its last one to four letters,
//! its shape (capital, digits, hyphen, sentence start), the two previous
//! tags, the neighbouring words and the ambiguity classes of the next two.
//! The weights (`data/tagger.bin`) are derived from the UD French Sequoia
//! and GSD treebanks by `scripts/train_tagger.rs`, whose header carries the
//! licences; no corpus text is stored, only hashed feature weights.
//!
//! The chosen analysis gives lemma and features; for a verb form with
//! several readings ("porte": indicative or subjunctive, first or third
//! person) the indicative and the third person win unless a subject
//! pronoun before the verb says otherwise. An unknown word gets lemma "" and
//! the features its ending shows (plural -s, past participle -ée…).
//!
//! Cost: one lexicon lookup and about 25 feature lookups per token, no
//! allocation per token.

use std::sync::LazyLock;

use crate::lexicon::morph::{lower_key, Analyses, Analysis, Morph, MAX_FORM};
use crate::syntax::{Feats, Gen, Mood, Num, Tag, Tense, Upos, VerbForm};
use crate::text::{TokKind, Token};

static WEIGHTS: &[u8] = include_bytes!("data/tagger.bin");

static BUILTIN: LazyLock<Tagger> = LazyLock::new(|| Tagger {
    morph: Morph::builtin(),
    model: Model::from_bytes(WEIGHTS).unwrap_or_else(|| panic!("the built-in data/tagger.bin is malformed")),
});

/// The number of tags a model scores (the 17 UPOS).
pub const N_TAGS: usize = 17;

/// The "tag" before the first word of a sentence.
const START: u64 = N_TAGS as u64;

/// Tags the tokens of one sentence with the built-in lexicon and model.
pub fn tag(tokens: &[Token]) -> Vec<Tag> {
    Tagger::builtin().tag(tokens)
}

/// A word as the tagger reads it: its text as written and its token kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// The text as written.
    pub text: &'a str,
    /// Word, number, punctuation or other.
    pub kind: TokKind,
}

impl<'a> Word<'a> {
    /// A word from bare text (a treebank's token), its kind guessed as the
    /// tokenizer would give it: digits are a number, a token without letter
    /// or digit is punctuation.
    pub fn guess(text: &'a str) -> Word<'a> {
        let kind = if text.starts_with(|c: char| c.is_ascii_digit())
            && text.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}'))
        {
            TokKind::Number
        } else if text.chars().any(char::is_alphanumeric) {
            TokKind::Word
        } else {
            TokKind::Punct
        };
        Word { text, kind }
    }
}

impl<'a> From<&'a Token> for Word<'a> {
    fn from(t: &'a Token) -> Word<'a> {
        Word { text: &t.text, kind: t.kind }
    }
}

/// What the features need of one token, computed once per sentence.
#[derive(Debug, Clone)]
pub struct WordInfo {
    /// Hash of the lowercased form.
    word: u64,
    /// Hashes of its last 1 to 4 chars.
    suffix: [u64; 4],
    /// Bit set of the UPOS the lexicon gives it (0: unknown word).
    amb: u32,
    /// The UPOS of its most frequent reading (`N_TAGS` when none).
    top: u8,
    /// Shape bits (see `shape`).
    shape: u8,
    /// Its analyses in the lexicon.
    analyses: Analyses<'static>,
    /// The form ends like a plural, a participle…: hints for unknown words.
    ending: Ending,
}

/// Endings that tell the features of an unknown word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Ending {
    #[default]
    None,
    /// -s, -x.
    Plural,
    /// -é, -ée, -és, -ées.
    Participle(Gen, Num),
    /// -er, -ir.
    Infinitive,
    /// -ait, -aient.
    Imperfect(Num),
    /// -ent, -ons, -ez after a verb-like stem.
    Present(u8, Num),
}

const SHAPE_FIRST: u8 = 1;
const SHAPE_CAP: u8 = 2;
const SHAPE_CAPS: u8 = 4;
const SHAPE_DIGIT: u8 = 8;
const SHAPE_NUMBER: u8 = 16;
const SHAPE_HYPHEN: u8 = 32;
const SHAPE_PUNCT: u8 = 64;
const SHAPE_ELIDED: u8 = 128;

/// FNV-1a over bytes, from a given state.
#[inline]
fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

const FNV0: u64 = 0xcbf2_9ce4_8422_2325;

/// A feature key: template and value mixed into 32 bits, never 0.
#[inline]
fn key(template: u64, value: u64) -> u32 {
    let mut z = value ^ template.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^= z >> 31;
    ((z >> 32) as u32).max(1)
}

fn ending(lower: &str) -> Ending {
    let ends = |s: &str| lower.ends_with(s);
    if ends("ées") {
        Ending::Participle(Gen::Fem, Num::Plur)
    } else if ends("ée") {
        Ending::Participle(Gen::Fem, Num::Sing)
    } else if ends("és") {
        Ending::Participle(Gen::Masc, Num::Plur)
    } else if ends("é") {
        Ending::Participle(Gen::Masc, Num::Sing)
    } else if ends("aient") {
        Ending::Imperfect(Num::Plur)
    } else if ends("ait") {
        Ending::Imperfect(Num::Sing)
    } else if ends("ent") {
        Ending::Present(3, Num::Plur)
    } else if ends("ons") {
        Ending::Present(1, Num::Plur)
    } else if ends("ez") {
        Ending::Present(2, Num::Plur)
    } else if ends("er") || ends("ir") {
        Ending::Infinitive
    } else if ends("s") || ends("x") {
        Ending::Plural
    } else {
        Ending::None
    }
}

/// Reads the tokens of a sentence into what the features need.
pub fn prepare(morph: &'static Morph, words: &[Word<'_>], out: &mut Vec<WordInfo>) {
    out.clear();
    out.reserve(words.len());
    let mut buf = [0u8; MAX_FORM + 1];
    for (i, w) in words.iter().enumerate() {
        let lower = lower_key(w.text, &mut buf).unwrap_or("");
        let analyses = morph.analyses(lower);
        let mut amb = 0u32;
        let (mut top, mut best) = (N_TAGS as u8, 0u8);
        for a in analyses.clone() {
            amb |= 1 << a.upos as u32;
            if a.freq > best {
                best = a.freq;
                top = a.upos as u8;
            }
        }
        let mut suffix = [0u64; 4];
        let b = lower.as_bytes();
        let mut cut = b.len();
        for s in &mut suffix {
            // Step back one char (UTF-8 continuation bytes are 10xxxxxx).
            if cut > 0 {
                cut -= 1;
                while cut > 0 && b[cut] & 0xc0 == 0x80 {
                    cut -= 1;
                }
            }
            *s = fnv(FNV0, &b[cut..]);
        }
        let mut shape = if i == 0 { SHAPE_FIRST } else { 0 };
        let mut letters = 0;
        let mut upper = 0;
        for (k, c) in w.text.chars().enumerate() {
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    upper += 1;
                    if k == 0 {
                        shape |= SHAPE_CAP;
                    }
                }
            } else if c.is_ascii_digit() {
                shape |= SHAPE_DIGIT;
            } else if c == '-' {
                shape |= SHAPE_HYPHEN;
            }
        }
        if letters >= 2 && upper == letters {
            shape |= SHAPE_CAPS;
        }
        match w.kind {
            TokKind::Number => shape |= SHAPE_NUMBER,
            TokKind::Punct => shape |= SHAPE_PUNCT,
            _ => {}
        }
        if lower.ends_with('\'') {
            shape |= SHAPE_ELIDED;
        }
        out.push(WordInfo {
            word: fnv(FNV0, b),
            suffix,
            amb,
            top,
            shape,
            analyses,
            ending: if amb == 0 { ending(lower) } else { Ending::None },
        });
    }
}

/// The number of features of one token.
pub const N_FEATURES: usize = 24;

/// The feature keys of token `i` given the two previous tags (`START` is
/// `N_TAGS`, before the sentence).
pub fn features(infos: &[WordInfo], i: usize, prev: usize, prev2: usize, out: &mut [u32; N_FEATURES]) {
    const NONE: u64 = 0x5eed;
    let w = &infos[i];
    let word_at = |j: isize| -> u64 {
        if j < 0 {
            1
        } else {
            infos.get(j as usize).map_or(2, |x| x.word)
        }
    };
    let amb_at = |j: usize| -> u64 { infos.get(j).map_or(1 << 20, |x| u64::from(x.amb)) };
    let ii = i as isize;
    let (p1, p2) = (prev as u64, prev2 as u64);
    let amb = u64::from(w.amb);
    let known = if w.amb == 0 { 0 } else { 1 };
    let shape = u64::from(w.shape);
    out[0] = key(0, NONE);
    out[1] = key(1, w.word);
    out[2] = key(2, amb);
    out[3] = key(3, u64::from(w.top));
    out[4] = key(4, w.suffix[0] ^ known);
    out[5] = key(5, w.suffix[1] ^ known);
    out[6] = key(6, w.suffix[2] ^ known);
    out[7] = key(7, w.suffix[3] ^ known);
    out[8] = key(8, shape);
    out[9] = key(9, shape << 20 | amb);
    out[10] = key(10, p1);
    out[11] = key(11, p1 << 8 | p2);
    out[12] = key(12, p1 ^ w.word.rotate_left(7));
    out[13] = key(13, word_at(ii - 1));
    out[14] = key(14, word_at(ii + 1));
    out[15] = key(15, word_at(ii - 2));
    out[16] = key(16, word_at(ii + 2));
    out[17] = key(17, amb_at(i + 1));
    out[18] = key(18, amb_at(i + 2));
    out[19] = key(19, amb << 24 | amb_at(i + 1));
    out[20] = key(20, p1 << 24 | amb);
    out[21] = key(21, p1 << 48 | amb << 24 | amb_at(i + 1));
    out[22] = key(22, w.word ^ word_at(ii + 1).rotate_left(13));
    out[23] = key(23, word_at(ii - 1) ^ w.word.rotate_left(29));
    let _ = START;
}

/// Perceptron weights: feature key -> sparse (tag, weight) pairs.
#[derive(Debug)]
pub struct Model {
    header: &'static str,
    n_slots: usize,
    /// Per slot: u32 key (0 empty), u32 (pair offset << 5 | pair count).
    slots: &'static [u8],
    /// Per pair: u8 tag, i16 weight.
    pairs: &'static [u8],
}

#[inline]
fn u32_at(b: &[u8], i: usize) -> u32 {
    u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]])
}

impl Model {
    /// Reads weights in the format `scripts/train_tagger.rs` writes.
    pub fn from_bytes(b: &'static [u8]) -> Option<Model> {
        if b.len() < 12 || &b[..8] != b"TRTAGGR1" {
            return None;
        }
        let hlen = u32_at(b, 8) as usize;
        let at = 12usize.checked_add(hlen)?;
        let header = std::str::from_utf8(b.get(12..at)?).ok()?;
        let n_slots = u32_at(b.get(at..at + 4)?, 0) as usize;
        let n_pairs = u32_at(b.get(at + 4..at + 8)?, 0) as usize;
        let s0 = at + 8;
        let p0 = s0.checked_add(n_slots.checked_mul(8)?)?;
        let end = p0.checked_add(n_pairs.checked_mul(3)?)?;
        if end != b.len() {
            return None;
        }
        Some(Model { header, n_slots, slots: &b[s0..p0], pairs: &b[p0..end] })
    }

    /// The text header of the weights: training data, licences, counts.
    pub fn header(&self) -> &'static str {
        self.header
    }

    /// Adds the weights of feature `k` to `scores`.
    #[inline]
    fn add(&self, k: u32, scores: &mut [i32; N_TAGS]) {
        if self.n_slots == 0 {
            return;
        }
        let mut i = ((u64::from(k) * self.n_slots as u64) >> 32) as usize;
        loop {
            let sk = u32_at(self.slots, 8 * i);
            if sk == 0 {
                return;
            }
            if sk == k {
                let v = u32_at(self.slots, 8 * i + 4) as usize;
                let (off, n) = (v >> 5, v & 31);
                for p in self.pairs[3 * off..3 * (off + n)].chunks_exact(3) {
                    if let Some(s) = scores.get_mut(p[0] as usize) {
                        *s += i32::from(i16::from_le_bytes([p[1], p[2]]));
                    }
                }
                return;
            }
            i += 1;
            if i == self.n_slots {
                i = 0;
            }
        }
    }

    /// The scores of every tag for the given features.
    pub fn scores(&self, feats: &[u32; N_FEATURES]) -> [i32; N_TAGS] {
        let mut s = [0i32; N_TAGS];
        for &k in feats {
            self.add(k, &mut s);
        }
        s
    }
}

/// A lexicon and a model.
#[derive(Debug)]
pub struct Tagger {
    morph: &'static Morph,
    model: Model,
}

impl Tagger {
    /// The built-in lexicon and weights.
    pub fn builtin() -> &'static Tagger {
        &BUILTIN
    }

    /// The model's weights.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Tags the tokens of one sentence.
    pub fn tag(&self, tokens: &[Token]) -> Vec<Tag> {
        let words: Vec<Word<'_>> = tokens.iter().map(Word::from).collect();
        self.tag_words(&words)
    }

    /// Tags the words of one sentence.
    pub fn tag_words(&self, words: &[Word<'_>]) -> Vec<Tag> {
        let mut infos = Vec::new();
        let mut out = Vec::with_capacity(words.len());
        self.tag_into(words, &mut infos, &mut out);
        out
    }

    /// Tags the words of one sentence into `out`, with `scratch` reused
    /// between calls.
    pub fn tag_into(&self, words: &[Word<'_>], scratch: &mut Vec<WordInfo>, out: &mut Vec<Tag>) {
        out.clear();
        prepare(self.morph, words, scratch);
        let mut feats = [0u32; N_FEATURES];
        let (mut p1, mut p2) = (N_TAGS, N_TAGS);
        for i in 0..words.len() {
            features(scratch, i, p1, p2, &mut feats);
            let scores = self.model.scores(&feats);
            let upos = best_tag(&scores, &scratch[i]);
            out.push(Tag { upos, feats: Feats::default(), lemma: "" });
            p2 = p1;
            p1 = upos as usize;
        }
        for i in 0..out.len() {
            let (feats, lemma) = choose(scratch, out, i);
            out[i].feats = feats;
            out[i].lemma = lemma;
        }
    }
}

/// The best-scoring tag (the lexicon's most frequent reading when the model
/// has nothing to say, as with no weights at all).
fn best_tag(scores: &[i32; N_TAGS], info: &WordInfo) -> Upos {
    let mut best = 0;
    for t in 1..N_TAGS {
        if scores[t] > scores[best] {
            best = t;
        }
    }
    if scores[best] == 0 && scores.iter().all(|&s| s == 0) {
        if let Some(a) = info.analyses.clone().next() {
            return a.upos;
        }
        return if info.shape & SHAPE_PUNCT != 0 { Upos::Punct } else { Upos::Noun };
    }
    Upos::ALL[best]
}

/// The person and number a subject pronoun before token `i` gives a verb.
fn subject_person(infos: &[WordInfo], tags: &[Tag], i: usize) -> Option<(u8, Num)> {
    // The pronoun stands right before the verb, or before a clitic or ne.
    for j in (i.saturating_sub(3)..i).rev() {
        if tags[j].upos != Upos::Pron {
            if tags[j].upos == Upos::Adv {
                continue;
            }
            return None;
        }
        for a in infos[j].analyses.clone() {
            if a.upos == Upos::Pron && a.feats.person != 0 && a.feats.number != Num::None && is_subject(a.lemma) {
                return Some((a.feats.person, a.feats.number));
            }
        }
    }
    None
}

fn is_subject(lemma: &str) -> bool {
    matches!(lemma, "moi" | "toi" | "lui" | "nous" | "vous" | "eux" | "on" | "ce")
}

/// Lemma and features of token `i` from its analyses with the chosen tag.
fn choose(infos: &[WordInfo], tags: &[Tag], i: usize) -> (Feats, &'static str) {
    let upos = tags[i].upos;
    let info = &infos[i];
    let verbal = matches!(upos, Upos::Verb | Upos::Aux);
    let subject = if verbal { subject_person(infos, tags, i) } else { None };
    let mut best: Option<(i32, Analysis)> = None;
    for a in info.analyses.clone() {
        let same = a.upos == upos || (verbal && matches!(a.upos, Upos::Verb | Upos::Aux));
        if !same {
            continue;
        }
        let mut score = i32::from(a.freq) * 4;
        if a.upos == upos {
            score += 10_000;
        }
        if verbal {
            score += match a.feats.mood {
                Mood::Ind => 300,
                Mood::Cnd => 200,
                Mood::Sub => 100,
                _ => 0,
            };
            match subject {
                Some((p, n)) if a.feats.person == p && a.feats.number == n => score += 2_000,
                Some(_) if a.feats.verb_form == VerbForm::Fin => score -= 500,
                _ => score += if a.feats.person == 3 { 50 } else { 0 },
            }
        }
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, a));
        }
    }
    if let Some((_, a)) = best {
        return (a.feats, a.lemma);
    }
    (guess_feats(upos, info.ending), "")
}

/// Features an unknown word's ending shows.
fn guess_feats(upos: Upos, ending: Ending) -> Feats {
    let mut f = Feats::default();
    match (upos, ending) {
        (Upos::Noun | Upos::Adj, Ending::Plural) => f.number = Num::Plur,
        (Upos::Noun | Upos::Adj, Ending::Participle(_, n)) => f.number = n,
        (Upos::Noun, Ending::None | Ending::Infinitive) => f.number = Num::Sing,
        (Upos::Verb, Ending::Participle(g, n)) => {
            f = Feats { gender: g, number: n, verb_form: VerbForm::Part, tense: Tense::Past, ..f };
        }
        (Upos::Verb, Ending::Infinitive) => f.verb_form = VerbForm::Inf,
        (Upos::Verb, Ending::Imperfect(n)) => {
            f = Feats { number: n, person: 3, verb_form: VerbForm::Fin, mood: Mood::Ind, tense: Tense::Imp, ..f };
        }
        (Upos::Verb, Ending::Present(p, n)) => {
            f = Feats { number: n, person: p, verb_form: VerbForm::Fin, mood: Mood::Ind, tense: Tense::Pres, ..f };
        }
        _ => {}
    }
    f
}
