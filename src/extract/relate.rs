//! Relations read from clauses through frames: who did what to whom.
//!
//! Every clause of the syntax layer whose verb triggers a frame
//! (`lexicon/data/frames.tsv`) has its arguments looked up where the frame
//! says: the subject, the object, a preposition's complement, a
//! nationality adjective on an argument. A noun or an adjective that
//! triggers a frame ("la visite de X à Y", "X, membre de Y", "présent à X")
//! takes its complements, its adjectives, or what it is said of. The
//! passive and the participle swap subject and object; coordinated
//! arguments give an edge each; a pronoun or "le pays" stands for the last
//! actor of its kind; a head of state acting for their state is lifted to
//! it. Modality comes from the verb group (negation, conditional, future,
//! modals), the words that govern the clause (`modality.tsv`: "menace de",
//! "nie avoir"), and reported speech. Rule ids are `frame/TRIGGER`.

use crate::graph::{node_id, AttrValue, Fact};
use crate::lexicon::frames::{Arg, Class, Frame, FramePos, Into, NeedOn, Role, Scope};
use crate::ontology::{Modality, NodeKind, Relation};
use crate::syntax::parse::{Clause, ClauseKind, Parse, PhraseKind, Voice};
use crate::syntax::{Gen, Mood, Num, Tense, Upos, VerbForm};
use crate::text::{fold, TokKind, Token};

use super::dates::Time;
use super::mention::Ref;
use super::{DocContext, Resolved, World};

/// A fact and the country nodes it implies (id, kind, label), declared if unseen.
pub type EventFact = (Fact, Vec<(String, NodeKind, String)>);

/// Prepositions of place.
const LOC_PREPS: &[&str] = &["a", "au", "aux", "en", "dans", "vers", "sur", "jusqu'a", "chez", "pres", "devant"];

/// The kinds a relation's source and target may be.
fn fits(rel: Relation, role: Role, kind: NodeKind) -> bool {
    use NodeKind::{Country, Location, Organization, Person};
    let (src, tgt): (&[NodeKind], &[NodeKind]) = match rel {
        Relation::Deploys => (&[Country, Organization], &[Location, Country]),
        Relation::Met => (&[Person], &[Person]),
        Relation::Visited => (&[Person], &[Location, Country]),
        Relation::Summoned => (&[Country, Organization, Person], &[Person]),
        Relation::Supplies => (&[Country, Organization], &[Country, Organization]),
        Relation::Attacks => (&[Country, Organization], &[Country, Location]),
        Relation::AlliedWith => (&[Country], &[Country]),
        Relation::MemberOf => (&[Country], &[Organization]),
        Relation::LocatedIn => (&[Location], &[Location, Country]),
        Relation::PartOf => (&[Organization], &[Organization, Country]),
        _ => return false,
    };
    match role {
        Role::Source => src.contains(&kind) || (kind == Person && lifts(rel)),
        Role::Target => tgt.contains(&kind),
        Role::What => true,
    }
}

/// Relations whose person agent acts for their state.
fn lifts(rel: Relation) -> bool {
    matches!(rel, Relation::Deploys | Relation::Supplies | Relation::Attacks | Relation::AlliedWith)
}

/// What carries from one sentence to the next: the actors pronouns stand for.
#[derive(Debug, Default, Clone)]
pub struct Discourse {
    /// The last subjects read, newest last: (entities, their number, gender of a lone person).
    subjects: Vec<(Vec<Resolved>, Num, Gen)>,
    /// The state whose forces the text last spoke of ("ces soldats", "d'entre eux").
    troops: Option<Resolved>,
}

impl Discourse {
    fn remember(&mut self, ents: &[Resolved], gender: Gen) {
        if ents.is_empty() {
            return;
        }
        let num = if ents.len() > 1 { Num::Plur } else { Num::Sing };
        self.subjects.push((ents.to_vec(), num, gender));
        if self.subjects.len() > 8 {
            self.subjects.remove(0);
        }
    }

    /// The actors a pronoun of this gender and number stands for.
    fn pronoun(&self, gender: Gen, num: Num, want: &[NodeKind]) -> Vec<Resolved> {
        for (ents, n, g) in self.subjects.iter().rev() {
            if num != Num::None && *n != num {
                continue;
            }
            if !ents.iter().all(|e| want.contains(&e.kind)) {
                continue;
            }
            if gender != Gen::None && *g != Gen::None && *g != gender {
                continue;
            }
            return ents.clone();
        }
        Vec::new()
    }

    /// The last actor of a kind ("le pays", "l'organisation").
    fn last_of(&self, kind: NodeKind, n: usize) -> Vec<Resolved> {
        let mut out: Vec<Resolved> = Vec::new();
        for (ents, _, _) in self.subjects.iter().rev() {
            for e in ents.iter().rev() {
                if e.kind == kind && !out.contains(e) {
                    out.push(e.clone());
                }
            }
            if out.len() >= n {
                break;
            }
        }
        out.truncate(n);
        out.reverse();
        out
    }
}

/// One sentence as the frames read it.
pub struct View<'a, 'c, 'd> {
    ctx: &'a DocContext<'c, 'd>,
    /// The sentence's tags, phrases and clauses.
    pub syn: &'a super::Syntax,
    world: &'a World,
    si: usize,
    toks: &'a [Token],
    parse: &'a Parse,
    /// Per phrase, the entities it names (its conjuncts apart).
    names: Vec<Vec<Resolved>>,
    /// Per phrase, the state of a nationality adjective inside it.
    demonym: Vec<Option<Resolved>>,
    /// Whether the sentence has "selon X" or "d'après X" outside quotations.
    attributed: bool,
    /// Token ranges inside quotation marks.
    quoted: Vec<(usize, usize)>,
    /// The state whose forces were last spoken of.
    troops: Option<Resolved>,
    /// Per phrase, the city a capital stands for when it names a state ("Beyrouth" for Liban).
    city: Vec<Option<(Resolved, String)>>,
}

impl<'a, 'c, 'd> View<'a, 'c, 'd> {
    /// The view of sentence `si`, pronouns resolved through `disc`.
    pub fn new(
        ctx: &'a DocContext<'c, 'd>,
        world: &'a World,
        si: usize,
        disc: &Discourse,
        syn: &'a super::Syntax,
    ) -> Self {
        let s = &ctx.doc().sentences[si];
        let parse = &syn.parse;
        let toks = &s.tokens;
        let n = parse.phrases.len();
        let mut v = View {
            ctx,
            syn,
            world,
            si,
            toks,
            parse,
            names: vec![Vec::new(); n],
            demonym: vec![None; n],
            attributed: false,
            quoted: quoted(toks),
            troops: disc.troops.clone(),
            city: vec![None; n],
        };
        for p in 0..n {
            v.names[p] = v.phrase_names(p, disc);
            v.demonym[p] = v.phrase_demonym(p);
            v.city[p] = v.phrase_city(p);
        }
        v.bind_pronouns();
        v.attributed = parse.phrases.iter().any(|p| {
            p.kind == PhraseKind::Noun
                && p.prep.is_some_and(|t| {
                    let w = toks[t].norm.as_str();
                    w == "selon" || (w == "apres" && t > 0 && toks[t - 1].norm == "d'")
                })
        });
        v
    }

    fn resolved_mention(&self, mi: usize) -> Option<Resolved> {
        self.ctx.resolved[self.si][mi].clone()
    }

