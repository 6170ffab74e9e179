//! Speech: `stated` edges from a speaker to a claim node holding what was
//! said, and `mentions` edges from the claim to the entities it names.
//!
//! Two readings, in reading order:
//! - Speech acts of each sentence: a verb of saying (any tense, by lemma)
//!   or "selon", with its speaker: the entity after the verb in an
//!   inversion ("», a déclaré X"), else the subject before it; a pronoun
//!   (il, elle, -t-il) stands for the last speaker; a title without a name
//!   ("le ministre a rappelé") for the document's holder of that title.
//!   Their content when it is no quotation: the clause after "que"
//!   (`stated/verb-que`), the clause before an incise ("CLAUSE, a déclaré
//!   X": `stated/clause-incise`), "selon X, CLAUSE" (`stated/selon`), the
//!   object of a denial or warning (`stated/verb-object`), "CLAUSE, ce que X
//!   et Y nient" (`stated/ce-que`).
//! - Quotations of the whole document, which may run over several
//!   sentences: « … », “ … ”, " … ". A quotation takes the speaker of the
//!   speech act tagged right after it, inside it between dashes or commas
//!   ("– poursuit X –"), or right before it ("X a exprimé « … »", "poursuit
//!   X, « … »"); an untagged quotation right after another continues its
//!   speaker. Each sentence of a quotation is one claim (`stated/quotation`).
//!
//! In nested reporting the innermost named speaker keeps the words: an
//! outer statement whose content holds another speaker's act is dropped.
//! Anonymous sources ("un haut responsable") are no entity: no edge.

use crate::graph::Fact;
use crate::lexicon::Gender;
use crate::ontology::{NodeKind, Relation};
use crate::text::{TokKind, Token};

use super::words::WEEKDAYS;
use super::{DocContext, Resolved, World};

/// Lemmas of verbs of saying, believing, warning and denying.
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
    "commenter",
    "deplorer",
    "regretter",
    "saluer",
    "condamner",
    "appeler",
    "reaffirmer",
    "marteler",
    "prevenir",
    "avouer",
    "contester",
    "rejeter",
    "demander",
    "exiger",
    "reclamer",
    "noter",
    "constater",
    "evoquer",
    "mentionner",
    "qualifier",
    "plaider",
    "tweeter",
    "raconter",
    "jurer",
    "fustiger",
    "critiquer",
    "defendre",
    "soutenir",
    "refuser",
];

/// Verbs whose object, without "que", is what was said: "dément les
/// informations…", "a mis en garde contre…", "a exprimé de sérieuses inquiétudes".
const OBJECT_SPEECH: &[&str] = &[
    "nier",
    "dementir",
    "denoncer",
    "redouter",
    "craindre",
    "avertir",
    "alerter",
    "exprimer",
    "contester",
    "rejeter",
    "deplorer",
    "condamner",
    "fustiger",
    "critiquer",
];

/// Words between a verb and an inverted subject: dates, adverbs.
const INCISE_FILLER: &[&str] = &[
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
    "-il",
    "-elle",
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
    "soir",
    "midi",
    "dans",
    "un",
    "communique",
    "publiquement",
    "notamment",
    "toujours",
    "precedemment",
    "dernier",
    "derniere",
    "semaine",
    "la",
    "le",
];

/// One speech act: a verb (or "selon") with its speaker.
#[derive(Debug, Clone)]
struct Act {
    si: usize,
    v: usize,
    speaker: Resolved,
    /// The speaker came from a pronoun, not a name.
    pronoun: bool,
}

/// What one sentence says.
#[derive(Debug, Clone)]
pub struct Statement {
    /// Sentence index.
    pub si: usize,
    /// The speaker.
    pub speaker: Resolved,
    /// The claim text.
    pub text: String,
    /// Char range of the claim in the document (for `mentions`).
    pub range: (usize, usize),
    /// Rule id.
    pub rule: &'static str,
    /// Token range of the content in its sentence.
    content: (usize, usize),
}

fn lemma<'a>(ctx: &'a DocContext, t: &Token) -> Option<&'a str> {
    if t.kind != TokKind::Word {
        return None;
    }
    ctx.lexicon().lemma(&t.norm)
}

