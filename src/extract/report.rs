//! What the reading did not understand, as rows of lexicon files.
//!
//! A `Collector` watches the second pass sentence by sentence (it is only
//! built for `trame report`; a plain build pays nothing for it) and keeps:
//!
//! - **verbs**: clauses whose verb no frame has, with actors as subject and
//!   as object or prepositional complement. Each argument pattern ("SUBJ ×
//!   OBJ", "SUBJ × contre+NP") is tried as a frame of every relation, read
//!   by the same code as the frames of the lexicon, and the relation that
//!   gives the most new edges is proposed;
//! - **nouns**: nouns that no frame has, with an actor in their "de"
//!   complement or nationality adjective and another after a preposition
//!   ("la tournée de X en Y"), tried the same way;
//! - **names**: capitalized words that became no entity, and person names
//!   left without the evidence to be one, with the kind that would give
//!   edges in their sentence (the name tried as a person, an organization
//!   and a place);
//! - **titles**: common nouns right before or in apposition after a
//!   person's name that the role lexicon does not have;
//! - **surnames**: lone surnames that several people of the corpus bear,
//!   left unresolved, with their candidates.
//!
//! Every proposal is a row of a lexicon file (`frames.tsv`,
//! `organizations.tsv`, `locations.tsv`, `given_names.tsv`, `roles.tsv`), so
//! that a folder of accepted rows, read with `--lexicon DIR`, gives the
//! edges. Items are ranked by the edges they would add to the graph built.

use std::collections::{BTreeMap, BTreeSet};

use crate::graph::{node_id, Graph};
use crate::lexicon::frames::{Arg, Frame, FramePos, Into, Role, Slot};
use crate::ontology::{NodeKind, Relation};
use crate::syntax::parse::{ClauseKind, PhraseKind};
use crate::syntax::Upos;
use crate::text::{fold, is_all_caps, is_capitalized, TokKind};

use super::mention::{self, Ref};
use super::relate::{self, EventFact, View};
use super::words::{
    EVENT_OR_BUILDING_HEADS, FUNCTION_WORDS, MONTHS, NAMED_AFTER, NAME_PARTICLES, ORG_NOUNS, SUPPORT_VERBS, WEEKDAYS,
};
use super::Resolved;

/// The relations an unknown verb or noun is tried with.
const RELATIONS: [Relation; 8] = [
    Relation::Met,
    Relation::Visited,
    Relation::Summoned,
    Relation::Supplies,
    Relation::Attacks,
    Relation::AlliedWith,
    Relation::Deploys,
    Relation::MemberOf,
];

/// Kinds a name is tried as.
const NAME_KINDS: [NodeKind; 3] = [NodeKind::Person, NodeKind::Organization, NodeKind::Location];

/// Examples kept per item.
const EXAMPLES: usize = 2;

/// A part of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// Verbs no frame has, between actors.
    Verbs,
    /// Nouns of events no frame has, around actors.
    Nouns,
    /// Names that became no entity or stayed weak.
    Names,
    /// Title-like nouns around person names, not in the role lexicon.
    Titles,
    /// Lone surnames several people bear, left unresolved.
    Surnames,
}

impl Section {
    /// Every section, in the order of the report.
    pub const ALL: [Section; 5] = [Section::Verbs, Section::Nouns, Section::Names, Section::Titles, Section::Surnames];

    /// Its name in the report ("verbs", "nouns"…).
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Verbs => "verbs",
            Section::Nouns => "nouns",
            Section::Names => "names",
            Section::Titles => "titles",
            Section::Surnames => "surnames",
        }
    }

    /// A heading for the text report.
    pub fn title(self) -> &'static str {
        match self {
            Section::Verbs => "Unknown verbs between actors",
            Section::Nouns => "Unknown nouns of events around actors",
            Section::Names => "Names that became no entity or stayed weak",
            Section::Titles => "Title-like nouns around person names, not in the role lexicon",
            Section::Surnames => "Ambiguous surnames left unresolved",
        }
    }
}

/// A sentence an item was seen in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// The document's name.
    pub doc: String,
    /// The sentence's index in the document.
    pub sentence: usize,
    /// The sentence as written, on one line.
    pub text: String,
}

/// One proposal of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Its section.
    pub section: Section,
    /// The lemma, name or title.
    pub key: String,
    /// What was seen: the argument pattern ("SUBJ × OBJ"), the kinds of
    /// the actors, the kind proposed for a name.
    pub pattern: String,
    /// Edges the row would add to the graph built.
    pub edges: usize,
    /// How many times it was seen.
    pub seen: usize,
    /// The lexicon file the row belongs in, if any row can say it.
    pub file: Option<&'static str>,
    /// The row, tab-separated, in the columns of `header(file)`.
    pub row: Option<String>,
    /// Anything else: the other relations or kinds, the candidates.
    pub note: String,
    /// Up to two sentences it was seen in, the first ones of the corpus.
    pub examples: Vec<Example>,
}

