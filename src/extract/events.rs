//! Who did what to whom: deploys, met, visited, summoned, supplies,
//! attacks, allied_with, read from verbs in any tense and voice and from
//! their nominalizations, with modality, quantity and date.
//!
//! A trigger is a verb known by its lemma (the verb lexicon gives every
//! form) or a noun ("déploiement", "invasion", "visite"). Its agent is the
//! nearest actor before it in the clause, the actor after "par" in a
//! passive, or the state named by the demonym on a troop noun ("les
//! troupes turques sont arrivées à X"); its target follows a
//! preposition that fits the relation. A head of state acting for their
//! state (deploys, supplies, attacks, allied_with) is lifted to that state
//! through the affiliation read anywhere in the corpus. Rule ids name the
//! construction: `deploys/verb`, `deploys/passive-par`, `deploys/nominal`,
//! `attacks/nominal-par`…

use crate::graph::{node_id, AttrValue, Fact};
use crate::ontology::{Modality, NodeKind, Relation};
use crate::text::{TokKind, Token};

use super::words::{DESCRIPTORS, MONTHS, WEEKDAYS};
use super::{DocContext, World};

/// An actor or place of a sentence: an entity mention, or a title phrase
/// standing for a person of the document.
#[derive(Debug, Clone)]
struct Arg {
    a: usize,
    b: usize,
    id: String,
    kind: NodeKind,
    /// Only a demonym ("sud-africaines"): it qualifies a noun, it is no actor.
    demonym: bool,
}

/// What carries over from one sentence to the next.
#[derive(Debug, Default)]
pub struct EventState {
    /// The state whose troops the text last spoke of ("d'entre eux", "ces soldats").
    troops_of: Option<String>,
    /// The actors coordinated as subject of the last sentence ("X et Y ont…"), for "ils".
    last_subjects: Vec<String>,
}

/// Nouns for troops: they are no node, their demonym names the state that sends them.
const TROOP_NOUNS: &[&str] = &[
    "troupes",
    "troupe",
    "soldats",
    "soldat",
    "militaires",
    "forces",
    "combattants",
    "brigades",
    "brigade",
    "bataillons",
    "bataillon",
    "unites",
    "contingent",
    "contingents",
    "hommes",
    "mercenaires",
    "renforts",
    "effectifs",
    "personnels",
    "commandos",
    "marins",
    "navires",
    "avions",
    "chars",
    "divisions",
];

/// Sending verbs: a state or an organization as subject suffices.
const SEND: &[&str] = &[
    "envoyer",
    "deployer",
    "depecher",
    "stationner",
    "transferer",
    "acheminer",
    "amener",
    "baser",
    "positionner",
    "masser",
    "redeployer",
    "mobiliser",
];
/// Motion verbs: they deploy only when troops move.
const MOVE: &[&str] = &[
    "arriver",
    "diriger",
    "partir",
    "voyager",
    "rendre",
    "trouver",
    "entrer",
    "penetrer",
    "rejoindre",
    "debarquer",
    "rallier",
];
const DEPLOY_NOUNS: &[&str] = &["deploiement", "envoi", "presence", "transfert", "stationnement", "arrivee"];
const MEET: &[&str] =
    &["rencontrer", "entretenir", "recevoir", "informer", "accueillir", "retrouver", "telephoner", "appeler"];
const MEET_NOUNS: &[&str] =
    &["conference", "reunion", "entretien", "rencontre", "sommet", "appel", "tete-a-tete", "diner"];
const VISIT: &[&str] = &["visiter"];
const SUMMON: &[&str] = &["convoquer"];
const SUPPLY: &[&str] = &["fournir", "livrer", "armer", "vendre", "equiper", "ceder", "transmettre"];
const SUPPLY_NOUNS: &[&str] = &["fourniture", "livraison", "livraisons", "fournitures", "vente", "ventes"];
const ATTACK: &[&str] =
    &["envahir", "attaquer", "frapper", "bombarder", "pilonner", "avancer", "occuper", "annexer", "agresser", "cibler"];
const ATTACK_NOUNS: &[&str] = &[
    "invasion",
    "attaque",
    "offensive",
    "agression",
    "occupation",
    "annexion",
    "bombardement",
    "bombardements",
    "frappes",
    "incursion",
];
const PACT_NOUNS: &[&str] = &["traite", "accord", "pacte", "alliance", "partenariat"];
const SAY: &[&str] = &[
    "declarer",
    "dire",
    "expliquer",
    "affirmer",
    "assurer",
    "rappeler",
    "repondre",
    "ecrire",
    "annoncer",
    "confirmer",
    "indiquer",
    "preciser",
    "souligner",
];