    /// The entities phrase `p` names by itself: its atom, a name in
    /// apposition, the holder of a title, what a pronoun stands for.
    fn phrase_names(&self, p: usize, disc: &Discourse) -> Vec<Resolved> {
        let s = &self.ctx.doc().sentences[self.si];
        let ph = &self.parse.phrases[p];
        if ph.kind != PhraseKind::Noun {
            return Vec::new();
        }
        if let Some(a) = ph.atom {
            if let Some(&mi) = self.syn.atoms.get(a) {
                return self.resolved_mention(mi).into_iter().collect();
            }
        }
        // A name in apposition: "son invité, le ministre X".
        for q in self.parse.appositions(p) {
            if let Some(a) = self.parse.phrases[q].atom {
                if let Some(&mi) = self.syn.atoms.get(a) {
                    if let Some(r) = self.resolved_mention(mi) {
                        return vec![r];
                    }
                }
            }
        }
        // A body described by common nouns ("l'armée ukrainienne") is a mention too.
        for (mi, m) in s.mentions.entities.iter().enumerate() {
            if m.a >= ph.a && m.b <= ph.b && m.a <= ph.head && ph.head < m.b && m.rule != "demonym" {
                if let Some(r) = self.resolved_mention(mi) {
                    return vec![r];
                }
            }
        }
        // A title without a name stands for the one person of the document
        // who holds it; "les deux ministres" is read below.
        let plural_title = ph.number == Num::Plur || self.toks[ph.head].norm.ends_with('s');
        for role in s.mentions.roles.iter().filter(|_| !plural_title) {
            if role.a <= ph.head && ph.head < role.b.max(role.title_b) {
                if let Some(id) = self.ctx.described_unique(role, self.si, self.world) {
                    return vec![Resolved { id, kind: NodeKind::Person }];
                }
            }
        }
        // Pronouns and anaphoric phrases.
        let head = self.toks[ph.head].norm.as_str();
        let actors = [NodeKind::Person, NodeKind::Country, NodeKind::Organization];
        if ph.pronoun {
            return match head {
                "il" | "-il" | "-t-il" | "lui" => disc.pronoun(Gen::Masc, Num::Sing, &[NodeKind::Person]),
                "elle" | "-elle" | "-t-elle" => disc.pronoun(Gen::Fem, Num::Sing, &[NodeKind::Person]),
                "ils" | "-ils" | "-t-ils" | "eux" => disc.pronoun(Gen::None, Num::Plur, &actors),
                "elles" | "-elles" => disc.pronoun(Gen::None, Num::Plur, &actors),
                _ => Vec::new(),
            };
        }
        let det = if ph.a < ph.head { self.toks[ph.a].norm.as_str() } else { "" };
        let definite = matches!(det, "le" | "la" | "l'" | "les" | "ce" | "cet" | "cette" | "ces");
        if definite && ph.atom.is_none() {
            let count = (ph.a..ph.head)
                .find_map(|t| match self.toks[t].norm.as_str() {
                    "deux" => Some(2),
                    "trois" => Some(3),
                    _ => None,
                })
                .unwrap_or(1);
            match head {
                "pays" | "etat" | "etats" | "royaume" | "republique" | "nation" => {
                    return disc.last_of(NodeKind::Country, count)
                }
                "ministres" | "dirigeants" | "responsables" | "presidents" | "chefs" | "diplomates" | "hommes"
                | "femmes" | "dirigeantes" | "ministre" | "president" | "dirigeant" | "diplomate"
                    if count >= 2 =>
                {
                    return disc.last_of(NodeKind::Person, count);
                }
                // An organization named earlier in the sentence comes first
                // ("l'Union X a échoué : A et B, pourtant membres de l'organisation, …").
                "organisation" | "alliance" | "agence" => {
                    let here = (0..p)
                        .rev()
                        .flat_map(|q| self.names[q].iter().rev())
                        .find(|e| e.kind == NodeKind::Organization);
                    return match here {
                        Some(e) => vec![e.clone()],
                        None => disc.last_of(NodeKind::Organization, 1),
                    };
                }
                _ => {}
            }
        }
        Vec::new()
    }

    /// Whether a title of the lexicon stands inside noun phrase `p` ("le
    /// conseiller X", "la ministre X").
    fn titled(&self, p: usize) -> bool {
        let ph = &self.parse.phrases[p];
        self.ctx.doc().sentences[self.si].mentions.roles.iter().any(|r| r.a >= ph.a && r.a < ph.b)
    }

    /// The entities phrase `p` names (an atom, an apposition, a title's
    /// holder, a pronoun's antecedent), its conjuncts apart.
    pub fn names(&self, p: usize) -> &[Resolved] {
        &self.names[p]
    }

    /// The entities of phrase `p` and of every conjunct of its coordination.
    pub fn all_names(&self, p: usize) -> Vec<Resolved> {
        self.conj_names(p).into_iter().map(|(_, r)| r).collect()
    }

    /// The parse of the sentence.
    pub fn parse(&self) -> &Parse {
        self.parse
    }

    /// The sentence's index.
    pub fn sentence(&self) -> usize {
        self.si
    }

    /// What the pronoun token `t` (an inverted "-t-il") stands for.
    pub fn pronoun_token(&self, t: usize, disc: &Discourse) -> Vec<Resolved> {
        let actors = [NodeKind::Person, NodeKind::Country, NodeKind::Organization];
        match self.toks[t].norm.as_str() {
            "-il" | "-t-il" => disc.pronoun(Gen::Masc, Num::Sing, &[NodeKind::Person]),
            "-elle" | "-t-elle" => disc.pronoun(Gen::Fem, Num::Sing, &[NodeKind::Person]),
            "-ils" | "-t-ils" | "-elles" | "-t-elles" => disc.pronoun(Gen::None, Num::Plur, &actors),
            _ => Vec::new(),
        }
    }

    /// The city of a capital that phrase `p` names as its state.
    fn phrase_city(&self, p: usize) -> Option<(Resolved, String)> {
        let s = &self.ctx.doc().sentences[self.si];
        let mi = *self.syn.atoms.get(self.parse.phrases[p].atom?)?;
        let m = &s.mentions.entities[mi];
        match (&m.target, m.alt.as_deref()) {
            (Ref::Country(_), Some(Ref::Place { id, label, .. })) => {
                Some((Resolved { id: id.clone(), kind: NodeKind::Location }, label.clone()))
            }
            _ => None,
        }
    }

    /// A subject pronoun takes the subject of an earlier clause of the same
    /// sentence when one fits ("X a balayé ces accusations, qu'il qualifie
    /// de propagande"), before anything of the sentences before.
    fn bind_pronouns(&mut self) {
        let parse = self.parse;
        let mut seen: Vec<(usize, Vec<Resolved>)> = Vec::new();
        for ci in 0..parse.clauses.len() {
            let Some(p) = parse.subject_phrase(ci) else { continue };
            let ph = &parse.phrases[p];
            if ph.pronoun {
                let want = match self.toks[ph.head].norm.as_str() {
                    "il" => Some((Gen::Masc, false)),
                    "elle" => Some((Gen::Fem, false)),
                    "ils" | "elles" => Some((Gen::None, true)),
                    _ => None,
                };
                let Some((gender, plural)) = want else { continue };
                let found = seen.iter().rev().find(|(q, ents)| {
                    *q < p
                        && !ents.is_empty()
                        && (ents.len() > 1) == plural
                        && (plural
                            || ents[0].kind != NodeKind::Person
                            || gender == Gen::None
                            || self.gender(&ents[0]) == Gen::None
                            || self.gender(&ents[0]) == gender)
                });
                if let Some((_, ents)) = found {
                    self.names[p] = ents.clone();
                }
            } else {
                let ents = self.all_names(p);
                if !ents.is_empty() && !seen.iter().any(|(q, _)| *q == p) {
                    seen.push((p, ents));
                }
            }
        }
    }

    fn gender(&self, r: &Resolved) -> Gen {
        match self.ctx.gender_of(&r.id) {
            crate::lexicon::Gender::Male => Gen::Masc,
            crate::lexicon::Gender::Female => Gen::Fem,
            crate::lexicon::Gender::Unknown => Gen::None,
        }
    }

    /// The state of a nationality adjective inside phrase `p`.
    fn phrase_demonym(&self, p: usize) -> Option<Resolved> {
        let s = &self.ctx.doc().sentences[self.si];
        let ph = &self.parse.phrases[p];
        if ph.kind != PhraseKind::Noun {
            return None;
        }
        s.mentions.entities.iter().enumerate().find_map(|(mi, m)| {
            (m.rule == "demonym" && m.a >= ph.a && m.b <= ph.b).then(|| self.resolved_mention(mi)).flatten()
        })
    }

    /// The entities of phrase `p` and of its conjuncts.
    fn conj_names(&self, p: usize) -> Vec<(usize, Resolved)> {
        let mut out = Vec::new();
        for q in self.parse.conjuncts(p) {
            for r in &self.names[q] {
                out.push((q, r.clone()));
            }
        }
        out
    }

