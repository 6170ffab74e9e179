//! Mentions: the spans of a sentence that name an entity or a role.
//!
//! Each sentence is read left to right; at each token the longest of these
//! wins: a state body by pattern ("le ministère russe des Affaires
//! étrangères"), a lexicon name (country, capital, organization, place, with
//! "la région de X" around a place), a person name found by capitalization
//! and context, a demonym. Roles ("le secrétaire américain à la Défense")
//! are read in a second layer that may overlap entities, because a role's
//! complement ("de l'OTAN") is itself an entity mention.

use crate::graph::node_id;
use crate::lexicon::{Lexicon, Named};
use crate::ontology::NodeKind;
use crate::text::{is_all_caps, is_capitalized, Span, TokKind, Token};

use super::words::{
    CIVILITIES, CLUB_HEADS, CLUB_MARKS, COMMON_ACRONYMS, DESCRIPTORS, EN_ORG_HEADS, EN_PLACE_HEADS,
    EVENT_OR_BUILDING_HEADS, FUNCTION_WORDS, GEO_HEADS, HEADS_OUTSIDE_NAME, HONORIFICS, LOCATIVE, MONTHS,
    NAMED_AFTER_PLACE, NAME_PARTICLES, NATURAL_HEADS, ORG_HEADS, ORG_NOUNS, PLACE_HEADS, PLACE_NOUNS, RIVER_HEADS,
    SAME_AS_NAME, SETTLEMENTS, WEEKDAYS, WORK_NOUNS,
};

/// What a mention refers to, as far as one sentence can tell.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Ref {
    /// A state (by name, capital, government or demonym).
    Country(u32),
    /// An organization, with the node it belongs to, if known.
    Org {
        /// Node id.
        id: String,
        /// Preferred label (lexicon label, or None to use the surfaces).
        label: Option<String>,
        /// Node id of the state or organization it is part of.
        parent: Option<String>,
        /// Whether lexicon knowledge alone may state `part_of` (seats of power).
        parent_from_lexicon: bool,
        /// The person whose office it is ("le bureau de X"), by the words of the name.
        owner: Option<Vec<String>>,
    },
    /// A place.
    Place {
        /// Node id.
        id: String,
        /// Preferred label.
        label: String,
        /// The state it lies in, from the lexicon.
        country: Option<u32>,
    },
    /// A person, by the name tokens written; resolved across the corpus later.
    Person {
        /// The words of the name as written.
        name: Vec<String>,
        /// Whether the context proves it is a person (given name, title, M.).
        strong: bool,
    },
}

/// One entity mention.
/// (Read back from a record by `split::MentionWire`.)
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Mention {
    /// Sentence index.
    pub sent: usize,
    /// First token.
    pub a: usize,
    /// One past the last token.
    pub b: usize,
    /// Where it stands in the document.
    pub span: Span,
    /// The text as written.
    pub surface: String,
    /// What it refers to.
    pub target: Ref,
    /// False for demonyms and common-noun phrases ("sud-africaines", "le gouvernement chilien").
    pub proper: bool,
    /// How it was found.
    pub rule: &'static str,
    /// What it refers to if `target` (a weak person) is not confirmed.
    pub alt: Option<Box<Ref>>,
}

impl Mention {
    /// The reference actually used once resolved to a node of `kind`: the
    /// fallback when a weak person was not confirmed.
    pub fn used(&self, kind: NodeKind) -> &Ref {
        match (&self.target, self.alt.as_deref()) {
            (Ref::Person { .. }, Some(alt)) if kind != NodeKind::Person => alt,
            (t, _) => t,
        }
    }
}

/// A title phrase: "le secrétaire général de l'OTAN".
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RoleMention {
    /// Sentence index.
    pub sent: usize,
    /// First token of the title.
    pub a: usize,
    /// One past the last token of the phrase.
    pub b: usize,
    /// One past the title and portfolio words (before the complement).
    pub title_b: usize,
    /// The role label: title and portfolio only ("secrétaire à la Défense").
    pub label: String,
    /// The state or organization the phrase ties the holder to.
    pub affiliation: Option<Ref>,
    /// An office (ministre, porte-parole), not a rank, a trade or a
    /// description (général, journaliste, opposant): only offices are role nodes.
    pub office: bool,
}

/// Everything read from one sentence before resolution.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct SentenceMentions {
    /// Entity mentions, in order, not overlapping.
    pub entities: Vec<Mention>,
    /// Role phrases, in order.
    pub roles: Vec<RoleMention>,
}

fn is_function_word(t: &Token) -> bool {
    let n = t.norm.as_str();
    FUNCTION_WORDS.contains(&n) || WEEKDAYS.contains(&n) || MONTHS.contains(&n)
}

fn connector_len(toks: &[Token], i: usize) -> usize {
    // "de", "des", "du", "d'", "de la", "de l'", "à la", "à l'", "aux", "au", "chargé de…" are not needed.
    match toks.get(i).map(|t| t.norm.as_str()) {
        Some("de") => match toks.get(i + 1).map(|t| t.norm.as_str()) {
            Some("la") | Some("l'") => 2,
            _ => 1,
        },
        Some("a") => match toks.get(i + 1).map(|t| t.norm.as_str()) {
            Some("la") | Some("l'") => 2,
            _ => 0,
        },
        Some("des") | Some("du") | Some("d'") | Some("aux") | Some("au") => 1,
        _ => 0,
    }
}

fn surface(text: &str, toks: &[Token], a: usize, b: usize) -> (Span, String) {
    let span = toks[a].span.join(toks[b - 1].span);
    (span, text[span.start..span.end].to_string())
}

/// A place named by its own words (no lexicon entry).
/// An organization known only by its words.
fn org_ref_by_surface(s: &str) -> Ref {
    Ref::Org {
        id: node_id(NodeKind::Organization, s),
        label: None,
        parent: None,
        parent_from_lexicon: false,
        owner: None,
    }
}

fn place_by_surface(s: &str) -> Ref {
    Ref::Place { id: node_id(NodeKind::Location, s), label: s.to_string(), country: None }
}

/// Whether a definite article (or its contraction) stands before `i`:
/// French gives one to places, clubs and acronyms of bodies, not to people.
fn after_article(toks: &[Token], i: usize) -> bool {
    i > 0 && matches!(toks[i - 1].norm.as_str(), "le" | "la" | "les" | "l'" | "du" | "des" | "au" | "aux")
}

/// The country a demonym token points at.
fn demonym_at(lx: &Lexicon, toks: &[Token], i: usize) -> Option<u32> {
    let t = toks.get(i)?;
    if t.kind != TokKind::Word {
        return None;
    }
    lx.demonym(&t.norm)
}

/// A country or organization named at `i`, after an optional connector:
/// "de l'OTAN", "de la Russie", "du Conseil de sécurité". Returns the ref and
/// the end token.
fn complement_at(lx: &Lexicon, toks: &[Token], i: usize) -> Option<(Ref, usize)> {
    let c = connector_len(toks, i);
    if c == 0 {
        return None;
    }
    let j = i + c;
    // An article may follow "de" before a name: "de la Russie" is covered by
    // the connector; "des Nations unies" by "des".
    // The longest name; among names of that length, a state or an
    // organization before a place ("la Maison Blanche" is also a town).
    let hits = lx.names.matches_at(toks, j);
    let len = hits.first()?.len;
    if given_before_surname(lx, toks, j, len) {
        return None;
    }
    let r = hits.iter().take_while(|h| h.len == len).find_map(|h| match *h.value {
        Named::Country(k) | Named::Capital(k) => Some(Ref::Country(k)),
        Named::Org(k) => Some(lexicon_org(lx, k)),
        Named::Place(_) => None,
    })?;
    Some((r, j + len))
}

/// The `Ref` of a lexicon organization.
pub fn lexicon_org(lx: &Lexicon, k: u32) -> Ref {
    let org = &lx.orgs[k as usize];
    let parent = parent_id(lx, &org.parent);
    Ref::Org {
        id: node_id(NodeKind::Organization, &org.label),
        label: Some(org.label.clone()),
        parent,
        parent_from_lexicon: org.kind == "seat",
        owner: None,
    }
}

/// Node id of a parent given by label: a country or an organization.
fn parent_id(lx: &Lexicon, label: &str) -> Option<String> {
    if label.is_empty() {
        return None;
    }
    if let Some(c) = lx.country_named(label) {
        return Some(node_id(NodeKind::Country, &lx.countries[c as usize].label));
    }
    let o = lx.org_named(label)?;
    Some(node_id(NodeKind::Organization, &lx.orgs[o as usize].label))
}

/// Reads one sentence.
pub fn detect(lx: &Lexicon, text: &str, sent: usize, toks: &[Token]) -> SentenceMentions {
    let mut out = SentenceMentions::default();
    let mut i = 0;
    while i < toks.len() {
        match role_at(lx, sent, toks, i) {
            Some(r) => {
                i = r.b.max(i + 1);
                out.roles.push(r);
            }
            None => i += 1,
        }
    }
    // Title words ("Défense" in "ministre de la Défense Kim") never start a name.
    let in_title = |k: usize| out.roles.iter().any(|r| r.a <= k && k < r.b);
    let mut i = 0;
    while i < toks.len() {
        // "l'USS Carl Vinson", "la frégate canadienne HMCS Vancouver": a
        // vessel's name is no person nor place.
        if let Some(end) = vessel_name_at(lx, toks, i) {
            i = end;
            continue;
        }
        // "le Festival de Cannes", "la Coupe d'Afrique des nations": an
        // event named after its place is no mention of the place.
        if let Some(end) = event_name_at(lx, toks, i) {
            i = end;
            continue;
        }
        let person = if in_title(i) { None } else { person_at(lx, text, sent, toks, i) };
        // After a title or a trade, a name the lexicon has as a place is the
        // person's ("le navigateur Vasco da Gama").
        let titled = person.as_ref().filter(|p| person_context_before(lx, toks, p.a)).map(|p| (p.a, p.b));
        let in_title_words = out.roles.iter().any(|r| r.a <= i && i < r.title_b);
        let body = if in_title_words { None } else { body_at(lx, text, sent, toks, i) };
        // Longest wins; on a tie, the earlier kind of reading in this list.
        // Each reading is weighed as it comes: no array of them to move.
        let mut best: Option<Mention> = None;
        let mut offer = |m: Option<Mention>| {
            if let Some(m) = m {
                if best.as_ref().is_none_or(|b| m.b - m.a > b.b - b.a) {
                    best = Some(m);
                }
            }
        };
        offer(office_at(lx, text, sent, toks, i));
        offer(named_org_at(lx, text, sent, toks, i));
        offer(org_after_noun_at(lx, text, sent, toks, i));
        offer(acronym_at(lx, text, sent, toks, i));
        offer(national_team_at(lx, text, sent, toks, i));
        offer(team_at(lx, text, sent, toks, i));
        offer(english_name_at(lx, text, sent, toks, i));
        // A lexicon name before a place by its head noun ("le département
        // d'État" is the body the lexicon names, not a département) and
        // before a body by pattern: "l'armée chinoise" is the name the
        // lexicon gives as another name of a known army. A seat of power
        // ("ministère des Armées" for its building) is only a metonym: the
        // body by pattern keeps it.
        let name = name_at(lx, text, sent, toks, i);
        let (name, seat) = match name {
            Some(m) if matches!(m.target, Ref::Org { parent_from_lexicon: true, .. }) => (None, Some(m)),
            other => (other, None),
        };
        offer(name);
        offer(geo_at(lx, text, sent, toks, i));
        offer(named_relief_at(lx, text, sent, toks, i));
        offer(channel_at(text, sent, toks, i));
        offer(place_phrase_at(lx, text, sent, toks, i));
        offer(body);
        offer(seat);
        // Before `person`: on a tie it keeps the person reading and adds the place.
        offer(locative_place_at(lx, text, sent, toks, i));
        offer(person);
        if let (Some(m), Some((a, b))) = (&best, titled) {
            if m.a == a && m.b == b && matches!(m.target, Ref::Place { .. }) && b - a >= 2 {
                let place = best.take().map(|m| m.target);
                best = person_at(lx, text, sent, toks, i).map(|p| Mention { alt: place.map(Box::new), ..p });
            }
        }
        let best = best.map(|m| person_or_place(lx, toks, m));
        if let Some(m) = best {
            i = m.b;
            out.entities.push(m);
            continue;
        }
        if let Some(c) = demonym_at(lx, toks, i) {
            let (span, s) = surface(text, toks, i, i + 1);
            out.entities.push(Mention {
                sent,
                a: i,
                b: i + 1,
                span,
                surface: s,
                target: Ref::Country(c),
                proper: false,
                rule: "demonym",
                alt: None,
            });
        }
        i += 1;
    }
    drop_work_titles(toks, &mut out.entities);
    namesake_bodies(lx, text, toks, &mut out.entities);
    after_article_sort(lx, toks, &mut out.entities);
    coordinate(&mut out.entities, toks);
    qualify_places(lx, toks, &mut out.entities);
    regions_of_places(text, toks, &mut out.entities);
    out
}

/// "le Parti socialiste grec": a body the lexicon knows by a generic
/// name (a head of `ORG_HEADS` and adjectives), then the demonym of
/// another state, is that state's namesake body: one mention of its own.
fn namesake_bodies(lx: &Lexicon, text: &str, toks: &[Token], ents: &mut Vec<Mention>) {
    let mut x = 0;
    while x + 1 < ents.len() {
        let (m, d) = (&ents[x], &ents[x + 1]);
        let generic = m.rule == "name/organization"
            && toks[m.a].is_cap()
            && ORG_HEADS.contains(&toks[m.a].norm.as_str())
            && toks[m.a + 1..m.b].iter().all(|t| !t.is_cap());
        let Ref::Country(c) = d.target else {
            x += 1;
            continue;
        };
        let parent = match &m.target {
            Ref::Org { parent, .. } => parent.clone(),
            _ => None,
        };
        let state = node_id(NodeKind::Country, &lx.countries[c as usize].label);
        if !generic || d.rule != "demonym" || d.a != m.b || toks[d.a].is_cap() || parent.as_deref() == Some(&state) {
            x += 1;
            continue;
        }
        let mut body = org_by_surface(text, m.sent, toks, m.a, d.b, None, "org/namesake");
        if let Ref::Org { parent, .. } = &mut body.target {
            *parent = Some(state);
        }
        ents[x] = body;
        ents.remove(x + 1);
        x += 1;
    }
}

/// The quotations of a sentence that give the title of a work: opened
/// right after a work noun, maybe past a few lowercase adjectives, a year
/// or a comma ("le film dramatique « X »", "un film de 1943 « X »", "la
/// série télévisée, « X »"), and those listed after such a title ("« X »,
/// « Y » et « Z »"). Pairs of open and close token indices.
fn work_titles(toks: &[Token]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut q = 0;
    while q < toks.len() {
        if !is_open_quote(&toks[q]) {
            q += 1;
            continue;
        }
        let Some(c) = (q + 1..toks.len().min(q + 16)).find(|&c| is_close_quote(&toks[c])) else {
            q += 1;
            continue;
        };
        // Back to the work noun over adjectives, "de 1943", a comma.
        let mut k = q;
        let mut steps = 0;
        while k > 0 && steps < 4 {
            let t = &toks[k - 1];
            let skip = t.norm == ","
                || t.kind == TokKind::Number
                || t.norm == "de" && toks.get(k).is_some_and(|n| n.kind == TokKind::Number)
                || t.kind == TokKind::Word
                    && !t.is_cap()
                    && !is_function_word(t)
                    && adjective(t)
                    && k >= 2
                    && !WORK_NOUNS.contains(&t.norm.as_str());
            if !skip {
                break;
            }
            k -= 1;
            steps += 1;
        }
        let noun = k > 0 && !toks[k - 1].is_cap() && WORK_NOUNS.contains(&toks[k - 1].norm.as_str());
        // "« X », « Y » et « Z »": a title after a title.
        let listed = out.last().is_some_and(|&(_, pc)| {
            pc < q
                && q - pc <= 3
                && toks[pc + 1..q].iter().all(|t| matches!(t.norm.as_str(), "," | "et" | "ou" | "encore"))
        });
        if noun || listed {
            out.push((q, c));
        }
        q = c + 1;
    }
    out
}

/// The words of a work's title (`work_titles`) name no person, place or
/// body: "le film « Retour à Trelonne »" is no mention of Trelonne. A
/// person proven by a civility or a given name stays ("le livre « Et
/// Dieu créa Aurélien Vasseur »").
fn drop_work_titles(toks: &[Token], ents: &mut Vec<Mention>) {
    let titles = work_titles(toks);
    if titles.is_empty() {
        return;
    }
    ents.retain(|m| {
        let Some(&(q, _)) = titles.iter().find(|&&(q, c)| q < m.a && m.b <= c) else { return true };
        // A given name proves a person only when the title says something
        // of them ("Une nuit avec X"), not when it opens the title ("« The
        // X Show »").
        let said_of = toks[q + 1..m.a].iter().any(|t| !matches!(t.norm.as_str(), "the" | "le" | "la" | "les" | "l'"));
        matches!(m.target, Ref::Person { strong: true, .. })
            && (m.rule == "person/context" || m.rule == "person/given-name" && said_of)
    });
}

/// Adjectives that name a part of a land after its name, folded.
const REGION_ADJECTIVES: &[&str] = &[
    "orientale",
    "oriental",
    "occidentale",
    "occidental",
    "centrale",
    "central",
    "septentrionale",
    "septentrional",
    "meridionale",
    "meridional",
];

