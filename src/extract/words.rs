//! Small closed word lists of French grammar, kept next to the code that
//! uses them (STYLE.md §5): they are part of the rules, not lexicon data.

/// A closed word list with a hash table built at compile time: `contains`
/// costs one hash and one comparison whatever the list's length, where a
/// slice's compares every entry. Reads as the slice it was written as.
#[derive(Debug)]
pub struct Words {
    list: &'static [&'static str],
    /// Index + 1 of the entry in each slot, 0 for an empty slot.
    slots: [u16; WORD_SLOTS],
}

/// Slots of a `Words` table: a power of two, at least twice the longest list.
const WORD_SLOTS: usize = 512;

/// FNV-1a over the bytes, usable in constants.
const fn word_hash(b: &[u8]) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < b.len() {
        h = (h ^ b[i] as u64).wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    (h >> 32) as usize & (WORD_SLOTS - 1)
}

const fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

impl Words {
    /// The table of `list` (at most half as long as the table; a word listed
    /// twice keeps one slot).
    pub const fn new(list: &'static [&'static str]) -> Words {
        assert!(list.len() * 2 <= WORD_SLOTS, "word list too long for its table");
        let mut slots = [0u16; WORD_SLOTS];
        let mut i = 0;
        while i < list.len() {
            let w = list[i].as_bytes();
            let mut pos = word_hash(w);
            loop {
                let s = slots[pos] as usize;
                if s == 0 {
                    slots[pos] = (i + 1) as u16;
                    break;
                }
                if same_bytes(list[s - 1].as_bytes(), w) {
                    break;
                }
                pos = (pos + 1) & (WORD_SLOTS - 1);
            }
            i += 1;
        }
        Words { list, slots }
    }

    /// Whether `word` is in the list.
    #[inline]
    pub fn contains(&self, word: &&str) -> bool {
        let w = word.as_bytes();
        let mut pos = word_hash(w);
        loop {
            let s = self.slots[pos] as usize;
            if s == 0 {
                return false;
            }
            if self.list[s - 1].as_bytes() == w {
                return true;
            }
            pos = (pos + 1) & (WORD_SLOTS - 1);
        }
    }
}

