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
use crate::lexicon::frames::{Arg, Frame, FramePos, Role};
use crate::ontology::{Modality, NodeKind, Relation};
use crate::syntax::parse::{Clause, ClauseKind, Parse, PhraseKind, Subject};
use crate::text::{fold, TokKind, Token};

use super::relate::{Discourse, View};
use super::{DocContext, Resolved};

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
    /// How the text holds the act of saying ("n'a pas confirmé": negated).
    pub modality: Modality,
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
        // Pieces are in sentence order, one a sentence.
        crate::work::add(1);
        let k = self.pieces.partition_point(|&(s, _, _)| s < si);
        self.pieces.get(k).is_some_and(|&(s, a, b)| s == si && a <= v && v < b)
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

/// Speech acts and statements of one document, read sentence by sentence
/// on the clause layer; quotations are attributed at the end.
pub struct Speech {
    qs: Vec<Quote>,
    /// Per sentence, the token ranges inside quotations.
    quoted: Vec<Vec<(usize, usize)>>,
    acts: Vec<Act>,
    out: Vec<Statement>,
}

impl Speech {
    /// Starts reading a document: its quotations are found first.
    pub fn new(ctx: &DocContext) -> Speech {
        let qs = quotes(ctx);
        let mut quoted: Vec<Vec<(usize, usize)>> = vec![Vec::new(); ctx.doc().sentences.len()];
        for q in &qs {
            for &(si, a, b) in &q.pieces {
                quoted[si].push((a, b));
            }
        }
        Speech { qs, quoted, acts: Vec::new(), out: Vec::new() }
    }

    /// Reads the speech acts of one sentence.
    pub fn sentence(&mut self, ctx: &DocContext, v: &View, disc: &Discourse) {
        let si = v.sentence();
        let mut here = Vec::new();
        read_sentence(ctx, v, disc, si, &self.quoted[si], &mut self.acts, &mut here);
        // Innermost speaker: drop an outer statement whose content holds another's act.
        let acts = &self.acts;
        here.retain(|st: &Statement| {
            !acts.iter().rev().take_while(|a| a.si == si).any(|a| {
                a.si == si && a.v >= st.content.0 && a.v < st.content.1 && a.speaker != st.speaker && !a.pronoun
            })
        });
        self.out.extend(here);
    }

    /// Every statement of the document, quotations included.
    pub fn finish(mut self, ctx: &DocContext) -> Vec<Statement> {
        let quoted = quotations(ctx, &self.qs, &self.quoted, &self.acts);
        // One claim per act of saying: a quotation already inside a
        // statement of the same speaker ("a affirmé que « … »") is that statement.
        let mut by_sentence: std::collections::HashMap<usize, Vec<usize>> = std::collections::HashMap::new();
        for (k, st) in self.out.iter().enumerate() {
            by_sentence.entry(st.si).or_default().push(k);
        }
        for q in quoted {
            let here = by_sentence.get(&q.si).map_or(&[][..], Vec::as_slice);
            let inside = here.iter().map(|&k| &self.out[k]).any(|st| {
                crate::work::add(1);
                st.speaker == q.speaker && st.range.0 <= q.range.0 && q.range.1 <= st.range.1
            });
            if !inside {
                by_sentence.entry(q.si).or_default().push(self.out.len());
                self.out.push(q);
            }
        }
        self.out
    }
}

/// The frame of saying that fits the verb group of clause `c`.
fn saying<'l>(ctx: &'l DocContext, v: &View, c: &Clause) -> Option<&'l Frame> {
    let parse = v.parse();
    let vg = parse.phrases[c.verb].verb?;
    let toks = &ctx.doc().sentences[v.sentence()].tokens;
    let lemma = if vg.lemma.is_empty() {
        let norm = &toks[vg.main].norm;
        crate::syntax::parse::guess_participle(norm)
            .or_else(|| crate::syntax::parse::guess_verb(norm))
            .unwrap_or_else(|| norm.to_string())
    } else {
        fold(vg.lemma)
    };
    ctx.lexicon().frames.of(&lemma, FramePos::Verb).find(|f| {
        f.relation == Relation::Stated
            && (f.reflexive == vg.reflexive || !f.reflexive)
            && f.particle.iter().enumerate().all(|(k, w)| toks.get(vg.main + 1 + k).is_some_and(|t| &t.norm == w))
    })
}

