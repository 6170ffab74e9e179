//! The French morphological lexicon: every known word form with its possible
//! analyses (part of speech, lemma, gender, number, person, verb form, mood,
//! tense, a frequency code).
//!
//! The data is a compiled-in blob (`data/morph.bin`, 141,000 forms) made by
//! `scripts/gen_morph.py` from Lexique 3.83 (CC BY-SA 4.0), Lefff verb
//! conjugations (LGPL-LR) and hand-typed closed classes; its header carries
//! the sources and licences (`Morph::header`). Nothing is parsed at start:
//! the blob holds a ready hash table, so a lookup is one hash, a probe or
//! two and a byte comparison, without allocation.
//!
//! Forms are looked up lowercase with their accents ("a" and "à" differ)
//! and with the ASCII apostrophe; `Morph::lookup_word` does that folding
//! itself for a token as written (`L’`, `Été`).

use std::sync::LazyLock;

use crate::syntax::{Feats, Gen, Mood, Num, Tense, Upos, VerbForm};

static BLOB: &[u8] = include_bytes!("data/morph.bin");

static BUILTIN: LazyLock<Morph> =
    LazyLock::new(|| Morph::from_bytes(BLOB).unwrap_or_else(|| panic!("the built-in data/morph.bin is malformed")));

/// Where an analysis comes from (each source has its own licence).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// Lexique 3.83, CC BY-SA 4.0.
    Lexique,
    /// Lefff verb conjugations, LGPL-LR.
    Lefff,
    /// Closed classes typed by hand and generated numerals (trame's licence).
    Hand,
}

/// One possible reading of a word form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Analysis {
    /// Universal part of speech.
    pub upos: Upos,
    /// Gender, number, person and verb features.
    pub feats: Feats,
    /// Lemma, lowercase with accents ("porter", "le", "lui" for "il").
    pub lemma: &'static str,
    /// Frequency code of the form in this reading: 0 when the source gives
    /// none, else `1 + 8·log2(1 + 100·f)` for `f` occurrences per million
    /// words (8 more is twice as frequent). Comparable within one form.
    pub freq: u8,
    /// The source of the analysis.
    pub source: Source,
}

/// The morphological lexicon.
#[derive(Debug)]
pub struct Morph {
    header: &'static str,
    n_slots: u32,
    slots: &'static [u8],
    lemmas: &'static str,
    set_offsets: &'static [u8],
    sets: &'static [u8],
    records: &'static [u8],
}

#[inline]
fn u32_at(b: &[u8], i: usize) -> u32 {
    u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]])
}

/// FNV-1a, 64 bits, as the generator computes it.
#[inline]
fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Feats from the 14 bits of the blob.
fn decode_feats(bits: u16) -> Feats {
    Feats {
        gender: match bits & 3 {
            1 => Gen::Masc,
            2 => Gen::Fem,
            _ => Gen::None,
        },
        number: match bits >> 2 & 3 {
            1 => Num::Sing,
            2 => Num::Plur,
            _ => Num::None,
        },
        person: (bits >> 4 & 3) as u8,
        verb_form: match bits >> 6 & 3 {
            1 => VerbForm::Fin,
            2 => VerbForm::Inf,
            3 => VerbForm::Part,
            _ => VerbForm::None,
        },
        mood: match bits >> 8 & 7 {
            1 => Mood::Ind,
            2 => Mood::Cnd,
            3 => Mood::Sub,
            4 => Mood::Imp,
            _ => Mood::None,
        },
        tense: match bits >> 11 & 7 {
            1 => Tense::Pres,
            2 => Tense::Past,
            3 => Tense::Imp,
            4 => Tense::Fut,
            _ => Tense::None,
        },
    }
}

/// The longest form the lexicon holds, in bytes.
pub const MAX_FORM: usize = 255;

