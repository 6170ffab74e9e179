//! Longest match of multi-word names over tokens.
//!
//! Names are tokenized with the same tokenizer as the text, and matched on
//! folded forms. Case still matters where it carries meaning: a capitalized
//! word of the name must be capitalized in the text ("Nice" the city, not
//! "nice"), and acronyms and very short words must match exactly ("UE", not
//! "ue"). Lowercase words of a name ("du", "mer") match in any case.

use super::fasthash::FastMap;

use crate::text::{is_all_caps, is_capitalized, tokenize_at, Span, Token};

#[derive(Debug, Clone)]
struct Pattern<T> {
    words: Vec<Word>,
    value: T,
}

/// One word of a name.
#[derive(Debug, Clone)]
struct Word {
    norm: String,
    /// `Some(text)` when the text must match exactly, `None` for folded.
    exact: Option<String>,
    /// Whether the text word must be capitalized.
    cap: bool,
}

/// A set of names, each with a value.
#[derive(Debug, Clone)]
pub struct Gazetteer<T> {
    by_first: FastMap<String, Vec<Pattern<T>>>,
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

impl<T: Clone> Gazetteer<T> {
    /// An empty gazetteer. `case_sensitive` applies the capitalization rules
    /// above (proper names); without it only folded forms are compared
    /// (titles, common nouns).
    pub fn new(case_sensitive: bool) -> Self {
        Gazetteer { by_first: FastMap::default(), case_sensitive }
    }

    /// Adds a name. Empty names are ignored.
    pub fn insert(&mut self, name: &str, value: T) {
        let toks = name_tokens(name);
        if toks.is_empty() {
            return;
        }
        let words: Vec<Word> = toks
            .into_iter()
            .map(|t| {
                let capitalized = is_capitalized(&t.text);
                let short = capitalized && t.text.chars().filter(|c| c.is_alphabetic()).count() <= 2;
                let exact = (self.case_sensitive && (short || is_all_caps(&t.text))).then_some(t.text);
                Word { norm: t.norm, exact, cap: self.case_sensitive && capitalized }
            })
            .collect();
        let pattern = Pattern { words, value };
        // Clone the key only for a first word not seen before.
        match self.by_first.get_mut(&pattern.words[0].norm) {
            Some(list) => list.push(pattern),
            None => {
                self.by_first.insert(pattern.words[0].norm.clone(), vec![pattern]);
            }
        }
    }

    /// Every name starting at token `i`, longest first.
    pub fn matches_at<'a>(&'a self, tokens: &[Token], i: usize) -> Vec<Hit<'a, T>> {
        let Some(first) = tokens.get(i) else { return Vec::new() };
        let Some(cands) = self.by_first.get(&first.norm) else { return Vec::new() };
        let mut hits: Vec<Hit<T>> = cands
            .iter()
            .filter(|p| {
                p.words.len() <= tokens.len() - i
                    && p.words.iter().enumerate().all(|(k, w)| {
                        let t = &tokens[i + k];
                        t.norm == w.norm
                            && w.exact.as_ref().is_none_or(|e| *e == t.text)
                            && (!w.cap || is_capitalized(&t.text))
                    })
            })
            .map(|p| Hit { len: p.words.len(), value: &p.value })
            .collect();
        hits.sort_by_key(|h| std::cmp::Reverse(h.len));
        hits
    }

    /// Number of names.
    pub fn len(&self) -> usize {
        self.by_first.values().map(Vec::len).sum()
    }

    /// Whether there are no names.
    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
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
}