fn read_sentence(
    ctx: &DocContext,
    v: &View,
    disc: &Discourse,
    si: usize,
    quoted: &[(usize, usize)],
    acts: &mut Vec<Act>,
    out: &mut Vec<Statement>,
) {
    let s = &ctx.doc().sentences[si];
    let toks = &s.tokens;
    let parse = v.parse();
    let in_quote = |t: usize| quoted.iter().any(|&(a, b)| a <= t && t < b);
    let headline = is_headline(ctx, si);
    let speakers =
        |p: usize| -> Vec<Resolved> { v.all_names(p).into_iter().filter(|r| is_speaker_kind(r.kind)).collect() };
    // "Selon X, …", "D'après X, …", "…, selon X".
    for (p, ph) in parse.phrases.iter().enumerate() {
        let Some(t) = ph.prep else { continue };
        // "Pour Séoul, …" at the head of a sentence is Séoul's view.
        let pour = toks[t].norm == "pour" && t == 0 && toks.get(ph.b).is_some_and(|n| n.norm == ",");
        let selon = pour || toks[t].norm == "selon" || (toks[t].norm == "apres" && t > 0 && toks[t - 1].norm == "d'");
        if !selon || ph.kind != PhraseKind::Noun {
            continue;
        }
        let at = if toks[t].norm == "apres" { t - 1 } else { t };
        if let Some(speaker) = speakers(p).into_iter().next() {
            acts.push(Act { si, v: at, speaker: speaker.clone(), pronoun: ph.pronoun });
            if in_quote(at) || headline {
                continue;
            }
            if let Some(((a, b), rule)) = selon_content(toks, at) {
                if b > a && toks[a..b].iter().filter(|t| t.kind == TokKind::Word).count() >= 3 {
                    out.push(statement(ctx, si, speaker, (a, b), rule));
                }
            }
        }
    }
    for (ci, c) in parse.clauses.iter().enumerate() {
        let Some(frame) = saying(ctx, v, c) else { continue };
        let vg = parse.phrases[c.verb].verb.expect("clauses have verb groups");
        let verb = vg.main;
        // "…, ce que Téhéran et Damas nient": every subject denies the clause before.
        if let Some(st) = ce_que(ctx, si, verb) {
            for (speaker, content) in st {
                acts.push(Act { si, v: verb, speaker: speaker.clone(), pronoun: false });
                out.push(statement(ctx, si, speaker, content, "stated/ce-que"));
            }
            continue;
        }
        let (who, pronoun) = match c.subject {
            Subject::Pronoun(t) => (v.pronoun_token(t, disc), true),
            _ => match parse.subject_phrase(ci) {
                Some(p) => (speakers(p), parse.phrases[p].pronoun),
                None => (Vec::new(), false),
            },
        };
        if who.is_empty() {
            continue;
        }
        for speaker in &who {
            acts.push(Act { si, v: verb, speaker: speaker.clone(), pronoun });
        }
        // A verb inside a quotation is the quotation's incise, or part of it;
        // a headline states nothing of its own.
        if in_quote(verb) || headline {
            continue;
        }
        let Some(((a, b), rule)) = content(ctx, v, ci, c, frame, &in_quote) else { continue };
        let quoted_words = (a..b).any(in_quote);
        let min_words = if quoted_words {
            1
        } else if rule == "stated/clause-incise" {
            3
        } else {
            2
        };
        if b <= a || toks[a..b].iter().filter(|t| t.kind == TokKind::Word).count() < min_words {
            continue;
        }
        // "n'a pas confirmé ces informations" says nothing; "pourrait annoncer" not yet.
        let modality = if vg.negated && frame.modality != Some(Modality::Negated) {
            Modality::Negated
        } else if vg.future || matches!(vg.modal, "pouvoir" | "devoir" | "vouloir" | "aller") {
            Modality::Possible
        } else {
            Modality::Asserted
        };
        for speaker in who {
            let mut st = statement(ctx, si, speaker, (a, b), rule);
            st.modality = modality;
            out.push(st);
        }
    }
}