/// The report: items by section, best first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Every item, in section order, each section ranked.
    pub items: Vec<Item>,
}

impl Report {
    /// The items of one section, best first.
    pub fn section(&self, s: Section) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(move |i| i.section == s)
    }

    /// Keeps the first `n` items of each section.
    pub fn truncate(&mut self, n: usize) {
        let mut kept: BTreeMap<Section, usize> = BTreeMap::new();
        self.items.retain(|i| {
            let k = kept.entry(i.section).or_default();
            *k += 1;
            *k <= n
        });
    }
}

/// The header row of a lexicon file the report writes rows for.
pub fn header(file: &str) -> Option<&'static str> {
    Some(match file {
        "frames.tsv" => "trigger\tpos\trelation\tslots\tneeds\tmodality\texample\texpect",
        "organizations.tsv" => "label\taliases\tkind\tparent",
        "locations.tsv" => "label\taliases\tkind\tcountry",
        "given_names.tsv" => "name\tgender",
        "roles.tsv" => "label\tforms\tkind",
        _ => return None,
    })
}

/// Edges read under one hypothesis (a relation, a kind).
#[derive(Debug, Default)]
struct Tried {
    /// (source, target) of every edge read.
    edges: BTreeSet<(String, String)>,
    /// The first edge and the labels of its ends, as the example gives it.
    first: Option<(String, String)>,
    /// The sentences that gave edges.
    examples: Vec<Example>,
}

/// What is known of one item while the corpus is read.
#[derive(Debug, Default)]
struct Tally {
    seen: usize,
    /// The form to print (the first seen).
    display: String,
    examples: Vec<Example>,
    /// Per relation (verbs, nouns) or kind (names), what it gives.
    tried: BTreeMap<String, Tried>,
    /// Kinds of the actors seen ("person × country"), counted.
    kinds: BTreeMap<String, usize>,
    /// Persons around a title, candidates of a surname.
    ids: BTreeSet<String>,
    /// Forms seen (titles).
    forms: BTreeSet<String>,
    /// A kind from the context, when no edge decides.
    context: BTreeMap<NodeKind, usize>,
    /// Whether a mention existed (a weak person), not a bare capital.
    weak: bool,
}

fn push_example(list: &mut Vec<Example>, ex: &Example) {
    if list.len() < EXAMPLES && !list.iter().any(|e| e.doc == ex.doc && e.sentence == ex.sentence) {
        list.push(ex.clone());
    }
}

impl Tally {
    fn see(&mut self, display: &str, ex: &Example) {
        if self.seen == 0 {
            self.display = display.to_string();
        }
        self.seen += 1;
        push_example(&mut self.examples, ex);
    }

    fn tried(&mut self, key: &str, facts: &[EventFact], ex: &Example, labels: &mut BTreeMap<String, String>) {
        let t = self.tried.entry(key.to_string()).or_default();
        for (f, implied) in facts {
            for (id, _, label) in implied {
                labels.entry(id.clone()).or_insert_with(|| label.clone());
            }
            t.edges.insert((f.source.clone(), f.target.clone()));
            if t.first.is_none() {
                t.first = Some((f.source.clone(), f.target.clone()));
            }
            push_example(&mut t.examples, ex);
        }
    }
}

/// Collects what the frames and the lexicon missed, sentence by sentence.
#[derive(Debug, Default)]
pub struct Collector {
    verbs: BTreeMap<(String, String), Tally>,
    nouns: BTreeMap<(String, String), Tally>,
    names: BTreeMap<String, Tally>,
    titles: BTreeMap<String, Tally>,
    surnames: BTreeMap<String, Tally>,
    /// Labels of node ids seen in hypotheses (names tried, implied states).
    labels: BTreeMap<String, String>,
    /// (verb or noun key) → pattern shown.
    patterns: BTreeMap<(String, String), String>,
}

/// One line of text: runs of white space made one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn kind_word(k: NodeKind) -> &'static str {
    match k {
        NodeKind::Organization => "org",
        k => k.as_str(),
    }
}

/// The preposition as a frame's slot writes it.
fn prep_slot(w: &str) -> String {
    match w {
        "a" => "à".to_string(),
        w => w.to_string(),
    }
}