fn speech_lemma<'a>(ctx: &'a DocContext, toks: &[Token], v: usize) -> Option<&'a str> {
    let t = &toks[v];
    // "mis en garde", "met en garde": mettre only with "en garde".
    if lemma(ctx, t) == Some("mettre") {
        let garde =
            toks.get(v + 1).is_some_and(|t| t.norm == "en") && toks.get(v + 2).is_some_and(|t| t.norm == "garde");
        return garde.then_some("avertir");
    }
    lemma(ctx, t).filter(|l| SPEECH.contains(l))
}

/// A quotation, as the token ranges it covers in each of its sentences.
#[derive(Debug, Clone)]
struct Quote {
    pieces: Vec<(usize, usize, usize)>,
}

impl Quote {
    fn first(&self) -> (usize, usize) {
        (self.pieces[0].0, self.pieces[0].1)
    }
    fn last(&self) -> (usize, usize) {
        let p = self.pieces[self.pieces.len() - 1];
        (p.0, p.2)
    }
    fn contains(&self, si: usize, v: usize) -> bool {
        self.pieces.iter().any(|&(s, a, b)| s == si && a <= v && v < b)
    }
}

fn is_open(t: &Token) -> bool {
    matches!(t.text.as_str(), "«" | "“")
}

fn is_close(t: &Token) -> bool {
    matches!(t.text.as_str(), "»" | "”")
}

/// The quotations of a document. An opening mark with no closing one in its
/// line runs to the end of it; a closing mark with no opening one closes a
/// quotation that started after the previous one ("« … » […] … »").
fn quotes(ctx: &DocContext) -> Vec<Quote> {
    let sents = &ctx.doc().sentences;
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    let mut straight = false;
    let mut last_close: Option<(usize, usize)> = None;
    let mut paragraph = 0;
    for (si, s) in sents.iter().enumerate() {
        if starts_line(ctx, si) {
            paragraph = si;
            // A line break ends an unclosed quotation: news quotes do not cross paragraphs.
            if let Some((osi, oa)) = open.take() {
                let end = sentence_end(&sents[si - 1].tokens);
                out.push(span_quote(sents, (osi, oa), (si - 1, end)));
            }
            last_close = None;
        }
        for (k, t) in s.tokens.iter().enumerate() {
            let straight_mark = t.text == "\"";
            // "… en Ukraine« ." : an opening mark before a stop is a closing one, mistyped.
            let mistyped = is_open(t) && s.tokens.get(k + 1).is_none_or(|n| matches!(n.norm.as_str(), "." | "," | ";"));
            if (is_open(t) && !mistyped || straight_mark && !straight) && open.is_none() {
                open = Some((si, k + 1));
                straight = straight_mark;
            } else if is_close(t) || mistyped || straight_mark && straight {
                match open.take() {
                    Some(start) => out.push(span_quote(sents, start, (si, k))),
                    None => {
                        // An orphan closing mark: from after the last quotation of the
                        // paragraph, or from the paragraph's start.
                        let start = match last_close {
                            Some((lsi, lk)) => (lsi, lk + 1),
                            None => (paragraph, 0),
                        };
                        out.push(span_quote(sents, start, (si, k)));
                    }
                }
                straight = false;
                last_close = Some((si, k));
            }
        }
    }
    if let Some((osi, oa)) = open {
        let last = sents.len() - 1;
        out.push(span_quote(sents, (osi, oa), (last, sentence_end(&sents[last].tokens))));
    }
    out.retain(|q| q.pieces.iter().any(|&(_, a, b)| b > a));
    out
}

/// Whether sentence `si` starts a line (a paragraph or a headline).
fn starts_line(ctx: &DocContext, si: usize) -> bool {
    let start = ctx.doc().sentences[si].span.start;
    let text = &ctx.doc().doc.text[..start];
    text.trim_end_matches([' ', '\t', '\u{a0}']).is_empty()
        || text.trim_end_matches([' ', '\t', '\u{a0}']).ends_with('\n')
}