/// What a verb of saying says: its "que" clause, its infinitive, the
/// clause before an incise, what follows a colon, or its object or
/// complement when the frame takes one. Token range and rule id.
fn content(
    ctx: &DocContext,
    v: &View,
    ci: usize,
    c: &Clause,
    frame: &Frame,
    in_quote: &dyn Fn(usize) -> bool,
) -> Option<((usize, usize), &'static str)> {
    let parse = v.parse();
    let si = v.sentence();
    let toks = &ctx.doc().sentences[si].tokens;
    let end = |a: usize| content_end(parse, toks, ci, a);
    // The "que" clause.
    if let Some(k) = parse.clauses.iter().find(|k| k.parent == Some(ci) && k.kind == ClauseKind::Completive) {
        let que = parse.phrases[k.first].a;
        if toks[que].norm == "que" || toks[que].norm == "qu'" {
            let a = que + 1;
            return Some(((a, end(a)), "stated/verb-que"));
        }
    }
    // The infinitive: "a affirmé avoir démantelé", "menace de rompre".
    if let Some(k) = parse.clauses.iter().find(|k| k.parent == Some(ci) && k.kind == ClauseKind::Infinitival) {
        let a = parse.phrases[k.verb].a;
        let vg_end = parse.phrases[c.verb].b;
        if a >= vg_end && a - vg_end <= 4 {
            return Some(((a, end(a)), "stated/verb-infinitive"));
        }
    }
    let vp = &parse.phrases[c.verb];
    if c.kind == ClauseKind::Incise {
        // "CLAUSE, a déclaré X": the clause, unless it is a quotation (read apart).
        let p = vp.a.checked_sub(1)?;
        if toks[p].norm != "," || in_quote(p.saturating_sub(1)) {
            return None;
        }
        let a = clause_start(toks, p);
        if in_quote(a) || incise_continues(toks, vp.b.saturating_sub(1)) {
            return None;
        }
        return Some(((a, p), "stated/clause-incise"));
    }
    // A colon: "a déclaré : …".
    if toks.get(vp.b).is_some_and(|t| t.norm == ":") {
        let a = vp.b + 1;
        return Some(((a, end(a)), "stated/verb-colon"));
    }
    // The object or complement the frame names as what is said.
    for slot in &frame.slots {
        if !slot.roles.contains(&Role::What) {
            continue;
        }
        let is_prep = |o: usize, w: &str| {
            parse.phrases[o].prep.is_some_and(|t| {
                let n = toks[t].norm.as_str();
                n == w || (w == "de" && matches!(n, "du" | "des" | "d'")) || (w == "a" && matches!(n, "au" | "aux"))
            })
        };
        let phrase = match &slot.arg {
            Arg::Obj => c.object,
            // "a qualifié la décision de « trahison »": the "de" after the object.
            Arg::Prep(w) => c.obliques.iter().copied().find(|&o| is_prep(o, w)).or_else(|| {
                let o = c.object?;
                (o + 1..parse.phrases.len().min(o + 4)).find(|&q| parse.phrases[q].of == Some(o) && is_prep(q, w))
            }),
            _ => None,
        };
        if let Some(p) = phrase {
            let a = parse.phrases[p].a;
            // A quotation's opening mark just before belongs to it.
            let a = if a > 0 && matches!(toks[a - 1].text.as_str(), "«" | "“" | "\"") { a - 1 } else { a };
            // What is said is the phrase with its complements, conjuncts and
            // relative clauses ("les informations selon lesquelles …"), up to
            // the next clause that is not part of it ("…, et indiqué que").
            let mut inside: Vec<usize> = vec![ci];
            let mut b = end(a);
            for (k, kc) in parse.clauses.iter().enumerate() {
                if k == ci || parse.phrases[kc.verb].a <= parse.phrases[p].a {
                    continue;
                }
                let on_object = matches!(kc.kind, ClauseKind::Relative { antecedent: Some(x), .. } if x >= p);
                let under = kc.parent.is_some_and(|q| inside.contains(&q)) && kc.subject != Subject::Of(ci);
                if on_object || under {
                    inside.push(k);
                    continue;
                }
                let first = parse.phrases[kc.first.max(p + 1).min(kc.verb)].a;
                let mut cut = first.min(parse.phrases[kc.verb].a);
                while cut > a && matches!(toks[cut - 1].norm.as_str(), "," | "et" | "puis" | "mais" | "ou") {
                    cut -= 1;
                }
                b = b.min(cut);
                break;
            }
            let b = b.min(end(a)).max(a + 1);
            return Some(((a, b), "stated/verb-object"));
        }
    }
    None
}

