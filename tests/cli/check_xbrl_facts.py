#!/usr/bin/env python3
"""Checks `filing-lens extract --types xbrl_fact,cik` against an independent reading.

For every inline-XBRL filing of the shared corpus (10k, 8k, more; single HTML files and
the HTML parts of .txt/.nc submissions) the facts are read a second way, with Python's
html.parser and decimal arithmetic, and compared with what the program exports:

- every numeric fact as (concept, period, value), none missing;
- every fact, text facts included, as (concept, period): none missing, none extra;
- the CIK of dei:EntityCentralIndexKey equals the exported `cik`.

The export runs twice, with an empty cache and then from the cache the first run filled,
and both must agree. Exit 77 (skipped) when the corpus is absent.
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
import tempfile
from html.parser import HTMLParser

SKIP = 77
WORDS = {
    "no": 0, "none": 0, "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}


def local(name):
    return name.rsplit(":", 1)[-1]


def words_to_int(text):
    total = 0
    for word in re.split(r"[\s\-]+", text.strip().lower()):
        if not word or word == "and":
            continue
        if word == "hundred":
            total *= 100
        else:
            total += WORDS[word]
    return total


def plain(d):
    if d == 0:
        return "0"
    return format(d.normalize(), "f")


def numeric_value(text, fmt, scale, sign):
    fmt = local(fmt or "").lower()
    text = text.strip()
    if fmt in ("num-dot-decimal", "numdotdecimal"):
        number = re.sub(r"[,\s\u00a0]", "", text)
    elif fmt in ("num-comma-decimal", "numcommadecimal"):
        number = re.sub(r"[.\s\u00a0]", "", text).replace(",", ".")
    elif fmt in ("fixed-zero", "zerodash"):
        number = "0"
    elif fmt == "numwordsen":
        number = str(words_to_int(text))
    elif fmt == "":
        number = text
    else:
        raise ValueError("format %s" % fmt)
    d = decimal.Decimal(number).scaleb(int(scale or 0))
    if sign == "-":
        d = -d
    return plain(d)


class FactReader(HTMLParser):
    """Facts, contexts and units of one inline-XBRL document."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.facts = []          # dicts
        self.open_facts = {"ix:nonfraction": [], "ix:nonnumeric": []}
        self.continuations = {}  # id -> [pieces, continuedAt]
        self.open_conts = []
        self.gathering = []      # (pieces list, exclusion depth when opened)
        self.exclude = 0
        self.hidden = 0
        self.contexts = {}
        self.units = {}
        self.context = None
        self.unit = None
        self.field = None
        self.buffer = []
        self.dimension = None
        self.unit_part = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in self.open_facts:
            fact = {
                "concept": a.get("name", "").strip(),
                "context": a.get("contextref", "").strip(),
                "numeric": tag == "ix:nonfraction",
                "format": a.get("format", ""),
                "scale": a.get("scale", ""),
                "sign": a.get("sign", ""),
                "nil": any(local(k) == "nil" and (v or "").strip() in ("true", "1") for k, v in attrs),
                "continuedAt": a.get("continuedat", ""),
                "pieces": [],
            }
            self.facts.append(fact)
            self.open_facts[tag].append(fact)
            self.gathering.append((fact["pieces"], self.exclude))
        elif tag == "ix:continuation":
            cont = [[], a.get("continuedat", "")]
            self.continuations.setdefault(a.get("id", ""), cont)
            self.open_conts.append(cont)
            self.gathering.append((cont[0], self.exclude))
        elif tag == "ix:exclude":
            self.exclude += 1
        elif tag == "ix:hidden":
            self.hidden += 1
        elif local(tag) == "context":
            self.context = {"id": a.get("id", ""), "dims": []}
        elif local(tag) == "unit":
            self.unit = {"id": a.get("id", ""), "num": [], "den": [], "all": []}
        elif local(tag) in ("startdate", "enddate", "instant", "explicitmember", "typedmember", "measure"):
            if self.field is None:
                self.field = local(tag)
                self.buffer = []
                self.dimension = a.get("dimension", "")
        elif local(tag) == "forever" and self.context is not None:
            self.context["forever"] = True
        elif local(tag) == "unitnumerator":
            self.unit_part = "num"
        elif local(tag) == "unitdenominator":
            self.unit_part = "den"
        if tag in self.open_facts and self.hidden:
            self.facts[-1]["hidden"] = True

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in self.open_facts or tag in ("ix:continuation", "ix:exclude", "ix:hidden") \
                or local(tag) in ("context", "unit", "startdate", "enddate", "instant",
                                  "explicitmember", "typedmember", "measure"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in self.open_facts and self.open_facts[tag]:
            self.open_facts[tag].pop()
            self.gathering.pop()
        elif tag == "ix:continuation" and self.open_conts:
            self.open_conts.pop()
            self.gathering.pop()
        elif tag == "ix:exclude":
            self.exclude -= 1
        elif tag == "ix:hidden":
            self.hidden -= 1
        elif local(tag) == self.field:
            value = " ".join("".join(self.buffer).split())
            if self.field in ("explicitmember", "typedmember"):
                self.context["dims"].append("%s=%s" % (self.dimension, value))
            elif self.field == "measure":
                self.unit[self.unit_part or "all"].append(local(value))
            else:
                self.context[self.field] = value
            self.field = None
        elif local(tag) == "context" and self.context is not None:
            self.contexts.setdefault(self.context["id"], self.context)
            self.context = None
        elif local(tag) == "unit" and self.unit is not None:
            self.units.setdefault(self.unit["id"], self.unit)
            self.unit = None
        elif local(tag) in ("unitnumerator", "unitdenominator"):
            self.unit_part = None

    def handle_data(self, data):
        if self.field is not None:
            self.buffer.append(data)
        for pieces, depth in self.gathering:
            if depth == self.exclude:
                pieces.append(data)

    def period(self, context_id):
        c = self.contexts.get(context_id)
        if c is None:
            return ""
        if c.get("instant"):
            return c["instant"]
        if c.get("forever"):
            return "forever"
        return "%s/%s" % (c.get("startdate", ""), c.get("enddate", ""))

    def readings(self):
        """(concept, period, value or None for text facts) of every fact."""
        out = []
        for f in self.facts:
            period = self.period(f["context"])
            if not f["numeric"]:
                out.append((f["concept"], period, None))
                continue
            value = "" if f["nil"] else numeric_value("".join(f["pieces"]), f["format"], f["scale"], f["sign"])
            out.append((f["concept"], period, value))
        return out

    def cik(self):
        for f in self.facts:
            if f["concept"] == "dei:EntityCentralIndexKey":
                return int("".join(f["pieces"]).strip())
        return None


def html_documents(path):
    """The HTML text(s) of a filing that carry inline-XBRL facts."""
    with open(path, "rb") as fh:
        raw = fh.read()
    text = raw.decode("utf-8", errors="replace")
    if not re.search(r"ix:non(fraction|numeric)", text, re.I):
        return []
    if re.search(r"<SEC-DOCUMENT>|<SEC-HEADER>|<DOCUMENT>", text[:20000]):
        docs = []
        for m in re.finditer(r"<DOCUMENT>(.*?)</DOCUMENT>", text, re.S):
            body = re.search(r"<TEXT>(.*?)</TEXT>", m.group(1), re.S)
            if body and re.search(r"ix:non(fraction|numeric)", body.group(1), re.I) \
                    and re.search(r"<html", body.group(1), re.I):
                docs.append(body.group(1))
        return docs
    return [text]


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


def export(binary, files, cache):
    env = dict(os.environ, XDG_CACHE_HOME=cache, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([binary, "extract", "--types", "xbrl_fact,cik", "--csv", "-"] + files,
                         env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=900)
    if run.returncode != 0:
        sys.exit("filing-lens extract failed (%d): %s" % (run.returncode, run.stderr.decode(errors="replace")))
    rows = collections.defaultdict(list)
    for row in csv.DictReader(io.StringIO(run.stdout.decode("utf-8"), newline="")):
        rows[row["file"]].append(row)
    return rows


def compare(name, expected, cik, rows):
    problems = []
    facts = [r for r in rows if r["type"] == "xbrl_fact"]
    got_all = collections.Counter()
    got_triples = collections.Counter()
    for r in facts:
        a = parse_attributes(r["attributes"])
        got_all[(a.get("concept", ""), a.get("period", ""))] += 1
        got_triples[(a.get("concept", ""), a.get("period", ""), r["value"])] += 1
        if a.get("hidden") == "true" and (r["page"] or r["start"] or r["end"]):
            problems.append("hidden fact %s has a span" % a.get("concept"))
    want_all = collections.Counter((c, p) for c, p, _ in expected)
    want_triples = collections.Counter((c, p, v) for c, p, v in expected if v is not None)
    missing = want_triples - got_triples
    if missing:
        problems.append("%d numeric facts missing or with another value, e.g. %s"
                        % (sum(missing.values()), sorted(missing)[:3]))
    if want_all - got_all:
        problems.append("facts missing: %s" % sorted(want_all - got_all)[:3])
    if got_all - want_all:
        problems.append("facts not in the filing: %s" % sorted(got_all - want_all)[:3])
    if cik is not None:
        ciks = [r["value"] for r in rows if r["type"] == "cik"]
        if not ciks or int(ciks[0]) != cik:
            problems.append("cik %s, the filing's dei:EntityCentralIndexKey is %d" % (ciks, cik))
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--corpus", required=True)
    args = parser.parse_args()
    folders = [os.path.join(args.corpus, d) for d in ("10k", "8k", "more")]
    if not any(os.path.isdir(f) for f in folders):
        print("SKIP: the shared corpus is absent (%s)" % args.corpus)
        return SKIP
    expected = {}
    paths = []
    for folder in folders:
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            docs = html_documents(path) if os.path.isfile(path) else []
            if not docs:
                continue
            readings, cik = [], None
            for doc in docs:
                reader = FactReader()
                reader.feed(doc)
                reader.close()
                readings += reader.readings()
                cik = cik if cik is not None else reader.cik()
            expected[name] = (readings, cik)
            paths.append(path)
    if not paths:
        print("SKIP: no inline-XBRL filing in the corpus")
        return SKIP
    failures = 0
    with tempfile.TemporaryDirectory() as cache:
        for run in ("fresh", "from the cache"):
            rows = export(args.binary, paths, cache)
            for name, (readings, cik) in expected.items():
                problems = compare(name, readings, cik, rows.get(name, []))
                numeric = sum(1 for r in readings if r[2] is not None)
                status = "ok" if not problems else "FAIL"
                print("%s %s (%s): %d facts, %d numeric" % (status, name, run, len(readings), numeric))
                for p in problems:
                    print("    " + p)
                failures += bool(problems)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
