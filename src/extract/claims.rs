//! Speech: `stated` edges from a speaker to a claim node holding what was
//! said, and `mentions` edges from the claim to the entities it names.
//!
//! Constructions read, each a rule id:
//! - `stated/quote-incise`: « … », a déclaré X (the quote before the verb,
//!   and a second quote after the speaker: « … », a déclaré X, « … »);
//! - `stated/verb-que`: X a déclaré que … / X estime que …;
//! - `stated/verb-quote`: X a exprimé « … »;
//! - `stated/clause-incise`: CLAUSE, a déclaré X;
//! - `stated/selon`: selon X, CLAUSE / CLAUSE, selon X.
//!
//! The speaker is an entity mention (person, organization, country) after
//! the verb in an inversion, else before it. A pronoun (il, elle, -t-il)
//! stands for the last speaker of the document; a bare title ("le
//! secrétaire général a déclaré") for the person of the document holding
//! it. Anonymous sources ("un haut responsable") are no entity, so they make
//! no edge.

use crate::graph::Fact;
use crate::ontology::{NodeKind, Relation};
use crate::text::Token;

use super::{DocContext, Resolved};

/// Lemmas of verbs of saying, believing and denying.
const SPEECH: &[&str] = &[
    "declarer",
    "affirmer",
    "annoncer",
    "indiquer",
    "estimer",
    "avertir",
    "confirmer",
    "ajouter",
    "souligner",
    "ecrire",
    "preciser",
    "assurer",
    "nier",
    "dementir",
    "dire",
    "expliquer",
    "rappeler",
    "repondre",
    "reiterer",
    "denoncer",
    "poursuivre",
    "conclure",
    "rapporter",
    "redouter",
    "craindre",
    "croire",
    "alerter",
    "exprimer",
    "accuser",
    "reconnaitre",
    "admettre",
    "reveler",
    "signaler",
    "juger",
    "considerer",
    "insister",
    "temoigner",
    "promettre",
    "menacer",
    "assurer",
    "lancer",
    "commenter",
    "deplorer",
    "regretter",
    "saluer",
    "condamner",
];

/// Words between a verb and an inverted subject: dates, adverbs, places.
const INCISE_FILLER: &[&str] = &[
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "hier",
    "encore",
    "egalement",
    "aussi",
    "ainsi",
    "alors",
    "enfin",
    "deja",
    "plus",
    "tot",
    "tard",
    "recemment",
    "aujourd'hui",
    "ce",
    "matin",
    "soir",
    "-t-il",
    "-t-elle",
    "avait",
    "a",
    "ont",
    "ensuite",
    "pour",
    "sa",
    "part",
    "de",
    "son",
    "cote",
];

/// Speakers found so far in the document, for pronouns.
#[derive(Debug, Default)]
pub struct SpeechState {
    last_speaker: Option<Resolved>,
}

/// What one sentence says.
pub struct Statement {
    /// The speaker.
    pub speaker: Resolved,
    /// The claim text.
    pub text: String,
    /// Char range of the claim in the document (for `mentions`).
    pub range: (usize, usize),
    /// Rule id.
    pub rule: &'static str,
}

fn is_speech(ctx: &DocContext, t: &Token) -> bool {
    ctx.lexicon().lemma(&t.norm).is_some_and(|l| SPEECH.contains(&l)) || t.norm == "mis" || t.norm == "met"
}

/// Quotation spans of a sentence, as token ranges inside the marks; an
/// opening mark with no closing one runs to the end of the sentence.
fn quotes(toks: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut straight = false;
    for (i, t) in toks.iter().enumerate() {
        match t.text.as_str() {
            "«" | "“" if open.is_none() => open = Some(i + 1),
            "»" | "”" => {
                if let Some(a) = open.take() {
                    out.push((a, i));
                }
            }
            "\"" => {
                if let (Some(a), true) = (open, straight) {
                    out.push((a, i));
                    open = None;
                    straight = false;
                } else if open.is_none() {
                    open = Some(i + 1);
                    straight = true;
                }
            }
            _ => {}
        }
    }
    if let Some(a) = open {
        let end = toks.iter().rposition(|t| t.kind != crate::text::TokKind::Punct).map_or(a, |e| e + 1);
        if end > a {
            out.push((a, end));
        }
    }
    out
}