/// A headline: a whole line of its own without a final stop. Headlines make
/// no claim of their own (ontology.md), except a quotation they attribute.
fn is_headline(ctx: &DocContext, si: usize) -> bool {
    let s = &ctx.doc().sentences[si];
    let text = &ctx.doc().doc.text;
    let ends_line = text[s.span.end..].trim_start_matches([' ', '\t', '\u{a0}']).starts_with('\n')
        || text[s.span.end..].trim().is_empty();
    let last = s.tokens.iter().rev().find(|t| !matches!(t.norm.as_str(), "»" | "”" | "\""));
    starts_line(ctx, si)
        && ends_line
        && !last.is_some_and(|t| matches!(t.norm.as_str(), "." | "!" | "?" | "…"))
        && s.tokens.len() <= 25
}

fn span_quote(sents: &[super::ReadSentence], (s0, a0): (usize, usize), (s1, b1): (usize, usize)) -> Quote {
    let mut pieces = Vec::new();
    for (si, sent) in sents.iter().enumerate().take(s1 + 1).skip(s0) {
        let a = if si == s0 { a0 } else { 0 };
        let b = if si == s1 { b1 } else { sent.tokens.len() };
        if b > a {
            pieces.push((si, a, b));
        }
    }
    Quote { pieces }
}

/// Reads every statement of the document, in reading order.
pub fn read_doc(ctx: &DocContext, world: &World) -> Vec<Statement> {
    let qs = quotes(ctx);
    let mut acts: Vec<Act> = Vec::new();
    let mut out: Vec<Statement> = Vec::new();
    let mut last = Speakers::default();
    for si in 0..ctx.doc().sentences.len() {
        let mut here = Vec::new();
        read_sentence(ctx, world, si, &qs, &mut last, &mut acts, &mut here);
        // Innermost speaker: drop an outer statement whose content holds another's act.
        let inner: Vec<bool> = here
            .iter()
            .map(|st: &Statement| {
                acts.iter().any(|a| {
                    a.si == si && a.v >= st.content.0 && a.v < st.content.1 && a.speaker != st.speaker && !a.pronoun
                })
            })
            .collect();
        out.extend(here.into_iter().zip(inner).filter(|(_, drop)| !drop).map(|(s, _)| s));
    }
    out.extend(quotations(ctx, &qs, &acts));
    out
}

