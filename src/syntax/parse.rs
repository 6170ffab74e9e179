//! Chunks and clauses of one sentence.
//!
//! Two layers over tagged tokens:
//! - **Phrases**: noun phrases (determiners, adjectives, a head, the
//!   adjectives after it, with the preposition that governs them: "à la
//!   capitale ghanéenne"), verb groups (clitics, negation, auxiliaries,
//!   modals and the lexical verb, with voice, mood, tense and person),
//!   adverbs, conjunctions, relative pronouns, subordinators, marks. A name
//!   handed in as an atom ("Kim Jong-un", "Organisation du traité de
//!   sécurité collective") is the head of one noun phrase, and a title
//!   right before it joins that phrase ("le président ghanéen Kwame
//!   Ofori"). Noun phrases know the phrase they complement ("de X" after a
//!   noun), the one they stand in apposition to ("X, ministre des
//!   Finances,") and their coordination ("A, B et C", "A ainsi que B").
//! - **Clauses**: one per verb group, with its kind (main, relative,
//!   completive, adverbial, infinitival, participial, gerund, incise), its
//!   subject (a phrase, the antecedent of "qui", or the subject of the
//!   clause it depends on), its object and its prepositional complements.
//!
//! Everything is a left-to-right pass with bounded look-back: the cost is
//! linear in the sentence.

use super::{Mood, Num, Tag, Tense, Upos, VerbForm};
use crate::text::{TokKind, Token};

/// A name that is one noun head, as token indices `a..b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Atom {
    /// First token.
    pub a: usize,
    /// One past the last token.
    pub b: usize,
    /// Whether a common noun right before it is its title and joins its
    /// phrase ("le président ghanéen Kwame Ofori"): true for people's names.
    pub title: bool,
    /// The first token of a title phrase that ends right before the name
    /// ("ministre" in "le ministre de l'Économie Marek Hlinka"), which joins
    /// the name's phrase whole, complements and all; `a` when there is none.
    pub lead: usize,
}

/// What a phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseKind {
    /// A noun phrase, possibly governed by a preposition.
    Noun,
    /// A verb group.
    Verb,
    /// An adverb, or an adverbial locution.
    Adv,
    /// A coordinating conjunction ("et", "ou", "mais", "ainsi que", "puis").
    Coord,
    /// A relative pronoun ("qui", "que", "dont", "où", "lequel").
    Rel,
    /// A subordinating conjunction ("que", "quand", "si", "alors que").
    Sub,
    /// A preposition with no noun phrase after it (before an infinitive).
    Prep,
    /// A punctuation mark.
    Punct,
    /// Anything else (an adjective on its own, an interjection).
    Other,
}

/// A verb group's voice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Voice {
    /// The subject acts.
    #[default]
    Active,
    /// The subject undergoes ("ont été envoyés", "escorté par").
    Passive,
}

/// What a verb group says of its verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct VerbGroup {
    /// The lexical verb's token.
    pub main: usize,
    /// Its lemma ("" when unknown: use the token's form).
    pub lemma: &'static str,
    /// The form of the group's first verb (finite, infinitive, participle).
    pub form: VerbForm,
    /// The tense of the lexical verb when it is a participle (present
    /// participle: `Pres`), else of the finite verb.
    pub tense: Tense,
    /// Mood of the finite verb.
    pub mood: Mood,
    /// Person of the finite verb.
    pub person: u8,
    /// Number of the finite verb.
    pub number: Num,
    /// Voice.
    pub voice: Voice,
    /// "ne … pas", "ne … jamais", "ne … plus".
    pub negated: bool,
    /// "se", "s'": a pronominal verb ("s'est rendu", "se sont entretenus").
    pub reflexive: bool,
    /// The modal or aspect verb before the infinitive ("pourrait envoyer":
    /// "pouvoir"; "va déployer": "aller").
    pub modal: &'static str,
    /// Compound tense with an auxiliary ("a déclaré", "sont arrivés").
    pub compound: bool,
    /// "être" + adjective or noun: the verb is a copula.
    pub copula: bool,
    /// Future meaning: future tense, or "aller" + infinitive.
    pub future: bool,
    /// An object clitic in the group ("le", "la", "les", "lui", "leur"), by token.
    pub clitic_object: Option<usize>,
    /// "lui", "leur": an indirect object clitic.
    pub clitic_dative: Option<usize>,
    /// The inverted subject pronoun after the verb ("-t-il", "-elle").
    pub inverted: Option<usize>,
    /// "ne … que": the next "que" restricts the verb's complement.
    pub restrictive: bool,
}

/// One phrase of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// What it is.
    pub kind: PhraseKind,
    /// First token (the preposition of a prepositional noun phrase is not included: see `prep`).
    pub a: usize,
    /// One past the last token.
    pub b: usize,
    /// The head token (a noun phrase's noun or name, a verb group's lexical verb).
    pub head: usize,
    /// The preposition governing a noun phrase, by token.
    pub prep: Option<usize>,
    /// The atom that is this noun phrase's head.
    pub atom: Option<usize>,
    /// The noun phrase this one complements ("de X", "du pays" after a noun).
    pub of: Option<usize>,
    /// The noun phrase this one stands in apposition to.
    pub apposition_of: Option<usize>,
    /// The first conjunct of the coordination this noun phrase belongs to.
    pub coord_head: Option<usize>,
    /// A pronoun ("il", "elle", "ils", "celui-ci", "qui" is a `Rel`).
    pub pronoun: bool,
    /// Number of a noun phrase, from its determiner, head and agreement.
    pub number: Num,
    /// A time expression ("mardi", "le 19 juin", "la semaine dernière").
    pub temporal: bool,
    /// A noun phrase with no determiner ("membre de", "président de").
    pub bare: bool,
    /// The verb group, for `Verb` phrases.
    pub verb: Option<VerbGroup>,
}

/// What kind of clause a verb group heads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClauseKind {
    /// An independent clause.
    Main,
    /// A relative clause; its antecedent noun phrase, and the pronoun's role.
    Relative {
        /// The noun phrase the pronoun stands for.
        antecedent: Option<usize>,
        /// The pronoun ("qui", "que", "dont", "où"), by token.
        pronoun: usize,
    },
    /// A "que" clause after a verb or a noun ("a affirmé que …").
    Completive,
    /// A clause opened by a subordinating conjunction ("quand", "si", "alors que").
    Adverbial,
    /// An infinitive after a preposition or a verb ("a menacé d'envahir").
    Infinitival,
    /// A participle: fronted ("Parvenu à Lisbonne, X …") or after a noun
    /// ("escorté par une corvette").
    Participial,
    /// "en" + present participle.
    Gerund,
    /// A reporting incise with its inverted subject (", a déclaré X,", "», poursuit-il").
    Incise,
}

/// Where a clause's subject comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// No subject found.
    None,
    /// A noun phrase of the clause (the first conjunct of a coordination).
    Phrase(usize),
    /// The clause shares the subject of another clause (control,
    /// coordinated verbs, participles).
    Of(usize),
    /// An inverted pronoun inside the verb group ("a-t-il", "dit-elle"), by token.
    Pronoun(usize),
}

/// One clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// Its verb group, by phrase.
    pub verb: usize,
    /// Its kind.
    pub kind: ClauseKind,
    /// Its subject.
    pub subject: Subject,
    /// Its direct object (or the attribute of a copula), by phrase.
    pub object: Option<usize>,
    /// Its prepositional complements, by phrase, in order.
    pub obliques: Vec<usize>,
    /// Prepositional phrases fronted before its subject ("Au Niger, la France a …"), by phrase.
    pub fronted: Vec<usize>,
    /// The clause it depends on.
    pub parent: Option<usize>,
    /// First phrase of the clause (its opener: the pronoun, the conjunction).
    pub first: usize,
    /// One past its last phrase.
    pub last: usize,
}

/// The analysis of one sentence.
#[derive(Debug, Clone, Default)]
pub struct Parse {
    /// Phrases, in order, covering every token.
    pub phrases: Vec<Phrase>,
    /// Clauses, in the order of their verbs.
    pub clauses: Vec<Clause>,
    /// Token → the phrase it belongs to (a preposition belongs to its noun phrase).
    pub phrase_of: Vec<usize>,
}

impl Parse {
    /// The noun phrase that names the subject of clause `c`, following
    /// shared subjects and relative antecedents.
    pub fn subject_phrase(&self, c: usize) -> Option<usize> {
        let mut c = c;
        for _ in 0..8 {
            let clause = &self.clauses[c];
            match clause.subject {
                Subject::Phrase(p) => return Some(p),
                Subject::Of(other) if other != c => c = other,
                _ => return None,
            }
        }
        None
    }

    /// The conjuncts of the coordination noun phrase `p` heads or belongs
    /// to, `p`'s own first; a lone phrase is its own only conjunct.
    pub fn conjuncts(&self, p: usize) -> Vec<usize> {
        let head = self.phrases[p].coord_head.unwrap_or(p);
        let mut out = vec![head];
        for (i, q) in self.phrases.iter().enumerate().skip(head + 1).take(64) {
            if q.coord_head == Some(head) {
                out.push(i);
            }
        }
        out
    }

    /// The noun phrases in apposition to `p`.
    pub fn appositions(&self, p: usize) -> impl Iterator<Item = usize> + '_ {
        self.phrases
            .iter()
            .enumerate()
            .skip(p + 1)
            .take(16)
            .filter(move |(_, q)| q.apposition_of == Some(p))
            .map(|(i, _)| i)
    }

    /// The clause whose verb group is phrase `p`.
    pub fn clause_of_verb(&self, p: usize) -> Option<usize> {
        self.clauses.iter().position(|c| c.verb == p)
    }
}

