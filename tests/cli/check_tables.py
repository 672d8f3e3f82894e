#!/usr/bin/env python3
"""Checks `filing-lens tables --csv` on the HTML filings of the shared corpus.

- The CSV is RFC 4180 with CRLF line ends and exactly the contract's header; every row
  has its 16 fields, `end - start == len(text)`, and its table id names its page.
- Every cell's text is the page text at its offsets: the page text is not exported, so
  it is checked where other exported spans see the same page: wherever a cell overlaps
  an entity of `extract --csv` (whose text is checked against its offsets by the entity
  tests), both must show the same characters at the same code points.
- Quality (must hold): on every inline-XBRL filing, every visible numeric fact that is
  the figure of an HTML table cell (found independently with Python's html.parser) is a
  cell whose value equals the fact's value after scale and sign, compared by magnitude
  as the entity reconciliation does (filers tag "(802)" as 802). At least 0.97 of them, over
  the corpus; the misses are listed.

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
from html.parser import HTMLParser

SKIP = 77
HEADER = ("file,table,title,page,row,column,row_header,column_header,text,value,unit,scale,"
          "start,end,xbrl,status")
FLOOR = 0.97


def parse_attributes(cell):
    out = {}
    key, value, in_value, i = [], [], False, 0
    while i < len(cell):
        c = cell[i]
        if c == "\\" and i + 1 < len(cell):
            (value if in_value else key).append(cell[i + 1])
            i += 2
            continue
        if c == ";" and in_value and cell[i + 1:i + 2] == " ":
            out["".join(key)] = "".join(value)
            key, value, in_value = [], [], False
            i += 2
            continue
        if c == "=" and not in_value:
            in_value = True
        else:
            (value if in_value else key).append(c)
        i += 1
    if key:
        out["".join(key)] = "".join(value)
    return out


class TableFacts(HTMLParser):
    """Numeric facts (concept, contextRef) that are the figure of a table cell: inside a
    <td>/<th> whose whole text is the fact's number (with "$", "%", parentheses, dashes and
    footnote marks around it), outside ix:hidden and elements styled display:none. A number
    inside a sentence of a cell (a label "3.50% Notes due 2024", a paragraph laid out in a
    table) is not a figure of its own."""
    VOID = {"br", "img", "hr", "meta", "link", "input", "col", "area", "base", "wbr"}
    AROUND = re.compile(r"^[\s$€£(),%\u2014\u2013*\u2020\u2021-]*$|^\s*\(\w\)\s*$")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []   # (tag, hides)
        self.cell = None  # [text parts, [(key, fact text parts)]]
        self.open_facts = []
        self.facts = collections.Counter()

    def hidden(self):
        return any(h for _, h in self.stack)

    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        if tag in self.VOID:
            return
        a = dict(attrs)
        style = (a.get("style") or "").replace(" ", "").lower()
        hides = tag in ("ix:hidden", "ix:header") or "display:none" in style
        if tag in ("td", "th"):
            self.close_cell()
            self.cell = [[], []]
        if tag == "ix:nonfraction":
            fact = [(a.get("name", ""), a.get("contextref", "")), [],
                    self.cell is not None and not self.hidden() and not hides
                    and (a.get("xsi:nil") or "").lower() != "true"]
            self.open_facts.append(fact)
            if self.cell is not None:
                self.cell[1].append(fact)
        self.stack.append((tag, hides))

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_data(self, data):
        if self.hidden():
            return
        if self.cell is not None:
            self.cell[0].append(data)
        for f in self.open_facts:
            f[1].append(data)

    def handle_endtag(self, tag):
        tag = tag.lower()
        if tag == "ix:nonfraction" and self.open_facts:
            self.open_facts.pop()
        if tag in ("td", "th", "tr", "table"):
            self.close_cell()
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def close_cell(self):
        if self.cell is None:
            return
        text = "".join(self.cell[0])
        for key, parts, visible in self.cell[1]:
            number = "".join(parts).strip()
            if not visible or not number:
                continue
            i = text.find(number)
            if i >= 0 and self.AROUND.match(text[:i]) and self.AROUND.match(text[i + len(number):]):
                self.facts[key] += 1
        self.cell = None


def html_documents(path):
    with open(path, "rb") as fh:
        text = fh.read().decode("utf-8", errors="replace")
    if re.search(r"<SEC-DOCUMENT>|<SEC-HEADER>|<DOCUMENT>", text[:20000]):
        docs = []
        for m in re.finditer(r"<DOCUMENT>(.*?)</DOCUMENT>", text, re.S):
            body = re.search(r"<TEXT>(.*?)</TEXT>", m.group(1), re.S)
            if body and re.search(r"<html|<table", body.group(1), re.I):
                docs.append(body.group(1))
        return docs
    return [text] if re.search(r"<html|<table", text[:5000], re.I) else []


TRIGGERS = "=+-@\t\r\uff1d\uff0b\uff0d\uff20"


def restored(cell):
    """A CSV cell as written, without the ' that formula neutralisation put before it."""
    rest = cell[1:]
    if cell.startswith("'") and rest.lstrip(" ")[:1] in tuple(TRIGGERS) and rest.lstrip(" ")[:1] \
            and not re.fullmatch(r"[-+]?\d{1,3}(,\d{3})*(\.\d+)?|[-+]?\d+(\.\d+)?", rest):
        return rest
    return cell