fn read_sentence(
    ctx: &DocContext,
    world: &World,
    si: usize,
    qs: &[Quote],
    last: &mut Speakers,
    acts: &mut Vec<Act>,
    out: &mut Vec<Statement>,
) {
    let s = &ctx.doc().sentences[si];
    let toks = &s.tokens;
    let in_quote = |v: usize| qs.iter().any(|q| q.contains(si, v));
    for v in 0..toks.len() {
        let selon = matches!(toks[v].norm.as_str(), "selon" | "d'apres")
            && !toks.get(v + 1).is_some_and(|t| {
                t.norm.starts_with("lequel") || t.norm.starts_with("laquel") || t.norm.starts_with("lesquel")
            });
        let lem = if selon { None } else { speech_lemma(ctx, toks, v) };
        if !selon && lem.is_none() {
            continue;
        }
        // "ce que Téhéran et Damas nient": every subject denies the clause before.
        if let Some(st) = ce_que(ctx, si, v, world) {
            for (speaker, content) in st {
                acts.push(Act { si, v, speaker: speaker.clone(), pronoun: false });
                out.push(statement(ctx, si, speaker, content, "stated/ce-que"));
            }
            continue;
        }
        let before = prev_word(toks, v);
        let apposed = before.and_then(|p| apposed_subject(ctx, si, p));
        // "C'est ce qu'a déclaré X", "comme l'a dit X": the subject follows.
        let relative = before.is_some_and(|p| {
            matches!(toks[p].norm.as_str(), "qu'" | "que") && p > 0 && toks[p - 1].norm == "ce"
                || toks[p].norm == "l'" && p > 0 && toks[p - 1].norm == "comme"
        });
        // ", soulignant que …": a participle going on with the same speaker.
        let participle = toks[v].norm.ends_with("ant") && next_content(toks, v) == Some(v + 2);
        let coordinated = before.is_some_and(|p| toks[p].norm == "et");
        let same_as_last = || acts.iter().rev().find(|a| a.si == si).map(|a| a.speaker.clone());
        let inverted = !selon
            && apposed.is_none()
            && !participle
            && (relative
                || before.is_some_and(|p| matches!(toks[p].norm.as_str(), "," | "»" | "”" | "\"" | "-" | "–" | "—")));
        let (speaker, pronoun) = if selon {
            (entity_after(ctx, si, v + 1, world), false)
        } else if let Some(x) = apposed {
            (Some(x), false)
        } else if participle || coordinated {
            (same_as_last().or_else(|| subject_before(ctx, si, v, world)), false)
        } else if inverted {
            match entity_after(ctx, si, v + 1, world) {
                Some(x) => (Some(x), false),
                None => (pronoun_after(toks, v + 1).and_then(|g| last.get(g)), true),
            }
        } else {
            match subject_before(ctx, si, v, world) {
                Some(x) => (Some(x), false),
                None => (pronoun_before(toks, v).and_then(|g| last.get(g)), true),
            }
        };
        let Some(speaker) = speaker else { continue };
        acts.push(Act { si, v, speaker: speaker.clone(), pronoun });
        if speaker.kind == NodeKind::Person {
            last.push(speaker.clone(), ctx.gender_of(&speaker.id));
        }
        // A verb inside a quotation is the quotation's incise, or part of it;
        // a headline states nothing of its own.
        if in_quote(v) || is_headline(ctx, si) {
            continue;
        }
        let content = if selon {
            selon_content(toks, v)
        } else if inverted {
            // "CLAUSE, a déclaré X": the clause, unless it is a quotation (read below).
            let p = before.expect("inverted has a word before");
            let a = clause_start(toks, p);
            let continues = incise_continues(toks, v);
            (toks[p].norm == "," && !in_quote(p.saturating_sub(1)) && !in_quote(a) && !continues)
                .then_some(((a, p), "stated/clause-incise"))
        } else {
            match next_content(toks, v) {
                Some(a) => Some(((a, sentence_end(toks)), "stated/verb-que")),
                None if lem.is_some_and(|l| OBJECT_SPEECH.contains(&l)) => {
                    let a = object_start(toks, v);
                    // A quoted object is read as a quotation, below.
                    let quoted = (a..sentence_end(toks)).any(&in_quote) || toks.get(a).is_some_and(|t| t.norm == "a");
                    (!quoted).then_some(((a, sentence_end(toks)), "stated/verb-object"))
                }
                None => None,
            }
        };
        let Some(((a, b), rule)) = content else { continue };
        let min_words = if matches!(rule, "stated/clause-incise" | "stated/selon") { 3 } else { 2 };
        if b <= a || toks[a..b].iter().filter(|t| t.kind == TokKind::Word).count() < min_words {
            continue;
        }
        out.push(statement(ctx, si, speaker, (a, b), rule));
    }
}