/// A frame of the lexicon's shape, not in it, for a hypothesis.
fn frame(lemma: &str, reflexive: bool, pos: FramePos, relation: Relation, slots: &[(Arg, Role)]) -> Frame {
    Frame {
        lemma: lemma.to_string(),
        reflexive,
        particle: Vec::new(),
        pos,
        relation,
        slots: slots.iter().map(|(a, r)| Slot { arg: a.clone(), into: Into::Itself, roles: vec![*r] }).collect(),
        needs: Vec::new(),
        modality: None,
        example: String::new(),
        expect: String::new(),
        origin: "report".to_string(),
    }
}

/// An argument as a frame's slot writes it.
fn arg_text(a: &Arg) -> String {
    match a {
        Arg::Subj => "subj".to_string(),
        Arg::Obj => "obj".to_string(),
        Arg::Dat => "dat".to_string(),
        Arg::Loc => "loc".to_string(),
        Arg::Adj => "adj".to_string(),
        Arg::Poss => "poss".to_string(),
        Arg::Name => "name".to_string(),
        Arg::Clause => "clause".to_string(),
        Arg::Prep(w) => prep_slot(w),
    }
}

fn slots_text(slots: &[(Arg, Role)]) -> String {
    let arg = arg_text;
    let role = |r: &Role| match r {
        Role::Source => "source",
        Role::Target => "target",
        Role::What => "what",
    };
    slots.iter().map(|(a, r)| format!("{}={}", arg(a), role(r))).collect::<Vec<_>>().join(" ")
}

impl Collector {
    /// A collector with nothing seen.
    pub fn new() -> Collector {
        Collector::default()
    }

    /// Reads one sentence: its view and the edges the frames read in it.
    pub(crate) fn sentence(&mut self, v: &View, facts: &[EventFact]) {
        let ctx = v.context();
        let si = v.sentence();
        let sent = &ctx.rd.sentences[si];
        let ex = Example {
            doc: ctx.rd.doc.name.clone(),
            sentence: sent.index,
            text: one_line(ctx.rd.doc.written_text(sent.span)),
        };
        self.verbs_of(v, &ex);
        self.nouns_of(v, &ex);
        self.names_of(v, facts, &ex);
        self.titles_of(v, &ex);
        self.surnames_of(v, &ex);
    }

    /// The actors phrase `p` and its conjuncts name, places only as targets.
    fn actors(v: &View, p: usize, target: bool) -> Vec<Resolved> {
        v.all_names(p).into_iter().filter(|r| r.kind.is_actor() && (target || r.kind != NodeKind::Location)).collect()
    }

    fn verbs_of(&mut self, v: &View, ex: &Example) {
        let lx = v.context().lexicon();
        let parse = v.parse();
        for (ci, c) in parse.clauses.iter().enumerate() {
            let Some(vg) = parse.phrases[c.verb].verb else { continue };
            if vg.copula || crate::syntax::parse::is_etre_verb(vg.lemma) || c.kind == ClauseKind::Incise {
                continue;
            }
            let lemma = relate::clause_lemma(v, c);
            if lemma.is_empty() || SUPPORT_VERBS.contains(&lemma.as_str()) {
                continue;
            }
            if lx.frames.of(&lemma, FramePos::Verb).any(|f| f.reflexive == vg.reflexive) {
                continue;
            }
            let (subj, active) = v.subject(ci);
            let agent = c.obliques.iter().copied().find(|&o| v.prep_of(o) == Some("par"));
            let (s, o) = if active { (subj, c.object) } else { (agent, subj) };
            let Some(s) = s else { continue };
            let sources = Self::actors(v, s, false);
            if sources.is_empty() {
                continue;
            }
            // An object that names no actor: a bare noun right after the
            // verb is part of it ("rendre hommage à"), another one is what
            // the verb moves ("vendre des armes à").
            let toks = v.tokens();
            let thing = o.filter(|&o| o != s && Self::actors(v, o, true).is_empty());
            let particle = thing.filter(|&o| {
                let ph = &parse.phrases[o];
                ph.bare && ph.prep.is_none() && ph.a == vg.main + 1 && ph.b == ph.a + 1 && !ph.pronoun
            });
            // The pattern of each complement naming an actor.
            let mut patterns: Vec<(Arg, String, usize)> = Vec::new();
            if let Some(o) = o.filter(|&o| o != s && thing.is_none()) {
                patterns.push((Arg::Obj, "SUBJ × OBJ".to_string(), o));
            }
            let what = if thing.is_some() && particle.is_none() { " × OBJ" } else { "" };
            for &q in &c.obliques {
                let Some(w) = v.prep_of(q) else { continue };
                // "de" after a verb is mostly a partitive or a noun's
                // complement; after an object of no actor, only "à" + an
                // actor is the verb's ("vendre des armes à X"), the rest the
                // object's ("des sanctions contre X").
                let dative = w == "a" && Self::actors(v, q, false).len() == v.all_names(q).len();
                if w == "de"
                    || !what.is_empty() && !dative
                    || !active && Some(q) == agent
                    || patterns.iter().any(|(a, _, _)| *a == Arg::Prep(w.to_string()))
                {
                    continue;
                }
                patterns.push((Arg::Prep(w.to_string()), format!("SUBJ{what} × {}+NP", prep_slot(w)), q));
            }
            let shown = if vg.lemma.is_empty() { lemma.clone() } else { vg.lemma.to_string() };
            let mut trigger = if !vg.reflexive {
                shown.clone()
            } else if shown.starts_with(['a', 'e', 'é', 'è', 'ê', 'i', 'o', 'u', 'y', 'h']) {
                format!("s'{shown}")
            } else {
                format!("se {shown}")
            };
            let mut particle_words = Vec::new();
            if let Some(o) = particle {
                let word = toks[parse.phrases[o].head].text.to_lowercase();
                trigger = format!("{trigger} {word}");
                particle_words.push(fold(&word));
            }
            for (arg, pattern, q) in patterns {
                let targets = Self::actors(v, q, true);
                let Some(t0) = targets.first() else { continue };
                if targets.iter().all(|t| sources.iter().any(|s| s.id == t.id)) {
                    continue;
                }
                let mut slots = vec![(Arg::Subj, Role::Source), (arg.clone(), Role::Target)];
                if !what.is_empty() && arg != Arg::Obj {
                    slots.push((Arg::Obj, Role::What));
                }
                let key = (trigger.clone(), slots_text(&slots));
                self.patterns.entry(key.clone()).or_insert(pattern);
                let tally = self.verbs.entry(key).or_default();
                tally.see(&trigger, ex);
                *tally.kinds.entry(format!("{} × {}", kind_word(sources[0].kind), kind_word(t0.kind))).or_default() +=
                    1;
                for rel in RELATIONS {
                    let mut f = frame(&lemma, vg.reflexive, FramePos::Verb, rel, &slots);
                    f.particle.clone_from(&particle_words);
                    let got = relate::try_verb_frame(v, ci, &f);
                    tally.tried(rel.as_str(), &got, ex, &mut self.labels);
                }
            }
        }
    }