/// "la Pologne centrale", "la Finlande orientale", "l'Espagne du
/// Sud": the name of a part of a land is the
/// land's name and the adjective or the capitalized point of the compass;
/// the mention spans both and stands for the land, what the facts of the
/// sentence are about ("déployés en Russie orientale").
fn regions_of_places(text: &str, toks: &[Token], ents: &mut Vec<Mention>) {
    let mut x = 0;
    while x < ents.len() {
        x += 1;
        let x = x - 1;
        let m = &ents[x];
        if !m.proper || !matches!(m.target, Ref::Country(_) | Ref::Place { .. }) || m.alt.is_some() {
            continue;
        }
        let b = m.b;
        let point = |k: usize| {
            toks.get(k).is_some_and(|t| t.is_cap() && matches!(t.norm.as_str(), "nord" | "sud" | "est" | "ouest"))
        };
        let end = if toks.get(b).is_some_and(|t| !t.is_cap() && REGION_ADJECTIVES.contains(&t.norm.as_str())) {
            b + 1
        } else if toks.get(b).is_some_and(|t| t.norm == "du") && point(b + 1) {
            b + 2
        } else if toks.get(b).is_some_and(|t| t.norm == "de")
            && toks.get(b + 1).is_some_and(|t| t.norm == "l'")
            && point(b + 2)
        {
            b + 3
        } else {
            continue;
        };
        // The point of the compass read alone ("Ouest") joins the name.
        if ents.get(x + 1).is_some_and(|n| n.a < end) {
            if ents[x + 1].b != end || end - b == 1 {
                continue;
            }
            ents.remove(x + 1);
        }
        let (span, s) = surface(text, toks, ents[x].a, end);
        let m = &mut ents[x];
        m.b = end;
        m.span = span;
        m.surface = s;
        m.rule = "place/region-of";
    }
}

/// Nouns whose "de X" is a natural place or a land X: "au bord de l'X",
/// "au nord de la X", "un affluent de la X", "l'ascension du X".
const PLACE_PART_NOUNS: &[&str] = &[
    "nord",
    "sud",
    "est",
    "ouest",
    "bord",
    "bords",
    "rive",
    "rives",
    "berges",
    "centre",
    "sommet",
    "pied",
    "flanc",
    "versant",
    "vallee",
    "vallees",
    "affluent",
    "source",
    "sources",
    "embouchure",
    "confluent",
    "delta",
    "ascension",
    "eruption",
    "long",
    "plaine",
    "littoral",
    "cote",
    "cotes",
];

/// Nouns whose "de X" is a town: "le maire de X", "les habitants de X".
const TOWN_NOUNS: &[&str] =
    &["maire", "mairie", "habitants", "banlieue", "environs", "faubourgs", "peripherie", "rues", "conseil-municipal"];

/// Verbs whose agent, after a participle and "par", is most often a firm:
/// "un jeu développé par X", "un album distribué par X".
const MAKER_VERBS: &[&str] =
    &["developper", "editer", "commercialiser", "distribuer", "fabriquer", "racheter", "sponsoriser", "exploiter"];

/// Whether "par" before `a` follows a participle of `MAKER_VERBS`
/// ("développé par", "édités par").
fn made_by(toks: &[Token], a: usize) -> bool {
    a >= 2
        && toks[a - 1].norm == "par"
        && crate::lexicon::morph::Morph::builtin()
            .lookup_word(&toks[a - 2].text)
            .any(|r| r.upos == crate::syntax::Upos::Verb && MAKER_VERBS.contains(&crate::text::fold(r.lemma).as_str()))
        && matches!(toks[a - 2].norm.chars().last(), Some('e' | 's'))
}

/// The points of the compass, folded.
const DIRECTIONS: &[&str] =
    &["nord", "sud", "est", "ouest", "nord-est", "nord-ouest", "sud-est", "sud-ouest", "centre-ville"];

/// Participles whose agent is a river or a land: "traversée par la X".
const PLACE_AGENT_PARTICIPLES: &[&str] = &[
    "traverse",
    "traversee",
    "traverses",
    "traversees",
    "arrose",
    "arrosee",
    "arroses",
    "arrosees",
    "borde",
    "bordee",
    "draine",
    "drainee",
    "coupe",
    "coupee",
    "baigne",
    "baignee",
];

/// Verbs whose object, after an article, is a club or a body a person
/// joins or leaves: "il rejoint le X", "signé au X", "contre les X".
const JOINED_VERBS: &[&str] = &[
    "rejoindre",
    "signer",
    "quitter",
    "integrer",
    "affronter",
    "battre",
    "evoluer",
    "jouer",
    "transferer",
    "preter",
    "engager",
    "entrainer",
    "diriger",
    "racheter",
    "fonder",
    "acquerir",
];

/// French gives no article to people's names: an unknown capitalized name
/// after one ("dans l'X", "contre le X") that no rule read is a place or a
/// body, by the words before the article: a locative, a part of a land or
/// a river's agent make a place ("au bord de l'X", "traversée par le X"),
/// "contre", "chez" or a verb of joining a body ("il rejoint le X"). The
/// person reading stays first, for a surname named elsewhere.
fn after_article_sort(lx: &Lexicon, toks: &[Token], ents: &mut [Mention]) {
    let mut quotes = 0;
    let mut q = 0;
    for m in ents.iter_mut() {
        // Inside a quotation a title may give its words articles.
        while q < m.a {
            if is_open_quote(&toks[q]) || is_close_quote(&toks[q]) {
                quotes += 1;
            }
            q += 1;
        }
        // "développé et édité par X", "commercialisé par X": a firm, even
        // when its first word is a given name; a title or a civility
        // still proves a person.
        if matches!(m.target, Ref::Person { strong: true, .. })
            && matches!(m.rule, "person/given-name" | "person/capitalized")
            && m.alt.is_none()
            && m.a >= 2
            && made_by(toks, m.a)
        {
            m.target = org_ref_by_surface(&m.surface);
            m.rule = "org/maker";
            continue;
        }
        if !matches!(m.target, Ref::Person { strong: false, .. }) || m.alt.is_some() || quotes % 2 == 1 {
            continue;
        }
        if m.a < 2 || toks[m.a..m.b].iter().any(common_word) {
            continue;
        }
        if !after_article(toks, m.a) {
            // "le maire de X", "au nord de X", "X au sud": a town or a land.
            let of = matches!(toks[m.a - 1].norm.as_str(), "de" | "d'");
            let noun = toks[m.a - 2].norm.as_str();
            let town = of && (TOWN_NOUNS.contains(&noun) || DIRECTIONS.contains(&noun));
            let side = toks.get(m.b).is_some_and(|t| t.norm == "au")
                && toks.get(m.b + 1).is_some_and(|t| DIRECTIONS.contains(&t.norm.as_str()))
                || toks.get(m.b).is_some_and(|t| t.norm == "a")
                    && toks.get(m.b + 1).is_some_and(|t| t.norm == "l'")
                    && toks.get(m.b + 2).is_some_and(|t| DIRECTIONS.contains(&t.norm.as_str()));
            // "développé par X", "commercialisé par X": a firm.
            let maker = made_by(toks, m.a);
            if town || side {
                m.alt = Some(Box::new(place_by_surface(&m.surface)));
                m.rule = "after-article";
            } else if maker {
                m.alt = Some(Box::new(org_ref_by_surface(&m.surface)));
                m.rule = "after-article";
            }
            continue;
        }
        let art = toks[m.a - 1].norm.as_str();
        // "du X" is "de le X", "au X" "à le X".
        let (w, w2) = match art {
            "du" | "des" => ("de", toks[m.a - 2].norm.as_str()),
            "au" | "aux" => ("a", toks[m.a - 2].norm.as_str()),
            _ => (toks[m.a - 2].norm.as_str(), m.a.checked_sub(3).map_or("", |k| toks[k].norm.as_str())),
        };
        let place = matches!(w, "dans" | "sur" | "sous" | "vers" | "entre" | "depuis" | "pres" | "via")
            || matches!(w, "de" | "d'") && PLACE_PART_NOUNS.contains(&w2)
            || w == "par" && PLACE_AGENT_PARTICIPLES.contains(&w2);
        let verb = |k: &str| lx.lemma(k).is_some_and(|l| JOINED_VERBS.contains(&l));
        let body = matches!(w, "contre" | "chez")
            || verb(w)
            || matches!(w, "a" | "pour" | "avec") && verb(w2)
            || w == "a" && toks.get(m.a.wrapping_sub(3)).is_some_and(|t| verb(t.norm.as_str()));
        if place {
            m.alt = Some(Box::new(place_by_surface(&m.surface)));
        } else if body {
            m.alt = Some(Box::new(org_ref_by_surface(&m.surface)));
        } else {
            continue;
        }
        m.rule = "after-article";
    }
}

/// The state a place or a state mention lies in, from the lexicon.
fn country_of(lx: &Lexicon, r: &Ref) -> Option<u32> {
    match r {
        Ref::Country(c) => Some(*c),
        Ref::Place { country, .. } => *country,
        Ref::Org { parent: Some(p), .. } => {
            lx.countries.iter().position(|c| node_id(NodeKind::Country, &c.label) == *p).map(|c| c as u32)
        }
        _ => None,
    }
}

/// "Vienne (Isère)": a place qualified by a region or a state in
/// parentheses is the place of that name there, not its namesake of
/// another state ("Vienne" the capital): a place of its own, labelled
/// with its qualifier.
fn qualify_places(lx: &Lexicon, toks: &[Token], ents: &mut [Mention]) {
    for x in 0..ents.len().saturating_sub(1) {
        let (m, q) = (&ents[x], &ents[x + 1]);
        let place = |r: &Ref| matches!(r, Ref::Country(_) | Ref::Place { .. });
        if !place(&m.target)
            || !place(&q.target)
            || !m.proper
            || !q.proper
            || q.a != m.b + 1
            || toks[m.b].text != "("
            || toks.get(q.b).is_none_or(|t| t.text != ")")
        {
            continue;
        }
        let there = country_of(lx, &q.target);
        if there.is_none() || country_of(lx, &m.target) == there {
            continue;
        }
        let label = format!("{} ({})", m.surface, q.surface);
        let target = Ref::Place { id: node_id(NodeKind::Location, &label), label, country: there };
        ents[x].target = target;
        ents[x].alt = None;
        ents[x].rule = "place/qualified";
    }
}

/// What a mention tells of the words coordinated with it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sort {
    Person,
    Place,
    Org,
}

fn sort_of(m: &Mention) -> Option<Sort> {
    if !m.proper {
        return None;
    }
    // A known city or company that may be a surname is most often itself.
    match (m.rule, m.alt.as_deref()) {
        ("name/place", Some(_)) | ("coordinated" | "after-article" | "place/saint", Some(Ref::Place { .. })) => {
            return Some(Sort::Place)
        }
        ("name/company", Some(_)) | ("coordinated" | "after-article", Some(Ref::Org { .. })) => return Some(Sort::Org),
        (_, Some(_)) => return None,
        _ => {}
    }
    match &m.target {
        Ref::Person { strong: true, .. } => Some(Sort::Person),
        Ref::Place { .. } | Ref::Country(_) => Some(Sort::Place),
        Ref::Org { .. } => Some(Sort::Org),
        Ref::Person { .. } => None,
    }
}

/// Names in one list share their sort: in "Gérard Oury, Bourvil et Louis de
/// Funès" the lone capitalized word is a person; in "Rodez, Albi et
/// Toulouse" the unknown towns are places. A weak name ("Bourvil") next to
/// a comma, "et" or "ou" and a name of a known sort takes that sort.
fn coordinate(ents: &mut [Mention], toks: &[Token]) {
    // A comma, "et" or "ou", and the article or preposition of the list
    // said again: "l'Elbrouz, le Cervin et le mont Blanc", "les îles de
    // Sumbawa, de Rinca et de Komodo".
    // The word said again is of the kind that stands before the member
    // before: "François Martin, de Neuville" names where he is from.
    let kinds = |k: Option<usize>| match k.map(|k| toks[k].norm.as_str()) {
        Some("le" | "la" | "les" | "l'") => 1,
        Some("de" | "d'") => 2,
        Some("du" | "des") => 3,
        Some("au" | "aux") => 5,
        Some("a" | "en" | "dans") => 4,
        _ => 0,
    };
    let joins = |p: &Mention, n: &Mention| {
        let (a, b) = (p.b, n.a);
        toks.get(a).is_some_and(|t| matches!(t.norm.as_str(), "," | "et" | "ou"))
            && b > a
            && b - a <= 3
            && toks[a + 1..b].iter().all(|t| LIST_REPEATS.contains(&t.norm.as_str()))
            && (b == a + 1 || kinds(Some(b - 1)) & kinds(p.a.checked_sub(1)) != 0)
    };
    // Three times, so that a sort crosses unknown names in a row.
    for _ in 0..3 {
        for x in 0..ents.len() {
            let m = &ents[x];
            if !matches!(m.target, Ref::Person { strong: false, .. }) || m.alt.is_some() {
                continue;
            }
            let before = x.checked_sub(1).filter(|&p| joins(&ents[p], m));
            let after = Some(x + 1).filter(|&n| n < ents.len() && joins(m, &ents[n]));
            // Words of the language stay things ("l'Assemblée et le Sénat").
            let plain = toks[m.a..m.b].iter().all(|t| common_word(t) || t.kind != TokKind::Word);
            // People take no article, and a person's "de X" is where they
            // are from: only a bare list makes a person of a name; nor does
            // a list make a place or a body of words of the language ("du
            // Conseil de sécurité et la Charte").
            let bare = |p: usize, n: usize| ents[p].b + 1 == ents[n].a;
            let sort_by = |p: usize, n: usize, other: usize| {
                sort_of(&ents[other]).filter(|&s| if s == Sort::Person { bare(p, n) } else { !plain })
            };
            let Some(sort) = before.and_then(|p| sort_by(p, x, p)).or_else(|| after.and_then(|n| sort_by(x, n, n)))
            else {
                continue;
            };
            // A surname of someone named elsewhere stays that person: the
            // sort of the list is only the fallback.
            let m = &mut ents[x];
            let Ref::Person { name, .. } = &m.target else { continue };
            match sort {
                Sort::Person if plain => continue,
                Sort::Person => m.target = Ref::Person { name: name.clone(), strong: true },
                Sort::Place => {
                    m.alt = Some(Box::new(place_by_surface(&m.surface)));
                }
                Sort::Org => m.alt = Some(Box::new(org_ref_by_surface(&m.surface))),
            }
            m.rule = "coordinated";
        }
    }
}

/// What a list says again before each of its members: articles and the
/// prepositions of places.
const LIST_REPEATS: &[&str] = &["le", "la", "les", "l'", "de", "d'", "du", "des", "au", "aux", "a", "en", "dans"];

/// A lone capitalized word that the lexicon knows as a place or a company
/// may also be a surname ("Lincoln", "Florence", "Michelin"): keep it as a
/// weak person, with the place as fallback, and let corpus-level resolution
/// decide.
fn person_or_place(lx: &Lexicon, toks: &[Token], mut m: Mention) -> Mention {
    // French names of people take no article: "le Maine", "du Montana" are places.
    let article = after_article(toks, m.a);
    // A region, a sea or a continent is no surname.
    let city = !matches!(m.rule, "name/place")
        || lx.names.matches_at(toks, m.a).iter().any(|h| match *h.value {
            Named::Place(p) => lx.places[p as usize].kind == "city",
            _ => false,
        });
    if m.b - m.a == 1
        && !article
        && city
        && matches!(m.rule, "name/place" | "name/company")
        && name_word(lx, &toks[m.a])
    {
        let strong = person_context_before(lx, toks, m.a);
        m.alt = Some(Box::new(std::mem::replace(
            &mut m.target,
            Ref::Person { name: vec![toks[m.a].text.to_string()], strong },
        )));
    }
    m
}

/// "la Ligue nationale de hockey", "le Parti socialiste": a capitalized
/// organization head, then lowercase adjectives and complements (with
/// capitalized names inside), up to a verb, a punctuation mark or a
/// function word. The name is its own node.
fn named_org_at(lx: &Lexicon, text: &str, sent: usize, toks: &[Token], i: usize) -> Option<Mention> {
    let head = &toks[i];
    if !head.is_cap()
        || !ORG_HEADS.contains(&head.norm.as_str())
        || i == 0 && toks.len() > 1 && !toks[1].is_cap() && lx.lemma(&toks[1].norm).is_some()
    {
        return None;
    }
    // The lexicon knows its organizations better ("Conseil de sécurité de l'ONU").
    if !lx.names.matches_at(toks, i).is_empty() {
        return None;
    }
    // "la Ligue des champions", "la Ligue Europa" are competitions.
    let next = |k: usize| toks.get(k).map_or("", |t| t.norm.as_str());
    if head.norm == "ligue" && (matches!(next(i + 1), "europa" | "conference") || next(i + 2) == "champions") {
        return None;
    }
    let mut j = i + 1;
    let mut end = i + 1;
    while j < toks.len() && j - i < 8 {
        let t = &toks[j];
        let n = t.norm.as_str();
        if t.kind != TokKind::Word {
            break;
        }
        if matches!(n, "de" | "du" | "des" | "d'" | "pour" | "et") {
            // A complement continues the name only if a name word follows.
            let mut k = j + 1;
            while k < toks.len() && matches!(toks[k].norm.as_str(), "la" | "l'" | "le" | "les") {
                k += 1;
            }
            // After "et" or "pour", only a capitalized word or, after "et",
            // an adjective: "le Parti des Croix fléchées et la chute" ends
            // before "et", "le Parti nationaliste français et européen" not.
            if k < toks.len()
                && toks[k].kind == TokKind::Word
                && !is_function_word(&toks[k])
                && lx.lemma(&toks[k].norm).is_none()
                && (toks[k].is_cap() || !matches!(n, "pour" | "et") || n == "et" && k == j + 1 && adjective(&toks[k]))
                && (toks[k].is_cap() || !not_of_a_name(&toks[k]))
            {
                j = k;
                continue;
            }
            break;
        }
        // A lowercase word that is no noun or adjective ("derrière"), or a
        // person's full name after the body's ("du Parti X Jean Martin").
        let person = t.is_cap() && lx.given_name(&t.norm).is_some() && name_run(lx, toks, j) > j + 1;
        // A lowercase word before an article opens a phrase of its own
        // ("derrière le", "contre la").
        let complement = matches!(toks[j - 1].norm.as_str(), "de" | "du" | "des" | "d'" | "la" | "l'" | "le" | "les");
        let opens = !t.is_cap()
            && !complement
            && !adjective(t)
            && toks.get(j + 1).is_some_and(|a| {
                matches!(a.norm.as_str(), "le" | "la" | "les" | "l'" | "un" | "une" | "son" | "sa" | "ses" | "leur")
            });
        if is_function_word(t)
            || lx.lemma(&t.norm).is_some() && !t.is_cap()
            || !t.is_cap() && not_of_a_name(t)
            || person
            || opens
        {
            break;
        }
        j += 1;
        end = j;
    }
    // The head alone ("le Conseil") is too vague to be a node.
    if end == i + 1 {
        return None;
    }
    let mut m = org_by_surface(text, sent, toks, i, end, None, "org/named-head");
    if let (Some(c), Ref::Org { parent, .. }) = (state_of_body(lx, toks, i, end), &mut m.target) {
        *parent = Some(node_id(NodeKind::Country, &lx.countries[c as usize].label));
    }
    Some(m)
}