/// Words that make what follows possible, not done.
const HEDGES: &[&str] = &[
    "pourrait",
    "pourraient",
    "pourra",
    "pourront",
    "devrait",
    "devraient",
    "devra",
    "devront",
    "souhaite",
    "souhaitait",
    "souhaiteraient",
    "veut",
    "voulait",
    "veulent",
    "voulaient",
    "prevoit",
    "prevoyait",
    "envisage",
    "envisageait",
    "menace",
    "menacait",
    "risque",
    "risquent",
    "destines",
    "destinees",
    "destine",
    "destinee",
    "projette",
    "compte",
    "comptait",
    "pret",
    "prete",
    "prets",
    "pretes",
    "si",
    "eventuel",
    "eventuelle",
    "possible",
    "possibles",
    "futur",
    "prochain",
    "prochainement",
    "bientot",
    "avant",
];
const NEGATIONS: &[&str] = &["pas", "jamais", "plus", "guere", "aucun", "aucune", "nullement"];
const DENY: &[&str] = &["nier", "dementir", "contester", "rejeter", "refuter"];
const DESTINATION: &[&str] = &["en", "au", "aux", "a", "dans", "vers", "jusqu'", "sur"];

fn args(ctx: &DocContext, si: usize, world: &World) -> Vec<Arg> {
    let s = &ctx.doc().sentences[si];
    let mut out: Vec<Arg> = s
        .mentions
        .entities
        .iter()
        .enumerate()
        .filter_map(|(mi, m)| {
            let r = ctx.resolved[si][mi].as_ref()?;
            Some(Arg { a: m.a, b: m.b, id: r.id.clone(), kind: r.kind, demonym: !m.proper && m.rule == "demonym" })
        })
        .collect();
    // A title phrase followed by no name ("l'ambassadeur de Russie") stands for its holder.
    for role in &s.mentions.roles {
        if s.tokens.get(role.b).is_some_and(|t| t.is_cap()) {
            continue;
        }
        if out.iter().any(|x| x.a >= role.a && x.a <= role.b + 1 && x.kind == NodeKind::Person) {
            continue;
        }
        if let Some(p) = ctx.described_unique(role, si, world) {
            out.retain(|x| x.b <= role.a || x.a >= role.b);
            out.push(Arg { a: role.a, b: role.b, id: p, kind: NodeKind::Person, demonym: false });
        }
    }
    out.sort_by_key(|x| x.a);
    out
}

fn lemma<'a>(ctx: &'a DocContext, t: &Token) -> Option<&'a str> {
    if t.kind != TokKind::Word {
        return None;
    }
    ctx.lexicon().lemma(&t.norm)
}

fn is_actor(k: NodeKind) -> bool {
    matches!(k, NodeKind::Person | NodeKind::Country | NodeKind::Organization)
}

fn is_place(k: NodeKind) -> bool {
    matches!(k, NodeKind::Country | NodeKind::Location)
}

/// Where the clause of token `v` starts: after a semicolon, a colon, a
/// relative or completive conjunction, or an opening quote.
fn clause_start(toks: &[Token], v: usize) -> usize {
    toks[..v]
        .iter()
        .rposition(|t| {
            matches!(
                t.norm.as_str(),
                ";" | ":" | "que" | "qu'" | "«" | "“" | "mais" | "tandis" | "alors" | "car" | "où"
            )
        })
        .map_or(0, |k| k + 1)
}

/// The modality of a trigger from the words around it.
fn modality(ctx: &DocContext, si: usize, v: usize) -> Modality {
    let toks = &ctx.doc().sentences[si].tokens;
    let from = clause_start(toks, v).max(v.saturating_sub(6));
    let window = &toks[from..v];
    let after = &toks[v + 1..toks.len().min(v + 4)];
    let negated = window.iter().any(|t| t.norm == "ne" || t.norm == "n'")
        && window.iter().chain(after).any(|t| NEGATIONS.contains(&t.norm.as_str()));
    let denied = toks[v.saturating_sub(4)..v].iter().any(|t| lemma(ctx, t).is_some_and(|l| DENY.contains(&l)));
    // "ne croient pas que X soit arrivé", "nient que X ait envoyé": the clause is denied.
    let governed_denial = toks[..v].iter().rposition(|t| t.norm == "que" || t.norm == "qu'").is_some_and(|q| {
        let w = &toks[q.saturating_sub(5)..q];
        let neg = w.iter().any(|t| t.norm == "ne" || t.norm == "n'")
            && w.iter().any(|t| NEGATIONS.contains(&t.norm.as_str()));
        neg || w.iter().any(|t| lemma(ctx, t).is_some_and(|l| DENY.contains(&l)))
    });
    if negated || denied || governed_denial {
        return Modality::Negated;
    }
    let w = &toks[v.saturating_sub(5)..v];
    let future_aux = w
        .iter()
        .any(|t| matches!(t.norm.as_str(), "sera" | "seront" | "aura" | "auront" | "va" | "vont" | "iront" | "ira"));
    if w.iter().any(|t| HEDGES.contains(&t.norm.as_str())) || future_aux || is_future_or_conditional(&toks[v].norm) {
        return Modality::Possible;
    }
    let conditional_aux = w
        .iter()
        .any(|t| matches!(t.norm.as_str(), "aurait" | "auraient" | "serait" | "seraient" | "aurais" | "serais"));
    let attributed = toks.iter().any(|t| matches!(t.norm.as_str(), "selon" | "d'apres"))
        || toks[..v].iter().any(|t| t.norm == "que" || t.norm == "qu'")
            && toks[..v].iter().any(|t| lemma(ctx, t).is_some_and(|l| SAY.contains(&l) || l == "estimer"));
    if conditional_aux || attributed {
        Modality::Reported
    } else {
        Modality::Asserted
    }
}

