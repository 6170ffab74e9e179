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

/// The weights, aligned so that a 16-byte slot never straddles a cache line.
#[repr(C, align(64))]
struct Aligned<T: ?Sized>(T);

static WEIGHTS: &Aligned<[u8]> = &Aligned(*include_bytes!("data/tagger.bin"));

static BUILTIN: LazyLock<Tagger> = LazyLock::new(|| {
    let model = Model::from_bytes(&WEIGHTS.0).unwrap_or_else(|| panic!("the built-in data/tagger.bin is malformed"));
    Tagger::new(Morph::builtin(), model)
});

/// The number of tags a model scores (the 17 UPOS).
pub const N_TAGS: usize = 17;

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
    /// The form ends like a participle, an infinitive…: hints for unknown words.
    ending: Ending,
    /// The form ends in -s or -x (a plural, for an unknown noun or adjective).
    plural: bool,
    /// The first analysis of each of its first non-verbal parts of speech,
    /// which is the one `choose` takes for that tag (no context changes it).
    picks: [(Upos, Feats, &'static str); PICKS],
    n_picks: u8,
}

/// Non-verbal readings kept decoded per word type.
const PICKS: usize = 4;

/// Endings that tell the features of an unknown word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Ending {
    #[default]
    None,
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
    } else {
        Ending::None
    }
}