    /// The lemma of the common noun before a phrase's name ("porte-avions"
    /// in "le porte-avions américain USS X"), else the head lemma.
    fn head_lemma_before_name(&self, p: usize) -> String {
        let ph = &self.parse.phrases[p];
        match (ph.a..ph.head).rev().find(|&t| self.syn.tags[t].upos == Upos::Noun) {
            Some(t) if !self.syn.tags[t].lemma.is_empty() => fold(self.syn.tags[t].lemma),
            Some(t) => self.toks[t].norm.to_string(),
            None => self.head_lemma(p),
        }
    }

    /// The head lemma of a phrase (the tagger's, else the folded form).
    fn head_lemma(&self, p: usize) -> String {
        let ph = &self.parse.phrases[p];
        let tag = self.syn.tags[ph.head];
        if tag.lemma.is_empty() {
            self.toks[ph.head].norm.to_string()
        } else {
            fold(tag.lemma)
        }
    }

    fn prep_word(&self, p: usize) -> Option<&str> {
        let t = self.parse.phrases[p].prep?;
        Some(match self.toks[t].norm.as_str() {
            "au" | "aux" => "a",
            // "près de Taïwan", "non loin de", "autour de": a place.
            "du" | "des" | "d'" | "de"
                if t > 0
                    && matches!(
                        self.toks[t - 1].norm.as_str(),
                        "pres" | "proche" | "autour" | "loin" | "aupres" | "long"
                    ) =>
            {
                "pres"
            }
            "du" | "des" | "d'" => "de",
            w => w,
        })
    }

    /// What a phrase without a name of its own stands for: forces stand
    /// for whoever they belong to ("des navires de la flotte russe", "les
    /// troupes turques", "ces soldats"); a vague place for its state
    /// ("le territoire russe", "l'est de la Russie").
    fn stand_in(&self, p: usize) -> Option<Resolved> {
        let lx = self.ctx.lexicon();
        // "plusieurs centaines de paramilitaires de X": the quantity is of what follows.
        let inner = self.through_quantity(p);
        if inner != p {
            return self.names[inner]
                .first()
                .cloned()
                .or_else(|| self.stand_in(inner))
                .or_else(|| self.demonym[p].clone());
        }
        let lemma = self.head_lemma(p);
        let forces = lx.frames.in_class(&lemma, "forces");
        let vague = lx.frames.in_class(&lemma, "territory") || lx.frames.in_class(&lemma, "settlements");
        if !forces && !vague {
            return None;
        }
        let de = self
            .parse
            .phrases
            .iter()
            .enumerate()
            .skip(p + 1)
            .take(4)
            .find(|(_, q)| q.of == Some(p))
            .and_then(|(q, _)| self.names[q].first().cloned());
        let own = de.or_else(|| self.demonym[p].clone()).filter(|r| r.kind != NodeKind::Person);
        if own.is_some() {
            return own;
        }
        if forces {
            let ph = &self.parse.phrases[p];
            let det = if ph.a < ph.head { self.toks[ph.a].norm.as_str() } else { "" };
            // "ces soldats", "les troupes", "d'entre eux": the forces spoken of.
            let anaphoric = matches!(det, "ces" | "ce" | "cette" | "les" | "leurs" | "ses")
                || self.parse.phrases.iter().any(|q| q.of == Some(p) && q.pronoun);
            if anaphoric {
                return self.troops.clone();
            }
        }
        None
    }

    /// The "de" complement of a quantity noun ("des centaines de soldats",
    /// "une partie des troupes"), else `p` itself.
    pub fn through_quantity(&self, p: usize) -> usize {
        let lx = self.ctx.lexicon();
        if self.parse.phrases[p].kind != PhraseKind::Noun || !lx.frames.in_class(&self.head_lemma(p), "quantity") {
            return p;
        }
        self.parse.phrases.iter().enumerate().skip(p + 1).take(2).find(|(_, q)| q.of == Some(p)).map_or(p, |(q, _)| q)
    }

    /// The preposition governing phrase `p`, folded and normalized
    /// ("au" and "aux" are "a", "des" is "de").
    pub(crate) fn prep_of(&self, p: usize) -> Option<&str> {
        self.prep_word(p)
    }

    /// The tokens of the sentence.
    pub(crate) fn tokens(&self) -> &[Token] {
        self.toks
    }

    /// The document context the view reads.
    pub(crate) fn context(&self) -> &'a DocContext<'c, 'd> {
        self.ctx
    }

    /// The state of a nationality adjective inside phrase `p`.
    pub(crate) fn demonym_in(&self, p: usize) -> Option<&Resolved> {
        self.demonym[p].as_ref()
    }

    /// The subject phrase of clause `ci` and whether it acts (false in the
    /// passive and for a passive participle).
    pub(crate) fn subject(&self, ci: usize) -> (Option<usize>, bool) {
        subject_of(self, ci)
    }

    /// The same view with phrase `p` naming `names` (to ask what a name
    /// of another kind would give).
    pub(crate) fn with_names(&self, p: usize, names: Vec<Resolved>) -> View<'a, 'c, 'd> {
        let mut all = self.names.clone();
        all[p] = names;
        View {
            ctx: self.ctx,
            syn: self.syn,
            world: self.world,
            si: self.si,
            toks: self.toks,
            parse: self.parse,
            names: all,
            demonym: self.demonym.clone(),
            attributed: self.attributed,
            quoted: self.quoted.clone(),
            troops: self.troops.clone(),
            city: self.city.clone(),
        }
    }

    fn in_quote(&self, t: usize) -> bool {
        self.quoted.iter().any(|&(a, b)| a <= t && t < b)
    }
}

/// Token ranges between quotation marks in one sentence.
fn quoted(toks: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, t) in toks.iter().enumerate() {
        match t.text.as_str() {
            "«" | "“" => open = Some(i),
            "»" | "”" => {
                if let Some(a) = open.take() {
                    out.push((a, i + 1));
                }
            }
            "\"" => match open.take() {
                Some(a) => out.push((a, i + 1)),
                None => open = Some(i),
            },
            _ => {}
        }
    }
    if let Some(a) = open {
        out.push((a, toks.len()));
    }
    out
}

/// An argument found for a slot: its phrase and entity.
#[derive(Debug, Clone)]
struct Found {
    phrase: usize,
    ent: Option<Resolved>,
}

/// The arguments of a frame in one clause or around one noun.
#[derive(Debug, Default)]
struct Filled {
    source: Vec<Found>,
    target: Vec<Found>,
    what: Vec<Found>,
    /// Source and target came from one coordination ("A, B et C ont signé un pacte").
    pairwise: bool,
}

impl Filled {
    fn slot(&mut self, role: Role) -> &mut Vec<Found> {
        match role {
            Role::Source => &mut self.source,
            Role::Target => &mut self.target,
            Role::What => &mut self.what,
        }
    }
}

/// Reads the frames of sentence `si`; updates the discourse.
pub fn read(ctx: &DocContext, si: usize, world: &World, disc: &mut Discourse) -> Vec<EventFact> {
    let syn = crate::syntax::tag::with_scratch(|s| super::Syntax::read(&ctx.doc().sentences[si], s));
    let v = View::new(ctx, world, si, disc, &syn);
    let out = frames(&v);
    remember(&v, disc);
    out
}

/// The lemma frames look a clause's verb up by: the tagger's, folded, else
/// a guess from the form.
pub(crate) fn clause_lemma(v: &View, c: &Clause) -> String {
    let vg = v.parse.phrases[c.verb].verb.expect("clauses are headed by verb groups");
    if vg.lemma.is_empty() {
        crate::syntax::parse::guess_participle(&v.toks[vg.main].norm)
            .or_else(|| crate::syntax::parse::guess_verb(&v.toks[vg.main].norm))
            .unwrap_or_else(|| v.toks[vg.main].norm.to_string())
    } else {
        fold(vg.lemma)
    }
}

/// The edges frame `f`, a verb frame not in the lexicon, would read in
/// clause `ci`, as if it were.
pub(crate) fn try_verb_frame(v: &View, ci: usize, f: &Frame) -> Vec<EventFact> {
    let c = &v.parse.clauses[ci];
    let mut out = Vec::new();
    let filled = fill_verb(v, ci, c, f);
    emit(v, f, ci, c.verb, filled, &mut out);
    out
}