/// Reads the statements of sentence `si`.
pub fn read(
    ctx: &DocContext,
    si: usize,
    state: &mut SpeechState,
    role_holders: &[(String, Resolved)],
) -> Vec<Statement> {
    let s = &ctx.doc().sentences[si];
    let toks = &s.tokens;
    let qs = quotes(toks);
    let mut out = Vec::new();
    let mut used_quotes: Vec<usize> = Vec::new();
    for v in 0..toks.len() {
        let selon = matches!(toks[v].norm.as_str(), "selon" | "d'apres");
        if !selon && !is_speech(ctx, &toks[v]) {
            continue;
        }
        // A verb inside a quotation is part of what was said.
        if qs.iter().any(|&(a, b)| a <= v && v < b) {
            continue;
        }
        // Participles used as adjectives after a noun are not speech ("la guerre déclarée").
        let before = prev_word(toks, v);
        let inverted =
            !selon && before.is_some_and(|p| matches!(toks[p].norm.as_str(), "," | "»" | "”" | "\"" | "-" | "–" | "—"));
        let speaker = if selon {
            entity_after(ctx, si, v + 1)
        } else if inverted {
            entity_after(ctx, si, v + 1).or_else(|| pronoun_after(toks, v + 1).and(state.last_speaker.clone()))
        } else {
            subject_before(ctx, si, v, role_holders).or_else(|| pronoun_before(toks, v).and(state.last_speaker.clone()))
        };
        let Some(speaker) = speaker else { continue };
        let content = if selon {
            selon_content(ctx, si, v)
        } else if inverted {
            // « … », a déclaré X, « … »  |  CLAUSE, a déclaré X
            let q_before = qs.iter().enumerate().rev().find(|(_, &(_, b))| b < v && v - b <= 5);
            match q_before {
                Some((qi, &(a, b))) => {
                    used_quotes.push(qi);
                    let mut range = (a, b);
                    if let Some((qj, &(a2, b2))) = qs.iter().enumerate().find(|(_, &(a2, _))| a2 > v) {
                        if a2 - v <= 12 {
                            used_quotes.push(qj);
                            range = (a, b2.max(a2));
                            let text = format!("{} {}", span_text(ctx, si, a, b), span_text(ctx, si, a2, b2));
                            out.push(statement(ctx, si, speaker.clone(), text, range, "stated/quote-incise"));
                            state.last_speaker = Some(speaker);
                            continue;
                        }
                    }
                    Some((range, "stated/quote-incise"))
                }
                None => before
                    .filter(|&p| toks[p].norm == ",")
                    .map(|p| ((clause_start(toks, p), p), "stated/clause-incise")),
            }
        } else {
            let after = next_content(toks, v);
            match qs.iter().enumerate().find(|(_, &(a, _))| a > v && a - v <= 4) {
                Some((qi, &(a, b))) if !toks[v + 1..a].iter().any(|t| t.norm == "que" || t.norm == "qu'") => {
                    used_quotes.push(qi);
                    Some(((a, b), "stated/verb-quote"))
                }
                _ => after.map(|a| ((a, sentence_end(toks)), "stated/verb-que")),
            }
        };
        let Some(((a, b), rule)) = content else { continue };
        if b <= a {
            continue;
        }
        let text = span_text(ctx, si, a, b);
        if text.split_whitespace().count() < 2 {
            continue;
        }
        out.push(statement(ctx, si, speaker.clone(), text, (a, b), rule));
        if speaker.kind == NodeKind::Person {
            state.last_speaker = Some(speaker);
        }
    }
    out
}

fn statement(
    ctx: &DocContext,
    si: usize,
    speaker: Resolved,
    text: String,
    (a, b): (usize, usize),
    rule: &'static str,
) -> Statement {
    let toks = &ctx.doc().sentences[si].tokens;
    let range = (toks[a].span.cstart, toks[b.max(a + 1) - 1].span.cend);
    Statement { speaker, text, range, rule }
}

fn prev_word(toks: &[Token], v: usize) -> Option<usize> {
    // Skip the auxiliary and the inverted pronoun: "», a déclaré", "», a-t-il ajouté".
    let mut k = v;
    while k > 0
        && matches!(
            toks[k - 1].norm.as_str(),
            "a" | "ont"
                | "avait"
                | "avaient"
                | "-t-il"
                | "-t-elle"
                | "-il"
                | "-elle"
                | "encore"
                | "egalement"
                | "aussi"
                | "deja"
                | "en"
                | "garde"
                | "mis"
                | "met"
        )
    {
        k -= 1;
    }
    k.checked_sub(1)
}

fn pronoun_after(toks: &[Token], from: usize) -> Option<()> {
    toks[from.saturating_sub(3)..toks.len().min(from + 1)]
        .iter()
        .any(|t| matches!(t.norm.as_str(), "-t-il" | "-t-elle" | "-il" | "-elle"))
        .then_some(())
}

fn pronoun_before(toks: &[Token], v: usize) -> Option<()> {
    let start = v.saturating_sub(4);
    toks[start..v].iter().any(|t| matches!(t.norm.as_str(), "il" | "elle")).then_some(())
}

