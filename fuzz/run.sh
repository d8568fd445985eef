#!/bin/bash
# Runs every libFuzzer target of fuzz/ for SECONDS each, seeded from ../shared/corpus, the
# samples and fuzz/seeds; prints executions per second and wall time per target, and exits 1
# when any target found a crash, a leak or a timeout (the input is kept in BUILD/artifacts/).
#   fuzz/run.sh BUILD_DIR [SECONDS] [TARGET...]
set -u
BUILD=${1:?usage: fuzz/run.sh BUILD_DIR [SECONDS] [TARGET...]}
SECONDS_EACH=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CORPUS=${ACTORGRAPH_CORPUS_DIR:-$ROOT/../shared/corpus}
TARGETS=${*:-html jsonl feed text extract request key_codec record_codec}

# seeds TARGET DIR: fills DIR with the target's seed inputs.
seeds() {
  local dir=$2
  mkdir -p "$dir"
  case $1 in
    html) cp "$CORPUS"/html/*.html "$ROOT"/samples/*.html "$dir" 2>/dev/null ;;
    text|extract) cp "$CORPUS"/dev/*.txt "$ROOT"/samples/*.txt "$dir" 2>/dev/null ;;
    jsonl)
      cp "$ROOT"/samples/*.jsonl "$dir" 2>/dev/null
      python3 - "$CORPUS/dev" "$dir/corpus.jsonl" <<'PY'
import json, pathlib, sys
with open(sys.argv[2], "w") as out:
    for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))[:6]:
        out.write(json.dumps({"url": "https://example.org/" + p.stem, "date": "2024-05-01", "text": p.read_text()}) + "\n")
PY
      ;;
    feed) cp "$ROOT"/samples/*.rss "$dir" 2>/dev/null ;;
  esac
  [ -d "$ROOT/fuzz/seeds/$1" ] && cp "$ROOT/fuzz/seeds/$1"/* "$dir" 2>/dev/null
  return 0
}

mkdir -p "$BUILD/artifacts"
REPORT="$BUILD/fuzz-report.txt"
printf '%-14s %10s %12s %8s %8s %s\n' target seconds executions exec/s rss_mb result | tee "$REPORT"
failed=0
for t in $TARGETS; do
  bin="$BUILD/fuzz_$t"
  [ -x "$bin" ] || { echo "missing $bin (build fuzz/ first)"; failed=1; continue; }
  work="$BUILD/corpus/$t"
  mkdir -p "$work"
  seeds "$t" "$BUILD/seeds/$t"
  log="$BUILD/fuzz_$t.log"
  start=$(date +%s.%N)
  # Inputs up to 64 KiB (larger seeds are cut): a page's worth, and thousands of runs a minute.
  "$bin" -max_total_time="$SECONDS_EACH" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$BUILD/artifacts/$t-" "$work" "$BUILD/seeds/$t" >"$log" 2>&1
  rc=$?
  end=$(date +%s.%N)
  stat() { awk -v k="stat::$1:" '$1 == k {print $2}' "$log"; }
  execs=$(stat number_of_executed_units)
  rate=$(stat average_exec_per_sec)
  rss=$(stat peak_rss_mb)
  result=ok
  if [ $rc -ne 0 ]; then result="FAILED (rc $rc, see $log)"; failed=1; fi
  printf '%-14s %10.1f %12s %8s %8s %s\n' "$t" "$(awk -v a="$start" -v b="$end" 'BEGIN{print b-a}')" "${execs:-?}" "${rate:-?}" "${rss:-?}" "$result" | tee -a "$REPORT"
done
exit $failed
