//! One node per thing: an acronym given in parentheses after a name ("le
//! Front de libération de l'Azawad (FLA)"), or a name in parentheses after
//! an acronym ("le FLA (Front de libération de l'Azawad)"), is an alias of
//! it. The acronym then stands for that name wherever the document writes
//! it alone, and across the corpus when no document gives it another
//! meaning.
//!
//! A document's own pairs are read in the first pass, while its tokens are
//! there (`local`); the corpus's acronyms after every document is read and
//! before people are registered (`unify`), on the mentions and the words
//! written as acronyms only: it rewrites targets and adds the mentions of
//! the acronym the sentence rules could not read alone ("KDF a annoncé").

use indexmap::IndexMap;

use super::mention::{Mention, Ref};
use super::ReadDoc;
use crate::graph::node_id;
use crate::ontology::NodeKind;
use crate::text::{is_capitalized, Span, TokKind, Token};

/// Words that take no part in an acronym: "Front de libération de l'Azawad" is FLA.
const SKIPPED: &[&str] = &[
    "de", "des", "du", "d'", "la", "le", "les", "l'", "pour", "et", "en", "a", "au", "aux", "sur", "of", "the", "and",
    "for",
];

/// Whether a token can be an acronym: 2 to 8 capitals (a digit or "&" inside).
fn acronym_like(t: &Token) -> bool {
    t.kind == TokKind::Word && acronym_text(&t.text)
}

/// Whether a word is written as an acronym is (`acronym_like`, whatever its kind).
fn acronym_text(text: &str) -> bool {
    let n = text.chars().count();
    (2..=8).contains(&n)
        && text.chars().next().is_some_and(char::is_uppercase)
        && text.chars().filter(|c| c.is_uppercase()).count() >= 2
        && text.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '&' || c.is_lowercase() && n >= 4)
}

/// A word of a sentence written as an acronym is: what the corpus's
/// acronyms need of the tokens once they are dropped.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Word {
    /// Its token.
    pub k: usize,
    /// Where it stands.
    pub span: Span,
    /// Its text.
    pub text: String,
}

/// The words of a sentence written as acronyms are, in order.
pub fn words(toks: &[Token]) -> Vec<Word> {
    toks.iter()
        .enumerate()
        .filter(|(_, t)| acronym_text(&t.text))
        .map(|(k, t)| Word { k, span: t.span, text: t.text.to_string() })
        .collect()
}

/// The capitals of an acronym, in order.
fn letters(acr: &str) -> Vec<char> {
    acr.chars().filter(|c| c.is_uppercase()).collect()
}

/// Whether the words `toks` spell the acronym by their initials, in order
/// or (for three letters or more, as English acronyms of French names go)
/// in another order: "Armée nationale" is AN, "Forces de défense du
/// Kenya" is KDF.
fn spells(toks: &[Token], acr: &str) -> bool {
    let want = letters(acr);
    let initials = |split: bool| -> Vec<char> {
        let mut out = Vec::new();
        for t in toks.iter().filter(|t| t.kind == TokKind::Word && !SKIPPED.contains(&t.norm.as_str())) {
            let parts: Vec<&str> = if split { t.text.split('-').collect() } else { vec![t.text.as_str()] };
            for p in parts {
                if let Some(c) = p.chars().next() {
                    out.extend(c.to_uppercase());
                }
            }
        }
        out
    };
    [false, true].into_iter().any(|split| {
        let got = initials(split);
        if got == want {
            return true;
        }
        let (mut a, mut b) = (got.clone(), want.clone());
        a.sort_unstable();
        b.sort_unstable();
        want.len() >= 3 && a == b
    })
}

/// Whether a target is known from the lexicon (a state, a listed organization).
fn known(r: &Ref) -> bool {
    matches!(r, Ref::Country(_) | Ref::Org { label: Some(_), .. })
}

/// Whether a mention may be given the meaning of an acronym: it names
/// nothing the lexicon knows.
fn replaceable(m: &Mention) -> bool {
    match &m.target {
        Ref::Org { label: None, owner: None, .. } => true,
        Ref::Person { strong: false, .. } => m.alt.is_none(),
        Ref::Place { .. } => m.rule.starts_with("place/") || m.rule == "locative",
        _ => false,
    }
}