/// Attributes each quotation and makes one statement per sentence of it.
///
/// The speaker, by priority: the verb right before the quotation ("a
/// exprimé « … »"); the tag right after it (", a déclaré X", or "C'est ce
/// qu'a déclaré X" opening the next sentence); an incise inside it; the
/// nearest speech act before it in its sentence; the tag of the next
/// quotation when the text goes on ("« … ». car … », a réitéré X");
/// the speaker of the quotation just before, for a quotation that opens
/// its sentence.
fn quotations(ctx: &DocContext, qs: &[Quote], acts: &[Act]) -> Vec<Statement> {
    let sents = &ctx.doc().sentences;
    let tagged: Vec<Option<&Act>> = qs
        .iter()
        .map(|q| {
            let (csi, ck) = q.last();
            let after = acts
                .iter()
                .find(|a| a.si == csi && a.v > ck && a.v - ck <= 4 && tag_glue(&sents[csi].tokens[ck + 1..a.v]));
            let next = acts.iter().find(|a| {
                a.si == csi + 1 && a.v <= 5 && {
                    let t = &sents[a.si].tokens;
                    t.len() > 3 && t[0].norm == "c'" && t[1].norm == "est" && t[2].norm == "ce"
                }
            });
            let incise = acts.iter().find(|a| q.contains(a.si, a.v) && is_incise(&sents[a.si].tokens, a.v));
            after.or(next).or(incise)
        })
        .collect();
    let mut out = Vec::new();
    let mut prev: Option<(usize, Resolved)> = None; // (sentence of its end, speaker)
    for (qi, q) in qs.iter().enumerate() {
        let (osi, ok) = q.first();
        let headline = is_headline(ctx, osi);
        let governing = acts.iter().rev().find(|a| a.si == osi && a.v < ok && ok - a.v <= 4 && !q.contains(a.si, a.v));
        let nearest = acts.iter().rev().find(|a| a.si == osi && a.v < ok && !qs.iter().any(|o| o.contains(a.si, a.v)));
        let lookahead = qs.get(qi + 1).filter(|n| n.first().0 <= q.last().0 + 1).and_then(|_| tagged[qi + 1]);
        let continued = prev.as_ref().filter(|(end, _)| osi <= end + 1 && ok <= 3 && !headline).map(|(_, s)| s.clone());
        let speaker = governing
            .or(tagged[qi])
            .or(nearest)
            .or(if headline { None } else { lookahead })
            .map(|a| a.speaker.clone())
            .or(continued);
        let Some(speaker) = speaker else {
            prev = None;
            continue;
        };
        let incise = acts.iter().find(|a| q.contains(a.si, a.v) && is_incise(&sents[a.si].tokens, a.v));
        // "« … », a déclaré X, « … »": the second part continues the first claim.
        let split_from = qi.checked_sub(1).and_then(|p| {
            let tag = tagged[p]?;
            if tag.si != osi || ok <= tag.v + 1 || ok - tag.v > 12 {
                return None;
            }
            let before_open = &sents[osi].tokens[tag.v + 1..ok - 1];
            (before_open.last().is_some_and(|t| t.norm == ",")
                && !acts.iter().any(|a| a.si == osi && a.v > tag.v && a.v < ok))
            .then_some(tag)
        });
        if let (Some(tag), Some(last)) = (split_from, out.last_mut()) {
            let last: &mut Statement = last;
            if last.si == osi && last.speaker == tag.speaker && q.pieces.len() == 1 {
                let (si, a, b) = q.pieces[0];
                last.text = format!("{} {}", last.text, span_text(ctx, si, a, b));
                last.range.1 = sents[si].tokens[b.max(a + 1) - 1].span.cend;
                prev = Some((q.last().0, tag.speaker.clone()));
                continue;
            }
        }
        for &(si, a, b) in &q.pieces {
            let toks = &sents[si].tokens;
            // Leave the incise out of the words: "– poursuit Guterres –".
            let cut = incise.filter(|i| i.si == si).and_then(|i| incise_span(toks, i.v));
            let ranges: Vec<(usize, usize)> = match cut {
                Some((x, y)) if x >= a && y <= b => vec![(a, x), (y, b)],
                _ => vec![(a, b)],
            };
            let text = ranges
                .iter()
                .map(|&(x, y)| span_text(ctx, si, x, y))
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            if text.split_whitespace().count() < 2 {
                continue;
            }
            let mut st = statement(ctx, si, speaker.clone(), (a, b), "stated/quotation");
            st.text = text;
            out.push(st);
        }
        prev = Some((q.last().0, speaker));
    }
    out
}