def run(binary, args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([binary] + args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=1500)
    if done.returncode != 0:
        sys.exit("filing-lens %s failed (%d): %s" % (args[0], done.returncode,
                                                     done.stderr.decode(errors="replace")))
    return done.stdout


def same(cell, fact):
    """The cell shows the fact: the same magnitude (filers tag "(1,234)" as 1234 and print
    the parentheses, as the entity reconciliation compares), or a percent cell the ratio."""
    try:
        v, f = abs(decimal.Decimal(cell["value"])), abs(decimal.Decimal(fact))
    except decimal.InvalidOperation:
        return False
    return v == f or (cell["unit"] == "%" and v / 100 == f)


def same_sign(cell, fact):
    return decimal.Decimal(cell["value"]) == decimal.Decimal(fact) or (
        cell["unit"] == "%" and decimal.Decimal(cell["value"]) / 100 == decimal.Decimal(fact))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--corpus", required=True)
    args = parser.parse_args()
    folders = [os.path.join(args.corpus, d) for d in ("10k", "8k", "more")]
    if not any(os.path.isdir(f) for f in folders):
        print("SKIP: the shared corpus is absent (%s)" % args.corpus)
        return SKIP
    paths, in_tables = [], {}
    for folder in folders:
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            if not os.path.isfile(path) or ".stripped." in name:
                continue
            docs = html_documents(path)
            if not docs:
                continue
            paths.append(path)
            facts = collections.Counter()
            for doc in docs:
                reader = TableFacts()
                reader.feed(doc)
                reader.close()
                facts += reader.facts
            if facts:
                in_tables[name] = facts
    if not paths:
        print("SKIP: no HTML filing in the corpus")
        return SKIP

    raw = run(args.binary, ["tables", "--csv", "-"] + paths)
    problems = []
    text = raw.decode("utf-8")
    if not text.startswith(HEADER + "\r\n"):
        problems.append("the header is not the contract's: %r" % text[:200])
    if re.search(r"(?<!\r)\n", text.replace('"\n', "").replace('\n"', "")) and "\r\n" not in text:
        problems.append("lines do not end in CRLF")
    cells = collections.defaultdict(list)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    for r in rows:
        r["text"] = restored(r.get("text") or "")
        if None in r or len(r) != 16:
            problems.append("a row without its 16 fields: %r" % r)
            continue
        start, end = int(r["start"]), int(r["end"])
        if end - start != len(r["text"]) or not r["text"]:
            problems.append("%s: offsets %d-%d do not fit the text %r" % (r["table"], start, end, r["text"]))
        if not r["table"].startswith("table@%s:" % r["page"]):
            problems.append("table %s is not on page %s" % (r["table"], r["page"]))
        if r["status"] != "auto":
            problems.append("status %s" % r["status"])
        cells[r["file"]].append(r)

    entities = run(args.binary, ["extract", "--csv", "-"] + paths).decode("utf-8")
    by_page = collections.defaultdict(list)
    facts = collections.defaultdict(list)
    for e in csv.DictReader(io.StringIO(entities, newline="")):
        if not e["page"]:
            continue
        by_page[(e["file"], e["page"])].append(e)
        if e["type"] == "xbrl_fact":
            a = parse_attributes(e["attributes"])
            if a.get("unit") and a.get("hidden") != "true" and e["value"]:
                facts[e["file"]].append((e, a))

    checked = mismatched = 0
    for name, rs in cells.items():
        for r in rs:
            s, t = int(r["start"]), int(r["end"])
            for e in by_page.get((name, r["page"]), []):
                es, et = int(e["start"]), int(e["end"])
                lo, hi = max(s, es), min(t, et)
                if lo >= hi:
                    continue
                checked += 1
                if r["text"][lo - s:hi - s] != e["text"][lo - es:hi - es]:
                    mismatched += 1
                    if mismatched <= 10:
                        problems.append("%s page %s: cell %r at %d-%d and %s %r at %d-%d disagree"
                                        % (name, r["page"], r["text"], s, t, e["type"], e["text"], es, et))
    print("text: %d cell rows, %d overlaps with entities checked, %d disagree" % (len(rows), checked, mismatched))
    if checked == 0:
        problems.append("no cell overlaps an entity: the text check checked nothing")

    total = matched = signed = 0
    misses = []
    for name, want in sorted(in_tables.items()):
        got = collections.Counter()
        numeric = collections.defaultdict(list)
        for r in cells.get(name, []):
            if r["value"]:
                numeric[r["page"]].append(r)
        for e, a in facts.get(name, []):
            es, et = int(e["start"]), int(e["end"])
            for r in numeric.get(e["page"], []):
                if int(r["start"]) < et and es < int(r["end"]) and same(r, e["value"]):
                    got[(a.get("concept", ""), a.get("context", ""))] += 1
                    signed += same_sign(r, e["value"])
                    break
        n = sum(want.values())
        m = sum((want & got).values())
        total += n
        matched += m
        print("%s: %d of %d numeric facts in tables are cells of the same value" % (name, m, n))
        for key, count in sorted((want - got).items()):
            misses.append("%s %s %s (x%d)" % (name, key[0], key[1], count))
    share = matched / total if total else 1.0
    print("quality: %d of %d tagged numbers in tables are cells with the tag's value (%.4f, floor %.2f)"
          % (matched, total, share, FLOOR))
    print("of them %d with the tag's sign too (the others print a positive tag in parentheses)" % signed)
    for m in misses[:200]:
        print("  miss: " + m)
    if len(misses) > 200:
        print("  ... %d more" % (len(misses) - 200))
    if share < FLOOR:
        problems.append("only %.4f of the tagged numbers in tables are cells with their value" % share)
    for p in problems[:40]:
        print("FAIL: " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
