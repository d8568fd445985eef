#!/usr/bin/env bash
# Ingestion, end to end: `actorgraph import` (read JSON Lines, extract, resolve, write; the WAL
# synced once per BatchIngestor group commit) of synthetic articles from bench/gen_articles.py.
#
#   bash bench/run_ingest_bench.sh [SIZES="1000 10000"] [REPEATS=3]
#   SIZES="1000 10000 100000" bash bench/run_ingest_bench.sh     # make bench BENCH_100K=1
#
# Each size is a fresh database. articles/s is the wall clock of ONE `actorgraph import` of all
# the articles (process start included). Once per size, the articles (10 chunks) are imported
# again chunk by chunk into a fresh database: the rate of each chunk (the import's own timer)
# shows whether the cost per article stays flat while the graph grows.
# Prints one JSON line per (size, repeat) and a summary table.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
SIZES=${SIZES:-${1:-"1000 10000"}}
REPEATS=${REPEATS:-${2:-3}}
BIN=${ACTORGRAPH_BIN:-$ROOT/build-bench/actorgraph}
OUT=${OUT:-/tmp/agbench/ingest}
CHUNKS=${CHUNKS:-10}
mkdir -p "$OUT"
[[ -x "$BIN" ]] || { echo "no $BIN: cmake --build build-bench --target actorgraph" >&2; exit 1; }
[[ -n "${APPEND:-}" ]] || : > "$OUT/results.jsonl"  # APPEND=1 keeps earlier sizes

for n in $SIZES; do
  if [[ ! -f "$OUT/articles_$n.jsonl.000" ]]; then
    python3 "$HERE/gen_articles.py" --n "$n" --out "$OUT/articles_$n.jsonl" --chunks "$CHUNKS" >&2
  fi
  files=("$OUT"/articles_"$n".jsonl.*)
  for ((r = 1; r <= REPEATS; r++)); do
    # (a) one process imports every chunk: articles/s end to end, wall clock.
    db="$OUT/db_$n"
    rm -rf "$db"
    t0=$(date +%s.%N)
    /usr/bin/time -v -o "$OUT/time_$n.txt" "$BIN" import --db "$db" --json "${files[@]}" \
      > "$OUT/import_$n.json" 2>/dev/null
    t1=$(date +%s.%N)
    rss=$(awk '/Maximum resident/ {print $NF}' "$OUT/time_$n.txt")
    size=$(du -sb "$db" | cut -f1)
    # (b) first repeat only: the chunks one import each into a fresh database.
    rates=()
    if [[ $r == 1 ]]; then
      rm -rf "$db"
      for f in "${files[@]}"; do
        "$BIN" import --db "$db" --json "$f" > "$OUT/chunk.json" 2>/dev/null
        rates+=("$(python3 -c "import json; j=json.load(open('$OUT/chunk.json')); print(round((j['articles_new']+j['articles_unchanged'])/j['seconds'],1))")")
      done
    fi
    python3 "$HERE/ingest_line.py" "$n" "$r" "$t0" "$t1" "$size" "$rss" "$OUT/import_$n.json" \
      "${rates[@]}" | tee -a "$OUT/results.jsonl"
  done
done
python3 "$HERE/ingest_line.py" --table "$OUT/results.jsonl"
