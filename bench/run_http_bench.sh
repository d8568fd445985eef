#!/usr/bin/env bash
# The HTTP API under wrk: requests/s and p50/p99 latency of search, node, neighbours and
# subgraph at 1, 8 and 64 connections, against `actorgraph serve --read-only` on the database
# of the peers' graph (N=100,000 by default, built by bench_graph's bulk load).
#
#   bash bench/run_http_bench.sh [N=100000] [DURATION=10s]
#   ENDPOINTS="neighbors" CONNS="8" bash bench/run_http_bench.sh
#
# wrk and the server share the 2 cores: wrk runs 1 thread (2 at 64 connections). The URL sets
# (bench/wrk/*.lua) cycle through queries.json's node ids and names, written by
# `bench_graph --export-urls`. One JSON line per (endpoint, connections), then a table.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
N=${1:-100000}
DURATION=${2:-10s}
PEERS=${PEERS:-/tmp/peers}
OUT=${OUT:-/tmp/agbench/http}
BIN=${ACTORGRAPH_BIN:-$ROOT/build-bench/actorgraph}
BENCH_BIN=${BENCH_BIN:-$ROOT/build-bench/bench/bench_graph}
ENDPOINTS=${ENDPOINTS:-"search node neighbors subgraph"}
CONNS=${CONNS:-"1 8 64"}
PORT=${PORT:-18089}
DATA="$PEERS/data/g${N}_s42"
DB="$OUT/db_g$N"
export WRK_URLS_DIR="$OUT/urls"
mkdir -p "$OUT"
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
if [[ ! -f "$DATA/queries.json" ]]; then
  python3 "$PEERS/gen_graph.py" --n "$N" --seed 42 --out "$DATA" >&2
fi
if [[ ! -f "$DB/CURRENT" || ! -s "$WRK_URLS_DIR/node_ids.txt" ]]; then
  echo "== bulk load g$N into $DB" >&2
  "$BENCH_BIN" --data "$DATA" --db "$DB" --pairs 0 --keep --export-urls "$WRK_URLS_DIR" >&2
fi

"$BIN" serve --db "$DB" --host 127.0.0.1 --port "$PORT" --read-only > "$OUT/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$PORT/api/v1/health" > /dev/null 2>&1 && break
  sleep 0.1
done
# Warm up: every URL once (the snapshot is built on the first subgraph request).
for ep in $ENDPOINTS; do wrk -t1 -c1 -d2s -s "$HERE/wrk/$ep.lua" "http://127.0.0.1:$PORT" > /dev/null 2>&1 || true; done

: > "$OUT/results.jsonl"
for ep in $ENDPOINTS; do
  for c in $CONNS; do
    t=1
    (( c >= 64 )) && t=2
    line=$(wrk -t$t -c$c -d"$DURATION" --latency -s "$HERE/wrk/$ep.lua" "http://127.0.0.1:$PORT" | grep '^{' || true)
    [[ -n "$line" ]] || line='{"rps":0}'
    echo "$line" | python3 -c "import json,sys; j=json.loads(sys.stdin.read()); j.update(endpoint='$ep', connections=$c, wrk_threads=$t); print(json.dumps(j))" \
      | tee -a "$OUT/results.jsonl"
  done
done
python3 - "$OUT/results.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
print("| endpoint | connections | requests/s | p50 ms | p99 ms | non-2xx | errors |")
print("|---|---|---|---|---|---|---|")
for r in rows:
    print(f"| {r['endpoint']} | {r['connections']} | {r.get('rps', 0):.0f} | {r.get('p50_us', 0) / 1000:.2f} | "
          f"{r.get('p99_us', 0) / 1000:.2f} | {r.get('non2xx', '-')} | {r.get('errors', '-')} |")
PY