/// What a word type gives the features, from its lowercased form (shape
/// left 0: it depends on the token).
fn type_info(morph: &'static Morph, lower: &str) -> WordInfo {
    let analyses = morph.analyses(lower);
    let mut amb = 0u32;
    let (mut top, mut best) = (N_TAGS as u8, 0u8);
    let mut picks = [(Upos::X, Feats::default(), ""); PICKS];
    let mut n_picks = 0;
    for a in analyses.clone() {
        let bit = 1 << a.upos as u32;
        let verbal = matches!(a.upos, Upos::Verb | Upos::Aux);
        if amb & bit == 0 && !verbal && n_picks < PICKS {
            picks[n_picks] = (a.upos, a.feats, a.lemma);
            n_picks += 1;
        }
        amb |= bit;
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
    WordInfo {
        word: fnv(FNV0, b),
        suffix,
        amb,
        top,
        shape: 0,
        analyses,
        ending: if amb == 0 { ending(lower) } else { Ending::None },
        plural: lower.ends_with(['s', 'x']),
        picks,
        n_picks: n_picks as u8,
    }
}

/// The shape bits of a token.
fn shape_of(text: &str, kind: TokKind, first: bool, lower: &str) -> u8 {
    let mut shape = if first { SHAPE_FIRST } else { 0 };
    let mut letters = 0;
    let mut upper = 0;
    for (k, c) in text.chars().enumerate() {
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
    match kind {
        TokKind::Number => shape |= SHAPE_NUMBER,
        TokKind::Punct => shape |= SHAPE_PUNCT,
        _ => {}
    }
    if lower.ends_with('\'') {
        shape |= SHAPE_ELIDED;
    }
    shape
}

/// Reads the words of a sentence into what the features need (the
/// reference path, without cache; the trainer uses it).
pub fn prepare(morph: &'static Morph, words: &[Word<'_>], out: &mut Vec<WordInfo>) {
    out.clear();
    out.reserve(words.len());
    let mut buf = [0u8; MAX_FORM + 1];
    for (i, w) in words.iter().enumerate() {
        let lower = lower_key(w.text, &mut buf).unwrap_or("");
        let mut info = type_info(morph, lower);
        info.shape = shape_of(w.text, w.kind, i == 0, lower);
        out.push(info);
    }
}

/// The number of features of one token.
pub const N_FEATURES: usize = 24;

/// The word value of a position before the sentence, and after it.
const BEFORE: u64 = 1;
const AFTER: u64 = 2;

/// The keys of the features of a word type alone: a bias, the word, its
/// ambiguity class, its most frequent reading, its last 1 to 4 chars (and
/// whether the lexicon knows it). They depend on the lowercased form only.
fn type_keys(w: &WordInfo) -> [u32; 8] {
    const BIAS: u64 = 0x5eed;
    let known = u64::from(w.amb != 0);
    [
        key(0, BIAS),
        key(1, w.word),
        key(2, u64::from(w.amb)),
        key(3, u64::from(w.top)),
        key(4, w.suffix[0] ^ known),
        key(5, w.suffix[1] ^ known),
        key(6, w.suffix[2] ^ known),
        key(7, w.suffix[3] ^ known),
    ]
}

/// The ambiguity class of a position after the sentence.
const AMB_AFTER: u64 = 1 << 20;

/// The keys a word type (by its hash and ambiguity class, or `BEFORE` /
/// `AFTER`) gives the tokens around it: [as the word before], [as the word
/// after, its class], [as the word two before], [as the word two after, its
/// class].
fn near_keys(word: u64, amb: u64) -> [[u32; 2]; 4] {
    [[key(13, word), 0], [key(14, word), key(17, amb)], [key(15, word), 0], [key(16, word), key(18, amb)]]
}

/// The key of a token's shape.
fn shape_key(shape: u8) -> u32 {
    key(8, u64::from(shape))
}

/// The keys of token `i` that depend neither on one word type nor on the
/// tags: shape with class, the classes of this word and the next, word pairs.
fn context_keys(infos: &[WordInfo], i: usize) -> [u32; 4] {
    let w = &infos[i];
    let amb = u64::from(w.amb);
    let amb_next = infos.get(i + 1).map_or(AMB_AFTER, |x| u64::from(x.amb));
    let prev = if i == 0 { BEFORE } else { infos[i - 1].word };
    let next = infos.get(i + 1).map_or(AFTER, |x| x.word);
    [
        key(9, u64::from(w.shape) << 20 | amb),
        key(19, amb << 24 | amb_next),
        key(22, w.word ^ next.rotate_left(13)),
        key(23, prev ^ w.word.rotate_left(29)),
    ]
}

/// The keys of the two previous tags alone (`N_TAGS` before the sentence).
fn tags_keys(prev: usize, prev2: usize) -> [u32; 2] {
    let (p1, p2) = (prev as u64, prev2 as u64);
    [key(10, p1), key(11, p1 << 8 | p2)]
}

/// The keys of token `i` that join the previous tag with the word.
fn tag_keys(infos: &[WordInfo], i: usize, prev: usize) -> [u32; 3] {
    let w = &infos[i];
    let p1 = prev as u64;
    let amb = u64::from(w.amb);
    let amb_next = infos.get(i + 1).map_or(AMB_AFTER, |x| u64::from(x.amb));
    [key(12, p1 ^ w.word.rotate_left(7)), key(20, p1 << 24 | amb), key(21, p1 << 48 | amb << 24 | amb_next)]
}

/// The feature keys of token `i` given the two previous tags (`N_TAGS`
/// before the sentence): the reference the trainer learns from. The tagger
/// sums the same weights in another order (word types cached, see
/// `Scratch`; shapes and tag pairs from dense tables).
pub fn features(infos: &[WordInfo], i: usize, prev: usize, prev2: usize, out: &mut [u32; N_FEATURES]) {
    let near_at = |j: isize, which: usize| -> [u32; 2] {
        if j < 0 {
            near_keys(BEFORE, AMB_AFTER)[which]
        } else {
            infos
                .get(j as usize)
                .map_or(near_keys(AFTER, AMB_AFTER)[which], |x| near_keys(x.word, u64::from(x.amb))[which])
        }
    };
    let ii = i as isize;
    out[..8].copy_from_slice(&type_keys(&infos[i]));
    out[8] = near_at(ii - 1, 0)[0];
    out[9..11].copy_from_slice(&near_at(ii + 1, 1));
    out[11] = near_at(ii - 2, 2)[0];
    out[12..14].copy_from_slice(&near_at(ii + 2, 3));
    out[14] = shape_key(infos[i].shape);
    out[15..19].copy_from_slice(&context_keys(infos, i));
    out[19..21].copy_from_slice(&tags_keys(prev, prev2));
    out[21..24].copy_from_slice(&tag_keys(infos, i, prev));
}

/// Perceptron weights: feature key -> sparse (tag, weight) pairs.
///
/// The table has two arrays of the same length: the u32 keys (0: empty),
/// probed linearly, and per slot 12 bytes of four (u8 tag, i16 weight)
/// pairs, tag 255 for an unused pair. A feature with more than four weights
/// sets bit 7 of its last tag and goes on under its next key (`next_key`).
/// Most features of a token are absent (rare words, word pairs): probing
/// for them reads only the compact key array (sixteen keys a cache line).
#[derive(Debug)]
pub struct Model {
    header: &'static str,
    n_slots: usize,
    keys: &'static [u8],
    values: &'static [u8],
}

/// The byte size of the weights of a slot.
pub const SLOT: usize = 12;

/// The key of the slot that continues the weights of `k`.
pub fn next_key(k: u32) -> u32 {
    key(0x7fff, u64::from(k))
}

/// The home slot of a key in a table of `n` slots.
#[inline]
pub fn home(k: u32, n: usize) -> usize {
    ((u64::from(k) * n as u64) >> 32) as usize
}

#[inline]
fn u32_at(b: &[u8], i: usize) -> u32 {
    // One bounds check and one load.
    u32::from_le_bytes(b[i..i + 4].try_into().expect("four bytes"))
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
        let k0 = at + 4;
        let v0 = k0.checked_add(n_slots.checked_mul(4)?)?;
        let end = v0.checked_add(n_slots.checked_mul(SLOT)?)?;
        if end != b.len() {
            return None;
        }
        Some(Model { header, n_slots, keys: &b[k0..v0], values: &b[v0..end] })
    }

    /// The text header of the weights: training data, licences, counts.
    pub fn header(&self) -> &'static str {
        self.header
    }

    /// The slot of key `k` probing from slot `i`, if the table has it.
    #[inline]
    fn find(&self, k: u32, mut i: usize) -> Option<usize> {
        loop {
            let sk = u32_at(self.keys, 4 * i);
            if sk == 0 {
                return None;
            }
            if sk == k {
                return Some(i);
            }
            i += 1;
            if i == self.n_slots {
                i = 0;
            }
        }
    }

    /// Adds the weights of slot `i` to `scores`; whether they go on under
    /// the next key.
    #[inline]
    fn add(&self, i: usize, scores: &mut [i32; N_TAGS]) -> bool {
        let mut more = false;
        for p in self.values[SLOT * i..SLOT * i + SLOT].chunks_exact(3) {
            let t = p[0];
            if t == 255 {
                break;
            }
            more = t & 0x80 != 0;
            if let Some(s) = scores.get_mut((t & 0x7f) as usize) {
                *s += i32::from(i16::from_le_bytes([p[1], p[2]]));
            }
        }
        more
    }

    /// Adds the weights of the features `keys` to `scores`.
    #[inline]
    pub fn add_all(&self, keys: &[u32], scores: &mut [i32; N_TAGS]) {
        if self.n_slots == 0 {
            return;
        }
        for &k in keys {
            let mut k = k;
            let Some(mut i) = self.find(k, home(k, self.n_slots)) else { continue };
            while self.add(i, scores) {
                k = next_key(k);
                match self.find(k, home(k, self.n_slots)) {
                    Some(j) => i = j,
                    None => break,
                }
            }
        }
    }

    /// The scores of every tag for the given features.
    pub fn scores(&self, feats: &[u32; N_FEATURES]) -> [i32; N_TAGS] {
        let mut s = [0i32; N_TAGS];
        self.add_all(feats, &mut s);
        s
    }
}