/// Future and conditional forms of a main verb ("enverra", "enverrait").
fn is_future_or_conditional(norm: &str) -> bool {
    ["ra", "ront", "rait", "raient", "rons", "rez"].iter().any(|e| norm.ends_with(e))
        && norm.len() > 5
        && !norm.ends_with("tra")
}

/// The nearest actor before `v` in its clause (a demonym alone is not one).
fn agent_before<'x>(args: &'x [Arg], toks: &[Token], v: usize) -> Option<&'x Arg> {
    let mut start = clause_start(toks, v);
    // "Téhéran « a fourni … »": a quotation that opens after its subject.
    if start > 0 && matches!(toks[start - 1].norm.as_str(), "«" | "“") && args.iter().any(|x| x.b + 1 == start) {
        start -= 1 + args.iter().find(|x| x.b + 1 == start).map_or(0, |x| x.b - x.a);
    }
    args.iter().rev().find(|x| {
        x.b <= v
            && x.a >= start
            && v - x.b <= 12
            && !x.demonym
            && is_actor(x.kind)
            && (!is_complement(toks, x.a) || owns_troops(toks, x.a))
    })
}

/// Whether the phrase at `a` follows a preposition ("de la Russie", "en Russie").
fn is_complement(toks: &[Token], a: usize) -> bool {
    let p = match a.checked_sub(1) {
        Some(p) if matches!(toks[p].norm.as_str(), "la" | "l'" | "le" | "les") => p.checked_sub(1),
        p => p,
    };
    p.is_some_and(|p| PREPOSITIONS.contains(&toks[p].norm.as_str()))
}

/// "les navires de la flotte X", "les troupes du Kremlin": the owner of troops acts.
fn owns_troops(toks: &[Token], a: usize) -> bool {
    let mut k = a;
    while k > 0 && matches!(toks[k - 1].norm.as_str(), "la" | "l'" | "le" | "les" | "de" | "du" | "d'" | "des") {
        k -= 1;
    }
    k < a && k > 0 && TROOP_NOUNS.contains(&toks[k - 1].norm.as_str())
}

/// Words before a noun phrase that make it a complement, not a subject.
const PREPOSITIONS: &[&str] = &[
    "de", "du", "d'", "des", "en", "dans", "a", "au", "aux", "vers", "sur", "avec", "contre", "par", "pour", "depuis",
    "entre", "chez", "sans", "selon",
];

/// The actor after "par" following `v` (passive voice, "l'invasion de X par Y").
fn agent_par<'x>(args: &'x [Arg], toks: &[Token], v: usize) -> Option<&'x Arg> {
    let p = (v + 1..toks.len().min(v + 10)).find(|&k| toks[k].norm == "par")?;
    args.iter().find(|x| x.a > p && x.a - p <= 3 && !x.demonym && is_actor(x.kind))
}

/// The first place after `v` announced by a destination preposition.
fn destination<'x>(args: &'x [Arg], toks: &[Token], v: usize, limit: usize, not: &str) -> Option<&'x Arg> {
    args.iter().find(|x| {
        x.a > v
            && x.id != not
            && x.a - v <= limit
            && is_place(x.kind)
            && (x.a.saturating_sub(5)..x.a).any(|k| DESTINATION.contains(&toks[k].norm.as_str()))
            && !(x.a.saturating_sub(3)..x.a).any(|k| {
                matches!(toks[k].norm.as_str(), "depuis" | "de" | "du" | "d'")
                    && !matches!(toks[x.a - 1].norm.as_str(), "la" | "l'")
                    || toks[x.a - 1].norm == "depuis"
            })
    })
}

/// The state named by a demonym on a troop noun near `v`, if any:
/// "des soldats tchadiens", "les troupes turques".
fn troop_state(ctx: &DocContext, toks: &[Token], args: &[Arg], v: usize) -> Option<String> {
    let lo = v.saturating_sub(10);
    let hi = toks.len().min(v + 8);
    for k in lo..hi {
        if !TROOP_NOUNS.contains(&toks[k].norm.as_str()) {
            continue;
        }
        for d in k + 1..toks.len().min(k + 4) {
            if let Some(x) = args.iter().find(|x| x.a == d && x.demonym) {
                return Some(x.id.clone());
            }
        }
        // "de ses troupes" after a subject: the subject's troops; handled by the caller.
        let _ = ctx;
    }
    None
}