/// Closed word classes the chunker needs.
mod words {
    /// Object and reflexive clitics that sit before a verb.
    pub const CLITICS: &[&str] =
        &["se", "s'", "me", "m'", "te", "t'", "le", "la", "les", "l'", "lui", "leur", "y", "en", "nous", "vous"];
    /// Verbs of saying that make incises ("…, a déclaré X, …").
    pub const REPORTING: &[&str] = &[
        "déclarer",
        "dire",
        "affirmer",
        "ajouter",
        "expliquer",
        "estimer",
        "indiquer",
        "préciser",
        "souligner",
        "poursuivre",
        "assurer",
        "confier",
        "lancer",
        "réagir",
        "répondre",
        "rappeler",
        "noter",
        "conclure",
        "avertir",
        "insister",
        "commenter",
        "observer",
        "relever",
        "marteler",
        "reconnaître",
        "admettre",
        "raconter",
        "résumer",
        "nuancer",
        "demander",
        "prévenir",
        "écrire",
        "tweeter",
        "rétorquer",
        "répliquer",
        "juger",
        "considérer",
        "déplorer",
        "regretter",
        "dénoncer",
        "annoncer",
        "confirmer",
        "promettre",
        "menacer",
        "jurer",
        "plaider",
        "ironiser",
        "s'interroger",
        "interroger",
        "détailler",
        "soutenir",
        "protester",
        "s'inquiéter",
        "signaler",
        "rapporter",
        "témoigner",
        "avouer",
        "répéter",
        "renchérir",
        "tempérer",
        "fustiger",
        "analyser",
        "juger",
    ];
    /// Pronouns that are only ever subjects.
    pub const STRICT_SUBJECTS: &[&str] = &["il", "elle", "ils", "elles", "on", "je", "j'", "tu"];
    /// Subject pronouns.
    pub const SUBJECT_PRONOUNS: &[&str] =
        &["il", "elle", "ils", "elles", "on", "je", "j'", "tu", "nous", "vous", "ce", "c'", "cela", "ça"];
    /// Words that close a negation opened by "ne".
    pub const NEGATORS: &[&str] = &["pas", "jamais", "plus", "guere", "point", "rien", "nullement", "aucunement"];
    /// Verbs whose compound tenses take "être": with it they stay active.
    pub const ETRE_VERBS: &[&str] = &[
        "aller",
        "arriver",
        "partir",
        "venir",
        "revenir",
        "devenir",
        "parvenir",
        "intervenir",
        "survenir",
        "provenir",
        "entrer",
        "rentrer",
        "sortir",
        "rester",
        "demeurer",
        "retourner",
        "tomber",
        "naître",
        "mourir",
        "décéder",
        "passer",
        "repartir",
        "apparaître",
        "redevenir",
        "accourir",
    ];
    /// Verbs followed directly by an infinitive they govern.
    pub const MODALS: &[&str] = &[
        "pouvoir",
        "devoir",
        "vouloir",
        "aller",
        "savoir",
        "falloir",
        "sembler",
        "paraître",
        "faire",
        "laisser",
        "oser",
        "compter",
        "souhaiter",
        "espérer",
        "désirer",
        "préférer",
        "entendre",
    ];
    /// Verbs whose object is the subject of the infinitive they govern
    /// ("accuse X d'avoir envoyé", "a demandé à X de partir").
    pub const OBJECT_CONTROL: &[&str] = &[
        "accuser",
        "soupçonner",
        "suspecter",
        "demander",
        "ordonner",
        "exhorter",
        "appeler",
        "inviter",
        "pousser",
        "autoriser",
        "empêcher",
        "convaincre",
        "obliger",
        "forcer",
        "encourager",
        "aider",
        "charger",
        "sommer",
        "enjoindre",
        "presser",
        "interdire",
        "permettre",
        "conseiller",
        "inciter",
    ];
    /// Relative pronouns.
    pub const RELATIVES: &[&str] = &[
        "qui",
        "dont",
        "ou",
        "lequel",
        "laquelle",
        "lesquels",
        "lesquelles",
        "auquel",
        "auxquels",
        "auxquelles",
        "duquel",
        "desquels",
        "desquelles",
    ];
    /// Subordinating conjunctions of one word (besides "que").
    pub const SUBORDINATORS: &[&str] = &[
        "quand", "lorsque", "lorsqu'", "si", "s'", "puisque", "puisqu'", "comme", "quoique", "quoiqu'", "tandis", "car",
    ];
    /// Heads of time expressions besides the names of days and months
    /// (`text::date`): they are neither subject nor object.
    pub const TEMPORAL: &[&str] = &[
        "matin",
        "matinee",
        "soir",
        "soiree",
        "nuit",
        "apres-midi",
        "jour",
        "jours",
        "journee",
        "semaine",
        "semaines",
        "mois",
        "an",
        "ans",
        "annee",
        "annees",
        "veille",
        "lendemain",
        "heure",
        "heures",
        "minute",
        "minutes",
        "week-end",
        "hier",
        "aujourd'hui",
        "demain",
        "fois",
        "printemps",
        "ete",
        "automne",
        "hiver",
        "debut",
        "fin",
        "moment",
        "temps",
        "siecle",
        "decennie",
    ];
}

/// The infinitive of an unknown finite verb of the first group, folded.
pub fn guess_verb(norm: &str) -> Option<String> {
    // "pilonne", "pilonnent", "bombardait": a present or imperfect of the first group.
    let stem = norm
        .strip_suffix("aient")
        .or_else(|| norm.strip_suffix("ait"))
        .or_else(|| norm.strip_suffix("ent"))
        .or_else(|| norm.strip_suffix('e'))?;
    (stem.len() >= 3).then(|| format!("{stem}er"))
}

/// The infinitive of an unknown word with the ending of a past participle
/// of the first group ("redéployé" → "redéployer"), folded.
pub fn guess_participle(norm: &str) -> Option<String> {
    let stem = norm
        .strip_suffix("ees")
        .or_else(|| norm.strip_suffix("es"))
        .or_else(|| norm.strip_suffix("ee"))
        .or_else(|| norm.strip_suffix('e'))?;
    (stem.len() >= 3).then(|| format!("{stem}er"))
}

/// Whether a verb takes "être" in its compound tenses (it stays active then).
pub fn is_etre_verb(lemma: &str) -> bool {
    words::ETRE_VERBS.contains(&lemma)
}

fn lemma_of(tag: &Tag) -> &'static str {
    // Unknown words have no lemma; callers read the token's form.
    tag.lemma
}

fn is_verbal(tag: &Tag) -> bool {
    matches!(tag.upos, Upos::Verb | Upos::Aux)
}

fn is_nominal(tag: &Tag) -> bool {
    matches!(tag.upos, Upos::Noun | Upos::Propn | Upos::Num | Upos::Pron | Upos::X | Upos::Sym)
}

fn is_punct(t: &Token) -> bool {
    t.kind == TokKind::Punct
}

/// Parses one sentence. `atoms` must be sorted and must not overlap.
pub fn parse(tokens: &[Token], tags: &[Tag], atoms: &[Atom]) -> Parse {
    debug_assert_eq!(tokens.len(), tags.len());
    let mut p = Chunker { toks: tokens, tags, atoms, out: Vec::with_capacity(tokens.len() / 2 + 1) };
    p.chunk();
    let mut phrases = p.out;
    link_nouns(tokens, tags, &mut phrases);
    let mut phrase_of = vec![0; tokens.len()];
    for (i, ph) in phrases.iter().enumerate() {
        let a = ph.prep.unwrap_or(ph.a).min(ph.a);
        for slot in &mut phrase_of[a..ph.b] {
            *slot = i;
        }
    }
    let clauses = clauses(tokens, tags, &phrases);
    Parse { phrases, clauses, phrase_of }
}

struct Chunker<'a> {
    toks: &'a [Token],
    tags: &'a [Tag],
    atoms: &'a [Atom],
    out: Vec<Phrase>,
}

fn phrase(kind: PhraseKind, a: usize, b: usize, head: usize) -> Phrase {
    Phrase {
        kind,
        a,
        b,
        head,
        prep: None,
        atom: None,
        of: None,
        apposition_of: None,
        coord_head: None,
        pronoun: false,
        number: Num::None,
        temporal: false,
        bare: false,
        verb: None,
    }
}

