#!/usr/bin/env python3
"""Synthetic industry-news articles for the ingestion benchmark (bench/README.md).

    python3 bench/gen_articles.py --n 10000 --seed 7 --out /tmp/agbench/articles_10k.jsonl [--chunks 10]

Writes JSON Lines ({"url", "title", "date", "text"}) that `actorgraph import` reads. Every
article is built from this file's own templates and word lists (not the dev corpus): a
dateline, a lead sentence, appositions ("Name, Title of Company"), speech verbs, "hosted by"
/ "organised by" events, partnerships and locations, 150-300 words. The actors are drawn
from a world that grows with --n (about n/2 people, n/8 organisations, n/20 events) with a
skew, so later articles mostly meet actors the graph already has (resolution work) and some
new ones (the graph keeps growing). Deterministic for a given --n/--seed.
With --chunks K the output is K files OUT.000 ... so an import can be timed per chunk while
the graph grows.
"""
import argparse
import json
import random
from pathlib import Path

FIRST = ["Anders", "Beatriz", "Chidi", "Daniela", "Emre", "Fatima", "Gustav", "Hana", "Ioana",
         "Jakob", "Keiko", "Luis", "Marta", "Nikhil", "Olga", "Pavel", "Rania", "Stefan", "Tomasz",
         "Ulrike", "Valentina", "Wojciech", "Xavier", "Yara", "Zeynep", "Arjun", "Bettina",
         "Carlos", "Dagny", "Esther", "Felix", "Greta", "Hugo", "Ingrid", "Jonas", "Karim", "Leila",
         "Matteo", "Nora", "Oskar", "Priyanka", "Rafael", "Sofia", "Thabo", "Vera", "Wilhelm"]
SYL_A = ["Bran", "Kor", "Vel", "Mar", "Tor", "Sel", "Dun", "Har", "Lind", "Ost", "Rav", "Fal",
         "Gre", "Hol", "Ket", "Mor", "Nev", "Pal", "Qui", "Ros", "Stav", "Tam", "Ul", "Wen"]
SYL_B = ["dal", "berg", "ovic", "ström", "ani", "ez", "ing", "mann", "ard", "escu", "ski",
         "holm", "ley", "ton", "aro", "elli", "sen", "quist"]
ORG_A = ["Nor", "Vex", "Cal", "Tri", "Zen", "Quor", "Lum", "Ark", "Sol", "Ferr", "Kin", "Ald",
         "Bor", "Cyr", "Dex", "Ely", "Gal", "Hex", "Ist", "Jur"]
ORG_B = ["dana", "tec", "vio", "mark", "ora", "lux", "grid", "sys", "ton", "wave", "core", "tron"]
SECTORS = ["Robotics", "Steel", "Energy", "Logistics", "Chemicals", "Semiconductors", "Motors",
           "Automation", "Textiles", "Aerospace", "Batteries", "Machinery"]
COMPANY_SUFFIX = ["GmbH", "AG", "Group", "Ltd", "Inc", "Corporation", "S.A.", "Industries"]
AGENCIES = ["Ministry of Industry of {c}", "{c} Industry Federation", "{c} Chamber of Commerce",
            "{c} Institute of Technology", "{c} Investment Agency", "{c} Manufacturing Council"]
COUNTRIES = ["Norway", "Poland", "Spain", "Italy", "Germany", "Vietnam", "Kenya", "Chile",
             "Turkey", "Portugal", "Sweden", "Morocco", "Indonesia", "Brazil", "Finland"]
CITIES = ["Gdansk", "Bergen", "Valladolid", "Turin", "Leipzig", "Da Nang", "Mombasa",
          "Valparaiso", "Izmir", "Porto", "Malmo", "Tangier", "Surabaya", "Curitiba", "Tampere",
          "Lyon", "Ostrava", "Graz", "Aarhus", "Rotterdam"]
TITLES = ["Chief Executive Officer", "Chief Technology Officer", "Head of Operations",
          "Managing Director", "Vice President for Sales", "Chief Financial Officer",
          "Director of Research", "Plant Manager", "Head of Procurement", "Chairman"]
EVENT_TOPIC = ["Smart Factory", "Green Steel", "Battery", "Supply Chain", "Automation",
               "Hydrogen", "Industrial AI", "Circular Economy", "Logistics", "Offshore Wind"]
