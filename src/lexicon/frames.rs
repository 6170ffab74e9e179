//! Frames: which word triggers which relation, and where its arguments
//! stand in the clause (`frames.tsv`); the word classes frames ask of
//! their arguments (`classes.tsv`); the words that make a fact possible,
//! negated or reported (`modality.tsv`). Every row carries an example
//! sentence and the edge it must give, checked by a test.

use std::collections::HashMap;

use crate::error::{Error, Result};
use crate::ontology::{Modality, NodeKind, Relation};
use crate::text::fold;

use super::tsv::Row;

/// The part of speech of a trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FramePos {
    /// A verb: its clause holds the arguments.
    Verb,
    /// A noun: its complements, its adjectives, or what it is said of.
    Noun,
    /// An adjective ("présent à"): what it is said of, and its complements.
    Adj,
}

/// What an argument is to the relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The edge's source.
    Source,
    /// The edge's target.
    Target,
    /// What is sent, supplied or said (an attribute, or the claim).
    What,
}

/// Where an argument stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// The subject (for nouns and adjectives: what the word is said of).
    Subj,
    /// The direct object.
    Obj,
    /// "à" + an actor, or the clitic "lui"/"leur".
    Dat,
    /// A place after à, en, au, aux, dans, vers, sur, jusqu'à, chez.
    Loc,
    /// A complement after this preposition (folded: "a", "contre", "de").
    Prep(String),
    /// A nationality adjective on the trigger noun.
    Adj,
    /// The owner of a possessive on the trigger noun (the clause's subject).
    Poss,
    /// The name the trigger's own phrase carries.
    Name,
    /// For a noun: the subject of the clause it sits in, wherever it sits.
    Clause,
}

/// A step into an argument's own phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Into {
    /// The argument itself.
    Itself,
    /// Its nationality adjective.
    Adj,
    /// Its "de" complement.
    De,
    /// A place complement after it.
    Loc,
}

/// One slot of a frame: an argument and the roles it may fill, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    /// Where the argument stands.
    pub arg: Arg,
    /// Into which part of it.
    pub into: Into,
    /// The roles it may fill: the first one still free and of a fitting kind.
    pub roles: Vec<Role>,
}

/// A class or kind an argument must be of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Class {
    /// A word class of `classes.tsv`, by name.
    Words(String),
    /// An entity kind.
    Kind(NodeKind),
    /// A person, a country or an organization.
    Actor,
}

/// Which argument a condition is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NeedOn {
    /// The subject, the object, a preposition's complement…
    Arg(Arg),
    /// Whatever fills a role.
    Role(Role),
    /// An adjective on the trigger noun, or an adverb in the clause ("présence militaire").
    Modifier,
    /// The preposition before the trigger noun ("self:sous": "sous le contrôle de").
    OwnPrep,
}

/// A condition of a frame: the argument must be of one of the classes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Need {
    /// What it is on.
    pub on: NeedOn,
    /// Any of these.
    pub any: Vec<Class>,
}

/// One frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// The trigger's lemma, without "se" ("rendre" for "se rendre").
    pub lemma: String,
    /// A pronominal verb ("se rendre").
    pub reflexive: bool,
    /// Words that must follow the verb ("en garde" for "mettre en garde"), folded.
    pub particle: Vec<String>,
    /// Part of speech.
    pub pos: FramePos,
    /// The relation.
    pub relation: Relation,
    /// Its slots, in order of preference.
    pub slots: Vec<Slot>,
    /// Conditions.
    pub needs: Vec<Need>,
    /// The modality the word itself gives, if any.
    pub modality: Option<Modality>,
    /// An example sentence.
    pub example: String,
    /// The edge the example gives.
    pub expect: String,
    /// Where the row comes from ("frames.tsv:12").
    pub origin: String,
}

/// How far a modality word reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The infinitive the verb governs.
    Inf,
    /// The "que" clause after it.
    Que,
    /// Both.
    Both,
    /// The clause it stands in.
    Clause,
    /// A noun governing an infinitive ("le droit de frapper").
    Noun,
}

/// A word that changes the modality of the facts under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModalityWord {
    /// Its reach.
    pub scope: Scope,
    /// The modality it gives.
    pub modality: Modality,
    /// An example sentence.
    pub example: String,
    /// The edge it gives, with the modality in parentheses.
    pub expect: String,
}