impl Chunker<'_> {
    fn atom_at(&self, i: usize) -> Option<usize> {
        // Atoms are sorted: a binary search finds the one starting at i.
        self.atoms.binary_search_by(|at| at.a.cmp(&i)).ok()
    }

    fn in_atom(&self, i: usize) -> bool {
        let k = self.atoms.partition_point(|at| at.a <= i);
        k > 0 && self.atoms[k - 1].b > i
    }

    fn norm(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.norm.as_str())
    }

    fn upos(&self, i: usize) -> Upos {
        self.tags.get(i).map_or(Upos::X, |t| t.upos)
    }

    fn chunk(&mut self) {
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            i = self.step(i);
        }
    }

    /// Reads the phrase starting at token `i`; returns where the next starts.
    fn step(&mut self, i: usize) -> usize {
        let t = &self.toks[i];
        let tag = self.tags[i];
        if self.atom_at(i).is_some() {
            return self.noun(i, None);
        }
        if is_punct(t) {
            self.out.push(phrase(PhraseKind::Punct, i, i + 1, i));
            return i + 1;
        }
        let norm = t.norm.as_str();
        // "le long de la frontière": a locative locution.
        if norm == "le"
            && self.norm(i + 1) == "long"
            && matches!(self.norm(i + 2), "de" | "du" | "des" | "d'")
            && i + 3 < self.toks.len()
            && self.noun_starts(i + 3)
        {
            return self.noun(i + 3, Some(i + 2));
        }
        // "ainsi que", "de même que": a coordination.
        if norm == "ainsi" && self.norm(i + 1) == "que" {
            self.out.push(phrase(PhraseKind::Coord, i, i + 2, i));
            return i + 2;
        }
        // "alors que", "tandis que", "bien que", "parce que", "pendant que", "dès que", "avant que", "après que".
        if matches!(
            norm,
            "alors" | "tandis" | "bien" | "parce" | "pendant" | "des" | "avant" | "apres" | "afin" | "sans"
        ) && matches!(self.norm(i + 1), "que" | "qu'")
        {
            self.out.push(phrase(PhraseKind::Sub, i, i + 2, i));
            return i + 2;
        }
        if matches!(norm, "et" | "ou" | "mais" | "puis" | "ni" | "or") && tag.upos != Upos::Pron {
            // "où" folds to "ou": the accent tells them apart.
            if norm == "ou" && t.text.to_lowercase() == "où" {
                self.out.push(phrase(PhraseKind::Rel, i, i + 1, i));
                return i + 1;
            }
            self.out.push(phrase(PhraseKind::Coord, i, i + 1, i));
            return i + 1;
        }
        if norm == "ou" && t.text.to_lowercase() == "où" {
            self.out.push(phrase(PhraseKind::Rel, i, i + 1, i));
            return i + 1;
        }
        if words::RELATIVES.contains(&norm) && norm != "ou" {
            self.out.push(phrase(PhraseKind::Rel, i, i + 1, i));
            return i + 1;
        }
        // "ne vise que X": the restrictive "que" of the verb group before.
        if matches!(norm, "que" | "qu'")
            && self.out.iter().rev().take(3).any(|p| p.verb.is_some_and(|v| v.restrictive))
            && !self.out.iter().rev().take(3).any(|p| matches!(p.kind, PhraseKind::Sub | PhraseKind::Rel))
        {
            self.out.push(phrase(PhraseKind::Adv, i, i + 1, i));
            return i + 1;
        }
        if matches!(norm, "que" | "qu'") {
            // A relative "que" follows a noun phrase and precedes a subject;
            // a completive "que" follows a verb. The tagger's PRON/SCONJ decides
            // where the context does not.
            let kind = if self.relative_que(i) { PhraseKind::Rel } else { PhraseKind::Sub };
            self.out.push(phrase(kind, i, i + 1, i));
            return i + 1;
        }
        // "quand même" is an adverb.
        if norm == "quand" && self.norm(i + 1) == "meme" {
            self.out.push(phrase(PhraseKind::Adv, i, i + 2, i));
            return i + 2;
        }
        let si = (norm == "si" && !matches!(self.upos(i + 1), Upos::Adj | Upos::Adv))
            || (norm == "s'" && matches!(self.norm(i + 1), "il" | "ils"));
        if words::SUBORDINATORS.contains(&norm)
            && (tag.upos == Upos::Sconj || si || matches!(norm, "quand" | "lorsque" | "lorsqu'"))
        {
            self.out.push(phrase(PhraseKind::Sub, i, i + 1, i));
            return i + 1;
        }
        if self.verb_starts(i) {
            if let Some(next) = self.verb(i) {
                return next;
            }
        }
        match tag.upos {
            Upos::Adp => {
                // A preposition: the noun phrase after it, or an infinitive.
                let mut j = i + 1;
                // "près de", "à côté de", "jusqu'à", "autour de": the last
                // preposition of a locution governs.
                while j < self.toks.len() && self.upos(j) == Upos::Adp && j - i < 3 {
                    j += 1;
                }
                if j < self.toks.len() && self.noun_starts(j) {
                    return self.noun(j, Some(j - 1).filter(|_| j > i).map(|_| i.max(j - 1)).or(Some(i)));
                }
                // "de « trahison »": a quotation mark between the preposition and its noun.
                if j + 1 < self.toks.len()
                    && matches!(self.toks[j].text.as_str(), "«" | "“" | "\"")
                    && self.noun_starts(j + 1)
                {
                    let next = self.noun(j + 1, Some(j - 1));
                    if let Some(last) = self.out.last_mut() {
                        last.a = j;
                    }
                    return next;
                }
                let mut ph = phrase(PhraseKind::Prep, i, j, j - 1);
                ph.prep = Some(j - 1);
                self.out.push(ph);
                j
            }
            // "plus de 3 000 soldats", "près de 200 militaires": a quantity, no preposition.
            Upos::Adv | Upos::Part
                if matches!(norm, "plus" | "moins" | "pres" | "environ" | "autour" | "quelque" | "pas")
                    && matches!(self.norm(i + 1), "de" | "d'")
                    && self.upos(i + 2) == Upos::Num =>
            {
                let next = self.noun(i + 2, None);
                if let Some(last) = self.out.last_mut() {
                    last.a = i;
                }
                next
            }
            Upos::Adv | Upos::Part => {
                self.out.push(phrase(PhraseKind::Adv, i, i + 1, i));
                i + 1
            }
            Upos::Cconj => {
                self.out.push(phrase(PhraseKind::Coord, i, i + 1, i));
                i + 1
            }
            Upos::Sconj => {
                self.out.push(phrase(PhraseKind::Sub, i, i + 1, i));
                i + 1
            }
            _ if self.noun_starts(i) => self.noun(i, None),
            _ => {
                self.out.push(phrase(PhraseKind::Other, i, i + 1, i));
                i + 1
            }
        }
    }

    /// Whether "que" at `i` is a relative pronoun.
    fn relative_que(&self, i: usize) -> bool {
        // "ces accusations, qu'il qualifie de …": a comma may stand between.
        let mut back = self.out.iter().rev();
        let mut prev = back.next();
        if prev.is_some_and(|p| p.kind == PhraseKind::Punct && self.norm(p.a) == ",") {
            prev = back.next();
        }
        // After a time expression the "que" is the verb's ("a déclaré vendredi que").
        let after_noun = prev.is_some_and(|p| p.kind == PhraseKind::Noun && !p.pronoun && !p.temporal);
        if !after_noun {
            return false;
        }
        // "le fait que", "l'idée que", "la preuve que": a completive after the noun.
        let head = prev.map(|p| self.norm(p.head)).unwrap_or("");
        if matches!(
            head,
            "fait"
                | "idee"
                | "preuve"
                | "crainte"
                | "espoir"
                | "annonce"
                | "certitude"
                | "impression"
                | "sentiment"
                | "rumeur"
                | "information"
                | "informations"
                | "affirmation"
                | "hypothese"
        ) {
            return false;
        }
        // "plus … que", "autant que", "moins que": a comparison.
        if self.toks[..i]
            .iter()
            .rev()
            .take(6)
            .any(|t| matches!(t.norm.as_str(), "plus" | "moins" | "autant" | "aussi" | "meme" | "tel" | "telle"))
        {
            return self.upos(i) == Upos::Pron;
        }
        // The tagger tells the pronoun from the conjunction.
        self.upos(i) == Upos::Pron
    }

    fn noun_starts(&self, i: usize) -> bool {
        if self.atom_at(i).is_some() {
            return true;
        }
        let tag = self.tags[i];
        match tag.upos {
            Upos::Det | Upos::Noun | Upos::Propn | Upos::Num | Upos::Pron | Upos::Adj | Upos::Sym | Upos::X => {
                !is_punct(&self.toks[i])
            }
            _ => false,
        }
    }

    /// Whether a verb group starts at token `i`.
    fn verb_starts(&self, i: usize) -> bool {
        let norm = self.norm(i);
        if matches!(norm, "ne" | "n'") {
            return true;
        }
        let tag = self.tags[i];
        if is_verbal(&tag) {
            return true;
        }
        // "nous" and "vous" before their verb are its subject, unless a
        // subject stands before them ("il nous a dit", "nous nous sommes").
        if matches!(norm, "nous" | "vous") && self.subject_pronoun_use(i) {
            return false;
        }
        // Clitics before a verb ("les a envoyés", "lui a livré", "se sont rendus").
        if tag.upos == Upos::Pron && words::CLITICS.contains(&norm) {
            let mut j = i;
            while j < self.toks.len()
                && j - i < 4
                && (words::CLITICS.contains(&self.norm(j)) || matches!(self.norm(j), "ne" | "n'"))
                && !self.in_atom(j)
            {
                j += 1;
            }
            return j < self.toks.len() && is_verbal(&self.tags[j]) && j > i;
        }
        false
    }

    /// Whether token `i` can be a past participle: tagged so, or a verb (or an
    /// adjective) the lexicon knows as one ("sont partis", "a rejoint").
    fn participle_at(&self, i: usize) -> bool {
        let tag = self.tags[i];
        if is_verbal(&tag) && tag.feats.verb_form == VerbForm::Part {
            return true;
        }
        if !matches!(tag.upos, Upos::Verb | Upos::Adj | Upos::Aux | Upos::X | Upos::Noun) || self.toks[i].is_cap() {
            return false;
        }
        let morph = crate::lexicon::morph::Morph::builtin();
        let known = morph.lookup_word(&self.toks[i].text).any(|a| {
            matches!(a.upos, Upos::Verb | Upos::Aux)
                && a.feats.verb_form == VerbForm::Part
                && a.feats.tense != Tense::Pres
        });
        // An unknown word with a participle's ending ("redéployé").
        known || (tag.lemma.is_empty() && guess_participle(&self.toks[i].norm).is_some())
    }

    /// The lemma of the participle at `i`.
    fn participle_lemma(&self, i: usize) -> &'static str {
        let tag = self.tags[i];
        if tag.upos == Upos::Verb && tag.feats.verb_form == VerbForm::Part && !tag.lemma.is_empty() {
            return tag.lemma;
        }
        let morph = crate::lexicon::morph::Morph::builtin();
        morph
            .lookup_word(&self.toks[i].text)
            .find(|a| matches!(a.upos, Upos::Verb | Upos::Aux) && a.feats.verb_form == VerbForm::Part)
            .map_or(tag.lemma, |a| a.lemma)
    }

    /// Whether "nous" or "vous" at `i` is the subject of the verb after it.
    fn subject_pronoun_use(&self, i: usize) -> bool {
        let prev = if i > 0 { self.norm(i - 1) } else { "" };
        let after_subject = i > 0
            && (words::SUBJECT_PRONOUNS.contains(&prev)
                || (matches!(self.upos(i - 1), Upos::Noun | Upos::Propn) && !is_punct(&self.toks[i - 1]))
                || self.in_atom(i - 1)
                || matches!(prev, "ne" | "n'" | "qui"));
        if after_subject {
            return false;
        }
        // The verb after it agrees: "nous avons", "vous êtes".
        let want = if self.norm(i) == "nous" { 1 } else { 2 };
        let mut k = i + 1;
        while k < self.toks.len()
            && k - i < 4
            && (words::CLITICS.contains(&self.norm(k)) || matches!(self.norm(k), "ne" | "n'"))
        {
            k += 1;
        }
        k < self.toks.len()
            && is_verbal(&self.tags[k])
            && (self.tags[k].feats.person == want || self.tags[k].feats.person == 0)
    }

    /// Reads a verb group at `i`; None when what looked like one is not.
    fn verb(&mut self, i: usize) -> Option<usize> {
        let n = self.toks.len();
        let mut j = i;
        let mut vg = VerbGroup::default();
        let mut saw_ne = false;
        // Negation and clitics.
        while j < n && !self.in_atom(j) {
            let norm = self.norm(j);
            if matches!(norm, "ne" | "n'") {
                saw_ne = true;
                j += 1;
            } else if words::CLITICS.contains(&norm) && !is_verbal(&self.tags[j]) && j + 1 < n {
                match norm {
                    "se" | "s'" => vg.reflexive = true,
                    "lui" | "leur" => vg.clitic_dative = Some(j),
                    "le" | "la" | "les" | "l'" => vg.clitic_object = Some(j),
                    _ => {}
                }
                j += 1;
            } else {
                break;
            }
        }
        if j >= n || !is_verbal(&self.tags[j]) || self.in_atom(j) {
            return None;
        }
        // The first verb: finite, infinitive or participle.
        let first = j;
        let ft = self.tags[first];
        vg.form = ft.feats.verb_form;
        vg.mood = ft.feats.mood;
        vg.tense = ft.feats.tense;
        vg.person = ft.feats.person;
        vg.number = ft.feats.number;
        vg.future = ft.feats.tense == Tense::Fut;
        let mut main = first;
        let mut main_lemma = lemma_of(&ft);
        j += 1;
        let after = |this: &Self, j: &mut usize, vg: &mut VerbGroup, saw_ne: bool| {
            // Adverbs, negators and an inverted pronoun between the verbs.
            while *j < n && !this.in_atom(*j) {
                let norm = this.norm(*j);
                if norm.starts_with('-') && words::SUBJECT_PRONOUNS.iter().any(|p| norm.ends_with(p)) {
                    vg.inverted = Some(*j);
                    *j += 1;
                } else if words::NEGATORS.contains(&norm) && (saw_ne || norm == "jamais") {
                    vg.negated = true;
                    *j += 1;
                } else if this.upos(*j) == Upos::Adv
                    && *j + 1 < n
                    && is_verbal(&this.tags[*j + 1])
                    && !matches!(norm, "ne" | "n'")
                {
                    *j += 1;
                } else {
                    break;
                }
            }
        };
        after(self, &mut j, &mut vg, saw_ne);
        // Auxiliaries and modals, then the verb they carry.
        for _ in 0..4 {
            let lemma = main_lemma;
            let is_aux = matches!(lemma, "avoir" | "être") || self.tags[main].upos == Upos::Aux;
            let next_is_participle = j < n && !self.in_atom(j) && self.participle_at(j);
            let next_is_inf =
                j < n && is_verbal(&self.tags[j]) && self.tags[j].feats.verb_form == VerbForm::Inf && !self.in_atom(j);
            // "a en outre déclaré", "a à plusieurs reprises affirmé".
            let mut next_is_participle = next_is_participle;
            if is_aux && matches!(lemma, "avoir" | "être") && !next_is_participle && vg.mood != Mood::None {
                let mut k = j;
                while k < n
                    && k - j < 4
                    && !self.in_atom(k)
                    && (matches!(self.upos(k), Upos::Adv | Upos::Adp | Upos::Det | Upos::Adj)
                        || matches!(
                            self.norm(k),
                            "reprises"
                                | "fois"
                                | "nouveau"
                                | "outre"
                                | "ailleurs"
                                | "abord"
                                | "effet"
                                | "fait"
                                | "suite"
                                | "part"
                                | "cote"
                                | "«"
                                | "»"
                                | "\""
                                | "“"
                                | "”"
                        ))
                {
                    k += 1;
                }
                if k > j && k < n && self.participle_at(k) && !self.in_atom(k) {
                    j = k;
                    next_is_participle = true;
                }
            }
            if is_aux && matches!(lemma, "avoir" | "être") && next_is_participle {
                let pl = self.participle_lemma(j);
                if lemma == "être" {
                    // "sont arrivés" is active; "ont été envoyés" and "sont envoyés" are passive.
                    if pl == "être" {
                        // "a été": the passive auxiliary follows.
                    } else if !vg.reflexive && !words::ETRE_VERBS.contains(&pl) {
                        vg.voice = Voice::Passive;
                    }
                }
                if pl != "être" || lemma != "avoir" {
                    vg.compound = vg.compound || lemma == "avoir" || words::ETRE_VERBS.contains(&pl) || vg.reflexive;
                } else {
                    vg.compound = true;
                }
                main = j;
                main_lemma = pl;
                j += 1;
                after(self, &mut j, &mut vg, saw_ne);
                continue;
            }
            if next_is_inf
                && (words::MODALS.contains(&lemma) || self.tags[main].upos == Upos::Aux)
                && lemma != "être"
                && lemma != "avoir"
            {
                if vg.modal.is_empty() {
                    vg.modal = lemma;
                }
                if lemma == "aller" && vg.mood != Mood::None {
                    vg.future = true;
                }
                main = j;
                main_lemma = lemma_of(&self.tags[j]);
                j += 1;
                after(self, &mut j, &mut vg, saw_ne);
                continue;
            }
            // Clitics between a modal and its infinitive ("veut les envoyer").
            if (words::MODALS.contains(&lemma)) && j + 1 < n && words::CLITICS.contains(&self.norm(j)) {
                let mut k = j;
                while k < n && k - j < 3 && words::CLITICS.contains(&self.norm(k)) {
                    k += 1;
                }
                if k < n && is_verbal(&self.tags[k]) && self.tags[k].feats.verb_form == VerbForm::Inf {
                    for c in j..k {
                        match self.norm(c) {
                            "lui" | "leur" => vg.clitic_dative = Some(c),
                            "le" | "la" | "les" | "l'" => vg.clitic_object = Some(c),
                            "se" | "s'" => vg.reflexive = true,
                            _ => {}
                        }
                    }
                    if vg.modal.is_empty() {
                        vg.modal = lemma;
                    }
                    main = k;
                    main_lemma = lemma_of(&self.tags[k]);
                    j = k + 1;
                    after(self, &mut j, &mut vg, saw_ne);
                    continue;
                }
            }
            break;
        }
        // A participle in a compound form carries the tense of the participle
        // only when the group starts with it.
        let mt = self.tags[main];
        if first == main {
            vg.tense = mt.feats.tense;
        }
        // The copula: "être" followed by no participle.
        if main_lemma == "être" {
            vg.copula = true;
        }
        vg.main = main;
        vg.lemma = main_lemma;
        // "ne" without a closing word still negates in news prose ("n'a cessé" aside).
        // The "ne" of fear and caution with the subjunctive negates nothing
        // ("craint que la Biélorussie n'attaque").
        if saw_ne && !vg.negated && vg.mood != Mood::Sub {
            let closes = (j..(j + 3).min(n))
                .any(|k| matches!(self.norm(k), "aucun" | "aucune" | "personne" | "ni" | "que" | "qu'"));
            // A "ne" alone negates after pouvoir, savoir, oser and cesser ("ne
            // peut", "n'a cessé de"); elsewhere it is the "ne" of fear or
            // caution ("craint que la Biélorussie n'attaque").
            if !closes
                && (matches!(main_lemma, "pouvoir" | "savoir" | "oser" | "cesser")
                    || matches!(vg.modal, "pouvoir" | "savoir" | "oser"))
            {
                vg.negated = true;
            }
            // "ne viser que le Hezbollah": "que" restricts, it opens no clause.
            vg.restrictive = (j..(j + 6).min(n)).any(|k| matches!(self.norm(k), "que" | "qu'"))
                && !(j..(j + 3).min(n)).any(|k| matches!(self.norm(k), "aucun" | "aucune" | "personne" | "ni"));
        }
        let mut ph = phrase(PhraseKind::Verb, i, j, main);
        ph.number = vg.number;
        ph.verb = Some(vg);
        self.out.push(ph);
        Some(j)
    }

    /// Reads a noun phrase at `i` (its preposition, if any, at `prep`).
    fn noun(&mut self, i: usize, prep: Option<usize>) -> usize {
        let n = self.toks.len();
        let mut j = i;
        let mut ph = phrase(PhraseKind::Noun, i, i + 1, i);
        ph.prep = prep;
        let mut det = false;
        // Determiners, numerals and adjectives before the head.
        while j < n && self.atom_at(j).is_none() {
            let tag = self.tags[j];
            match tag.upos {
                Upos::Det => {
                    det = true;
                    if ph.number == Num::None {
                        ph.number = tag.feats.number;
                    }
                    j += 1;
                }
                Upos::Num if self.upos(j + 1) != Upos::Punct && j + 1 < n && self.noun_head_at(j + 1) => {
                    if ph.number == Num::None {
                        ph.number = Num::Plur;
                    }
                    j += 1;
                }
                Upos::Adj if j + 1 < n && self.noun_head_at(j + 1) => j += 1,
                Upos::Adv
                    if j + 1 < n
                        && matches!(
                            self.norm(j),
                            "tres" | "plus" | "moins" | "quelque" | "environ" | "pres" | "presque"
                        )
                        && matches!(self.upos(j + 1), Upos::Adj | Upos::Num | Upos::Det) =>
                {
                    j += 1
                }
                _ => break,
            }
        }
        if j >= n {
            // Only determiners: "le" at the end. Make them the head.
            ph.b = n;
            ph.head = n - 1;
            self.out.push(ph);
            return n;
        }
        // A civility and its period before a name: "M. Harlow", "Mme Kim".
        if matches!(self.norm(j), "m" | "mm" | "mme" | "mmes" | "mlle" | "dr" | "pr" | "me")
            && self.toks[j].is_cap()
            && j + 2 < n
            && self.norm(j + 1) == "."
            && (self.atom_at(j + 2).is_some() || self.toks[j + 2].is_cap())
        {
            j += 2;
        } else if matches!(self.norm(j), "mme" | "mmes" | "mlle")
            && self.toks[j].is_cap()
            && j + 1 < n
            && (self.atom_at(j + 1).is_some() || self.toks[j + 1].is_cap())
        {
            j += 1;
        }
        // The head: an atom, a noun, a name, a pronoun, a number.
        let head_start = j;
        if let Some(k) = self.atom_at(j) {
            ph.atom = Some(k);
            j = self.atoms[k].b;
            ph.head = head_start;
        } else {
            let tag = self.tags[j];
            ph.head = j;
            if tag.upos == Upos::Pron {
                ph.pronoun = true;
                ph.number = tag.feats.number;
                j += 1;
                // "celui-ci", "ceux de", "chacun": the pronoun is the phrase.
                ph.b = j;
                ph.temporal = false;
                self.out.push(ph);
                return j;
            }
            if !is_nominal(&tag) && tag.upos != Upos::Adj && tag.upos != Upos::Det {
                // Nothing nominal here after all: an adverb or the like.
                ph.kind = PhraseKind::Other;
                ph.b = j.max(i + 1);
                self.out.push(ph);
                return j.max(i + 1);
            }
            if ph.number == Num::None {
                ph.number = tag.feats.number;
            }
            j += 1;
            // Names of several words not handed in as atoms ("Jean Dupont").
            if tag.upos == Upos::Propn {
                while j < n && self.upos(j) == Upos::Propn && self.atom_at(j).is_none() {
                    j += 1;
                }
            }
            // A number right after a name or a noun, with no noun after it, is
            // part of the name ("les articles 166", "le vol 17").
            if j < n
                && self.upos(j) == Upos::Num
                && matches!(
                    self.upos(j + 1),
                    Upos::Punct | Upos::Verb | Upos::Aux | Upos::Cconj | Upos::Adp | Upos::Adv
                )
                && self.atom_at(j).is_none()
                && self.toks[j].value.is_some_and(|v| v < 1000)
            {
                j += 1;
            }
        }
        // Adjectives after the head ("les troupes nord-coréennes", "militaire turque").
        while j < n && self.atom_at(j).is_none() {
            let tag = self.tags[j];
            if tag.upos == Upos::Adj {
                j += 1;
            } else if tag.upos == Upos::Adv
                && j + 1 < n
                && self.upos(j + 1) == Upos::Adj
                && matches!(
                    self.norm(j),
                    "tres"
                        | "plus"
                        | "moins"
                        | "si"
                        | "aussi"
                        | "particulierement"
                        | "hautement"
                        | "non"
                        | "peu"
                        | "bien"
                        | "trop"
                        | "assez"
                        | "fort"
                        | "extremement"
                )
            {
                j += 2;
            } else {
                break;
            }
        }
        // A title right before a name is one phrase with it: "le président
        // ghanéen Kwame Ofori", "le groupe Wagner", "M. Dupont".
        if ph.atom.is_none() && j < n && self.tags[head_start].upos == Upos::Noun {
            // The head opens a title phrase with complements that ends at a
            // name: "le ministre de l'Économie Marek Hlinka" is one phrase.
            let next = self.atoms.partition_point(|at| at.a < j);
            let led =
                self.atoms.get(next).filter(|at| at.title && at.lead <= head_start && head_start < at.a).map(|_| next);
            if let Some(k) = led {
                ph.atom = Some(k);
                ph.head = self.atoms[k].a;
                j = self.atoms[k].b;
            } else if let Some(k) = self.atom_at(j).filter(|&k| self.atoms[k].title) {
                ph.atom = Some(k);
                ph.head = j;
                j = self.atoms[k].b;
            } else if self.atom_at(j).is_none() && self.upos(j) == Upos::Propn && self.toks[j].is_cap() {
                ph.head = j;
                while j < n && self.upos(j) == Upos::Propn && self.atom_at(j).is_none() {
                    j += 1;
                }
                // "le porte-avions USS Carl Vinson": a name right after joins too.
                if let Some(k) = self.atom_at(j).filter(|&k| self.atoms[k].title) {
                    ph.atom = Some(k);
                    ph.head = j;
                    j = self.atoms[k].b;
                }
            }
        }
        ph.b = j;
        ph.bare = !det;
        ph.temporal = self.temporal(&ph);
        if ph.number == Num::None && ph.atom.is_some() {
            ph.number = Num::Sing;
        }
        self.out.push(ph);
        j
    }

    /// Whether a noun head (or an atom) starts at `i`.
    fn noun_head_at(&self, i: usize) -> bool {
        self.atom_at(i).is_some() || matches!(self.upos(i), Upos::Noun | Upos::Propn | Upos::Num | Upos::Adj | Upos::X)
    }

    fn temporal(&self, ph: &Phrase) -> bool {
        let is_temporal = |w: &str| {
            words::TEMPORAL.contains(&w)
                || crate::text::date::MONTH_NAMES.contains(&w)
                || crate::text::date::WEEKDAY_NAMES.contains(&w)
        };
        if ph.atom.is_some() {
            return false;
        }
        let head = self.norm(ph.head);
        if is_temporal(head) {
            return true;
        }
        // "le 19 juin", "le 13 septembre 2023", "en 2022".
        if self.upos(ph.head) == Upos::Num {
            let next = self.norm(ph.head + 1);
            let v = self.toks[ph.head].value.unwrap_or(0);
            return is_temporal(next) || (1900..2100).contains(&v);
        }
        false
    }
}

