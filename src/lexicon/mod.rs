//! Lexicons: countries, places, organizations, state bodies, titles,
//! portfolios, given names and verbs, as human-editable TSV files compiled
//! into the binary (`data/`), plus any a user adds with `--lexicon DIR`.
//!
//! Built-in and user files go through the same `Lexicon::from_sources`, so
//! a user's file is checked like ours and a bad row is reported with its
//! file and line. Matching keys are folded once here, at load time.

pub mod fasthash;
pub mod frames;
pub mod gazetteer;
pub mod morph;
pub mod tsv;

use std::path::Path;
use std::sync::LazyLock;

use crate::error::{Error, Result};
use crate::text::fold;
use fasthash::StrMap;
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
    demonyms: StrMap<u32>,
    given: StrMap<Gender>,
    /// Verb form → number of its lemma in `lemmas`.
    verbs: StrMap<u32>,
    lemmas: StrMap<()>,
    country_by_name: StrMap<u32>,
    org_by_name: StrMap<u32>,
    /// Frames, word classes and modality words.
    pub frames: frames::Frames,
    /// XXH64 of every source file's name and text, in load order: what an
    /// extract record (`extract::split`) was read with.
    pub fingerprint: u64,
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
    ("classes.tsv", include_str!("data/classes.tsv")),
    ("frames.tsv", include_str!("data/frames.tsv")),
    ("modality.tsv", include_str!("data/modality.tsv")),
];

/// File stems a lexicon directory may hold.
pub const TABLES: &[&str] = &[
    "countries",
    "locations",
    "organizations",
    "bodies",
    "roles",
    "portfolios",
    "given_names",
    "verbs",
    "classes",
    "frames",
    "modality",
];

static BUILTIN: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::from_sources(BUILTIN_FILES).expect("built-in lexicon is valid (checked by lexicon::tests::builtin_parses)")
});

