#!/usr/bin/env python3
"""How many of the identity splits the first duplicate suggestions name.

    python3 bench/suggestion_recall.py --bin build/actorgraph --dir ../shared/corpus/dev \
        [--db /tmp/sg-db] [--top 50] [--verbose] [--json]

1. The splits, exactly as ../shared/corpus/score_identity.py finds them (its own functions, on a
   fresh database of its own): gold actors whose mentions landed on several nodes. Every two
   nodes of one split are a split pair.
2. The graph: `BIN import --db DB DIR` into a fresh database (DB must not exist; a temporary one
   without --db), served by `BIN serve`; node ids are deterministic, so the split nodes are
   the same nodes there (the script counts those that are not).
3. GET /api/v1/curations/suggestions?limit=TOP: the share of split pairs among those pairs
   (pair recall), and the share of the TOP suggestions that are split pairs (precision).
"""
import argparse
import importlib.util
import itertools
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from collections import defaultdict
from pathlib import Path


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("score_identity", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The write token of the servers started here: text/plain articles need one (README, HTTP API).
TOKEN = secrets.token_hex(32)


def serve(scorer, binary, db):
    """score_identity's serve with ACTORGRAPH_TOKEN set to TOKEN in the server's environment."""
    os.environ["ACTORGRAPH_TOKEN"] = TOKEN
    return scorer.serve(binary, db)


def post(port, text):
    """score_identity's post (a text/plain article) with the bearer token."""
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/articles", data=text,
                                 headers={"Content-Type": "text/plain; charset=utf-8",
                                          "Authorization": f"Bearer {TOKEN}"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read())


def identity_splits(scorer, binary, folder):
    """{gold key: sorted node ids} for every key on two or more nodes (score_identity's items)."""
    db = tempfile.mkdtemp(prefix="identity-")
    proc, port = serve(scorer, binary, db)
    items = []
    try:
        for txt in sorted(Path(folder).glob("*.txt")):
            gold_path = txt.with_suffix(".gold.json")
            if not gold_path.exists():
                continue
            answer = post(port, txt.read_bytes())
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            items += scorer.items_of(gold, answer.get("nodes", []))
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait()
        shutil.rmtree(db, ignore_errors=True)
    by_key = defaultdict(set)
    for key, node, _ in items:
        by_key[key].add(node)
    return {k: sorted(v) for k, v in by_key.items() if len(v) > 1}


def get(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1{path}", timeout=120) as r:
        return json.loads(r.read())


def status_of(port, path):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1{path}", timeout=60) as r:
            return r.status
    except urllib.error.HTTPError as err:
        return err.code


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True, help="the actorgraph binary")
    ap.add_argument("--dir", required=True, help="folder of NAME.txt + NAME.gold.json pairs")
    ap.add_argument("--db", help="database to import into (must not exist); default a temporary one")
    ap.add_argument("--top", type=int, default=50, help="how many suggestions to look at")
    ap.add_argument("--scorer", help="score_identity.py (default: next to --dir)")
    ap.add_argument("--verbose", action="store_true", help="list the split pairs found and missed")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    scorer = load_scorer(a.scorer or str(Path(a.dir).resolve().parent / "score_identity.py"))
    splits = identity_splits(scorer, a.bin, a.dir)

    db = a.db or os.path.join(tempfile.mkdtemp(prefix="suggest-"), "db")
    if os.path.exists(db):
        sys.exit(f"{db} exists: give a fresh --db")
    subprocess.run([a.bin, "import", "--db", db, a.dir], check=True, stdout=subprocess.DEVNULL)
    proc, port = serve(scorer, a.bin, db)
    try:
        suggested = get(port, f"/curations/suggestions?limit={a.top}")["items"]
        missing = [n for nodes in splits.values() for n in nodes
                   if status_of(port, f"/nodes/{n}") != 200]
        names = {}
        for nodes in splits.values():
            for n in nodes:
                names[n] = get(port, f"/nodes/{n}")["name"] if n not in missing else "?"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait()
        if not a.db:
            shutil.rmtree(os.path.dirname(db), ignore_errors=True)

    top = {frozenset((s["a"]["id"], s["b"]["id"])) for s in suggested}
    pairs = {frozenset(p): key for key, nodes in splits.items() for p in itertools.combinations(nodes, 2)}
    found = [p for p in pairs if p in top]
    keys_found = {pairs[p] for p in found}
    recall = len(found) / len(pairs) if pairs else 0.0
    precision = len(found) / len(top) if top else 0.0
    if a.verbose:
        for p, key in sorted(pairs.items(), key=lambda kv: kv[1]):
            x, y = sorted(p)
            print(f"  {'found ' if p in top else 'missed'} {key}: {names[x]!r} / {names[y]!r}")
    print(f"suggestions: {len(splits)} keys split into {len(pairs)} split pairs; the first {len(top)} "
          f"suggestions hold {len(found)} of them (pair recall {recall:.3f}, {len(keys_found)} of "
          f"{len(splits)} keys), precision {precision:.3f}; split nodes missing from the imported "
          f"graph: {len(missing)}")
    if a.json:
        print(json.dumps({"split_keys": len(splits), "split_pairs": len(pairs), "top": len(top),
                          "found": len(found), "recall": recall, "keys_found": len(keys_found),
                          "precision": precision, "missing_nodes": len(missing)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