fn has_troops(toks: &[Token], v: usize) -> bool {
    let lo = clause_start(toks, v).max(v.saturating_sub(10));
    toks[lo..toks.len().min(v + 8)].iter().any(|t| TROOP_NOUNS.contains(&t.norm.as_str()))
        || toks[lo..v].windows(2).any(|w| w[0].norm == "d'" && w[1].norm == "entre")
}

/// A whole number of troops near `v`: "3 000 soldats", "1.500 soldats", "3 000 de ses troupes".
fn quantity(toks: &[Token], v: usize) -> Option<(i64, Option<String>)> {
    let lo = v.saturating_sub(10);
    let hi = toks.len().min(v + 10);
    for k in lo..hi {
        let Some(n) = toks[k].value else { continue };
        if toks[k].kind != TokKind::Number || (1900..=2100).contains(&n) && toks[k].text.len() == 4 {
            continue;
        }
        let next = toks.get(k + 1).map(|t| t.norm.as_str());
        if let Some(unit) = next.filter(|n| TROOP_NOUNS.contains(n)) {
            return Some((n, Some(unit.to_string())));
        }
        if matches!(next, Some("de" | "d'"))
            && toks.get(k + 2).is_some_and(|t| matches!(t.norm.as_str(), "ses" | "leurs" | "entre"))
        {
            return Some((n, None));
        }
    }
    None
}

/// A date in the sentence: "le 13 septembre 2023" → 2023-09-13, "le 19 juin" →
/// --06-19 with its text; a weekday alone stays text.
fn date(toks: &[Token], v: usize) -> Option<(Option<String>, String)> {
    // The date nearest the trigger, after it first: "X s'est rendu en Russie le 13 septembre".
    let mut order: Vec<usize> = (v..toks.len()).collect();
    order.extend((0..v).rev());
    for k in order {
        let Some(m) = MONTHS.iter().position(|m| *m == toks[k].norm) else { continue };
        let day = k.checked_sub(1).and_then(|d| toks[d].value).filter(|d| (1..=31).contains(d));
        let year = toks.get(k + 1).and_then(|t| t.value).filter(|y| (1800..=2200).contains(y));
        let (Some(d), mon) = (day, m + 1) else { continue };
        let text_start = k - 1;
        let text_end = if year.is_some() { k + 2 } else { k + 1 };
        let text: Vec<&str> = toks[text_start..text_end].iter().map(|t| t.text.as_str()).collect();
        let iso = match year {
            Some(y) => format!("{y:04}-{mon:02}-{d:02}"),
            None => format!("--{mon:02}-{d:02}"),
        };
        return Some((Some(iso), text.join(" ")));
    }
    toks.iter().find(|t| WEEKDAYS.contains(&t.norm.as_str())).map(|t| (None, t.text.clone()))
}

struct Out<'a, 'c, 'd> {
    ctx: &'a DocContext<'c, 'd>,
    si: usize,
    world: &'a World,
    facts: Vec<EventFact>,
}

impl Out<'_, '_, '_> {
    /// The state a head of state or government acts for, else the actor itself.
    fn lift(&self, id: &str, kind: NodeKind) -> String {
        if kind == NodeKind::Person {
            if let Some(c) = self.world.country_of.get(id) {
                return c.clone();
            }
        }
        id.to_string()
    }

    fn push(&mut self, source: &str, rel: Relation, target: &str, v: usize, rule: &str, attrs: &[(&str, AttrValue)]) {
        if source == target {
            return;
        }
        let mut f = self.ctx.fact(self.si, source, rel, target, rule);
        f.modality = modality(self.ctx, self.si, v);
        for (k, val) in attrs {
            f.evidence.attrs.insert((*k).to_string(), val.clone());
        }
        let toks = &self.ctx.doc().sentences[self.si].tokens;
        if matches!(
            rel,
            Relation::Deploys
                | Relation::Visited
                | Relation::Met
                | Relation::Attacks
                | Relation::Supplies
                | Relation::Summoned
        ) {
            if let Some((iso, text)) = date(toks, v) {
                if let Some(iso) = iso {
                    f.evidence.attrs.insert("date".into(), AttrValue::Text(iso));
                }
                f.evidence.attrs.insert("date_text".into(), AttrValue::Text(text));
            }
        }
        let mut implied = Vec::new();
        for id in [source, target] {
            if let Some(label) = self.country_label(id) {
                implied.push((id.to_string(), NodeKind::Country, label));
            }
        }
        self.facts.push((f, implied));
    }

    fn country_label(&self, id: &str) -> Option<String> {
        let lx = self.ctx.lexicon();
        id.strip_prefix("country:")?;
        lx.countries.iter().find(|c| node_id(NodeKind::Country, &c.label) == id).map(|c| c.label.clone())
    }
}

/// A fact and the country nodes it implies (id, kind, label), declared if unseen.
pub type EventFact = (Fact, Vec<(String, NodeKind, String)>);