/// Anything the tagger can read as a word: a token, or a bare `Word`.
pub trait AsWord {
    /// The text as written.
    fn text(&self) -> &str;
    /// Its token kind.
    fn kind(&self) -> TokKind;
}

impl AsWord for Token {
    fn text(&self) -> &str {
        &self.text
    }
    fn kind(&self) -> TokKind {
        self.kind
    }
}

impl AsWord for Word<'_> {
    fn text(&self) -> &str {
        self.text
    }
    fn kind(&self) -> TokKind {
        self.kind
    }
}

/// Word types cached, a power of two.
const CACHE: usize = 4096;
/// The longest form cached, in bytes (longer ones are computed each time).
const CACHED_FORM: usize = 23;

/// What the tagger knows of a word type: its `WordInfo` and the summed
/// weights of its type features and of the features it gives its
/// neighbours, so that a frequent word costs one cache probe.
#[derive(Debug, Clone)]
struct TypeEntry {
    /// Form length, 0 for an empty entry.
    len: u8,
    /// In the first way of a set: the way a miss replaces (the one not used last).
    victim: u8,
    form: [u8; CACHED_FORM],
    info: WordInfo,
    /// Weights of `type_keys`.
    local: [i32; N_TAGS],
    /// Weights of `near_keys`: as the word before, after, two before, two after.
    near: [[i32; N_TAGS]; 4],
}