impl Morph {
    /// The built-in lexicon (checked once, on first use; nothing is copied).
    pub fn builtin() -> &'static Morph {
        &BUILTIN
    }

    /// Reads a blob in the format `scripts/gen_morph.py` writes; `None` when
    /// it is not one.
    pub fn from_bytes(b: &'static [u8]) -> Option<Morph> {
        if b.len() < 12 || &b[..8] != b"TRMORPH1" {
            return None;
        }
        let hlen = u32_at(b, 8) as usize;
        let mut at = 12usize.checked_add(hlen)?;
        let header = std::str::from_utf8(b.get(12..at)?).ok()?;
        let field = |k: usize| b.get(at + 4 * k..at + 4 * k + 4).map(|s| u32_at(s, 0) as usize);
        let (n_slots, lemma_len, n_sets, set_len, rec_len) = (field(0)?, field(1)?, field(2)?, field(3)?, field(4)?);
        at += 20;
        let mut take = |len: usize| -> Option<&'static [u8]> {
            let s = b.get(at..at.checked_add(len)?)?;
            at += len;
            Some(s)
        };
        let slots = take(n_slots.checked_mul(4)?)?;
        let lemmas = std::str::from_utf8(take(lemma_len)?).ok()?;
        let set_offsets = take(n_sets.checked_mul(4)?)?;
        let sets = take(set_len)?;
        let records = take(rec_len)?;
        if at != b.len() || n_slots == 0 || n_slots > u32::MAX as usize || records.len() >= 1 << 24 {
            return None;
        }
        Some(Morph { header, n_slots: n_slots as u32, slots, lemmas, set_offsets, sets, records })
    }

    /// The text header of the data: sources, licences, counts.
    pub fn header(&self) -> &'static str {
        self.header
    }

    /// The offset of the record of `form`, if the lexicon has it.
    #[inline]
    fn find(&self, form: &[u8]) -> Option<usize> {
        if form.is_empty() || form.len() > MAX_FORM {
            return None;
        }
        let n = u64::from(self.n_slots);
        let h = fnv1a64(form);
        let fp = (h & 0xff) as u32;
        let mut i = (((h >> 32) * n) >> 32) as usize;
        loop {
            let v = u32_at(self.slots, 4 * i);
            if v == 0 {
                return None;
            }
            // The high byte is a fingerprint of the form: only a likely
            // match costs a read of its record.
            if v >> 24 == fp {
                let rec = (v & 0x00ff_ffff) as usize - 1;
                let len = self.records[rec] as usize;
                if self.records.get(rec + 1..rec + 1 + len) == Some(form) {
                    return Some(rec + 1 + len);
                }
            }
            i += 1;
            if i == self.n_slots as usize {
                i = 0;
            }
        }
    }

    /// Whether the lexicon knows the form (lowercase, accents, `'`).
    pub fn contains(&self, lowercase_form: &str) -> bool {
        self.find(lowercase_form.as_bytes()).is_some()
    }

    /// The analyses of a form spelled lowercase with its accents ("été",
    /// "l'", "l’": any apostrophe), most frequent reading first; none when
    /// the form is unknown.
    pub fn analyses(&self, lowercase_form: &str) -> Analyses<'_> {
        if !lowercase_form.is_ascii() && lowercase_form.chars().any(|c| c != '\'' && crate::text::is_apostrophe(c)) {
            return self.lookup_word(lowercase_form);
        }
        Analyses::new(self, self.find(lowercase_form.as_bytes()))
    }

    /// The analyses of a word as written: lowercased, with any apostrophe
    /// (’ ʼ ‘ ` ´) made ASCII, without allocating.
    pub fn lookup_word(&self, text: &str) -> Analyses<'_> {
        let mut buf = [0u8; MAX_FORM + 1];
        match lower_key(text, &mut buf) {
            Some(key) => self.analyses(key),
            None => Analyses::new(self, None),
        }
    }
}

/// `text` lowercased with ASCII apostrophes into `buf`; `None` when it does
/// not fit (no form of the lexicon is that long).
pub fn lower_key<'b>(text: &str, buf: &'b mut [u8; MAX_FORM + 1]) -> Option<&'b str> {
    let mut n = 0;
    for c in text.chars() {
        if c.is_ascii() {
            if n >= MAX_FORM {
                return None;
            }
            buf[n] = if c == '`' { b'\'' } else { c.to_ascii_lowercase() as u8 };
            n += 1;
        } else if crate::text::is_apostrophe(c) {
            if n >= MAX_FORM {
                return None;
            }
            buf[n] = b'\'';
            n += 1;
        } else {
            for l in c.to_lowercase() {
                if n + l.len_utf8() > MAX_FORM {
                    return None;
                }
                n += l.encode_utf8(&mut buf[n..]).len();
            }
        }
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// The analyses of one form (see `Morph::analyses`).
#[derive(Debug, Clone)]
pub struct Analyses<'a> {
    morph: &'a Morph,
    /// Next group in the record.
    at: usize,
    /// Groups left after the current one.
    groups: u8,
    lemma: &'static str,
    freq: u8,
    source: Source,
    /// Next item of the current set, and how many are left.
    set_at: usize,
    set_left: u8,
}