/// A lowercase word the morphology reads only as a verb, an adverb or a
/// preposition, or not at all with an accent missing ("entraine"): no word
/// of a body's name.
fn not_of_a_name(t: &Token) -> bool {
    use crate::syntax::Upos;
    let morph = crate::lexicon::morph::Morph::builtin();
    let mut any = false;
    for a in morph.lookup_word(&t.text) {
        any = true;
        if matches!(a.upos, Upos::Noun | Upos::Adj | Upos::Propn | Upos::Num) {
            return false;
        }
    }
    any
}

/// Whether the morphology reads a word as an adjective.
fn adjective(t: &Token) -> bool {
    crate::lexicon::morph::Morph::builtin().lookup_word(&t.text).any(|a| a.upos == crate::syntax::Upos::Adj)
}

/// Heads of bodies that a state's name after them makes that state's
/// ("la Cour suprême du Ghana", "la Commission électorale du Niger"); a
/// bank only as the central or national one ("la Banque centrale du Kenya").
const STATE_BODY_HEADS: &[&str] =
    &["agence", "assemblee", "chambre", "commission", "conseil", "cour", "direction", "office", "tribunal", "senat"];

/// The state a body named by its head `i..end` belongs to: its name ends
/// with "de", "du" or "d'" and a state's name.
fn state_of_body(lx: &Lexicon, toks: &[Token], i: usize, end: usize) -> Option<u32> {
    let head = toks[i].norm.as_str();
    let bank = head == "banque" && toks.get(i + 1).is_some_and(|t| matches!(t.norm.as_str(), "centrale" | "nationale"));
    if !bank && !STATE_BODY_HEADS.contains(&head) {
        return None;
    }
    (i + 2..end).find_map(|k| {
        let de = matches!(toks[k - 1].norm.as_str(), "de" | "du" | "d'")
            || matches!(toks[k - 1].norm.as_str(), "la" | "l'") && toks[k - 2].norm == "de";
        if !de {
            return None;
        }
        lx.names.matches_at(toks, k).iter().find_map(|h| match h.value {
            Named::Country(c) if k + h.len == end => Some(*c),
            _ => None,
        })
    })
}

/// "le mont Blanc", "les îles Caïmans", "l'arrondissement de Görlitz": a
/// lowercase place noun and a capitalized name the lexicon does not know
/// (a known one is read by `place_phrase_at` as the place itself).
fn geo_at(lx: &Lexicon, text: &str, sent: usize, toks: &[Token], i: usize) -> Option<Mention> {
    let head = &toks[i];
    // "côté" (side) folds like "côte" (coast).
    // "le point de passage de X", "la base d'X", "le poste-frontière de
    // X", "dans le camp de X": the place X where the crossing, the base or
    // the camp stands (a camp only after a locative: "le camp de X" alone is
    // also a political side).
    let site = match head.norm.as_str() {
        "passage" => i >= 2 && toks[i - 1].norm == "de" && toks[i - 2].norm == "point",
        "camp" | "camps" => i >= 2 && LOCATIVE.contains(&toks[i - 2].norm.as_str()) && after_article(toks, i),
        "base" | "bases" | "poste-frontiere" | "checkpoint" => after_article(toks, i),
        _ => false,
    };
    if head.is_cap()
        || !(site || GEO_HEADS.contains(&head.norm.as_str()))
        || head.norm == "cote" && head.text.ends_with("té")
    {
        return None;
    }
    let mut k = i + 1;
    // "l'île japonaise de Yonaguni": a demonym may stand between; the
    // place is then named by its name alone.
    let demonym = demonym_at(lx, toks, k).is_some() && connector_len(toks, k + 1) > 0;
    if demonym {
        k += 1;
    }
    let c = connector_len(toks, k);
    if c > 0 && !matches!(toks[k].norm.as_str(), "a" | "au" | "aux") {
        k += c;
    }
    let start = k;
    // "la place de Louis Martin" is his place, not a square, and "au stade
    // Ekaterina X" (at the stage) no stadium.
    let person_after =
        lx.given_name(&toks[start.min(toks.len() - 1)].norm).is_some() && name_run(lx, toks, start) > start + 1;
    if person_after && (c > 0 || matches!(head.norm.as_str(), "stade" | "place")) {
        return None;
    }
    while k < toks.len()
        && k - start < 4
        && toks[k].is_cap()
        && !is_function_word(&toks[k])
        && !strong_name_at(lx, toks, k)
    {
        k += 1;
    }
    // "le port USB" is a socket.
    if head.norm == "port" && toks[start..k].iter().any(|t| is_all_caps(&t.text)) {
        return None;
    }
    // "le lac Tchad", "le mont Everest": the noun joins a name the lexicon
    // knows as something else into the name of a natural place; "l'océan
    // Atlantique" is the known place itself, written in full.
    // "le golfe de X", "l'arrondissement de X": a thing named after the
    // known place X, with its noun.
    if let Some(hit) = lx.names.matches_at(toks, start).into_iter().next() {
        let after = c > 0 && !demonym && NAMED_AFTER_PLACE.contains(&head.norm.as_str());
        if after {
            let b = start + hit.len;
            let (span, s) = surface(text, toks, i, b);
            let target = place_by_surface(&s);
            return Some(proper_mention(sent, i, b, span, s, target, "place/named-after-place"));
        }
        // "le fleuve X" is the known river X itself.
        if c > 0 || !NATURAL_HEADS.contains(&head.norm.as_str()) || RIVER_HEADS.contains(&head.norm.as_str()) {
            return None;
        }
        let b = start + hit.len;
        let (span, s) = surface(text, toks, i, b);
        let target = match *hit.value {
            Named::Place(p) if lx.places[p as usize].kind != "city" => place_ref(lx, p),
            _ => place_by_surface(&s),
        };
        return Some(proper_mention(sent, i, b, span, s, target, "place/geo-head"));
    }
    if k == start {
        return None;
    }
    // "la commune de Bar-sur-Seine" is Bar-sur-Seine itself.
    // "la commune de X", "l'île de X", "le fleuve X" are X itself.
    let same = SETTLEMENTS.contains(&head.norm.as_str())
        || SAME_AS_NAME.contains(&head.norm.as_str())
        || HEADS_OUTSIDE_NAME.contains(&head.norm.as_str());
    let river = c == 0 && RIVER_HEADS.contains(&head.norm.as_str());
    let a = if c > 0 && (demonym || site || same) || river { start } else { i };
    let (span, s) = surface(text, toks, a, k);
    let target = place_by_surface(&s);
    Some(Mention { sent, a, b: k, span, surface: s, target, proper: true, rule: "place/geo-head", alt: None })
}

/// "TV Trelvane", "Quennec TV": "TV" written beside capitalized words
/// makes the name of a television channel, a body.
fn channel_at(text: &str, sent: usize, toks: &[Token], i: usize) -> Option<Mention> {
    let word = |k: usize| {
        toks.get(k).is_some_and(|t| t.kind == TokKind::Word && t.is_cap() && !is_function_word(t) && t.text != "TV")
    };
    let end = if toks[i].text == "TV" {
        let mut e = i + 1;
        while e < i + 3 && word(e) {
            e += 1;
        }
        e
    } else {
        let mut e = i;
        while e < i + 2 && word(e) {
            e += 1;
        }
        if e == i || toks.get(e).is_none_or(|t| t.text != "TV") {
            return None;
        }
        e + 1
    };
    if end <= i + 1 {
        return None;
    }
    Some(org_by_surface(text, sent, toks, i, end, None, "org/channel"))
}

/// Heads of a land's relief or basin that French capitalizes when an
/// adjective makes the name, folded: "le Bassin oriental", "le Plateau
/// central".
const RELIEF_HEADS: &[&str] = &["bassin", "massif", "plateau", "plaine", "plaines", "seuil"];

/// "le Bassin oriental", "le Plateau central": a capitalized relief head
/// after an article, then a lowercase adjective: a place, both words.
fn named_relief_at(lx: &Lexicon, text: &str, sent: usize, toks: &[Token], i: usize) -> Option<Mention> {
    let (head, adj) = (&toks[i], toks.get(i + 1)?);
    if !head.is_cap()
        || !after_article(toks, i)
        || !RELIEF_HEADS.contains(&head.norm.as_str())
        || adj.kind != TokKind::Word
        || adj.is_cap()
        || is_function_word(adj)
        || !(adjective(adj) || demonym_at(lx, toks, i + 1).is_some())
        || !lx.names.matches_at(toks, i).is_empty()
    {
        return None;
    }
    let (span, s) = surface(text, toks, i, i + 2);
    let target = place_by_surface(&s);
    Some(proper_mention(sent, i, i + 2, span, s, target, "place/relief"))
}

/// "à Pornichet", "en Poitou": a capitalized name the lexicon does not know,
/// after a locative preposition, is a place, unless it names a person read
/// elsewhere (it is kept as a weak person with the place as fallback).
fn locative_place_at(lx: &Lexicon, text: &str, sent: usize, toks: &[Token], i: usize) -> Option<Mention> {
    if i == 0 || !matches!(toks[i - 1].norm.as_str(), "a" | "en") || !name_word(lx, &toks[i]) {
        return None;
    }
    // "a" is also the verb avoir: "Durand a Paris en tête" is rare, but
    // "X a Y" with Y a name is not a place; accept only the accented "à".
    if toks[i - 1].norm == "a" && toks[i - 1].text != "à" && toks[i - 1].text != "À" {
        return None;
    }
    let opener = PLACE_NAME_OPENERS.contains(&toks[i].text.as_str());
    if !opener && (lx.given_name(&toks[i].norm).is_some() || !lx.names.matches_at(toks, i).is_empty()) {
        return None;
    }
    let mut k = i + 1;
    while k < toks.len() && k - i < 3 && name_word(lx, &toks[k]) && !strong_name_at(lx, toks, k) {
        k += 1;
    }
    // "la foi en Dieu": one frequent word of the language, capitalized, is
    // no place the lexicon does not know.
    if k == i + 1 && !opener && common_word_of(&toks[i], 90) {
        return None;
    }
    // "à Audi Q7": a name with a digit is a thing.
    if toks[i..k].iter().any(|t| t.text.chars().any(|c| c.is_ascii_digit())) {
        return None;
    }
    let (span, s) = surface(text, toks, i, k);
    let place = place_by_surface(&s);
    let name = toks[i..k].iter().map(|t| t.text.to_string()).collect();
    // Two unknown words after "à" are a person when the verb addresses
    // someone ("a succédé à Hamadi Jebali") or an apposition says so ("à
    // Hamadi Jebali, élu hier"); else a place, unless a person of that name
    // is read elsewhere ("réunis à Borgo Egnazia").
    let two_words =
        k - i >= 2 && !opener && (dative_a(lx, toks, i - 1) || apposition_after(lx, toks, k) == Some(Sort::Person));
    Some(Mention {
        sent,
        a: i,
        b: k,
        span,
        surface: s,
        target: Ref::Person { name, strong: two_words },
        proper: true,
        rule: "place/after-locative",
        // "face à X", "grâce à X": no place, whatever the words.
        alt: (!two_words && !complex_preposition_a(toks, i - 1)).then(|| Box::new(place)),
    })
}

/// Words that open the names of places: "San Diego", "Port Moresby".
const PLACE_NAME_OPENERS: &[&str] = &[
    "San", "Santa", "Santo", "São", "Sao", "Saint", "Sainte", "St", "Port", "Porto", "Puerto", "El", "Los", "Las",
    "New", "Fort", "Mont", "Ciudad", "Rio", "Río", "Villa", "Bad", "Sankt", "Novo", "Nova", "Nueva", "Nuevo", "Le",
    "La", "Les", "Al", "Ras", "Tel", "Bandar", "Kota", "Kuala", "Ho", "Ban", "Lake", "Mount", "Cape", "North", "South",
    "East", "West", "Upper", "Lower", "Great", "Little",
];

/// A word that can be part of the name of a club or a firm named after its
/// place: capitalized, no French verb, function word, demonym, title or
/// place noun, and no name the lexicon knows.
fn club_word(lx: &Lexicon, toks: &[Token], k: usize) -> bool {
    let t = &toks[k];
    let n = t.norm.as_str();
    t.kind == TokKind::Word
        && t.is_cap()
        && !is_function_word(t)
        // A capitalized verb form inside a sentence is a name ("les Mets").
        && (k > 0 && toks[k - 1].kind == TokKind::Word || lx.lemma(n).is_none())
        && lx.demonym(n).is_none()
        && ![&HONORIFICS, &CIVILITIES, &ORG_HEADS, &GEO_HEADS, &PLACE_HEADS, &PLACE_NOUNS, &EVENT_OR_BUILDING_HEADS]
            .iter()
            .any(|list| list.contains(&n))
        && lx.names.matches_at(toks, k).is_empty()
}

/// Clubs and firms named after their place: "les Maple Leafs de Toronto",
/// "le Lightning de Tampa Bay" (capitalized words after an article, then
/// "de" and a known place), "le FC Nantes", "Silkeborg IF", "l'Olympique de
/// Marseille", "le Dinamo Zagreb" (a club mark or head and a name).
fn team_at(lx: &Lexicon, text: &str, sent: usize, toks: &[Token], i: usize) -> Option<Mention> {
    let t = &toks[i];
    let name_after = |k: usize| {
        let mut e = k;
        while e < toks.len() && e - k < 3 && toks[e].is_cap() && !is_function_word(&toks[e]) && toks[e].norm.len() > 1 {
            e += 1;
        }
        e
    };
    // "FC Nantes", "VfB Stuttgart"; "Real Madrid", "Dinamo Zagreb".
    if CLUB_MARKS.contains(&t.text.as_str()) || t.is_cap() && CLUB_HEADS.contains(&t.norm.as_str()) {
        let mut k = i + 1;
        if CLUB_HEADS.contains(&t.norm.as_str()) {
            k += connector_len(toks, k);
        }
        let end = name_after(k);
        if end > k {
            return Some(org_by_surface(text, sent, toks, i, end, None, "org/club"));
        }
        return None;
    }
    // "Silkeborg IF", "Troyes AC": a name, even a place's, then the mark.
    let mark = (i + 1..name_after(i) + 1).find(|&k| toks.get(k).is_some_and(|m| CLUB_MARKS.contains(&m.text.as_str())));
    if let Some(k) = mark.filter(|&k| k > i && t.is_cap()) {
        // "Tarvel Foot 38": the number of the department after the mark.
        let b =
            if toks.get(k + 1).is_some_and(|n| n.kind == TokKind::Number && n.text.len() <= 3) { k + 2 } else { k + 1 };
        return Some(org_by_surface(text, sent, toks, i, b, None, "org/club"));
    }
    // "le Stade de Tarvel": a club named "Stade" and its town (a stadium
    // is named after a land or a person: "Stade de France").
    if t.text == "Stade" && toks.get(i + 1).is_some_and(|n| n.norm == "de" || n.norm == "d'") {
        if let Some(end) = city_at(lx, toks, i + 2) {
            return Some(org_by_surface(text, sent, toks, i, end, None, "org/club"));
        }
    }
    let article = after_article(toks, i);
    // "le Bavière Tarvel", "le FCV Tarvel" (Tarvel a city): after an
    // article, one word the lexicon knows as a place, or an acronym, right
    // before a city: French sets two places side by side only in a club's
    // name.
    if article && t.is_cap() && !is_function_word(t) {
        let place_word = lx.names.matches_at(toks, i).iter().any(|h| h.len == 1 && matches!(h.value, Named::Place(_)));
        let acronym = (2..=5).contains(&t.text.chars().count()) && is_all_caps(&t.text);
        if (place_word || acronym) && lx.given_name(&t.norm).is_none() {
            if let Some(end) = city_at(lx, toks, i + 1) {
                return Some(org_by_surface(text, sent, toks, i, end, None, "org/club"));
            }
        }
    }
    let mut k = i;
    while k < toks.len() && k - i < 3 && club_word(lx, toks, k) {
        k += 1;
    }
    if k == i {
        return None;
    }
    // "le Feyenoord Rotterdam", "au Benfica Lisbonne": after an article (a
    // person takes none), a name that is no given name, then a city.
    if article && toks[i..k].iter().all(|t| lx.given_name(&t.norm).is_none()) {
        if let Some(end) = city_at(lx, toks, k) {
            return Some(org_by_surface(text, sent, toks, i, end, None, "org/club"));
        }
    }
    if !article || !toks.get(k).is_some_and(|t| matches!(t.norm.as_str(), "de" | "d'" | "du")) {
        return None;
    }
    let mut p = k + 1;
    if toks[k].norm != "du" && toks.get(p).is_some_and(|t| matches!(t.norm.as_str(), "la" | "l'")) {
        p += 1;
    }
    let hit = lx.names.matches_at(toks, p).into_iter().find(|h| matches!(h.value, Named::Place(_) | Named::Capital(_)));
    let Some(hit) = hit else {
        // "les Faucons de l'Ontario", "les Comètes de Tarvel":
        // a plural that is no word of the language names a team, whatever
        // the place after it.
        let plural = toks[k - 1].text.ends_with('s') && !common_word(&toks[k - 1]) && toks[k - 1].text.len() > 3;
        let state = lx.names.matches_at(toks, p).iter().any(|h| matches!(h.value, Named::Country(_)))
            || DIRECTIONS.contains(&toks[p].norm.as_str());
        let end = name_after(p);
        if !plural || state || end == p {
            return None;
        }
        return Some(org_by_surface(text, sent, toks, i, end, None, "org/team-of-city"));
    };
    // "de Tampa Bay": the place as the team writes it may run on.
    let end = name_after(p + hit.len).min(p + hit.len + 2);
    Some(org_by_surface(text, sent, toks, i, end, None, "org/team-of-city"))
}