/// Where reported content that starts at token `a` ends: the end of the
/// sentence, or the comma before an incise that tags it ("…, a-t-il ajouté").
fn content_end(parse: &Parse, toks: &[Token], ci: usize, a: usize) -> usize {
    let mut end = sentence_end(toks);
    for c in &parse.clauses {
        let vp = &parse.phrases[c.verb];
        // "a jugé la situation préoccupante et indiqué que …": the second
        // verb of the same speaker is another act of saying.
        if c.subject == Subject::Of(ci) && c.kind == parse.clauses[ci].kind && vp.a > a && vp.a < end {
            let mut k = vp.a;
            while k > a && matches!(toks[k - 1].norm.as_str(), "," | "et" | "puis" | "mais") {
                k -= 1;
            }
            end = k;
        }
        if c.kind == ClauseKind::Incise && vp.a > a && vp.a < end {
            let mut k = vp.a;
            while k > a && matches!(toks[k - 1].norm.as_str(), "," | "»" | "”" | "\"" | "-" | "–" | "—") {
                k -= 1;
            }
            end = k;
        }
    }
    end.max(a)
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
fn quotations(ctx: &DocContext, qs: &[Quote], quoted: &[Vec<(usize, usize)>], acts: &[Act]) -> Vec<Statement> {
    let sents = &ctx.doc().sentences;
    // Acts come in sentence order: those of sentences a..=b are one slice.
    let within = |a: usize, b: usize| {
        let from = acts.partition_point(|x| x.si < a);
        let to = acts.partition_point(|x| x.si <= b);
        &acts[from..to.max(from)]
    };
    let in_any = |si: usize, v: usize| quoted[si].iter().any(|&(a, b)| a <= v && v < b);
    let tagged: Vec<Option<&Act>> = qs
        .iter()
        .map(|q| {
            let (csi, ck) = q.last();
            let after = within(csi, csi)
                .iter()
                .find(|a| a.si == csi && a.v > ck && a.v - ck <= 4 && tag_glue(&sents[csi].tokens[ck + 1..a.v]));
            let next = within(csi + 1, csi + 1).iter().find(|a| {
                a.si == csi + 1 && a.v <= 5 && {
                    let t = &sents[a.si].tokens;
                    t.len() > 3 && t[0].norm == "c'" && t[1].norm == "est" && t[2].norm == "ce"
                }
            });
            let incise = within(q.first().0, q.last().0)
                .iter()
                .find(|a| q.contains(a.si, a.v) && is_incise(&sents[a.si].tokens, a.v));
            after.or(next).or(incise)
        })
        .collect();
    let mut out = Vec::new();
    let mut prev: Option<(usize, Resolved)> = None; // (sentence of its end, speaker)
    for (qi, q) in qs.iter().enumerate() {
        let (osi, ok) = q.first();
        let headline = is_headline(ctx, osi);
        let governing =
            within(osi, osi).iter().rev().find(|a| a.si == osi && a.v < ok && ok - a.v <= 4 && !q.contains(a.si, a.v));
        let nearest = within(osi, osi).iter().rev().find(|a| a.si == osi && a.v < ok && !in_any(a.si, a.v));
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
        let incise = within(q.first().0, q.last().0)
            .iter()
            .find(|a| q.contains(a.si, a.v) && is_incise(&sents[a.si].tokens, a.v));
        // "« … », a déclaré X, « … »": the second part continues the first claim.
        let split_from = qi.checked_sub(1).and_then(|p| {
            let tag = tagged[p]?;
            if tag.si != osi || ok <= tag.v + 1 || ok - tag.v > 12 {
                return None;
            }
            let before_open = &sents[osi].tokens[tag.v + 1..ok - 1];
            (before_open.last().is_some_and(|t| t.norm == ",")
                && !within(osi, osi).iter().any(|a| a.si == osi && a.v > tag.v && a.v < ok))
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
            // Leave the incise out of the words: "– poursuit Lindqvist –".
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

/// Whether the sentence goes on after an incise at `v` ("X, a poursuivi
/// Guterres, marque « … »", "Lors de la réunion, poursuit Lindqvist, « … »"):
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
    Statement {
        si,
        speaker,
        text: span_text(ctx, si, a, b),
        range,
        rule,
        content: (a, b),
        modality: Modality::Asserted,
    }
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

fn is_speaker_kind(k: NodeKind) -> bool {
    matches!(k, NodeKind::Person | NodeKind::Organization | NodeKind::Country)
}

/// "…, ce que Téhéran et Damas nient": each subject, with the clause before.
fn ce_que(ctx: &DocContext, si: usize, v: usize) -> Option<Vec<(Resolved, (usize, usize))>> {
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
    let mut stated = ctx.fact(si, &st.speaker.id, Relation::Stated, claim_id, st.rule);
    stated.modality = st.modality;
    let mut out = vec![stated];
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