/// All frames, classes and modality words, indexed.
#[derive(Debug, Clone, Default)]
pub struct Frames {
    /// The frames, in load order.
    pub frames: Vec<Frame>,
    by_lemma: HashMap<(String, FramePos), Vec<u32>>,
    classes: HashMap<String, Vec<String>>,
    /// Folded lemma → classes it belongs to.
    class_of: HashMap<String, Vec<String>>,
    modality: HashMap<String, ModalityWord>,
}

fn bad(file: &str, line: usize, message: String) -> Error {
    Error::Lexicon { file: file.to_string(), line, message }
}

fn parse_role(s: &str) -> Option<Role> {
    match s {
        "source" => Some(Role::Source),
        "target" => Some(Role::Target),
        "what" => Some(Role::What),
        _ => None,
    }
}

fn parse_arg(s: &str) -> Arg {
    match s {
        "subj" => Arg::Subj,
        "obj" => Arg::Obj,
        "dat" => Arg::Dat,
        "loc" => Arg::Loc,
        "adj" => Arg::Adj,
        "poss" => Arg::Poss,
        "name" => Arg::Name,
        "clause" => Arg::Clause,
        p => Arg::Prep(fold(p)),
    }
}

fn parse_slot(item: &str) -> Option<Slot> {
    let (arg, roles) = item.split_once('=')?;
    let (arg, into) = match arg.split_once('.') {
        Some((a, "adj")) => (a, Into::Adj),
        Some((a, "de")) => (a, Into::De),
        Some((a, "loc")) => (a, Into::Loc),
        Some(_) => return None,
        None => (arg, Into::Itself),
    };
    let roles: Option<Vec<Role>> = roles.split('|').map(parse_role).collect();
    let roles = roles.filter(|r| !r.is_empty())?;
    Some(Slot { arg: parse_arg(arg), into, roles })
}

fn parse_class(s: &str) -> Class {
    match s {
        "person" => Class::Kind(NodeKind::Person),
        "country" => Class::Kind(NodeKind::Country),
        "org" => Class::Kind(NodeKind::Organization),
        "place" => Class::Kind(NodeKind::Location),
        "actor" => Class::Actor,
        w => Class::Words(w.to_string()),
    }
}

fn parse_need(item: &str) -> Option<Need> {
    let (on, classes) = item.split_once(':')?;
    let on = match on {
        "source" => NeedOn::Role(Role::Source),
        "target" => NeedOn::Role(Role::Target),
        "what" => NeedOn::Role(Role::What),
        "mod" => NeedOn::Modifier,
        "self" => NeedOn::OwnPrep,
        a => NeedOn::Arg(parse_arg(a)),
    };
    let any: Vec<Class> = classes.split('|').filter(|c| !c.is_empty()).map(parse_class).collect();
    (!any.is_empty()).then_some(Need { on, any })
}

fn parse_modality(s: &str) -> Option<Option<Modality>> {
    match s {
        "-" | "" => Some(None),
        "possible" => Some(Some(Modality::Possible)),
        "negated" => Some(Some(Modality::Negated)),
        "reported" => Some(Some(Modality::Reported)),
        _ => None,
    }
}

impl Frames {
    /// Adds the rows of a `frames.tsv` file.
    pub fn add_frames(&mut self, file: &str, rows: &[Row], cols: [usize; 8]) -> Result<()> {
        let [trigger, pos, relation, slots, needs, modality, example, expect] = cols;
        for row in rows {
            let line = row.line;
            let mut words = row.get(trigger).split_whitespace();
            let mut first = words.next().unwrap_or("");
            let mut reflexive = false;
            if first == "se" {
                reflexive = true;
                first = words.next().unwrap_or("");
            } else if let Some(rest) = first.strip_prefix("s'").or_else(|| first.strip_prefix("s’")) {
                reflexive = true;
                first = rest;
            }
            if first.is_empty() {
                return Err(bad(file, line, "empty trigger".into()));
            }
            let particle: Vec<String> = words.map(fold).collect();
            let pos = match row.get(pos) {
                "verb" => FramePos::Verb,
                "noun" => FramePos::Noun,
                "adj" => FramePos::Adj,
                other => return Err(bad(file, line, format!("pos `{other}` is not verb, noun or adj"))),
            };
            let rel = row.get(relation);
            let relation = Relation::parse(rel).ok_or_else(|| bad(file, line, format!("unknown relation `{rel}`")))?;
            let mut parsed = Vec::new();
            for item in row.get(slots).split_whitespace() {
                parsed.push(parse_slot(item).ok_or_else(|| bad(file, line, format!("bad slot `{item}`")))?);
            }
            if parsed.is_empty() {
                return Err(bad(file, line, "a frame needs at least one slot".into()));
            }
            let mut conditions = Vec::new();
            for item in row.get(needs).split_whitespace().filter(|i| *i != "-") {
                conditions.push(parse_need(item).ok_or_else(|| bad(file, line, format!("bad condition `{item}`")))?);
            }
            let m = row.get(modality);
            let modality = parse_modality(m).ok_or_else(|| bad(file, line, format!("unknown modality `{m}`")))?;
            let idx = self.frames.len() as u32;
            let lemma = first.to_lowercase();
            self.by_lemma.entry((fold(&lemma), pos)).or_default().push(idx);
            self.frames.push(Frame {
                lemma,
                reflexive,
                particle,
                pos,
                relation,
                slots: parsed,
                needs: conditions,
                modality,
                example: row.get(example).to_string(),
                expect: row.get(expect).to_string(),
                origin: format!("{file}:{line}"),
            });
        }
        Ok(())
    }