/// Reads the events of sentence `si`.
pub fn read(ctx: &DocContext, si: usize, world: &World, state: &mut EventState) -> Vec<EventFact> {
    let s = &ctx.doc().sentences[si];
    let toks = &s.tokens;
    let args = args(ctx, si, world);
    let mut out = Out { ctx, si, world, facts: Vec::new() };
    #[allow(clippy::needless_range_loop)] // rules look around `v`, not only at it
    for v in 0..toks.len() {
        let lem = lemma(ctx, &toks[v]);
        let norm = toks[v].norm.as_str();
        // "entre" is far more often the preposition than the verb "entrer".
        let lem = lem.filter(|_| norm != "entre");
        if let Some(l) = lem {
            if SEND.contains(&l) || MOVE.contains(&l) {
                deploys_verb(&mut out, &args, state, v, SEND.contains(&l), l);
            }
            if VISIT.contains(&l) || l == "rendre" {
                visited_verb(&mut out, &args, v, l);
            }
            if MEET.contains(&l) || SAY.contains(&l) {
                met_verb(&mut out, &args, v, l);
            }
            if SUMMON.contains(&l) {
                summoned_verb(&mut out, &args, v);
            }
            if SUPPLY.contains(&l) {
                supplies_verb(&mut out, &args, v);
            }
            if ATTACK.contains(&l) {
                attacks_verb(&mut out, &args, v, l);
            }
            if l == "signer" || l == "conclure" || l == "sceller" {
                pact(&mut out, &args, state, v);
            }
        }
        if DEPLOY_NOUNS.contains(&norm) {
            deploys_nominal(&mut out, &args, v);
        }
        if MEET_NOUNS.contains(&norm) {
            met_nominal(&mut out, &args, v);
        }
        if norm == "visite" || norm == "visites" {
            visited_nominal(&mut out, &args, v);
        }
        if ATTACK_NOUNS.contains(&norm) {
            attacks_nominal(&mut out, &args, v);
        }
        if SUPPLY_NOUNS.contains(&norm) {
            supplies_nominal(&mut out, &args, v);
        }
        if matches!(norm, "alliance" | "partenariat" | "traite" | "pacte") {
            pact_between(&mut out, &args, v);
        }
    }
    dateline_visit(&mut out, &args);
    // Remember the coordinated subject of this sentence for "ils" in the next.
    let subjects: Vec<String> = subject_coordination(&args, toks);
    state.last_subjects = subjects;
    out.facts
}

fn subject_coordination(args: &[Arg], toks: &[Token]) -> Vec<String> {
    let mut out = Vec::new();
    let mut k = 0;
    for x in args {
        if !(is_actor(x.kind)) || x.demonym {
            continue;
        }
        let glue = &toks[k..x.a];
        if !glue.iter().all(|t| matches!(t.norm.as_str(), "la" | "le" | "les" | "l'" | "et" | ",")) {
            break;
        }
        out.push(x.id.clone());
        k = x.b;
    }
    if out.len() >= 2 {
        out
    } else {
        Vec::new()
    }
}

fn deploys_verb(out: &mut Out, args: &[Arg], state: &mut EventState, v: usize, sending: bool, lem: &str) {
    let toks = &out.ctx.doc().sentences[out.si].tokens;
    // "se rendre" is a deployment only for troops; for people it is a visit.
    if lem == "rendre"
        && !(v >= 2 && toks[v.saturating_sub(3)..v].iter().any(|t| matches!(t.norm.as_str(), "se" | "s'")))
    {
        return;
    }
    let troops = has_troops(toks, v);
    if !sending && !troops {
        return;
    }
    let troop_state = troop_state(out.ctx, toks, args, v);
    let explicit = agent_par(args, toks, v).or_else(|| agent_before(args, toks, v));
    let (agent, rule) = match (explicit, &troop_state) {
        (Some(x), _) if x.kind != NodeKind::Person || sending => (
            Some(out.lift(&x.id, x.kind)),
            if agent_par(args, toks, v).is_some() { "deploys/passive-par" } else { "deploys/verb" },
        ),
        (_, Some(c)) => (Some(c.clone()), "deploys/troops-demonym"),
        _ if troops => (state.troops_of.clone(), "deploys/troops-anaphora"),
        _ => (None, ""),
    };
    let Some(agent) = agent else { return };
    if troops {
        state.troops_of = Some(agent.clone());
    }
    let Some(dest) = destination(args, toks, v, 14, &agent) else { return };
    if !agent.starts_with("country:") && !agent.starts_with("organization:") {
        return;
    }
    let mut attrs = Vec::new();
    if let Some((n, unit)) = quantity(toks, v) {
        attrs.push(("quantity", AttrValue::Int(n)));
        if let Some(u) = unit {
            attrs.push(("unit", AttrValue::Text(u)));
        }
    }
    let dest = dest.id.clone();
    let rule = format!("{rule}/{lem}");
    out.push(&agent, Relation::Deploys, &dest, v, &rule, &attrs);
}

