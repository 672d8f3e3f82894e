#!/usr/bin/env python3
"""`filing-lens tables` on small fixtures, read back: the CSV's bytes (header, CRLF,
--bom, formula-safe cells, quoting), the JSON (the same cells as the CSV), and the .xlsx
(every CSV cell is in its table's sheet, a number where it has a value; the Sources sheet
gives its page and offsets), read with zipfile and the XML of the workbook."""

import argparse
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

HEADER = ("file,table,title,page,row,column,row_header,column_header,text,value,unit,scale,"
          "start,end,xbrl,status")
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
FIRST_GRID_ROW = 3  # TableXlsxWriter::kFirstGridRow


def cell_ref(row, column):
    name = ""
    column += 1
    while column:
        column, rem = divmod(column - 1, 26)
        name = chr(65 + rem) + name
    return "%s%d" % (name, row + 1)


def read_xlsx(path):
    """{sheet name: {"A1": ("n"|"s", text)}}"""
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None, "a damaged member"
        strings = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
                strings.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
        book = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        sheets = {}
        for s in book.find("m:sheets", NS):
            target = targets[s.get("{%s}id" % NS["r"])]
            xml = ET.fromstring(z.read("xl/" + target.lstrip("/").replace("xl/", "")))
            cells = {}
            for c in xml.iter("{%s}c" % NS["m"]):
                v = c.find("m:v", NS)
                if v is None:
                    continue
                if c.get("t") == "s":
                    cells[c.get("r")] = ("s", strings[int(v.text)])
                elif c.get("t") in (None, "n"):
                    cells[c.get("r")] = ("n", v.text)
                else:
                    cells[c.get("r")] = (c.get("t"), v.text)
            sheets[s.get("name")] = cells
        return sheets


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--data", required=True)
    args = parser.parse_args()
    files = [os.path.join(args.data, "tables", n) for n in ("statements.html", "formula.html")]
    problems = []
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory() as out:
        csv_path, json_path, xlsx_path = (os.path.join(out, n) for n in ("t.csv", "t.json", "t.xlsx"))
        done = subprocess.run([args.binary, "tables", "--bom", "--csv", csv_path, "--json", json_path,
                               "--xlsx", xlsx_path] + files, env=env, stderr=subprocess.PIPE, timeout=300)
        if done.returncode != 0:
            sys.exit("tables failed (%d): %s" % (done.returncode, done.stderr.decode(errors="replace")))
        raw = open(csv_path, "rb").read()
        if not raw.startswith(b"\xef\xbb\xbf" + HEADER.encode() + b"\r\n"):
            problems.append("the CSV does not begin with a BOM and the header: %r" % raw[:120])
        if raw.count(b"\n") != raw.count(b"\r\n"):  # no cell of the fixtures holds a line break
            problems.append("a line ends without CR")
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        texts = {r["text"]: r for r in rows}
        # Formula-like text is neutralised with a leading ', as the entity CSV does.
        for bad in ("=1+2", "@SUM(A1:A2)"):
            if bad in texts or "'" + bad not in texts:
                problems.append("%s is not neutralised: %s" % (bad, sorted(texts)))
        if "John Roe, \"Jr.\"" in texts:
            problems.append("a row label became a data cell")
        neg = texts.get("(5)")
        if not neg or neg["value"] != "-5" or neg["row_header"] != 'John Roe, "Jr."' or neg["column_header"] != "Against":
            problems.append("the cell (5) reads %r" % neg)

        doc = json.load(open(json_path, encoding="utf-8"))
        if doc.get("schema") != "filing-lens/tables@1":
            problems.append("JSON schema %r" % doc.get("schema"))
        json_cells = set()
        for t in doc["tables"]:
            for c in t["cells"]:
                if c["kind"] == "data":
                    json_cells.add((t["file"], t["id"], c["row"], c["column"], c["text"], c["value"], c["start"], c["end"]))
        for r in rows:
            text = r["text"][1:] if r["text"].startswith("'") and r["text"][1:2] in "=+-@" else r["text"]
            key = (r["file"], r["table"], int(r["row"]), int(r["column"]), text, r["value"], int(r["start"]), int(r["end"]))
            if key not in json_cells:
                problems.append("CSV row not in the JSON: %r" % (key,))

        sheets = read_xlsx(xlsx_path)
        if "Sources" not in sheets:
            problems.append("no Sources sheet: %s" % sorted(sheets))
        tables = []
        for r in rows:
            if r["table"] + r["file"] not in tables:
                tables.append(r["table"] + r["file"])
        if len(sheets) != len(doc["tables"]) + 1:
            problems.append("%d sheets for %d tables" % (len(sheets), len(doc["tables"])))
        sources = {}
        src = sheets.get("Sources", {})
        for i in range(2, 100000):
            if "A%d" % i not in src:
                break
            get = lambda col: src.get("%s%d" % (col, i), ("", ""))[1]
            sources[(get("A"), get("B"))] = (get("C"), get("D"), get("E"), get("F"), get("G"))
        for r in rows:
            name = "Table %d" % (tables.index(r["table"] + r["file"]) + 1)
            ref = cell_ref(FIRST_GRID_ROW + int(r["row"]), int(r["column"]))
            got = sheets.get(name, {}).get(ref)
            text = r["text"][1:] if r["text"].startswith("'") and r["text"][1:2] in "=+-@" else r["text"]
            if r["value"]:
                if not got or got[0] != "n" or float(got[1]) != float(r["value"]):
                    problems.append("%s!%s is %r, the CSV's value is %s" % (name, ref, got, r["value"]))
            elif not got or got != ("s", text):
                problems.append("%s!%s is %r, the CSV's text is %r" % (name, ref, got, text))
            where = sources.get((name, ref))
            if where != (r["file"], r["table"], r["page"], r["start"], r["end"]):
                problems.append("Sources for %s!%s is %r" % (name, ref, where))
        print("%d CSV rows, %d tables, %d sheets read back" % (len(rows), len(doc["tables"]), len(sheets)))
    for p in problems:
        print("FAIL: " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
