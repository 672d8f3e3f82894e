#!/usr/bin/env python3
"""Checks `filing-lens tables --csv` on the plain-text filings of the shared corpus.

- Every cell of a text table is the page text at its offsets: `page_text[start:end] == text`,
  the page text read here independently from the submission (each TEXT document between
  its <TEXT> tags, cut at EDGAR's <PAGE> lines; the header is page 1), for every .txt/.nc
  filing of the corpus that has no HTML document. No cell holds a <S>/<C> marker.
- Hand-checked gold tables (tests/data/tables/textgold/*.json, each naming its source)
  scored cell by cell: a gold cell is found when a cell of the filing's best-matching
  table has its row label (with parents), column header, value and unit. Precision is
  over the number cells of that table. Both must reach the floor; misses are listed.

Exit 77 (skipped) when the corpus is absent.
"""

import argparse
import collections
import csv
import decimal
import glob
import io
import json
import os
import re
import subprocess
import sys

SKIP = 77
FLOOR = 0.95
BINARY_TYPES = {"GRAPHIC", "ZIP", "PDF", "EXCEL", "JSON", "XML", "XLS", "XLSX"}


def run(binary, args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([binary] + args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=1500)
    if done.returncode != 0:
        sys.exit("filing-lens %s failed (%d): %s" % (args[0], done.returncode,
                                                     done.stderr.decode(errors="replace")))
    return done.stdout.decode("utf-8")


def split_pages(body):
    """The pages of a text document: cut at lines that hold only <PAGE>."""
    pages, start, pos = [], 0, 0
    for line in body.split("\n"):
        end = pos + len(line)
        if line.strip().upper() == "<PAGE>":
            pages.append(body[start:pos])
            start = min(end + 1, len(body))
        pos = end + 1
    pages.append(body[start:])
    if len(pages) > 1 and not pages[0].strip():
        pages.pop(0)
    return pages


def text_pages(path):
    """The 1-based page texts of a submission without HTML documents; None otherwise."""
    with open(path, "rb") as fh:
        text = fh.read().decode("utf-8", errors="replace").replace("\r\n", "\n")
    if not re.search(r"<DOCUMENT>", text):
        return None
    pages = [None]
    if re.search(r"<(SEC|IMS)-HEADER>", text):
        pages.append("")  # the header page: no table is read there
    for m in re.finditer(r"<DOCUMENT>(.*?)</DOCUMENT>", text, re.S):
        doc = m.group(1)
        kind = re.search(r"<TYPE>([^\n<]*)", doc)
        kind = kind.group(1).strip().upper() if kind else ""
        body = re.search(r"<TEXT>\n?(.*?)</TEXT>", doc, re.S)
        if not body:
            continue
        body = body.group(1)
        head = body[:4096].strip()
        if re.search(r"<html|<!doctype html|^<XBRL>", head, re.I):
            return None
        if kind in BINARY_TYPES or kind.startswith("EX-101.") or head.startswith("begin ") \
                or head.upper().startswith("<PDF>"):
            continue
        pages.extend(split_pages(body))
    return pages


def score_gold(binary, corpus, gold_dir, problems):
    for gold_path in sorted(glob.glob(os.path.join(gold_dir, "*.json"))):
        gold = json.load(open(gold_path, encoding="utf-8"))
        path = os.path.join(corpus, gold["file"])
        if not os.path.isfile(path):
            print("SKIP gold %s: %s absent" % (os.path.basename(gold_path), gold["file"]))
            continue
        rows = list(csv.DictReader(io.StringIO(run(binary, ["tables", "--csv", "-", path]), newline="")))
        tables = collections.defaultdict(list)
        for r in rows:
            tables[r["table"]].append(r)
        want = {(c["row"], c["column"]): c for c in gold["cells"]}

        def found(cells):
            hits, numbers = [], [r for r in cells if r["value"]]
            for r in numbers:
                c = want.get((r["row_header"], r["column_header"]))
                if c and decimal.Decimal(r["value"]) == decimal.Decimal(c["value"]) and r["unit"] == c["unit"]:
                    hits.append((r["row_header"], r["column_header"]))
            return set(hits), numbers

        best = max(tables, key=lambda t: len(found(tables[t])[0]), default=None)
        hits, numbers = found(tables[best]) if best else (set(), [])
        recall = len(hits) / len(want) if want else 1.0
        precision = len(hits) / len(numbers) if numbers else 0.0
        title = tables[best][0]["title"] if best else ""
        print("gold %s: table %s (%r): precision %.2f (%d/%d), recall %.2f (%d/%d)"
              % (os.path.basename(gold_path), best, title, precision, len(hits), len(numbers),
                 recall, len(hits), len(want)))
        for key in sorted(set(want) - hits):
            got = [r for r in tables.get(best, []) if (r["row_header"], r["column_header"]) == key]
            print("  miss: %s | %s = %s %s; read: %s" % (key[0], key[1], want[key]["value"], want[key]["unit"],
                                                      [(r["value"], r["unit"]) for r in got] or "no cell"))
        for r in numbers:
            if (r["row_header"], r["column_header"]) not in hits:
                print("  extra: %s | %s = %s %s (%r)" % (r["row_header"], r["column_header"], r["value"],
                                                          r["unit"], r["text"]))
        if recall < FLOOR or precision < FLOOR:
            problems.append("gold %s: precision %.2f / recall %.2f under %.2f"
                            % (os.path.basename(gold_path), precision, recall, FLOOR))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--gold-dir", required=True)
    args = parser.parse_args()
    folders = [os.path.join(args.corpus, d) for d in ("10k", "8k", "more")]
    if not any(os.path.isdir(f) for f in folders):
        print("SKIP: the shared corpus is absent (%s)" % args.corpus)
        return SKIP
    paths = {}
    for folder in folders:
        for path in sorted(glob.glob(os.path.join(folder, "*.txt")) + glob.glob(os.path.join(folder, "*.nc"))):
            pages = text_pages(path)
            if pages is not None:
                paths[os.path.basename(path)] = (path, pages)
    if not paths:
        print("SKIP: no plain-text submission in the corpus")
        return SKIP

    problems = []
    text = run(args.binary, ["tables", "--csv", "-"] + [p for p, _ in paths.values()])
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    checked = collections.Counter()
    tables = collections.defaultdict(set)
    for r in rows:
        if r["file"] not in paths:
            continue
        pages = paths[r["file"]][1]
        page, start, end = int(r["page"]), int(r["start"]), int(r["end"])
        cell = r["text"]
        if cell.startswith("'") and cell[1:2] in "=+-@":
            cell = cell[1:]  # formula neutralisation
        if page >= len(pages) or pages[page] is None or pages[page][start:end] != cell:
            shown = pages[page][start:end] if page < len(pages) and pages[page] is not None else None
            problems.append("%s page %d %d-%d: cell %r, page text %r" % (r["file"], page, start, end, cell, shown))
        if re.search(r"<(S|C|TABLE|/TABLE|CAPTION|FN)>", cell, re.I):
            problems.append("%s: a marker in cell %r" % (r["file"], cell))
        checked[r["file"]] += 1
        tables[r["file"]].add(r["table"])
    for name in sorted(paths):
        print("%s: %d tables, %d cells at their offsets" % (name, len(tables[name]), checked[name]))
    if sum(checked.values()) == 0:
        problems.append("no text table cell was read: the check checked nothing")

    score_gold(args.binary, args.corpus, args.gold_dir, problems)
    for p in problems[:40]:
        print("FAIL: " + p)
    if len(problems) > 40:
        print("... %d more" % (len(problems) - 40))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
