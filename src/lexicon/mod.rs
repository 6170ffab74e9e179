//! Lexicons: countries, places, organizations, state bodies, titles,
//! portfolios, given names and verbs, as human-editable TSV files compiled
//! into the binary (`data/`), plus any a user adds with `--lexicon DIR`.
//!
//! Built-in and user files go through the same `Lexicon::from_sources`, so
//! a user's file is checked like ours and a bad row is reported with its
//! file and line. Matching keys are folded once here, at load time.

pub mod fasthash;
pub mod gazetteer;
pub mod tsv;

use std::path::Path;
use std::sync::LazyLock;

use crate::error::{Error, Result};
use crate::text::fold;
use fasthash::FastMap;
pub use gazetteer::{name_tokens, Gazetteer, Hit};

/// A sovereign state.
#[derive(Debug, Clone)]
pub struct Country {
    /// Common French name.
    pub label: String,
    /// Other names (official, English, variants).
    pub aliases: Vec<String>,
    /// Demonym adjectives, lowercase.
    pub demonyms: Vec<String>,
    /// Capitals, which stand for the state when they act.
    pub capitals: Vec<String>,
}

/// An organization known by name.
#[derive(Debug, Clone)]
pub struct Org {
    /// Its usual name.
    pub label: String,
    /// Other names and acronyms.
    pub aliases: Vec<String>,
    /// alliance, igo, body, seat, media, intelligence…
    pub kind: String,
    /// The country or organization it is part of, by label.
    pub parent: String,
}

/// A place that is not a state.
#[derive(Debug, Clone)]
pub struct Place {
    /// Its French name.
    pub label: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// city, region, sea…
    pub kind: String,
    /// The country it lies in, by label.
    pub country: String,
}

/// A head noun that names a state body ("armée", "ministère").
#[derive(Debug, Clone)]
pub struct Body {
    /// The head as written in labels.
    pub label: String,
    /// state, ministry, intelligence, military, police, other.
    pub class: String,
    /// Whether a named complement may follow ("flotte russe du Pacifique").
    pub complement: bool,
}

/// A title or office.
#[derive(Debug, Clone)]
pub struct Title {
    /// Masculine singular form, the role label.
    pub label: String,
    /// head, minister, official…
    pub kind: String,
}

/// Grammatical gender of a given name, for pronoun resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// Masculine.
    Male,
    /// Feminine.
    Female,
    /// Either.
    Unknown,
}

/// What a proper name in the gazetteer stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    /// A country by one of its names.
    Country(u32),
    /// A country's capital (actor or place, decided by context).
    Capital(u32),
    /// An organization.
    Org(u32),
    /// A place.
    Place(u32),
}

/// All lexicon data, with its matching indexes.
#[derive(Debug)]
pub struct Lexicon {
    /// Countries.
    pub countries: Vec<Country>,
    /// Organizations.
    pub orgs: Vec<Org>,
    /// Places.
    pub places: Vec<Place>,
    /// State-body heads.
    pub bodies: Vec<Body>,
    /// Titles.
    pub titles: Vec<Title>,
    /// Portfolio labels.
    pub portfolios: Vec<String>,
    /// Proper names → what they stand for.
    pub names: Gazetteer<Named>,
    /// Title forms → index in `titles`.
    pub title_forms: Gazetteer<u32>,
    /// Portfolio forms → index in `portfolios`.
    pub portfolio_forms: Gazetteer<u32>,
    /// Body forms → index in `bodies`.
    pub body_forms: Gazetteer<u32>,
    demonyms: FastMap<String, u32>,
    given: FastMap<String, Gender>,
    verbs: FastMap<String, String>,
    country_by_name: FastMap<String, u32>,
    org_by_name: FastMap<String, u32>,
}

/// Built-in files, in load order.
const BUILTIN_FILES: &[(&str, &str)] = &[
    ("countries.tsv", include_str!("data/countries.tsv")),
    ("locations.tsv", include_str!("data/locations.tsv")),
    ("organizations.tsv", include_str!("data/organizations.tsv")),
    ("bodies.tsv", include_str!("data/bodies.tsv")),
    ("roles.tsv", include_str!("data/roles.tsv")),
    ("portfolios.tsv", include_str!("data/portfolios.tsv")),
    ("given_names.tsv", include_str!("data/given_names.tsv")),
    ("verbs.tsv", include_str!("data/verbs.tsv")),
];

/// File stems a lexicon directory may hold.
pub const TABLES: &[&str] =
    &["countries", "locations", "organizations", "bodies", "roles", "portfolios", "given_names", "verbs"];

static BUILTIN: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::from_sources(BUILTIN_FILES).expect("built-in lexicon is valid (checked by lexicon::tests::builtin_parses)")
});