/// "…, le Service national de renseignement, a déclaré": a subject set
/// off by commas just before the verb (the comma at `p`).
fn apposed_subject(ctx: &DocContext, si: usize, p: usize) -> Option<Resolved> {
    let s = &ctx.doc().sentences[si];
    let toks = &s.tokens;
    if toks[p].norm != "," {
        return None;
    }
    let found = s.mentions.entities.iter().enumerate().find(|(_, m)| m.b == p && m.proper);
    let Some((mi, m)) = found else {
        // ", citant des sources, a rapporté": step over a participial incise.
        let p2 = toks[..p].iter().rposition(|t| t.norm == ",")?;
        return toks.get(p2 + 1).filter(|t| t.norm.ends_with("ant")).and_then(|_| apposed_subject(ctx, si, p2));
    };
    // Step back over the noun phrase it heads: "l'agence japonaise Kyodo".
    let mut k = m.a;
    let mut steps = 0;
    while k > 0
        && steps < 5
        && toks[k - 1].kind == TokKind::Word
        && !toks[k - 1].is_cap()
        && lemma(ctx, &toks[k - 1]).is_none()
    {
        k -= 1;
        steps += 1;
    }
    let set_off = k == 0 || toks[k - 1].norm == "," || s.mentions.roles.iter().any(|r| r.b == k || r.b + 1 == k);
    let r = ctx.resolved[si][mi].clone()?;
    (set_off && is_speaker_kind(r.kind)).then_some(r)
}

/// Whether the sentence goes on after an incise at `v` ("X, a poursuivi
/// Guterres, marque « … »", "Lors de la réunion, poursuit Guterres, « … »"):
/// then the clause before the incise is not what was said.
fn incise_continues(toks: &[Token], v: usize) -> bool {
    let Some(comma) = (v + 1..toks.len().min(v + 12)).find(|&k| toks[k].norm == ",") else { return false };
    toks[comma + 1..toks.len().min(comma + 4)].iter().any(is_open)
}

/// Tokens allowed between a closing quote and its speech verb: ", a", "a-t-il".
fn tag_glue(toks: &[Token]) -> bool {
    toks.iter().all(|t| {
        matches!(
            t.norm.as_str(),
            "," | "a" | "ont" | "avait" | "-t-il" | "-t-elle" | "." | "encore" | "aussi" | "egalement" | "deja"
        )
    })
}

/// Whether the verb at `v` sits between dashes or commas: "– poursuit X –".
fn is_incise(toks: &[Token], v: usize) -> bool {
    let p = prev_word(toks, v);
    p.is_some_and(|p| matches!(toks[p].norm.as_str(), "-" | "–" | "—" | ","))
        && toks[v + 1..toks.len().min(v + 8)].iter().any(|t| matches!(t.norm.as_str(), "-" | "–" | "—" | ","))
}

/// The token range of an incise around `v`, dashes or commas included.
fn incise_span(toks: &[Token], v: usize) -> Option<(usize, usize)> {
    let a = prev_word(toks, v)?;
    let b = (v + 1..toks.len().min(v + 8)).find(|&k| matches!(toks[k].norm.as_str(), "-" | "–" | "—" | ","))?;
    Some((a, b + 1))
}

fn statement(ctx: &DocContext, si: usize, speaker: Resolved, (a, b): (usize, usize), rule: &'static str) -> Statement {
    let toks = &ctx.doc().sentences[si].tokens;
    let b = b.max(a + 1).min(toks.len());
    let range = (toks[a].span.cstart, toks[b - 1].span.cend);
    Statement { si, speaker, text: span_text(ctx, si, a, b), range, rule, content: (a, b) }
}

fn prev_word(toks: &[Token], v: usize) -> Option<usize> {
    // Skip the auxiliary, adverbs and the inverted pronoun: "», a déclaré", "», a-t-il ajouté".
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
                | "s'"
                | "se"
        )
    {
        k -= 1;
    }
    k.checked_sub(1)
}