fn deploys_nominal(out: &mut Out, args: &[Arg], v: usize) {
    let toks = &out.ctx.doc().sentences[out.si].tokens;
    // "le déploiement de troupes turques dans la région d'Idlib"
    let Some(agent) = troop_state(out.ctx, toks, args, v)
        .filter(|_| toks.get(v + 1).is_some_and(|t| matches!(t.norm.as_str(), "de" | "des" | "d'")))
    else {
        return;
    };
    let Some(dest) = destination(args, toks, v, 8, &agent) else { return };
    let dest = dest.id.clone();
    let mut attrs = Vec::new();
    if let Some((n, unit)) = quantity(toks, v) {
        attrs.push(("quantity", AttrValue::Int(n)));
        if let Some(u) = unit {
            attrs.push(("unit", AttrValue::Text(u)));
        }
    }
    out.push(&agent, Relation::Deploys, &dest, v, "deploys/nominal", &attrs);
}

fn visited_verb(out: &mut Out, args: &[Arg], v: usize, lem: &str) {
    let toks = &out.ctx.doc().sentences[out.si].tokens;
    if lem == "rendre" && !toks[v.saturating_sub(3)..v].iter().any(|t| matches!(t.norm.as_str(), "se" | "s'")) {
        return;
    }
    if has_troops(toks, v) {
        return;
    }
    let Some(person) = agent_before(args, toks, v).filter(|x| x.kind == NodeKind::Person) else { return };
    let target = if lem == "visiter" {
        args.iter().find(|x| x.a > v && x.a - v <= 4 && is_place(x.kind))
    } else {
        destination(args, toks, v, 5, &person.id)
    };
    if let Some(t) = target {
        let (p, t) = (person.id.clone(), t.id.clone());
        out.push(&p, Relation::Visited, &t, v, &format!("visited/{lem}"), &[]);
    }
}

/// "la visite de X en Y", "a effectué une visite … en Y".
fn visited_nominal(out: &mut Out, args: &[Arg], v: usize) {
    let toks = &out.ctx.doc().sentences[out.si].tokens;
    let person = args
        .iter()
        .find(|x| {
            x.a > v
                && x.a - v <= 6
                && x.kind == NodeKind::Person
                && toks[v + 1..x.a].iter().any(|t| matches!(t.norm.as_str(), "de" | "du" | "d'"))
        })
        .or_else(|| {
            let effectuer = toks[v.saturating_sub(3)..v]
                .iter()
                .any(|t| t.norm.starts_with("effectu") || t.norm.starts_with("rend"));
            agent_before(args, toks, v).filter(|x| effectuer && x.kind == NodeKind::Person)
        });
    let Some(person) = person else { return };
    let Some(target) = destination(args, toks, person.b.max(v), 8, &person.id) else { return };
    let (p, t) = (person.id.clone(), target.id.clone());
    out.push(&p, Relation::Visited, &t, v, "visited/nominal", &[]);
}

/// "À Rome, X a déclaré": a person speaking at a place named first is there.
fn dateline_visit(out: &mut Out, args: &[Arg]) {
    let toks = &out.ctx.doc().sentences[out.si].tokens;
    if toks.first().is_none_or(|t| t.norm != "a") {
        return;
    }
    let Some(place) = args.first().filter(|x| x.a == 1 && x.kind == NodeKind::Location) else { return };
    if toks.get(place.b).is_none_or(|t| t.norm != ",") {
        return;
    }
    let Some(person) = args.iter().find(|x| x.a == place.b + 1 && x.kind == NodeKind::Person) else { return };
    let (p, t) = (person.id.clone(), place.id.clone());
    out.push(&p, Relation::Visited, &t, 0, "visited/dateline", &[]);
}

/// Words between a verb and its object person: articles, possessives, "M.".
const OBJECT_GLUE: &[&str] = &[
    "le",
    "la",
    "les",
    "l'",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "m.",
    "m",
    "mme",
    ".",
    "homologue",
    "collegue",
    "secretement",
    "longuement",
    "brievement",
    "hier",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "aussi",
    "egalement",
    "deja",
];

