//! The structural relations: holds_role, affiliated_with, part_of,
//! located_in, member_of, each read from one sentence.
//!
//! Rule ids name the construction: `holds_role/title-before-name` ("le
//! ministre X"), `holds_role/apposition` ("X, porte-parole de…"),
//! `affiliated_with/title-complement` ("secrétaire général de l'OTAN"),
//! `affiliated_with/descriptor-demonym` ("son collègue kényan X"),
//! `part_of/demonym` ("l'armée ukrainienne"), `part_of/seat-of-power`
//! (lexicon: Kremlin), `part_of/named-in-name` ("Conseil de sécurité de
//! l'ONU"), `located_in/region-demonym` ("la région russe de Belgorod"),
//! `located_in/place-en-country` ("Lyon, en France"). Membership, place
//! descriptions and the rest are read by frames on the clause layer
//! (`relate.rs`).

use crate::graph::{node_id, Fact};
use crate::ontology::{NodeKind, Relation};
use crate::text::{fold, Token};

use super::mention::{Mention, Ref, RoleMention};
use super::words::DESCRIPTORS;
use super::{DocContext, Resolved};

/// What the structural rules read from one document.
#[derive(Debug, Default)]
pub struct Structure {
    /// Role nodes that someone holds: (id, kind, label).
    pub nodes: Vec<(String, NodeKind, String)>,
    /// Nodes that edges point to and that may have no mention: (id, kind, label).
    pub parents: Vec<(String, NodeKind, String)>,
    /// The facts.
    pub facts: Vec<Fact>,
}

/// Words allowed between a name and a title in apposition: "X, le porte-parole".
const APPOSITION_GLUE: &[&str] = &[
    ",", "le", "la", "l'", "un", "une", "ancien", "ancienne", "actuel", "actuelle", "nouveau", "nouvelle", "futur",
    "future", "-", "–", "(",
];

/// Reads every sentence of the document.
pub fn read(ctx: &DocContext) -> Structure {
    let mut out = Structure::default();
    for si in 0..ctx.doc().sentences.len() {
        roles(ctx, si, &mut out);
        descriptors(ctx, si, &mut out);
        part_of(ctx, si, &mut out);
        located_in(ctx, si, &mut out);
    }
    out
}

/// The resolved person whose mention starts at token `a` (after an optional
/// comma, and a rank after it).
fn person_at<'c>(ctx: &'c DocContext, si: usize, a: usize) -> Option<(usize, &'c Resolved)> {
    let s = &ctx.doc().sentences[si];
    let mut start = if s.tokens.get(a).is_some_and(|t| t.norm == ",") { a + 1 } else { a };
    // "le chef de l'État, le général X": after the comma, a rank before the
    // name leaves the title to the name.
    if start > a {
        let det = usize::from(s.tokens.get(start).is_some_and(|t| matches!(t.norm.as_str(), "le" | "la" | "l'")));
        if let Some(rank) = s.mentions.roles.iter().find(|r| r.a == start + det && !r.office) {
            start = rank.b;
        }
    }
    s.mentions.entities.iter().enumerate().find_map(|(mi, m)| {
        let r = ctx.resolved[si][mi].as_ref()?;
        (m.a == start && r.kind == NodeKind::Person).then_some((mi, r))
    })
}

/// The resolved person named right after a title's complement the title
/// phrase did not take: "la maire de Lyon Anne Durand" (a city, a body).
fn person_after_complement<'c>(ctx: &'c DocContext, si: usize, b: usize) -> Option<(usize, &'c Resolved)> {
    let s = &ctx.doc().sentences[si];
    let mut k = b;
    while s.tokens.get(k).is_some_and(|t| matches!(t.norm.as_str(), "de" | "du" | "d'" | "la" | "l'")) && k < b + 2 {
        k += 1;
    }
    if k == b {
        return None;
    }
    let (mi, m) = s.mentions.entities.iter().enumerate().find(|(_, m)| m.a == k)?;
    let kind = ctx.resolved[si][mi].as_ref()?.kind;
    if kind == NodeKind::Person {
        return None;
    }
    // Right after the complement, or between commas after it ("le
    // porte-parole du gouvernement péruvien, Ana Quispe, a …").
    let glued = s.tokens.get(m.b).is_some_and(Token::is_cap);
    let between_commas = |pm: usize| {
        s.tokens.get(m.b).is_some_and(|t| t.norm == ",")
            && s.tokens.get(s.mentions.entities[pm].b).is_some_and(|t| t.norm == ",")
    };
    person_at(ctx, si, m.b).filter(|&(pm, r)| r.kind == NodeKind::Person && (glued || between_commas(pm)))
}