/// The edges frame `f`, a noun frame not in the lexicon, would read around
/// the noun phrase `p`, as if it were.
pub(crate) fn try_noun_frame(v: &View, p: usize, f: &Frame) -> Vec<EventFact> {
    let clause = clause_around(v.parse, p);
    let mut out = Vec::new();
    let filled = fill_noun(v, p, v.parse.phrases[p].head, clause, f);
    emit(v, f, clause.unwrap_or(usize::MAX), p, filled, &mut out);
    out
}

/// The edges the frames read in one sentence.
pub fn frames(v: &View) -> Vec<EventFact> {
    let mut out = Vec::new();
    let ctx = v.ctx;
    let lx = ctx.lexicon();
    let parse = v.parse;
    for (ci, c) in parse.clauses.iter().enumerate() {
        let vg = parse.phrases[c.verb].verb.expect("clauses are headed by verb groups");
        let lemma = clause_lemma(v, c);
        for f in lx.frames.of(&lemma, FramePos::Verb) {
            if f.relation == Relation::Stated
                || f.reflexive != vg.reflexive && !(f.reflexive && c.kind == ClauseKind::Participial)
            {
                continue;
            }
            if !f.particle.is_empty() && !particle_follows(v.toks, vg.main, &f.particle) {
                continue;
            }
            let filled = fill_verb(v, ci, c, f);
            emit(v, f, ci, c.verb, filled, &mut out);
        }
    }
    for (p, ph) in parse.phrases.iter().enumerate() {
        if ph.kind != PhraseKind::Noun || ph.pronoun {
            continue;
        }
        let pos = match v.syn.tags[ph.head].upos {
            Upos::Adj => FramePos::Adj,
            Upos::Noun => FramePos::Noun,
            _ if ph.atom.is_some() => {
                // A trigger noun before a name ("l'agence officielle chinoise Xinhua").
                if ph.a < ph.head && v.syn.tags[ph.a..ph.head].iter().any(|t| t.upos == Upos::Noun) {
                    FramePos::Noun
                } else {
                    continue;
                }
            }
            _ => continue,
        };
        let head = if pos == FramePos::Noun && ph.atom.is_some() {
            // The noun before the name.
            (ph.a..ph.head).rev().find(|&t| v.syn.tags[t].upos == Upos::Noun).unwrap_or(ph.head)
        } else {
            ph.head
        };
        let lemma = if v.syn.tags[head].lemma.is_empty() {
            v.toks[head].norm.to_string()
        } else {
            fold(v.syn.tags[head].lemma)
        };
        let clause = clause_around(parse, p);
        for f in lx.frames.of(&lemma, pos) {
            let filled = fill_noun(v, p, head, clause, f);
            emit(v, f, clause.unwrap_or(usize::MAX), p, filled, &mut out);
        }
    }
    dateline_visit(v, &mut out);
    out
}

/// Remembers what sentence `v` says for the pronouns of the sentences after it.
pub fn remember(v: &View, disc: &mut Discourse) {
    let ctx = v.ctx;
    let lx = ctx.lexicon();
    let parse = v.parse;
    // The forces last named with their state, for "ces soldats" later.
    for (p, ph) in parse.phrases.iter().enumerate() {
        if ph.kind == PhraseKind::Noun && lx.frames.in_class(&v.head_lemma(p), "forces") {
            if let Some(d) = v.demonym[p].clone() {
                disc.troops = Some(d);
            }
        }
    }
    // Remember the subjects of this sentence's clauses for the pronouns of the next.
    for (ci, c) in parse.clauses.iter().enumerate() {
        if matches!(c.kind, ClauseKind::Main | ClauseKind::Incise | ClauseKind::Completive) {
            if let Some(p) = parse.subject_phrase(ci) {
                let ents: Vec<Resolved> = v.conj_names(p).into_iter().map(|(_, r)| r).collect();
                let gender = ents
                    .first()
                    .filter(|e| ents.len() == 1 && e.kind == NodeKind::Person)
                    .map(|e| match ctx.gender_of(&e.id) {
                        crate::lexicon::Gender::Male => Gen::Masc,
                        crate::lexicon::Gender::Female => Gen::Fem,
                        crate::lexicon::Gender::Unknown => Gen::None,
                    })
                    .unwrap_or(Gen::None);
                disc.remember(&ents, gender);
            }
        }
    }
}

/// "À Rome, le ministre X a déclaré …": a sentence that opens on a place
/// and goes on with a person as subject says the person was there, when
/// the place is not in the person's own state.
fn dateline_visit(v: &View, out: &mut Vec<EventFact>) {
    let parse = v.parse;
    let Some(first) = parse.phrases.first() else { return };
    if first.kind != PhraseKind::Noun || !v.prep_word(0).is_some_and(|w| matches!(w, "a" | "en")) {
        return;
    }
    if parse.phrases.get(1).is_none_or(|p| p.kind != PhraseKind::Punct || v.toks[p.a].norm != ",") {
        return;
    }
    let Some(place) = v.names[0].first().filter(|r| r.kind == NodeKind::Location) else { return };
    let Some(main) = parse.clauses.iter().position(|c| c.kind == ClauseKind::Main) else { return };
    let Some(subj) = parse.subject_phrase(main) else { return };
    let s = &v.ctx.doc().sentences[v.si];
    let Some(place_country) = place_state(v, s, 0) else { return };
    for (_, person) in v.conj_names(subj) {
        if person.kind != NodeKind::Person {
            continue;
        }
        let Some(home) = v.world.country_of.get(&person.id) else { continue };
        if *home == place_country {
            continue;
        }
        let mut fact = v.ctx.fact(v.si, &person.id, Relation::Visited, &place.id, "visited/dateline");
        fact.modality = if v.attributed { Modality::Reported } else { Modality::Asserted };
        out.push((fact, Vec::new()));
    }
}

/// The state a place phrase lies in, from the lexicon.
fn place_state(v: &View, s: &super::ReadSentence, p: usize) -> Option<String> {
    let lx = v.ctx.lexicon();
    let atom = v.parse.phrases[p].atom?;
    let m = &s.mentions.entities[*v.syn.atoms.get(atom)?];
    match m.used(NodeKind::Location) {
        Ref::Place { country: Some(c), .. } => Some(node_id(NodeKind::Country, &lx.countries[*c as usize].label)),
        _ => None,
    }
}

fn particle_follows(toks: &[Token], v: usize, particle: &[String]) -> bool {
    particle.iter().enumerate().all(|(k, w)| toks.get(v + 1 + k).is_some_and(|t| &t.norm == w))
}

/// The clause whose span holds phrase `p` (the innermost).
fn clause_around(parse: &Parse, p: usize) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (ci, c) in parse.clauses.iter().enumerate() {
        let start = c.first.min(c.verb);
        if start <= p && p < c.last.max(c.verb + 1) {
            best = match best {
                Some(b) if parse.clauses[b].first >= c.first => Some(b),
                _ => Some(ci),
            };
        }
    }
    best
}

/// How many phrases back a dative clitic ("lui", "leur") looks for what it stands for.
const CLITIC_LOOKBACK: usize = 12;

/// The subject phrase of clause `ci` and whether it acts (false in the
/// passive and for a passive participle).
fn subject_of(v: &View, ci: usize) -> (Option<usize>, bool) {
    let parse = v.parse;
    let c = &parse.clauses[ci];
    let vg = parse.phrases[c.verb].verb.expect("verb");
    let passive = vg.voice == Voice::Passive || passive_participle(v, c);
    (parse.subject_phrase(ci), !passive)
}

/// A participle with no auxiliary that is passive: "escorté par", "envoyés en Russie".
fn passive_participle(v: &View, c: &Clause) -> bool {
    let vg = v.parse.phrases[c.verb].verb.expect("verb");
    c.kind == ClauseKind::Participial
        && vg.form == VerbForm::Part
        && vg.tense == Tense::Past
        && !vg.compound
        && !vg.reflexive
        && !crate::syntax::parse::is_etre_verb(vg.lemma)
}