/// The built-in `(file name, text)` pairs, in load order.
pub fn builtin_sources() -> &'static [(&'static str, &'static str)] {
    BUILTIN_FILES
}

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
        // Every file is parsed and its columns found first, in order, so the
        // error is the one loading the files one by one stops at; loading
        // itself cannot fail.
        let mut files = Vec::with_capacity(sources.len());
        for (file, text) in sources {
            let stem = Path::new(file).file_stem().and_then(|s| s.to_str()).unwrap_or("");
            let table = tsv::parse(file, text)?;
            files.push((Kind::of(stem, file, &table)?, table));
        }
        // Frames, classes and modality words are checked row by row here.
        let mut fr = frames::Frames::default();
        for ((kind, table), (file, _)) in files.iter().zip(sources) {
            match *kind {
                Kind::Frames { cols } => fr.add_frames(file, &table.rows, cols)?,
                Kind::Classes { class, lemmas } => fr.add_classes(&table.rows, class, lemmas),
                Kind::Modality { cols } => fr.add_modality(file, &table.rows, cols)?,
                _ => {}
            }
        }
        fr.check_classes().map_err(|message| Error::Lexicon { file: "frames.tsv".into(), line: 0, message })?;
        // The name gazetteers do not depend on the rest: another thread fills
        // them meanwhile (or this one, if no thread can be started).
        let (forms, mut lx) = std::thread::scope(|scope| {
            let other = std::thread::Builder::new().spawn_scoped(scope, || Forms::load(&files));
            let lx = Lexicon::load_records(&files);
            let forms = match other {
                Ok(handle) => handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                Err(_) => Forms::load(&files),
            };
            (forms, lx)
        });
        (lx.names, lx.title_forms, lx.portfolio_forms, lx.body_forms) =
            (forms.names, forms.title_forms, forms.portfolio_forms, forms.body_forms);
        lx.frames = fr;
        let mut digest = crate::digest::Xxh64::new();
        for (file, text) in sources {
            // The name as loaded (a user file's stem is what counts) and its length.
            let stem = Path::new(file).file_name().and_then(|s| s.to_str()).unwrap_or("");
            for part in [stem.as_bytes(), text.as_bytes()] {
                digest.update(&(part.len() as u64).to_le_bytes());
                digest.update(part);
            }
        }
        lx.fingerprint = digest.finish();
        Ok(lx)
    }

    /// Everything but the gazetteers (left empty).
    fn load_records(files: &[(Kind, tsv::Table)]) -> Lexicon {
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
            demonyms: StrMap::default(),
            given: StrMap::default(),
            verbs: StrMap::default(),
            lemmas: StrMap::default(),
            country_by_name: StrMap::default(),
            org_by_name: StrMap::default(),
            frames: frames::Frames::default(),
            fingerprint: 0,
        };
        let mut key = String::new();
        for (kind, t) in files {
            match *kind {
                Kind::Countries { label, aliases, demonyms, capitals } => {
                    for row in &t.rows {
                        let idx = lx.countries.len() as u32;
                        let country = Country {
                            label: row.get(label).to_string(),
                            aliases: owned(row, aliases, String::from),
                            demonyms: owned(row, demonyms, str::to_lowercase),
                            capitals: owned(row, capitals, String::from),
                        };
                        for name in std::iter::once(&country.label).chain(&country.aliases) {
                            lx.country_by_name.index_or_insert(fold_key(name, &mut key), || idx);
                        }
                        for dem in &country.demonyms {
                            lx.demonyms.index_or_insert(fold_key(dem, &mut key), || idx);
                        }
                        lx.countries.push(country);
                    }
                }
                Kind::Places { label, aliases, kind, country } => {
                    for row in &t.rows {
                        lx.places.push(Place {
                            label: row.get(label).to_string(),
                            aliases: owned(row, aliases, String::from),
                            kind: row.get(kind).to_string(),
                            country: row.get(country).to_string(),
                        });
                    }
                }
                Kind::Orgs { label, aliases, kind, parent } => {
                    for row in &t.rows {
                        let idx = lx.orgs.len() as u32;
                        let org = Org {
                            label: row.get(label).to_string(),
                            aliases: owned(row, aliases, String::from),
                            kind: row.get(kind).to_string(),
                            parent: row.get(parent).to_string(),
                        };
                        for name in std::iter::once(&org.label).chain(&org.aliases) {
                            lx.org_by_name.index_or_insert(fold_key(name, &mut key), || idx);
                        }
                        lx.orgs.push(org);
                    }
                }
                Kind::Bodies { label, class, complement, .. } => {
                    for row in &t.rows {
                        lx.bodies.push(Body {
                            label: row.get(label).to_string(),
                            class: row.get(class).to_string(),
                            complement: row.get(complement) == "yes",
                        });
                    }
                }
                Kind::Titles { label, kind, .. } => {
                    for row in &t.rows {
                        lx.titles.push(Title { label: row.get(label).to_string(), kind: row.get(kind).to_string() });
                    }
                }
                Kind::Portfolios { label, .. } => {
                    lx.portfolios.extend(t.rows.iter().map(|row| row.get(label).to_string()));
                }
                Kind::Given { name, gender } => {
                    lx.given.reserve(t.rows.len());
                    for row in &t.rows {
                        let gender = match row.get(gender) {
                            "m" => Gender::Male,
                            "f" => Gender::Female,
                            _ => Gender::Unknown,
                        };
                        lx.given.insert(fold_key(row.get(name), &mut key), gender);
                    }
                }
                Kind::Classes { .. } | Kind::Frames { .. } | Kind::Modality { .. } => {}
                Kind::Verbs { form, lemma } => {
                    lx.verbs.reserve(t.rows.len());
                    for row in &t.rows {
                        let lemma = lx.lemmas.index_or_insert(fold_key(row.get(lemma), &mut key), || ()) as u32;
                        lx.verbs.insert(fold_key(row.get(form), &mut key), lemma);
                    }
                }
            }
        }
        lx
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
        self.verbs.get(norm).map(|&l| self.lemmas.key(l as usize))
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

