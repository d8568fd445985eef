#!/usr/bin/env python3
"""A web archive for the WARC import benchmark (bench/README.md, "Web archives").

    python3 bench/gen_articles.py --n 3000 --seed 7 --out /tmp/agbench/warc_articles.jsonl
    python3 bench/gen_warc.py --articles /tmp/agbench/warc_articles.jsonl --pad-kb 90 \
        --out /tmp/agbench/news.warc.gz

Writes a WARC/1.0 file the way Common Crawl's news crawl does: gzip, one member per record;
a warcinfo record, then per article a request record, a response record (HTTP/1.1 200,
text/html) whose page wraps the article in a site's chrome padded with --pad-kb KiB of
scripts, styles and navigation (real news pages are 50-300 KiB for 2-5 KiB of text), and
every tenth article an image response (skipped by the reader). Deterministic.
"""
import argparse
import gzip
import json
import random


def record(kind, uri, date, content_type, block):
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\n"
            f"WARC-Record-ID: <urn:uuid:{random.getrandbits(128):032x}>\r\n"
            f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def page(article, pad_kb, rng):
    nav = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(40))
    script = "var x=" + json.dumps([rng.random() for _ in range(50)]) + ";"
    pad = []
    size = 0
    while size < pad_kb * 1024:
        chunk = f"<script>{script}</script><style>.c{size}{{margin:{size % 7}px}}</style>"
        pad.append(chunk)
        size += len(chunk)
    paras = "".join(f"<p>{p}</p>" for p in article["text"].split("\n\n") if p.strip())
    return (f"<!DOCTYPE html><html><head><title>{article['title']} | Industry Wire</title>"
            f'<meta property="og:site_name" content="Industry Wire">'
            f'<meta property="article:published_time" content="{article["date"]}">'
            f"{''.join(pad)}</head><body><header><nav><ul>{nav}</ul></nav></header>"
            f"<main><article><h1>{article['title']}</h1>{paras}</article></main>"
            f"<footer><ul>{nav}</ul><p>Copyright Industry Wire</p></footer></body></html>")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", required=True, help="JSON Lines from gen_articles.py")
    ap.add_argument("--out", required=True)
    ap.add_argument("--pad-kb", type=int, default=90)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    random.seed(args.seed)
    rng = random.Random(args.seed)
    with open(args.out, "wb") as out:
        out.write(gzip.compress(record("warcinfo", "", "2024-03-01T00:00:00Z",
                                       "application/warc-fields", b"software: gen_warc.py\r\n")))
        with open(args.articles) as f:
            for i, line in enumerate(f):
                a = json.loads(line)
                uri = a.get("url") or f"https://wire.example.com/a/{i}"
                date = "2024-03-01T10:%02d:%02dZ" % (i // 60 % 60, i % 60)
                req = f"GET /a/{i} HTTP/1.1\r\nHost: wire.example.com\r\n\r\n".encode()
                out.write(gzip.compress(record("request", uri, date,
                                               "application/http; msgtype=request", req), 6))
                body = page(a, args.pad_kb, rng).encode()
                http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
                out.write(gzip.compress(record("response", uri, date,
                                               "application/http; msgtype=response", http), 6))
                if i % 10 == 0:
                    img = b"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n" + rng.randbytes(20000)
                    out.write(gzip.compress(record("response", uri + ".jpg", date,
                                                   "application/http; msgtype=response", img), 1))


if __name__ == "__main__":
    main()
