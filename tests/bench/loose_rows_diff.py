#!/usr/bin/env python3
"""Loose rows of filings under two builds, and whether every row the second drops is a table cell.

    loose_rows_diff.py --before OLD-BINARY --after NEW-BINARY FILE...

Runs `extract --csv` with both binaries (each with a cache of its own) and `tables --csv` with
the second, then prints per filing the rows per type (every row but xbrl_fact) before → after,
and checks each row that is gone: a money or percent row must lie inside a number cell of the
second build's tables, a date inside a table (a column heading). Lists rows gone that are not,
and rows that are new. Exit 1 when a money or percent row went that is not a table cell.
"""

import argparse
import collections
import csv
import io
import os
import random
import subprocess
import sys
import tempfile

TYPES = ["organization", "money", "date", "percent", "adverse_event", "indication", "drug"]


def run(binary, cache, args):
    env = dict(os.environ, XDG_CACHE_HOME=cache, QT_QPA_PLATFORM="offscreen", LC_ALL="C.UTF-8")
    out = subprocess.run([binary] + args, capture_output=True, env=env, timeout=1800, check=True)
    return list(csv.DictReader(io.StringIO(out.stdout.decode("utf-8"), newline="")))


def key(r):
    return (r["page"], r["type"], r["value"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", required=True)
    parser.add_argument("--after", required=True)
    parser.add_argument("--sample", type=int, default=0, help="print this many dropped rows per filing")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for f in args.files:
            name = os.path.basename(f)
            before = [r for r in run(args.before, os.path.join(tmp, "b"), ["extract", "--csv", "-", f])
                      if r["type"] != "xbrl_fact"]
            after = [r for r in run(args.after, os.path.join(tmp, "a"), ["extract", "--csv", "-", f])
                     if r["type"] != "xbrl_fact"]
            cells = run(args.after, os.path.join(tmp, "a"), ["tables", "--csv", "-", f])
            nb = collections.Counter(r["type"] for r in before)
            na = collections.Counter(r["type"] for r in after)
            print("| %s | %d → %d | %s |" % (name, len(before), len(after),
                                            " | ".join("%d → %d" % (nb[t], na[t]) for t in TYPES)))
            number_cells = collections.defaultdict(list)
            tables = collections.defaultdict(list)
            for c in cells:
                if c["value"] != "":
                    number_cells[c["page"]].append((int(c["start"]), int(c["end"])))
                page, span = c["table"].split("@", 1)[1].split(":", 1)
                start, end = span.split("-")
                tables[page].append((int(start), int(end)))
            # Rows by (page, type, value): where a value has fewer rows after, the rows gone
            # are its rows before whose span no row after has.
            by_value = collections.defaultdict(list)
            for r in before:
                by_value[key(r)].append(r)
            after_count = collections.Counter(key(r) for r in after)
            after_spans = {(key(r), r["start"], r["end"]) for r in after}
            gone, bad = [], []
            for k, rows in by_value.items():
                lost = len(rows) - after_count[k]
                if lost <= 0:
                    continue
                rows = sorted(rows, key=lambda r: (k, r["start"], r["end"]) in after_spans)
                for r in rows[:lost]:
                    s, e = int(r["start"]), int(r["end"])
                    inside = lambda spans: any(a < e and s < b for a, b in spans)
                    ok = inside(number_cells[r["page"]]) if r["type"] in ("money", "percent") \
                        else r["type"] == "date" and inside(tables[r["page"]])
                    (gone if ok else bad).append(r)
            before_count = collections.Counter(key(r) for r in before)
            new = [k for k, n in after_count.items() if n > before_count[k]]
            print("    %d rows gone, all table cells: %d; gone and not a cell: %d; new (page, type, value): %d"
                  % (len(gone) + len(bad), len(gone), len(bad), len(new)))
            for r in bad[:20]:
                print("    NOT A CELL p.%s %s %r" % (r["page"], r["type"], r["text"]))
            for k in new[:10]:
                print("    NEW %s" % (k,))
            random.seed(name)
            for r in random.sample(gone, min(args.sample, len(gone))):
                print("    sample p.%s %s %r" % (r["page"], r["type"], r["text"]))
            failed = failed or any(r["type"] in ("money", "percent") for r in bad)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
