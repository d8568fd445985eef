#!/usr/bin/env bash
# The follow benchmark (bench/README.md, "Following feeds"): FEEDS feeds of ITEMS items each
# served on loopback by Python's threading HTTP server, one `actorgraph follow --once` poll end
# to end (feeds, robots.txt, every page fetched, read, extracted, ingested), then a second poll
# (conditional GETs: nothing fetched again). Usage: run_follow_bench.sh [BIN] [FEEDS] [ITEMS]
set -euo pipefail
BIN=${1:-build/actorgraph}
FEEDS=${2:-100}
ITEMS=${3:-50}
DIR=/tmp/agbench/follow
PORT=8790
HERE=$(cd "$(dirname "$0")" && pwd)
rm -rf "$DIR" && mkdir -p "$DIR"
python3 "$HERE/gen_articles.py" --n $((FEEDS * ITEMS)) --seed 11 --out "$DIR/articles.jsonl" > /dev/null
python3 "$HERE/gen_feeds.py" --articles "$DIR/articles.jsonl" --feeds "$FEEDS" --items "$ITEMS" \
  --dir "$DIR/site" --base "http://127.0.0.1:$PORT" --feeds-file "$DIR/feeds.txt"
python3 - "$PORT" "$DIR/site" <<'PY' &
import functools, http.server, socketserver, sys
class Handler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args): pass
class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True
Server(("127.0.0.1", int(sys.argv[1])), functools.partial(Handler, directory=sys.argv[2])).serve_forever()
PY
SERVER=$!
trap 'kill $SERVER' EXIT
sleep 1
for poll in first second; do
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$DIR/rss" "$BIN" follow --db "$DIR/db" --once --delay 0 "$DIR/feeds.txt" > "$DIR/$poll.json"
  end=$(date +%s.%N)
  python3 - "$DIR/$poll.json" "$start" "$end" "$(cat "$DIR/rss")" "$poll" <<'PY'
import json, sys
feeds = json.load(open(sys.argv[1]))
n = sum(f["new_items_ingested"] for f in feeds)
secs = float(sys.argv[3]) - float(sys.argv[2])
errors = sum(1 for f in feeds if f["last_error"])
print(json.dumps({"poll": sys.argv[5], "feeds": len(feeds), "articles": n, "seconds": round(secs, 2),
                  "articles_per_s": round(n / secs, 1), "feed_errors": errors,
                  "peak_rss_mib": round(int(sys.argv[4]) / 1024, 1)}))
PY
done
