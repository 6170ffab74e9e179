//! People across documents: one node per real person.
//!
//! Full names (two words or more) found anywhere in the corpus form the
//! registry; spelling variants of one name join when every word matches up
//! to transliteration (Kovalenko / Kovalenco, Tchaikovsky / Tchaikovski). A mention of
//! a single word (a surname, "Park", "Lovelace") joins the one person of its
//! document, then of the corpus, whose name holds that word; when several
//! people share it and the document does not tell them apart, the mention
//! is left unresolved rather than merged blindly.

use std::collections::HashMap;

use crate::text::fold;

/// One person of the registry.
#[derive(Debug, Clone)]
pub struct Person {
    /// The node id, from the first spelling seen.
    pub id: String,
    /// The words of the first spelling seen, folded.
    pub key: Vec<String>,
    /// Transliteration keys of those words, for matching.
    tkeys: Vec<String>,
    /// Spellings seen, in first-seen order.
    pub spellings: Vec<String>,
    /// Documents the full name appears in.
    pub docs: Vec<usize>,
    /// Whether the first word is a given name (then it never stands alone).
    pub given_first: bool,
    /// How many times the full name was read.
    pub count: usize,
}

/// A key for comparing transliterations: folded, y→i, no doubled letters,
/// and the spelling endings French and English press write differently.
pub fn translit(word: &str) -> String {
    let f = fold(word).replace('y', "i").replace("ou", "u").replace("kh", "h").replace('j', "i");
    let mut out = String::with_capacity(f.len());
    for c in f.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// A key with one byte deleted, for each byte past the first (spellings
/// one edit apart keep their first byte).
fn deletions(key: &[u8]) -> impl Iterator<Item = Vec<u8>> + '_ {
    (1..key.len()).map(move |i| {
        let mut v = Vec::with_capacity(key.len() - 1);
        v.extend_from_slice(&key[..i]);
        v.extend_from_slice(&key[i + 1..]);
        v
    })
}