fn met_verb(out: &mut Out, args: &[Arg], v: usize, lem: &str) {
    let toks = &out.ctx.doc().sentences[out.si].tokens;
    let ctx_roles = &out.ctx.doc().sentences[out.si].mentions.roles;
    let Some(subject) =
        agent_before(args, toks, v).or_else(|| inverted_subject(args, toks, v)).filter(|x| x.kind == NodeKind::Person)
    else {
        return;
    };
    // The other person: the object, after "avec" or "à" for reflexive and speech verbs.
    let other = args.iter().find(|x| {
        x.a > v && x.a - v <= 9 && x.kind == NodeKind::Person && x.id != subject.id && {
            let between = &toks[v + 1..x.a];
            match lem {
                "entretenir" | "retrouver" => between.iter().any(|t| t.norm == "avec"),
                "telephoner" | "appeler" => true,
                l if SAY.contains(&l) => between.first().is_some_and(|t| matches!(t.norm.as_str(), "a" | "au" | "aux")),
                // "a rencontré (le président argentin) X": the object, right after the verb.
                _ => {
                    between.len() <= 6
                        && between.iter().enumerate().all(|(k, t)| {
                            OBJECT_GLUE.contains(&t.norm.as_str())
                                || DESCRIPTORS.contains(&t.norm.as_str())
                                || ctx_roles.iter().any(|r| r.a <= v + 1 + k && v + 1 + k < r.b)
                                || args.iter().any(|a| a.demonym && a.a == v + 1 + k)
                        })
                }
            }
        }
    });
    let Some(other) = other else { return };
    let (a, b) = (subject.id.clone(), other.id.clone());
    out.push(&a, Relation::Met, &b, v, &format!("met/{lem}"), &[]);
}

/// "», a déclaré X": the subject after the verb.
fn inverted_subject<'x>(args: &'x [Arg], toks: &[Token], v: usize) -> Option<&'x Arg> {
    let prev = v.checked_sub(1)?;
    let aux = matches!(toks[prev].norm.as_str(), "a" | "ont");
    let before = if aux { prev.checked_sub(1)? } else { prev };
    if !matches!(toks[before].norm.as_str(), "," | "»") {
        return None;
    }
    args.iter().find(|x| x.a > v && x.a - v <= 3 && is_actor(x.kind))
}

/// "lors d'une conférence de presse avec X", "une réunion avec X".
fn met_nominal(out: &mut Out, args: &[Arg], v: usize) {
    let toks = &out.ctx.doc().sentences[out.si].tokens;
    let Some(avec) = (v + 1..toks.len().min(v + 4)).find(|&k| toks[k].norm == "avec") else { return };
    let Some(other) = args.iter().find(|x| x.a > avec && x.a - avec <= 5 && x.kind == NodeKind::Person) else { return };
    let subject = args.iter().rev().find(|x| x.b <= v && x.kind == NodeKind::Person && x.id != other.id);
    let Some(subject) = subject else { return };
    let (a, b) = (subject.id.clone(), other.id.clone());
    out.push(&a, Relation::Met, &b, v, "met/nominal-avec", &[]);
}

fn summoned_verb(out: &mut Out, args: &[Arg], v: usize) {
    let toks = &out.ctx.doc().sentences[out.si].tokens;
    let Some(agent) = agent_before(args, toks, v) else { return };
    let Some(person) = args.iter().find(|x| x.a > v && x.a - v <= 4 && x.kind == NodeKind::Person) else { return };
    let (a, p) = (agent.id.clone(), person.id.clone());
    out.push(&a, Relation::Summoned, &p, v, "summoned/convoquer", &[]);
}

fn supplies_verb(out: &mut Out, args: &[Arg], v: usize) {
    let toks = &out.ctx.doc().sentences[out.si].tokens;
    let Some(agent) = agent_par(args, toks, v).or_else(|| agent_before(args, toks, v)) else { return };
    // The recipient follows "à" ("a fourni à la Russie des munitions").
    let Some(to) = recipient(args, toks, v) else {
        return;
    };
    let what = supplied_what(toks, v, to.b);
    let (a, t) = (out.lift(&agent.id, agent.kind), to.id.clone());
    let attrs: Vec<(&str, AttrValue)> = what.into_iter().map(|w| ("what", AttrValue::Text(w))).collect();
    out.push(&a, Relation::Supplies, &t, v, "supplies/verb", &attrs);
}

/// The state or organization supplied: after "à" ("a fourni à la Russie des munitions").
fn recipient<'x>(args: &'x [Arg], toks: &[Token], v: usize) -> Option<&'x Arg> {
    args.iter().find(|x| {
        x.a > v
            && x.a - v <= 10
            && matches!(x.kind, NodeKind::Country | NodeKind::Organization)
            && !x.demonym
            && toks[x.a.saturating_sub(3)..x.a].iter().any(|t| matches!(t.norm.as_str(), "a" | "au" | "aux"))
    })
}

/// "la fourniture d'armes … à X" with the supplier as a demonym or before.
fn supplies_nominal(out: &mut Out, args: &[Arg], v: usize) {
    let toks = &out.ctx.doc().sentences[out.si].tokens;
    let Some(to) = recipient(args, toks, v) else {
        return;
    };
    let Some(from) = args.iter().find(|x| x.a > v && x.a < to.a && x.demonym) else { return };
    let (a, t) = (from.id.clone(), to.id.clone());
    out.push(&a, Relation::Supplies, &t, v, "supplies/nominal", &[]);
}