/// The resolved person named just before a title in apposition.
fn person_before<'c>(ctx: &'c DocContext, si: usize, role: &RoleMention) -> Option<&'c Resolved> {
    let s = &ctx.doc().sentences[si];
    s.mentions.entities.iter().enumerate().find_map(|(mi, m)| {
        let r = ctx.resolved[si][mi].as_ref()?;
        if r.kind != NodeKind::Person || m.b >= role.a || role.a - m.b > 3 {
            return None;
        }
        let glue = &s.tokens[m.b..role.a];
        let ok = glue.first().is_some_and(|t| t.norm == ",")
            && glue.iter().all(|t| APPOSITION_GLUE.contains(&t.norm.as_str()));
        ok.then_some(r)
    })
}

/// The node id of country `c`, declared so that an edge to it is kept even
/// when the country is only implied (by a demonym inside a longer phrase).
fn country_node(ctx: &DocContext, c: u32, out: &mut Structure) -> String {
    let label = ctx.lexicon().countries[c as usize].label.clone();
    let id = node_id(NodeKind::Country, &label);
    out.parents.push((id.clone(), NodeKind::Country, label));
    id
}

fn resolve_ref(ctx: &DocContext, r: &Ref) -> Option<Resolved> {
    match r {
        Ref::Country(c) => Some(Resolved {
            id: node_id(NodeKind::Country, &ctx.lexicon().countries[*c as usize].label),
            kind: NodeKind::Country,
        }),
        Ref::Org { id, .. } => Some(Resolved { id: id.clone(), kind: NodeKind::Organization }),
        _ => None,
    }
}

fn ref_label(ctx: &DocContext, r: &Ref) -> Option<(String, NodeKind, String)> {
    match r {
        Ref::Country(c) => {
            let label = ctx.lexicon().countries[*c as usize].label.clone();
            Some((node_id(NodeKind::Country, &label), NodeKind::Country, label))
        }
        Ref::Org { id, label: Some(label), .. } => Some((id.clone(), NodeKind::Organization, label.clone())),
        _ => None,
    }
}

fn roles(ctx: &DocContext, si: usize, out: &mut Structure) {
    let s = &ctx.doc().sentences[si];
    for role in &s.mentions.roles {
        let (first, rule) = match person_at(ctx, si, role.b).or_else(|| person_after_complement(ctx, si, role.b)) {
            Some((mi, r)) => ((mi, r), "holds_role/title-before-name"),
            None => match person_before(ctx, si, role) {
                Some(r) => ((usize::MAX, r), "holds_role/apposition"),
                None => continue,
            },
        };
        // A title in the plural before names joined by "et" is each one's:
        // "les ministres A et B".
        let mut holders = vec![first.1];
        let plural = s.tokens[role.a].norm.ends_with('s') || s.tokens[role.a].norm.ends_with('x');
        if plural && first.0 != usize::MAX {
            let m = &s.mentions.entities[first.0];
            if s.tokens.get(m.b).is_some_and(|t| t.norm == "et") {
                if let Some((_, r)) = person_at(ctx, si, m.b + 1) {
                    holders.push(r);
                }
            }
        }
        for holder in holders {
            hold(ctx, si, role, holder, rule, out);
        }
    }
}