/// The end of a city's name at `k` that no capitalized word follows (the
/// city of a club named "Feyenoord Rotterdam").
fn city_at(lx: &Lexicon, toks: &[Token], k: usize) -> Option<usize> {
    if toks.get(k).is_none_or(|t| is_all_caps(&t.text)) {
        return None;
    }
    let city = lx.names.matches_at(toks, k).into_iter().find(|h| match *h.value {
        Named::Place(p) => lx.places[p as usize].kind == "city",
        Named::Capital(_) => true,
        _ => false,
    })?;
    let end = k + city.len;
    (!toks.get(end).is_some_and(|t| t.is_cap())).then_some(end)
}

/// The name right after a common noun of organizations, possibly past a
/// demonym or a "de" complement in lowercase: "le groupe Metallica", "la
/// société Veolia", "le groupe de rock britannique Deep Purple". Only the
/// name is the mention; a name the lexicon knows keeps its own reading.
fn org_after_noun_at(lx: &Lexicon, text: &str, sent: usize, toks: &[Token], i: usize) -> Option<Mention> {
    let mut k = i;
    // Back over a demonym and a lowercase "de" complement: "de rock britannique".
    let demonym = k.checked_sub(1).and_then(|p| demonym_at(lx, toks, p));
    if demonym.is_some() {
        k -= 1;
    }
    // An adjective of the state before it: "l'agence officielle vietnamienne
    // VNA" is a body of that state.
    let official = k > 1 && OFFICIAL_ADJECTIVES.contains(&toks[k - 1].norm.as_str());
    if official {
        k -= 1;
    }
    // Back over a few lowercase words of its kind, no verb: "le groupe
    // rock X", "le groupe de rock progressif X", "de jazz manouche".
    let kind_word = |t: &Token| {
        use crate::syntax::Upos;
        let readings = || crate::lexicon::morph::Morph::builtin().lookup_word(&t.text);
        // ("la maison ci-devant X": an adverb.)
        t.kind == TokKind::Word
            && !t.is_cap()
            && !is_function_word(t)
            && lx.lemma(&t.norm).is_none()
            && !readings().any(|a| matches!(a.upos, Upos::Adv | Upos::Verb))
            && (!t.text.contains('-') || readings().any(|a| matches!(a.upos, Upos::Noun | Upos::Adj)))
    };
    if let Some(j) = (1..=4).find(|&j| {
        k > j
            && ORG_NOUNS.contains(&toks[k - 1 - j].norm.as_str())
            && toks[k - j..k]
                .iter()
                .enumerate()
                .all(|(n, t)| kind_word(t) || n == 0 && j > 1 && matches!(t.norm.as_str(), "de" | "d'"))
    }) {
        k -= j;
    }
    // A name given in quotes: "le mouvement « Front de libération de l'Azawad »".
    let quoted = k >= 2 && is_open_quote(&toks[k - 1]);
    if quoted {
        k -= 1;
    }
    let noun = k.checked_sub(1).map(|p| &toks[p])?;
    if noun.is_cap() || !ORG_NOUNS.contains(&noun.norm.as_str()) {
        return None;
    }
    // In quotes, a movement's or a group's name, not a work's ("l'album « X »").
    if quoted && !QUOTED_ORG_NOUNS.contains(&noun.norm.as_str()) {
        return None;
    }
    if quoted {
        let close = (i + 1..toks.len().min(i + 12)).find(|&c| is_close_quote(&toks[c]))?;
        if !toks[i].is_cap() || toks[i..close].iter().any(|t| t.kind == TokKind::Punct && t.text != "-") {
            return None;
        }
        return Some(org_by_surface(text, sent, toks, i, close, None, "org/quoted-after-noun"));
    }
    let t = &toks[i];
    if t.kind != TokKind::Word || !t.is_cap() || is_function_word(t) && t.text != "The" {
        return None;
    }
    if !lx.names.matches_at(toks, i).is_empty() {
        return None;
    }
    let mut end = i + 1;
    // English names join their words with "and", "of", "the", "&":
    // "le groupe Gerald and the Trelvanes".
    let joined = |k: usize| {
        matches!(toks[k].text.as_str(), "and" | "of" | "the" | "&")
            && toks.get(k + 1).is_some_and(|n| n.is_cap() || matches!(n.text.as_str(), "the"))
    };
    while end < toks.len()
        && end - i < 5
        && (toks[end].is_cap() && !is_function_word(&toks[end])
            || toks[end].text.chars().all(|c| c.is_ascii_digit()) && !toks[end].text.is_empty()
            || joined(end))
    {
        end += 1;
    }
    // A given name opens a person's name ("le groupe de Jean Martin"),
    // not a name of three words or joined in English ("l'équipe Aston
    // Quennec Racing", "le groupe Gerald and the Trelvanes").
    let english = toks[i..end].iter().any(|t| matches!(t.text.as_str(), "and" | "of" | "the" | "&"))
        || EN_ORG_HEADS.contains(&toks[end - 1].text.as_str());
    if lx.given_name(&t.norm).is_some() && !(english || end - i >= 3) {
        return None;
    }
    let mut m = org_by_surface(text, sent, toks, i, end, None, "org/after-noun");
    if let (true, Some(c), Ref::Org { parent, .. }) = (official, demonym, &mut m.target) {
        *parent = Some(node_id(NodeKind::Country, &lx.countries[c as usize].label));
    }
    Some(m)
}

/// Adjectives that make a body its state's, folded: "l'agence officielle
/// vietnamienne", "la télévision publique sud-coréenne".
const OFFICIAL_ADJECTIVES: &[&str] = &[
    "officielle",
    "officiel",
    "officielles",
    "officiels",
    "publique",
    "public",
    "gouvernementale",
    "gouvernemental",
    "etatique",
    "nationale",
    "national",
];

/// Nouns of `ORG_NOUNS` whose name may be given in quotes: movements,
/// parties, armed groups, associations (not media, labels or studios,
/// whose quoted names are often works).
const QUOTED_ORG_NOUNS: &[&str] = &[
    "mouvement",
    "parti",
    "groupe",
    "milice",
    "coalition",
    "organisation",
    "association",
    "syndicat",
    "formation",
    "brigade",
    "unite",
    "bataillon",
    "commando",
    "reseau",
    "fondation",
    "ong",
];

/// Whether a token opens a quotation: « or a straight or curly double quote.
fn is_open_quote(t: &Token) -> bool {
    matches!(t.text.as_str(), "«" | "\"" | "“")
}

/// Whether a token closes a quotation.
fn is_close_quote(t: &Token) -> bool {
    matches!(t.text.as_str(), "»" | "\"" | "”")
}

/// An acronym the lexicon does not know, after an article, in a sentence
/// not written in capitals: an organization ("le PCF", "l'UEFA", "la KHL").
/// French gives articles to organizations' acronyms, not to people's.
fn acronym_at(lx: &Lexicon, text: &str, sent: usize, toks: &[Token], i: usize) -> Option<Mention> {
    let t = &toks[i];
    let n = t.text.chars().count();
    if t.kind != TokKind::Word
        || !(2..=6).contains(&n)
        || !t.text.chars().all(|c| c.is_uppercase())
        || is_regnal_number(&t.text)
        || COMMON_ACRONYMS.contains(&t.text.as_str())
        || i == 0
        || !(after_article(toks, i) || party_after_name(toks, i))
        || !lx.names.matches_at(toks, i).is_empty()
    {
        return None;
    }
    // A headline or a caption in capitals proves nothing.
    let caps = toks.iter().filter(|t| t.kind == TokKind::Word && is_all_caps(&t.text)).count();
    let words = toks.iter().filter(|t| t.kind == TokKind::Word).count();
    if caps * 3 > words {
        return None;
    }
    Some(org_by_surface(text, sent, toks, i, i + 1, None, "org/acronym"))
}

/// "Jeanne Martin (PRD)": an acronym alone in parentheses right after a
/// capitalized name is the party or the body of that person.
fn party_after_name(toks: &[Token], i: usize) -> bool {
    i >= 2
        && toks[i - 1].text == "("
        && toks.get(i + 1).is_some_and(|t| t.text == ")")
        && toks[i - 2].is_cap()
        && !is_all_caps(&toks[i - 2].text)
        && !is_function_word(&toks[i - 2])
}

/// A national team: "l'équipe de France de football", "l'équipe d'Écosse
/// espoirs de football", "la sélection du Canada".
fn national_team_at(lx: &Lexicon, text: &str, sent: usize, toks: &[Token], i: usize) -> Option<Mention> {
    if !matches!(toks[i].norm.as_str(), "equipe" | "selection") || toks[i].is_cap() {
        return None;
    }
    let c = connector_len(toks, i + 1);
    if c == 0 {
        return None;
    }
    let k = i + 1 + c;
    // A state, or a nation that fields its own team (Écosse, Pays de Galles).
    let hit = lx.names.matches_at(toks, k).into_iter().find(|h| match *h.value {
        Named::Country(_) => true,
        Named::Place(p) => lx.places[p as usize].kind == "region",
        _ => false,
    })?;
    let mut end = k + hit.len;
    while toks.get(end).is_some_and(|t| {
        matches!(t.norm.as_str(), "espoirs" | "feminine" | "masculine" | "olympique" | "nationale" | "militaire")
    }) {
        end += 1;
    }
    // "de football", "de rugby à XV".
    if toks.get(end).is_some_and(|t| matches!(t.norm.as_str(), "de" | "d'"))
        && toks.get(end + 1).is_some_and(|t| t.kind == TokKind::Word && !t.is_cap() && !is_function_word(t))
    {
        end += 2;
    }
    Some(org_by_surface(text, sent, toks, i, end, None, "org/national-team"))
}

/// English names of organizations and places by their last word, in any
/// text: "la Royal Air Force", "le British Museum", "Habitat for Humanity
/// International". Capitalized words, with "of", "for", "and", "the", "&"
/// between them, up to the last head word.
fn english_name_at(lx: &Lexicon, text: &str, sent: usize, toks: &[Token], i: usize) -> Option<Mention> {
    let cap_word = |t: &Token| t.kind == TokKind::Word && t.is_cap() && !is_function_word(t);
    if !cap_word(&toks[i]) {
        return None;
    }
    let mut k = i;
    let mut last: Option<(usize, bool)> = None;
    while k < toks.len() && k - i < 7 {
        let t = &toks[k];
        if cap_word(t) || t.text.chars().all(|c| c.is_ascii_digit()) && k > i {
            if EN_ORG_HEADS.contains(&t.text.as_str()) {
                last = Some((k, true));
            } else if EN_PLACE_HEADS.contains(&t.text.as_str()) {
                last = Some((k, false));
            }
            k += 1;
        } else if k > i
            && matches!(t.text.as_str(), "of" | "for" | "and" | "the" | "&" | "on")
            && toks.get(k + 1).is_some_and(cap_word)
        {
            k += 1;
        } else {
            break;
        }
    }
    // "University of Trelonne", "Bank of Carvagne": the head may open the
    // name when "of" follows it.
    let of_after = |h: usize| h + 2 < k && toks[h + 1].text == "of";
    let (h, org) = last.filter(|&(h, _)| h > i || of_after(h))?;
    // A name the lexicon knows in full is read as such.
    if lx.names.matches_at(toks, i).iter().any(|m| i + m.len > h) {
        return None;
    }
    // The "of" part after the head is the name's: "Royal Institute of
    // Quennec Arts", "Trelonne College of Arts".
    let end = if of_after(h) { k } else { h + 1 };
    if org {
        return Some(org_by_surface(text, sent, toks, i, end, None, "org/english-head"));
    }
    let h = end - 1;
    let (span, s) = surface(text, toks, i, h + 1);
    let target = place_by_surface(&s);
    Some(Mention {
        sent,
        a: i,
        b: h + 1,
        span,
        surface: s,
        target,
        proper: true,
        rule: "place/english-head",
        alt: None,
    })
}

/// An organization named by its own words (no lexicon entry): its node id
/// is the slug of the surface, its label the surfaces seen.
/// A proper mention of tokens `a..b` with its target and rule.
fn proper_mention(
    sent: usize,
    a: usize,
    b: usize,
    span: Span,
    surface: String,
    target: Ref,
    rule: &'static str,
) -> Mention {
    Mention { sent, a, b, span, surface, target, proper: true, rule, alt: None }
}

fn org_by_surface(
    text: &str,
    sent: usize,
    toks: &[Token],
    i: usize,
    end: usize,
    owner: Option<Vec<String>>,
    rule: &'static str,
) -> Mention {
    let (span, s) = surface(text, toks, i, end);
    let target = Ref::Org {
        id: node_id(NodeKind::Organization, &s),
        label: None,
        parent: None,
        parent_from_lexicon: false,
        owner,
    };
    Mention { sent, a: i, b: end, span, surface: s, target, proper: true, rule, alt: None }
}

/// Nouns for the office of a person: "le bureau de X", "le cabinet de X".
const OFFICES: &[&str] = &["bureau", "cabinet", "entourage", "secretariat", "chancellerie"];

/// "le bureau de Sánchez": an organization, the office of a person named after it.
fn office_at(lx: &Lexicon, text: &str, sent: usize, toks: &[Token], i: usize) -> Option<Mention> {
    if !OFFICES.contains(&toks[i].norm.as_str()) || !matches!(toks.get(i + 1)?.norm.as_str(), "de" | "du") {
        return None;
    }
    let end = name_run(lx, toks, i + 2);
    if end == i + 2 {
        return None;
    }
    let owner = toks[i + 2..end].iter().map(|t| t.text.to_string()).collect();
    Some(org_by_surface(text, sent, toks, i, end, Some(owner), "org/office-of"))
}