impl std::ops::Deref for Words {
    type Target = [&'static str];
    fn deref(&self) -> &[&'static str] {
        self.list
    }
}

/// Capitalized at the start of a sentence, never part of a name.
pub static FUNCTION_WORDS: Words = Words::new(&[
    "a",
    "afin",
    "ainsi",
    "alors",
    "apres",
    "au",
    "aucun",
    "aucune",
    "aujourd'hui",
    "auparavant",
    "aussi",
    "autre",
    "autres",
    "aux",
    "avant",
    "avec",
    "beaucoup",
    "bien",
    "c'",
    "ca",
    "car",
    "ce",
    "ceci",
    "cela",
    "celle",
    "celles",
    "celui",
    "cependant",
    "certains",
    "certaines",
    "ces",
    "cet",
    "cette",
    "ceux",
    "chaque",
    "chez",
    "comme",
    "comment",
    "contre",
    "d'",
    "dans",
    "de",
    "depuis",
    "des",
    "desormais",
    "deux",
    "devant",
    "donc",
    "dont",
    "du",
    "elle",
    "elles",
    "en",
    "encore",
    "enfin",
    "ensuite",
    "entre",
    "environ",
    "et",
    "eux",
    "hier",
    "il",
    "ils",
    "j'",
    "je",
    "jusqu'",
    "l'",
    "la",
    "le",
    "les",
    "leur",
    "leurs",
    "lors",
    "lorsqu'",
    "lui",
    "m'",
    "mais",
    "malgre",
    "meme",
    "mes",
    "moi",
    "mon",
    "n'",
    "ne",
    "ni",
    "non",
    "nos",
    "notre",
    "nous",
    "on",
    "or",
    "ou",
    "ou",
    "oui",
    "par",
    "parallelement",
    "parce",
    "parmi",
    "pas",
    "pendant",
    "peu",
    "plus",
    "plusieurs",
    "pour",
    "pourquoi",
    "pourtant",
    "puis",
    "qu'",
    "quand",
    "que",
    "quel",
    "quelle",
    "quelles",
    "quels",
    "qui",
    "quoi",
    "s'",
    "sa",
    "sans",
    "se",
    "selon",
    "ses",
    "si",
    "sinon",
    "son",
    "sous",
    "sur",
    "t'",
    "tandis",
    "tant",
    "tous",
    "tout",
    "toute",
    "toutes",
    "tres",
    "un",
    "une",
    "vers",
    "via",
    "voici",
    "voila",
    "vous",
    "y",
    "the",
    "of",
    "and",
    "in",
    "to",
    "for",
    "on",
    "by",
    "with",
    "from",
    "at",
    "ici",
    "la-bas",
    "dont",
    "monsieur",
    "madame",
    "mademoiselle",
    "messieurs",
    "mesdames",
]);

/// Days of the week, folded.
pub static WEEKDAYS: Words = Words::new(&["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]);

/// Months, folded, in calendar order (the calendar's own list).
pub static MONTHS: Words = Words::new(&crate::text::date::MONTH_NAMES);

/// Particles inside person names ("Greta von der Lohe", "Paul de Villiers").
pub static NAME_PARTICLES: Words = Words::new(&[
    "de", "du", "d'", "van", "von", "der", "den", "da", "di", "dos", "bin", "ben", "ibn", "al", "el", "la", "le",
    "ter", "zu", "y",
]);

/// Courtesy titles that announce a name.
pub static HONORIFICS: Words = Words::new(&[
    "m.",
    "m",
    "mme",
    "mlle",
    "mm.",
    "mm",
    "mmes",
    "mlles",
    "mademoiselle",
    "messieurs",
    "mesdames",
    "sieur",
    "sieurs",
    "demoiselle",
    "citoyen",
    "citoyenne",
    "veuve",
    "docteur",
    "maitre",
    "mr",
    "mrs",
    "miss",
    "herr",
    "frau",
    "signor",
    "signora",
    "dr",
    "pr",
    "me",
    "mgr",
    "monsieur",
    "madame",
    "sir",
    "lord",
    "cheikh",
    "general",
    "generale",
    "colonel",
    "amiral",
    "marechal",
    "capitaine",
    "commandant",
    "lieutenant",
    "sergent",
    "imam",
    "pere",
    "soeur",
    "saint",
    "sainte",
]);

/// Civility titles: part of how French names a person ("M. Dupont", "Mme
/// Durand"), so a person mention starts at them; functions ("général",
/// "président") are roles and stay outside the name.
pub static CIVILITIES: Words = Words::new(&[
    "m",
    "m.",
    "mm",
    "mm.",
    "mme",
    "mmes",
    "mlle",
    "mlles",
    "me",
    "mgr",
    "dr",
    "pr",
    "monsieur",
    "madame",
    "mademoiselle",
    "messieurs",
    "mesdames",
    "sir",
    "dame",
    "lady",
    "lord",
    "sieur",
    "sieurs",
    "demoiselle",
    "mr",
    "mrs",
    "miss",
    "herr",
    "frau",
    "signor",
    "signora",
]);

/// Nouns that describe a person by a relation, not a title: "son collègue
/// kényan X", "le dirigeant chilien X", "l'opposant russe X"; and the words
/// that introduce a name: "un certain X", "le dénommé X".
pub static DESCRIPTORS: Words = Words::new(&[
    "certain",
    "certaine",
    "denomme",
    "denommee",
    "surnomme",
    "surnommee",
    "collegue",
    "homologue",
    "dirigeant",
    "dirigeante",
    "leader",
    "chef",
    "opposant",
    "opposante",
    "militant",
    "militante",
    "journaliste",
    "ecrivain",
    "ecrivaine",
    "homme",
    "femme",
    "milliardaire",
    "dissident",
    "dissidente",
    "expert",
    "experte",
    "analyste",
    "chercheur",
    "chercheuse",
    "avocat",
    "avocate",
    "candidat",
    "candidate",
    "rival",
    "rivale",
    "allie",
    "alliee",
    "predecesseur",
    "successeur",
    "epouse",
    "mari",
    "fils",
    "fille",
    "frere",
    "soeur",
    "pere",
    "mere",
    "envoye",
    "envoyee",
    "emissaire",
    "negociateur",
    "negociatrice",
    "responsable",
    "haut-responsable",
    "diplomate",
    "officier",
    "homme d'affaires",
    "patron",
    "patronne",
]);

/// Prepositions after which a capital is the city, not the state acting.
pub static LOCATIVE: Words =
    Words::new(&["a", "dans", "vers", "jusqu'", "depuis", "pres", "via", "sur", "autour", "aux", "au", "devant"]);

/// Nouns after which "de X" names the place X ("le siège de Bruxelles").
pub static PLACE_NOUNS: Words = Words::new(&[
    "siege",
    "region",
    "ville",
    "banlieue",
    "environs",
    "aeroport",
    "port",
    "centre",
    "rues",
    "habitants",
    "universite",
    "maire",
    "mairie",
    "gare",
    "quartier",
    "faubourgs",
    "periph",
    "peripherie",
    "sommet",
    "conference",
    "accords",
    "accord",
    "traite",
    "protocole",
    "format",
    "porte",
    "capitale",
    "province",
    "oblast",
    "district",
    "territoire",
    "nord",
    "sud",
    "est",
    "ouest",
    "sortie",
    "entree",
    "route",
    "pont",
    "aeroports",
]);

/// Nouns that introduce a named place: "la région (russe) de Belgorod".
pub static PLACE_HEADS: Words = Words::new(&[
    "region",
    "oblast",
    "province",
    "ville",
    "district",
    "territoire",
    "departement",
    "etat",
    "prefecture",
    "canton",
    "comte",
    "commune",
    "municipalite",
    "archipel",
    "ile",
    "peninsule",
    "golfe",
    "baie",
    "vallee",
]);

/// Capitalized head nouns that open the name of an organization in French,
/// its other words in lowercase: "Ligue nationale de hockey", "Parti
/// socialiste", "Conseil fédéral", "Fédération française de football".
pub static ORG_HEADS: Words = Words::new(&[
    "academie",
    "agence",
    "alliance",
    "assemblee",
    "association",
    "banque",
    "bureau",
    "caisse",
    "chambre",
    "club",
    "college",
    "comite",
    "commission",
    "compagnie",
    "confederation",
    "conseil",
    "cour",
    "direction",
    "ecole",
    "eglise",
    "federation",
    "fondation",
    "front",
    "groupe",
    "institut",
    "ligue",
    "mouvement",
    "musee",
    "office",
    "ordre",
    "organisation",
    "parlement",
    "parti",
    "rassemblement",
    "senat",
    "service",
    "societe",
    "syndicat",
    "tribunal",
    "union",
    "universite",
    "armee",
    "garde",
    "brigade",
    "regiment",
    "division",
    "corps",
    "conservatoire",
    "observatoire",
    "orchestre",
    "theatre",
    "hopital",
    "lycee",
    "ministere",
]);

/// Lowercase nouns that open the name of a place when a capitalized name
/// follows: "mont Blanc", "îles Caïmans", "rue de Rivoli", "arrondissement
/// de Görlitz", "chaîne des Cascades".
pub static GEO_HEADS: Words = Words::new(&[
    "mont",
    "monts",
    "massif",
    "chaine",
    "bassin",
    "ile",
    "iles",
    "lac",
    "lacs",
    "golfe",
    "baie",
    "cap",
    "detroit",
    "fleuve",
    "riviere",
    "vallee",
    "plaine",
    "plateau",
    "desert",
    "foret",
    "col",
    "pic",
    "canal",
    "rue",
    "avenue",
    "boulevard",
    "place",
    "quai",
    "pont",
    "arrondissement",
    "departement",
    "canton",
    "commune",
    "district",
    "comte",
    "voivodie",
    "oblast",
    "province",
    "region",
    "archipel",
    "peninsule",
    "presqu'ile",
    "mer",
    "ocean",
    "volcan",
    "glacier",
    "estuaire",
    "delta",
    "cote",
    "chemin",
    "route",
    "port",
    "quartier",
    "faubourg",
    "village",
    "ville",
    "bourg",
    "hameau",
    "cratere",
    "stade",
    "musee",
    "chateau",
    "cathedrale",
    "basilique",
    "cimetiere",
    "palais",
    "mosquee",
    "aeroport",
    "abbaye",
    "monastere",
    "temple",
    "parc",
    "jardin",
    "tumulus",
    "pertuis",
    "synagogue",
    "prieure",
    "gare",
    "diocese",
    "archidiocese",
    "grand-duche",
    "duche",
    "vicomte",
    "powiat",
    "comtes",
    "communes",
    "villes",
    "municipalite",
    "municipalites",
]);

/// Marks of a sports club written before or after its name, matched as
/// written: "FC Nantes", "AS Monaco", "Silkeborg IF", "VfB Stuttgart".
pub static CLUB_MARKS: Words = Words::new(&[
    "FC", "AC", "AS", "SC", "SV", "IF", "FF", "FK", "HC", "CF", "CD", "SK", "BK", "AIK", "KV", "KRC", "RC", "RCD",
    "OGC", "USM", "SM", "VfB", "VfL", "TSG", "SSC", "RB", "AFC", "HSV", "SpVgg", "BSC", "NK", "KK", "GNK", "HNK",
    "Calcio", "Football", "Foot",
]);

/// Capitalized words that open a club's name before its city: "Olympique
/// de Marseille", "Dinamo Zagreb", "Real Madrid".
pub static CLUB_HEADS: Words = Words::new(&[
    "olympique",
    "racing",
    "sporting",
    "athletic",
    "dinamo",
    "dynamo",
    "real",
    "atletico",
    "inter",
    "lokomotiv",
]);

/// Capitalized nouns that name an event or a building of a place, not a
/// body: "la Coupe de France", "le Tour de France", "la Tour de Londres".
pub static EVENT_OR_BUILDING_HEADS: Words = Words::new(&[
    "tournoi",
    "principaute",
    "royaume",
    "empire",
    "republique",
    "duche",
    "petit",
    "petite",
    "grande",
    "nouveau",
    "nouvelle",
    "vieux",
    "vieille",
    "journee",
    "fete",
    "coupe",
    "tour",
    "prix",
    "grand",
    "festival",
    "jeux",
    "open",
    "championnat",
    "salon",
    "marathon",
    "traite",
    "bataille",
    "siege",
    "massacre",
    "accords",
    "conference",
    "sommet",
    "exposition",
    "pont",
    "porte",
    "gare",
    "palais",
    "chateau",
    "hotel",
    "jardin",
    "jardins",
    "parc",
    "cathedrale",
    "basilique",
    "abbaye",
    "stade",
    "arc",
    "nord",
    "sud",
    "est",
    "ouest",
    "centre",
    "histoire",
    "guerre",
    "liberation",
    "commune",
    "universite",
]);

/// Nouns of natural places that make one name with the proper noun right
/// after them: "le lac Tchad", "le mont Everest", "l'océan Atlantique".
pub static NATURAL_HEADS: Words = Words::new(&[
    "mont", "monts", "massif", "lac", "ocean", "mer", "fleuve", "riviere", "ile", "iles", "golfe", "baie", "cap",
    "detroit", "desert", "plateau", "volcan", "glacier", "canal",
]);

/// Last words of English names of organizations, as written: "Royal Air
/// Force", "Wisconsin Historical Society", "Amnesty International".
pub static EN_ORG_HEADS: Words = Words::new(&[
    "Society",
    "Agency",
    "League",
    "Conference",
    "Records",
    "International",
    "Army",
    "Navy",
    "Force",
    "Corps",
    "College",
    "University",
    "Institute",
    "Company",
    "Corporation",
    "Group",
    "Bank",
    "Airlines",
    "Airways",
    "Party",
    "Council",
    "Committee",
    "Foundation",
    "Federation",
    "Championship",
    "Entertainment",
    "Studios",
    "Pictures",
    "Games",
    "Software",
    "Motorsport",
    "Motors",
    "Systems",
    "Technologies",
    "Industries",
    "Holdings",
    "Partners",
    "Network",
    "News",
    "Times",
    "Post",
    "Magazine",
    "Press",
    "Administration",
    "Department",
    "Authority",
    "Trust",
    "Fund",
    "Band",
    "Orchestra",
    "Ensemble",
    "Choir",
    "Club",
    "United",
    "Ministry",
    "Court",
    "Senate",
    "Congress",
    "Guard",
    "Police",
    "Inc",
    "Ltd",
    "Association",
    "Commission",
    "Office",
    "Broadcasting",
    "Academy",
]);

/// Last words of English names of places, as written: "Brooklyn Bridge",
/// "British Museum", "Broward County". Words that are also common surnames
/// (Park, Hall, Church, Hill…) are left out.
pub static EN_PLACE_HEADS: Words = Words::new(&[
    "Bridge",
    "Street",
    "Road",
    "Avenue",
    "Boulevard",
    "Square",
    "Gardens",
    "Museum",
    "Gallery",
    "Palace",
    "Castle",
    "Abbey",
    "Cathedral",
    "Tower",
    "Station",
    "Airport",
    "Harbour",
    "Harbor",
    "Bay",
    "Island",
    "Islands",
    "Lake",
    "River",
    "Mountain",
    "Mountains",
    "Valley",
    "Canyon",
    "Beach",
    "Resort",
    "Stadium",
    "Arena",
    "Heights",
    "Falls",
    "Desert",
    "Forest",
    "Coast",
    "Peninsula",
    "County",
    "Reservoir",
]);

/// Common nouns that introduce the name of an organization right after
/// them: "le groupe Metallica", "la société Veolia", "le quotidien Libération".
pub static ORG_NOUNS: Words = Words::new(&[
    "groupe",
    "societe",
    "entreprise",
    "firme",
    "label",
    "club",
    "parti",
    "chaine",
    "journal",
    "quotidien",
    "hebdomadaire",
    "mensuel",
    "magazine",
    "studio",
    "studios",
    "editeur",
    "constructeur",
    "agence",
    "banque",
    "compagnie",
    "equipe",
    "association",
    "ong",
    "fondation",
    "syndicat",
    "mouvement",
    "organisation",
    "milice",
    "coalition",
    "unite",
    "brigade",
    "bataillon",
    "regiment",
    "commando",
    "reseau",
    "operateur",
    "fabricant",
    "distributeur",
    "laboratoire",
    "assureur",
    "chaine",
    "radio",
    "station",
    "formation",
    "start-up",
    "startup",
    "conglomerat",
    "holding",
    "franchise",
    "ecurie",
    "maison",
    "marque",
    "groupes",
    "supergroupe",
    "collectif",
]);

/// Nouns of settlements: "la ville de X", "la commune de X" name X itself.
pub static SETTLEMENTS: Words = Words::new(&[
    "ville",
    "villes",
    "commune",
    "communes",
    "village",
    "villages",
    "bourg",
    "cite",
    "localite",
    "agglomeration",
    "hameau",
    "municipalite",
    "municipalites",
]);

/// Nouns whose "de X" names X itself, the noun being no part of the name:
/// "l'île de X", "l'archipel des X", "la région de X", "la province de X",
/// "le quartier de X", "le port de X".
pub static SAME_AS_NAME: Words = Words::new(&["ile", "iles", "archipel", "region", "province", "quartier", "port"]);

/// Heads whose "de X" names X alone, the head no word of the name: a
/// basin is its river's ("le bassin de la X"), and a plural head lists
/// several places, none of which owns it ("les comtés de X et de Y").
pub static HEADS_OUTSIDE_NAME: Words = Words::new(&[
    "bassin",
    "comtes",
    "districts",
    "provinces",
    "regions",
    "departements",
    "cantons",
    "arrondissements",
    "territoires",
    "etats",
    "iles",
    "vallees",
    "communes",
    "villes",
    "municipalites",
    "voivodies",
    "oblasts",
]);

/// Nouns that with "de X" name another thing than X, a part of it or a body
/// named after it, the noun inside the name: "le golfe de X", "le désert de
/// X", "l'estuaire de la X", "le massif du X", "l'arrondissement de X", "la
/// voïvodie de X", "le canton de X", "la gare de X", "l'aéroport de X", "le
/// diocèse de X", "le grand-duché de X".
pub static NAMED_AFTER_PLACE: Words = Words::new(&[
    "golfe",
    "desert",
    "estuaire",
    "massif",
    "arrondissement",
    "voivodie",
    "powiat",
    "canton",
    "gare",
    "aeroport",
    "diocese",
    "archidiocese",
    "grand-duche",
    "duche",
    "vicomte",
]);

/// River nouns written before the river's name, no part of it: "le fleuve
/// X", "la rivière X".
pub static RIVER_HEADS: Words = Words::new(&["fleuve", "riviere"]);

/// Acronyms of common nouns, not of organizations: "l'IA", "le PIB", "le PDG".
pub static COMMON_ACRONYMS: Words = Words::new(&[
    "IA", "PIB", "ADN", "ARN", "TVA", "SMS", "PME", "TPE", "ETI", "OGM", "VIH", "SIDA", "COVID", "HLM", "RSA", "SMIC",
    "BTP", "TGV", "TER", "RER", "JO", "OPA", "CDD", "CDI", "QG", "ONG", "PDG", "DG", "DRH", "CEO", "CV", "PV", "TV",
    "DVD", "CD", "PC", "GPS", "PDF", "URL", "USB", "VTC", "SUV", "GPL", "GNL", "CO", "EPR", "IVG", "PMA", "GPA", "QI",
    "RIB", "IBAN", "TNT", "EHPAD", "SDF", "RTT", "HT", "TTC", "BD", "MMA", "NBA", "NFL", "IRM", "SAMU", "SMUR", "VTT",
    "LGV", "UV", "OVNI", "APL", "CAF", "CSG", "IR", "ISF", "IFI", "PLU", "ZAD", "ZFE", "LBD", "RIP", "KO", "JT", "DJ",
    "CP", "ID", "GT", "VO", "VF", "CE", "CM",
]);

/// Support and auxiliary verbs, folded lemmas, whose meaning lies in their
/// complement ("faire la une", "il s'agit de", "devenir") or that only
/// carry another verb: a report never proposes them as triggers.
pub static SUPPORT_VERBS: Words = Words::new(&[
    "etre", "avoir", "faire", "agir", "devenir", "rester", "sembler", "paraitre", "laisser", "falloir", "pouvoir",
    "devoir", "vouloir", "savoir", "aller", "venir", "mettre", "donner", "prendre", "tenir", "passer", "voir",
]);

/// Common nouns, folded, that stand before a person's name to name a thing
/// after them ("l'affaire X", "la famille X", "la loi X", "le site X"):
/// they are no titles.
pub static NAMED_AFTER: Words = Words::new(&[
    "affaire",
    "famille",
    "clan",
    "couple",
    "loi",
    "site",
    "hopital",
    "communique",
    "dossier",
    "association",
    "modele",
    "figure",
    "tete",
    "ere",
    "methode",
    "rapport",
    "plan",
    "reforme",
    "proces",
    "cas",
    "camp",
    "entourage",
    "equipe",
    "gouvernement",
    "cabinet",
    "maison",
    "rue",
    "avenue",
    "boulevard",
    "place",
    "fondation",
    "lycee",
    "college",
    "ecole",
    "salle",
    "musee",
    "institut",
    "style",
    "effet",
    "epoque",
    "generation",
    "mouvement",
    "systeme",
    "clinique",
    "bande",
    "heritage",
    "compte",
    "page",
    "film",
    "livre",
    "album",
    "chanson",
    "emission",
    "show",
    "serie",
    "spectacle",
    "tournee",
    "concert",
    "liste",
    "candidature",
    "campagne",
    "clip",
    "version",
    "interview",
    "entretien",
    "tribune",
    "lettre",
    "message",
    "tweet",
    "post",
    "video",
    "photo",
    "portrait",
    "biographie",
    "statue",
    "buste",
    "tombe",
    "mort",
    "deces",
    "meurtre",
    "assassinat",
    "disparition",
]);

/// Nouns of works, folded, after which a quoted name is the work's title:
/// "le film « X »", "l'album « X »", "la chanson « X »". The words of a
/// title name no person, place or body of the sentence.
pub static WORK_NOUNS: Words = Words::new(&[
    "film",
    "films",
    "telefilm",
    "court-metrage",
    "long-metrage",
    "documentaire",
    "serie",
    "series",
    "feuilleton",
    "sitcom",
    "emission",
    "episode",
    "album",
    "albums",
    "single",
    "singles",
    "chanson",
    "chansons",
    "titre",
    "titres",
    "morceau",
    "morceaux",
    "tube",
    "ballade",
    "hymne",
    "clip",
    "disque",
    "ep",
    "opera",
    "piece",
    "comedie",
    "drame",
    "tragedie",
    "romance",
    "thriller",
    "western",
    "polar",
    "roman",
    "romans",
    "nouvelle",
    "recit",
    "conte",
    "poeme",
    "recueil",
    "livre",
    "livres",
    "ouvrage",
    "essai",
    "manga",
    "saga",
    "jeu",
    "jeux",
    "spectacle",
    "tableau",
    "oeuvre",
    "œuvre",
]);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_list_finds_each_of_its_words_and_nothing_else() {
        static LIST: Words = Words::new(&["de", "du", "d'", "", "préfecture", "de"]);
        for w in LIST.iter() {
            assert!(LIST.contains(w), "{w}");
        }
        for w in ["des", "d", "préfectures", "prefecture", " de"] {
            assert!(!LIST.contains(&w), "{w}");
        }
        assert_eq!(LIST.len(), 6);
        for w in FUNCTION_WORDS.iter().chain(GEO_HEADS.iter()).chain(NAMED_AFTER.iter()) {
            assert!(FUNCTION_WORDS.contains(w) || GEO_HEADS.contains(w) || NAMED_AFTER.contains(w));
        }
    }
}