    fn nouns_of(&mut self, v: &View, ex: &Example) {
        let ctx = v.context();
        let lx = ctx.lexicon();
        let parse = v.parse();
        let toks = v.tokens();
        let sent = &ctx.rd.sentences[v.sentence()];
        for (p, ph) in parse.phrases.iter().enumerate() {
            if ph.kind != PhraseKind::Noun || ph.pronoun || ph.atom.is_some() || ph.temporal {
                continue;
            }
            let tag = v.syn.tags[ph.head];
            if tag.upos != Upos::Noun || is_capitalized(&toks[ph.head].text) || toks[ph.head].kind != TokKind::Word {
                continue;
            }
            let lemma = if tag.lemma.is_empty() { toks[ph.head].norm.to_string() } else { fold(tag.lemma) };
            if lx.frames.triggers(&lemma, FramePos::Noun)
                || ["forces", "territory", "settlements", "quantity", "residents"]
                    .iter()
                    .any(|c| lx.frames.in_class(&lemma, c))
            {
                continue;
            }
            // No title ("le président de X à Y") and no body ("l'armée de X").
            let h = ph.head;
            if sent.mentions.roles.iter().any(|r| r.a <= h && h < r.b.max(r.title_b))
                || sent.mentions.entities.iter().any(|m| m.a <= h && h < m.b)
            {
                continue;
            }
            // The owner: a "de" complement naming an actor, or a nationality adjective.
            let de = (p + 1..parse.phrases.len().min(p + 4))
                .find(|&q| parse.phrases[q].of == Some(p) && !Self::actors(v, q, false).is_empty());
            let (source_arg, sources, from) = match (de, v.demonym_in(p)) {
                (Some(q), _) => (Arg::Prep("de".into()), Self::actors(v, q, false), q),
                (None, Some(d)) => (Arg::Adj, vec![d.clone()], p),
                _ => continue,
            };
            let Some(q) = (from + 1..parse.phrases.len().min(from + 3)).find(|&q| {
                let qp = &parse.phrases[q];
                qp.kind == PhraseKind::Noun && v.prep_of(q).is_some_and(|w| w != "de")
            }) else {
                continue;
            };
            let targets = Self::actors(v, q, true);
            let Some(t0) = targets.first() else { continue };
            let w = v.prep_of(q).unwrap_or_default().to_string();
            let shown = if tag.lemma.is_empty() { lemma.clone() } else { tag.lemma.to_lowercase() };
            let pattern = match source_arg {
                Arg::Adj => format!("NOUN ADJ × {}+NP", prep_slot(&w)),
                _ => format!("NOUN de+NP × {}+NP", prep_slot(&w)),
            };
            let slots = [(source_arg, Role::Source), (Arg::Prep(w), Role::Target)];
            let key = (shown.clone(), slots_text(&slots));
            self.patterns.entry(key.clone()).or_insert(pattern);
            let tally = self.nouns.entry(key).or_default();
            tally.see(&shown, ex);
            *tally.kinds.entry(format!("{} × {}", kind_word(sources[0].kind), kind_word(t0.kind))).or_default() += 1;
            for rel in RELATIONS {
                let f = frame(&lemma, false, FramePos::Noun, rel, &slots);
                let got = relate::try_noun_frame(v, p, &f);
                tally.tried(rel.as_str(), &got, ex, &mut self.labels);
            }
        }
    }

