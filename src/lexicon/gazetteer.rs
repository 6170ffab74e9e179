//! Longest match of multi-word names over tokens.
//!
//! Names are tokenized with the same tokenizer as the text, and matched on
//! folded forms. Case still matters where it carries meaning: a capitalized
//! word of the name must be capitalized in the text ("Nice" the city, not
//! "nice"), and acronyms and very short words must match exactly ("UE", not
//! "ue"). Lowercase words of a name ("du", "mer") match in any case.
//!
//! Storage is flat, so loading allocates almost nothing per name: the words
//! of every name in one array, their texts in one buffer, and the names that
//! start with the same word chained in insertion order from that word's entry.

use super::fasthash::StrMap;
use super::fold_into;
use super::tsv::split;

use crate::text::{clitics_start, is_all_caps, is_capitalized, tokenize_at, Span, Token};

/// Marks the end of a chain of patterns.
const NONE: u32 = u32::MAX;

/// A name: its words and value, and the next name with the same first word.
#[derive(Debug, Clone)]
struct Pattern<T> {
    /// Index of its first word in `Gazetteer::words`.
    start: u32,
    /// Number of words.
    len: u32,
    next: u32,
    value: T,
}

/// One word of a name; texts are ranges of `Gazetteer::text`.
#[derive(Debug, Clone, Copy)]
struct Word {
    norm: (u32, u32),
    /// The text that must match exactly; empty (`start == end`) for folded.
    exact: (u32, u32),
    /// Whether the text word must be capitalized.
    cap: bool,
}

/// A set of names, each with a value.
#[derive(Debug, Clone)]
pub struct Gazetteer<T> {
    /// First word (folded) → first and last pattern of its chain.
    by_first: StrMap<(u32, u32)>,
    patterns: Vec<Pattern<T>>,
    words: Vec<Word>,
    text: String,
    case_sensitive: bool,
}

/// A match: how many tokens it spans and the value of the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit<'a, T> {
    /// Number of tokens matched.
    pub len: usize,
    /// The name's value.
    pub value: &'a T,
}

/// Splits a name into its tokens the way the text is split.
pub fn name_tokens(name: &str) -> Vec<Token> {
    let span = Span { start: 0, end: name.len(), cstart: 0, cend: name.chars().count() };
    tokenize_at(name, span)
}

/// The words of `name` when they are plain words the tokenizer keeps whole:
/// space-separated, each a letter then letters and digits, with inner hyphens
/// before a letter only when the word does not start lowercase and ends in
/// no clitic pronoun (a verb and its pronoun: "a-t-il", "Peut-on"). `None`
/// for anything else, left to the tokenizer.
fn plain_words(name: &str) -> Option<impl Iterator<Item = &str>> {
    for word in split(name, b' ') {
        let mut chars = word.chars();
        let Some(first) = chars.next() else { continue };
        if !first.is_alphabetic() {
            return None;
        }
        let mut hyphen = false;
        while let Some(c) = chars.next() {
            if c == '-' {
                hyphen = true;
                if !chars.next().is_some_and(char::is_alphabetic) {
                    return None;
                }
            } else if !c.is_alphanumeric() {
                return None;
            }
        }
        if hyphen && (first.is_lowercase() || clitics_start(word).is_some()) {
            return None;
        }
    }
    Some(split(name, b' ').filter(|w| !w.is_empty()))
}

impl<T: Clone> Gazetteer<T> {
    /// An empty gazetteer. `case_sensitive` applies the capitalization rules
    /// above (proper names); without it only folded forms are compared
    /// (titles, common nouns).
    pub fn new(case_sensitive: bool) -> Self {
        Gazetteer {
            by_first: StrMap::default(),
            patterns: Vec::new(),
            words: Vec::new(),
            text: String::new(),
            case_sensitive,
        }
    }

    /// Room for at least `names` more names.
    pub fn reserve(&mut self, names: usize) {
        self.patterns.reserve(names);
        self.words.reserve(names);
        self.by_first.reserve(names);
    }