/// Complements, appositions and coordinations between noun phrases.
fn link_nouns(toks: &[Token], tags: &[Tag], ph: &mut [Phrase]) {
    let n = ph.len();
    for i in 1..n {
        if ph[i].kind != PhraseKind::Noun {
            continue;
        }
        // "a livré à l'Ukraine des systèmes": after a name governed by a
        // preposition, "des" and "du" are articles, not "de" + article.
        if let Some(pr) = ph[i].prep {
            let prev = &ph[i - 1];
            if matches!(toks[pr].norm.as_str(), "des" | "du")
                && prev.atom.is_some()
                && prev.prep.is_some()
                && prev.b == pr
            {
                ph[i].prep = None;
                ph[i].a = pr;
                continue;
            }
        }
        // "de X" right after a noun phrase complements it.
        if let Some(pr) = ph[i].prep {
            let prev = i - 1;
            let entre = toks[pr].norm == "entre" && pr > 0 && matches!(toks[pr - 1].norm.as_str(), "d'" | "de");
            if (matches!(toks[pr].norm.as_str(), "de" | "d'" | "du" | "des") || entre)
                && ph[prev].kind == PhraseKind::Noun
                && !ph[prev].pronoun
                && (ph[prev].b == pr || (entre && ph[prev].b + 1 == pr))
            {
                ph[i].of = Some(prev);
            }
        }
    }
    // Appositions: NP , NP , (or the end, a dash, a closing parenthesis).
    for i in 2..n {
        if ph[i].kind != PhraseKind::Noun || ph[i].prep.is_some() || ph[i].pronoun || ph[i].temporal {
            continue;
        }
        // ", pourtant membres de …": adverbs may open the apposition.
        let mut c = i - 1;
        while c >= 2 && ph[c].kind == PhraseKind::Adv {
            c -= 1;
        }
        let comma = &ph[c];
        if c < 1
            || !(comma.kind == PhraseKind::Punct && matches!(toks[comma.a].norm.as_str(), "," | "(" | "-" | "–" | "—"))
        {
            continue;
        }
        // The phrase before the comma, climbing over its complements.
        let mut anchor = c - 1;
        while let Some(up) = ph[anchor].of {
            anchor = up;
        }
        if ph[anchor].kind != PhraseKind::Noun || ph[anchor].pronoun {
            continue;
        }
        // A fronted adverbial ("Au Mali, le chef de l'État …") is followed by
        // the subject, not by an apposition to it.
        let fronted = ph[anchor].prep.is_some()
            && !ph[..anchor]
                .iter()
                .rev()
                .take_while(|q| {
                    !(q.kind == PhraseKind::Punct && matches!(toks[q.a].norm.as_str(), ";" | ":" | "«" | "\"" | "“"))
                })
                .any(|q| q.kind == PhraseKind::Verb);
        // "ont signé, à Niamey, un pacte": a place between commas right
        // after a verb is an incise, and what follows is the verb's object.
        let incise = ph[anchor].prep.is_some()
            && anchor >= 2
            && ph[anchor - 1].kind == PhraseKind::Punct
            && toks[ph[anchor - 1].a].norm == ","
            && ph[anchor - 2].kind == PhraseKind::Verb;
        if fronted || incise {
            continue;
        }
        // An apposition describes: a common noun next to a name, or a name
        // next to a description ("son invité, le ministre X").
        let named = |p: &Phrase| p.atom.is_some() || tags[p.head].upos == Upos::Propn;
        // A count is an apposition too: "des soldats rwandais, 1 200 hommes, …".
        let count = !named(&ph[i]) && tags[ph[i].a].upos == Upos::Num && !ph[anchor].temporal;
        let describes = (named(&ph[anchor]) && !named(&ph[i])) || (!named(&ph[anchor]) && named(&ph[i])) || count;
        if !describes {
            continue;
        }
        // It must end there, past its complements ("membre de l'OTAN depuis
        // 2023"): at a mark, a verb, or the end of the sentence.
        let mut end = i + 1;
        while end < n
            && end - i < 8
            && ph[end].kind == PhraseKind::Noun
            && (ph[end].of.is_some() || ph[end].prep.is_some())
        {
            end += 1;
        }
        let closes = end >= n
            || matches!(ph[end].kind, PhraseKind::Punct | PhraseKind::Verb | PhraseKind::Rel)
            || (ph[end].kind == PhraseKind::Coord && named(&ph[anchor]));
        // "en 2013, X est allé", "à Paris, X a dit": a name right before a
        // finite verb after a fronted adverbial is its subject.
        let finite_next = end < n
            && ph[end].kind == PhraseKind::Verb
            && ph[end].verb.is_some_and(|v| v.mood != Mood::None || v.compound);
        // A name right before a finite verb is its subject, not an
        // apposition ("Sans fournir de preuve, X continue").
        if finite_next {
            continue;
        }
        if ph[anchor].temporal {
            continue;
        }
        if closes {
            ph[i].apposition_of = Some(anchor);
        }
    }
    // Coordinations: A et B, A, B et C, A ainsi que B, A ou B.
    for i in 0..n {
        if ph[i].kind != PhraseKind::Coord || i == 0 || i + 1 >= n {
            continue;
        }
        let next = i + 1;
        if ph[next].kind != PhraseKind::Noun || ph[next].temporal {
            continue;
        }
        // A subject pronoun after "et" opens a clause ("… et ils seront …").
        if ph[next].pronoun && words::STRICT_SUBJECTS.contains(&toks[ph[next].head].norm.as_str()) {
            continue;
        }
        // "X a reçu A et B a signé": B, right before a finite verb, is the
        // subject of a second clause when a verb stands before A.
        let mut after = next + 1;
        while after < n && (ph[after].kind == PhraseKind::Adv || ph[after].of.is_some()) {
            after += 1;
        }
        let finite_after =
            after < n && ph[after].kind == PhraseKind::Verb && ph[after].verb.is_some_and(|v| v.mood != Mood::None);
        let verb_before = ph[..i]
            .iter()
            .rev()
            .take_while(|q| !(q.kind == PhraseKind::Punct && matches!(toks[q.a].norm.as_str(), ";" | ":")))
            .any(|q| q.kind == PhraseKind::Verb && q.verb.is_some_and(|v| v.mood != Mood::None));
        if finite_after && verb_before && ph[next].prep.is_none() {
            continue;
        }
        let word = toks[ph[i].a].norm.as_str();
        if !matches!(word, "et" | "ou" | "ainsi" | "ni") {
            continue;
        }
        // The conjunct before: the last noun phrase that is not a complement,
        // with the same preposition (none, or the same word).
        let mut prev = i - 1;
        while let Some(up) = ph[prev].of.or(ph[prev].apposition_of) {
            prev = up;
        }
        if ph[prev].kind != PhraseKind::Noun || ph[prev].temporal {
            continue;
        }
        let prep_word = |p: &Phrase| p.prep.map(|t| toks[t].norm.as_str());
        let same_prep = match (prep_word(&ph[prev]), prep_word(&ph[next])) {
            (None, None) => true,
            (Some(a), Some(b)) => {
                a == b
                    || (matches!(a, "de" | "du" | "des" | "d'") && matches!(b, "de" | "du" | "des" | "d'"))
                    || (matches!(a, "a" | "au" | "aux") && matches!(b, "a" | "au" | "aux"))
                    || (matches!(a, "en" | "au" | "aux" | "a") && matches!(b, "en" | "au" | "aux" | "a"))
            }
            // "entre A et B", "à Paris et Londres": the preposition is not repeated.
            (Some(_), None) => true,
            (None, Some(_)) => false,
        };
        if !same_prep {
            continue;
        }
        // "A, B et C": walk back over comma-separated conjuncts.
        let mut head = ph[prev].coord_head.unwrap_or(prev);
        let mut k = head;
        // A conjunct may carry its own apposition ("le président du Conseil,
        // X, la présidente de la Commission, Y, et Z"): the list steps over it.
        let named = |q: usize| {
            ph[q].atom.is_some()
                || ph.iter().skip(q + 1).take(6).any(|r| r.apposition_of == Some(q) && r.atom.is_some())
        };
        while k >= 2 && ph[k - 1].kind == PhraseKind::Punct && toks[ph[k - 1].a].norm == "," {
            let mut before = k - 2;
            // "les pays membres – Sénégal, Ghana et Togo –": a dash or a colon
            // opens the list, whose first conjunct names what comes before.
            let opens = before >= 1
                && ph[before - 1].kind == PhraseKind::Punct
                && matches!(toks[ph[before - 1].a].text.as_str(), "–" | "—" | ":");
            if opens && ph[before].apposition_of.is_some() && ph[before].atom.is_some() && ph[head].atom.is_some() {
                head = before;
                break;
            }
            if let Some(anchor) = ph[before].apposition_of.filter(|_| ph[before].atom.is_some()) {
                // "…, la présidente de la Commission, Y, et Z": Y names the conjunct before it.
                if anchor + 2 <= before
                    && ph[anchor + 1..before].iter().all(|q| q.of.is_some() || q.kind == PhraseKind::Punct)
                {
                    before = anchor;
                }
            }
            while let Some(up) = ph[before].of {
                before = up;
            }
            let kindred = ph[before].kind == PhraseKind::Noun
                && !ph[before].temporal
                && ph[before].apposition_of.is_none()
                && prep_word(&ph[before]) == prep_word(&ph[head])
                && named(before) == named(head);
            if !kindred {
                break;
            }
            head = before;
            k = before;
        }
        // Everything between head and next that is a conjunct joins.
        let mut j = head;
        while j < next {
            if ph[j].kind == PhraseKind::Noun
                && j != head
                && ph[j].of.is_none()
                && ph[j].apposition_of.is_none()
                && ph[j].prep.map(|t| toks[t].norm.as_str()) == prep_word(&ph[head])
            {
                ph[j].coord_head = Some(head);
            }
            j += 1;
        }
        ph[next].coord_head = Some(head);
        if ph[head].coord_head.is_none() {
            ph[head].number = Num::Plur;
        }
    }
}