impl<'a> Analyses<'a> {
    /// The analyses of the record whose groups start at `at` (none for `None`).
    fn new(morph: &'a Morph, at: Option<usize>) -> Analyses<'a> {
        let (at, groups) = at.map_or((0, 0), |at| (at + 1, morph.records[at]));
        Analyses { morph, at, groups, lemma: "", freq: 0, source: Source::Hand, set_at: 0, set_left: 0 }
    }
}

impl Iterator for Analyses<'_> {
    type Item = Analysis;

    #[inline]
    fn next(&mut self) -> Option<Analysis> {
        let m = self.morph;
        while self.set_left == 0 {
            if self.groups == 0 {
                return None;
            }
            self.groups -= 1;
            let g = &m.records[self.at..self.at + 6];
            self.at += 6;
            let r = u32::from(g[0]) | u32::from(g[1]) << 8 | u32::from(g[2]) << 16;
            let off = (r & 0x3f_ffff) as usize;
            let len = m.lemmas.as_bytes()[off] as usize;
            self.lemma = &m.lemmas[off + 1..off + 1 + len];
            self.source = match r >> 22 {
                1 => Source::Lexique,
                2 => Source::Lefff,
                _ => Source::Hand,
            };
            self.freq = g[3];
            let set = u16::from_le_bytes([g[4], g[5]]) as usize;
            let so = u32_at(m.set_offsets, 4 * set) as usize;
            self.set_left = m.sets[so];
            self.set_at = so + 1;
        }
        let s = &m.sets[self.set_at..self.set_at + 3];
        self.set_at += 3;
        self.set_left -= 1;
        let upos = Upos::ALL.get(s[0] as usize).copied().unwrap_or(Upos::X);
        Some(Analysis {
            upos,
            feats: decode_feats(u16::from_le_bytes([s[1], s[2]])),
            lemma: self.lemma,
            freq: self.freq,
            source: self.source,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(form: &str, upos: Upos, lemma: &str) -> bool {
        Morph::builtin().analyses(form).any(|a| a.upos == upos && a.lemma == lemma)
    }

    fn feats_of(form: &str, upos: Upos, lemma: &str) -> Vec<Feats> {
        Morph::builtin().analyses(form).filter(|a| a.upos == upos && a.lemma == lemma).map(|a| a.feats).collect()
    }

    #[test]
    fn header_names_sources_and_licences() {
        let h = Morph::builtin().header();
        assert!(h.contains("Lexique 3.83") && h.contains("CC BY-SA 4.0"));
        assert!(h.contains("Lefff") && h.contains("LGPL-LR"));
    }

    #[test]
    fn nouns_and_adjectives_with_gender_and_number() {
        let f = feats_of("forces", Upos::Noun, "force");
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].gender, f[0].number), (Gen::Fem, Num::Plur));
        assert!(has("président", Upos::Noun, "président"));
        assert!(has("présidente", Upos::Noun, "président"));
        let f = feats_of("fermée", Upos::Adj, "fermé");
        assert_eq!((f[0].gender, f[0].number), (Gen::Fem, Num::Sing));
        assert!(has("nucléaires", Upos::Adj, "nucléaire"));
    }

    #[test]
    fn verbs_with_mood_tense_person() {
        let f = feats_of("porte", Upos::Verb, "porter");
        assert!(f.iter().any(|f| f.mood == Mood::Ind && f.tense == Tense::Pres && f.person == 3));
        assert!(f.iter().any(|f| f.mood == Mood::Sub && f.person == 1));
        assert!(f.iter().any(|f| f.mood == Mood::Imp && f.person == 2));
        assert!(has("porte", Upos::Noun, "porte"));
        let f = feats_of("déployées", Upos::Verb, "déployer");
        assert!(f.iter().any(|f| f.verb_form == VerbForm::Part
            && f.tense == Tense::Past
            && (f.gender, f.number) == (Gen::Fem, Num::Plur)));
        let f = feats_of("déploieront", Upos::Verb, "déployer");
        assert!(f.iter().any(|f| f.tense == Tense::Fut && f.person == 3 && f.number == Num::Plur));
        let f = feats_of("annoncerait", Upos::Verb, "annoncer");
        assert!(f.iter().any(|f| f.mood == Mood::Cnd && f.person == 3));
        let f = feats_of("déclarer", Upos::Verb, "déclarer");
        assert_eq!(f[0].verb_form, VerbForm::Inf);
        let f = feats_of("fit", Upos::Verb, "faire");
        assert!(f.iter().any(|f| f.tense == Tense::Past && f.mood == Mood::Ind));
    }