EVENT_KIND = ["Summit", "Forum", "Conference", "Expo", "Congress", "Symposium"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
VERBS_SAID = ["said", "explained", "added", "noted", "stressed"]
FILLER = [
    "The company expects the new line to reach full capacity within eighteen months.",
    "Analysts said the investment reflects growing demand for locally produced components.",
    "The project is part of a wider plan to cut energy use across the region's plants.",
    "Details of the financing were not disclosed.",
    "Construction is scheduled to begin in the third quarter.",
    "The agreement covers joint research, pilot production and the training of engineers.",
    "Several suppliers from the region are expected to take part in the programme.",
    "Officials described the deal as one of the largest industrial investments this year.",
]
QUOTES = [
    "We are building capacity where our customers are",
    "This partnership gives us the scale to compete globally",
    "Automation is no longer optional for mid-sized manufacturers",
    "Our engineers will start work on the pilot line next month",
    "The region has the skills and the energy we need",
]


class World:
    def __init__(self, n, rng):
        self.rng = rng
        self.n_people = max(20, n // 2)
        self.n_orgs = max(8, n // 8)
        self.n_events = max(4, n // 20)

    def skew(self, m):
        return min(m - 1, int(m * self.rng.random() ** 1.7))

    def person(self, i=None):
        i = self.skew(self.n_people) if i is None else i
        first = FIRST[i % len(FIRST)]
        last = SYL_A[(i // len(FIRST)) % len(SYL_A)] + SYL_B[(i // (len(FIRST) * len(SYL_A))) % len(SYL_B)]
        k = i // (len(FIRST) * len(SYL_A) * len(SYL_B))
        if k:  # beyond 19,872 people: a middle initial keeps names unique
            last = f"{chr(65 + k % 26)}. {last}" if k < 26 else f"{chr(65 + k % 26)}. {SYL_A[k % len(SYL_A)]}{last.lower()}"
        return f"{first} {last}", i

    def org(self, i=None):
        i = self.skew(self.n_orgs) if i is None else i
        if i % 7 == 6:
            return AGENCIES[(i // 7) % len(AGENCIES)].format(c=COUNTRIES[(i // 42) % len(COUNTRIES)]) + (
                f" {i // 630 + 1}" if i >= 630 else ""), i
        stem = ORG_A[i % len(ORG_A)] + ORG_B[(i // len(ORG_A)) % len(ORG_B)]
        sector = SECTORS[(i // 240) % len(SECTORS)]
        suffix = COMPANY_SUFFIX[(i // 2880) % len(COMPANY_SUFFIX)]
        extra = f" {CITIES[(i // 23040) % len(CITIES)]}" if i >= 23040 else ""
        return f"{stem}{extra} {sector} {suffix}", i

    def event(self, i=None):
        i = self.skew(self.n_events) if i is None else i
        city = CITIES[i % len(CITIES)]
        topic = EVENT_TOPIC[(i // len(CITIES)) % len(EVENT_TOPIC)]
        kind = EVENT_KIND[(i // 200) % len(EVENT_KIND)]
        year = 2018 + (i // 1200) % 8
        edition = f" {i // 9600 + 2}" if i >= 9600 else ""
        return f"{city} {topic} {kind}{edition} {year}", i


def article(world, rng, k):
    r = rng.random
    city = CITIES[int(r() * len(CITIES))]
    year = 2019 + int(r() * 7)
    month = int(r() * 12)
    day = 1 + int(r() * 28)
    date = f"{year:04d}-{month + 1:02d}-{day:02d}"
    p1, _ = world.person()
    p2, _ = world.person()
    p3, _ = world.person()
    o1, _ = world.org()
    o2, _ = world.org()
    ev, _ = world.event()
    t1, t2 = TITLES[int(r() * len(TITLES))], TITLES[int(r() * len(TITLES))]
    sector = SECTORS[int(r() * len(SECTORS))].lower()
    paras = []
    lead = (f"{city.upper()}, {day} {MONTHS[month]} {year} - {o1} and {o2} today announced a "
            f"partnership to expand {sector} production in {city}, the companies said in a joint statement.")
    paras.append(lead + " " + FILLER[int(r() * len(FILLER))])
    paras.append(f"\"{QUOTES[int(r() * len(QUOTES))]},\" {VERBS_SAID[int(r() * len(VERBS_SAID))]} "
                 f"{p1}, {t1} of {o1}. " + FILLER[int(r() * len(FILLER))])
    paras.append(f"{p2}, {t2} at {o2}, spoke at the {ev}, which was hosted by {o1} in {city}. "
                 f"{p3} moderated a panel on {sector} at the {ev}.")
    if r() < 0.5:
        p4, _ = world.person()
        o3, _ = world.org()
        paras.append(f"{p4}, {TITLES[int(r() * len(TITLES))]} of {o3}, also joined the event. "
                     + FILLER[int(r() * len(FILLER))])
    paras.append(FILLER[int(r() * len(FILLER))] + " " + FILLER[int(r() * len(FILLER))])
    title = f"{o1} and {o2} team up on {sector} in {city}"
    url = f"https://news.bench.example/{year}/{month + 1:02d}/{k:07d}"
    return {"url": url, "title": title, "date": date, "text": "\n\n".join(paras)}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, required=True, help="number of articles")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", required=True, help="output .jsonl (with --chunks: OUT.000, OUT.001, ...)")
    ap.add_argument("--chunks", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    world = World(a.n, rng)
    out = Path(a.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    per = (a.n + a.chunks - 1) // a.chunks
    files = []
    for c in range(a.chunks):
        path = out if a.chunks == 1 else Path(f"{out}.{c:03d}")
        with open(path, "w", encoding="utf-8") as f:
            for k in range(c * per, min(a.n, (c + 1) * per)):
                f.write(json.dumps(article(world, rng, k), ensure_ascii=False) + "\n")
        files.append(str(path))
    print(json.dumps({"articles": a.n, "files": files}))


if __name__ == "__main__":
    main()