fn supplied_what(toks: &[Token], v: usize, after: usize) -> Option<String> {
    let start = after.max(v + 1);
    let words: Vec<&str> = toks[start..toks.len().min(start + 8)]
        .iter()
        .take_while(|t| !matches!(t.norm.as_str(), "," | "." | ";" | "pour" | "afin" | "»"))
        .map(|t| t.text.as_str())
        .collect();
    (words.len() >= 2).then(|| words.join(" ").replace("' ", "'").replace("’ ", "’"))
}

fn attacks_verb(out: &mut Out, args: &[Arg], v: usize, lem: &str) {
    let toks = &out.ctx.doc().sentences[out.si].tokens;
    let passive = agent_par(args, toks, v);
    let (agent, target) = match passive {
        // "la province a été envahie par l'Ukraine": the target is the subject,
        // or for a place noun the last place named before it.
        Some(by) => (by, args.iter().rev().find(|x| x.b <= v && is_place(x.kind) && !x.demonym && x.id != by.id)),
        None => {
            let Some(agent) = agent_before(args, toks, v) else { return };
            let target = if lem == "avancer" {
                destination(args, toks, v, 6, &agent.id)
            } else {
                args.iter().find(|x| x.a > v && x.a - v <= 5 && is_place(x.kind))
            };
            (agent, target)
        }
    };
    let Some(target) = target else { return };
    let rule = if passive.is_some() { format!("attacks/passive-par/{lem}") } else { format!("attacks/verb/{lem}") };
    let (a, t) = (out.lift(&agent.id, agent.kind), target.id.clone());
    out.push(&a, Relation::Attacks, &t, v, &rule, &[]);
}

/// "l'invasion de l'Ukraine par Moscou", "l'offensive russe contre l'Ukraine".
fn attacks_nominal(out: &mut Out, args: &[Arg], v: usize) {
    let toks = &out.ctx.doc().sentences[out.si].tokens;
    let after: Vec<&Arg> = args.iter().filter(|x| x.a > v && x.a - v <= 8).collect();
    let by = agent_par(args, toks, v);
    let demonym = after.iter().find(|x| x.demonym && x.a == v + 1).map(|x| (*x).clone());
    let agent = by.cloned().or(demonym);
    let Some(agent) = agent else { return };
    let target = after.iter().find(|x| {
        is_place(x.kind)
            && !x.demonym
            && x.id != agent.id
            && toks[x.a.saturating_sub(3)..x.a]
                .iter()
                .any(|t| matches!(t.norm.as_str(), "de" | "d'" | "contre" | "du" | "sur"))
    });
    let Some(target) = target else { return };
    let (a, t) = (out.lift(&agent.id, agent.kind), target.id.clone());
    out.push(&a, Relation::Attacks, &t, v, "attacks/nominal", &[]);
}

/// "X et Y ont signé un traité", "ils ont signé un accord" (the subjects of
/// the sentence before), "X a signé un pacte avec Y".
fn pact(out: &mut Out, args: &[Arg], state: &EventState, v: usize) {
    let toks = &out.ctx.doc().sentences[out.si].tokens;
    if !toks[v + 1..toks.len().min(v + 4)].iter().any(|t| PACT_NOUNS.contains(&t.norm.as_str())) {
        return;
    }
    let start = clause_start(toks, v);
    let mut parties: Vec<String> = args
        .iter()
        .filter(|x| x.a >= start && x.b <= v && !x.demonym && matches!(x.kind, NodeKind::Country | NodeKind::Person))
        .map(|x| out.lift(&x.id, x.kind))
        .collect();
    if let Some(avec) = (v + 1..toks.len()).find(|&k| toks[k].norm == "avec") {
        if let Some(x) = args
            .iter()
            .find(|x| x.a > avec && x.a - avec <= 3 && matches!(x.kind, NodeKind::Country | NodeKind::Person))
        {
            parties.push(out.lift(&x.id, x.kind));
        }
    }
    let pronoun = toks[start..v].iter().any(|t| matches!(t.norm.as_str(), "ils" | "elles"));
    if parties.len() < 2 && pronoun {
        parties = state.last_subjects.clone();
    }
    parties.retain(|p| p.starts_with("country:"));
    parties.dedup();
    if let [a, b] = parties.as_slice() {
        let (a, b) = (a.clone(), b.clone());
        out.push(&a, Relation::AlliedWith, &b, v, "allied_with/signer-traite", &[]);
    }
}

/// "l'alliance entre X et Y", "un partenariat stratégique entre X et Y".
fn pact_between(out: &mut Out, args: &[Arg], v: usize) {
    let toks = &out.ctx.doc().sentences[out.si].tokens;
    let Some(entre) = (v + 1..toks.len().min(v + 4)).find(|&k| toks[k].norm == "entre") else { return };
    let pair: Vec<&Arg> =
        args.iter().filter(|x| x.a > entre && x.a - entre <= 7 && x.kind == NodeKind::Country).take(2).collect();
    if let [a, b] = pair.as_slice() {
        let (a, b) = (a.id.clone(), b.id.clone());
        out.push(&a, Relation::AlliedWith, &b, v, "allied_with/nominal-entre", &[]);
    }
}
