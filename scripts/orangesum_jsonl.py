#!/usr/bin/env python3
"""Turns the OrangeSum corpus of ../shared (one file of many articles and an
index.tsv giving each article's file, first line, line count, id, date and
title) into JSON Lines, one {"id", "text", "date", "title"} object a line,
for `trame build FILE.jsonl`.

The corpus's licence forbids copying it into the project: write the JSON
Lines outside the repository (the default is /tmp/orangesum.jsonl).

    python3 scripts/orangesum_jsonl.py [CORPUS_DIR] [OUT.jsonl]
"""
import csv
import json
import os
import sys


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora/text/orangesum_fr"
    out = sys.argv[2] if len(sys.argv) > 2 else "/tmp/orangesum.jsonl"
    files = {}
    written = 0
    with open(os.path.join(corpus, "index.tsv"), encoding="utf-8", newline="") as index, open(
        out, "w", encoding="utf-8"
    ) as sink:
        for row in csv.DictReader(index, delimiter="\t"):
            name = row["file"]
            if name not in files:
                with open(os.path.join(corpus, name), encoding="utf-8") as f:
                    files[name] = f.read().split("\n")
            first, count = int(row["first_line"]), int(row["lines"])
            text = "\n".join(files[name][first - 1 : first - 1 + count])
            record = {"id": f"orangesum-{row['orangesum_id']}", "text": text, "date": row["date"], "title": row["title"]}
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
    print(f"{written} articles written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
