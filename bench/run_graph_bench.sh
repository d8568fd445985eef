#!/usr/bin/env bash
# The graph workload of ../shared/peers on SQLite, Kùzu and actorgraph in ONE run, checked
# against the oracle and tabulated (medians over REPEATS, ratios against the peers).
#
#   bash bench/run_graph_bench.sh [N=100000] [SEED=42] [REPEATS=3]
#   PEERS=/tmp/peers BENCH_BIN=build-bench/bench/bench_graph SP_PAIRS=20 bash bench/run_graph_bench.sh
#   SYSTEMS="actorgraph" bash bench/run_graph_bench.sh 1000000 42 1   # actorgraph only
#
# PEERS is a writable copy of ../shared/peers with setup.sh run (default /tmp/peers; made
# when missing). Data, databases and results go to $PEERS/data and $OUT (default
# /tmp/agbench/graph), outside the repository. The runs are sequential (2 cores), each
# system once per repeat, interleaved, so machine noise hits them alike. Peak RSS of every
# actorgraph run is taken with /usr/bin/time -v.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
N=${1:-100000}
SEED=${2:-42}
REPEATS=${3:-3}
PEERS=${PEERS:-/tmp/peers}
OUT=${OUT:-/tmp/agbench/graph}
BENCH_BIN=${BENCH_BIN:-$ROOT/build-bench/bench/bench_graph}
SYSTEMS=${SYSTEMS:-"sqlite kuzu actorgraph"}
TAG="g${N}_s${SEED}"
DATA="$PEERS/data/$TAG"
RES="$OUT/$TAG"
mkdir -p "$RES"

if [[ ! -d "$PEERS" ]]; then
  cp -r "$ROOT/../shared/peers" "$PEERS"
  bash "$PEERS/setup.sh" >&2
fi
[[ -x "$BENCH_BIN" ]] || { echo "no $BENCH_BIN: cmake --build build-bench --target bench_graph" >&2; exit 1; }

TRUTH_PY=python3
if /usr/bin/python3 -c 'import igraph' 2>/dev/null; then TRUTH_PY=/usr/bin/python3; fi
if [[ ! -f "$DATA/queries.json" ]]; then
  echo "== generate $TAG" >&2
  python3 "$PEERS/gen_graph.py" --n "$N" --seed "$SEED" --out "$DATA" >&2
fi
if [[ ! -s "$RES/truth.json" ]]; then
  echo "== oracle ($TRUTH_PY)" >&2
  "$TRUTH_PY" "$PEERS/graph_truth.py" --data "$DATA" --check > "$RES/truth.json"
fi
TRUTH="$RES/truth.json"
extra=()
if [[ -n "${SP_PAIRS:-}" ]]; then
  extra+=(--pairs "$SP_PAIRS")
  python3 - "$RES/truth.json" "$SP_PAIRS" "$RES/truth_pairs.json" <<'EOF'
import json, sys
t = json.load(open(sys.argv[1])); k = int(sys.argv[2]); c = t["check"]
L = [d for d in c["sp_lengths"][:k] if d is not None and d <= c["sp_max_depth"]]
c.update(sp_found=len(L), sp_len_sum=sum(L), sp_n=k, sp_lengths=c["sp_lengths"][:k])
json.dump(t, open(sys.argv[3], "w"))
EOF
  TRUTH="$RES/truth_pairs.json"
fi

files=()
for s in $SYSTEMS; do : > "$RES/$s.jsonl"; files+=("$RES/$s.jsonl"); done
for ((i = 1; i <= REPEATS; i++)); do
  for s in $SYSTEMS; do
    echo "== run $i/$REPEATS: $s" >&2
    sync  # the previous system's writes reach the disk first: no system pays for another's
    case $s in
      sqlite) python3 "$PEERS/sqlite_bench.py" --data "$DATA" --db "$RES/sqlite.db" "${extra[@]}" | tee -a "$RES/sqlite.jsonl" ;;
      kuzu) node "$PEERS/kuzu_bench.js" --data "$DATA" --db "$RES/kuzu.db" "${extra[@]}" | tee -a "$RES/kuzu.jsonl"; rm -rf "$RES/kuzu.db" ;;
      actorgraph)
        /usr/bin/time -v -o "$RES/actorgraph.time" "$BENCH_BIN" --data "$DATA" --db "$RES/actorgraph.db" "${extra[@]}" \
          | tee -a "$RES/actorgraph.jsonl"
        grep -E "Maximum resident|Elapsed" "$RES/actorgraph.time" >&2 ;;
    esac
  done
done
rm -f "$RES/sqlite.db" "$RES/sqlite.db-wal" "$RES/sqlite.db-shm"
status=0
python3 "$PEERS/check_results.py" "$TRUTH" "${files[@]}" || status=$?
python3 "$HERE/graph_ratios.py" "${files[@]}"
exit $status