impl Lexicon {
    /// The lexicon compiled into the binary, loaded once.
    pub fn builtin() -> &'static Lexicon {
        &BUILTIN
    }

    /// The built-in files followed by every `*.tsv` file of `dir` (sorted by
    /// name). A file whose stem is not one of `TABLES` is an error.
    pub fn with_dir(dir: &Path) -> Result<Lexicon> {
        let io = |source| Error::Io { path: dir.to_path_buf(), source };
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .map_err(io)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
            .collect();
        paths.sort();
        let mut texts = Vec::new();
        for p in &paths {
            let text = std::fs::read_to_string(p).map_err(|source| Error::Io { path: p.clone(), source })?;
            texts.push((p.display().to_string(), text));
        }
        let mut sources: Vec<(&str, &str)> = BUILTIN_FILES.to_vec();
        sources.extend(texts.iter().map(|(n, t)| (n.as_str(), t.as_str())));
        Lexicon::from_sources(&sources)
    }

    /// Builds a lexicon from `(file name, text)` pairs; the table a file
    /// fills is given by its stem.
    pub fn from_sources(sources: &[(&str, &str)]) -> Result<Lexicon> {
        let mut lx = Lexicon {
            countries: Vec::new(),
            orgs: Vec::new(),
            places: Vec::new(),
            bodies: Vec::new(),
            titles: Vec::new(),
            portfolios: Vec::new(),
            names: Gazetteer::new(true),
            title_forms: Gazetteer::new(false),
            portfolio_forms: Gazetteer::new(false),
            body_forms: Gazetteer::new(false),
            demonyms: FastMap::default(),
            given: FastMap::default(),
            verbs: FastMap::default(),
            country_by_name: FastMap::default(),
            org_by_name: FastMap::default(),
        };
        for (file, text) in sources {
            let stem = Path::new(file).file_stem().and_then(|s| s.to_str()).unwrap_or("");
            let table = tsv::parse(file, text)?;
            match stem {
                "countries" => lx.load_countries(&table)?,
                "locations" => lx.load_places(&table)?,
                "organizations" => lx.load_orgs(&table)?,
                "bodies" => lx.load_bodies(&table)?,
                "roles" => lx.load_titles(&table)?,
                "portfolios" => lx.load_portfolios(&table)?,
                "given_names" => lx.load_given(&table)?,
                "verbs" => lx.load_verbs(&table)?,
                _ => {
                    return Err(Error::Lexicon {
                        file: file.to_string(),
                        line: 1,
                        message: format!("unknown lexicon table `{stem}` (expected one of: {})", TABLES.join(", ")),
                    })
                }
            }
        }
        Ok(lx)
    }

    fn load_countries(&mut self, t: &tsv::Table) -> Result<()> {
        let (l, a, d, c) = (t.column("label")?, t.column("aliases")?, t.column("demonyms")?, t.column("capitals")?);
        for row in &t.rows {
            let idx = self.countries.len() as u32;
            let country = Country {
                label: row.get(l).to_string(),
                aliases: row.list(a).into_iter().map(String::from).collect(),
                demonyms: row.list(d).into_iter().map(|s| s.to_lowercase()).collect(),
                capitals: row.list(c).into_iter().map(String::from).collect(),
            };
            for name in std::iter::once(&country.label).chain(&country.aliases) {
                self.names.insert(name, Named::Country(idx));
                self.country_by_name.entry(fold(name)).or_insert(idx);
            }
            for cap in &country.capitals {
                self.names.insert(cap, Named::Capital(idx));
            }
            for dem in &country.demonyms {
                self.demonyms.entry(fold(dem)).or_insert(idx);
            }
            self.countries.push(country);
        }
        Ok(())
    }

    fn load_places(&mut self, t: &tsv::Table) -> Result<()> {
        let (l, a, k, c) = (t.column("label")?, t.column("aliases")?, t.column("kind")?, t.column("country")?);
        for row in &t.rows {
            let idx = self.places.len() as u32;
            let place = Place {
                label: row.get(l).to_string(),
                aliases: row.list(a).into_iter().map(String::from).collect(),
                kind: row.get(k).to_string(),
                country: row.get(c).to_string(),
            };
            for name in std::iter::once(&place.label).chain(&place.aliases) {
                self.names.insert(name, Named::Place(idx));
            }
            self.places.push(place);
        }
        Ok(())
    }

    fn load_orgs(&mut self, t: &tsv::Table) -> Result<()> {
        let (l, a, k, p) = (t.column("label")?, t.column("aliases")?, t.column("kind")?, t.column("parent")?);
        for row in &t.rows {
            let idx = self.orgs.len() as u32;
            let org = Org {
                label: row.get(l).to_string(),
                aliases: row.list(a).into_iter().map(String::from).collect(),
                kind: row.get(k).to_string(),
                parent: row.get(p).to_string(),
            };
            for name in std::iter::once(&org.label).chain(&org.aliases) {
                self.names.insert(name, Named::Org(idx));
                self.org_by_name.entry(fold(name)).or_insert(idx);
            }
            self.orgs.push(org);
        }
        Ok(())
    }

    fn load_bodies(&mut self, t: &tsv::Table) -> Result<()> {
        let (l, f, c, x) = (t.column("label")?, t.column("forms")?, t.column("class")?, t.column("complement")?);
        for row in &t.rows {
            let idx = self.bodies.len() as u32;
            for form in row.list(f) {
                self.body_forms.insert(form, idx);
            }
            self.bodies.push(Body {
                label: row.get(l).to_string(),
                class: row.get(c).to_string(),
                complement: row.get(x) == "yes",
            });
        }
        Ok(())
    }

    fn load_titles(&mut self, t: &tsv::Table) -> Result<()> {
        let (l, f, k) = (t.column("label")?, t.column("forms")?, t.column("kind")?);
        for row in &t.rows {
            let idx = self.titles.len() as u32;
            let label = row.get(l).to_string();
            self.title_forms.insert(&label, idx);
            for form in row.list(f) {
                self.title_forms.insert(form, idx);
            }
            self.titles.push(Title { label, kind: row.get(k).to_string() });
        }
        Ok(())
    }

    fn load_portfolios(&mut self, t: &tsv::Table) -> Result<()> {
        let (l, f) = (t.column("label")?, t.column("forms")?);
        for row in &t.rows {
            let idx = self.portfolios.len() as u32;
            let label = row.get(l).to_string();
            self.portfolio_forms.insert(&label, idx);
            for form in row.list(f) {
                self.portfolio_forms.insert(form, idx);
            }
            self.portfolios.push(label);
        }
        Ok(())
    }

    fn load_given(&mut self, t: &tsv::Table) -> Result<()> {
        let (n, g) = (t.column("name")?, t.column("gender")?);
        self.given.reserve(t.rows.len());
        for row in &t.rows {
            let gender = match row.get(g) {
                "m" => Gender::Male,
                "f" => Gender::Female,
                _ => Gender::Unknown,
            };
            self.given.insert(fold(row.get(n)), gender);
        }
        Ok(())
    }

    fn load_verbs(&mut self, t: &tsv::Table) -> Result<()> {
        let (f, l) = (t.column("form")?, t.column("lemma")?);
        self.verbs.reserve(t.rows.len());
        for row in &t.rows {
            self.verbs.insert(fold(row.get(f)), fold(row.get(l)));
        }
        Ok(())
    }

    /// The country a demonym form points at ("sud-africaines" → Afrique du Sud).
    pub fn demonym(&self, norm: &str) -> Option<u32> {
        self.demonyms.get(norm).copied()
    }

    /// The gender of a given name, if it is one.
    pub fn given_name(&self, norm: &str) -> Option<Gender> {
        self.given.get(norm).copied()
    }

    /// The lemma of a verb form, if it is a known verb.
    pub fn lemma(&self, norm: &str) -> Option<&str> {
        self.verbs.get(norm).map(String::as_str)
    }

    /// The country with this name (label or alias, folded).
    pub fn country_named(&self, name: &str) -> Option<u32> {
        self.country_by_name.get(&fold(name)).copied()
    }

    /// The organization with this name (label or alias, folded).
    pub fn org_named(&self, name: &str) -> Option<u32> {
        self.org_by_name.get(&fold(name)).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses() {
        let lx = Lexicon::builtin();
        assert!(lx.countries.len() >= 193, "every UN member state");
        assert!(lx.orgs.len() > 100);
        assert!(!lx.titles.is_empty() && !lx.portfolios.is_empty());
    }

    #[test]
    fn builtin_files_are_sorted_without_duplicates() {
        for (file, text) in BUILTIN_FILES {
            let table = tsv::parse(file, text).unwrap();
            let keys: Vec<&str> = table.rows.iter().map(|r| r.get(0)).collect();
            for pair in keys.windows(2) {
                assert!(pair[0] < pair[1], "{file}: `{}` then `{}` (unsorted or duplicate)", pair[0], pair[1]);
            }
        }
    }

    #[test]
    fn user_file_with_bad_row_names_file_and_line() {
        let err =
            Lexicon::from_sources(&[("my/organizations.tsv", "label\taliases\tkind\tparent\nACME\t\tcompany\t\tx\n")])
                .unwrap_err();
        assert_eq!(err.to_string(), "my/organizations.tsv:2: 5 cells but the header has 4 columns");
        let err = Lexicon::from_sources(&[("my/people.tsv", "name\nX\n")]).unwrap_err();
        assert!(err.to_string().starts_with("my/people.tsv:1: unknown lexicon table `people`"));
    }

    #[test]
    fn user_org_is_found_by_name() {
        let lx = Lexicon::from_sources(&[(
            "organizations.tsv",
            "label\taliases\tkind\tparent\nFondation Zéphyr\tFZ\tngo\t\n",
        )])
        .unwrap();
        let toks = name_tokens("la Fondation Zéphyr et la FZ");
        assert_eq!(lx.names.matches_at(&toks, 1)[0].value, &Named::Org(0));
        assert_eq!(lx.names.matches_at(&toks, 5)[0].len, 1);
    }
}