    /// Adds a name. Empty names are ignored.
    pub fn insert(&mut self, name: &str, value: T) {
        let (start, text_len) = (self.words.len(), self.text.len());
        if !(name.is_ascii() && self.push_ascii_words(name)) {
            self.words.truncate(start);
            self.text.truncate(text_len);
            match plain_words(name) {
                Some(words) => {
                    for w in words {
                        let norm_start = self.text.len();
                        fold_into(w, &mut self.text);
                        self.push_word(w, norm_start);
                    }
                }
                None => {
                    for t in name_tokens(name) {
                        let norm_start = self.text.len();
                        self.text.push_str(&t.norm);
                        self.push_word(&t.text, norm_start);
                    }
                }
            }
        }
        if self.words.len() == start {
            return;
        }
        let idx = u32::try_from(self.patterns.len()).expect("fewer than 4 billion names");
        let first = self.words[start].norm;
        let known = self.by_first.len();
        let entry = self.by_first.index_or_insert(&self.text[first.0 as usize..first.1 as usize], || (idx, idx));
        if self.by_first.len() == known {
            let tail = std::mem::replace(&mut self.by_first.value_mut(entry).1, idx);
            self.patterns[tail as usize].next = idx;
        }
        self.patterns.push(Pattern { start: start as u32, len: (self.words.len() - start) as u32, next: NONE, value });
    }

    /// `plain_words` and `push_word` in one pass over an ASCII name. False,
    /// with some words pushed, when the name is not plain words.
    fn push_ascii_words(&mut self, name: &str) -> bool {
        for word in split(name, b' ') {
            let bytes = word.as_bytes();
            let Some(&first) = bytes.first() else { continue };
            let (mut letters, mut lower, mut hyphen) = (0, false, false);
            for (k, &b) in bytes.iter().enumerate() {
                if b.is_ascii_alphabetic() {
                    letters += 1;
                    lower |= b.is_ascii_lowercase();
                } else if b == b'-' && k > 0 && bytes.get(k + 1).is_some_and(u8::is_ascii_alphabetic) {
                    hyphen = true;
                } else if !(b.is_ascii_digit() && k > 0) {
                    return false;
                }
            }
            if hyphen && (first.is_ascii_lowercase() || clitics_start(word).is_some()) {
                return false;
            }
            let norm_start = self.text.len();
            self.text.push_str(word);
            self.text[norm_start..].make_ascii_lowercase();
            let cap = first.is_ascii_uppercase();
            let exact = (cap && letters <= 2) || (!lower && letters >= 2);
            self.push_word_as(word, norm_start, exact, cap);
        }
        true
    }

    /// Adds a word whose folded form was just written at `norm_start`.
    fn push_word(&mut self, text: &str, norm_start: usize) {
        let cap = is_capitalized(text);
        let short = cap && text.chars().filter(|c| c.is_alphabetic()).nth(2).is_none();
        let exact = self.case_sensitive && (short || is_all_caps(text));
        self.push_word_as(text, norm_start, exact, cap);
    }

    /// Adds a word, with its exact text when `exact` and the case rules
    /// apply.
    fn push_word_as(&mut self, text: &str, norm_start: usize, exact: bool, cap: bool) {
        let norm = (norm_start as u32, self.text.len() as u32);
        let mut exact_text = (norm.1, norm.1);
        if self.case_sensitive && exact {
            self.text.push_str(text);
            exact_text.1 = self.text.len() as u32;
        }
        self.words.push(Word { norm, exact: exact_text, cap: self.case_sensitive && cap });
    }

    fn str(&self, (a, b): (u32, u32)) -> &str {
        &self.text[a as usize..b as usize]
    }

    /// Whether the pattern matches the tokens from `i` (its first word's
    /// folded form is known to match).
    fn matches(&self, p: &Pattern<T>, tokens: &[Token], i: usize) -> bool {
        let words = &self.words[p.start as usize..(p.start + p.len) as usize];
        words.len() <= tokens.len() - i
            && words.iter().enumerate().all(|(k, w)| {
                let t = &tokens[i + k];
                (k == 0 || t.norm == self.str(w.norm))
                    && (w.exact.0 == w.exact.1 || t.text == self.str(w.exact))
                    && (!w.cap || is_capitalized(&t.text))
            })
    }

