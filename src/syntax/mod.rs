//! The French syntax layer between tokens and relations: parts of speech
//! with lemma and morphology (`Tag`), then chunks and clauses.
//!
//! It knows nothing of entities beyond the spans it is handed: the relation
//! readers in `extract/` give it the mention spans of a sentence so that a
//! multi-word name is one noun phrase.

pub mod tag;

pub use tag::{tag, Tagger};

/// Universal part of speech (the 17 tags of Universal Dependencies).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[repr(u8)]
pub enum Upos {
    /// Adjective.
    Adj,
    /// Preposition (and the contracted article forms du, au, aux, des when they stand for one).
    Adp,
    /// Adverb.
    Adv,
    /// Auxiliary (être, avoir, and modals where UD tags them AUX).
    Aux,
    /// Coordinating conjunction.
    Cconj,
    /// Determiner.
    Det,
    /// Interjection.
    Intj,
    /// Common noun.
    Noun,
    /// Numeral.
    Num,
    /// Particle.
    Part,
    /// Pronoun.
    Pron,
    /// Proper noun.
    Propn,
    /// Punctuation.
    Punct,
    /// Subordinating conjunction.
    Sconj,
    /// Symbol.
    Sym,
    /// Verb.
    Verb,
    /// Other.
    #[default]
    X,
}

impl Upos {
    /// Every tag, in the order of the enum.
    pub const ALL: [Upos; 17] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    /// The tag as Universal Dependencies spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Upos::Adj => "ADJ",
            Upos::Adp => "ADP",
            Upos::Adv => "ADV",
            Upos::Aux => "AUX",
            Upos::Cconj => "CCONJ",
            Upos::Det => "DET",
            Upos::Intj => "INTJ",
            Upos::Noun => "NOUN",
            Upos::Num => "NUM",
            Upos::Part => "PART",
            Upos::Pron => "PRON",
            Upos::Propn => "PROPN",
            Upos::Punct => "PUNCT",
            Upos::Sconj => "SCONJ",
            Upos::Sym => "SYM",
            Upos::Verb => "VERB",
            Upos::X => "X",
        }
    }

    /// The tag for a UD spelling.
    pub fn parse(s: &str) -> Option<Upos> {
        Upos::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// Grammatical gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Gen {
    /// Not marked, or both.
    #[default]
    None,
    /// Masculine.
    Masc,
    /// Feminine.
    Fem,
}

/// Grammatical number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Num {
    /// Not marked, or both.
    #[default]
    None,
    /// Singular.
    Sing,
    /// Plural.
    Plur,
}

/// Verb form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum VerbForm {
    /// Not a verb, or not known.
    #[default]
    None,
    /// Finite (with a mood).
    Fin,
    /// Infinitive.
    Inf,
    /// Participle (past or present: see `Tense`).
    Part,
}

/// Mood of a finite verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Mood {
    /// Not finite, or not known.
    #[default]
    None,
    /// Indicative.
    Ind,
    /// Conditional.
    Cnd,
    /// Subjunctive.
    Sub,
    /// Imperative.
    Imp,
}

/// Tense of a verb form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Tense {
    /// Not marked.
    #[default]
    None,
    /// Present (and the present participle).
    Pres,
    /// Simple past (passé simple) and the past participle.
    Past,
    /// Imperfect.
    Imp,
    /// Future.
    Fut,
}

/// Morphological features of one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Feats {
    /// Gender.
    pub gender: Gen,
    /// Number.
    pub number: Num,
    /// Person of a finite verb or a personal pronoun (0 when none).
    pub person: u8,
    /// Verb form.
    pub verb_form: VerbForm,
    /// Mood.
    pub mood: Mood,
    /// Tense.
    pub tense: Tense,
}

/// One word as the tagger read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Tag {
    /// Part of speech.
    pub upos: Upos,
    /// Morphology.
    pub feats: Feats,
    /// Lemma, lowercase with its accents as the morphological lexicon
    /// spells it ("déployer", "être", "à"); empty when the word is unknown
    /// (callers then use the token's own form).
    pub lemma: &'static str,
}
pub mod parse;
pub mod repair;
