#!/usr/bin/env python3
"""Scores `filing-lens extract` on hand-checked pages with the shared scorer's `entities` section.

Usage: score_gold_pages.py --binary FILING_LENS --shared SHARED_DIR --gold-dir DIR [--floors FLOORS.json]

Each DIR/*.json is a gold file in the shared scorer's format with two more keys: "source", the
filing relative to SHARED_DIR/corpus, and "page", the page (from 1) it describes. The filing is
extracted, its rows on that page are scored per type, and the types are then pooled over all
pages (true and false positives summed). With --floors, a pooled precision or recall under its
floor fails the run (exit 1). Exit 77 when the scorer or no filing is present.
"""
import argparse, csv, importlib.util, json, os, subprocess, sys, tempfile


def load_scorer(shared):
    path = os.path.join(shared, "tools", "score_extraction.py")
    if not os.path.exists(path):
        return None
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def page_rows(binary, source, page, work):
    out = os.path.join(work, os.path.basename(source) + ".csv")
    run = subprocess.run([binary, "extract", "--csv", out, source], capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"{source}: extract failed: {run.stderr.strip()}")
    with open(out, newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        rows = [r for r in reader if r.get("page") == str(page)]
        header = reader.fieldnames
    # A money amount or percentage printed as a table's figure is reviewed as the table's cell,
    # not as a row of its own: it counts as found when `tables` gives it as a cell, in the
    # value form of the row it would have been (`USD 43.68`, `-45%`).
    run = subprocess.run([binary, "tables", "--csv", "-", source], capture_output=True)
    if run.returncode == 0:
        for c in csv.DictReader(run.stdout.decode("utf-8").splitlines()):
            if c["page"] != str(page) or not c["value"]:
                continue
            kind = {"USD": "money", "USD/shares": "money", "%": "percent"}.get(c["unit"])
            if kind:
                value = f"USD {c['value']}" if kind == "money" else f"{c['value']}%"
                rows.append({**{k: "" for k in header}, "file": os.path.basename(source), "type": kind,
                             "value": value, "text": c["text"], "page": c["page"], "start": c["start"],
                             "end": c["end"], "status": "auto"})
    filtered = os.path.join(work, f"{os.path.basename(source)}.p{page}.csv")
    with open(filtered, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=header)
        w.writeheader()
        w.writerows(rows)
    return filtered


def counts(scorer, kind, spec, rows):
    """True positives, false positives and gold size of one type, as the scorer counts them."""
    n = lambda s: scorer.norm(kind, s)
    if spec.get("match", "exact") == "contains":
        match = lambda a, b: a == b or (len(a) > 3 and len(b) > 3 and (a in b or b in a))
    else:
        match = lambda a, b: a == b
    pred = {n(v) for v in scorer.values_of(rows, kind)}
    gold = [n(v) for v in spec["gold"]]
    also = [n(v) for v in spec.get("also_ok", [])]
    _, _, missed = scorer.prf(pred, gold, match, also, True)
    tp = len(gold) - len(missed)
    fp = sum(1 for p in pred if not any(match(p, g) for g in gold) and not any(match(p, a) for a in also))
    wrong = sorted(p for p in pred if not any(match(p, g) for g in gold) and not any(match(p, a) for a in also))
    return tp, fp, len(gold), missed, wrong


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--gold-dir", required=True)
    ap.add_argument("--floors")
    a = ap.parse_args()
    scorer = load_scorer(a.shared)
    if scorer is None:
        print("SKIP: the shared scorer is absent")
        return 77
    pooled = {}
    scored = 0
    with tempfile.TemporaryDirectory() as work:
        for name in sorted(os.listdir(a.gold_dir)):
            if not name.endswith(".json") or name == "floors.json":
                continue
            gold = json.load(open(os.path.join(a.gold_dir, name), encoding="utf-8"))
            source = os.path.join(a.shared, "corpus", gold["source"])
            if not os.path.exists(source):
                print(f"SKIP {name}: shared corpus file absent: {gold['source']}")
                continue
            filtered = page_rows(a.binary, source, gold["page"], work)
            rows = scorer.load_rows(filtered, gold["file"])
            print(f"{gold['file']} page {gold['page']}:")
            for kind, spec in gold["entities"].items():
                tp, fp, size, missed, wrong = counts(scorer, kind, spec, rows)
                p = tp / (tp + fp) if tp + fp else 1.0
                r = tp / size if size else 1.0
                print(f"  {kind:14} P={p:.2f} R={r:.2f} gold={size} missed={missed} wrong={wrong}")
                t = pooled.setdefault(kind, [0, 0, 0])
                t[0] += tp
                t[1] += fp
                t[2] += size
            scored += 1
    if not scored:
        print("SKIP: no gold page's filing is present")
        return 77
    floors = json.load(open(a.floors, encoding="utf-8")) if a.floors else {}
    failed = False
    print("pooled over the pages:")
    for kind, (tp, fp, size) in pooled.items():
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / size if size else 1.0
        floor = floors.get(kind, {})
        low = p < floor.get("precision", 0) or r < floor.get("recall", 0)
        failed = failed or low
        print(f"  {kind:14} P={p:.2f} ({tp}/{tp + fp}) R={r:.2f} ({tp}/{size})" + ("  UNDER THE FLOOR" if low else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
