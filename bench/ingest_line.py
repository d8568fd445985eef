#!/usr/bin/env python3
"""Helper of run_ingest_bench.sh: one JSON result line, or the summary table.

    ingest_line.py N REPEAT T0 T1 DB_BYTES RSS_KB IMPORT_SUMMARY.json [CHUNK_RATE ...]
    ingest_line.py --table RESULTS.jsonl
"""
import json
import statistics
import sys


def line(argv):
    n, r = int(argv[0]), int(argv[1])
    t0, t1 = float(argv[2]), float(argv[3])
    size, rss = int(argv[4]), int(argv[5] or 0)
    summary = json.load(open(argv[6]))
    rates = [float(x) for x in argv[7:]]
    out = {"articles": n, "repeat": r, "seconds": round(t1 - t0, 3),
           "articles_per_s": round(n / (t1 - t0), 1), "articles_new": summary["articles_new"],
           "refused": summary["articles_refused"], "nodes_added": summary["nodes_added"],
           "edges_added": summary["edges_added"], "evidence_added": summary["evidence_added"],
           "db_bytes": size, "peak_rss_kb": rss}
    # CPU time of the import (time -v beside the summary): the machine is shared, so the wall
    # clock rate depends on the other load; articles per CPU-second does not.
    import os, re
    tfile = os.path.join(os.path.dirname(argv[6]), f"time_{n}.txt")
    if os.path.exists(tfile):
        txt = open(tfile).read()
        cpu = sum(float(m) for m in re.findall(r"(?:User|System) time \(seconds\): ([0-9.]+)", txt))
        share = re.search(r"Percent of CPU this job got: ([0-9]+)%", txt)
        out["cpu_s"] = round(cpu, 3)
        out["articles_per_cpu_s"] = round(n / cpu, 1) if cpu else None
        out["cpu_share_pct"] = int(share.group(1)) if share else None
    if rates:
        out["chunk_articles_per_s"] = rates
        out["first_chunk_us_per_article"] = round(1e6 / rates[0], 1)
        out["last_chunk_us_per_article"] = round(1e6 / rates[-1], 1)
    print(json.dumps(out))


def table(path):
    runs = [json.loads(l) for l in open(path) if l.strip()]
    print("| articles | runs | articles/s (median, one import) | articles per CPU-second | CPU share | "
          "chunk us/article first -> last | nodes | edges | db MB | peak RSS MiB |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for n in sorted({r["articles"] for r in runs}):
        rs = [r for r in runs if r["articles"] == n]

        def med(k):
            vals = [r[k] for r in rs if k in r]
            return statistics.median(vals) if vals else float("nan")
        print(f"| {n} | {len(rs)} | {med('articles_per_s'):.0f} | {med('articles_per_cpu_s'):.0f} | "
              f"{med('cpu_share_pct'):.0f}% | "
              f"{med('first_chunk_us_per_article'):.0f} -> {med('last_chunk_us_per_article'):.0f} | "
              f"{med('nodes_added'):.0f} | {med('edges_added'):.0f} | {med('db_bytes') / 1e6:.1f} | "
              f"{med('peak_rss_kb') / 1024:.0f} |")


if __name__ == "__main__":
    if sys.argv[1] == "--table":
        table(sys.argv[2])
    else:
        line(sys.argv[1:])
