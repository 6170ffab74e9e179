//! One node per place in a document: a city and the region named after it.
//!
//! Many regions carry the name of their main city ("la région de Koursk",
//! "l'oblast de Kharkiv"). When a document names the region, the city's
//! name written alone is most often the region said short ("les troupes
//! avancent vers Koursk"), so it stands for the region, unless the text
//! says it is the city: "X, deuxième ville du pays", "la ville de X".

use super::mention::Ref;
use super::ReadDoc;
use crate::lexicon::{gazetteer::name_tokens, Lexicon, Named};
use crate::text::Token;

/// Nouns that make a name the city itself, in apposition ("X, deuxième
/// ville du pays") or before it ("la ville de X", "la capitale X").
const CITY_NOUNS: &[&str] = &["ville", "capitale", "metropole", "cite", "agglomeration", "commune"];

/// The nouns of the regions named after a city, as the lexicon writes them.
const REGION_NOUNS: &[&str] = &["région", "oblast", "province"];

/// The region the lexicon names after the city `label` ("région de X"), if any.
/// A capital is the city ("à Moscou" in a text on "la région de Moscou").
fn region_of(lx: &Lexicon, label: &str) -> Option<Ref> {
    let toks = name_tokens(label);
    let capital = lx.names.matches_at(&toks, 0).iter().any(|h| matches!(h.value, Named::Capital(_)));
    if capital {
        return None;
    }
    for noun in REGION_NOUNS {
        let name = format!("{noun} de {label}");
        let toks = name_tokens(&name);
        let hits = lx.names.matches_at(&toks, 0);
        let place = hits.iter().filter(|h| h.len == toks.len()).find_map(|h| match *h.value {
            Named::Place(p) if lx.places[p as usize].kind == "region" => Some(p),
            _ => None,
        });
        if let Some(p) = place {
            return Some(super::mention::place_ref(lx, p));
        }
    }
    None
}

/// Whether the words around the name at `a..b` say it is a city.
fn said_a_city(toks: &[Token], a: usize, b: usize) -> bool {
    let city = |t: &Token| CITY_NOUNS.contains(&t.norm.as_str());
    // "X, deuxième ville d'Ukraine": a noun of cities within three words after a comma.
    let after = toks.get(b).is_some_and(|t| t.text == ",") && toks[b + 1..].iter().take(3).any(city);
    // "la ville de X", "la capitale X".
    let before = (a >= 1 && city(&toks[a - 1])) || (a >= 2 && toks[a - 1].norm == "de" && city(&toks[a - 2]));
    after || before
}

/// Makes a city's name alone stand for the region named after it when the
/// document names that region (its tokens filled).
pub fn one_per_document(lx: &Lexicon, rd: &mut ReadDoc) {
    let named = |r: &Ref| if let Ref::Place { id, .. } = r { Some(id.clone()) } else { None };
    let regions: std::collections::HashSet<String> =
        rd.sentences.iter().flat_map(|s| &s.mentions.entities).filter_map(|m| named(&m.target)).collect();
    if regions.is_empty() {
        return;
    }
    let mut cache: std::collections::HashMap<String, Option<Ref>> = Default::default();
    for s in &mut rd.sentences {
        let toks = &s.tokens;
        for m in &mut s.mentions.entities {
            if m.rule == "place/head-de" || said_a_city(toks, m.a, m.b) {
                continue;
            }
            // The place itself, or the place a weak person's name falls back to.
            for r in [Some(&mut m.target), m.alt.as_deref_mut()].into_iter().flatten() {
                let Ref::Place { label, .. } = &*r else { continue };
                let region = cache.entry(label.clone()).or_insert_with(|| region_of(lx, label));
                if let Some(region) = region.as_ref().filter(|g| named(g).is_some_and(|id| regions.contains(&id))) {
                    *r = region.clone();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lexicon_names_regions_after_their_cities() {
        let lx = Lexicon::builtin();
        let r = region_of(lx, "Koursk");
        assert!(matches!(&r, Some(Ref::Place { label, .. }) if label == "région de Koursk"), "{r:?}");
        assert!(region_of(lx, "région de Koursk").is_none());
        // The lexicon has "la région de Moscou", but Moscou alone is the capital.
        assert!(region_of(lx, "Moscou").is_none());
    }
}