    /// Adds the rows of a `classes.tsv` file.
    pub fn add_classes(&mut self, rows: &[Row], class: usize, lemmas: usize) {
        for row in rows {
            let name = row.get(class).to_string();
            for lemma in row.items(lemmas) {
                let key = fold(lemma);
                let of = self.class_of.entry(key.clone()).or_default();
                if !of.contains(&name) {
                    of.push(name.clone());
                }
                self.classes.entry(name.clone()).or_default().push(key);
            }
        }
    }

    /// Adds the rows of a `modality.tsv` file.
    pub fn add_modality(&mut self, file: &str, rows: &[Row], cols: [usize; 5]) -> Result<()> {
        let [word, scope, modality, example, expect] = cols;
        for row in rows {
            let scope = match row.get(scope) {
                "inf" => Scope::Inf,
                "que" => Scope::Que,
                "both" => Scope::Both,
                "clause" => Scope::Clause,
                "noun" => Scope::Noun,
                other => {
                    return Err(bad(file, row.line, format!("scope `{other}` is not inf, que, both, clause or noun")))
                }
            };
            let m = row.get(modality);
            let Some(Some(modality)) = parse_modality(m) else {
                return Err(bad(file, row.line, format!("modality `{m}` is not possible, negated or reported")));
            };
            self.modality.insert(
                fold(row.get(word)),
                ModalityWord {
                    scope,
                    modality,
                    example: row.get(example).to_string(),
                    expect: row.get(expect).to_string(),
                },
            );
        }
        Ok(())
    }

    /// The frames of a trigger lemma (folded or not) and part of speech.
    pub fn of(&self, lemma: &str, pos: FramePos) -> impl Iterator<Item = &Frame> {
        let key = if lemma.is_ascii() && !lemma.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Borrowed(lemma)
        } else {
            std::borrow::Cow::Owned(fold(lemma))
        };
        self.by_lemma.get(&(key.into_owned(), pos)).into_iter().flatten().map(|&i| &self.frames[i as usize])
    }

    /// Whether any frame has this trigger.
    pub fn triggers(&self, lemma: &str, pos: FramePos) -> bool {
        self.of(lemma, pos).next().is_some()
    }

    /// Whether a lemma belongs to a word class.
    pub fn in_class(&self, lemma: &str, class: &str) -> bool {
        self.class_of.get(&fold(lemma)).is_some_and(|c| c.iter().any(|n| n == class))
    }

    /// Whether a word class of this name exists.
    pub fn has_class(&self, class: &str) -> bool {
        self.classes.contains_key(class)
    }

    /// The modality word of a folded lemma, if it is one.
    pub fn modality(&self, lemma: &str) -> Option<&ModalityWord> {
        self.modality.get(&fold(lemma))
    }

    /// Every modality word, sorted, for the tests.
    pub fn modality_words(&self) -> Vec<(&String, &ModalityWord)> {
        let mut v: Vec<_> = self.modality.iter().collect();
        v.sort_by(|a, b| a.0.cmp(b.0));
        v
    }

    /// Checks that every class a frame names exists.
    pub fn check_classes(&self) -> std::result::Result<(), String> {
        for f in &self.frames {
            for n in &f.needs {
                if n.on == NeedOn::OwnPrep {
                    continue;
                }
                for c in &n.any {
                    if let Class::Words(w) = c {
                        if !self.has_class(w) {
                            return Err(format!("{}: unknown class `{w}`", f.origin));
                        }
                    }
                }
            }
        }
        Ok(())
    }
}