    fn names_of(&mut self, v: &View, facts: &[EventFact], ex: &Example) {
        let ctx = v.context();
        let lx = ctx.lexicon();
        let si = v.sentence();
        let sent = &ctx.rd.sentences[si];
        let toks = v.tokens();
        let parse = v.parse();
        let mut covered = vec![false; toks.len()];
        for m in &sent.mentions.entities {
            covered[m.a..m.b.min(toks.len())].iter_mut().for_each(|c| *c = true);
        }
        for r in &sent.mentions.roles {
            covered[r.a..r.title_b.min(toks.len())].iter_mut().for_each(|c| *c = true);
        }
        // (first token, end, weak mention)
        let mut runs: Vec<(usize, usize, bool)> = Vec::new();
        let name_word = |t: usize| {
            let tok = &toks[t];
            tok.kind == TokKind::Word
                && is_capitalized(&tok.text)
                && !covered[t]
                && !FUNCTION_WORDS.contains(&tok.norm.as_str())
                && !WEEKDAYS.contains(&tok.norm.as_str())
                && !MONTHS.contains(&tok.norm.as_str())
        };
        let mut t = 0;
        while t < toks.len() {
            if !name_word(t) {
                t += 1;
                continue;
            }
            let mut e = t + 1;
            loop {
                if e < toks.len() && name_word(e) {
                    e += 1;
                } else if e + 1 < toks.len() && NAME_PARTICLES.contains(&toks[e].norm.as_str()) && name_word(e + 1) {
                    e += 2;
                } else {
                    break;
                }
            }
            // A name made only of words of the language is no evidence of
            // a name ("Le", "Selon", "Ministère"); at the start of a sentence
            // neither is one capital.
            let plain = toks[t..e].iter().all(|k| k.kind != TokKind::Word || mention::common_word(k));
            let opener = t == 0 && e == 1;
            if !(plain || opener && lx.lemma(&toks[t].norm).is_some()) {
                runs.push((t, e, false));
            }
            t = e;
        }
        for (mi, m) in sent.mentions.entities.iter().enumerate() {
            if let Ref::Person { strong: false, name } = &m.target {
                let plain = toks[m.a..m.b].iter().all(|k| k.kind != TokKind::Word || mention::common_word(k));
                let opener = m.a == 0 && m.b == 1 && lx.lemma(&toks[0].norm).is_some();
                // A surname several people bear is listed with its candidates.
                let shared = || name.len() == 1 && ctx.reg.holders(&name[0], ctx.lone_fuzzy(m)).len() >= 2;
                if ctx.resolved[si][mi].is_none() && !plain && !opener && !shared() {
                    runs.push((m.a, m.b, true));
                }
            }
        }
        for (a, b, weak) in runs {
            let surface = one_line(&ctx.rd.doc.text[toks[a].span.start..toks[b - 1].span.end]);
            let key = fold(&surface);
            let tally = self.names.entry(key).or_default();
            tally.see(&surface, ex);
            tally.weak |= weak;
            // What the context says: a place after a locative preposition,
            // an organization in capitals, a person for several words.
            let prev = a.checked_sub(1).map(|k| toks[k].norm.as_str());
            let kind = if prev.is_some_and(|w| matches!(w, "a" | "en" | "dans" | "vers" | "depuis" | "pres")) {
                NodeKind::Location
            } else if is_all_caps(&toks[a].text) && b == a + 1 {
                NodeKind::Organization
            } else if b - a >= 2 {
                NodeKind::Person
            } else {
                NodeKind::Organization
            };
            *tally.context.entry(kind).or_default() += 1;
            // The phrase the name heads, if it stands for nothing yet.
            let Some(p) = parse
                .phrases
                .iter()
                .position(|ph| ph.kind == PhraseKind::Noun && a <= ph.head && ph.head < b && ph.b <= b.max(ph.b))
                .filter(|&p| v.names(p).is_empty())
            else {
                continue;
            };
            if !Self::framed(v, p) {
                continue;
            }
            // No person's name has a word in capitals ("USS", "FC").
            let caps = toks[a..b].iter().any(|k| k.kind == TokKind::Word && is_all_caps(&k.text) && k.text.len() > 1);
            for kind in NAME_KINDS {
                if kind == NodeKind::Person && caps {
                    continue;
                }
                let id = node_id(kind, &surface);
                self.labels.entry(id.clone()).or_insert_with(|| surface.clone());
                let view = v.with_names(p, vec![Resolved { id: id.clone(), kind }]);
                let got: Vec<EventFact> = relate::frames(&view)
                    .into_iter()
                    .filter(|(f, _)| {
                        (f.source == id || f.target == id)
                            && !facts
                                .iter()
                                .any(|(g, _)| g.source == f.source && g.target == f.target && g.relation == f.relation)
                    })
                    .collect();
                tally.tried(kind.as_str(), &got, ex, &mut self.labels);
            }
        }
    }