/// The edges of one holder of a title phrase.
fn hold(ctx: &DocContext, si: usize, role: &RoleMention, holder: &Resolved, rule: &'static str, out: &mut Structure) {
    // A rank, a trade or a description is no role node, but its
    // complement still ties the holder ("le général X de l'armée malienne").
    if role.office {
        let role_id = node_id(NodeKind::Role, &role.label);
        out.nodes.push((role_id.clone(), NodeKind::Role, role.label.clone()));
        out.facts.push(ctx.fact(si, &holder.id, Relation::HoldsRole, &role_id, rule));
    }
    // "le porte-parole du gouvernement péruvien": a state's body as the
    // title's complement ties the holder to the state.
    let body = || {
        let s = &ctx.doc().sentences[si];
        let mut k = role.b;
        while k < role.b + 2
            && s.tokens.get(k).is_some_and(|t| matches!(t.norm.as_str(), "de" | "du" | "d'" | "la" | "l'"))
        {
            k += 1;
        }
        (k > role.b)
            .then(|| s.mentions.entities.iter().find(|m| m.a == k && m.rule.starts_with("body/")))
            .flatten()
            .filter(|m| matches!(m.target, Ref::Country(_)))
            .map(|m| m.target.clone())
    };
    if let Some(aff) = role.affiliation.clone().or_else(body) {
        let aff = &aff;
        if let Some(target) = resolve_ref(ctx, aff) {
            if let Some(p) = ref_label(ctx, aff) {
                out.parents.push(p);
            }
            out.facts.push(ctx.fact(
                si,
                &holder.id,
                Relation::AffiliatedWith,
                &target.id,
                "affiliated_with/title-complement",
            ));
        }
    }
}

/// "son collègue kényan X", "l'opposant russe X", "son homologue
/// chypriote, X": a demonym on a noun
/// that describes the person ties them to that state.
fn descriptors(ctx: &DocContext, si: usize, out: &mut Structure) {
    let s = &ctx.doc().sentences[si];
    let lx = ctx.lexicon();
    for (mi, m) in s.mentions.entities.iter().enumerate() {
        let Some(r) = &ctx.resolved[si][mi] else { continue };
        if r.kind != NodeKind::Person || m.a < 2 {
            continue;
        }
        // "son homologue chypriote, Andreas Kyriakou": a comma may part them.
        let at = if s.tokens[m.a - 1].text == "," && m.a >= 3 { m.a - 1 } else { m.a };
        let (dem, noun) = (&s.tokens[at - 1], &s.tokens[at - 2]);
        if let (Some(c), true) = (lx.demonym(&dem.norm), DESCRIPTORS.contains(&noun.norm.as_str())) {
            let country = country_node(ctx, c, out);
            out.facts.push(ctx.fact(
                si,
                &r.id,
                Relation::AffiliatedWith,
                &country,
                "affiliated_with/descriptor-demonym",
            ));
        }
    }
}

fn part_of(ctx: &DocContext, si: usize, out: &mut Structure) {
    let s = &ctx.doc().sentences[si];
    let lx = ctx.lexicon();
    for (mi, m) in s.mentions.entities.iter().enumerate() {
        let Some(r) = &ctx.resolved[si][mi] else { continue };
        let Ref::Org { parent: Some(parent), parent_from_lexicon, .. } = &m.target else { continue };
        if r.kind != NodeKind::Organization {
            continue;
        }
        let rule = if m.rule.starts_with("body/") {
            "part_of/demonym"
        } else if *parent_from_lexicon {
            "part_of/seat-of-power"
        } else if names_parent(ctx, m, parent) || names_parent_state(ctx, si, m, parent) {
            "part_of/named-in-name"
        } else {
            continue;
        };
        if let Some(kind) = parent.split(':').next().and_then(NodeKind::parse) {
            let label = parent_label(lx, parent, kind);
            out.parents.push((parent.clone(), kind, label));
        }
        out.facts.push(ctx.fact(si, &r.id, Relation::PartOf, parent, rule));
    }
}