fn fill_verb(v: &View, ci: usize, c: &Clause, f: &Frame) -> Filled {
    let parse = v.parse;
    let (subj, active) = subject_of(v, ci);
    let vg = parse.phrases[c.verb].verb.expect("verb");
    // The agent of a passive: "par X", or the agent of the participle it is
    // coordinated with ("équipé et soutenu par le Rwanda").
    let agent_of = |c: &Clause| c.obliques.iter().copied().find(|&o| v.prep_word(o) == Some("par"));
    let agent = agent_of(c).or_else(|| {
        let next = parse.clauses.get(ci + 1)?;
        let coordinated = c.kind == ClauseKind::Participial
            && next.kind == ClauseKind::Participial
            && next.verb == c.verb + 2
            && parse.phrases[c.verb + 1].kind == PhraseKind::Coord;
        coordinated.then(|| agent_of(next)).flatten()
    });
    let (subj_arg, obj_arg) = if active { (subj, c.object) } else { (agent, subj) };
    let mut filled = Filled::default();
    for slot in &f.slots {
        let phrases: Vec<usize> = match &slot.arg {
            Arg::Subj => subj_arg.into_iter().collect(),
            Arg::Obj => obj_arg.into_iter().collect(),
            Arg::Dat => {
                let mut d: Vec<usize> = c
                    .obliques
                    .iter()
                    .copied()
                    .filter(|&o| v.prep_word(o) == Some("a") && v.names[o].iter().any(|r| r.kind != NodeKind::Location))
                    .collect();
                // "a signé un accord avec la Pologne et lui a vendu des chars":
                // the clitic stands for the last actor named before it in the
                // sentence that is not the clause's own subject (a few
                // phrases back at most).
                if let (true, Some(t)) = (d.is_empty(), vg.clitic_dative) {
                    let plural = v.toks[t].norm == "leur";
                    let own = subj_arg.map(|q| parse.conjuncts(q)).unwrap_or_default();
                    let back = (0..c.verb).rev().take(CLITIC_LOOKBACK);
                    let found = back.filter(|&q| parse.phrases[q].kind == PhraseKind::Noun).find(|&q| {
                        !own.contains(&q)
                            && parse.phrases[q].coord_head.is_none()
                            && (parse.phrases[q].number == Num::Plur) == plural
                            && v.names[q].iter().any(|r| r.kind != NodeKind::Location)
                    });
                    d.extend(found);
                }
                d
            }
            Arg::Loc => {
                let mut l: Vec<usize> = c
                    .obliques
                    .iter()
                    .chain(&c.fronted)
                    .copied()
                    .filter(|&o| v.prep_word(o).is_some_and(|w| LOC_PREPS.contains(&w)))
                    .collect();
                // "Koursk, où l'Ukraine a avancé": the antecedent of "où" is the place.
                if let ClauseKind::Relative { antecedent: Some(a), pronoun } = c.kind {
                    if v.toks[pronoun].text.to_lowercase() == "où" {
                        l.insert(0, a);
                    }
                }
                l
            }
            Arg::Prep(w) => {
                let w = if w == "par" && !active { "\u{0}" } else { w.as_str() };
                let mut found: Vec<usize> = c.obliques.iter().copied().filter(|&o| v.prep_word(o) == Some(w)).collect();
                // "a reçu des hélicoptères des États-Unis": the "de" after the
                // object may be the verb's.
                if found.is_empty() && w == "de" {
                    if let Some(o) = obj_arg {
                        found.extend(
                            parse
                                .phrases
                                .iter()
                                .enumerate()
                                .skip(o + 1)
                                .take(3)
                                .filter(|(_, q)| q.of == Some(o))
                                .map(|(q, _)| q),
                        );
                    }
                }
                found
            }
            Arg::Adj | Arg::Poss | Arg::Name | Arg::Clause => Vec::new(),
        };
        for p in phrases {
            place(v, slot.into.clone(), &slot.roles, p, f, &mut filled);
        }
    }
    // Forces with no owner named: in "X, dont 10 000 soldats sont déployés à
    // Y" the antecedent of "dont"; in "X compte 1 200 soldats déployés à Y"
    // the subject of the clause whose object they are.
    if filled.source.is_empty() && f.relation == Relation::Deploys {
        let forces = subj_arg
            .or(obj_arg)
            .filter(|&p| v.ctx.lexicon().frames.in_class(&v.head_lemma(v.through_quantity(p)), "forces"));
        if let Some(fp) = forces {
            let owner = match c.kind {
                ClauseKind::Relative { antecedent: Some(a), pronoun } if v.toks[pronoun].norm == "dont" => Some(a),
                ClauseKind::Participial => {
                    c.parent.filter(|&k| parse.clauses[k].object == Some(fp)).and_then(|k| parse.subject_phrase(k))
                }
                _ => None,
            };
            if let Some(o) = owner {
                place(v, Into::Itself, &[Role::Source], o, f, &mut filled);
            }
        }
    }
    // Inherit a place from the clause a participle depends on ("escorté par X" after "a franchi Y").
    if filled.target.is_empty() && c.kind == ClauseKind::Participial {
        if let Some(parent) = c.parent {
            let pc = &parse.clauses[parent];
            for &o in pc.obliques.iter().chain(pc.object.iter()) {
                if v.names[o].iter().any(|r| fits(f.relation, Role::Target, r.kind)) {
                    place(v, Into::Itself, &[Role::Target], o, f, &mut filled);
                    break;
                }
            }
        }
    }
    filled
}

/// Puts phrase `p` (or the part of it `into` names) into the first role
/// that is free and fits.
fn place(v: &View, into: Into, roles: &[Role], p: usize, f: &Frame, filled: &mut Filled) {
    let parse = v.parse;
    let cands: Vec<(usize, Option<Resolved>)> = match into {
        Into::Itself => {
            let names = v.conj_names(p);
            // "le porte-avions américain USS X": a named ship or unit stands for
            // the state of its nationality when it acts.
            let unit = roles.first() == Some(&Role::Source)
                && names.iter().all(|(_, r)| r.kind == NodeKind::Person)
                && v.parse.phrases[p].atom.is_some()
                && v.ctx.lexicon().frames.in_class(&v.head_lemma_before_name(p), "forces")
                // A title before the name ("le conseiller X") makes a person.
                && !v.titled(p);
            if unit {
                vec![(p, v.stand_in(p).or_else(|| v.demonym[p].clone()))]
            } else if names.is_empty() {
                vec![(p, v.stand_in(p))]
            } else {
                names.into_iter().map(|(q, r)| (q, Some(r))).collect()
            }
        }
        Into::Adj => {
            parse.conjuncts(p).into_iter().filter_map(|q| v.demonym[q].clone().map(|d| (q, Some(d)))).collect()
        }
        Into::De => parse
            .phrases
            .iter()
            .enumerate()
            .skip(p + 1)
            .take(6)
            .filter(|(_, q)| q.of == Some(p))
            .flat_map(|(q, _)| v.conj_names(q))
            .map(|(q, r)| (q, Some(r)))
            .collect(),
        Into::Loc => parse
            .phrases
            .iter()
            .enumerate()
            .skip(p + 1)
            .take(4)
            .filter(|(q, ph)| ph.kind == PhraseKind::Noun && v.prep_word(*q).is_some_and(|w| LOC_PREPS.contains(&w)))
            .flat_map(|(q, _)| v.conj_names(q))
            .map(|(q, r)| (q, Some(r)))
            .collect(),
    };
    // "Moscou et Pyongyang ont renforcé leur partenariat": a coordination
    // gives both ends when the slot may fill either.
    if roles.contains(&Role::Source)
        && roles.contains(&Role::Target)
        && filled.source.is_empty()
        && filled.target.is_empty()
    {
        let named: Vec<&(usize, Option<Resolved>)> = cands.iter().filter(|(_, e)| e.is_some()).collect();
        if named.len() >= 2 {
            filled.pairwise = true;
            for (k, (q, e)) in named.into_iter().enumerate() {
                let found = Found { phrase: *q, ent: e.clone() };
                if k == 0 {
                    filled.source.push(found);
                } else {
                    filled.target.push(found);
                }
            }
            return;
        }
    }
    // What is struck, visited or reached is the city, not the state its capital names.
    let cands: Vec<(usize, Option<Resolved>)> = cands
        .into_iter()
        .map(|(q, e)| {
            let city = v.city[q]
                .as_ref()
                .filter(|_| roles.first() == Some(&Role::Target) && fits(f.relation, Role::Target, NodeKind::Location));
            match city {
                Some((r, _)) => (q, Some(r.clone())),
                None => (q, e),
            }
        })
        .collect();
    for role in roles {
        let ok: Vec<Found> = cands
            .iter()
            .filter(|(_, e)| match (role, e) {
                (Role::What, _) => true,
                (_, Some(r)) => fits(f.relation, *role, r.kind),
                (_, None) => false,
            })
            .map(|(q, e)| Found { phrase: *q, ent: e.clone() })
            .collect();
        if ok.is_empty() {
            continue;
        }
        let slot = filled.slot(*role);
        if slot.is_empty() || *role == Role::What {
            slot.extend(ok);
            return;
        }
    }
}