    /// Whether phrase `p` is an argument of a clause or a complement of a
    /// noun some frame has: only there may a name's kind give edges.
    fn framed(v: &View, p: usize) -> bool {
        let lx = v.context().lexicon();
        let parse = v.parse();
        let p = parse.phrases[p].coord_head.unwrap_or(p);
        let verb = parse.clauses.iter().enumerate().any(|(ci, c)| {
            let arg =
                v.subject(ci).0 == Some(p) || c.object == Some(p) || c.obliques.contains(&p) || c.fronted.contains(&p);
            arg && lx.frames.triggers(&relate::clause_lemma(v, c), FramePos::Verb)
        });
        let noun = (p.saturating_sub(3)..p).any(|q| {
            let ph = &parse.phrases[q];
            ph.kind == PhraseKind::Noun && {
                let tag = v.syn.tags[ph.head];
                let lemma = if tag.lemma.is_empty() { v.tokens()[ph.head].norm.to_string() } else { fold(tag.lemma) };
                lx.frames.triggers(&lemma, FramePos::Noun)
            }
        });
        verb || noun
    }

    fn titles_of(&mut self, v: &View, ex: &Example) {
        let ctx = v.context();
        let lx = ctx.lexicon();
        let si = v.sentence();
        let sent = &ctx.rd.sentences[si];
        let toks = v.tokens();
        let tags = &v.syn.tags;
        let in_role = |k: usize| sent.mentions.roles.iter().any(|r| r.a <= k && k < r.b.max(r.title_b));
        let in_entity = |k: usize| sent.mentions.entities.iter().any(|m| m.a <= k && k < m.b);
        let candidate = |k: usize| {
            let t = &toks[k];
            t.kind == TokKind::Word
                && !is_capitalized(&t.text)
                && tags[k].upos == Upos::Noun
                && !in_role(k)
                && !in_entity(k)
                && !FUNCTION_WORDS.contains(&t.norm.as_str())
                && lx.given_name(&t.norm).is_none()
                && lx.body_forms.matches_at(toks, k).is_empty()
                && lx.title_forms.matches_at(toks, k).is_empty()
                && !lx.frames.triggers(&fold(tags[k].lemma), FramePos::Noun)
                && ![&NAMED_AFTER, &ORG_NOUNS, &EVENT_OR_BUILDING_HEADS]
                    .iter()
                    .any(|list| list.contains(&fold(tags[k].lemma).as_str()) || list.contains(&t.norm.as_str()))
                && !["forces", "residents", "quantity", "territory", "settlements"]
                    .iter()
                    .any(|c| lx.frames.in_class(&fold(tags[k].lemma), c))
        };
        for (mi, m) in sent.mentions.entities.iter().enumerate() {
            let Some(person) = ctx.resolved[si][mi].as_ref().filter(|r| r.kind == NodeKind::Person) else {
                continue;
            };
            let start = mention::civility_start(toks, m.a);
            let mut found: Option<usize> = None;
            // Before: "le NOUN (nationality) X".
            if start == m.a && m.a > 0 {
                let mut k = m.a - 1;
                if k > 0 && lx.demonym(&toks[k].norm).is_some() && !is_capitalized(&toks[k].text) {
                    k -= 1;
                }
                let det = k > 0
                    && matches!(
                        toks[k - 1].norm.as_str(),
                        "le" | "la" | "l'" | "les" | "du" | "au" | "aux" | "un" | "une" | "des" | "son" | "sa" | "leur"
                    );
                if det && candidate(k) {
                    found = Some(k);
                }
            }
            // After: "X, NOUN de …," with no determiner.
            if found.is_none() && toks.get(m.b).is_some_and(|t| t.norm == ",") {
                let k = m.b + 1;
                let next = toks.get(k + 1).map(|t| t.norm.as_str());
                let follows = next.is_some_and(|w| {
                    matches!(w, "de" | "du" | "des" | "d'" | "," | "a" | "au" | "aux") || lx.demonym(w).is_some()
                });
                if k < toks.len() && follows && candidate(k) {
                    found = Some(k);
                }
            }
            let Some(k) = found else { continue };
            let label = if tags[k].lemma.is_empty() { toks[k].norm.to_string() } else { tags[k].lemma.to_lowercase() };
            let tally = self.titles.entry(label.clone()).or_default();
            tally.see(&label, ex);
            tally.ids.insert(person.id.clone());
            tally.forms.insert(toks[k].text.to_lowercase());
        }
    }