fn parent_label(lx: &crate::lexicon::Lexicon, id: &str, kind: NodeKind) -> String {
    match kind {
        NodeKind::Country => lx.countries.iter().find(|c| node_id(kind, &c.label) == id).map(|c| c.label.clone()),
        _ => lx.orgs.iter().find(|o| node_id(kind, &o.label) == id).map(|o| o.label.clone()),
    }
    .unwrap_or_else(|| id.to_string())
}

/// Whether the mention's own words name its parent ("…de l'ONU").
fn names_parent(ctx: &DocContext, m: &Mention, parent: &str) -> bool {
    let lx = ctx.lexicon();
    let surface = format!(" {} ", fold(&m.surface).replace('\'', " "));
    let names: Vec<&String> =
        if let Some(c) = lx.countries.iter().find(|c| node_id(NodeKind::Country, &c.label) == parent) {
            std::iter::once(&c.label).chain(&c.aliases).collect()
        } else if let Some(o) = lx.orgs.iter().find(|o| node_id(NodeKind::Organization, &o.label) == parent) {
            std::iter::once(&o.label).chain(&o.aliases).collect()
        } else {
            return false;
        };
    names.iter().any(|n| surface.contains(&format!(" {} ", fold(n).replace('\'', " "))))
}

/// Whether a demonym among the mention's words names its parent state
/// ("l'armée chinoise", a lexicon army part of China).
fn names_parent_state(ctx: &DocContext, si: usize, m: &Mention, parent: &str) -> bool {
    let lx = ctx.lexicon();
    let toks = &ctx.doc().sentences[si].tokens;
    toks[m.a..m.b.min(toks.len())].iter().any(|t| {
        lx.demonym(&t.norm).is_some_and(|c| node_id(NodeKind::Country, &lx.countries[c as usize].label) == parent)
    })
}

fn located_in(ctx: &DocContext, si: usize, out: &mut Structure) {
    let s = &ctx.doc().sentences[si];
    let lx = ctx.lexicon();
    let ents = &s.mentions.entities;
    for (mi, m) in ents.iter().enumerate() {
        let Some(r) = &ctx.resolved[si][mi] else { continue };
        let Ref::Place { country: known, .. } = m.used(r.kind) else { continue };
        if r.kind != NodeKind::Location {
            continue;
        }
        // The lexicon must agree with the text: a slip ("Lyon en Italie") makes no edge.
        let agrees = |c: u32| known.is_none_or(|k| k == c);
        // "la région russe de Belgorod"
        if m.rule == "place/head-de" {
            if let Some(c) = s.tokens.get(m.a + 1).and_then(|t| lx.demonym(&t.norm)) {
                if agrees(c) {
                    let country = country_node(ctx, c, out);
                    out.facts.push(ctx.fact(si, &r.id, Relation::LocatedIn, &country, "located_in/region-demonym"));
                }
            }
        }
        // "Lyon, en France", "Mossoul en Irak", "Lyon (France)"
        let mut k = m.b;
        let toks = &s.tokens;
        if toks.get(k).is_some_and(|t| t.norm == "," || t.norm == "(") {
            k += 1;
        }
        if toks.get(k).is_some_and(|t| matches!(t.norm.as_str(), "en" | "au" | "aux" | "dans")) {
            k += 1;
        } else if !(k > m.b && toks[m.b].norm == "(") {
            continue;
        }
        if toks.get(k).is_some_and(|t| matches!(t.norm.as_str(), "le" | "la" | "l'" | "les")) {
            k += 1;
        }
        let Some((nj, next)) = ents.iter().enumerate().find(|(_, e)| e.a == k) else { continue };
        if let (Ref::Country(c), true) = (&next.target, next.proper) {
            if agrees(*c) && ctx.resolved[si][nj].is_some() {
                let country = country_node(ctx, *c, out);
                out.facts.push(ctx.fact(si, &r.id, Relation::LocatedIn, &country, "located_in/place-en-country"));
            }
        }
    }
}