/// A state body by pattern: head [demonym] [portfolio] [demonym] [complement].
fn body_at(lx: &Lexicon, text: &str, sent: usize, toks: &[Token], i: usize) -> Option<Mention> {
    let hit = lx.body_forms.matches_at(toks, i).into_iter().next()?;
    let body = &lx.bodies[*hit.value as usize];
    let mut j = i + hit.len;
    let mut country = None;
    if let Some(c) = demonym_at(lx, toks, j) {
        country = Some(c);
        j += 1;
    }
    let mut portfolio = None;
    if body.class == "ministry" {
        let c = connector_len(toks, j);
        let p = lx.portfolio_forms.matches_at(toks, j + c).into_iter().next()?;
        portfolio = Some((*p.value, toks[j..j + c].iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" ")));
        j += c + p.len;
        if country.is_none() {
            if let Some(c) = demonym_at(lx, toks, j) {
                country = Some(c);
                j += 1;
            }
        }
    }
    let mut complement = None;
    if body.complement {
        // "le Parlement de Tobrouk", "le Conseil suprême de la République de
        // Carinthie": capitalized words joined by "de", none a state's or a
        // body's name.
        let named = |k: usize| {
            toks.get(k).is_some_and(|t| t.is_cap() && !is_function_word(t))
                && !lx.names.matches_at(toks, k).iter().any(|h| !matches!(h.value, Named::Place(_)))
        };
        let mut words: Vec<String> = Vec::new();
        loop {
            let c = connector_len(toks, j);
            if c == 0 || !named(j + c) {
                break;
            }
            if !words.is_empty() {
                words.extend(toks[j..j + c].iter().map(|t| t.text.to_string()));
            }
            words.push(toks[j + c].text.to_string());
            j += c + 1;
        }
        if !words.is_empty() {
            complement = Some(words.join(" "));
        }
    }
    // "de la Russie", "de Russie", "à Séoul": the state named after the body.
    if country.is_none() {
        if let Some((Ref::Country(c), end)) = complement_at(lx, toks, j) {
            country = Some(c);
            j = end;
        } else if body.class != "embassy" && toks.get(j).is_some_and(|t| t.norm == "a") {
            // ("l'ambassade à Berlin" is an embassy in that state, not its own.)
            if let Some(h) = lx.names.matches_at(toks, j + 1).into_iter().next() {
                if let Named::Capital(c) = *h.value {
                    country = Some(c);
                    j += 1 + h.len;
                }
            }
        }
    }
    // "l'ambassade du Japon au Brésil", "l'ambassade turque en Allemagne":
    // the state it serves in.
    let mut host = None;
    if body.class == "embassy"
        && country.is_some()
        && matches!(toks.get(j).map(|t| t.norm.as_str()), Some("au" | "aux" | "en"))
    {
        if let Some(h) = lx.names.matches_at(toks, j + 1).into_iter().next() {
            if let Named::Country(c) = *h.value {
                host = Some(c);
                j += 1 + h.len;
            }
        }
    }
    let (span, s) = surface(text, toks, i, j);
    if body.class == "state" {
        let c = country?;
        return Some(Mention {
            sent,
            a: i,
            b: j,
            span,
            surface: s,
            target: Ref::Country(c),
            proper: false,
            rule: "body/state",
            alt: None,
        });
    }
    // "la diplomatie russe" is the foreign ministry of that state.
    let (head, portfolio) = match (body.class.as_str(), portfolio) {
        ("ministry_foreign", _) => {
            let p = lx.portfolios.iter().position(|p| p == "Affaires étrangères")? as u32;
            country?;
            ("ministère".to_string(), Some((p, "des".to_string())))
        }
        (_, p) => (body.label.clone(), p),
    };
    // Without a state, only a ministry with a portfolio is specific enough to be a node.
    let country_id = country.map(|c| node_id(NodeKind::Country, &lx.countries[c as usize].label));
    if country.is_none() && portfolio.is_none() && complement.is_none() {
        return None;
    }
    // A state's intelligence service known by name in the lexicon.
    if body.class == "intelligence" {
        if let Some(c) = country {
            let label = &lx.countries[c as usize].label;
            let known: Vec<u32> = (0..lx.orgs.len() as u32)
                .filter(|&k| lx.orgs[k as usize].kind == "intelligence" && lx.orgs[k as usize].parent == *label)
                .collect();
            if let [k] = known[..] {
                let Ref::Org { id, label, .. } = lexicon_org(lx, k) else { unreachable!() };
                return Some(Mention {
                    sent,
                    a: i,
                    b: j,
                    span,
                    surface: s,
                    target: Ref::Org { id, label, parent: country_id, parent_from_lexicon: false, owner: None },
                    proper: true,
                    rule: "body/intelligence-known",
                    alt: None,
                });
            }
        }
    }
    let mut key = head;
    if let Some((p, conn)) = &portfolio {
        key = format!("{key} {conn} {}", lx.portfolios[*p as usize]);
    }
    if let Some(c) = &complement {
        key = format!("{key} {c}");
    }
    let mut id_words = match country {
        Some(c) => format!("{key} {}", lx.countries[c as usize].label),
        None => key,
    };
    if let Some(h) = host {
        id_words = format!("{id_words} {}", lx.countries[h as usize].label);
    }
    let id = node_id(NodeKind::Organization, &id_words);
    // "l'armée ukrainienne", "la police de Rome" describe a body with common
    // nouns; "le ministère de la Défense" is the ministry's name.
    let rule = if portfolio.is_some() || toks[i].is_cap() { "body/pattern" } else { "body/described" };
    Some(Mention {
        sent,
        a: i,
        b: j,
        span,
        surface: s,
        target: Ref::Org { id, label: None, parent: country_id, parent_from_lexicon: false, owner: None },
        proper: true,
        rule,
        alt: None,
    })
}

/// "la région (russe) de Belgorod", "l'oblast de Belgorod": the place itself.
fn place_phrase_at(lx: &Lexicon, text: &str, sent: usize, toks: &[Token], i: usize) -> Option<Mention> {
    if !PLACE_HEADS.contains(&toks[i].norm.as_str()) || SETTLEMENTS.contains(&toks[i].norm.as_str()) {
        return None;
    }
    let mut j = i + 1;
    let mut country = None;
    if let Some(c) = demonym_at(lx, toks, j) {
        country = Some(c);
        j += 1;
    }
    let c = connector_len(toks, j);
    if c == 0 {
        return None;
    }
    let m = name_at(lx, text, sent, toks, j + c)?;
    let Ref::Place { .. } = m.target else { return None };
    // A phrase the lexicon knows whole is that place ("la région de X" as
    // the region when X is also its city).
    if let Some(whole) = name_at(lx, text, sent, toks, i).filter(|w| w.b >= m.b) {
        if let Ref::Place { .. } = whole.target {
            return Some(Mention { rule: "place/head-de", ..whole });
        }
    }
    // "la région russe de X" is the known "région de X" when there is one.
    if country.is_some() {
        let probe: Vec<Token> = std::iter::once(&toks[i]).chain(&toks[i + 2..m.b]).cloned().collect();
        if let Some(hit) = lx.names.matches_at(&probe, 0).into_iter().find(|h| h.len == probe.len()) {
            if let Named::Place(p) = *hit.value {
                let (span, s) = surface(text, toks, i, m.b);
                return Some(Mention { a: i, span, surface: s, target: place_ref(lx, p), rule: "place/head-de", ..m });
            }
        }
    }
    // "la région de X", "la province de X": X itself, named without the noun.
    // A phrase the lexicon knows whole stays whole, and so does one that
    // names the state ("la région russe de X").
    if country.is_none() && SAME_AS_NAME.contains(&toks[i].norm.as_str()) && lx.names.matches_at(toks, i).is_empty() {
        return Some(Mention { rule: "place/after-head", ..m });
    }
    let (span, s) = surface(text, toks, i, m.b);
    let _ = country;
    Some(Mention { a: i, span, surface: s, rule: "place/head-de", ..m })
}

/// A lexicon name at `i`, with capitals read as the state or the city by context.
fn name_at(lx: &Lexicon, text: &str, sent: usize, toks: &[Token], i: usize) -> Option<Mention> {
    let hits = lx.names.matches_at(toks, i);
    let first = hits.first()?;
    let len = first.len;
    let same: Vec<Named> = hits.iter().filter(|h| h.len == len).map(|h| *h.value).collect();
    let b = i + len;
    // A lone capitalized word at the start of a sentence that is also a
    // French function word ("Car", "Or") is not a name.
    if len == 1 && is_function_word(&toks[i]) && !is_all_caps(&toks[i].text) {
        return None;
    }
    // One-letter names (the network X) only after "sur" or "réseau (social)".
    if len == 1 && toks[i].text.chars().count() == 1 {
        let prev = i.checked_sub(1).map(|p| toks[p].norm.as_str());
        if !matches!(prev, Some("sur" | "reseau" | "social" | "plateforme" | "ligne")) {
            return None;
        }
    }
    let (span, s) = surface(text, toks, i, b);
    let country = same.iter().find_map(|n| if let Named::Country(c) = n { Some(*c) } else { None });
    let capital = same.iter().find_map(|n| if let Named::Capital(c) = n { Some(*c) } else { None });
    let org = same.iter().find_map(|n| if let Named::Org(c) = n { Some(*c) } else { None });
    let place = same.iter().find_map(|n| if let Named::Place(c) = n { Some(*c) } else { None });
    let mk =
        |target, rule| Some(Mention { sent, a: i, b, span, surface: s.clone(), target, proper: true, rule, alt: None });
    if let Some(c) = country {
        // French says "à Grenade" of a city and "à la Grenade" of the state:
        // after a bare "à", a state's name that is also a city's is the city.
        let bare_a = i > 0 && matches!(toks[i - 1].text.as_str(), "à" | "À");
        if let (true, Some(p)) = (bare_a, place) {
            if lx.places[p as usize].kind == "city" {
                return mk(place_ref(lx, p), "name/city-not-state");
            }
        }
        return mk(Ref::Country(c), "name/country");
    }
    if let Some(c) = capital {
        if !capital_is_place(lx, toks, i) {
            // The city stays at hand for the clause layer: what is struck or
            // visited is the city ("a frappé Beyrouth").
            let city = match place {
                Some(p) => place_ref(lx, p),
                None => Ref::Place { id: node_id(NodeKind::Location, &s), label: s.clone(), country: Some(c) },
            };
            return Some(Mention {
                sent,
                a: i,
                b,
                span,
                surface: s.clone(),
                target: Ref::Country(c),
                proper: true,
                rule: "name/capital-actor",
                alt: Some(Box::new(city)),
            });
        }
        let target = match place {
            Some(p) => place_ref(lx, p),
            None => Ref::Place { id: node_id(NodeKind::Location, &s), label: s.clone(), country: Some(c) },
        };
        return mk(target, "name/capital-place");
    }
    if let Some(o) = org {
        let company = lx.orgs[o as usize].kind == "company";
        // "Boeing 737", "Airbus A320", "Nintendo DS": a company's name then a
        // model number or code is one of its products ("Samsung Electronics"
        // stays the company).
        if company
            && toks.get(b).is_some_and(|t| {
                t.text.chars().any(|c| c.is_ascii_digit())
                    || t.kind == TokKind::Word && is_all_caps(&t.text) && t.text.len() <= 4
            })
        {
            return None;
        }
        let rule = if company { "name/company" } else { "name/organization" };
        return mk(lexicon_org(lx, o), rule);
    }
    if let Some(p) = place {
        return mk(place_ref(lx, p), "name/place");
    }
    None
}

pub(crate) fn place_ref(lx: &Lexicon, p: u32) -> Ref {
    let place = &lx.places[p as usize];
    Ref::Place {
        id: node_id(NodeKind::Location, &place.label),
        label: place.label.clone(),
        country: lx.country_named(&place.country),
    }
}

/// Whether a capital at `i` names the city: after a locative preposition, or
/// "de" after a place noun ("au siège de Bruxelles").
fn capital_is_place(lx: &Lexicon, toks: &[Token], i: usize) -> bool {
    let prev = |k: usize| i.checked_sub(k).map(|p| toks[p].norm.as_str());
    match prev(1) {
        Some("a") if dative_a(lx, toks, i - 1) => false,
        Some(p) if LOCATIVE.contains(&p) => true,
        Some("de" | "d'") => prev(2).is_some_and(|n| PLACE_NOUNS.contains(&n)),
        _ => false,
    }
}

/// Whether the "à" at `a` marks the one a verb addresses ("demande à
/// Moscou", "a fourni à Pékin", "et à Téhéran" after one of those), not a place.
fn dative_a(lx: &Lexicon, toks: &[Token], a: usize) -> bool {
    let mut k = a;
    // Step back over "X et" in a coordination: "à Moscou et à Téhéran".
    while k >= 3 && toks[k - 1].norm == "et" && toks[k - 3].norm == "a" {
        k -= 3;
    }
    if complex_preposition_a(toks, k) {
        return true;
    }
    let Some(verb) = k.checked_sub(1).and_then(|v| lx.lemma(&toks[v].norm)) else { return false };
    DATIVE_VERBS.contains(&verb)
}

/// Words that make one preposition with the "à" after them, folded: "face
/// à", "grâce à", "contrairement à", "quant à", "hommage à", "dédié à",
/// "conformément à", "opposé à". What follows is whom it faces, thanks or
/// honours, not where.
const COMPLEX_PREPOSITIONS: &[&str] = &[
    "face",
    "grace",
    "contrairement",
    "quant",
    "hommage",
    "dedie",
    "dediee",
    "dedies",
    "dediees",
    "conformement",
    "oppose",
    "opposee",
    "opposes",
    "opposees",
];

/// Whether the "à" at `a` closes a complex preposition ("face à X").
fn complex_preposition_a(toks: &[Token], a: usize) -> bool {
    a > 0 && toks[a].norm == "a" && COMPLEX_PREPOSITIONS.contains(&toks[a - 1].norm.as_str())
}

/// Verbs whose "à" complement is a recipient or addressee, not a place.
const DATIVE_VERBS: &[&str] = &[
    "demander",
    "dire",
    "repondre",
    "ecrire",
    "fournir",
    "livrer",
    "vendre",
    "proposer",
    "offrir",
    "promettre",
    "reprocher",
    "imposer",
    "permettre",
    "conseiller",
    "expliquer",
    "rappeler",
    "adresser",
    "transmettre",
    "accorder",
    "apporter",
    "ceder",
    "confier",
    "exiger",
    "interdire",
    "ordonner",
    "pardonner",
    "signaler",
    "succeder",
    "nuire",
    "plaire",
    "resister",
    "repliquer",
    "annoncer",
    "declarer",
    "assurer",
    "indiquer",
    "preciser",
    "confirmer",
    "affirmer",
    "lancer",
    "envoyer",
    "remettre",
    "presenter",
    "montrer",
    "appartenir",
];

/// Whether a token can be a word of a person's name.
fn name_word(lx: &Lexicon, t: &Token) -> bool {
    if t.kind == TokKind::Word && article_prefixed(&t.text) {
        return true;
    }
    t.kind == TokKind::Word
        && is_capitalized(&t.text)
        && !is_all_caps(&t.text)
        && t.text.chars().count() >= 2
        && !is_function_word(t)
        && !HONORIFICS.contains(&t.norm.as_str())
        && !CIVILITIES.contains(&t.norm.as_str())
        && lx.demonym(&t.norm).is_none()
        && (lx.lemma(&t.norm).is_none() || lx.given_name(&t.norm).is_some())
}

/// Whether a country, capital or organization name starts at `i` (a place
/// name may still be a surname: the lexicon's places are many and noisy).
fn strong_name_at(lx: &Lexicon, toks: &[Token], i: usize) -> bool {
    lx.names.matches_at(toks, i).iter().any(|h| match h.value {
        // A city may be a surname (Lincoln, Florence); a region, a sea or a
        // continent is not.
        Named::Place(p) => lx.places[*p as usize].kind != "city",
        _ => true,
    })
}

/// A run of name words, possibly with particles inside, starting at `i`.
fn name_run(lx: &Lexicon, toks: &[Token], i: usize) -> usize {
    name_run_from(lx, toks, i, false)
}

/// `name_run`; after a title (`titled`), a place's name may start it.
fn name_run_from(lx: &Lexicon, toks: &[Token], i: usize, titled: bool) -> usize {
    let mut j = i;
    while j < toks.len() && j - i < 8 {
        if is_initial(toks, j) && toks.get(j + 2).is_some_and(|t| name_word(lx, t) || is_initial(toks, j + 2)) {
            // "D. W. Griffith", "George H. W. Bush".
            j += 2;
        } else if j > i
            && toks[j].text == "M"
            && toks.get(j + 1).is_some_and(|p| p.text == ".")
            && lx.given_name(&toks[j - 1].norm).is_some()
            && toks.get(j + 2).is_some_and(|t| name_word(lx, t))
        {
            // "Jean M. Trelvane": after a given name, "M." is an initial.
            j += 2;
        } else if let Some(next) = particles_then_name(lx, toks, i, j) {
            j = next;
        } else if j > i && lx.given_name(&toks[i].norm).is_some() && verb_surname(lx, &toks[j]) {
            // "Aurélien Tenir", "Bérengère Moulard Tenir": a capitalized verb
            // form inside a name opened by a given name is a surname.
            j += 1;
        } else if name_word(lx, &toks[j])
            && (!strong_name_at(lx, toks, j)
                || titled
                    && j == i
                    && !lx.names.matches_at(toks, j).iter().any(|h| !matches!(h.value, Named::Place(_)))
                || surname_after_given(lx, toks, i, j)
                || j == i && given_first(lx, toks, i))
        {
            j += 1;
        } else if j >= i + 2 && short_final_part(lx, toks, i, j) {
            // "Moon Jae In", "Kim Jong Un": a short last part that is also
            // a function word, capitalized inside the name.
            j += 1;
            break;
        } else if j > i && is_regnal_number(&toks[j].text) {
            // "Louis XIV", "Napoléon III".
            j += 1;
            break;
        } else {
            break;
        }
    }
    j
}

/// Whether a capitalized word that the verbs list knows ("Allais",
/// "Donner") may be a surname: no function word, title or demonym.
fn verb_surname(lx: &Lexicon, t: &Token) -> bool {
    t.kind == TokKind::Word
        && is_capitalized(&t.text)
        && !is_all_caps(&t.text)
        && t.text.chars().count() >= 3
        && !is_function_word(t)
        && !HONORIFICS.contains(&t.norm.as_str())
        && !CIVILITIES.contains(&t.norm.as_str())
        && lx.demonym(&t.norm).is_none()
        && lx.lemma(&t.norm).is_some()
}

/// Whether a word is an Arabic name with its article: "al-Hakim", "el-Masri", "ad-Dawla".
fn article_prefixed(word: &str) -> bool {
    let Some((art, rest)) = word.split_once('-') else { return false };
    matches!(art, "al" | "el" | "ad" | "ed" | "as" | "es" | "ash" | "ach" | "az" | "at" | "an" | "ar" | "ul")
        && rest.chars().next().is_some_and(char::is_uppercase)
        && rest.chars().count() >= 2
}

/// Particles that join the words of a name, capitalized or not ("Sidi Ould
/// Cheikh", "Mohammed Ben Salmane"), beside `NAME_PARTICLES`.
const JOINING_PARTICLES: &[&str] = &[
    "ould", "ag", "bint", "abu", "abou", "bou", "ter", "ten", "op", "del", "della", "degli", "dei", "das", "do", "af",
    "av", "zum", "zur", "vom", "ibn", "bin", "ben",
];

