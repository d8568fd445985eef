#!/usr/bin/env python3
"""Scores the readers' article dates against the dev corpus's gold dates.

    importers/training/score_dates.py BIN [CORPUS_DIR] [--command read|extract]

BIN is the actorgraph program; CORPUS_DIR defaults to ../shared/corpus/dev beside the
source tree. Each article whose gold "date" is a full date (YYYY-MM-DD) is run through
`BIN read FILE` (what the readers find; `--command extract` scores the date an import
stores, the reader's or else the extractor's). Prints found/total, correct/total and one
line per miss (gold, found, article), then the same over the articles that state their
date in full: those whose text has the gold's year with the gold's day number at most 30
characters from it ("21 March 2017", "2017-03-21", "March 21st, 2017"); the others write
no full date ("on Wednesday", "Oct 16 (PTI)") and no reader can find it without guessing.
Python 3 standard library only.
"""
import argparse
import json
import pathlib
import re
import subprocess
import sys

FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def found_date(bin_path, article, command):
    out = subprocess.run([bin_path, command, str(article)], capture_output=True, text=True,
                         check=True).stdout
    first = json.loads(out.splitlines()[0])
    return first.get("date") or ""


def states_date(text, gold):
    year, day = gold[:4], int(gold[8:10])
    for m in re.finditer(r"(?<!\d)" + year + r"(?!\d)", text):
        window = text[max(0, m.start() - 30):m.end() + 30].replace(year, " " * 4)
        if re.search(r"(?<!\d)0?" + str(day) + r"(?!\d)", window):
            return True
    return False


def main():
    here = pathlib.Path(__file__).resolve().parents[2]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bin")
    parser.add_argument("corpus", nargs="?", default=str(here.parent / "shared/corpus/dev"))
    parser.add_argument("--command", choices=["read", "extract"], default="read")
    args = parser.parse_args()

    total = found = correct = 0
    stated = stated_found = stated_correct = 0
    misses = []
    for gold_path in sorted(pathlib.Path(args.corpus).glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8")).get("date") or ""
        if not FULL_DATE.match(gold):
            continue
        article = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
        date = found_date(args.bin, article, args.command)
        total += 1
        found += bool(date)
        correct += date == gold
        says = states_date(article.read_text(encoding="utf-8", errors="replace"), gold)
        stated += says
        stated_found += says and bool(date)
        stated_correct += says and date == gold
        if date != gold:
            misses.append((gold, date or "-", article.name, says))
    for gold, date, name, says in misses:
        print(f"miss  gold {gold}  found {date:10}  {name}{'' if says else '  (no full date in the text)'}")
    print(f"found {found}/{total}  correct {correct}/{total} ({100.0 * correct / max(total, 1):.1f}%)")
    print(f"stating their date in full: found {stated_found}/{stated}  correct "
          f"{stated_correct}/{stated} ({100.0 * stated_correct / max(stated, 1):.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
