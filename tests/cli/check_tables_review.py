#!/usr/bin/env python3
"""`filing-lens tables` applies the filing's review file, read with Python's csv and json:
a corrected cell has status `corrected` and the value of what the analyst typed after the
table's scale; a fixed scale re-scales the amounts (not per-share figures or percentages);
a renamed row label and column header are written; the cells of a confirmed table are
`confirmed`, the others `auto`; a rejected table is left out, and written with status
`rejected` under --include-rejected; the review file itself is not changed. The review
file is written here by hand, in the shape the architecture page documents."""

import argparse
import csv
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile


def run(binary, *arguments):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([binary, "tables"] + list(arguments), env=env, capture_output=True, timeout=300)
    if done.returncode != 0:
        sys.exit("tables %s failed (%d): %s" % (" ".join(arguments), done.returncode,
                                                 done.stderr.decode(errors="replace")))
    return done.stdout.decode("utf-8"), done.stderr.decode("utf-8")


def anchor(page, start, end, exact):
    return {"page": page, "start": start, "end": end, "exact": exact, "prefix": "", "suffix": ""}


def decision(id_, type_, status, value, anch, attributes):
    return {"id": id_, "status": status, "type": type_, "value": value, "anchor": anch,
            "attributes": attributes, "note": "", "by": "tester", "at": "2026-12-01T10:00:00Z"}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--data", required=True)
    args = parser.parse_args()
    problems = []
    with tempfile.TemporaryDirectory() as folder:
        filing = os.path.join(folder, "statements.html")
        shutil.copy(os.path.join(args.data, "tables", "statements.html"), filing)
        tables = json.loads(run(args.binary, "--json", "-", filing)[0])["tables"]
        income, segments = tables[0], tables[1]

        def cell(table, label, text):
            for c in table["cells"]:
                if c["text"] == text and table["rowHeaders"][c["row"]].endswith(label):
                    return c
            sys.exit("no cell %r in row %r" % (text, label))

        def cell_id(table, c):
            return "table_cell@%d:%d-%d" % (table["page"], c["start"], c["end"])

        biopharma = cell(income, "Biopharma", "1,234")
        alliance = next(c for c in income["cells"] if c["kind"] == "label" and c["text"] == "Alliance")
        europe = cell(segments, "Europe", "Europe")
        year = next(c for c in segments["cells"] if c["kind"] == "header" and c["text"] == "2023")
        decisions = [
            decision(income["id"], "table", "corrected", "", anchor(income["page"], income["start"],
                                                                    income["end"], ""),
                     {"scale": "thousands"}),
            decision(cell_id(income, biopharma), "table_cell", "corrected", "(1,243)",
                     anchor(income["page"], biopharma["start"], biopharma["end"], "1,234"),
                     {"table": income["id"], "field": "value"}),
            decision(cell_id(income, alliance), "table_cell", "corrected", "Alliances",
                     anchor(income["page"], alliance["start"], alliance["end"], "Alliance"),
                     {"table": income["id"], "field": "row_header"}),
            decision(cell_id(segments, year), "table_cell", "corrected", "FY 2023",
                     anchor(segments["page"], year["start"], year["end"], "2023"),
                     {"table": segments["id"], "field": "column_header"}),
            decision(cell_id(segments, europe), "table_cell", "corrected", "Europe and Africa",
                     anchor(segments["page"], europe["start"], europe["end"], "Europe"),
                     {"table": segments["id"], "field": "row_header"}),
        ]
        sha = hashlib.sha256(open(filing, "rb").read()).hexdigest()
        review = {"schema": "filing-lens/review@1", "offsetUnit": "codepoint",
                  "document": {"file": "statements.html", "sha256": sha, "pages": 1, "format": "html"},
                  "savedAt": "2026-12-01T10:00:00Z", "decisions": decisions, "history": []}
        sidecar = filing + ".review.json"
        with open(sidecar, "w", encoding="utf-8") as f:
            json.dump(review, f, indent=1)
        before = open(sidecar, "rb").read()

        text, errors = run(args.binary, "--csv", "-", filing)
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        by_place = {(r["table"], r["row"], r["column"]): r for r in rows}
        said = [l for l in errors.splitlines() if l.strip() and not l.startswith("QStandardPaths")]
        if said:
            problems.append("messages for a review file that fits: %r" % said)

        def row_of(table, c):
            return by_place.get((table["id"], str(c["row"]), str(c["column"])))

        r = row_of(income, biopharma)
        if not r or (r["value"], r["status"], r["text"], r["scale"]) != ("-1243000", "corrected", "1,234", "thousands"):
            problems.append("the corrected cell under the fixed scale: %r" % r)
        eps = row_of(income, cell(income, "diluted", "1.25"))
        # A scale fix re-scales amounts only and confirms no other cell: nobody looked at them.
        if not eps or (eps["value"], eps["status"]) != ("1.25", "auto"):
            problems.append("a per-share figure re-scaled or marked reviewed by a scale fix: %r" % eps)
        margin = row_of(income, cell(income, "Gross margin", "45.5"))
        if not margin or margin["value"] != "45.5":
            problems.append("a percentage is not re-scaled: %r" % margin)
        loss = row_of(income, cell(income, "Net loss", "(1,234)"))
        if not loss or (loss["value"], loss["status"], loss["scale"]) != ("-1234000", "corrected", "thousands"):
            problems.append("an amount is re-scaled by the fixed scale: %r" % loss)
        fifty_six = row_of(income, cell(income, "Alliance", "56"))
        if not fifty_six or not fifty_six["row_header"].endswith("Alliances") or fifty_six["status"] != "corrected":
            problems.append("the renamed row label: %r" % fifty_six)
        five_hundred = row_of(segments, cell(segments, "Americas", "500"))
        if not five_hundred or five_hundred["column_header"] != "FY 2023" or five_hundred["status"] != "corrected":
            problems.append("the renamed column header: %r" % five_hundred)
        europe_row = row_of(segments, cell(segments, "Europe", "300"))
        if not europe_row or europe_row["row_header"] != "Europe and Africa":
            problems.append("the renamed row label of the segments: %r" % europe_row)
        for other in rows:
            if other["table"] not in (income["id"], segments["id"]) and other["status"] != "auto":
                problems.append("an undecided table's cell is not auto: %r" % other)
                break

        # Rejected: left out, unless asked for.
        review["decisions"].append(decision(segments["id"], "table", "rejected", "",
                                            anchor(segments["page"], segments["start"], segments["end"], ""), {}))
        review["decisions"].append(decision(tables[2]["id"], "table", "confirmed", "",
                                            anchor(tables[2]["page"], tables[2]["start"], tables[2]["end"], ""), {}))
        with open(sidecar, "w", encoding="utf-8") as f:
            json.dump(review, f, indent=1)
        before = open(sidecar, "rb").read()
        rows = list(csv.DictReader(io.StringIO(run(args.binary, "--csv", "-", filing)[0], newline="")))
        if any(r["table"] == segments["id"] for r in rows):
            problems.append("a rejected table's cells are exported without --include-rejected")
        confirmed = [r for r in rows if r["table"] == tables[2]["id"]]
        if not confirmed or any(r["status"] != "confirmed" for r in confirmed):
            problems.append("a confirmed table's cells: %r" % confirmed[:2])
        rows = list(csv.DictReader(io.StringIO(run(args.binary, "--include-rejected", "--csv", "-", filing)[0],
                                               newline="")))
        rejected = [r for r in rows if r["table"] == segments["id"]]
        if not rejected or any(r["status"] != "rejected" for r in rejected):
            problems.append("--include-rejected: the rejected table's cells: %r" % rejected[:2])
        data = json.loads(run(args.binary, "--include-rejected", "--json", "-", filing)[0])
        statuses = {t["id"]: t["status"] for t in data["tables"]}
        if statuses.get(segments["id"]) != "rejected" or statuses.get(income["id"]) != "corrected":
            problems.append("the JSON's table statuses: %r" % statuses)
        if open(sidecar, "rb").read() != before:
            problems.append("the review file was changed by an export")

        # A decision this version cannot use: said on stderr, the rest exported.
        review["decisions"].append(decision("table@1:1-2", "table", "added", "", anchor(1, 1, 2, ""), {}))
        with open(sidecar, "w", encoding="utf-8") as f:
            json.dump(review, f, indent=1)
        text, errors = run(args.binary, "--csv", "-", filing)
        if "cannot be used" not in errors or not list(csv.DictReader(io.StringIO(text, newline=""))):
            problems.append("an unusable decision: %r" % errors)

    for p in problems:
        print("FAIL:", p)
    if problems:
        sys.exit(1)
    print("tables applies the review file: ok")


if __name__ == "__main__":
    main()