    fn surnames_of(&mut self, v: &View, ex: &Example) {
        let ctx = v.context();
        let si = v.sentence();
        let sent = &ctx.rd.sentences[si];
        for (mi, m) in sent.mentions.entities.iter().enumerate() {
            let Ref::Person { name, .. } = &m.target else { continue };
            if name.len() != 1 || ctx.resolved[si][mi].is_some() {
                continue;
            }
            let holders = ctx.reg.holders(&name[0], ctx.lone_fuzzy(m));
            if holders.len() < 2 {
                continue;
            }
            let tally = self.surnames.entry(fold(&name[0])).or_default();
            tally.see(&name[0], ex);
            for h in holders {
                tally.ids.insert(ctx.person_id(h));
            }
        }
    }

    /// The report, once every sentence is read, against the graph built.
    pub fn finish(self, graph: &Graph, lx: &crate::lexicon::Lexicon) -> Report {
        let has_edge = |s: &str, r: Relation, t: &str| {
            graph.edges().iter().any(|e| e.source == s && e.relation == r && e.target == t)
        };
        let label = |id: &str| -> String {
            graph
                .node(id)
                .map(|n| n.label.clone())
                .or_else(|| self.labels.get(id).cloned())
                .unwrap_or_else(|| id.into())
        };
        // How often each relation is a verb's or a noun's in the lexicon, to break ties.
        let lx_frames = &lx.frames.frames;
        // The frames of the lexicon whose target stands where this one does
        // ("à" also counts the dative and the place), by relation.
        let prior = |pos: FramePos, rel: Relation, slots: &str| {
            let target = slots.split_whitespace().find_map(|x| x.strip_suffix("=target")).unwrap_or("");
            lx_frames
                .iter()
                .filter(|f| f.pos == pos && f.relation == rel)
                .filter(|f| {
                    f.slots.iter().any(|sl| {
                        let a = arg_text(&sl.arg);
                        sl.roles.contains(&Role::Target)
                            && (a == target
                                || target == "à" && (a == "dat" || a == "loc")
                                || target == "en" && a == "loc")
                    })
                })
                .count()
        };
        let mut items = Vec::new();
        for (section, map, pos) in
            [(Section::Verbs, &self.verbs, FramePos::Verb), (Section::Nouns, &self.nouns, FramePos::Noun)]
        {
            let mut list = Vec::new();
            for ((trigger, slots), t) in map {
                // The relation giving the most new edges.
                let mut best: Option<((bool, usize, usize), Relation)> = None;
                let mut others = Vec::new();
                for rel in RELATIONS {
                    let Some(tried) = t.tried.get(rel.as_str()) else { continue };
                    let new = tried.edges.iter().filter(|(s, g)| !has_edge(s, rel, g)).count();
                    if tried.edges.is_empty() {
                        continue;
                    }
                    others.push(format!("{} {}", rel.as_str(), new));
                    let pr = prior(pos, rel, slots);
                    let score = (pr > 0, new, pr);
                    if best.is_none_or(|b| score > b.0) {
                        best = Some((score, rel));
                    }
                }
                let Some(((_, new, _), rel)) = best else { continue };
                if new == 0 {
                    continue;
                }
                let tried = &t.tried[rel.as_str()];
                let (s, g) = tried.first.clone().unwrap_or_default();
                let example = tried.examples.first().map(|e| e.text.clone()).unwrap_or_default();
                let pos_word = if pos == FramePos::Verb { "verb" } else { "noun" };
                let row = format!(
                    "{trigger}\t{pos_word}\t{}\t{slots}\t-\t-\t{example}\t{} -{}-> {}",
                    rel.as_str(),
                    label(&s),
                    rel.as_str(),
                    label(&g)
                );
                let kinds: Vec<String> = t.kinds.iter().map(|(k, n)| format!("{k} ({n})")).collect();
                let pattern = self.patterns.get(&(trigger.clone(), slots.clone())).cloned().unwrap_or_default();
                let mut examples = tried.examples.clone();
                for e in &t.examples {
                    push_example(&mut examples, e);
                }
                list.push(Item {
                    section,
                    key: trigger.clone(),
                    pattern: format!("{pattern}: {}", kinds.join(", ")),
                    edges: new,
                    seen: t.seen,
                    file: Some("frames.tsv"),
                    row: Some(row),
                    note: format!("new edges by relation: {}", others.join(", ")),
                    examples,
                });
            }
            items.extend(ranked(list));
        }
        // Names: the kind that gives the most edges, else the context's.
        let mut list = Vec::new();
        for t in self.names.values() {
            let mut best: Option<(usize, NodeKind)> = None;
            let mut others = Vec::new();
            for kind in NAME_KINDS {
                let n = t.tried.get(kind.as_str()).map_or(0, |x| x.edges.len());
                if n > 0 {
                    others.push(format!("{} {n}", kind.as_str()));
                }
                if n > 0 && best.is_none_or(|(m, _)| n > m) {
                    best = Some((n, kind));
                }
            }
            let (edges, kind) = best.unwrap_or_else(|| {
                let k = t.context.iter().max_by_key(|(k, n)| (**n, std::cmp::Reverse(**k))).map(|(k, _)| *k);
                (0, k.unwrap_or(NodeKind::Organization))
            });
            let words: Vec<&str> = t.display.split_whitespace().collect();
            let (file, row, why) = match kind {
                NodeKind::Person if words.len() >= 2 && lx.given_name(&fold(words[0])).is_none() => (
                    Some("given_names.tsv"),
                    Some(format!("{}\tu", words[0])),
                    format!("{} as a given name makes the name a person's", words[0]),
                ),
                NodeKind::Person => {
                    (None, None, "no lexicon row makes it a person: a title or a given name before it does".into())
                }
                NodeKind::Location => (Some("locations.tsv"), Some(format!("{}\t\tcity\t", t.display)), String::new()),
                _ => (Some("organizations.tsv"), Some(format!("{}\t\tbody\t", t.display)), String::new()),
            };
            let mut examples = t.tried.get(kind.as_str()).map(|x| x.examples.clone()).unwrap_or_default();
            for e in &t.examples {
                push_example(&mut examples, e);
            }
            let state = if t.weak { "weak person name, unresolved" } else { "no entity" };
            let mut note = format!(
                "{state}; edges by kind: {}",
                if others.is_empty() { "none".into() } else { others.join(", ") }
            );
            if !why.is_empty() {
                note = format!("{note}; {why}");
            }
            list.push(Item {
                section: Section::Names,
                key: t.display.clone(),
                pattern: kind.as_str().to_string(),
                edges,
                seen: t.seen,
                file,
                row,
                note,
                examples,
            });
        }
        items.extend(ranked(list));
        let mut list = Vec::new();
        for (lemma, t) in &self.titles {
            let mut forms: Vec<&str> =
                std::iter::once(lemma.as_str()).chain(t.forms.iter().map(String::as_str)).collect();
            forms.dedup();
            forms.sort();
            forms.dedup();
            let holders: Vec<String> = t.ids.iter().map(|id| label(id)).collect();
            list.push(Item {
                section: Section::Titles,
                key: lemma.clone(),
                pattern: "title before or after a person's name".into(),
                edges: t.ids.len(),
                seen: t.seen,
                file: Some("roles.tsv"),
                row: Some(format!("{lemma}\t{}\tofficial", forms.join("|"))),
                note: format!(
                    "holders: {}; kind official makes a role node, trade or description none",
                    holders.join(", ")
                ),
                examples: t.examples.clone(),
            });
        }
        items.extend(ranked(list));
        let mut list = Vec::new();
        for t in self.surnames.values() {
            let cands: Vec<String> = t.ids.iter().map(|id| format!("{} ({id})", label(id))).collect();
            list.push(Item {
                section: Section::Surnames,
                key: t.display.clone(),
                pattern: format!("{} candidates", t.ids.len()),
                edges: 0,
                seen: t.seen,
                file: None,
                row: None,
                note: format!("candidates: {}", cands.join(", ")),
                examples: t.examples.clone(),
            });
        }
        items.extend(ranked(list));
        Report { items }
    }
}

/// Best first: most edges, then most seen, then by key.
fn ranked(mut list: Vec<Item>) -> Vec<Item> {
    list.sort_by(|a, b| b.edges.cmp(&a.edges).then(b.seen.cmp(&a.seen)).then_with(|| a.key.cmp(&b.key)));
    list
}