    #[test]
    fn etre_and_avoir_are_aux_and_verb() {
        for (form, lemma) in [("a", "avoir"), ("ont", "avoir"), ("est", "être"), ("été", "être"), ("sera", "être")]
        {
            assert!(has(form, Upos::Aux, lemma), "{form}");
            assert!(has(form, Upos::Verb, lemma), "{form}");
        }
        assert!(has("été", Upos::Noun, "été"));
        assert!(!has("a", Upos::Aux, "à"));
        assert!(has("à", Upos::Adp, "à"));
    }

    #[test]
    fn determiners_pronouns_and_contractions() {
        assert!(has("le", Upos::Det, "le") && has("le", Upos::Pron, "le"));
        assert!(has("les", Upos::Det, "le"));
        assert!(has("des", Upos::Adp, "de") && has("des", Upos::Det, "un"));
        assert!(has("du", Upos::Adp, "de") && has("du", Upos::Det, "du"));
        assert!(has("au", Upos::Adp, "à") && has("aux", Upos::Adp, "à"));
        assert!(has("sa", Upos::Det, "son") && has("leurs", Upos::Det, "son"));
        assert!(has("il", Upos::Pron, "lui") && has("ils", Upos::Pron, "eux"));
        let f = feats_of("nous", Upos::Pron, "nous");
        assert_eq!((f[0].person, f[0].number), (1, Num::Plur));
        assert!(has("qui", Upos::Pron, "qui"));
        assert!(has("que", Upos::Sconj, "que") && has("que", Upos::Pron, "que"));
        assert!(has("en", Upos::Adp, "en") && has("en", Upos::Pron, "en"));
        assert!(has("et", Upos::Cconj, "et") && has("mais", Upos::Cconj, "mais"));
        assert!(has("lorsque", Upos::Sconj, "lorsque"));
        assert!(has("-t-il", Upos::Pron, "lui"));
        assert!(has("vingt-deux", Upos::Num, "vingt-deux"));
    }

    #[test]
    fn accents_and_apostrophes() {
        let m = Morph::builtin();
        assert!(has("où", Upos::Pron, "où"));
        assert!(!has("ou", Upos::Pron, "où"));
        assert!(has("ou", Upos::Cconj, "ou"));
        assert!(has("l'", Upos::Det, "le") && has("qu'", Upos::Sconj, "que"));
        assert!(m.lookup_word("L’").any(|a| a.upos == Upos::Det && a.lemma == "le"));
        assert!(m.analyses("l’").any(|a| a.upos == Upos::Det && a.lemma == "le"));
        assert!(m.analyses("jusqu’").any(|a| a.upos == Upos::Adp && a.lemma == "jusque"));
        assert!(m.lookup_word("qu’").any(|a| a.upos == Upos::Pron));
        assert!(m.lookup_word("Été").any(|a| a.lemma == "être"));
        assert!(m.lookup_word("aujourd’hui").any(|a| a.upos == Upos::Adv));
        assert_eq!(m.analyses("xqzwv").count(), 0);
        assert_eq!(m.analyses("").count(), 0);
        assert_eq!(m.lookup_word(&"a".repeat(400)).count(), 0);
    }

    #[test]
    fn most_frequent_reading_first() {
        let first = Morph::builtin().analyses("porte").next().unwrap();
        assert!(first.freq > 0);
        let m = Morph::builtin();
        assert!(m.analyses("forces").next().is_some_and(|a| a.upos == Upos::Noun));
    }

    #[test]
    fn malformed_blobs_are_refused() {
        assert!(Morph::from_bytes(b"").is_none());
        assert!(Morph::from_bytes(b"TRMORPH1\xff\xff\xff\xff").is_none());
        assert!(Morph::from_bytes(&BLOB[..BLOB.len() - 1]).is_none());
    }
}