/// An open clause context while reading left to right.
#[derive(Debug)]
struct Ctx {
    kind: ClauseKind,
    /// The clause of this context's verb, once read.
    clause: Option<usize>,
    /// Bare noun phrases seen before the verb.
    candidates: Vec<usize>,
    /// First phrase of the context.
    first: usize,
    /// The clause this context depends on.
    parent: Option<usize>,
}

fn clauses(toks: &[Token], tags: &[Tag], ph: &[Phrase]) -> Vec<Clause> {
    let mut out: Vec<Clause> = Vec::new();
    let mut stack: Vec<Ctx> =
        vec![Ctx { kind: ClauseKind::Main, clause: None, candidates: Vec::new(), first: 0, parent: None }];
    let mut i = 0;
    let n = ph.len();
    // Fronted participles and gerunds wait for the main clause's subject.
    let mut waiting: Vec<usize> = Vec::new();
    while i < n {
        let p = &ph[i];
        match p.kind {
            PhraseKind::Rel => {
                let top = stack.last().expect("the main context is never popped");
                // Close a relative whose verb is read: "X, qui …, et qui …".
                let antecedent = nearest_noun(ph, i, top.first);
                let parent = stack.iter().rev().find_map(|c| c.clause);
                stack.push(Ctx {
                    kind: ClauseKind::Relative { antecedent, pronoun: p.a },
                    clause: None,
                    candidates: Vec::new(),
                    first: i,
                    parent,
                });
            }
            PhraseKind::Sub => {
                // A subordinate after a read verb depends on it; one at the
                // start of a sentence ("Quand …, X a …") on the clause to come.
                let parent = stack.iter().rev().find_map(|c| c.clause);
                let completive = matches!(toks[p.a].norm.as_str(), "que" | "qu'");
                // A new subordinate closes a finished sibling ("que …, et que …").
                while stack.len() > 1
                    && stack.last().is_some_and(|c| c.clause.is_some() && !matches!(c.kind, ClauseKind::Main))
                    && !completive
                {
                    stack.pop();
                }
                stack.push(Ctx {
                    kind: if completive { ClauseKind::Completive } else { ClauseKind::Adverbial },
                    clause: None,
                    candidates: Vec::new(),
                    first: i,
                    parent,
                });
            }
            PhraseKind::Noun => {
                // A subject pronoun is never an object: it opens the next
                // clause ("Quand il est arrivé, il a déclaré").
                if p.pronoun && words::STRICT_SUBJECTS.contains(&toks[p.head].norm.as_str()) {
                    while stack.len() > 1 && stack.last().is_some_and(|c| c.clause.is_some()) {
                        stack.pop();
                    }
                    if stack[0].clause.is_some() && stack.len() == 1 {
                        stack[0] = Ctx {
                            kind: ClauseKind::Main,
                            clause: None,
                            candidates: Vec::new(),
                            first: i,
                            parent: None,
                        };
                    }
                }
                let top = stack.last_mut().expect("main context");
                match top.clause {
                    None => {
                        // A conjunct of a prepositional phrase ("entre A et B") is no subject.
                        let in_pp = p.coord_head.is_some_and(|h| ph[h].prep.is_some());
                        if p.prep.is_none() && !p.temporal && p.of.is_none() && !in_pp {
                            top.candidates.push(i);
                        }
                    }
                    Some(c) => attach_complement(&mut out[c], ph, i),
                }
            }
            PhraseKind::Verb => {
                let vg = p.verb.expect("verb phrases carry their group");
                let c = out.len();
                // Infinitives after a preposition, gerunds, participles.
                let prev = if i > 0 { Some(&ph[i - 1]) } else { None };
                let prev_word = prev.map(|q| toks[q.a].norm.as_str()).unwrap_or("");
                if vg.form == VerbForm::Inf && vg.mood == Mood::None {
                    let governor = stack.iter().rev().find_map(|c| c.clause);
                    // "accuse X d'avoir déployé": X does the infinitive.
                    let controller = governor.and_then(|g| {
                        let gv = ph[out[g].verb].verb.expect("verb");
                        let object = out[g].object.or_else(|| {
                            out[g].obliques.iter().copied().find(|&o| {
                                ph[o].prep.is_some_and(|t| matches!(toks[t].norm.as_str(), "a" | "au" | "aux"))
                            })
                        });
                        object.filter(|_| words::OBJECT_CONTROL.contains(&gv.lemma))
                    });
                    if let Some(obj) = controller {
                        out.push(new_clause(i, ClauseKind::Infinitival, Subject::Phrase(obj), governor));
                        stack.push(Ctx {
                            kind: ClauseKind::Infinitival,
                            clause: Some(c),
                            candidates: Vec::new(),
                            first: i,
                            parent: governor,
                        });
                        i += 1;
                        continue;
                    }
                    out.push(new_clause(
                        i,
                        ClauseKind::Infinitival,
                        governor.map_or(Subject::None, Subject::Of),
                        governor,
                    ));
                    if governor.is_none() {
                        waiting.push(c);
                    }
                    // The infinitive's complements follow; it is its own context.
                    stack.push(Ctx {
                        kind: ClauseKind::Infinitival,
                        clause: Some(c),
                        candidates: Vec::new(),
                        first: i,
                        parent: governor,
                    });
                    i += 1;
                    continue;
                }
                // "a balayé X et assuré que …": the participle shares the
                // auxiliary; but after a comma, a participle with its agent
                // ("a franchi le détroit, escorté par une corvette") qualifies.
                let agent_next = ph
                    .get(i + 1)
                    .is_some_and(|q| q.kind == PhraseKind::Noun && q.prep.is_some_and(|t| toks[t].norm == "par"));
                let shares_aux = vg.form == VerbForm::Part
                    && vg.mood == Mood::None
                    && prev.is_some_and(|q| {
                        q.kind == PhraseKind::Coord
                            || (q.kind == PhraseKind::Punct && toks[q.a].norm == "," && !agent_next)
                    })
                    && stack.iter().rev().filter_map(|c| c.clause).any(|k| {
                        let kv = ph[out[k].verb].verb.expect("verb");
                        kv.compound && kv.mood != Mood::None
                    });
                if shares_aux {
                    let shared = stack
                        .iter()
                        .rev()
                        .filter_map(|c| c.clause)
                        .find(|&k| {
                            let kv = ph[out[k].verb].verb.expect("verb");
                            kv.compound && kv.mood != Mood::None
                        })
                        .expect("checked");
                    while stack.len() > 1 && stack.last().is_some_and(|c| c.clause != Some(shared)) {
                        stack.pop();
                    }
                    let kind = out[shared].kind;
                    let parent = out[shared].parent;
                    out.push(new_clause(i, kind, Subject::Of(shared), parent));
                    if let Some(top) = stack.last_mut() {
                        top.clause = Some(c);
                    }
                    i += 1;
                    continue;
                }
                if vg.form == VerbForm::Part && vg.mood == Mood::None {
                    let gerund = prev_word == "en" && prev.is_some_and(|q| q.kind != PhraseKind::Noun);
                    if gerund {
                        let governor = stack.iter().rev().find_map(|c| c.clause);
                        out.push(new_clause(
                            i,
                            ClauseKind::Gerund,
                            governor.map_or(Subject::None, Subject::Of),
                            governor,
                        ));
                        if governor.is_none() {
                            waiting.push(c);
                        }
                        stack.push(Ctx {
                            kind: ClauseKind::Gerund,
                            clause: Some(c),
                            candidates: Vec::new(),
                            first: i,
                            parent: governor,
                        });
                        i += 1;
                        continue;
                    }
                    // A participle right after a noun phrase qualifies it
                    // ("des soldats envoyés en Russie", "escorté par une corvette").
                    let noun_before = nearest_noun(ph, i, 0).filter(|_| {
                        i > 0
                            && ph[i - 1].kind == PhraseKind::Noun
                            && ph[i - 1].prep.is_none_or(|t| !matches!(toks[t].norm.as_str(), "en"))
                    });
                    if let Some(q) = noun_before {
                        let parent = stack.iter().rev().find_map(|c| c.clause);
                        out.push(new_clause(
                            i,
                            ClauseKind::Participial,
                            Subject::Phrase(ph[q].coord_head.unwrap_or(q)),
                            parent,
                        ));
                        stack.push(Ctx {
                            kind: ClauseKind::Participial,
                            clause: Some(c),
                            candidates: Vec::new(),
                            first: i,
                            parent,
                        });
                        i += 1;
                        continue;
                    }
                    // After a comma: it describes the subject of the clause
                    // being read ("Une étude …, conduite par l'ONU, montre"),
                    // or, fronted, the subject of the clause to come.
                    while stack.len() > 1
                        && stack.last().is_some_and(|c| {
                            c.clause.is_some()
                                && matches!(
                                    c.kind,
                                    ClauseKind::Participial | ClauseKind::Infinitival | ClauseKind::Gerund
                                )
                        })
                    {
                        stack.pop();
                    }
                    let top = stack.last().expect("main context");
                    let parent = stack.iter().rev().find_map(|c| c.clause);
                    let subject = if top.clause.is_none() {
                        top.candidates
                            .iter()
                            .rev()
                            .find(|&&q| ph[q].apposition_of.is_none())
                            .map(|&q| ph[q].coord_head.unwrap_or(q))
                    } else {
                        nearest_noun(ph, i, top.first)
                    };
                    match subject {
                        Some(q) => out.push(new_clause(i, ClauseKind::Participial, Subject::Phrase(q), parent)),
                        None => {
                            out.push(new_clause(i, ClauseKind::Participial, Subject::None, None));
                            waiting.push(c);
                        }
                    }
                    stack.push(Ctx {
                        kind: ClauseKind::Participial,
                        clause: Some(c),
                        candidates: Vec::new(),
                        first: i,
                        parent,
                    });
                    i += 1;
                    continue;
                }
                // A finite verb (or a participle we could not attach).
                loop {
                    let top = stack.last().expect("main context");
                    if top.clause.is_none() {
                        break;
                    }
                    // The context already has its verb.
                    let coordinated = prev.is_some_and(|q| q.kind == PhraseKind::Coord)
                        || (prev.is_some_and(|q| q.kind == PhraseKind::Punct && toks[q.a].norm == ",")
                            && no_subject_between(ph, i));
                    if coordinated && !incise_here(toks, ph, i) {
                        // "a rencontré X et signé Y": a second verb of the same
                        // subject; of the open clauses, the one whose verb is
                        // shaped like this one ("a pensé que … venait, et avait
                        // remplacé": the compound one).
                        let shape = |c: usize| {
                            let v = ph[out[c].verb].verb.expect("verb");
                            (v.compound, v.number, v.person)
                        };
                        let me = (vg.compound, vg.number, vg.person);
                        let top_clause = top.clause.expect("checked");
                        // Only ", et" reaches out of the clause being read.
                        let comma_before = i >= 2
                            && ph[i - 1].kind == PhraseKind::Coord
                            && ph[i - 2].kind == PhraseKind::Punct
                            && toks[ph[i - 2].a].norm == ",";
                        if shape(top_clause) != me && comma_before {
                            if let Some(depth) =
                                stack.iter().rposition(|ctx| ctx.clause.is_some_and(|k| shape(k) == me))
                            {
                                stack.truncate(depth + 1);
                            }
                        }
                        let top = stack.last().expect("main context");
                        let shared = top.clause.expect("every context kept has its verb");
                        let kind = out[shared].kind;
                        let parent = out[shared].parent;
                        out.push(new_clause(i, kind, Subject::Of(shared), parent));
                        let top = stack.last_mut().expect("main context");
                        top.clause = Some(c);
                        break;
                    }
                    if stack.len() > 1 {
                        // The verb belongs to the clause around this one.
                        let done = stack.pop().expect("len > 1");
                        if matches!(done.kind, ClauseKind::Main) {
                            break;
                        }
                        continue;
                    }
                    // A second main clause in the same sentence (after ";" or ":"),
                    // or an incise.
                    stack[0] =
                        Ctx { kind: ClauseKind::Main, clause: None, candidates: Vec::new(), first: i, parent: None };
                    break;
                }
                if out.len() > c {
                    i += 1;
                    continue;
                }
                let top = stack.last_mut().expect("main context");
                // A context with nothing before its verb takes the bare noun
                // phrase right before it, after a comma ("Quand …, vous développez").
                if top.candidates.is_empty() && !matches!(top.kind, ClauseKind::Relative { .. }) {
                    if let Some(k) = noun_right_before(ph, toks, i) {
                        top.candidates.push(k);
                        // It was taken for the object of the clause before.
                        for cl in out.iter_mut().rev().take(4) {
                            if cl.object == Some(k) {
                                cl.object = None;
                            }
                        }
                    }
                }
                // An incise may also cut a clause between its subject and its
                // verb when it is closed by a mark ("La réforme – a expliqué X – sera …").
                let closed = || {
                    words::REPORTING.contains(&vg.lemma)
                        && inverted_subject(ph, i, &vg).is_some_and(|s| {
                            let mut e = s + 1;
                            while e < ph.len()
                                && ph[e].kind == PhraseKind::Noun
                                && (ph[e].of.is_some() || ph[e].apposition_of.is_some())
                            {
                                e += 1;
                            }
                            e >= ph.len()
                                || (ph[e].kind == PhraseKind::Punct
                                    && matches!(toks[ph[e].a].norm.as_str(), "," | "-" | "–" | "—" | ")"))
                        })
                };
                let incise = incise_here(toks, ph, i) && (top.candidates.is_empty() || closed());
                let (kind, subject) = if incise {
                    let subject = match vg.inverted {
                        Some(t) => Subject::Pronoun(t),
                        None => inverted_subject(ph, i, &vg).map_or(Subject::None, Subject::Phrase),
                    };
                    (ClauseKind::Incise, subject)
                } else {
                    let kind = top.kind;
                    let subject = match kind {
                        ClauseKind::Relative { antecedent, pronoun }
                            if matches!(
                                toks[pronoun].norm.as_str(),
                                "qui" | "lequel" | "laquelle" | "lesquels" | "lesquelles"
                            ) =>
                        {
                            antecedent.map_or(Subject::None, |a| Subject::Phrase(ph[a].coord_head.unwrap_or(a)))
                        }
                        _ => pick_subject(ph, &top.candidates, &vg).map_or(Subject::None, Subject::Phrase),
                    };
                    // An inverted subject after a verb with none before it ("où se trouve X").
                    let subject = match (subject, vg.inverted) {
                        (Subject::None, Some(t)) => Subject::Pronoun(t),
                        (s, _) => s,
                    };
                    // "ce qu'a déclaré X", "comme l'a dit X", "où vivent X": after
                    // a relative or a conjunction the subject may follow the verb.
                    let opener = ph.get(top.first).filter(|o| matches!(o.kind, PhraseKind::Rel | PhraseKind::Sub));
                    let subject = match (subject, opener) {
                        (Subject::None, Some(o))
                            if matches!(toks[o.a].norm.as_str(), "que" | "qu'" | "comme" | "ou" | "dont") =>
                        {
                            inverted_subject(ph, i, &vg).map_or(Subject::None, Subject::Phrase)
                        }
                        (s, _) => s,
                    };
                    (kind, subject)
                };
                let parent = if incise { None } else { top.parent };
                let mut cl = new_clause(i, kind, subject, parent);
                cl.first = top.first;
                // "Au Niger, la France a déployé …": the fronted phrase is the verb's.
                if let Subject::Phrase(sp) = subject {
                    if !incise {
                        cl.fronted = (top.first..sp)
                            .filter(|&k| {
                                ph[k].kind == PhraseKind::Noun
                                    && ph[k].prep.is_some()
                                    && ph[k].of.is_none()
                                    && ph[k].apposition_of.is_none()
                                    && !out.iter().any(|o| o.obliques.contains(&k))
                            })
                            .collect();
                    }
                }
                out.push(cl);
                if incise {
                    // The incise is its own context; the sentence's main clause goes on.
                    stack.push(Ctx {
                        kind: ClauseKind::Incise,
                        clause: Some(c),
                        candidates: Vec::new(),
                        first: i,
                        parent: None,
                    });
                } else {
                    let top = stack.last_mut().expect("main context");
                    top.clause = Some(c);
                }
                // A main clause's subject is shared by the fronted participles before it.
                if matches!(kind, ClauseKind::Main) {
                    for w in waiting.drain(..) {
                        if out[w].subject == Subject::None {
                            out[w].subject = Subject::Of(c);
                            out[w].parent = Some(c);
                        }
                    }
                }
            }
            PhraseKind::Punct => {
                let norm = toks[p.a].norm.as_str();
                // A relative, participle or incise ends at a comma once its verb is read,
                // unless what follows continues it (a list, an apposition).
                if matches!(norm, "," | ")" | "–" | "—") {
                    // A subordinate with no verb ("bien que discret,") ends at the comma.
                    if let Some(top) = stack.last() {
                        let verbless = matches!(top.kind, ClauseKind::Adverbial)
                            && top.clause.is_none()
                            && top.candidates.iter().all(|&c| tags[ph[c].head].upos == Upos::Adj);
                        if verbless && stack.len() > 1 {
                            stack.pop();
                        }
                    }
                    if let Some(top) = stack.last() {
                        let closes = matches!(
                            top.kind,
                            ClauseKind::Incise | ClauseKind::Participial | ClauseKind::Gerund | ClauseKind::Infinitival
                        ) && top.clause.is_some();
                        if closes && stack.len() > 1 {
                            stack.pop();
                        }
                    }
                }
                if matches!(norm, ";" | ":") {
                    stack.truncate(1);
                    if stack[0].clause.is_some() {
                        stack[0] = Ctx {
                            kind: ClauseKind::Main,
                            clause: None,
                            candidates: Vec::new(),
                            first: i + 1,
                            parent: None,
                        };
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    // A clause runs to the next clause that opens after its verb, or to the
    // verb of a later clause that opened before it (the main verb after a
    // participle or relative between commas: "X, armé par Y, a revendiqué …").
    for c in 0..out.len() {
        let verb = out[c].verb;
        let next = out.iter().skip(c + 1).map(|o| if o.first > verb { o.first } else { o.verb }).filter(|&f| f > verb);
        let next = next.min().unwrap_or(n);
        out[c].last = next.max(verb + 1);
    }
    out
}

fn new_clause(verb: usize, kind: ClauseKind, subject: Subject, parent: Option<usize>) -> Clause {
    Clause {
        verb,
        kind,
        subject,
        object: None,
        obliques: Vec::new(),
        fronted: Vec::new(),
        parent,
        first: verb,
        last: verb + 1,
    }
}

/// The nearest noun phrase before phrase `i`, not before `floor`,
/// climbing from a complement to what it complements when the complement
/// is no name ("le ministre des Affaires étrangères, qui").
fn nearest_noun(ph: &[Phrase], i: usize, floor: usize) -> Option<usize> {
    let mut k = i;
    while k > floor {
        k -= 1;
        match ph[k].kind {
            PhraseKind::Noun => {
                let mut q = k;
                // An apposition's anchor is the antecedent ("X, ministre de Y, qui").
                if let Some(a) = ph[q].apposition_of {
                    q = a;
                }
                while let Some(up) = ph[q].of {
                    if ph[q].atom.is_some() && ph[up].atom.is_none() && !ph[up].pronoun {
                        // "le ministre du Japon qui": the head noun, not the country.
                        q = up;
                        continue;
                    }
                    if ph[q].atom.is_none() {
                        q = up;
                        continue;
                    }
                    break;
                }
                return Some(q);
            }
            PhraseKind::Punct if ph[k].a == ph[k].b => return None,
            PhraseKind::Punct | PhraseKind::Adv => continue,
            PhraseKind::Verb | PhraseKind::Sub | PhraseKind::Rel => return None,
            _ => continue,
        }
    }
    None
}

/// The bare noun phrase right before verb phrase `i` (adverbs aside), when
/// a comma or the start of the sentence stands before it.
fn noun_right_before(ph: &[Phrase], toks: &[Token], i: usize) -> Option<usize> {
    let mut k = i;
    while k > 0 && ph[k - 1].kind == PhraseKind::Adv {
        k -= 1;
    }
    if k == 0 {
        return None;
    }
    let mut q = k - 1;
    for _ in 0..6 {
        match ph[q].of {
            Some(up) if ph[q].kind == PhraseKind::Noun => q = up,
            _ => break,
        }
    }
    let p = &ph[q];
    if p.kind != PhraseKind::Noun || p.prep.is_some() || p.temporal {
        return None;
    }
    let head = p.coord_head.unwrap_or(q);
    let before = if ph[head].apposition_of.is_some() { return None } else { head };
    // Right after a verb, it is that verb's object.
    let opened = before == 0
        || ph[before - 1].kind != PhraseKind::Verb
        || (ph[before - 1].kind == PhraseKind::Punct
            && matches!(toks[ph[before - 1].a].norm.as_str(), "," | ":" | ";" | "«" | "\"" | "“" | "(" | "-" | "–"));
    opened.then_some(head)
}

/// Whether no noun phrase stands between the previous verb and phrase `i`.
fn no_subject_between(ph: &[Phrase], i: usize) -> bool {
    let mut k = i;
    while k > 0 {
        k -= 1;
        match ph[k].kind {
            PhraseKind::Verb => return true,
            PhraseKind::Noun if ph[k].prep.is_none() && !ph[k].temporal => return false,
            _ => {}
        }
    }
    false
}

/// Whether the verb group at phrase `i` opens a reporting incise: after a
/// comma, a dash or a closing quote, with its subject after it.
fn incise_here(toks: &[Token], ph: &[Phrase], i: usize) -> bool {
    let Some(vg) = ph[i].verb else { return false };
    if vg.form != VerbForm::Fin && !vg.compound {
        return false;
    }
    let after_mark = i > 0
        && ph[i - 1].kind == PhraseKind::Punct
        && matches!(toks[ph[i - 1].a].norm.as_str(), "," | "-" | "–" | "—" | "»" | "\"" | "”" | "(");
    if !after_mark {
        return false;
    }
    if vg.inverted.is_some() {
        return true;
    }
    // The subject follows the verb: a noun phrase after it, past adverbs,
    // dates and places ("a réagi à Tokyo le Premier ministre").
    let mut k = i + 1;
    while k < ph.len()
        && k - i < 8
        && (matches!(ph[k].kind, PhraseKind::Adv)
            || (ph[k].kind == PhraseKind::Noun && (ph[k].temporal || ph[k].prep.is_some() || ph[k].of.is_some())))
    {
        k += 1;
    }
    k < ph.len()
        && ph[k].kind == PhraseKind::Noun
        && ph[k].prep.is_none()
        && !ph[k].temporal
        && ph[k].a == ph[i].b.max(ph[k].a)
        && vg.clitic_object.is_none()
}

/// The subject after the verb of an incise or an inversion.
fn inverted_subject(ph: &[Phrase], i: usize, vg: &VerbGroup) -> Option<usize> {
    if vg.inverted.is_some() {
        // The pronoun is inside the group; no phrase names it.
        return None;
    }
    // Past adverbs, dates and places: "a écrit mardi X", "a réagi à Tokyo X".
    let mut k = i + 1;
    while k < ph.len()
        && k - i < 8
        && (matches!(ph[k].kind, PhraseKind::Adv)
            || (ph[k].kind == PhraseKind::Noun && (ph[k].temporal || ph[k].prep.is_some() || ph[k].of.is_some())))
    {
        k += 1;
    }
    (k < ph.len() && ph[k].kind == PhraseKind::Noun && ph[k].prep.is_none() && !ph[k].temporal).then_some(k)
}

/// The subject among the bare noun phrases before a verb: the last one that
/// is no apposition, preferring one that agrees in number with the verb.
fn pick_subject(ph: &[Phrase], candidates: &[usize], vg: &VerbGroup) -> Option<usize> {
    let mut usable: Vec<usize> = candidates.iter().copied().filter(|&c| ph[c].apposition_of.is_none()).collect();
    // "X, présent à Lima, a …": a bare common word right after a comma,
    // with a subject before it, is a detached predicate, not the subject.
    let detached = |c: usize| {
        ph[c].bare
            && ph[c].atom.is_none()
            && !ph[c].pronoun
            && c >= 1
            && ph[c - 1].kind == PhraseKind::Punct
            && ph[c].b - ph[c].a == 1
    };
    if usable.len() > 1 {
        let first = usable[0];
        usable.retain(|&c| c == first || !detached(c));
    }
    let agrees = |c: usize| {
        let head = ph[c].coord_head.unwrap_or(c);
        let number = if ph[head].coord_head.is_none() && usable.iter().any(|&o| ph[o].coord_head == Some(head)) {
            Num::Plur
        } else {
            ph[c].number
        };
        vg.number == Num::None || number == Num::None || number == vg.number || ph[c].coord_head.is_some()
    };
    let pick = usable.iter().rev().copied().find(|&c| agrees(c)).or_else(|| usable.last().copied())?;
    Some(ph[pick].coord_head.unwrap_or(pick))
}

/// A noun phrase after the verb: the object (the first bare one) or an
/// oblique (with a preposition, not a noun's complement).
fn attach_complement(cl: &mut Clause, ph: &[Phrase], i: usize) {
    let p = &ph[i];
    if p.apposition_of.is_some() || p.coord_head.is_some() || p.of.is_some() || cl.subject == Subject::Phrase(i) {
        return;
    }
    match p.prep {
        None => {
            if cl.object.is_none() && !p.temporal {
                cl.object = Some(i);
            }
        }
        Some(_) => {
            if !p.temporal || cl.obliques.len() < 8 {
                cl.obliques.push(i);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::{Feats, Num as N};
    use crate::text::Span;

    /// Builds tokens and tags from "word/UPOS/lemma/feats" items.
    fn sent(items: &[(&str, Upos, &'static str, Feats)]) -> (Vec<Token>, Vec<Tag>) {
        let mut toks = Vec::new();
        let mut tags = Vec::new();
        let mut at = 0;
        for (w, u, l, f) in items {
            let len = w.len();
            let kind = if *u == Upos::Punct {
                TokKind::Punct
            } else if *u == Upos::Num {
                TokKind::Number
            } else {
                TokKind::Word
            };
            toks.push(Token {
                span: Span { start: at, end: at + len, cstart: at, cend: at + len },
                text: (*w).into(),
                norm: crate::text::fold(w).into(),
                kind,
                value: w.parse().ok(),
            });
            tags.push(Tag { upos: *u, feats: *f, lemma: l });
            at += len + 1;
        }
        (toks, tags)
    }

    fn fin(number: N) -> Feats {
        Feats { verb_form: VerbForm::Fin, mood: Mood::Ind, tense: Tense::Pres, person: 3, number, ..Feats::default() }
    }
    fn part() -> Feats {
        Feats { verb_form: VerbForm::Part, tense: Tense::Past, ..Feats::default() }
    }
    fn none() -> Feats {
        Feats::default()
    }

    #[test]
    fn apposition_is_skipped_for_the_subject() {
        use Upos::*;
        // "Ana Ferreira , présidente de l' OCDE , a estimé que …"
        let (t, g) = sent(&[
            ("Ana", Propn, "", none()),
            ("Ferreira", Propn, "", none()),
            (",", Punct, "", none()),
            ("présidente", Noun, "président", none()),
            ("de", Adp, "de", none()),
            ("l'", Det, "le", none()),
            ("OCDE", Propn, "", none()),
            (",", Punct, "", none()),
            ("a", Aux, "avoir", fin(N::Sing)),
            ("estimé", Verb, "estimer", part()),
            ("que", Sconj, "que", none()),
        ]);
        let atoms = [Atom { a: 0, b: 2, title: true, lead: 0 }, Atom { a: 6, b: 7, title: true, lead: 6 }];
        let p = parse(&t, &g, &atoms);
        let c = &p.clauses[0];
        assert_eq!(p.phrases[c.verb].verb.unwrap().lemma, "estimer");
        let s = p.subject_phrase(0).unwrap();
        assert_eq!(p.phrases[s].atom, Some(0));
    }

    #[test]
    fn relative_qui_takes_its_antecedent_and_the_main_verb_its_subject() {
        use Upos::*;
        // "Le pays qui a envoyé des troupes dément"
        let (t, g) = sent(&[
            ("Le", Det, "le", none()),
            ("pays", Noun, "pays", none()),
            ("qui", Pron, "qui", none()),
            ("a", Aux, "avoir", fin(N::Sing)),
            ("envoyé", Verb, "envoyer", part()),
            ("des", Det, "un", none()),
            ("troupes", Noun, "troupe", none()),
            ("dément", Verb, "démentir", fin(N::Sing)),
        ]);
        let p = parse(&t, &g, &[]);
        assert_eq!(p.clauses.len(), 2);
        let rel = &p.clauses[0];
        assert!(matches!(rel.kind, ClauseKind::Relative { .. }));
        assert_eq!(p.phrases[p.subject_phrase(0).unwrap()].head, 1);
        assert_eq!(p.phrases[rel.object.unwrap()].head, 6);
        assert_eq!(p.clauses[1].kind, ClauseKind::Main);
        assert_eq!(p.phrases[p.subject_phrase(1).unwrap()].head, 1);
    }

    #[test]
    fn passive_and_agent() {
        use Upos::*;
        // "Les soldats ont été envoyés par Moscou"
        let (t, g) = sent(&[
            ("Les", Det, "le", none()),
            ("soldats", Noun, "soldat", none()),
            ("ont", Aux, "avoir", fin(N::Plur)),
            ("été", Aux, "être", part()),
            ("envoyés", Verb, "envoyer", part()),
            ("par", Adp, "par", none()),
            ("Moscou", Propn, "", none()),
        ]);
        let p = parse(&t, &g, &[Atom { a: 6, b: 7, title: true, lead: 6 }]);
        let vg = p.phrases[p.clauses[0].verb].verb.unwrap();
        assert_eq!(vg.voice, Voice::Passive);
        assert_eq!(vg.lemma, "envoyer");
        assert_eq!(p.clauses[0].obliques.len(), 1);
    }

    #[test]
    fn coordination_of_names() {
        use Upos::*;
        // "A , B et C ont signé"
        let (t, g) = sent(&[
            ("Sénégal", Propn, "", none()),
            (",", Punct, "", none()),
            ("Ghana", Propn, "", none()),
            ("et", Cconj, "et", none()),
            ("Togo", Propn, "", none()),
            ("ont", Aux, "avoir", fin(N::Plur)),
            ("signé", Verb, "signer", part()),
        ]);
        let p = parse(
            &t,
            &g,
            &[
                Atom { a: 0, b: 1, title: true, lead: 0 },
                Atom { a: 2, b: 3, title: true, lead: 2 },
                Atom { a: 4, b: 5, title: true, lead: 4 },
            ],
        );
        let s = p.subject_phrase(0).unwrap();
        assert_eq!(p.conjuncts(s).len(), 3);
    }
}