/// Whether the word after a particle can close a name: capitalized, not a
/// function word; an honorific is a name word there ("Ould Cheikh").
fn name_word_after_particle(lx: &Lexicon, t: &Token) -> bool {
    name_word(lx, t)
        || t.kind == TokKind::Word
            && is_capitalized(&t.text)
            && !is_all_caps(&t.text)
            && t.text.chars().count() >= 2
            && !is_function_word(t)
            && lx.demonym(&t.norm).is_none()
}

/// One or two particles then a name word at `j` inside a name started at
/// `i` ("Greta von der Lohe", "Mohammed ben Rachid", "Marine Le Pen"):
/// the token after that name word.
fn particles_then_name(lx: &Lexicon, toks: &[Token], i: usize, j: usize) -> Option<usize> {
    if j == i {
        return None;
    }
    let particle = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.kind == TokKind::Word
                && (NAME_PARTICLES.contains(&t.norm.as_str()) || JOINING_PARTICLES.contains(&t.norm.as_str()))
        })
    };
    if !particle(j) {
        return None;
    }
    let n = if particle(j + 1)
        && toks.get(j + 1).is_some_and(|t| !is_capitalized(&t.text) || is_capitalized(&toks[j].text))
    {
        2
    } else {
        1
    };
    let last = j + n;
    if !toks.get(last).is_some_and(|t| name_word_after_particle(lx, t)) {
        return None;
    }
    let first = &toks[j];
    let joining = JOINING_PARTICLES.contains(&first.norm.as_str());
    // A capitalized French or Dutch particle only after a given name:
    // "Marine Le Pen", but "Tran Van Hieu" reads Van as a name.
    if is_capitalized(&first.text) && !joining && lx.given_name(&toks[i].norm).is_none() {
        return None;
    }
    // "X de Vancouver" names a place of origin, not a family, except after a
    // lone given name: "Grégoire de Tours", "Aliénor d'Aquitaine" are that
    // person's name.
    let french = matches!(first.norm.as_str(), "de" | "d'" | "du");
    if n == 1 && french && !lx.names.matches_at(toks, last).is_empty() && !given_of_place(lx, toks, i, j) {
        return None;
    }
    Some(last + 1)
}

/// Whether the capitalized short word at `j` closes a name of two words or
/// more begun at `i`, as the last syllable of an East Asian given name:
/// "Moon Jae In", "Kim Jong Un".
fn short_final_part(lx: &Lexicon, toks: &[Token], i: usize, j: usize) -> bool {
    let t = &toks[j];
    t.kind == TokKind::Word
        && is_capitalized(&t.text)
        && !is_all_caps(&t.text)
        && (2..=3).contains(&t.text.chars().count())
        && (i..j).all(|k| name_word(lx, &toks[k]))
        && !toks.get(j + 1).is_some_and(|n| n.is_cap())
        && !opens_noun_phrase(toks, j)
}

/// Whether the capitalized short word at `j` is a French determiner or
/// conjunction opening what follows rather than ending a name: a new
/// sentence glued to a name without a stop ("Aurélien Vasseur Le cas de…",
/// "… Une réforme"). "Un" before a verb stays a name's part ("Kim Jong Un a
/// dit"); before a noun it is the article.
fn opens_noun_phrase(toks: &[Token], j: usize) -> bool {
    use crate::syntax::Upos;
    let w = toks[j].norm.as_str();
    if matches!(w, "le" | "la" | "les" | "des" | "du" | "ce" | "cet" | "cette" | "ces" | "sa" | "son" | "ses" | "et") {
        return true;
    }
    if !matches!(w, "un" | "une") {
        return false;
    }
    toks.get(j + 1).is_some_and(|n| {
        let readings = || crate::lexicon::morph::Morph::builtin().lookup_word(&n.text);
        n.kind == TokKind::Word
            && readings().any(|a| matches!(a.upos, Upos::Noun | Upos::Adj))
            && !readings().any(|a| matches!(a.upos, Upos::Verb | Upos::Aux))
    })
}

/// Whether a capitalized word is also a common French word (noun,
/// adjective, verb, adverb) of some frequency, or an ordinal ("Ve",
/// "XXIe"): "République", "Bureau", "Journal". A name made only of such
/// words needs more than its capitals to be a person.
pub fn common_word(t: &Token) -> bool {
    common_word_of(t, 30)
}

/// `common_word` with the lowest frequency code of the word's reading.
fn common_word_of(t: &Token, min_freq: u8) -> bool {
    use crate::syntax::Upos;
    if t.kind != TokKind::Word {
        return false;
    }
    let w = t.text.as_str();
    if let Some(stem) = w.strip_suffix('e').or_else(|| w.strip_suffix("er")) {
        if !stem.is_empty() && stem.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C')) {
            return true;
        }
    }
    let common = |w: &str| {
        crate::lexicon::morph::Morph::builtin()
            .lookup_word(w)
            .any(|a| matches!(a.upos, Upos::Noun | Upos::Adj | Upos::Verb | Upos::Adv) && a.freq >= min_freq)
    };
    // Capitals are often written without their accent: "Etats", "Ecole".
    common(w) || w.strip_prefix('E').is_some_and(|rest| common(&format!("É{rest}")))
}

/// Nouns that say what a place is, in an apposition after its name:
/// "Stepanakert, principale ville du territoire", "Borgo Egnazia, un complexe hôtelier".
const PLACE_APPOSITIONS: &[&str] = &[
    "ville",
    "village",
    "commune",
    "localite",
    "bourg",
    "bourgade",
    "cite",
    "capitale",
    "ile",
    "archipel",
    "region",
    "province",
    "quartier",
    "port",
    "station",
    "complexe",
    "site",
    "base",
    "camp",
    "agglomeration",
    "metropole",
    "departement",
    "district",
    "comte",
    "territoire",
    "enclave",
    "peninsule",
    "presqu'ile",
    "massif",
    "vallee",
    "plaine",
    "lac",
    "fleuve",
    "riviere",
    "chef-lieu",
    "prefecture",
    "sous-prefecture",
    "faubourg",
    "banlieue",
    "oasis",
    "montagne",
    "mont",
    "volcan",
    "desert",
    "plateau",
    "colline",
    "station balneaire",
    "municipalite",
    "canton",
    "arrondissement",
    "oblast",
    "etat",
];

/// Words that may stand between the article and the noun of an apposition.
const APPOSITION_ADJECTIVES: &[&str] = &[
    "principal",
    "principale",
    "petit",
    "petite",
    "grand",
    "grande",
    "ancien",
    "ancienne",
    "ex",
    "nouveau",
    "nouvelle",
    "nouvel",
    "actuel",
    "actuelle",
    "futur",
    "future",
    "premier",
    "premiere",
    "seul",
    "seule",
    "deuxieme",
    "second",
    "seconde",
    "celebre",
    "vieux",
    "vieil",
    "vieille",
    "jeune",
    "influent",
    "influente",
    "puissant",
    "puissante",
    "tres",
    "plus",
    "important",
    "importante",
    "historique",
    "charismatique",
    "emblematique",
];

/// What an apposition right after a name says it is: ", porte-parole du
/// Bureau", ", 45 ans", ", la ministre" (a person); ", principale ville de",
/// ", un complexe hôtelier" (a place).
fn apposition_after(lx: &Lexicon, toks: &[Token], end: usize) -> Option<Sort> {
    if toks.get(end).is_none_or(|t| t.norm != ",") {
        return None;
    }
    let mut k = end + 1;
    let t = toks.get(k)?;
    // ", 45 ans": an age is a person's.
    if t.kind == TokKind::Number && toks.get(k + 1).is_some_and(|n| n.norm == "ans") {
        return Some(Sort::Person);
    }
    if matches!(t.norm.as_str(), "le" | "la" | "l'" | "un" | "une" | "son" | "sa" | "leur" | "notre" | "cette" | "ce") {
        k += 1;
    }
    while toks.get(k).is_some_and(|t| APPOSITION_ADJECTIVES.contains(&t.norm.as_str()) || t.norm == "-") {
        k += 1;
    }
    let t = toks.get(k)?;
    if t.is_cap() {
        return None;
    }
    if PLACE_APPOSITIONS.contains(&t.norm.as_str()) {
        return Some(Sort::Place);
    }
    if role_at(lx, 0, toks, k).is_some() || DESCRIPTORS.contains(&t.norm.as_str()) {
        return Some(Sort::Person);
    }
    None
}

/// Whether a verb of saying or acting stands just before `i`, with its
/// subject after it: "a écrit mardi Amos Barel", "a déclaré hier".
fn person_verb_before(lx: &Lexicon, toks: &[Token], i: usize) -> bool {
    let mut k = i;
    while k > 0
        && k + 3 > i
        && (WEEKDAYS.contains(&toks[k - 1].norm.as_str())
            || matches!(
                toks[k - 1].norm.as_str(),
                "hier" | "encore" | "aussi" | "egalement" | "ainsi" | "alors" | "soir" | "matin" | "enfin"
            ))
    {
        k -= 1;
    }
    let Some(v) = k.checked_sub(1) else { return false };
    let verb = toks[v].norm.as_str();
    if toks[v].is_cap() || !lx.lemma(verb).is_some_and(|l| PERSON_VERBS.contains(&l)) {
        return false;
    }
    // The participle after an auxiliary ("a écrit"), or a simple form after
    // a comma or a quotation ("», écrit X", "» déclare X").
    v.checked_sub(1).is_some_and(|a| {
        matches!(
            toks[a].norm.as_str(),
            "a" | "ont" | "avait" | "avaient" | "aurait" | "a-t-il" | "," | "»" | "\"" | "“" | "”"
        )
    })
}

/// Prefixes of navies' ship names.
const SHIP_PREFIXES: &[&str] =
    &["USS", "USNS", "HMS", "HMCS", "HMAS", "HMNZS", "INS", "RFS", "ROKS", "PNS", "TCG", "KRI", "BRP"];

/// Nouns of vessels, folded: the capitalized words after them name the vessel.
const VESSEL_NOUNS: &[&str] = &[
    "porte-avions",
    "porte-helicopteres",
    "fregate",
    "destroyer",
    "destroyers",
    "croiseur",
    "sous-marin",
    "corvette",
    "navire",
    "paquebot",
    "petrolier",
    "cargo",
    "yacht",
    "brise-glace",
    "chalutier",
    "patrouilleur",
    "remorqueur",
    "voilier",
    "ferry",
    "methanier",
    "vraquier",
    "porte-conteneurs",
];

/// Capitalized nouns of events named after a place or a person, folded:
/// "le Festival de Cannes", "les Jeux du Commonwealth", "la Coupe Davis".
const EVENT_HEADS: &[&str] = &[
    "festival",
    "tournoi",
    "coupe",
    "jeux",
    "championnat",
    "championnats",
    "marathon",
    "tour",
    "bataille",
    "guerre",
    "rallye",
    "trophee",
    "open",
    "internationaux",
    "biennale",
    "prix",
];

/// The end of an event's name at `i`: a capitalized event noun, a few
/// lowercase words ("international du film"), then "de" and a name, or a
/// name right after the noun ("la Coupe Davis"). "Tour" is an event after
/// a masculine article ("le Tour de X"), a building after "la".
fn event_name_at(lx: &Lexicon, toks: &[Token], i: usize) -> Option<usize> {
    let t = &toks[i];
    if !t.is_cap() || is_all_caps(&t.text) || !EVENT_HEADS.contains(&t.norm.as_str()) {
        return None;
    }
    let prev = i.checked_sub(1).map(|p| toks[p].norm.as_str());
    if t.norm == "tour" && !matches!(prev, Some("le" | "du" | "au")) {
        return None;
    }
    // "le Grand Prix de Monaco"; "prix" alone is a price.
    if t.norm == "prix" && !(prev == Some("grand") && toks[i - 1].is_cap()) {
        return None;
    }
    let name_end = |k: usize| {
        let hit = lx.names.matches_at(toks, k).first().map(|h| k + h.len);
        let mut e = k;
        while e < toks.len() && e - k < 3 && toks[e].is_cap() && !is_function_word(&toks[e]) {
            e += 1;
        }
        hit.unwrap_or(e).max(e)
    };
    let mut k = i + 1;
    // A name right after the noun.
    if toks.get(k).is_some_and(|n| n.is_cap() && !is_function_word(n)) {
        let e = name_end(k);
        return (e > k).then_some(e);
    }
    while k < toks.len() && k - i <= 7 {
        let c = connector_len(toks, k);
        if c > 0 && toks.get(k + c).is_some_and(|n| n.is_cap() && !is_function_word(n)) {
            let e = name_end(k + c);
            return (e > k + c).then_some(e);
        }
        let n = &toks[k];
        if n.kind != TokKind::Word || n.is_cap() || is_function_word(n) && c == 0 {
            return None;
        }
        k += c.max(1);
    }
    None
}

/// The end of a vessel's name at `i`: a navy's prefix and capitalized
/// words ("USS Higgins"), or capitalized words after a vessel noun and its
/// demonym ("le porte-avions Charles de Gaulle", "la frégate canadienne HMCS Vancouver").
fn vessel_name_at(lx: &Lexicon, toks: &[Token], i: usize) -> Option<usize> {
    let cap_run = |k: usize| {
        let mut e = k;
        while e < toks.len()
            && e - k < 5
            && (toks[e].is_cap() && toks[e].kind == TokKind::Word
                || e > k
                    && NAME_PARTICLES.contains(&toks[e].norm.as_str())
                    && toks.get(e + 1).is_some_and(Token::is_cap))
        {
            e += 1;
        }
        e
    };
    if SHIP_PREFIXES.contains(&toks[i].text.as_str()) {
        let end = cap_run(i + 1);
        return (end > i + 1).then_some(end);
    }
    if !toks[i].is_cap() || i == 0 {
        return None;
    }
    let mut k = i - 1;
    if demonym_at(lx, toks, k).is_some() && k > 0 {
        k -= 1;
    }
    if !VESSEL_NOUNS.contains(&toks[k].norm.as_str()) || toks[k].is_cap() {
        return None;
    }
    // A state's name after the noun is its flag ("un navire Chine" is rare, "le navire Russie" none).
    if lx.names.matches_at(toks, i).iter().any(|h| matches!(h.value, Named::Country(_))) {
        return None;
    }
    let start = if SHIP_PREFIXES.contains(&toks[i].text.as_str()) { i + 1 } else { i };
    let end = cap_run(start);
    (end > start).then_some(end)
}

/// Nouns whose "de" complement is most often a person: "le film de X",
/// "la mort de X", "le fils de X".
const OF_A_PERSON: &[&str] = &[
    "film",
    "films",
    "roman",
    "romans",
    "chanson",
    "chansons",
    "album",
    "oeuvre",
    "oeuvres",
    "livre",
    "livres",
    "poeme",
    "poemes",
    "musique",
    "paroles",
    "tableau",
    "tableaux",
    "pieces",
    "fils",
    "fille",
    "filles",
    "femme",
    "epouse",
    "veuve",
    "mari",
    "mere",
    "pere",
    "frere",
    "soeur",
    "ami",
    "amie",
    "mort",
    "deces",
    "assassinat",
    "election",
    "candidature",
    "regime",
    "successeur",
    "predecesseur",
    "adversaire",
    "partisans",
    "disciple",
    "eleve",
    "biographie",
    "memoires",
    "discours",
    "entourage",
    "proche",
    "proches",
    "avocat",
    "avocats",
    "compagne",
    "compagnon",
    "cousin",
    "neveu",
    "niece",
    "heritier",
    "heritiere",
    "portrait",
    "statue",
];

/// Whether an initial stands at `j`: one capital letter and its period
/// ("M." is a civility, not an initial).
fn is_initial(toks: &[Token], j: usize) -> bool {
    let t = &toks[j];
    t.kind == TokKind::Word
        && t.text.len() == 1
        && t.text.chars().all(|c| c.is_ascii_uppercase())
        && t.text != "M"
        && toks.get(j + 1).is_some_and(|p| p.text == ".")
}

/// Whether the one-word place or state name at `j` is the surname of the
/// given name just before it: "François Hollande", "Ségolène Royal".
fn surname_after_given(lx: &Lexicon, toks: &[Token], i: usize, j: usize) -> bool {
    j == i + 1 && lx.given_name(&toks[i].norm).is_some() && lx.names.matches_at(toks, j).iter().all(|h| h.len == 1)
}

/// Whether the one-word name at `j` is the given name of a person whose
/// surname follows: "Salvador Allende", "Florence Parly" are not places.
fn given_before_surname(lx: &Lexicon, toks: &[Token], j: usize, len: usize) -> bool {
    len == 1
        && lx.given_name(&toks[j].norm).is_some()
        && toks.get(j + 1).is_some_and(|t| name_word(lx, t))
        && !strong_name_at(lx, toks, j + 1)
}

/// Whether "de" at `j` joins a lone given name at `i` to the one-word place
/// that names its bearer ("Grégoire de Tours", "Vasco de Gama").
fn given_of_place(lx: &Lexicon, toks: &[Token], i: usize, j: usize) -> bool {
    j == i + 1
        && matches!(toks[j].norm.as_str(), "de" | "d'")
        && lx.given_name(&toks[i].norm).is_some()
        && lx.names.matches_at(toks, j + 1).iter().all(|h| h.len == 1)
        && !toks.get(j + 2).is_some_and(|t| name_word(lx, t))
}

/// Whether the one-word place or state name at `i` is a given name
/// followed by a surname.
fn given_first(lx: &Lexicon, toks: &[Token], i: usize) -> bool {
    let len = lx.names.matches_at(toks, i).iter().map(|h| h.len).max().unwrap_or(0);
    given_before_surname(lx, toks, i, len)
}