/// Buffers and a cache of word types, kept from one sentence to the next
/// (one per thread; `syntax::tag` keeps its own).
#[derive(Debug, Default)]
pub struct Scratch {
    infos: Vec<WordInfo>,
    base: Vec<[i32; N_TAGS]>,
    cache: Vec<TypeEntry>,
    /// The tagger the cache was filled by (its address).
    owner: usize,
    hits: u64,
    lookups: u64,
}

impl Scratch {
    /// Empty buffers; the cache is made on first use.
    pub fn new() -> Scratch {
        Scratch::default()
    }

    /// How many word lookups the cache answered, and how many there were.
    pub fn cache_hits(&self) -> (u64, u64) {
        (self.hits, self.lookups)
    }
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::new());
}

/// Runs `f` with this thread's scratch, whose word type cache stays warm from
/// one document to the next (taken out while `f` runs: a call within `f`
/// gets an empty one).
pub fn with_scratch<R>(f: impl FnOnce(&mut Scratch) -> R) -> R {
    let mut s = SCRATCH.with(std::cell::RefCell::take);
    let r = f(&mut s);
    SCRATCH.with(|c| c.replace(s));
    r
}

fn add(a: &mut [i32; N_TAGS], b: &[i32; N_TAGS]) {
    for (x, y) in a.iter_mut().zip(b) {
        *x += y;
    }
}

/// A lexicon and a model, with the weights of the small feature domains
/// laid out densely.
#[derive(Debug)]
pub struct Tagger {
    morph: &'static Morph,
    model: Model,
    /// Weights of each shape.
    shapes: Vec<[i32; N_TAGS]>,
    /// Weights of each pair of previous tags, `prev * (N_TAGS + 1) + prev2`.
    tag_pairs: Vec<[i32; N_TAGS]>,
    /// Weights the edges of the sentence give its first and second tokens,
    /// and its last and second to last.
    first: [[i32; N_TAGS]; 2],
    last: [[i32; N_TAGS]; 2],
}

/// The weights of some features.
fn weights_of(model: &Model, keys: &[u32]) -> [i32; N_TAGS] {
    let mut s = [0i32; N_TAGS];
    model.add_all(keys, &mut s);
    s
}

