#!/usr/bin/env python3
"""The .xlsx of `filing-lens tables` opened by LibreOffice (headless, converted to CSV, one
file per sheet): it opens without complaint, every table is a sheet, each figure of the
tables CSV is in its sheet's grid as that number, and the Sources sheet gives each cell's
page and offsets as the CSV does. Skipped (77) when soffice is not installed."""

import argparse
import csv
import glob
import os
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal, InvalidOperation

FIRST_GRID_ROW = 3  # TableXlsxWriter::kFirstGridRow


def number(text):
    try:
        return Decimal(text)
    except (InvalidOperation, ValueError):
        return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--data", required=True)
    args = parser.parse_args()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("soffice (LibreOffice) is not installed: the .xlsx check is skipped")
        sys.exit(77)
    files = [os.path.join(args.data, "tables", n) for n in ("statements.html", "ixbrl-table.html")]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    problems = []
    with tempfile.TemporaryDirectory() as out:
        csv_path, xlsx_path = os.path.join(out, "t.csv"), os.path.join(out, "t.xlsx")
        done = subprocess.run([args.binary, "tables", "--csv", csv_path, "--xlsx", xlsx_path] + files,
                              env=env, stderr=subprocess.PIPE, timeout=300)
        if done.returncode != 0:
            sys.exit("tables failed (%d): %s" % (done.returncode, done.stderr.decode(errors="replace")))
        with open(csv_path, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        if not rows:
            sys.exit("the tables CSV has no cells")
        # Every sheet to its own CSV, cell contents as stored (not as shown), UTF-8.
        converted = os.path.join(out, "converted")
        profile = "file://" + os.path.join(out, "profile")
        done = subprocess.run([soffice, "-env:UserInstallation=" + profile, "--headless", "--norestore",
                               "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                               "--outdir", converted, xlsx_path],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
        sheets = {}
        for path in glob.glob(os.path.join(converted, "t-*.csv")):
            name = os.path.basename(path)[len("t-"):-len(".csv")]
            with open(path, newline="", encoding="utf-8") as f:
                sheets[name] = list(csv.reader(f))
        if done.returncode != 0 or not sheets:
            sys.exit("LibreOffice did not convert the workbook (%d): %s %s" % (
                done.returncode, done.stdout.decode(errors="replace"), done.stderr.decode(errors="replace")))
        if "Sources" not in sheets:
            problems.append("no Sources sheet; sheets: %s" % sorted(sheets))
        sources = sheets.get("Sources", [])
        tables = sorted({(r["file"], r["table"]) for r in rows})
        if len(sheets) != len(tables) + 1:
            problems.append("%d sheets for %d tables" % (len(sheets), len(tables)))
        # The sheet of each table: the one whose second line names the table's id.
        sheet_of = {}
        for name, grid in sheets.items():
            about = grid[1][0] if len(grid) > 1 and grid[1] else ""
            for key in tables:
                if key[1] in about and key[0] in about:
                    sheet_of[key] = name
        for key in tables:
            if key not in sheet_of:
                problems.append("no sheet for table %s of %s" % (key[1], key[0]))
        source_keys = {(s[0], s[1]) for s in sources[1:] if len(s) >= 2} if sources else set()
        checked = 0
        for r in rows:
            name = sheet_of.get((r["file"], r["table"]))
            if name is None or not r["value"]:
                continue
            grid = sheets[name]
            row, column = FIRST_GRID_ROW + int(r["row"]), int(r["column"])
            got = grid[row][column] if row < len(grid) and column < len(grid[row]) else ""
            if number(got) is None or number(got) != number(r["value"]):
                problems.append("%s %s row %s column %s: LibreOffice reads %r, the CSV has %r" % (
                    r["file"], r["table"], r["row"], r["column"], got, r["value"]))
            cell_name = ""
            c = column + 1
            while c:
                c, rem = divmod(c - 1, 26)
                cell_name = chr(65 + rem) + cell_name
            if (name, "%s%d" % (cell_name, row + 1)) not in source_keys:
                problems.append("Sources has no line for %s!%s%d" % (name, cell_name, row + 1))
            checked += 1
        if checked < 10:
            problems.append("only %d figures checked" % checked)
    for p in problems[:40]:
        print(p)
    if problems:
        sys.exit("%d problems" % len(problems))
    print("LibreOffice opened the workbook: %d sheets, %d figures agree with the CSV" % (len(sheets), checked))


if __name__ == "__main__":
    main()