/// A Roman numeral as monarchs and popes carry: I to XXX.
fn is_regnal_number(word: &str) -> bool {
    (1..=5).contains(&word.len()) && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// Verbs whose subject or partner is a person.
const PERSON_VERBS: &[&str] = &[
    "declarer",
    "affirmer",
    "annoncer",
    "indiquer",
    "estimer",
    "ajouter",
    "souligner",
    "ecrire",
    "preciser",
    "assurer",
    "dire",
    "expliquer",
    "rappeler",
    "repondre",
    "rencontrer",
    "entretenir",
    "recevoir",
    "rendre",
    "visiter",
    "telephoner",
    "discuter",
    "negocier",
    "accueillir",
    "demissionner",
    "promettre",
    "reconnaitre",
];

/// Whether a verb of `PERSON_VERBS` follows `end` (past an auxiliary or a reflexive pronoun).
fn person_verb_after(lx: &Lexicon, toks: &[Token], end: usize) -> bool {
    let mut k = end;
    while k < toks.len()
        && k < end + 3
        && matches!(toks[k].norm.as_str(), "a" | "ont" | "s'" | "se" | "est" | "sont" | "avait" | "aurait")
    {
        k += 1;
    }
    toks.get(k).and_then(|t| lx.lemma(&t.norm)).is_some_and(|l| PERSON_VERBS.contains(&l))
}

/// Whether a verb of meeting stands just before "avec" before `i`.
fn met_before(lx: &Lexicon, toks: &[Token], i: usize) -> bool {
    i >= 2
        && toks[i - 1].norm == "avec"
        && toks[i.saturating_sub(5)..i - 1].iter().any(|t| lx.lemma(&t.norm).is_some_and(|l| PERSON_VERBS.contains(&l)))
}

/// Whether the words before `i` announce a person: a title, an honorific, a
/// descriptor noun, each possibly followed by a demonym ("le président
/// kényan X", "son collègue kényan X", "M. X").
pub fn person_context_before(lx: &Lexicon, toks: &[Token], i: usize) -> bool {
    let mut k = i;
    if k > 0 && demonym_at(lx, toks, k - 1).is_some() {
        k -= 1;
    }
    if k > 0 && toks[k - 1].norm == "," {
        k -= 1;
    }
    let Some(p) = k.checked_sub(1) else { return false };
    let prev = toks[p].norm.as_str();
    if HONORIFICS.contains(&prev) || DESCRIPTORS.contains(&prev) {
        return true;
    }
    if prev == "." && p > 0 && CIVILITIES.contains(&toks[p - 1].norm.as_str()) && toks[p - 1].is_cap() {
        return true;
    }
    if prev == "." && p > 0 && HONORIFICS.contains(&toks[p - 1].norm.as_str()) {
        return true;
    }
    // The end of a title phrase: "ministre de la Défense X", "secrétaire général de l'OTAN, X".
    if (0..p + 1).rev().take(8).any(|s| role_at(lx, 0, toks, s).is_some_and(|r| r.b == k || r.b == i)) {
        return true;
    }
    // A title, its complement, a comma, the name: "le porte-parole du
    // gouvernement japonais, X" (no verb nor other mark in between).
    if k == i || toks[k].norm != "," {
        return false;
    }
    for s in (0..k).rev().take(10) {
        let t = &toks[s];
        if t.kind == TokKind::Punct
            || !t.is_cap() && !is_function_word(t) && lx.lemma(&t.norm).is_some() && role_at(lx, 0, toks, s).is_none()
        {
            return false;
        }
        if let Some(r) = role_at(lx, 0, toks, s) {
            return r.b <= k
                && toks[r.b..k].first().is_some_and(|t| matches!(t.norm.as_str(), "de" | "du" | "des" | "d'"));
        }
    }
    false
}

/// The first token of a person mention ending at `b` that starts at `a`:
/// the civility title before the name, if any ("M. Dupont", "Mme Durand").
pub fn civility_start(toks: &[Token], a: usize) -> usize {
    let civil = |t: &Token| CIVILITIES.contains(&t.norm.as_str()) && t.kind == TokKind::Word;
    match a.checked_sub(1).map(|p| &toks[p]) {
        Some(t) if t.text == "." && a >= 2 && civil(&toks[a - 2]) && is_capitalized(&toks[a - 2].text) => a - 2,
        Some(t) if civil(t) && (is_capitalized(&t.text) || t.norm.len() > 3) => a - 1,
        _ => a,
    }
}

/// Whether the word at `k` is a surname written in capitals ("DURVILLE"):
/// three letters or more, no acronym the lexicon or the language knows.
fn capitals_surname(lx: &Lexicon, toks: &[Token], k: usize) -> bool {
    toks.get(k).is_some_and(|t| {
        t.kind == TokKind::Word
            && is_all_caps(&t.text)
            && t.text.chars().count() >= 3
            && t.text.chars().all(|c| c.is_alphabetic() || c == '-')
            && !COMMON_ACRONYMS.contains(&t.text.as_str())
            && lx.names.matches_at(toks, k).is_empty()
    })
}

/// A name right after a civility title that the rules of capitalized words
/// do not read: a lowercase particle then the name ("M. de Varlonne", "Mme
/// d'Auberive", "M. van der Helst"), or a surname in capitals ("M.
/// DURVILLE"). The civility proves the person.
fn civility_name_at(lx: &Lexicon, text: &str, sent: usize, toks: &[Token], i: usize) -> Option<Mention> {
    if civility_start(toks, i) == i {
        return None;
    }
    let lower_particle = |k: usize, set: &[&str]| {
        toks.get(k)
            .is_some_and(|t| t.kind == TokKind::Word && !is_capitalized(&t.text) && set.contains(&t.norm.as_str()))
    };
    let end = if lower_particle(i, &["de", "d'", "du", "von", "van", "di", "da", "del", "della", "dos", "ten", "ter"]) {
        let k = if lower_particle(i + 1, &["la", "le", "der", "den"]) { i + 2 } else { i + 1 };
        if toks.get(k).is_some_and(|t| name_word_after_particle(lx, t)) {
            name_run_from(lx, toks, k, true).max(k + 1)
        } else if capitals_surname(lx, toks, k) {
            k + 1
        } else {
            return None;
        }
    } else if capitals_surname(lx, toks, i) {
        let mut e = i + 1;
        while e < i + 3 && capitals_surname(lx, toks, e) {
            e += 1;
        }
        e
    } else {
        return None;
    };
    let (span, s) = surface(text, toks, i, end);
    let name = toks[i..end].iter().filter(|t| t.text != ".").map(|t| t.text.to_string()).collect();
    Some(Mention {
        sent,
        a: i,
        b: end,
        span,
        surface: s,
        target: Ref::Person { name, strong: true },
        proper: true,
        rule: "person/context",
        alt: None,
    })
}

/// Whether the run `i..end` stands alone in running text, as persons'
/// names do: not opened or closed by a quotation mark (a title), not
/// glued to more capitalized words or a colon ("Guitar Hero : Metallica"),
/// and not after a preposition "de" or a noun or adjective of the
/// language that it would qualify ("l'album X", "le site de X", "la
/// célèbre X").
fn free_standing_name(toks: &[Token], i: usize, end: usize) -> bool {
    use crate::syntax::Upos;
    let Some(prev) = i.checked_sub(1).map(|p| &toks[p]) else { return false };
    // The noun or adjective reading must be the word's main one: "est",
    // "été" are verbs before a name.
    let morph = crate::lexicon::morph::Morph::builtin();
    let best = |noun: bool| {
        morph
            .lookup_word(&prev.text)
            .filter(|a| matches!(a.upos, Upos::Noun | Upos::Adj) == noun)
            .filter(|a| noun || matches!(a.upos, Upos::Verb | Upos::Aux))
            .map(|a| a.freq)
            .max()
    };
    let after_thing = prev.kind == TokKind::Word
        && !prev.is_cap()
        && best(true).is_some_and(|n| n >= 30 && best(false).is_none_or(|v| v < n));
    // "Six Tcharkesses", "Aucun Témoin": a numeral or a determiner capitalized.
    let closed = (i..end).any(|k| {
        crate::lexicon::morph::Morph::builtin()
            .lookup_word(&toks[k].text.to_lowercase())
            .any(|a| matches!(a.upos, Upos::Num | Upos::Det | Upos::Pron | Upos::Adp | Upos::Cconj | Upos::Sconj))
            || is_regnal_number(&toks[k].text)
    });
    !closed
        && !is_open_quote(prev)
        && !toks.get(end).is_some_and(|t| is_close_quote(t) || t.is_cap() || t.text == ":")
        && !prev.is_cap()
        && !LOCATIVE.contains(&prev.norm.as_str())
        && !matches!(prev.norm.as_str(), "en" | "pour" | "vers")
        && !after_thing
}

/// Nouns of websites, folded: the name after them is a site's, no person's.
const SITE_NOUNS: &[&str] = &["site", "sites", "agregateur", "portail", "blog", "forum", "wiki"];

/// Whether a site's noun stands before `i`, maybe with "de", "web" or a
/// demonym between: "le site de X", "l'agrégateur américain X".
fn site_named(lx: &Lexicon, toks: &[Token], i: usize) -> bool {
    let mut k = i;
    // Inside the site's name: "le site Trelvax Orbis" at "Orbis".
    while k > 0 && i - k < 2 && name_word(lx, &toks[k - 1]) {
        k -= 1;
    }
    let i = k;
    while k > 0
        && i - k < 2
        && (matches!(toks[k - 1].norm.as_str(), "de" | "d'" | "web" | "internet")
            || demonym_at(lx, toks, k - 1).is_some())
    {
        k -= 1;
    }
    k > 0 && !toks[k - 1].is_cap() && SITE_NOUNS.contains(&toks[k - 1].norm.as_str())
}

/// A person name at `i` found by capitalization and context.
fn person_at(lx: &Lexicon, text: &str, sent: usize, toks: &[Token], i: usize) -> Option<Mention> {
    if let Some(m) = civility_name_at(lx, text, sent, toks, i) {
        return Some(m);
    }
    if !name_word(lx, &toks[i]) && !is_initial(toks, i) || site_named(lx, toks, i) {
        return None;
    }
    let titled = person_context_before(lx, toks, i);
    let mut end = name_run_from(lx, toks, i, titled);
    if end == i || end == i + 2 && is_initial(toks, i) {
        return None;
    }
    // Two full names in a row are two people: "le conseiller d'Anne Durand
    // Paul Lefort" (a given name after a surname, a surname after it).
    if let Some(k) = second_full_name(lx, toks, i, end) {
        end = k;
    }
    // A word that is no part of a name before a given name inside the run
    // (a place, a body, a party, a newspaper, a word of the language):
    // "la maire de Lyon Anne Durand", "les Verts Paul Lefort"; the person
    // is read when the scan reaches the given name.
    if foreign_prefix(lx, toks, i, end).is_some() {
        return None;
    }
    // A name then a number is a thing: "Mariner 10", "Apollo 11"; so is a
    // name with a digit in it ("Audi Q7").
    if toks.get(end).is_some_and(|t| !t.text.is_empty() && t.text.chars().all(|c| c.is_ascii_digit()))
        || toks[i..end].iter().any(|t| t.text.chars().any(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let initials = (i..end).any(|k| is_initial(toks, k));
    let context = person_context_before(lx, toks, i) || apposition_after(lx, toks, end) == Some(Sort::Person);
    // "Stepanakert, principale ville du territoire": a place by its apposition.
    if !context && apposition_after(lx, toks, end) == Some(Sort::Place) && lx.given_name(&toks[i].norm).is_none() {
        let (span, s) = surface(text, toks, i, end);
        let target = place_by_surface(&s);
        return Some(Mention {
            sent,
            a: i,
            b: end,
            span,
            surface: s,
            target,
            proper: true,
            rule: "place/apposition",
            alt: None,
        });
    }
    // Without a title before it, a given name inside the run starts the
    // name: "Secretary of State Daniel Harlow".
    if !context && lx.given_name(&toks[i].norm).is_none() && !is_initial(toks, i) {
        let start = (i + 1..end).find(|&k| lx.given_name(&toks[k].norm).is_some() && end - k >= 2);
        if start.is_some() {
            return None; // the person will be read when the scan reaches it
        }
    }
    let len = end - i;
    // French names take no article, demonstrative or possessive: "une
    // Aston Martin", "le Nouvel Obs", "cette Ford Mustang", "sa Porsche
    // Cayenne" are things.
    let article = i > 0
        && matches!(
            toks[i - 1].norm.as_str(),
            "le" | "la"
                | "les"
                | "l'"
                | "un"
                | "une"
                | "des"
                | "du"
                | "au"
                | "aux"
                | "ce"
                | "cet"
                | "cette"
                | "ces"
                | "sa"
                | "son"
                | "ses"
                | "leur"
                | "leurs"
                | "notre"
                | "votre"
        );
    // "San", "Santa" are given names too, but open place names after "à".
    let opener =
        PLACE_NAME_OPENERS.contains(&toks[i].text.as_str()) && i > 0 && LOCATIVE.contains(&toks[i - 1].norm.as_str());
    // Words of the language ("Ve République", "Grand Journal", "France
    // Bleu", a given name that is also a state or a word, then words) are
    // no person by their capitals alone.
    let plain = (i..end).all(|k| {
        let t = &toks[k];
        let given = lx.given_name(&t.norm).is_some();
        // A given name counts as a word when it is also a state's or a
        // body's name ("France"), or a frequent word ("Métro"); a town's
        // name is no word ("Florence", "Lincoln").
        let word_given = given && (strong_name_at(lx, toks, k) || common_word_of(t, 90));
        common_word(t) && !given || word_given || t.text == "." || NAME_PARTICLES.contains(&t.norm.as_str())
    });
    // "Kang Min-jun", "Moon Jae-in": a surname, then a hyphenated given name.
    let hyphen_given =
        (2..=3).contains(&len) && toks[end - 1].text.contains('-') && lx.given_name(&toks[end - 1].norm).is_some();
    let given = (lx.given_name(&toks[i].norm).is_some() && !opener || initials || hyphen_given)
        && len >= 2
        && !article
        && !plain;
    // A name of two words or more that acts like a person: subject of a
    // verb of saying, meeting or moving ("Wang Lei a déclaré", "Li Wenbo
    // s'est rendu"), its subject after the verb ("a écrit mardi Avichay
    // Barel"), met by someone ("s'est entretenu avec Wang Lei"), or a source
    // ("selon Zhu Lanfang", "d'après X", "Pour X, …").
    let acts = len >= 2
        && !article
        && !plain
        && (person_verb_after(lx, toks, end)
            || met_before(lx, toks, i)
            || person_verb_before(lx, toks, i)
            || i > 0 && toks[i - 1].norm == "selon"
            || i > 1 && toks[i - 1].norm == "apres" && toks[i - 2].norm == "d'"
            || i == 1 && toks[0].norm == "pour" && toks.get(end).is_some_and(|t| t.text == ","));
    if plain && !context && len >= 2 {
        return None;
    }
    // Two or three unknown capitalized words after a preposition that
    // introduces an agent or a partner, none of them a word of the language
    // nor a known name: a person's name ("réalisé par Ridley Scott"); so
    // are such words standing alone in running text ("le candidat démocrate
    // X Y", "c'est X Y qui").
    let unknown = (2..=3).contains(&len)
        && i > 0
        && !article
        && (free_standing_name(toks, i, end)
            || matches!(toks[i - 1].norm.as_str(), "par" | "avec" | "selon" | "contre" | "chez" | "entre" | "et")
            || i >= 2
                && matches!(toks[i - 1].norm.as_str(), "de" | "d'")
                && OF_A_PERSON.contains(&toks[i - 2].norm.as_str()))
        && (i..end).all(|k| {
            let t = &toks[k];
            t.kind == TokKind::Word && !common_word(t) && lx.names.matches_at(toks, k).is_empty()
        });
    // A lone word in running text that is a given name or follows a noun of
    // a person's ("la mort de X", "le roman de X"), and is no word of the
    // language nor a known name: a person named by one name ("Philippe se
    // pencha", "le roman de Colette").
    let first_word = i == 0 || matches!(toks[i - 1].text.as_str(), "«" | "\"" | "(" | "—" | "–" | "-" | "." | ":");
    let lone = len == 1
        && !first_word
        && !article
        && toks[i].text.chars().count() >= 3
        && !common_word(&toks[i])
        && lx.names.matches_at(toks, i).is_empty()
        && !toks.get(end).is_some_and(Token::is_cap)
        && (lx.given_name(&toks[i].norm).is_some()
            || i >= 2
                && matches!(toks[i - 1].norm.as_str(), "de" | "d'")
                && OF_A_PERSON.contains(&toks[i - 2].norm.as_str()));
    let strong = given || context || acts || unknown || lone;
    // A sentence's first word, capitalized only because it is first, that is
    // a word of the language ("Parvenu à Lisbonne, …", "Présent à Kiev, …")
    // is no weak candidate either.
    let first = i == 0 || matches!(toks[i - 1].text.as_str(), "«" | "\"" | "(" | "—" | "–" | "-");
    if !strong && len < 2 && plain && first {
        return None;
    }
    if !strong && len < 2 {
        // A lone capitalized word stays a weak candidate: it becomes a person
        // only if it matches a name read elsewhere.
        if !lx.names.matches_at(toks, i).is_empty() {
            return None;
        }
    }
    let (span, s) = surface(text, toks, i, end);
    let name = toks[i..end].iter().filter(|t| t.text != ".").map(|t| t.text.to_string()).collect();
    // "Saint-Orvald", "Notre-Dame-des-Quennes": a saint's name joined by
    // hyphens names a place (a parish, a town), unless a person of that
    // name is read elsewhere.
    let saint = !strong
        && len == 1
        && ["Saint-", "Sainte-", "Notre-Dame-"].iter().any(|p| toks[i].text.starts_with(p))
        && !i.checked_sub(1).is_some_and(|p| is_particle(toks, p));
    Some(Mention {
        sent,
        a: i,
        b: end,
        alt: saint.then(|| Box::new(place_by_surface(&s))),
        span,
        surface: s,
        target: Ref::Person { name, strong },
        proper: true,
        rule: if saint {
            "place/saint"
        } else if given {
            "person/given-name"
        } else if lone && !context {
            "person/lone-name"
        } else if context {
            "person/context"
        } else {
            "person/capitalized"
        },
    })
}

/// Whether the word at `k` is a name particle ("de", "ben", "Ould").
fn is_particle(toks: &[Token], k: usize) -> bool {
    toks.get(k)
        .is_some_and(|t| NAME_PARTICLES.contains(&t.norm.as_str()) || JOINING_PARTICLES.contains(&t.norm.as_str()))
}

/// Whether the word at `k` is a given name (not a particle) that opens a
/// name of two words or more ending at `end`.
fn opens_name(lx: &Lexicon, toks: &[Token], k: usize, end: usize) -> bool {
    end >= k + 2 && lx.given_name(&toks[k].norm).is_some() && !is_particle(toks, k) && !is_initial(toks, k)
}

/// In a run of name words `i..end` that opens with a given name, the start
/// of a second full name: a given name after a word that is no given name
/// ("Anne Durand Paul Lefort"), but not after given names only ("Jean
/// Paul Lefort") nor a particle ("Oussama Ben Laden"), and not when the
/// second part holds a lowercase particle.
fn second_full_name(lx: &Lexicon, toks: &[Token], i: usize, end: usize) -> Option<usize> {
    if lx.given_name(&toks[i].norm).is_none() || toks[i..end].iter().any(|t| t.text == ".") {
        return None;
    }
    // "Abd Rabbo Mansour Hadi": a name opened by "Abd", "Abdel" or "Abou"
    // (servant of, father of) is one long Arabic name.
    if matches!(toks[i].norm.as_str(), "abd" | "abdel" | "abdul" | "abdoul" | "abdal" | "abou" | "abu") {
        return None;
    }
    (i + 2..end).find(|&k| {
        opens_name(lx, toks, k, end)
            && !is_particle(toks, k - 1)
            // "Luiz Inácio Lula da Silva" is one name of the Iberian kind.
            && !(k..end).any(|m| is_particle(toks, m) && !is_capitalized(&toks[m].text))
            && (i + 1..k).any(|m| lx.given_name(&toks[m].norm).is_none() && !is_particle(toks, m))
    })
}

/// In a run of name words `i..end`, the given name that opens the person's
/// name when every word before it is foreign to names: a lexicon name (a
/// place, a state, a body), a word of the language ("Opinion", "Verts"), a
/// party's mark written with inner capitals ("MoDem"), or a particle after
/// one of these ("Décès de Paul Lefort").
fn foreign_prefix(lx: &Lexicon, toks: &[Token], i: usize, end: usize) -> Option<usize> {
    if is_particle(toks, i) {
        return None;
    }
    let k = (i + 1..end).find(|&k| opens_name(lx, toks, k, end))?;
    // A given name that is also a state's or a capital's name, after "de"
    // or a locative and before another given name, is the place: "le préfet
    // de Paris Anne Durand", "la candidate à Paris Anne Durand".
    if lx.given_name(&toks[i].norm).is_some() {
        let state =
            lx.names.matches_at(toks, i).iter().any(|h| matches!(h.value, Named::Country(_) | Named::Capital(_)));
        let after_de = i > 0 && {
            let w = toks[i - 1].norm.as_str();
            matches!(w, "de" | "d'") || LOCATIVE.contains(&w)
        };
        return (k == i + 1 && state && after_de).then_some(k);
    }
    let foreign = |m: usize| {
        let t = &toks[m];
        let inner_caps = t.text.chars().skip(1).any(char::is_uppercase) && !t.text.contains('-');
        m > i && is_particle(toks, m)
            || lx.given_name(&t.norm).is_none()
                && (common_word(t)
                    || inner_caps
                    || !lx.names.matches_at(toks, m).is_empty()
                    || lx.demonym(&t.norm).is_some())
    };
    (i..k).all(foreign).then_some(k)
}

/// A title phrase at `i`: title [demonym] [portfolio] [demonym] [de ORG|pays].
pub fn role_at(lx: &Lexicon, sent: usize, toks: &[Token], i: usize) -> Option<RoleMention> {
    let hit = lx.title_forms.matches_at(toks, i).into_iter().next()?;
    // "a jugé", "ont élu": a participle after its auxiliary is no title.
    if hit.len == 1 && participle_after_auxiliary(toks, i) {
        return None;
    }
    let title = &lx.titles[*hit.value as usize];
    let mut j = i + hit.len;
    // "le gouverneur régional X", "le président sortant": the adjective is no part of the office.
    while toks.get(j).is_some_and(|t| TITLE_ADJECTIVES.contains(&t.norm.as_str())) {
        j += 1;
    }
    let mut affiliation = None;
    if let Some(c) = demonym_at(lx, toks, j) {
        affiliation = Some(Ref::Country(c));
        j += 1;
    }
    let mut label = title.label.clone();
    if title.kind == "minister" {
        let c = connector_len(toks, j);
        if let Some(p) = lx.portfolio_forms.matches_at(toks, j + c).into_iter().next() {
            let conn: Vec<&str> = toks[j..j + c].iter().map(|t| t.text.as_str()).collect();
            let conn = conn.join(" ").replace(" l'", " l’").replace("l’ ", "l’");
            let conn = if conn.ends_with('\'') || conn.ends_with('’') { conn } else { format!("{conn} ") };
            // The portfolio as written ("au Trésor", not the lexicon's "Finances"), capitalized.
            let written: Vec<&str> = toks[j + c..j + c + p.len].iter().map(|t| t.text.as_str()).collect();
            let written = capitalize(&written.join(" ").replace("' ", "'").replace("’ ", "’"));
            label = format!("{} {}{}", title.label, conn.to_lowercase().replace('\'', "’"), written);
            j += c + p.len;
            if affiliation.is_none() {
                if let Some(c) = demonym_at(lx, toks, j) {
                    affiliation = Some(Ref::Country(c));
                    j += 1;
                }
            }
        }
    }
    let title_b = j;
    if affiliation.is_none() {
        if let Some((r, end)) = complement_at(lx, toks, j) {
            // "maire de Vienne (Isère)": a capital's name qualified in
            // parentheses is a city, not that state.
            let c = connector_len(toks, j);
            let capital = lx.names.matches_at(toks, j + c).iter().any(|h| matches!(h.value, Named::Capital(_)))
                && !lx.names.matches_at(toks, j + c).iter().any(|h| matches!(h.value, Named::Country(_)));
            if !(capital && toks.get(end).is_some_and(|t| t.text == "(")) {
                affiliation = Some(r);
            }
            j = end;
        }
    }
    // Ranks, trades and descriptions say who someone is, not an office they hold.
    let office = !matches!(title.kind.as_str(), "rank" | "trade" | "description");
    Some(RoleMention { sent, a: i, b: j, title_b, label, affiliation, office })
}

/// Adjectives that qualify a title without naming another office.
const TITLE_ADJECTIVES: &[&str] = &[
    "regional",
    "regionale",
    "regionaux",
    "local",
    "locale",
    "locaux",
    "adjoint",
    "adjointe",
    "adjoints",
    "interimaire",
    "provisoire",
    "sortant",
    "sortante",
    "sortants",
    "demissionnaire",
    "municipal",
    "municipale",
    "departemental",
    "departementale",
    "federal",
    "federale",
    "honoraire",
    "delegue",
    "deleguee",
];

/// Whether the word at `i` is a past participle right after an auxiliary
/// ("a jugé", "a été élu" reads "élu" as the verb).
fn participle_after_auxiliary(toks: &[Token], i: usize) -> bool {
    use crate::syntax::{Upos, VerbForm};
    let aux = i.checked_sub(1).is_some_and(|p| {
        matches!(
            toks[p].norm.as_str(),
            "a" | "ont" | "avait" | "avaient" | "aura" | "auront" | "aurait" | "auraient" | "ete" | "avoir" | "eu"
        ) && toks[p].text != "à"
    });
    aux && crate::lexicon::morph::Morph::builtin()
        .lookup_word(&toks[i].text)
        .any(|a| a.upos == Upos::Verb && a.feats.verb_form == VerbForm::Part)
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::name_tokens;

    fn read(text: &str) -> (Vec<(String, &'static str)>, Vec<String>) {
        let lx = Lexicon::builtin();
        let toks = name_tokens(text);
        let m = detect(lx, text, 0, &toks);
        (m.entities.into_iter().map(|m| (m.surface, m.rule)).collect(), m.roles.into_iter().map(|r| r.label).collect())
    }

    #[test]
    fn unseen_person_after_title_and_demonym() {
        let (ents, roles) = read("Le président kényan William Ruto a reçu la ministre française des Armées.");
        assert!(ents.contains(&("William Ruto".into(), "person/given-name")), "{ents:?}");
        assert!(ents.contains(&("kényan".into(), "demonym")), "{ents:?}");
        assert_eq!(roles, ["président", "ministre des Armées"]);
    }

    #[test]
    fn surname_first_names_after_a_title() {
        let (ents, _) = read("Le Premier ministre japonais Ishiba Shigeru est arrivé à Pékin.");
        assert!(ents.iter().any(|(s, r)| s == "Ishiba Shigeru" && r.starts_with("person/")), "{ents:?}");
        assert!(ents.contains(&("Pékin".into(), "name/capital-place")), "{ents:?}");
    }

    #[test]
    fn capital_acts_for_the_state_unless_it_is_a_place() {
        let (ents, _) = read("Berlin a protesté auprès de l’ambassade à Berlin.");
        assert_eq!(ents[0], ("Berlin".into(), "name/capital-actor"));
        assert_eq!(ents[1], ("Berlin".into(), "name/capital-place"));
    }

    #[test]
    fn bodies_by_pattern() {
        let (ents, _) =
            read("Le ministère brésilien de la Santé et l’armée malienne ont confirmé, selon le gouvernement chilien.");
        let rules: Vec<_> = ents.iter().map(|(s, r)| format!("{s}={r}")).collect();
        assert!(rules.contains(&"ministère brésilien de la Santé=body/pattern".to_string()), "{rules:?}");
        assert!(rules.contains(&"armée malienne=body/described".to_string()), "{rules:?}");
        assert!(rules.contains(&"gouvernement chilien=body/state".to_string()), "{rules:?}");
    }

    #[test]
    fn a_work_title_names_no_place_nor_person() {
        let (ents, _) = read("Il joue dans le film dramatique « Retour à Trelonne » avec Aurélien Vasseur.");
        assert!(!ents.iter().any(|(s, _)| s == "Trelonne"), "{ents:?}");
        assert!(ents.iter().any(|(s, _)| s == "Aurélien Vasseur"), "{ents:?}");
        let (ents, _) = read("Elle chante « Bérengère Moulard », « Les Rives de Carvagne » et « Nuit à Trelonne ».");
        assert!(ents.iter().any(|(s, _)| s == "Bérengère Moulard"), "{ents:?}");
        let (ents, _) = read("Le livre « Une nuit avec Aurélien Vasseur » paraît.");
        assert!(ents.iter().any(|(s, _)| s == "Aurélien Vasseur"), "{ents:?}");
        let (ents, _) = read("L'album « Minuit à Trelonne » sort en mars.");
        assert!(ents.is_empty(), "{ents:?}");
        let (ents, _) = read("La chanson « Dame Orvelle », « Trelonne » et « Carvagne » sont connues.");
        assert!(ents.is_empty(), "{ents:?}");
    }

    #[test]
    fn a_name_after_a_complex_preposition_is_no_place() {
        let lx = Lexicon::builtin();
        let text = "Contrairement à Orvalde Quennec, elle reste, grâce à Trelvane.";
        let toks = name_tokens(text);
        let m = detect(lx, text, 0, &toks);
        for e in &m.entities {
            assert!(e.alt.is_none(), "{e:?}");
        }
        assert!(m.entities.iter().any(|e| matches!(e.target, Ref::Person { strong: true, .. })), "{:?}", m.entities);
    }

    #[test]
    fn an_english_name_keeps_its_of_part() {
        let (ents, _) = read("Elle étudie à la Royal Institute of Quennec Arts puis à la University of Trelonne.");
        assert!(ents.contains(&("Royal Institute of Quennec Arts".into(), "org/english-head")), "{ents:?}");
        assert!(ents.contains(&("University of Trelonne".into(), "org/english-head")), "{ents:?}");
        let (ents, _) = read("Il expose au Museum of Carvagne Art.");
        assert!(ents.contains(&("Museum of Carvagne Art".into(), "place/english-head")), "{ents:?}");
    }

    #[test]
    fn a_basin_or_a_plural_head_is_no_word_of_the_name() {
        let (ents, _) = read("Le sel vient du bassin de la Trelvane et des comtés de Carvagnshire et de Quennec.");
        assert!(ents.iter().any(|(s, _)| s == "Trelvane"), "{ents:?}");
        assert!(ents.iter().any(|(s, _)| s == "Carvagnshire"), "{ents:?}");
    }

    #[test]
    fn names_of_people_with_initials_towns_and_verbs() {
        let (ents, _) = read("Un roman écrit par F. Orvald Quennec et réalisé par Jean M. Trelvane.");
        assert!(ents.iter().any(|(s, _)| s == "F. Orvald Quennec"), "{ents:?}");
        assert!(ents.iter().any(|(s, _)| s == "Jean M. Trelvane"), "{ents:?}");
        // A given name and a surname that are also towns' names.
        let (ents, _) = read("Elle remplace une nouvelle fois Florence Lincoln à la pause.");
        assert!(ents.contains(&("Florence Lincoln".into(), "person/given-name")), "{ents:?}");
        // A surname that is also a verb form.
        let (ents, _) = read("Selon elle, Aurélien Tenir et Bérengère Moulard y sont nés.");
        assert!(ents.contains(&("Aurélien Tenir".into(), "person/given-name")), "{ents:?}");
    }

    #[test]
    fn a_maker_after_its_participle_is_a_firm() {
        let (ents, _) =
            read("Le jeu a été développé et édité par Marcel Trelsoft, puis commercialisé par Kadorano Trelbooks.");
        assert!(ents.contains(&("Marcel Trelsoft".into(), "org/maker")), "{ents:?}");
        assert!(ents.contains(&("Kadorano Trelbooks".into(), "org/maker")), "{ents:?}");
    }

    #[test]
    fn a_name_after_a_noun_of_bodies_may_open_with_a_given_name() {
        let (ents, _) =
            read("C'est une chanson du groupe Gerald and the Trelvanes, signé chez l'écurie Aston Quennec Racing.");
        assert!(ents.contains(&("Gerald and the Trelvanes".into(), "org/after-noun")), "{ents:?}");
        assert!(ents.contains(&("Aston Quennec Racing".into(), "org/after-noun")), "{ents:?}");
    }

    #[test]
    fn clubs_by_their_marks_and_stade_de_a_town() {
        let (ents, _) = read("Il quitte le Tarvel Calcio pour le Quennec Foot 38, puis rejoint le Stade de Quimper.");
        assert!(ents.contains(&("Tarvel Calcio".into(), "org/club")), "{ents:?}");
        assert!(ents.contains(&("Quennec Foot 38".into(), "org/club")), "{ents:?}");
        assert!(ents.contains(&("Stade de Quimper".into(), "org/club")), "{ents:?}");
        let (ents, _) = read("Le match a lieu au Stade de France.");
        assert!(!ents.iter().any(|(_, r)| *r == "org/club"), "{ents:?}");
    }
    #[test]
    fn a_site_is_named_by_no_person() {
        let (ents, _) = read(
            "Sur l'agrégateur américain Rotvane Quennes, le film obtient 81 %, et le site de Trelvax Orbis aussi.",
        );
        assert!(!ents.iter().any(|(_, r)| r.starts_with("person/")), "{ents:?}");
    }

    #[test]
    fn a_namesake_party_of_another_state() {
        let (ents, _) = read("Le Parti socialiste portugais a gagné les élections.");
        assert!(ents.contains(&("Parti socialiste portugais".into(), "org/namesake")), "{ents:?}");
    }

    #[test]
    fn a_saint_joined_by_hyphens_is_a_place() {
        let lx = Lexicon::builtin();
        let text = "La paroisse compte trois églises : Saint-Orvald, Sainte-Trelvane et Notre-Dame-des-Quennes.";
        let toks = name_tokens(text);
        let m = detect(lx, text, 0, &toks);
        let places = m.entities.iter().filter(|e| matches!(e.alt.as_deref(), Some(Ref::Place { .. }))).count();
        assert_eq!(places, 3, "{:?}", m.entities);
    }

    #[test]
    fn a_capitalized_relief_and_its_adjective_are_a_place() {
        let (ents, _) = read("La route passe entre le Bassin oriental et le Plateau central.");
        assert!(ents.contains(&("Bassin oriental".into(), "place/relief")), "{ents:?}");
        assert!(ents.contains(&("Plateau central".into(), "place/relief")), "{ents:?}");
    }

    #[test]
    fn tv_beside_a_name_is_a_channel() {
        let (ents, _) = read("La série est diffusée sur TV Trelvane puis sur Quennec TV.");
        assert!(ents.contains(&("TV Trelvane".into(), "org/channel")), "{ents:?}");
        assert!(ents.contains(&("Quennec TV".into(), "org/channel")), "{ents:?}");
    }
}
