#!/usr/bin/env python3
"""Feeds and pages for the follow benchmark (bench/README.md, "Following feeds").

    python3 bench/gen_articles.py --n 5000 --seed 11 --out /tmp/agbench/feed_articles.jsonl
    python3 bench/gen_feeds.py --articles /tmp/agbench/feed_articles.jsonl --feeds 100 \
        --items 50 --dir /tmp/agbench/site --base http://127.0.0.1:8790 \
        --feeds-file /tmp/agbench/feeds.txt

Writes FEEDS RSS 2.0 feeds (feed/NNN.xml) of ITEMS items each, every item linking to its own
HTML page (page/NNN-MMM.html: the article in a site's chrome), and the feeds file that
`actorgraph follow` reads. Serve DIR on loopback (python3 -m http.server).
"""
import argparse
import json
import os
from xml.sax.saxutils import escape


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", required=True)
    ap.add_argument("--feeds", type=int, default=100)
    ap.add_argument("--items", type=int, default=50)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--base", required=True)
    ap.add_argument("--feeds-file", required=True)
    args = ap.parse_args()
    with open(args.articles) as f:
        articles = [json.loads(line) for line in f]
    need = args.feeds * args.items
    if len(articles) < need:
        raise SystemExit(f"need {need} articles, have {len(articles)}")
    os.makedirs(os.path.join(args.dir, "feed"), exist_ok=True)
    os.makedirs(os.path.join(args.dir, "page"), exist_ok=True)
    with open(args.feeds_file, "w") as feeds_file:
        for feed in range(args.feeds):
            items = []
            for item in range(args.items):
                a = articles[feed * args.items + item]
                name = f"{feed:03d}-{item:03d}.html"
                paras = "".join(f"<p>{escape(p)}</p>" for p in a["text"].split("\n\n") if p.strip())
                with open(os.path.join(args.dir, "page", name), "w") as page:
                    page.write(f"<!DOCTYPE html><html><head><title>{escape(a['title'])}</title>"
                               f'<meta property="article:published_time" content="{a["date"]}">'
                               f"</head><body><nav><a href='/'>Home</a></nav><article><h1>"
                               f"{escape(a['title'])}</h1>{paras}</article></body></html>")
                items.append(f"<item><title>{escape(a['title'])}</title>"
                             f"<link>{args.base}/page/{name}</link></item>")
            with open(os.path.join(args.dir, "feed", f"{feed:03d}.xml"), "w") as xml:
                xml.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Feed '
                          f"{feed}</title>{''.join(items)}</channel></rss>")
            feeds_file.write(f"{args.base}/feed/{feed:03d}.xml 900\n")


if __name__ == "__main__":
    main()