    /// Every name starting at token `i`, longest first.
    pub fn matches_at<'a>(&'a self, tokens: &[Token], i: usize) -> Vec<Hit<'a, T>> {
        let mut hits = Vec::new();
        let mut next = tokens.get(i).and_then(|t| self.by_first.get(&t.norm)).map_or(NONE, |&(head, _)| head);
        while next != NONE {
            let p = &self.patterns[next as usize];
            if self.matches(p, tokens, i) {
                hits.push(Hit { len: p.len as usize, value: &p.value });
            }
            next = p.next;
        }
        hits.sort_by_key(|h| std::cmp::Reverse(h.len));
        hits
    }

    /// Number of names.
    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    /// Whether there are no names.
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Token> {
        name_tokens(s)
    }

    #[test]
    fn longest_match_first_and_case_rules() {
        let mut g = Gazetteer::new(true);
        g.insert("Côte d'Ivoire", 1);
        g.insert("Côte", 2);
        g.insert("UE", 3);
        g.insert("mer Baltique", 4);
        let t = toks("la Côte d’Ivoire et l’UE en mer Baltique, pas la ue ni la côte");
        let hits = g.matches_at(&t, 1);
        assert_eq!(hits.iter().map(|h| (h.len, *h.value)).collect::<Vec<_>>(), [(3, 1), (1, 2)]);
        assert_eq!(*g.matches_at(&t, 6)[0].value, 3);
        assert_eq!(*g.matches_at(&t, 8)[0].value, 4);
        assert!(g.matches_at(&t, 13).is_empty(), "lowercase ue is not UE");
        assert!(g.matches_at(&t, 16).is_empty(), "lowercase côte is not a name");
    }

    #[test]
    fn plain_words_are_split_like_the_tokenizer() {
        for name in [
            "Mali",
            "Jean-Pierre Raffarin",
            "mer  Baltique ",
            "Ghazni2",
            "ŒUVRE",
            "a-t-il",
            "Peut-on",
            "Allez-y",
            "Jong-il",
            "sud-africain",
            "Côte d'Ivoire",
            "A--B",
            "X-1",
            "7e armée",
            "Saint-",
            "l'ONU",
            "Haute\u{a0}Cour",
            "www.x",
            "",
            " ",
        ] {
            let want: Vec<String> = name_tokens(name).into_iter().map(|t| t.text.to_string()).collect();
            if let Some(words) = plain_words(name) {
                assert_eq!(words.collect::<Vec<_>>(), want, "{name}");
            }
        }
        assert!(plain_words("Jean-Pierre").is_some() && plain_words("a-t-il").is_none());
        assert!(plain_words("Jong-il").is_some() && plain_words("Faut-il").is_none());
    }

    #[test]
    fn ascii_names_are_stored_as_the_tokenizer_splits_them() {
        let names = [
            "Mali",
            "UE",
            "Ue",
            "OTAN",
            "X",
            "x",
            "Jean-Pierre Raffarin",
            "mer  Baltique ",
            "Ghazni2",
            "G7",
            "a-t-il",
            "Peut-on",
            "Allez-y",
            "Jong-il",
            "sud-africain",
            "Cote d'Ivoire",
            "A--B",
            "X-1",
            "7e armee",
            "Saint-",
            "-Nord",
            "www.x",
            "",
            " ",
            "SA-b",
        ];
        for case_sensitive in [true, false] {
            let (mut fast, mut slow) = (Gazetteer::new(case_sensitive), Gazetteer::new(case_sensitive));
            for (v, name) in names.iter().enumerate() {
                fast.insert(name, v);
                for t in name_tokens(name) {
                    let norm_start = slow.text.len();
                    slow.text.push_str(&t.norm);
                    slow.push_word(&t.text, norm_start);
                }
            }
            let words = |g: &Gazetteer<usize>| {
                g.words
                    .iter()
                    .map(|w| (g.str(w.norm).to_string(), g.str(w.exact).to_string(), w.cap))
                    .collect::<Vec<_>>()
            };
            assert_eq!(words(&fast), words(&slow));
        }
    }

    #[test]
    fn chains_keep_insertion_order_within_a_length() {
        let mut g = Gazetteer::new(false);
        for (name, v) in [("nord", 1), ("nord est", 2), ("Nord", 3), ("nord ouest", 4), ("sud", 5)] {
            g.insert(name, v);
        }
        g.insert("", 9);
        let t = toks("nord est");
        assert_eq!(g.matches_at(&t, 0).iter().map(|h| *h.value).collect::<Vec<_>>(), [2, 1, 3]);
        assert_eq!((g.len(), g.matches_at(&t, 2).len()), (5, 0));
    }
}