impl Tagger {
    /// A tagger with this lexicon and these weights.
    pub fn new(morph: &'static Morph, model: Model) -> Tagger {
        let shapes = (0..=255u8).map(|sh| weights_of(&model, &[shape_key(sh)])).collect();
        let tag_pairs = (0..=N_TAGS)
            .flat_map(|p1| (0..=N_TAGS).map(move |p2| (p1, p2)))
            .map(|(p1, p2)| weights_of(&model, &tags_keys(p1, p2)))
            .collect();
        let before = near_keys(BEFORE, AMB_AFTER);
        let after = near_keys(AFTER, AMB_AFTER);
        let first = [weights_of(&model, &[before[0][0], before[2][0]]), weights_of(&model, &[before[2][0]])];
        let last =
            [weights_of(&model, &[after[1][0], after[1][1], after[3][0], after[3][1]]), weights_of(&model, &after[3])];
        Tagger { morph, model, shapes, tag_pairs, first, last }
    }
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
        let mut out = Vec::with_capacity(tokens.len());
        with_scratch(|s| self.tag_into(tokens, s, &mut out));
        out
    }

    /// Tags the words of one sentence.
    pub fn tag_words(&self, words: &[Word<'_>]) -> Vec<Tag> {
        let mut out = Vec::with_capacity(words.len());
        with_scratch(|s| self.tag_into(words, s, &mut out));
        out
    }

    /// The summed weights of some features.
    fn weights(&self, keys: &[u32]) -> [i32; N_TAGS] {
        weights_of(&self.model, keys)
    }

    /// A word type's entry, with its `shape` left 0.
    fn type_entry(&self, lower: &str) -> TypeEntry {
        let info = type_info(self.morph, lower);
        let local = self.weights(&type_keys(&info));
        let nk = near_keys(info.word, u64::from(info.amb));
        let near = [self.weights(&nk[0][..1]), self.weights(&nk[1]), self.weights(&nk[2][..1]), self.weights(&nk[3])];
        let mut form = [0u8; CACHED_FORM];
        let len = lower.len().min(CACHED_FORM);
        form[..len].copy_from_slice(&lower.as_bytes()[..len]);
        TypeEntry { len: len as u8, victim: 0, form, info, local, near }
    }

    /// Tags the words of one sentence into `out`, with buffers and the word
    /// type cache of `scratch`. No allocation once the buffers have grown.
    pub fn tag_into<W: AsWord>(&self, words: &[W], scratch: &mut Scratch, out: &mut Vec<Tag>) {
        out.clear();
        let n = words.len();
        let Scratch { infos, base, cache, owner, hits, lookups } = scratch;
        let me = self as *const Tagger as usize;
        if *owner != me || cache.is_empty() {
            *owner = me;
            let empty = self.type_entry("");
            *cache = vec![TypeEntry { len: 0, ..empty }; CACHE];
        }
        infos.clear();
        base.clear();
        base.resize(n, [0; N_TAGS]);
        let mut buf = [0u8; MAX_FORM + 1];
        for (i, w) in words.iter().enumerate() {
            let lower = lower_key(w.text(), &mut buf).unwrap_or("");
            *lookups += 1;
            let fresh;
            let entry = if lower.is_empty() || lower.len() > CACHED_FORM {
                fresh = self.type_entry(lower);
                &fresh
            } else {
                // Two ways per set; a miss replaces the way not used last.
                let set = (fnv(FNV0, lower.as_bytes()) >> 40) as usize & (CACHE - 2);
                let is = |e: &TypeEntry| e.len != 0 && e.form[..e.len as usize] == *lower.as_bytes();
                let way = if is(&cache[set]) {
                    Some(0)
                } else if is(&cache[set + 1]) {
                    Some(1)
                } else {
                    None
                };
                let way = match way {
                    Some(w) => {
                        *hits += 1;
                        w
                    }
                    None => {
                        let w = usize::from(cache[set].victim);
                        cache[set + w] = self.type_entry(lower);
                        w
                    }
                };
                // The first way remembers which way to replace next.
                cache[set].victim = u8::from(way == 0);
                &cache[set + way]
            };
            let mut info = entry.info.clone();
            info.shape = shape_of(w.text(), w.kind(), i == 0, lower);
            add(&mut base[i], &entry.local);
            if i + 1 < n {
                add(&mut base[i + 1], &entry.near[0]);
            }
            if i >= 1 {
                add(&mut base[i - 1], &entry.near[1]);
            }
            if i + 2 < n {
                add(&mut base[i + 2], &entry.near[2]);
            }
            if i >= 2 {
                add(&mut base[i - 2], &entry.near[3]);
            }
            infos.push(info);
        }
        if n > 0 {
            add(&mut base[0], &self.first[0]);
            add(&mut base[n - 1], &self.last[0]);
            if n > 1 {
                add(&mut base[1], &self.first[1]);
                add(&mut base[n - 2], &self.last[1]);
            }
        }
        for i in 0..n {
            let shape = &self.shapes[infos[i].shape as usize];
            add(&mut base[i], shape);
            self.model.add_all(&context_keys(infos, i), &mut base[i]);
        }
        let (mut p1, mut p2) = (N_TAGS, N_TAGS);
        for i in 0..n {
            let mut scores = base[i];
            add(&mut scores, &self.tag_pairs[p1 * (N_TAGS + 1) + p2]);
            self.model.add_all(&tag_keys(infos, i, p1), &mut scores);
            let upos = best_tag(&scores, &infos[i]);
            out.push(Tag { upos, feats: Feats::default(), lemma: "" });
            p2 = p1;
            p1 = upos as usize;
        }
        for i in 0..n {
            let (feats, lemma) = choose(infos, out, i);
            out[i].feats = feats;
            out[i].lemma = lemma;
        }
    }

    /// Tags the words of one sentence by the reference path (`prepare`,
    /// `features`, no cache), as the trainer scores them; the same tags as
    /// `tag_words`, only slower.
    pub fn tag_reference(&self, words: &[Word<'_>]) -> Vec<Tag> {
        let mut infos = Vec::new();
        prepare(self.morph, words, &mut infos);
        let mut out = Vec::with_capacity(words.len());
        let mut feats = [0u32; N_FEATURES];
        let (mut p1, mut p2) = (N_TAGS, N_TAGS);
        for i in 0..words.len() {
            features(&infos, i, p1, p2, &mut feats);
            let scores = self.model.scores(&feats);
            let upos = best_tag(&scores, &infos[i]);
            out.push(Tag { upos, feats: Feats::default(), lemma: "" });
            p2 = p1;
            p1 = upos as usize;
        }
        for i in 0..out.len() {
            let (feats, lemma) = choose(&infos, &out, i);
            out[i].feats = feats;
            out[i].lemma = lemma;
        }
        out
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

/// Whether the verb at `i` follows an auxiliary (past participle expected):
/// "a été prise", "n'a pas vu", "s'est réunie".
fn after_aux(tags: &[Tag], i: usize) -> bool {
    for j in (i.saturating_sub(4)..i).rev() {
        match tags[j].upos {
            Upos::Aux => return true,
            Upos::Adv => continue,
            _ => return false,
        }
    }
    false
}

/// Lemma and features of token `i` from its analyses with the chosen tag.
///
/// Across lemmas the more frequent reading wins; a verb after an auxiliary
/// is a participle; a finite verb agrees with a subject pronoun before it;
/// otherwise indicative, present and third person break ties.
fn choose(infos: &[WordInfo], tags: &[Tag], i: usize) -> (Feats, &'static str) {
    let upos = tags[i].upos;
    let info = &infos[i];
    let verbal = matches!(upos, Upos::Verb | Upos::Aux);
    if !verbal {
        // The first reading with the tag, decoded once per word type.
        if let Some(&(_, f, l)) = info.picks[..info.n_picks as usize].iter().find(|p| p.0 == upos) {
            return (f, l);
        }
        if info.amb & 1 << upos as u32 == 0 {
            return (guess_feats(upos, info.ending, info.plural), "");
        }
    }
    let subject = if verbal { subject_person(infos, tags, i) } else { None };
    let participle = verbal && after_aux(tags, i);
    let mut best: Option<(i32, Analysis)> = None;
    for a in info.analyses.clone() {
        let same = a.upos == upos || (verbal && matches!(a.upos, Upos::Verb | Upos::Aux));
        if !same {
            continue;
        }
        let mut score = i32::from(a.freq) * 16;
        if a.upos == upos {
            score += 100_000;
        }
        if verbal {
            let f = a.feats;
            if participle {
                score += if f.verb_form == VerbForm::Part && f.tense == Tense::Past { 50_000 } else { 0 };
            }
            match subject {
                Some((p, n)) if f.person == p && f.number == n => score += 10_000,
                Some(_) if f.verb_form == VerbForm::Fin => score -= 10_000,
                _ => {}
            }
            score += match f.mood {
                Mood::Ind => 8,
                Mood::Cnd => 6,
                Mood::Sub => 4,
                _ => 0,
            };
            score += match f.tense {
                Tense::Pres => 3,
                Tense::Imp | Tense::Fut => 2,
                _ => 0,
            };
            score += i32::from(f.person == 3);
        }
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, a));
        }
    }
    if let Some((_, a)) = best {
        return (a.feats, a.lemma);
    }
    (guess_feats(upos, info.ending, info.plural), "")
}