/// The id a target resolves to, for organizations and places named by their words.
fn target_id(r: &Ref) -> Option<&str> {
    match r {
        Ref::Org { id, .. } | Ref::Place { id, .. } => Some(id),
        _ => None,
    }
}

/// An organization mention made from the tokens `a..b` of a sentence.
fn org_mention(text: &str, sent: usize, toks: &[Token], a: usize, b: usize, rule: &'static str) -> Mention {
    org_mention_at(text, sent, a, b, toks[a].span.join(toks[b - 1].span), rule)
}

/// An organization mention of the tokens `a..b`, standing at `span`.
fn org_mention_at(text: &str, sent: usize, a: usize, b: usize, span: Span, rule: &'static str) -> Mention {
    let surface = text[span.start..span.end].to_string();
    let target = Ref::Org {
        id: node_id(NodeKind::Organization, &surface),
        label: None,
        parent: None,
        parent_from_lexicon: false,
        owner: None,
    };
    Mention { sent, a, b, span, surface, target, proper: true, rule, alt: None }
}

/// The start of the name that ends at `end` (exclusive) and spells `acr`:
/// the shortest run of words back from `end`, opened by a capital, with
/// no punctuation in it.
fn name_before(toks: &[Token], end: usize, acr: &str) -> Option<usize> {
    let lo = end.saturating_sub(12);
    (lo..end).rev().find(|&a| {
        is_capitalized(&toks[a].text)
            && !SKIPPED.contains(&toks[a].norm.as_str())
            && toks[a..end].iter().all(|t| t.kind == TokKind::Word)
            && spells(&toks[a..end], acr)
    })
}

/// One pair read in a sentence: the acronym's token, and the long name's
/// mention index (after the mentions the pair adds are in place).
struct Pair {
    acronym: String,
    target: Ref,
}

/// Reads the pairs of one sentence, adding or rewriting its mentions.
fn pairs_of(text: &str, sent: usize, toks: &[Token], ents: &mut Vec<Mention>, out: &mut Vec<Pair>) {
    let at = |ents: &Vec<Mention>, a: usize, b: usize| ents.iter().position(|m| m.a == a && m.b == b);
    let covered = |ents: &Vec<Mention>, k: usize| ents.iter().any(|m| m.a <= k && k < m.b);
    for p in 0..toks.len() {
        if toks[p].text != "(" {
            continue;
        }
        // NAME (ACR)
        if p > 0 && toks.get(p + 2).is_some_and(|t| t.text == ")") && acronym_like(&toks[p + 1]) {
            let acr = toks[p + 1].text.clone();
            let before = ents.iter().position(|m| m.b == p);
            let own = before.filter(|&i| {
                let m = &ents[i];
                match &m.target {
                    Ref::Org { .. } => m.proper,
                    Ref::Country(_) | Ref::Place { .. } => spells(&toks[m.a..m.b], &acr),
                    Ref::Person { .. } => false,
                }
            });
            // A name that holds a state's or a place's name, or a capitalized
            // word read alone: "les Forces de défense du Kenya (KDF)" is one body.
            let inner = |m: &Mention| !matches!(m.target, Ref::Person { strong: true, .. });
            let long = own.or_else(|| {
                let a = name_before(toks, p, &acr)?;
                if ents.iter().any(|m| m.a < p && m.b > a && (m.a < a || m.b > p || !inner(m))) {
                    return None;
                }
                ents.retain(|m| !(m.a >= a && m.b <= p));
                let m = org_mention(text, sent, toks, a, p, "org/named-by-acronym");
                let i = ents.iter().position(|e| e.a > a).unwrap_or(ents.len());
                ents.insert(i, m);
                Some(i)
            });
            if let Some(li) = long {
                unify_pair(text, sent, toks, ents, li, p + 1, &acr, out);
            }
            continue;
        }
        // ACR (NAME)
        if p > 0 && acronym_like(&toks[p - 1]) {
            let Some(close) = (p + 2..toks.len().min(p + 14)).find(|&k| toks[k].text == ")") else { continue };
            let acr = toks[p - 1].text.clone();
            let long = match at(ents, p + 1, close) {
                Some(i) if matches!(ents[i].target, Ref::Org { .. }) => Some(i),
                Some(_) => None,
                None if spells(&toks[p + 1..close], &acr)
                    && is_capitalized(&toks[p + 1].text)
                    && toks[p + 1..close].iter().all(|t| t.kind == TokKind::Word)
                    && !(p + 1..close).any(|k| covered(ents, k)) =>
                {
                    let m = org_mention(text, sent, toks, p + 1, close, "org/named-by-acronym");
                    let i = ents.iter().position(|e| e.a > p).unwrap_or(ents.len());
                    ents.insert(i, m);
                    Some(i)
                }
                None => None,
            };
            if let Some(li) = long {
                unify_pair(text, sent, toks, ents, li, p - 1, &acr, out);
            }
        }
    }
}

