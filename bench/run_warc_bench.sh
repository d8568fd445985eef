#!/usr/bin/env bash
# The web-archive benchmark (bench/README.md, "Web archives"): a generated WARC of ARTICLES
# news pages (about 110 KiB each, one gzip member per record as Common Crawl writes them, an
# image every tenth record) imported plain and gzip-compressed, with the import's peak RSS.
# Usage: run_warc_bench.sh [BIN] [ARTICLES...]   (default 300 3000 9500: ~33 MB, ~330 MB, ~1 GB)
set -euo pipefail
BIN=${1:-build/actorgraph}
shift || true
SIZES=${*:-300 3000 9500}
DIR=/tmp/agbench/warc
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$DIR"
for n in $SIZES; do
  python3 "$HERE/gen_articles.py" --n "$n" --seed 5 --out "$DIR/a$n.jsonl" > /dev/null
  python3 "$HERE/gen_warc.py" --articles "$DIR/a$n.jsonl" --pad-kb 100 --out "$DIR/news$n.warc.gz"
  python3 -c "import gzip,shutil,sys; shutil.copyfileobj(gzip.open(sys.argv[1]), open(sys.argv[2],'wb'), 1<<20)" \
    "$DIR/news$n.warc.gz" "$DIR/news$n.warc"
  for f in "$DIR/news$n.warc" "$DIR/news$n.warc.gz"; do
    rm -rf "$DIR/db"
    /usr/bin/time -f "%e %M" -o "$DIR/time" "$BIN" import --db "$DIR/db" --json "$f" > "$DIR/summary.json"
    read -r secs rss < "$DIR/time"
    python3 -c "import json,sys,os; s=json.load(open(sys.argv[1])); print(json.dumps({'file': os.path.basename(sys.argv[2]), 'mb': round(os.path.getsize(sys.argv[2])/1e6,1), 'articles': s['articles_new'], 'refused': s['articles_refused'], 'seconds': float(sys.argv[3]), 'peak_rss_mib': round(int(sys.argv[4])/1024,1)}))" \
      "$DIR/summary.json" "$f" "$secs" "$rss"
  done
  rm -f "$DIR/news$n.warc"
done
