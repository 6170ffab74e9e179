//! Repairs of the tagger's output that the names of a sentence make
//! certain, applied before chunking:
//! - a capitalized word inside a name is a proper noun ("Claire/ADJ Roux/ADJ"
//!   inside a person's name);
//! - right after a name, a lowercase word the tagger read as an adjective
//!   but that the lexicon knows as a finite verb is that verb ("La Chine
//!   dément", "l'artillerie russe pilonne Kherson");
//! - a title is nouns ("le chargé d'affaires": no verb "chargé"), and so
//!   is a word after a determiner that the lexicon knows as a noun;
//! - an unknown word with a verb's ending between a noun phrase and its
//!   object is a verb;
//! - right after a finite "être", a word read as a finite verb that the
//!   lexicon also knows as an adjective or a participle is the attribute
//!   ("était présente à Genève"): two finite verbs do not follow each other.

use super::parse::Atom;
use super::{Mood, Tag, Upos, VerbForm};
use crate::lexicon::morph::Morph;
use crate::text::Token;

/// Repairs `tags` in place; `nominal` are token ranges known to be noun
/// phrases (titles: "le chargé d'affaires", "la porte-parole").
pub fn repair(tokens: &[Token], tags: &mut [Tag], atoms: &[Atom], nominal: &[(usize, usize)]) {
    let morph = Morph::builtin();
    for &(a, b) in nominal {
        for t in a..b.min(tags.len()) {
            if matches!(tags[t].upos, Upos::Verb | Upos::Aux) {
                let noun = morph.lookup_word(&tokens[t].text).find(|x| x.upos == Upos::Noun);
                tags[t] = match noun {
                    Some(x) => Tag { upos: Upos::Noun, feats: x.feats, lemma: x.lemma },
                    None => Tag { upos: Upos::Noun, ..tags[t] },
                };
            }
        }
    }
    for at in atoms {
        for t in at.a..at.b.min(tags.len()) {
            if tokens[t].is_cap() && matches!(tags[t].upos, Upos::Adj | Upos::Noun | Upos::Verb | Upos::X) {
                tags[t].upos = Upos::Propn;
            }
        }
        let next = at.b;
        // "Paul Girard juge que …": a noun reading before "que", a determiner
        // or a pronoun is the verb too.
        let verb_context = tokens.get(next + 1).is_some_and(|t| matches!(t.norm.as_str(), "que" | "qu'"))
            || tags.get(next + 1).is_some_and(|t| matches!(t.upos, Upos::Det | Upos::Pron | Upos::Adp));
        let suspect = tags.get(next).is_some_and(|t| t.upos == Upos::Adj || (t.upos == Upos::Noun && verb_context));
        if next < tags.len() && suspect && !tokens[next].is_cap() {
            // A nationality after a name stays an adjective ("la Corée du Nord voisine" aside).
            if let Some(a) = morph
                .lookup_word(&tokens[next].text)
                .find(|a| a.upos == Upos::Verb && a.feats.verb_form == VerbForm::Fin && a.feats.mood == Mood::Ind)
            {
                tags[next] = Tag { upos: Upos::Verb, feats: a.feats, lemma: a.lemma };
            }
        }
    }
    // A word read as an adjective between a noun and a name or a determiner
    // is the verb ("l'artillerie russe pilonne Kherson").
    for t in 1..tags.len().saturating_sub(1) {
        let before_object = atoms.iter().any(|at| at.a == t + 1) || tags[t + 1].upos == Upos::Det;
        if tags[t].upos == Upos::Adj
            && !tokens[t].is_cap()
            && before_object
            && matches!(tags[t - 1].upos, Upos::Noun | Upos::Adj)
        {
            if let Some(a) = morph
                .lookup_word(&tokens[t].text)
                .find(|a| a.upos == Upos::Verb && a.feats.verb_form == VerbForm::Fin && a.feats.mood == Mood::Ind)
            {
                tags[t] = Tag { upos: Upos::Verb, feats: a.feats, lemma: a.lemma };
            }
        }
    }
    // A word read as a verb right after a determiner is a noun when the
    // lexicon knows it as one ("leur poussée", "la frappe").
    for t in 1..tags.len() {
        if tags[t - 1].upos == Upos::Det && matches!(tags[t].upos, Upos::Verb | Upos::Aux) {
            if let Some(a) = morph.lookup_word(&tokens[t].text).find(|a| a.upos == Upos::Noun) {
                tags[t] = Tag { upos: Upos::Noun, feats: a.feats, lemma: a.lemma };
            }
        }
    }
    // An unknown lowercase word between a noun phrase and a name or a
    // determiner, with a verb's ending, is a verb ("l'artillerie pilonne Kherson").
    for t in 1..tags.len().saturating_sub(1) {
        let before_object = atoms.iter().any(|at| at.a == t + 1) || tags[t + 1].upos == Upos::Det;
        let unknown = tags[t].lemma.is_empty() && !tokens[t].is_cap() && matches!(tags[t].upos, Upos::Adj | Upos::Noun);
        let ending = tokens[t].norm.ends_with('e') || tokens[t].norm.ends_with("ent");
        if unknown && ending && before_object && matches!(tags[t - 1].upos, Upos::Noun | Upos::Adj | Upos::Propn) {
            let plural = tokens[t].norm.ends_with("ent");
            tags[t].upos = Upos::Verb;
            tags[t].feats = super::Feats {
                verb_form: VerbForm::Fin,
                mood: Mood::Ind,
                tense: super::Tense::Pres,
                person: 3,
                number: if plural { super::Num::Plur } else { super::Num::Sing },
                ..super::Feats::default()
            };
        }
    }
    for t in 1..tags.len() {
        let prev = tags[t - 1];
        let copula = prev.lemma == "être" && prev.feats.verb_form == VerbForm::Fin;
        if copula && tags[t].upos == Upos::Verb && tags[t].feats.verb_form == VerbForm::Fin {
            let attribute = morph
                .lookup_word(&tokens[t].text)
                .find(|a| a.upos == Upos::Adj || (a.upos == Upos::Verb && a.feats.verb_form == VerbForm::Part));
            if let Some(a) = attribute {
                tags[t] = Tag { upos: a.upos, feats: a.feats, lemma: a.lemma };
            }
        }
    }
}