/// Gives the acronym at token `k` and the long name `ents[li]` one target:
/// the lexicon's when the lexicon knows one of them, else the long name's.
#[allow(clippy::too_many_arguments)]
fn unify_pair(
    text: &str,
    sent: usize,
    toks: &[Token],
    ents: &mut Vec<Mention>,
    li: usize,
    k: usize,
    acr: &str,
    out: &mut Vec<Pair>,
) {
    let long = ents[li].target.clone();
    let target = match ents.iter().position(|m| m.a == k && m.b == k + 1) {
        Some(ai) => {
            let short = ents[ai].target.clone();
            let spelled = spells(&toks[ents[li].a..ents[li].b], acr);
            match (known(&long), known(&short)) {
                (true, true) => return,
                // A place the text names by an acronym the lexicon gives to
                // something else: here the acronym is the place's ("la vallée
                // de X (VK)"), and takes its kind.
                (false, true) if matches!(long, Ref::Place { .. }) && spelled => {
                    ents[ai].target = long.clone();
                    ents[ai].alt = None;
                    long
                }
                (false, true) => {
                    ents[li].target = short.clone();
                    ents[li].alt = None;
                    short
                }
                _ => {
                    ents[ai].target = long.clone();
                    ents[ai].alt = None;
                    long
                }
            }
        }
        None if ents.iter().any(|m| m.a <= k && k < m.b) => return,
        None => {
            let mut m = org_mention(text, sent, toks, k, k + 1, "org/acronym-alias");
            m.target = long.clone();
            let i = ents.iter().position(|e| e.a > k).unwrap_or(ents.len());
            ents.insert(i, m);
            long
        }
    };
    out.push(Pair { acronym: acr.to_string(), target });
}

/// Makes every mention of `acr` in one document stand for `target`, adding
/// the lone acronyms no rule read. Reads the sentences' acronym words, not
/// their tokens, which are gone by the time the corpus's acronyms are known.
fn apply(rd: &mut ReadDoc, acr: &str, target: &Ref, add: bool) {
    let text = &rd.doc.text;
    for s in &mut rd.sentences {
        for m in &mut s.mentions.entities {
            if m.surface == acr && m.target != *target && replaceable(m) {
                m.target = target.clone();
                m.alt = None;
                m.proper = true;
            }
        }
        if !add {
            continue;
        }
        for w in &s.acronyms {
            let k = w.k;
            if w.text != acr || s.mentions.entities.iter().any(|m| m.a <= k && k < m.b) {
                continue;
            }
            let mut m = org_mention_at(text, s.index, k, k + 1, w.span, "org/acronym-alias");
            m.target = target.clone();
            let i = s.mentions.entities.iter().position(|e| e.a > k).unwrap_or(s.mentions.entities.len());
            s.mentions.entities.insert(i, m);
        }
    }
}

/// What one document's own acronym pairs say, read while its tokens are
/// there (`local`), for the corpus (`unify`).
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Local {
    /// Acronym → what the document says it stands for.
    map: IndexMap<String, Ref>,
    /// Long names replaced by the lexicon's entry: old id → the entry, in reading order.
    renamed: Vec<(String, Ref)>,
}