fn pronoun_gender(norm: &str) -> Option<Gender> {
    match norm {
        "-t-il" | "-il" | "il" => Some(Gender::Male),
        "-t-elle" | "-elle" | "elle" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender of an inverted subject pronoun near `from` ("a-t-il ajouté").
fn pronoun_after(toks: &[Token], from: usize) -> Option<Gender> {
    toks[from.saturating_sub(3)..toks.len().min(from + 1)].iter().find_map(|t| pronoun_gender(&t.norm))
}

/// The gender of a subject pronoun just before the verb ("Il estime").
fn pronoun_before(toks: &[Token], v: usize) -> Option<Gender> {
    toks[v.saturating_sub(4)..v].iter().find_map(|t| pronoun_gender(&t.norm).filter(|_| !t.norm.starts_with('-')))
}

/// The people who spoke last, for pronouns: "il" is the last man (or
/// person of unknown gender) who spoke, "elle" the last woman.
#[derive(Debug, Default)]
struct Speakers {
    said: Vec<(Resolved, Gender)>,
}

impl Speakers {
    fn push(&mut self, who: Resolved, gender: Gender) {
        self.said.push((who, gender));
    }

    fn get(&self, pronoun: Gender) -> Option<Resolved> {
        self.said.iter().rev().find(|(_, g)| *g == pronoun || *g == Gender::Unknown).map(|(r, _)| r.clone())
    }
}

fn is_speaker_kind(k: NodeKind) -> bool {
    matches!(k, NodeKind::Person | NodeKind::Organization | NodeKind::Country)
}

/// The speaker after `from` (inversion, "selon X"), past dates, adverbs and
/// a title phrase: the name after the title, else the title's holder.
fn entity_after(ctx: &DocContext, si: usize, from: usize, world: &World) -> Option<Resolved> {
    let s = &ctx.doc().sentences[si];
    let mut k = from;
    while k < s.tokens.len() && k - from < 10 {
        if let Some(role) = s.mentions.roles.iter().find(|r| r.a == k) {
            // "a déclaré le secrétaire général de l'ONU, António Guterres".
            let next = if s.tokens.get(role.b).is_some_and(|t| t.norm == ",") { role.b + 1 } else { role.b };
            if let Some((mi, _)) = s.mentions.entities.iter().enumerate().find(|(_, m)| m.a == next) {
                if let Some(r) = ctx.resolved[si][mi].clone().filter(|r| r.kind == NodeKind::Person) {
                    return Some(r);
                }
            }
            if let Some(p) = ctx.described(role, si, Some(world)) {
                return Some(Resolved { id: p, kind: NodeKind::Person });
            }
            return None;
        }
        if let Some((mi, m)) = s.mentions.entities.iter().enumerate().find(|(_, m)| m.a == k) {
            if !m.proper {
                return None;
            }
            let r = ctx.resolved[si][mi].clone()?;
            return is_speaker_kind(r.kind).then_some(r);
        }
        let n = s.tokens[k].norm.as_str();
        if matches!(n, "a" | "aux" | "au") && k > from {
            // "a déclaré lundi à Bruxelles X": a place is passed over;
            // "a déclaré à l'ambassadeur": that is the addressee.
            let place = s.mentions.entities.iter().enumerate().find(|(_, m)| m.a == k + 1 || m.a == k + 2);
            match place.and_then(|(mi, m)| Some((m, ctx.resolved[si][mi].as_ref()?))) {
                Some((m, r))
                    if r.kind == NodeKind::Location
                        || r.kind == NodeKind::Country && m.rule.starts_with("name/capital") =>
                {
                    k = m.b;
                    continue;
                }
                _ => return None,
            }
        }
        if !INCISE_FILLER.contains(&n) && !WEEKDAYS.contains(&n) && !matches!(n, "l'" | "les") {
            return None;
        }
        k += 1;
    }
    None
}

/// The subject before a verb: the nearest entity mention ending within a
/// few tokens, or a title phrase standing for its holder.
fn subject_before(ctx: &DocContext, si: usize, v: usize, world: &World) -> Option<Resolved> {
    let s = &ctx.doc().sentences[si];
    let toks = &s.tokens;
    let start = v.saturating_sub(10);
    for k in (start..v).rev() {
        let n = toks[k].norm.as_str();
        if matches!(n, "que" | "qu'" | "»" | ";" | ":" | "qui" | "«") {
            return None;
        }
        if let Some(role) = s.mentions.roles.iter().find(|r| r.b == k + 1) {
            if !s.mentions.entities.iter().any(|m| m.a == role.b) {
                if let Some(p) = ctx.described(role, si, Some(world)) {
                    return Some(Resolved { id: p, kind: NodeKind::Person });
                }
            }
        }
        if let Some((mi, m)) = s.mentions.entities.iter().enumerate().find(|(_, m)| m.b == k + 1) {
            if !m.proper && m.rule == "demonym" {
                continue;
            }
            // Inside a title phrase ("le ministre russe … Sergueï Choïgou" is fine,
            // but "de l'OTAN" in "le secrétaire général de l'OTAN" is not the subject).
            if s.mentions.roles.iter().any(|r| r.a < m.a && m.b <= r.b) {
                continue;
            }
            let r = ctx.resolved[si][mi].clone()?;
            // Skip an entity inside a complement: "les responsables de Kiev".
            if m.a > 0
                && matches!(
                    toks[m.a - 1].norm.as_str(),
                    "de" | "du" | "d'" | "des" | "a" | "avec" | "contre" | "en" | "dans" | "sur" | "vers"
                )
            {
                continue;
            }
            return is_speaker_kind(r.kind).then_some(r);
        }
    }
    None
}

/// "…, ce que Téhéran et Damas nient": each subject, with the clause before.
fn ce_que(ctx: &DocContext, si: usize, v: usize, _world: &World) -> Option<Vec<(Resolved, (usize, usize))>> {
    let s = &ctx.doc().sentences[si];
    let toks = &s.tokens;
    let q = (v.saturating_sub(8)..v)
        .find(|&k| toks[k].norm == "ce" && toks.get(k + 1).is_some_and(|t| t.norm == "que" || t.norm == "qu'"))?;
    if q == 0 || toks[q - 1].norm != "," {
        return None;
    }
    let speakers: Vec<Resolved> = s
        .mentions
        .entities
        .iter()
        .enumerate()
        .filter(|(_, m)| m.a > q + 1 && m.b <= v && m.proper)
        .filter_map(|(mi, _)| ctx.resolved[si][mi].clone())
        .filter(|r| is_speaker_kind(r.kind))
        .collect();
    if speakers.is_empty() {
        return None;
    }
    let start = clause_start(toks, q - 1);
    Some(speakers.into_iter().map(|r| (r, (start, q - 1))).collect())
}

/// Where reported content starts after a verb: after "que", "qu'", ":",
/// past an incise ("a rapporté, citant des renseignements, que …").
fn next_content(toks: &[Token], v: usize) -> Option<usize> {
    (v + 1..toks.len().min(v + 14))
        .take_while(|&k| !matches!(toks[k].norm.as_str(), "." | ";" | "«"))
        .find(|&k| matches!(toks[k].norm.as_str(), "que" | "qu'" | ":"))
        .map(|k| k + 1)
}

/// Where the object of a verb starts ("a démenti les informations…", "a mis en garde contre…").
fn object_start(toks: &[Token], v: usize) -> usize {
    let mut k = v + 1;
    while k < toks.len()
        && matches!(
            toks[k].norm.as_str(),
            "en" | "garde"
                | "mardi"
                | "lundi"
                | "mercredi"
                | "jeudi"
                | "vendredi"
                | "samedi"
                | "dimanche"
                | "toujours"
                | "aussi"
                | "encore"
                | "egalement"
                | "publiquement"
        )
    {
        k += 1;
    }
    k.min(toks.len())
}

fn sentence_end(toks: &[Token]) -> usize {
    toks.iter().rposition(|t| !matches!(t.norm.as_str(), "." | "!" | "?" | "»" | "…" | "”" | "\"")).map_or(0, |e| e + 1)
}

/// The start of the clause that ends at comma `p`.
fn clause_start(toks: &[Token], p: usize) -> usize {
    toks[..p].iter().rposition(|t| matches!(t.norm.as_str(), ";" | ":")).map_or(0, |k| k + 1)
}

/// "selon X, CONTENT" or "CONTENT, selon X".
fn selon_content(toks: &[Token], v: usize) -> Option<((usize, usize), &'static str)> {
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
    t.trim_matches(|c: char| matches!(c, ',' | ' ' | '«' | '»' | '"' | '“' | '”' | '–' | '-' | ':' | '.')).to_string()
}

/// The facts of one statement: stated, and mentions from the claim.
pub fn facts(ctx: &DocContext, st: &Statement, claim_id: &str) -> Vec<Fact> {
    let si = st.si;
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