/// Whether two keys are at most one edit apart (insert, delete or
/// substitute one byte, or swap two neighbours: "Nordahl", "Nordhal"),
/// without allocating. A swap shares a deletion with its original, so
/// `Registry::near_keys` finds it through `by_variant`.
fn within_one_edit(a: &[u8], b: &[u8]) -> bool {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if b.len() - a.len() > 1 {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if a.len() == b.len() {
        let swapped = prefix + 1 < a.len()
            && a[prefix] == b[prefix + 1]
            && a[prefix + 1] == b[prefix]
            && a[prefix + 2..] == b[prefix + 2..];
        swapped || a[prefix + 1.min(a.len() - prefix)..] == b[prefix + 1.min(b.len() - prefix)..]
    } else {
        a[prefix..] == b[prefix + 1..]
    }
}

/// Whether two transliteration keys are spellings of one name word.
fn same_key(x: &str, y: &str) -> bool {
    if x == y {
        return true;
    }
    x.len() >= 5 && y.len() >= 5 && x.as_bytes()[0] == y.as_bytes()[0] && within_one_edit(x.as_bytes(), y.as_bytes())
}

/// Whether two words are spellings of one name.
pub fn same_word(a: &str, b: &str) -> bool {
    same_key(&translit(a), &translit(b))
}

/// Short French words that scraped text glues to the name before them
/// (the end of a caption, "par" of a byline), as transliteration keys.
const GLUED_WORDS: &[&str] = &["par", "pour", "et", "selon", "avec", "dans", "sur", "qui", "que", "les", "le", "la"];

/// Whether every key of `part` is found in `whole`, in the same order.
fn in_order(part: &[String], whole: &[String]) -> bool {
    let mut rest = whole.iter();
    part.iter().all(|k| rest.any(|w| same_key(w, k)))
}

/// All people of a corpus, indexed by the keys of their name words.
#[derive(Debug, Default)]
pub struct Registry {
    /// The people, in first-seen order.
    pub people: Vec<Person>,
    /// Word key → (person, position of the word in the name).
    by_key: HashMap<String, Vec<(usize, usize)>>,
    /// Node id → person.
    by_id: HashMap<String, usize>,
    /// A word key of five bytes or more, and each of it with one byte
    /// deleted past the first → the keys, for spelling variants: two keys
    /// one edit apart share one of these.
    by_variant: HashMap<Vec<u8>, Vec<String>>,
    /// Person → the person it is a shorter writing of ("Ruiz Zabala" of
    /// "Tomás Ruiz Zabala").
    redirect: HashMap<usize, usize>,
}

impl Registry {
    /// Word keys equal to `tkey` or one edit away from it.
    fn near_keys(&self, tkey: &str) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        if let Some((k, _)) = self.by_key.get_key_value(tkey) {
            out.push(k);
        }
        if tkey.len() >= 5 {
            let variants = deletions(tkey.as_bytes()).map(|v| self.by_variant.get(&v));
            for keys in std::iter::once(self.by_variant.get(tkey.as_bytes())).chain(variants) {
                for k in keys.into_iter().flatten() {
                    crate::work::add(1);
                    // Keys of this shape share a first byte (see `same_key`).
                    if k != tkey && same_key(k, tkey) && !out.contains(&k.as_str()) {
                        out.push(k.as_str());
                    }
                }
            }
        }
        out
    }

    /// The person whose full name matches `tkeys` word for word.
    fn find_full(&self, tkeys: &[String]) -> Option<usize> {
        let first = tkeys.first()?;
        let mut cands: Vec<usize> = self
            .near_keys(first)
            .iter()
            .flat_map(|k| self.by_key[*k].iter().filter(|(_, pos)| *pos == 0).map(|(p, _)| *p))
            .collect();
        cands.sort_unstable();
        cands.dedup();
        cands.into_iter().find(|&p| {
            let person = &self.people[p];
            person.tkeys.len() == tkeys.len() && person.tkeys.iter().zip(tkeys).all(|(a, b)| same_key(a, b))
        })
    }

    /// Adds a full name seen in document `doc`; returns its person.
    pub fn add_full(&mut self, words: &[String], doc: usize, given_first: bool) -> usize {
        let spelled = words.join(" ");
        let tkeys: Vec<String> = words.iter().map(|w| translit(w)).collect();
        let idx = match self.find_full(&tkeys) {
            Some(i) => i,
            None => {
                let idx = self.people.len();
                for (pos, k) in tkeys.iter().enumerate() {
                    let entry = self.by_key.entry(k.clone()).or_default();
                    if entry.is_empty() && k.len() >= 5 {
                        self.by_variant.entry(k.as_bytes().to_vec()).or_default().push(k.clone());
                        for v in deletions(k.as_bytes()) {
                            let keys = self.by_variant.entry(v).or_default();
                            if !keys.contains(k) {
                                keys.push(k.clone());
                            }
                        }
                    }
                    entry.push((idx, pos));
                }
                let key = words.iter().map(|w| fold(w)).collect();
                let id = crate::graph::node_id(crate::ontology::NodeKind::Person, &spelled);
                self.by_id.insert(id.clone(), idx);
                self.people.push(Person {
                    id,
                    key,
                    tkeys,
                    spellings: Vec::new(),
                    docs: Vec::new(),
                    given_first,
                    count: 0,
                });
                idx
            }
        };
        let p = &mut self.people[idx];
        p.count += 1;
        if !p.spellings.contains(&spelled) {
            p.spellings.push(spelled);
        }
        if let Err(k) = p.docs.binary_search(&doc) {
            p.docs.insert(k, doc);
        }
        idx
    }

    /// The person with this node id.
    pub fn by_id(&self, id: &str) -> Option<&Person> {
        self.by_id.get(id).map(|&i| &self.people[self.canonical(i)])
    }

    /// The person a registered name stands for, after the merges of `join_tails`.
    pub fn canonical(&self, p: usize) -> usize {
        let mut p = p;
        for _ in 0..4 {
            match self.redirect.get(&p) {
                Some(&q) => p = q,
                None => break,
            }
        }
        p
    }

    /// A name that is the end of exactly one longer name is that person:
    /// "Ruiz Zabala" and "Le Goff" are "Tomás Ruiz Zabala" and
    /// "Yann Le Goff" when no one else carries those words. A name whose
    /// first word is a given name ("Anna Smith") is a full name of its own.
    pub fn join_tails(&mut self) {
        self.join_glued();
        self.join_without_middle();
        for p in 0..self.people.len() {
            if self.redirect.contains_key(&p) {
                continue;
            }
            let short = &self.people[p];
            // "Ben Laden", "El Khomri", "Van Gogh": a particle that is also
            // a given name opens the end of a longer name.
            let particle_first = short.key.first().is_some_and(|w| {
                crate::extract::words::NAME_PARTICLES.contains(&w.as_str())
                    || matches!(w.as_str(), "abou" | "abu" | "ould")
            });
            if short.given_first && !particle_first || short.tkeys.len() < 2 {
                continue;
            }
            let n = short.tkeys.len();
            let ends_with_it = |long: &Person| {
                long.tkeys[long.tkeys.len() - n..].iter().zip(&short.tkeys).all(|(a, b)| same_key(a, b))
            };
            if let Some(q) = self.only_longer(p, ends_with_it) {
                self.redirect.insert(p, q);
            }
        }
        for (p, q) in self.redirect.clone() {
            let spellings = self.people[p].spellings.clone();
            let docs = self.people[p].docs.clone();
            let count = self.people[p].count;
            let q = self.canonical(q);
            let target = &mut self.people[q];
            target.count += count;
            for sp in spellings {
                if !target.spellings.contains(&sp) {
                    target.spellings.push(sp);
                }
            }
            for d in docs {
                if let Err(k) = target.docs.binary_search(&d) {
                    target.docs.insert(k, d);
                }
            }
        }
    }

    /// A name whose last word is another person's last word with a French
    /// word glued to it by scraped text ("Anne Durandpar", "Paul Lefortet")
    /// is that person when the name without it was read at least as often.
    fn join_glued(&mut self) {
        for p in 0..self.people.len() {
            let person = &self.people[p];
            let Some(last) = person.tkeys.last() else { continue };
            let Some(stem) = GLUED_WORDS.iter().find_map(|w| last.strip_suffix(w).filter(|s| s.len() >= 4)) else {
                continue;
            };
            let mut keys = person.tkeys.clone();
            *keys.last_mut().expect("a last word") = stem.to_string();
            let count = person.count;
            if let Some(q) = self.find_full(&keys).filter(|&q| q != p && self.people[q].count >= count) {
                self.redirect.insert(p, q);
            }
        }
    }

    /// A full name that is exactly one longer name without some of its
    /// middle words is that person: "Anne Durand" is "Anne Claire Durand"
    /// when no one else is both Anne and Durand with more names between.
    fn join_without_middle(&mut self) {
        for p in 0..self.people.len() {
            let short = &self.people[p];
            let n = short.tkeys.len();
            if n < 2 || !short.given_first || self.redirect.contains_key(&p) {
                continue;
            }
            let middle_dropped = |long: &Person| {
                let m = long.tkeys.len();
                long.given_first
                    && long.tkeys[0] == short.tkeys[0]
                    && in_order(&short.tkeys[1..n - 1], &long.tkeys[1..m - 1])
            };
            if let Some(q) = self.only_longer(p, middle_dropped) {
                self.redirect.insert(p, q);
            }
        }
    }

    /// The one person whose name is longer than `p`'s, ends with a spelling
    /// of its last word and `fits`; `None` when there are none or several.
    fn only_longer(&self, p: usize, fits: impl Fn(&Person) -> bool) -> Option<usize> {
        let short = &self.people[p];
        let n = short.tkeys.len();
        let mut longer: Vec<usize> = self
            .near_keys(&short.tkeys[n - 1])
            .iter()
            .flat_map(|k| self.by_key[*k].iter())
            .filter(|&&(q, pos)| {
                crate::work::add(1);
                let long = &self.people[q];
                q != p && long.tkeys.len() > n && pos == long.tkeys.len() - 1 && fits(long)
            })
            .map(|&(q, _)| q)
            .collect();
        longer.sort_unstable();
        longer.dedup();
        match longer[..] {
            [q] => Some(q),
            _ => None,
        }
    }

    /// Whether some person's name holds this word (in any position).
    pub fn knows_word(&self, word: &str) -> bool {
        !self.near_keys(&translit(word)).is_empty()
    }

    /// The people whose name holds a single word, as it may stand alone
    /// for them; spellings one edit away count only when `fuzzy`.
    pub fn holders(&self, word: &str, fuzzy: bool) -> Vec<usize> {
        let tkey = translit(word);
        let keys: Vec<&str> = if fuzzy {
            self.near_keys(&tkey)
        } else {
            self.by_key.get_key_value(tkey.as_str()).map(|(k, _)| k.as_str()).into_iter().collect()
        };
        let mut holds: Vec<usize> = keys
            .iter()
            .flat_map(|k| self.by_key[*k].iter())
            .filter(|(p, pos)| {
                crate::work::add(1);
                // A leading given name never stands alone for the person
                // (names written surname first, as East Asian names are, have
                // no given name first: see `add_full`). Nor does the place of
                // "Grégoire de Tours", "Aliénor d'Aquitaine".
                let person = &self.people[*p];
                let leading_given = *pos == 0 && person.given_first;
                let place_of = *pos > 0 && matches!(person.key[*pos - 1].as_str(), "de" | "d'" | "du");
                !leading_given && !place_of
            })
            .map(|(p, _)| self.canonical(*p))
            .collect();
        holds.sort_unstable();
        holds.dedup();
        holds
    }

    /// The person a single word names in document `doc`, if it is clear:
    /// the one of the document, else the one of the corpus, else the one
    /// who stands out (named in full three times as often as all the
    /// others together: the president, not his namesakes).
    pub fn resolve_word(&self, word: &str, doc: usize) -> Option<usize> {
        self.resolve_word_with(word, doc, true)
    }

    /// `resolve_word`, with spellings one edit away only when `fuzzy`.
    pub fn resolve_word_with(&self, word: &str, doc: usize, fuzzy: bool) -> Option<usize> {
        let holds = self.holders(word, fuzzy);
        let here: Vec<usize> =
            holds.iter().copied().filter(|&i| self.people[i].docs.binary_search(&doc).is_ok()).collect();
        match (here.as_slice(), holds.as_slice()) {
            ([one], _) => Some(*one),
            ([], [one]) => Some(*one),
            (_, []) => None,
            _ => self.standing_out(if here.is_empty() { &holds } else { &here }),
        }
    }

    /// Among people sharing a word, the one named in full at least three
    /// times as often as the others together, and three times or more.
    pub fn standing_out(&self, cands: &[usize]) -> Option<usize> {
        let top = *cands.iter().max_by_key(|&&p| (self.people[p].count, std::cmp::Reverse(p)))?;
        let rest: usize = cands.iter().filter(|&&p| p != top).map(|&p| self.people[p].count).sum();
        let n = self.people[top].count;
        (n >= 3 && n >= 3 * rest.max(1)).then_some(top)
    }

    /// The person a multi-word name names, if registered.
    pub fn resolve_full(&self, words: &[String]) -> Option<usize> {
        let tkeys: Vec<String> = words.iter().map(|w| translit(w)).collect();
        self.find_full(&tkeys).map(|p| self.canonical(p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(String::from).collect()
    }

    #[test]
    fn one_edit_apart() {
        assert!(within_one_edit(b"kovalienko", b"kovalenko"));
        assert!(within_one_edit(b"tchaikovski", b"tchaikovska"));
        assert!(within_one_edit(b"abc", b"abc"));
        assert!(within_one_edit(b"abcd", b"abdc"));
        assert!(within_one_edit(b"nordahl", b"nordhal"));
        assert!(!within_one_edit(b"abcd", b"badc"));
        assert!(!within_one_edit(b"abcde", b"acbed"));
        assert!(!within_one_edit(b"abc", b"a"));
    }

    #[test]
    fn spelling_variants_join() {
        let mut r = Registry::default();
        let a = r.add_full(&words("Andriy Kovalenko"), 0, true);
        let b = r.add_full(&words("Andrii Kovalenco"), 1, true);
        let c = r.add_full(&words("Olena Kovalenko"), 1, true);
        assert_eq!(a, b);
        assert_ne!(a, c);
        // A word glued to the name by scraped text.
        let e = r.add_full(&words("Bérengère Moulard"), 4, true);
        r.add_full(&words("Bérengère Moulard"), 5, true);
        let glued = r.add_full(&words("Bérengère Moulardpar"), 6, true);
        let unknown = r.add_full(&words("Bérengère Ardpar"), 6, true);
        r.join_tails();
        assert_eq!(r.canonical(glued), e);
        assert_eq!(r.canonical(unknown), unknown);
        // A full name without its middle name, when one longer name fits.
        let long = r.add_full(&words("Aurélien Marc Vasseur"), 7, true);
        let short = r.add_full(&words("Aurélien Vasseur"), 8, true);
        let other = r.add_full(&words("Paul Vasseur"), 8, true);
        let two = r.add_full(&words("Odile Jeanne Prat"), 9, true);
        r.add_full(&words("Odile Marie Prat"), 9, true);
        let ambiguous = r.add_full(&words("Odile Prat"), 9, true);
        r.join_tails();
        assert_eq!(r.canonical(short), long);
        assert_eq!(r.canonical(other), other);
        assert_eq!(r.canonical(ambiguous), ambiguous);
        assert_ne!(r.canonical(two), r.canonical(ambiguous));
        // Two letters swapped by a typist.
        let d = r.add_full(&words("Gwendahl Trélivan"), 2, true);
        assert_eq!(r.add_full(&words("Gwendhal Trélivan"), 3, true), d);
        assert!(same_word("Tchaikovsky", "Tchaikovski"));
        assert!(!same_word("Kim", "Kin"));
    }

    #[test]
    fn a_name_ending_one_longer_name_is_that_person() {
        let mut r = Registry::default();
        let full = r.add_full(&words("Tomás Ruiz Zabala"), 0, true);
        let short = r.add_full(&words("Ruiz Zabala"), 1, false);
        let other = r.add_full(&words("Ana Zabala"), 1, true);
        r.join_tails();
        assert_eq!(r.resolve_full(&words("Ruiz Zabala")), Some(full));
        assert_eq!(r.canonical(short), full);
        assert_ne!(r.canonical(other), full);
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
        // One who stands out among namesakes takes the lone surname.
        for d in 3..9 {
            r.add_full(&words("Park Ji Hoon"), d, false);
        }
        assert_eq!(r.resolve_word("Park", 20), Some(park_a), "named far more often");
        assert_eq!(r.resolve_word("Smith", 3), Some(smith));
        assert_eq!(r.resolve_word("Anna", 0), None, "a given name alone is not the person");
        let marine = r.add_full(&words("Marine Le Pen"), 0, true);
        assert_eq!(r.resolve_word("Marine", 0), None, "nor in a name of three words");
        assert_eq!(r.resolve_word("Pen", 0), Some(marine));
        // Spellings one edit away join a lone word only when asked.
        assert_eq!(r.resolve_word_with("Smitz", 0, false), None);
        assert_eq!(r.resolve_word_with("Smitz", 0, true), Some(smith));
        r.add_full(&words("Grégoire de Tours"), 0, true);
        assert_eq!(r.resolve_word("Tours", 0), None, "the place after de is not the person");
    }
}
