//! People across documents: one node per real person.
//!
//! Full names (two words or more) found anywhere in the corpus form the
//! registry; spelling variants of one name join when every word matches up
//! to transliteration (Umerov / Umyerov, Zelensky / Zelenski). A mention of
//! a single word (a surname, "Kim", "Austin") joins the one person of its
//! document, then of the corpus, whose name holds that word; when several
//! people share it and the document does not tell them apart, the mention
//! is left unresolved rather than merged blindly.

use crate::text::fold;

/// One person of the registry.
#[derive(Debug, Clone)]
pub struct Person {
    /// The words of the fullest spelling seen, folded.
    pub key: Vec<String>,
    /// Spellings seen, in first-seen order.
    pub spellings: Vec<String>,
    /// Documents the full name appears in.
    pub docs: Vec<usize>,
    /// Whether the first word is a given name (then it never stands alone).
    pub given_first: bool,
}

/// A key for comparing transliterations: folded, y→i, no doubled letters,
/// and the spelling endings French and English press write differently.
pub fn translit(word: &str) -> String {
    let f = fold(word).replace('y', "i").replace("ou", "u").replace("kh", "h").replace("j", "i");
    let mut out = String::with_capacity(f.len());
    for c in f.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Edit distance, for word keys of a few letters.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Whether two words are spellings of one name.
pub fn same_word(a: &str, b: &str) -> bool {
    let (x, y) = (translit(a), translit(b));
    x == y
        || (x.chars().count() >= 5
            && y.chars().count() >= 5
            && distance(&x, &y) <= 1
            && x.chars().next() == y.chars().next())
}

/// All people of a corpus.
#[derive(Debug, Default)]
pub struct Registry {
    /// The people, in first-seen order.
    pub people: Vec<Person>,
}

impl Registry {
    /// Adds a full name seen in document `doc`; returns its person.
    pub fn add_full(&mut self, words: &[String], doc: usize, given_first: bool) -> usize {
        let spelled = words.join(" ");
        let key: Vec<String> = words.iter().map(|w| fold(w)).collect();
        let found = self
            .people
            .iter()
            .position(|p| p.key.len() == key.len() && p.key.iter().zip(&key).all(|(a, b)| same_word(a, b)));
        let idx = match found {
            Some(i) => i,
            None => {
                self.people.push(Person { key, spellings: Vec::new(), docs: Vec::new(), given_first });
                self.people.len() - 1
            }
        };
        let p = &mut self.people[idx];
        if !p.spellings.contains(&spelled) {
            p.spellings.push(spelled);
        }
        if !p.docs.contains(&doc) {
            p.docs.push(doc);
        }
        idx
    }

    /// The person a single word names in document `doc`, if it is clear.
    pub fn resolve_word(&self, word: &str, doc: usize) -> Option<usize> {
        let holds: Vec<usize> = (0..self.people.len())
            .filter(|&i| {
                let p = &self.people[i];
                // A leading given name never stands alone for the person, except
                // in names of three words or more, written surname first
                // ("Park Jin Woo") as East Asian names are.
                let skip = usize::from(p.given_first && p.key.len() < 3);
                p.key.iter().skip(skip).any(|w| same_word(w, word))
            })
            .collect();
        let here: Vec<usize> = holds.iter().copied().filter(|&i| self.people[i].docs.contains(&doc)).collect();
        match (here.as_slice(), holds.as_slice()) {
            ([one], _) => Some(*one),
            ([], [one]) => Some(*one),
            _ => None,
        }
    }

    /// The person a multi-word name names, if registered.
    pub fn resolve_full(&self, words: &[String]) -> Option<usize> {
        self.people
            .iter()
            .position(|p| p.key.len() == words.len() && p.key.iter().zip(words).all(|(a, b)| same_word(a, b)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(String::from).collect()
    }

    #[test]
    fn spelling_variants_join() {
        let mut r = Registry::default();
        let a = r.add_full(&words("Rustam Oumerov"), 0, true);
        let b = r.add_full(&words("Rustam Umerov"), 1, true);
        let c = r.add_full(&words("Olena Zelenska"), 1, true);
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert!(same_word("Zelensky", "Zelenski"));
        assert!(!same_word("Kim", "Kin"));
    }

    #[test]
    fn shared_surname_resolves_by_document_or_not_at_all() {
        let mut r = Registry::default();
        let park_a = r.add_full(&words("Park Ji Hoon"), 0, false);
        let park_b = r.add_full(&words("Park Min Seo"), 1, false);
        let smith = r.add_full(&words("Anna Smith"), 0, true);
        assert_eq!(r.resolve_word("Park", 0), Some(park_a));
        assert_eq!(r.resolve_word("Park", 1), Some(park_b));
        assert_eq!(r.resolve_word("Park", 2), None, "two Parks elsewhere: left unresolved");
        assert_eq!(r.resolve_word("Smith", 3), Some(smith));
        assert_eq!(r.resolve_word("Anna", 0), None, "a given name alone is not the person");
    }
}