fn fill_noun(v: &View, p: usize, head: usize, clause: Option<usize>, f: &Frame) -> Filled {
    let parse = v.parse;
    let ph = &parse.phrases[p];
    let mut filled = Filled::default();
    // The complements after the noun, up to the next verb or mark; an
    // incise between commas is stepped over ("membre, aux côtés de la
    // Russie, de l'OTSC").
    let mut after: Vec<usize> = Vec::new();
    let mut incise = false;
    for (q, qp) in parse.phrases.iter().enumerate().skip(p + 1).take(12) {
        match qp.kind {
            PhraseKind::Punct if v.toks[qp.a].norm == "," => {
                if incise {
                    incise = false;
                } else if after.is_empty()
                    && parse.phrases.get(q + 1).is_some_and(|n| n.kind == PhraseKind::Noun && n.prep.is_some())
                {
                    incise = true;
                } else {
                    break;
                }
            }
            _ if incise => {}
            PhraseKind::Noun if qp.prep.is_some() => after.push(q),
            PhraseKind::Noun if qp.coord_head.is_some() => after.push(q),
            PhraseKind::Noun if qp.temporal => {}
            PhraseKind::Coord | PhraseKind::Adv => {}
            // "l'offensive lancée par X contre Y": the participle's complements are the noun's.
            PhraseKind::Verb
                if q == p + 1 && qp.verb.is_some_and(|g| g.form == VerbForm::Part && g.mood == Mood::None) => {}
            _ => break,
        }
    }
    for slot in &f.slots {
        let phrases: Vec<usize> = match &slot.arg {
            Arg::Subj => predicated(v, p, clause).into_iter().collect(),
            // The subject of the clause the noun sits in, wherever it sits
            // ("a déclaré X lors d'une conférence avec Y").
            Arg::Clause => clause.and_then(|c| parse.subject_phrase(c)).filter(|&s| s != p).into_iter().collect(),
            Arg::Obj | Arg::Dat => Vec::new(),
            Arg::Loc => {
                let mut l: Vec<usize> =
                    after.iter().copied().filter(|&q| v.prep_word(q).is_some_and(|w| LOC_PREPS.contains(&w))).collect();
                // "la région de X, où Moscou a lancé une offensive": the place of "où".
                if let Some(ClauseKind::Relative { antecedent: Some(a), pronoun }) =
                    clause.map(|c| parse.clauses[c].kind)
                {
                    if v.toks[pronoun].text.to_lowercase() == "où" {
                        l.push(a);
                    }
                }
                l
            }
            Arg::Prep(w) if w == "de" => after
                .iter()
                .copied()
                .filter(|&q| parse.phrases[q].of == Some(p) || v.prep_word(q) == Some("de"))
                .take(1)
                .collect(),
            Arg::Prep(w) if w == "entre" => {
                after.iter().copied().filter(|&q| v.prep_word(q) == Some("entre")).take(1).collect()
            }
            Arg::Prep(w) => after.iter().copied().filter(|&q| v.prep_word(q) == Some(w.as_str())).collect(),
            Arg::Adj => {
                if let Some(d) = v.demonym[p].clone() {
                    for role in &slot.roles {
                        if fits(f.relation, *role, d.kind) && filled.slot(*role).is_empty() {
                            filled.slot(*role).push(Found { phrase: p, ent: Some(d) });
                            break;
                        }
                    }
                }
                Vec::new()
            }
            Arg::Poss => {
                let possessive =
                    ph.a < head && matches!(v.toks[ph.a].norm.as_str(), "son" | "sa" | "ses" | "leur" | "leurs");
                if possessive {
                    // The owner is the nearest actor named before it in its clause
                    // ("sépare l'Azerbaïdjan de son enclave"), else the clause's subject.
                    let floor = clause.map_or(0, |c| parse.clauses[c].first.min(parse.clauses[c].verb));
                    let near = (floor..p).rev().find(|&q| {
                        parse.phrases[q].kind == PhraseKind::Noun
                            && v.names[q].iter().any(|r| matches!(r.kind, NodeKind::Country | NodeKind::Organization))
                    });
                    near.or_else(|| clause.and_then(|c| parse.subject_phrase(c))).into_iter().collect()
                } else {
                    Vec::new()
                }
            }
            Arg::Name => {
                if ph.atom.is_some() {
                    if let Some(r) = v.names[p].first().cloned() {
                        for role in &slot.roles {
                            if fits(f.relation, *role, r.kind) && filled.slot(*role).is_empty() {
                                filled.slot(*role).push(Found { phrase: p, ent: Some(r) });
                                break;
                            }
                        }
                    }
                }
                Vec::new()
            }
        };
        for q in phrases {
            // "la ville de Haïfa" names the city; "la ville de la région de X",
            // "ville du Ghana" its container: with a determiner the complement
            // is no source.
            let mut roles = slot.roles.clone();
            let settlement = v.ctx.lexicon().frames.in_class(&f.lemma, "settlements");
            if settlement && f.relation == Relation::LocatedIn && matches!(&slot.arg, Arg::Prep(w) if w == "de") {
                let qp = &parse.phrases[q];
                let det = qp.a < qp.head || qp.prep.is_some_and(|t| matches!(v.toks[t].norm.as_str(), "du" | "des"));
                if det {
                    roles.retain(|r| *r != Role::Source);
                }
            }
            // "entre A et B": both ends from one coordination.
            if matches!(&slot.arg, Arg::Prep(w) if w == "entre") {
                let names = v.conj_names(q);
                if names.len() >= 2 {
                    filled.source.push(Found { phrase: names[0].0, ent: Some(names[0].1.clone()) });
                    for (qq, r) in names.into_iter().skip(1) {
                        filled.target.push(Found { phrase: qq, ent: Some(r) });
                    }
                    continue;
                }
            }
            place(v, slot.into.clone(), &roles, q, f, &mut filled);
        }
    }
    filled
}

/// What a noun or adjective phrase is said of: the subject of its copula,
/// the phrase it stands in apposition to, the subject of the clause a
/// fronted predicate precedes ("Membre de l'OTAN, la Pologne …"), else the
/// subject of the clause it sits in.
fn predicated(v: &View, p: usize, clause: Option<usize>) -> Option<usize> {
    let parse = v.parse;
    let ph = &parse.phrases[p];
    if let Some(a) = ph.apposition_of {
        return Some(parse.phrases[a].coord_head.unwrap_or(a));
    }
    // "L'autorité électorale kényane, l'IEBC, …": what the noun names follows it.
    if ph.atom.is_none() {
        if let Some(q) = parse.appositions(p).find(|&q| parse.phrases[q].atom.is_some()) {
            return Some(q);
        }
    }
    // "A et B, tous deux membres de …", "A et B, pourtant membres de …":
    // the coordination before the comma (adverbs between).
    let mut q = p;
    while q >= 1 && parse.phrases[q - 1].kind == PhraseKind::Adv {
        q -= 1;
    }
    if q >= 2 && parse.phrases[q - 1].kind == PhraseKind::Punct {
        let before = q - 2;
        if parse.phrases[before].kind == PhraseKind::Noun && parse.phrases[before].coord_head.is_some() {
            return parse.phrases[before].coord_head;
        }
    }
    for (ci, c) in parse.clauses.iter().enumerate() {
        if c.object == Some(p) {
            let vg = parse.phrases[c.verb].verb.expect("verb");
            if vg.copula || matches!(vg.lemma, "devenir" | "rester" | "demeurer") {
                return parse.subject_phrase(ci);
            }
        }
    }
    // Fronted: the sentence opens with the predicate, bare, and a comma
    // ("Membre de l'OTAN depuis 1999, la Pologne …").
    let bare = ph.prep.is_none() && !(ph.a < ph.head && v.syn.tags[ph.a].upos == Upos::Det);
    let fronted =
        bare && (0..p).all(|q| matches!(parse.phrases[q].kind, PhraseKind::Adv) || parse.phrases[q].of.is_some());
    if fronted {
        let comma = parse.phrases.iter().enumerate().skip(p + 1).find(|(_, q)| q.kind == PhraseKind::Punct);
        if let Some((k, _)) = comma {
            if let Some(main) = parse.clauses.iter().position(|c| c.kind == ClauseKind::Main && c.verb > k) {
                return parse.subject_phrase(main);
            }
        }
    }
    // Else the subject of the clause whose object it is ("X a lancé une
    // offensive"); a noun inside an adverbial ("depuis l'invasion de …") is
    // said of no one.
    let c = clause?;
    let object = parse.clauses[c].object?;
    let is_object = object == p || parse.phrases[p].coord_head == Some(object) || parse.phrases[p].of == Some(object);
    if !is_object {
        return None;
    }
    parse.subject_phrase(c).filter(|&s| s != p)
}