/// The first entity after `from`, past dates and adverbs, unless it is the addressee ("à X").
fn entity_after(ctx: &DocContext, si: usize, from: usize) -> Option<Resolved> {
    let s = &ctx.doc().sentences[si];
    let mut k = from;
    while k < s.tokens.len() && k - from < 8 {
        if let Some((mi, _)) = s.mentions.entities.iter().enumerate().find(|(_, m)| m.a == k) {
            let r = ctx.resolved[si][mi].clone()?;
            return matches!(r.kind, NodeKind::Person | NodeKind::Organization | NodeKind::Country).then_some(r);
        }
        let n = s.tokens[k].norm.as_str();
        if matches!(n, "le" | "la" | "l'" | "les") {
            k += 1;
            continue;
        }
        if n == "a" || n == "aux" || n == "au" {
            // "a déclaré à l'ambassadeur": skip the addressee and its phrase.
            return None;
        }
        if !INCISE_FILLER.contains(&n) && !s.mentions.roles.iter().any(|r| r.a <= k && k < r.b) {
            return None;
        }
        k += 1;
    }
    None
}

/// The subject before a verb: the nearest entity mention ending within a
/// few tokens, or a bare title standing for its holder.
fn subject_before(ctx: &DocContext, si: usize, v: usize, role_holders: &[(String, Resolved)]) -> Option<Resolved> {
    let s = &ctx.doc().sentences[si];
    let toks = &s.tokens;
    let start = v.saturating_sub(8);
    for k in (start..v).rev() {
        let n = toks[k].norm.as_str();
        if matches!(n, "que" | "qu'" | "»" | ";" | ":" | "qui") {
            return None;
        }
        if let Some((mi, m)) = s.mentions.entities.iter().enumerate().find(|(_, m)| m.b == k + 1) {
            if !m.proper && m.rule == "demonym" {
                continue;
            }
            let r = ctx.resolved[si][mi].clone()?;
            // Skip an entity inside a complement: "le bureau de Yoon", "les responsables de Kiev".
            if m.a > 0
                && matches!(toks[m.a - 1].norm.as_str(), "de" | "du" | "d'" | "des" | "a" | "avec" | "contre" | "en")
            {
                continue;
            }
            return matches!(r.kind, NodeKind::Person | NodeKind::Organization | NodeKind::Country).then_some(r);
        }
        if let Some(role) = s.mentions.roles.iter().find(|r| r.b == k + 1) {
            let holder = role_holders.iter().rev().find(|(label, _)| *label == role.label);
            if let Some((_, r)) = holder {
                return Some(r.clone());
            }
        }
    }
    None
}

/// Where reported content starts after a verb: after "que", "qu'", ":".
fn next_content(toks: &[Token], v: usize) -> Option<usize> {
    (v + 1..toks.len().min(v + 6)).find(|&k| matches!(toks[k].norm.as_str(), "que" | "qu'" | ":")).map(|k| k + 1)
}

fn sentence_end(toks: &[Token]) -> usize {
    toks.iter().rposition(|t| !matches!(t.norm.as_str(), "." | "!" | "?" | "»" | "…")).map_or(0, |e| e + 1)
}

/// The start of the clause that ends at comma `p`.
fn clause_start(toks: &[Token], p: usize) -> usize {
    toks[..p].iter().rposition(|t| matches!(t.norm.as_str(), ";" | ":" | "»" | "«")).map_or(0, |k| k + 1)
}

/// "selon X, CONTENT" or "CONTENT, selon X".
fn selon_content(ctx: &DocContext, si: usize, v: usize) -> Option<((usize, usize), &'static str)> {
    let toks = &ctx.doc().sentences[si].tokens;
    if v > 0 && toks[v - 1].norm == "," {
        return Some(((clause_start(toks, v - 1), v - 1), "stated/selon"));
    }
    let comma = (v + 1..toks.len()).find(|&k| toks[k].norm == ",")?;
    Some(((comma + 1, sentence_end(toks)), "stated/selon"))
}

fn span_text(ctx: &DocContext, si: usize, a: usize, b: usize) -> String {
    let toks = &ctx.doc().sentences[si].tokens;
    if b <= a {
        return String::new();
    }
    let text = &ctx.doc().doc.text[toks[a].span.start..toks[b - 1].span.end];
    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    t.trim_matches(|c: char| c == ',' || c == ' ' || c == '«' || c == '»' || c == '"').to_string()
}

/// The facts of one statement: stated, and mentions from the claim.
pub fn facts(ctx: &DocContext, si: usize, st: &Statement, claim_id: &str) -> Vec<Fact> {
    let mut out = vec![ctx.fact(si, &st.speaker.id, Relation::Stated, claim_id, st.rule)];
    let s = &ctx.doc().sentences[si];
    for (mi, m) in s.mentions.entities.iter().enumerate() {
        if m.span.cstart >= st.range.0 && m.span.cend <= st.range.1 {
            if let Some(r) = &ctx.resolved[si][mi] {
                out.push(ctx.fact(si, claim_id, Relation::Mentions, &r.id, "mentions/in-claim"));
            }
        }
    }
    out
}