/// Features an unknown word's ending shows.
fn guess_feats(upos: Upos, ending: Ending, plural: bool) -> Feats {
    let mut f = Feats::default();
    match (upos, ending) {
        (Upos::Noun | Upos::Adj, Ending::Participle(_, n)) => f.number = n,
        (Upos::Noun | Upos::Adj, _) if plural => f.number = Num::Plur,
        (Upos::Noun, _) => f.number = Num::Sing,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{sentences, tokenize};

    const TEXT: &str = "Le président a porté plainte. La porte est fermée ! Les forces ont été déployées \
        près de la frontière, a-t-il dit. « Qu’en pensez-vous ? » L’ONU s’inquiète des 3 000 réfugiés. \
        Anticonstitutionnellement-parlant, les frobulations interdépartementalisées augmentèrent. \
        Il en parle. A. Oui. 12,5 % … https://exemple.org/page @quelquun #motdiese";

    fn words(tokens: &[Token]) -> Vec<Word<'_>> {
        tokens.iter().map(Word::from).collect()
    }

    #[test]
    fn the_fast_path_sums_the_same_weights_as_the_reference() {
        let tagger = Tagger::builtin();
        let mut scratch = Scratch::new();
        let mut out = Vec::new();
        let sents: Vec<Vec<Token>> = sentences(TEXT).iter().map(|s| tokenize(TEXT, s)).collect();
        // Twice, in both orders, with one scratch: the cache never changes a tag.
        for order in [false, true] {
            let mut idx: Vec<usize> = (0..sents.len()).collect();
            if order {
                idx.reverse();
            }
            for &i in &idx {
                let w = words(&sents[i]);
                tagger.tag_into(&w, &mut scratch, &mut out);
                assert_eq!(out, tagger.tag_reference(&w), "sentence {i}");
                let mut infos = Vec::new();
                prepare(Morph::builtin(), &w, &mut infos);
                let mut feats = [0u32; N_FEATURES];
                for (j, t) in out.iter().enumerate() {
                    let p1 = if j > 0 { out[j - 1].upos as usize } else { N_TAGS };
                    let p2 = if j > 1 { out[j - 2].upos as usize } else { N_TAGS };
                    features(&infos, j, p1, p2, &mut feats);
                    assert_eq!(t.upos, best_tag(&tagger.model.scores(&feats), &infos[j]));
                }
            }
        }
        let (hits, lookups) = scratch.cache_hits();
        assert!(hits > 0 && hits < lookups);
    }

    #[test]
    fn the_model_is_loaded_with_its_licences() {
        let h = Tagger::builtin().model().header();
        assert!(h.contains("LGPL-LR") && h.contains("CC BY-SA 4.0"), "{h}");
        assert!(Model::from_bytes(b"TRTAGGR1").is_none());
        assert!(Model::from_bytes(b"nothing").is_none());
    }

    #[test]
    fn an_empty_model_falls_back_on_the_lexicon() {
        static EMPTY: &[u8] = b"TRTAGGR1\x00\x00\x00\x00\x00\x00\x00\x00";
        let tagger = Tagger::new(Morph::builtin(), Model::from_bytes(EMPTY).unwrap());
        let tokens = tokenize(TEXT, &sentences(TEXT)[0]);
        let tags = tagger.tag(&tokens);
        assert_eq!(tags[0].upos, Upos::Det);
        assert_eq!(tags.last().unwrap().upos, Upos::Punct);
    }
}