/// The table a file fills, with the columns its loader reads.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Countries { label: usize, aliases: usize, demonyms: usize, capitals: usize },
    Places { label: usize, aliases: usize, kind: usize, country: usize },
    Orgs { label: usize, aliases: usize, kind: usize, parent: usize },
    Bodies { label: usize, forms: usize, class: usize, complement: usize },
    Titles { label: usize, forms: usize, kind: usize },
    Portfolios { label: usize, forms: usize },
    Given { name: usize, gender: usize },
    Verbs { form: usize, lemma: usize },
    Classes { class: usize, lemmas: usize },
    Frames { cols: [usize; 8] },
    Modality { cols: [usize; 5] },
}

impl Kind {
    /// The table of file stem `stem`, or an error naming `file`; columns are
    /// looked up in order, so the first missing one is reported.
    fn of(stem: &str, file: &str, t: &tsv::Table) -> Result<Kind> {
        let c = |name: &str| t.column(name);
        Ok(match stem {
            "countries" => Kind::Countries {
                label: c("label")?,
                aliases: c("aliases")?,
                demonyms: c("demonyms")?,
                capitals: c("capitals")?,
            },
            "locations" => {
                Kind::Places { label: c("label")?, aliases: c("aliases")?, kind: c("kind")?, country: c("country")? }
            }
            "organizations" => {
                Kind::Orgs { label: c("label")?, aliases: c("aliases")?, kind: c("kind")?, parent: c("parent")? }
            }
            "bodies" => Kind::Bodies {
                label: c("label")?,
                forms: c("forms")?,
                class: c("class")?,
                complement: c("complement")?,
            },
            "roles" => Kind::Titles { label: c("label")?, forms: c("forms")?, kind: c("kind")? },
            "portfolios" => Kind::Portfolios { label: c("label")?, forms: c("forms")? },
            "given_names" => Kind::Given { name: c("name")?, gender: c("gender")? },
            "verbs" => Kind::Verbs { form: c("form")?, lemma: c("lemma")? },
            "classes" => Kind::Classes { class: c("class")?, lemmas: c("lemmas")? },
            "frames" => Kind::Frames {
                cols: [
                    c("trigger")?,
                    c("pos")?,
                    c("relation")?,
                    c("slots")?,
                    c("needs")?,
                    c("modality")?,
                    c("example")?,
                    c("expect")?,
                ],
            },
            "modality" => {
                Kind::Modality { cols: [c("word")?, c("scope")?, c("modality")?, c("example")?, c("expect")?] }
            }
            _ => {
                return Err(Error::Lexicon {
                    file: file.to_string(),
                    line: 1,
                    message: format!("unknown lexicon table `{stem}` (expected one of: {})", TABLES.join(", ")),
                })
            }
        })
    }
}

/// The gazetteers, filled apart from the rest of the lexicon.
struct Forms {
    names: Gazetteer<Named>,
    title_forms: Gazetteer<u32>,
    portfolio_forms: Gazetteer<u32>,
    body_forms: Gazetteer<u32>,
}

