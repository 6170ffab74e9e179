#!/usr/bin/env bash
# The Spark recipe of the README on local[2]: a JSON Lines corpus piped
# through `trame extract` by RDD.pipe (scripts/spark_extract.py), the
# records merged by `trame merge`, and the graph compared with `trame build`
# on the same corpus, byte for byte.
#
#   scripts/spark.sh [CORPUS.jsonl]     (default: the seeds, as JSON Lines)
#
# Installs what is missing: a headless Java runtime (Debian's
# openjdk-17-jre-headless) and pyspark (PyPI, into .venv-spark). Where they
# cannot be installed it says SKIPPED and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${TRAME_SPARK_VENV:-.venv-spark}"
pyspark_version=4.3.0

if ! command -v java >/dev/null; then
  if command -v apt-get >/dev/null; then
    (apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null) || true
  fi
fi
if ! command -v java >/dev/null; then
  echo "SKIPPED: no Java runtime (apt-get install openjdk-17-jre-headless): the Spark recipe is not run"
  exit 0
fi
if ! "$venv/bin/python" -c "import pyspark" 2>/dev/null; then
  (python3 -m venv "$venv" && "$venv/bin/pip" install -q "pyspark==$pyspark_version") || true
fi
if ! "$venv/bin/python" -c "import pyspark" 2>/dev/null; then
  echo "SKIPPED: pyspark could not be installed into $venv: the Spark recipe is not run"
  exit 0
fi

cargo build --release --quiet
trame="$PWD/target/release/trame"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus="${1:-}"
if [ -z "$corpus" ]; then
  corpus="$work/seeds.jsonl"
  python3 - "$corpus" seeds/*.txt <<'PY'
import json, os, sys
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            out.write(json.dumps({"id": os.path.basename(path), "text": f.read()}, ensure_ascii=False) + "\n")
PY
fi
"$venv/bin/python" scripts/spark_extract.py "$corpus" "$work/records.jsonl" --master 'local[2]' --trame "$trame"
"$trame" merge -q "$work/records.jsonl" --format json -o "$work/merged.json"
"$trame" build -q "$corpus" --format json -o "$work/built.json"
if cmp -s "$work/merged.json" "$work/built.json"; then
  echo "spark: the graph merged from local[2] is the build's, byte for byte ($(wc -c < "$work/built.json") bytes)"
else
  echo "spark: the merged graph differs from the build" >&2
  exit 1
fi