/// Whether the frame's conditions hold; `trigger` is the verb group or the
/// trigger's noun phrase.
fn needs_hold(v: &View, f: &Frame, filled: &Filled, clause: Option<&Clause>, trigger: usize) -> bool {
    let lx = v.ctx.lexicon();
    let parse = v.parse;
    let class_ok = |p: usize, cls: &[Class]| -> bool {
        let p = v.through_quantity(p);
        cls.iter().any(|c| match c {
            Class::Words(w) => {
                let lemma = v.head_lemma(p);
                lx.frames.in_class(&lemma, w)
                    || parse.phrases[p].head > parse.phrases[p].a
                        && (parse.phrases[p].a..parse.phrases[p].b).any(|t| {
                            v.syn.tags[t].upos == Upos::Noun && lx.frames.in_class(&fold(v.syn.tags[t].lemma), w)
                        })
            }
            Class::Kind(k) => v.names[p].iter().chain(v.stand_in(p).iter()).any(|r| r.kind == *k),
            Class::Actor => v.names[p].iter().chain(v.stand_in(p).iter()).any(|r| r.kind != NodeKind::Location),
        })
    };
    for need in &f.needs {
        let ok = match &need.on {
            NeedOn::Role(role) => {
                let found = match role {
                    Role::Source => &filled.source,
                    Role::Target => &filled.target,
                    Role::What => &filled.what,
                };
                found.iter().any(|x| {
                    need.any.iter().any(|c| match (c, &x.ent) {
                        (Class::Kind(k), Some(r)) => r.kind == *k,
                        (Class::Actor, Some(r)) => r.kind != NodeKind::Location,
                        (Class::Words(_), _) => class_ok(x.phrase, &need.any),
                        _ => false,
                    })
                })
            }
            NeedOn::Arg(arg) => {
                let Some(c) = clause else { return false };
                let ci = parse.clauses.iter().position(|k| k.verb == c.verb);
                let (subj, active) = ci.map_or((None, true), |ci| subject_of(v, ci));
                let agent = c.obliques.iter().copied().find(|&o| v.prep_word(o) == Some("par"));
                let phrase = match arg {
                    Arg::Subj if active => subj,
                    Arg::Subj => agent,
                    Arg::Obj if active => c.object,
                    Arg::Obj => subj,
                    Arg::Prep(w) if w == "de" && f.pos != FramePos::Verb => {
                        parse.phrases.iter().position(|q| q.of == Some(trigger))
                    }
                    Arg::Prep(w) => c.obliques.iter().copied().find(|&o| v.prep_word(o) == Some(w.as_str())),
                    _ => None,
                };
                // For a noun frame, `subj`/`obj` conditions are on the filled roles.
                let phrase = if f.pos != FramePos::Verb && matches!(arg, Arg::Subj) {
                    filled.source.first().map(|x| x.phrase).or(phrase)
                } else {
                    phrase
                };
                phrase.is_some_and(|p| parse.conjuncts(p).into_iter().any(|q| class_ok(q, &need.any)))
            }
            NeedOn::OwnPrep => {
                let ph = &parse.phrases[trigger];
                let own = ph.prep.map(|t| v.toks[t].norm.as_str());
                need.any.iter().any(|c| matches!(c, Class::Words(w) if Some(fold(w).as_str()) == own))
            }
            NeedOn::Modifier => {
                let (a, b) = if f.pos == FramePos::Verb {
                    clause.map_or((0, 0), |c| {
                        let vp = &parse.phrases[c.verb];
                        (vp.a, parse.phrases.get(c.last.saturating_sub(1)).map_or(vp.b, |q| q.b))
                    })
                } else {
                    // The noun phrase and its "de" complements ("l'accord de défense").
                    let ph = &parse.phrases[trigger];
                    let end = parse
                        .phrases
                        .iter()
                        .skip(trigger + 1)
                        .take(3)
                        .take_while(|q| q.of.is_some())
                        .last()
                        .map_or(ph.b, |q| q.b);
                    (ph.a, end)
                };
                (a..b.min(v.toks.len())).any(|t| {
                    let l = if v.syn.tags[t].lemma.is_empty() {
                        v.toks[t].norm.to_string()
                    } else {
                        fold(v.syn.tags[t].lemma)
                    };
                    let l = l.trim_end_matches("ment").to_string();
                    need.any.iter().any(|c| match c {
                        Class::Words(w) => lx.frames.in_class(&l, w) || lx.frames.in_class(&v.toks[t].norm, w),
                        _ => false,
                    })
                })
            }
        };
        if !ok {
            return false;
        }
    }
    true
}

/// The modality of a fact read in clause `ci`.
fn modality_of(v: &View, ci: usize, f: &Frame) -> Modality {
    let parse = v.parse;
    let lx = v.ctx.lexicon();
    let mut m = f.modality.unwrap_or(Modality::Asserted);
    let mut bump = |x: Modality| {
        let rank = |m: Modality| match m {
            Modality::Asserted => 0,
            Modality::Reported => 1,
            Modality::Possible => 2,
            Modality::Negated => 3,
        };
        if rank(x) > rank(m) {
            m = x;
        }
    };
    if ci == usize::MAX {
        if v.attributed {
            bump(Modality::Reported);
        }
        return m;
    }
    let c = &parse.clauses[ci];
    let vg = parse.phrases[c.verb].verb.expect("verb");
    if vg.negated {
        bump(Modality::Negated);
    }
    if vg.future || vg.tense == Tense::Fut {
        bump(Modality::Possible);
    }
    if matches!(vg.modal, "pouvoir" | "devoir" | "vouloir" | "aller" | "falloir") {
        bump(Modality::Possible);
    }
    // "compte déployer", "souhaite envoyer": the modal's own weight.
    if let Some(w) = lx.frames.modality(vg.modal).filter(|_| !vg.modal.is_empty()) {
        if matches!(w.scope, Scope::Inf | Scope::Both) {
            bump(w.modality);
        }
    }
    if vg.mood == Mood::Cnd {
        // A condition ("si") makes it a hypothesis; a conditional alone hedges.
        let hypothetical = parse
            .clauses
            .iter()
            .any(|k| k.kind == ClauseKind::Adverbial && v.toks[parse.phrases[k.first].a].norm == "si");
        bump(if hypothetical { Modality::Possible } else { Modality::Reported });
    }
    if vg.mood == Mood::Sub {
        bump(Modality::Possible);
    }
    // Words in the clause ("peut-être", "apparemment").
    let vp = &parse.phrases[c.verb];
    for t in vp.a.saturating_sub(3)..(vp.b + 3).min(v.toks.len()) {
        if let Some(w) = lx.frames.modality(&v.toks[t].norm) {
            if w.scope == Scope::Clause && v.syn.tags[t].upos == Upos::Adv {
                bump(w.modality);
            }
        }
    }
    // What governs the clause.
    let mut k = ci;
    for _ in 0..4 {
        let cur = &parse.clauses[k];
        let Some(parent) = cur.parent else { break };
        let pc = &parse.clauses[parent];
        let pvg = parse.phrases[pc.verb].verb.expect("verb");
        let plemma = if pvg.lemma.is_empty() { v.toks[pvg.main].norm.to_string() } else { fold(pvg.lemma) };
        let inf = cur.kind == ClauseKind::Infinitival;
        let que = cur.kind == ClauseKind::Completive;
        if let Some(w) = lx.frames.modality(&plemma) {
            let reaches = match w.scope {
                Scope::Inf => inf,
                Scope::Que => que,
                Scope::Both => inf || que,
                Scope::Clause | Scope::Noun => false,
            };
            if reaches {
                bump(w.modality);
            }
        }
        if (inf || que) && pvg.negated {
            bump(Modality::Negated);
        }
        if que && lx.frames.of(&plemma, FramePos::Verb).any(|f| f.relation == Relation::Stated) {
            bump(Modality::Reported);
        }
        if inf && matches!(pvg.modal, "pouvoir" | "devoir" | "vouloir") {
            bump(Modality::Possible);
        }
        // "le droit de frapper", "la menace d'envahir": a noun governs the infinitive.
        if inf {
            let vp = parse.phrases[cur.verb].a;
            let before = parse.phrase_of.get(vp.saturating_sub(1)).copied();
            if let Some(pp) = before.filter(|&b| parse.phrases[b].kind == PhraseKind::Prep) {
                if let Some(noun) = pp.checked_sub(1).filter(|&q| parse.phrases[q].kind == PhraseKind::Noun) {
                    if let Some(w) = lx.frames.modality(&v.head_lemma(noun)) {
                        if w.scope == Scope::Noun {
                            bump(w.modality);
                        }
                    }
                }
            }
        }
        if !(inf || que || cur.kind == ClauseKind::Participial || cur.kind == ClauseKind::Gerund) {
            break;
        }
        k = parent;
    }
    if v.attributed || v.in_quote(vp.head) {
        bump(Modality::Reported);
    }
    m
}

