#!/usr/bin/env python3
"""Scores the tables `filing-lens tables --csv` reads from PDF pages against hand-checked gold.

Each gold file (tests/data/pdftables/*.csv) names its filing and 1-based page in comment
lines and lists every figure cell of one printed table as (row label, column header,
value): the value a plain decimal after sign and stated scale, as the CSV contract says.
A cell of the program counts when it is a number cell of that table (the table on the
page with most cells in the gold, and any other table of the page at least half of whose
cells are); it matches a gold
cell when its row label (the last part of row_header), its column header (the header
texts top to bottom) and its value agree. Labels are compared without case, white space,
punctuation and footnote marks ("Cost of sales(a)" is "cost of sales"); values as numbers.
Prints precision and recall per table and over all, and fails below the floors.

Also checks every row of those CSVs: `end - start == len(text)` and that each cell's
table id names the page it is on.

Exit 77 (skipped) when the corpus is absent.
"""

import argparse
import collections
import csv
import decimal
import io
import os
import re
import subprocess
import sys

SKIP = 77


def norm(label):
    label = re.sub(r"\((?:[a-z]|[0-9]{1,2}|[ivx]{1,4})\)", " ", label.lower())
    return re.sub(r"[^0-9a-z]+", "", label)


def number(text):
    try:
        return decimal.Decimal(text).normalize()
    except decimal.InvalidOperation:
        return None


def read_gold(path):
    meta, rows = {}, []
    with open(path, encoding="utf-8") as f:
        lines = []
        for line in f:
            if line.startswith("#"):
                m = re.match(r"#\s*(file|page):\s*(.+)", line)
                if m:
                    meta[m.group(1)] = m.group(2).strip()
            else:
                lines.append(line)
    for row in csv.DictReader(lines):
        rows.append((norm(row["row_label"]), norm(row["column_header"]), number(row["value"])))
    return meta, rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--gold", required=True)
    parser.add_argument("--precision-floor", type=float, default=0.0)
    parser.add_argument("--recall-floor", type=float, default=0.0)
    args = parser.parse_args()
    golds = sorted(os.path.join(args.gold, f) for f in os.listdir(args.gold) if f.endswith(".csv"))
    tables = [(g,) + read_gold(g) for g in golds]
    files = sorted({meta["file"] for _, meta, _ in tables})
    if not all(os.path.exists(os.path.join(args.corpus, f)) for f in files):
        print("SKIP: the shared corpus is absent (%s)" % args.corpus)
        return SKIP

    cells = {}
    for f in files:
        out = subprocess.run([args.binary, "tables", "--csv", "-", os.path.join(args.corpus, f)],
                             capture_output=True, timeout=900)
        if out.returncode != 0:
            print("FAIL: tables exited %d on %s: %s" % (out.returncode, f, out.stderr.decode()[:500]))
            return 1
        rows = list(csv.DictReader(io.StringIO(out.stdout.decode("utf-8"), newline="")))
        for r in rows:
            # Formula neutralisation puts "'" before a text that starts with = + - @.
            if r["text"].startswith("'") and r["text"][1:].lstrip(" ")[:1] in ("=", "+", "-", "@"):
                r["text"] = r["text"][1:]
            if int(r["end"]) - int(r["start"]) != len(r["text"]):
                print("FAIL: %s: %s spans %s-%s but has %d characters" % (f, r["text"], r["start"], r["end"],
                                                                          len(r["text"])))
                return 1
            if not r["table"].startswith("table@%s:" % r["page"]):
                print("FAIL: %s: cell of %s says page %s" % (f, r["table"], r["page"]))
                return 1
        cells[f] = rows

    failed = False
    total = collections.Counter()
    print("%-44s %6s %6s %6s %9s %7s" % ("table", "gold", "read", "match", "precision", "recall"))
    for path, meta, gold in tables:
        page = meta["page"]
        want = collections.Counter(gold)
        # The program's tables on the page that are this one: the one with most cells in
        # the gold, and any other of which at least half the number cells are (a table
        # read as two). Other tables of the page are not scored against this gold.
        by_table = collections.defaultdict(list)
        for r in cells[meta["file"]]:
            if r["page"] != page or r["value"] == "":
                continue
            by_table[r["table"]].append((norm(r["row_header"].split(" > ")[-1]), norm(r["column_header"]),
                                         number(r["value"])))
        scored = {t: sum((want & collections.Counter(c)).values()) for t, c in by_table.items()}
        best = max(scored, key=scored.get) if scored else None
        found = []
        for t, c in by_table.items():
            if t == best or scored[t] * 2 >= len(c):
                found += c
        got = collections.Counter(found)
        match = sum((want & got).values())
        precision = match / len(found) if found else 0.0
        recall = match / len(gold) if gold else 0.0
        print("%-44s %6d %6d %6d %9.3f %7.3f" % (os.path.basename(path), len(gold), len(found), match, precision,
                                                  recall))
        for key in sorted((want - got).elements(), key=str)[:12]:
            print("    missed %s | %s | %s" % key)
        total.update(gold=len(gold), found=len(found), match=match)
    precision = total["match"] / total["found"] if total["found"] else 0.0
    recall = total["match"] / total["gold"] if total["gold"] else 0.0
    print("%-44s %6d %6d %6d %9.3f %7.3f" % ("all", total["gold"], total["found"], total["match"], precision, recall))
    if precision < args.precision_floor or recall < args.recall_floor:
        print("FAIL: below the floors (precision %.2f, recall %.2f)" % (args.precision_floor, args.recall_floor))
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