/// Reads the acronym pairs of one document (its tokens filled) and makes
/// each acronym stand for its long name throughout the document.
pub fn local(rd: &mut ReadDoc) -> Local {
    let text = &rd.doc.text;
    let mut found = Vec::new();
    let mut renamed = Vec::new();
    for s in &mut rd.sentences {
        let before: Vec<(usize, Option<String>)> =
            s.mentions.entities.iter().map(|m| (m.a, target_id(&m.target).map(str::to_string))).collect();
        pairs_of(text, s.index, &s.tokens, &mut s.mentions.entities, &mut found);
        for m in &s.mentions.entities {
            if let Some((_, Some(old))) = before.iter().find(|(a, _)| *a == m.a) {
                if known(&m.target) {
                    renamed.push((old.clone(), m.target.clone()));
                }
            }
        }
    }
    let mut map: IndexMap<String, Ref> = IndexMap::new();
    for p in found {
        map.entry(p.acronym).or_insert(p.target);
    }
    for (acr, target) in &map {
        apply(rd, acr, target, true);
    }
    Local { map, renamed }
}

/// Gives each acronym the meaning its document (`local`, already applied)
/// or, failing that, the corpus gives it.
pub fn unify(docs: &mut [ReadDoc], locals: &[Local]) {
    let u = Unifier::new(locals);
    for (rd, local) in docs.iter_mut().zip(locals) {
        u.apply(rd, local);
    }
}

/// What the corpus's acronym pairs say, made once from every document's
/// `Local` and applied to each document apart (`unify`, or a document at a
/// time when the first pass waits on disk).
#[derive(Debug, Default)]
pub struct Unifier {
    /// Acronym → its meaning in the corpus; None when two documents disagree.
    corpus: IndexMap<String, Option<Ref>>,
    /// Long names replaced by the lexicon's entry: old id → the entry.
    renamed: IndexMap<String, Ref>,
}

impl Unifier {
    /// The corpus's acronyms, from every document's pairs in document order.
    pub fn new(locals: &[Local]) -> Unifier {
        let mut u = Unifier::default();
        for local in locals {
            for (old, new) in &local.renamed {
                u.renamed.entry(old.clone()).or_insert_with(|| new.clone());
            }
            for (acr, target) in &local.map {
                let e = u.corpus.entry(acr.clone()).or_insert_with(|| Some(target.clone()));
                if e.as_ref() != Some(target) {
                    *e = None;
                }
            }
        }
        u
    }

    /// Gives the acronyms of one document (whose pairs are `local`) the
    /// corpus's meaning.
    pub fn apply(&self, rd: &mut ReadDoc, local: &Local) {
        let map = &local.map;
        // Only the corpus's acronyms the document writes (as a word or a
        // mention) can change it, taken in the corpus's order: a look-up per
        // word instead of a pass over the document per acronym.
        let mut written: Vec<usize> = Vec::new();
        for s in &rd.sentences {
            let words = s.acronyms.iter().map(|w| w.text.as_str());
            for w in words.chain(s.mentions.entities.iter().map(|m| m.surface.as_str())) {
                if let Some(i) = self.corpus.get_index_of(w) {
                    written.push(i);
                }
            }
        }
        written.sort_unstable();
        written.dedup();
        for i in written {
            let (acr, target) = self.corpus.get_index(i).expect("an index of the corpus map");
            let Some(target) = target else { continue };
            if !map.contains_key(acr) {
                // Elsewhere a short acronym alone is too ambiguous to add.
                apply(rd, acr, target, acr.chars().count() >= 3);
            }
        }
        if self.renamed.is_empty() {
            return;
        }
        for s in &mut rd.sentences {
            for m in &mut s.mentions.entities {
                if let Some(new) = target_id(&m.target).and_then(|id| self.renamed.get(id)) {
                    if !known(&m.target) {
                        m.target = new.clone();
                        m.alt = None;
                    }
                }
            }
        }
    }
}

impl Local {
    /// Every reference the pairs give.
    pub fn refs(&self) -> impl Iterator<Item = &Ref> {
        self.map.values().chain(self.renamed.iter().map(|(_, r)| r))
    }
}