/// Emits the edges of a filled frame read in clause `ci` (`usize::MAX` for
/// none); `trigger` is the verb group or the trigger's noun phrase.
fn emit(v: &View, f: &Frame, ci: usize, trigger: usize, mut filled: Filled, out: &mut Vec<EventFact>) {
    // A nationality on the thing sent names the sender when no one else does:
    // "des soldats nord-coréens envoyés en Russie".
    if filled.source.is_empty() && lifts_from_what(f.relation) {
        for x in &filled.what {
            if let Some(d) = v.demonym[x.phrase].clone() {
                filled.source.push(Found { phrase: x.phrase, ent: Some(d) });
                break;
            }
        }
    }
    // The state of the forces moved deploys them too: "des navires de la
    // flotte russe ont amené les forces spéciales nord-coréennes à X".
    if f.relation == Relation::Deploys {
        for x in filled.what.clone() {
            if let Some(d) = v.demonym[x.phrase].clone() {
                if !filled.source.iter().any(|s| s.ent.as_ref() == Some(&d)) {
                    filled.source.push(Found { phrase: x.phrase, ent: Some(d) });
                }
            }
        }
    }
    let clause = (ci != usize::MAX).then(|| &v.parse.clauses[ci]);
    if filled.source.is_empty() || filled.target.is_empty() {
        return;
    }
    if !needs_hold(v, f, &filled, clause, trigger) {
        return;
    }
    let modality = modality_of(v, ci, f);
    let rule = format!("frame/{}", f.lemma);
    let symmetric = matches!(f.relation, Relation::Met | Relation::AlliedWith);
    // Every pair of a coordination is bound by a symmetric relation.
    if symmetric && filled.pairwise {
        let all: Vec<Found> = filled.source.iter().chain(&filled.target).cloned().collect();
        filled.source = all.clone();
        filled.target = all;
    }
    let what = filled.what.first().map(|x| x.phrase);
    let mut done: Vec<(String, String)> = Vec::new();
    for s in &filled.source {
        let Some(se) = &s.ent else { continue };
        let source = lift(v, f.relation, se);
        for t in &filled.target {
            let Some(te) = &t.ent else { continue };
            if !fits(f.relation, Role::Target, te.kind) {
                continue;
            }
            let target = te.id.clone();
            if source.0 == target || done.contains(&(source.0.clone(), target.clone())) {
                continue;
            }
            // A person who could not be lifted to a state does not deploy or attack.
            if !fits(f.relation, Role::Source, source.1) || source.1 == NodeKind::Person && lifts(f.relation) {
                continue;
            }
            let (a, b) = if symmetric && target < source.0 {
                (target.clone(), source.0.clone())
            } else {
                (source.0.clone(), target.clone())
            };
            done.push((source.0.clone(), target.clone()));
            let mut fact = v.ctx.fact(v.si, &a, f.relation, &b, &rule);
            fact.modality = modality;
            attributes(v, f.relation, what, clause, &mut fact);
            let mut implied = Vec::new();
            for id in [&a, &b] {
                if let Some(label) = country_label(v, id) {
                    implied.push((id.to_string(), NodeKind::Country, label));
                }
            }
            if let Some((r, label)) = v.city[t.phrase].as_ref().filter(|(r, _)| r.id == target) {
                implied.push((r.id.clone(), NodeKind::Location, label.clone()));
            }
            out.push((fact, implied));
        }
    }
}

fn lifts_from_what(rel: Relation) -> bool {
    matches!(rel, Relation::Deploys | Relation::Supplies | Relation::Attacks)
}

/// The actor a fact starts from: a person acting for their state is the state.
fn lift(v: &View, rel: Relation, r: &Resolved) -> (String, NodeKind) {
    if r.kind == NodeKind::Person && lifts(rel) {
        if let Some(c) = v.world.country_of.get(&r.id) {
            return (c.clone(), NodeKind::Country);
        }
    }
    (r.id.clone(), r.kind)
}

fn country_label(v: &View, id: &str) -> Option<String> {
    let lx = v.ctx.lexicon();
    id.strip_prefix("country:")?;
    lx.countries.iter().find(|c| node_id(NodeKind::Country, &c.label) == id).map(|c| c.label.clone())
}

/// Quantity, unit, what and date attributes of a fact.
fn attributes(v: &View, rel: Relation, what: Option<usize>, clause: Option<&Clause>, fact: &mut Fact) {
    let parse = v.parse;
    if let Some(p) = what {
        // The count of the forces, in their phrase or in an apposition to it
        // ("des soldats rwandais, 1 200 hommes, …").
        let counted = std::iter::once(p).chain(parse.appositions(p)).find_map(|q| {
            let ph = &parse.phrases[q];
            (ph.a..ph.head.max(ph.a + 1))
                .find(|&t| v.toks[t].kind == TokKind::Number && v.toks[t].value.is_some())
                .map(|t| (t, ph.head))
        });
        if let (Some((t, head)), Relation::Deploys) = (counted, rel) {
            fact.evidence.attrs.insert("quantity".into(), AttrValue::Int(v.toks[t].value.unwrap_or(0)));
            fact.evidence.attrs.insert("unit".into(), AttrValue::Text(v.toks[head].norm.to_string()));
        }
        if rel == Relation::Supplies {
            // The thing and its complements: "des systèmes de défense antiaérienne".
            let ph = &parse.phrases[p];
            let end =
                parse.phrases.iter().skip(p + 1).take(4).take_while(|q| q.of.is_some()).last().map_or(ph.b, |q| q.b);
            let words: Vec<&str> = (ph.a..end).map(|t| v.toks[t].text.as_str()).collect();
            fact.evidence.attrs.insert("what".into(), AttrValue::Text(words.join(" ")));
        }
    }
    if matches!(
        rel,
        Relation::Deploys
            | Relation::Visited
            | Relation::Met
            | Relation::Attacks
            | Relation::Supplies
            | Relation::Summoned
    ) {
        let time = match clause.and_then(|c| v.parse.phrases[c.verb].verb.as_ref()) {
            Some(vg) if vg.future => Time::Future,
            Some(vg) if vg.compound || matches!(vg.tense, Tense::Past | Tense::Imp) => Time::Past,
            _ => Time::Present,
        };
        if let Some(said) = super::dates::read(v.toks, v.ctx.doc().doc.article_date(), time) {
            if let Some(iso) = said.iso {
                fact.evidence.attrs.insert("date".into(), AttrValue::Text(iso));
            }
            if let Some(end) = said.end {
                fact.evidence.attrs.insert("date_end".into(), AttrValue::Text(end));
            }
            fact.evidence.attrs.insert("date_text".into(), AttrValue::Text(said.text));
        }
    }
}