impl Forms {
    /// The names and forms of `files`, numbered as `load_records` numbers
    /// their rows.
    fn load(files: &[(Kind, tsv::Table)]) -> Forms {
        let mut f = Forms {
            names: Gazetteer::new(true),
            title_forms: Gazetteer::new(false),
            portfolio_forms: Gazetteer::new(false),
            body_forms: Gazetteer::new(false),
        };
        let (mut countries, mut places, mut orgs, mut bodies, mut titles, mut portfolios) = (0, 0, 0, 0, 0, 0);
        for (kind, t) in files {
            match *kind {
                Kind::Countries { label, aliases, capitals, .. } => {
                    f.names.reserve(t.rows.len());
                    for row in &t.rows {
                        for name in std::iter::once(row.get(label)).chain(row.items(aliases)) {
                            f.names.insert(name, Named::Country(countries));
                        }
                        for cap in row.items(capitals) {
                            f.names.insert(cap, Named::Capital(countries));
                        }
                        countries += 1;
                    }
                }
                Kind::Places { label, aliases, .. } => {
                    f.names.reserve(t.rows.len());
                    for row in &t.rows {
                        for name in std::iter::once(row.get(label)).chain(row.items(aliases)) {
                            f.names.insert(name, Named::Place(places));
                        }
                        places += 1;
                    }
                }
                Kind::Orgs { label, aliases, .. } => {
                    f.names.reserve(t.rows.len());
                    for row in &t.rows {
                        for name in std::iter::once(row.get(label)).chain(row.items(aliases)) {
                            f.names.insert(name, Named::Org(orgs));
                        }
                        orgs += 1;
                    }
                }
                Kind::Bodies { forms, .. } => {
                    for row in &t.rows {
                        for form in row.items(forms) {
                            f.body_forms.insert(form, bodies);
                        }
                        bodies += 1;
                    }
                }
                Kind::Titles { label, forms, .. } => {
                    for row in &t.rows {
                        for form in std::iter::once(row.get(label)).chain(row.items(forms)) {
                            f.title_forms.insert(form, titles);
                        }
                        titles += 1;
                    }
                }
                Kind::Portfolios { label, forms } => {
                    for row in &t.rows {
                        for form in std::iter::once(row.get(label)).chain(row.items(forms)) {
                            f.portfolio_forms.insert(form, portfolios);
                        }
                        portfolios += 1;
                    }
                }
                Kind::Given { .. }
                | Kind::Verbs { .. }
                | Kind::Classes { .. }
                | Kind::Frames { .. }
                | Kind::Modality { .. } => {}
            }
        }
        f
    }
}

/// The values of cell `i` of `row`, made owned by `f`, in a vector of the
/// exact size.
fn owned<'a>(row: &tsv::Row<'a>, i: usize, f: impl Fn(&'a str) -> String) -> Vec<String> {
    let mut v = Vec::with_capacity(row.items(i).count());
    v.extend(row.items(i).map(f));
    v
}

/// Appends `fold(text)` to `out`, without allocating when `text` is ASCII
/// with no space to collapse and no backquote (most names and keys).
fn fold_into(text: &str, out: &mut String) {
    // Printable ASCII but the backquote; no early exit, so it vectorizes.
    let plain = |b: u8| (b.wrapping_sub(b'!') < 0x5e) & (b != b'`');
    let bytes = text.as_bytes();
    if bytes.iter().fold(true, |ok, &b| ok & plain(b))
        || (bytes.iter().all(|&b| plain(b) || b == b' ') && !bytes.windows(2).any(|w| w == b"  "))
    {
        let start = out.len();
        out.push_str(text);
        out[start..].make_ascii_lowercase();
    } else {
        out.push_str(&fold(text));
    }
}

/// `fold(text)` in the reused buffer `key`.
fn fold_key<'k>(text: &str, key: &'k mut String) -> &'k str {
    key.clear();
    fold_into(text, key);
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_into_appends_the_fold() {
        for text in ["Corée du Nord", "Mali", "UE", "a  b", " x", "l'ONU", "l`x", "a\tb", "É", "", "côte d’Ivoire"]
        {
            let mut out = String::from("x ");
            fold_into(text, &mut out);
            assert_eq!(out, format!("x {}", fold(text)), "{text:?}");
        }
    }

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
            // A trigger may have a frame per part of speech and relation.
            let width = if *file == "frames.tsv" { 3 } else { 1 };
            let keys: Vec<Vec<&str>> = table.rows.iter().map(|r| (0..width).map(|i| r.get(i)).collect()).collect();
            for pair in keys.windows(2) {
                assert!(pair[0] < pair[1], "{file}: `{:?}` then `{:?}` (unsorted or duplicate)", pair[0], pair[1]);
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
