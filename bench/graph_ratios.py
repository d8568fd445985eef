#!/usr/bin/env python3
"""Medians of the graph benchmark runs and actorgraph's ratios against the peers.

    python3 bench/graph_ratios.py RES/sqlite.jsonl RES/kuzu.jsonl RES/actorgraph.jsonl

Prints a Markdown table: per system the median seconds of each timed section, then the
ratio actorgraph / peer (< 1: actorgraph is faster) and whether issue 6's target holds:
load <= Kùzu; name, id lookups and 1-hop <= SQLite; 2-hop <= 0.5 x SQLite; shortest
paths <= 0.5 x Kùzu.
"""
import json
import statistics
import sys

TIMES = ["load_s", "lookup_name_s", "lookup_id_s", "hop1_s", "hop2_s", "sp_s"]
TARGETS = {"load_s": ("kuzu", 1.0), "lookup_name_s": ("sqlite", 1.0), "lookup_id_s": ("sqlite", 1.0),
           "hop1_s": ("sqlite", 1.0), "hop2_s": ("sqlite", 0.5), "sp_s": ("kuzu", 0.5)}


def main(paths):
    med = {}
    extra = {}
    for p in paths:
        runs = [json.loads(l) for l in open(p) if l.strip().startswith("{")]
        if not runs:
            continue
        name = runs[0].get("system", p)
        med[name] = {t: statistics.median(r[t] for r in runs) for t in TIMES if t in runs[0]}
        med[name]["runs"] = len(runs)
        med[name]["db_bytes"] = statistics.median(r.get("db_bytes", 0) for r in runs)
        extra[name] = runs
    systems = list(med)
    print("| query set | " + " | ".join(f"{s} (median of {med[s]['runs']})" for s in systems) + " |")
    print("|---|" + "---|" * len(systems))
    for t in TIMES:
        print(f"| {t[:-2]} | " + " | ".join(f"{med[s].get(t, float('nan')):.4f}" for s in systems) + " |")
    print("| db MB | " + " | ".join(f"{med[s]['db_bytes'] / 1e6:.1f}" for s in systems) + " |")
    ag = med.get("actorgraph")
    if not ag:
        return 0
    print()
    print("| query set | actorgraph / sqlite | actorgraph / kuzu | target | met |")
    print("|---|---|---|---|---|")
    for t in TIMES:
        cells = []
        for peer in ("sqlite", "kuzu"):
            cells.append(f"{ag[t] / med[peer][t]:.3g}" if peer in med and med[peer].get(t) else "-")
        peer, k = TARGETS[t]
        if peer in med:
            ok = ag[t] <= k * med[peer][t]
            target = f"<= {k} x {peer}"
            print(f"| {t[:-2]} | {cells[0]} | {cells[1]} | {target} | {'yes' if ok else 'NO'} |")
        else:
            print(f"| {t[:-2]} | {cells[0]} | {cells[1]} | - | - |")
    runs = extra["actorgraph"]
    split = {k: statistics.median(r[k] for r in runs) for k in ("parse_s", "bulk_s", "warm_s", "snapshot_s", "load_cpu_s") if k in runs[0]}
    if split:
        print("\nactorgraph load split (median s): " + ", ".join(f"{k[:-2]} {v:.3f}" for k, v in split.items())
              + (f"; peak RSS {statistics.median(r['peak_rss_kb'] for r in runs) / 1024:.0f} MiB"
                 if "peak_rss_kb" in runs[0] else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
