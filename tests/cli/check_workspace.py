#!/usr/bin/env python3
"""The workspace subcommands over a temporary folder of filings (the bundled sample,
and corpus filings when the corpus is present):

- `status`: one row per filing; the counts, state, reviewer and time equal what the
  review files hold (decisions written here as the review store writes them), `done`
  from the review file's "done" field; a damaged filing is named on stderr (exit 1) and
  a damaged review file is named while its filing is still listed; both are left as
  they were.
- `find`: a person in one filing, a drug in several (corpus); a decision changes the
  status column of the next `find` (the index follows the review file); deleting the
  index loses nothing.
- `extract --files-from` / `--jsonl`: the same objects as the JSON export, and a batch
  split over `xargs -P 2` gives the same rows as one run.
- every CSV: the contract's header, CRLF line ends, UTF-8.

Usage: check_workspace.py --binary filing-lens --source ROOT --shared SHARED
Exit 0 pass, 1 fail, 77 skip (never: without the corpus the corpus checks are skipped
with a message and the rest runs).
"""
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

STATUS_COLUMNS = ('file,form,registrant,report_date,pages,entities,reviewed,confirmed,'
                  'corrected,added,rejected,orphans,state,reviewer,changed').split(',')
FIND_COLUMNS = 'file,id,type,value,text,page,start,end,status'.split(',')

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print('FAIL: ' + message)


def run(binary, args, env, stdin=None):
    p = subprocess.run([binary] + args, input=stdin, capture_output=True, env=env, timeout=600)
    return p.returncode, p.stdout, p.stderr.decode('utf-8', 'replace')


def parse_csv(data, columns, what):
    text = data.decode('utf-8')
    check(text.startswith(','.join(columns) + '\r\n'), f'{what}: header is the contract\'s')
    # Every record ends with CRLF; a bare LF only inside a quoted cell.
    check(text.endswith('\r\n'), f'{what}: ends with CRLF')
    rows = list(csv.DictReader(io.StringIO(text, newline='')))
    return rows


def write_review(filing, sha256, decisions, done=None):
    lines = []
    for d in decisions:
        lines.append(json.dumps(d, ensure_ascii=False))
    body = ('{\n  "schema": "filing-lens/review@1",\n  "offsetUnit": "codepoint",\n'
            '  "document": ' + json.dumps({'file': os.path.basename(filing), 'sha256': sha256,
                                           'pages': 0, 'format': ''}) + ',\n'
            '  "savedAt": "2026-01-02T03:04:05Z",\n')
    if done:
        body += '  "done": ' + json.dumps(done) + ',\n'
    body += '  "decisions": [\n    ' + ',\n    '.join(lines) + '\n  ],\n  "history": []\n}\n'
    with open(filing + '.review.json', 'w', encoding='utf-8') as f:
        f.write(body)


def decision(entity, status, by, at, value=None):
    return {'id': entity['id'], 'status': status, 'type': entity['type'],
            'value': value if value is not None else entity['value'],
            'anchor': {'page': entity['page'], 'start': entity['start'], 'end': entity['end'],
                       'exact': entity['text'], 'prefix': '', 'suffix': ''},
            'attributes': {}, 'note': '', 'by': by, 'at': at}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--binary', required=True)
    ap.add_argument('--source', required=True)
    ap.add_argument('--shared', required=True)
    a = ap.parse_args()

    tmp = tempfile.mkdtemp(prefix='filinglens-workspace-')
    try:
        env = dict(os.environ)
        env['QT_QPA_PLATFORM'] = 'offscreen'
        env['XDG_CACHE_HOME'] = os.path.join(tmp, 'cache')
        env['XDG_DATA_HOME'] = os.path.join(tmp, 'data')
        env['XDG_CONFIG_HOME'] = os.path.join(tmp, 'config')
        ws = os.path.join(tmp, 'ws')
        os.makedirs(os.path.join(ws, 'sub'))
        sample = os.path.join(ws, 'immunogen.pdf')
        shutil.copy(os.path.join(a.source, 'resources/sample/immunogen-8k-2007-06-04.pdf'), sample)
        second = os.path.join(ws, 'sub', 'immunogen.txt')
        shutil.copy(os.path.join(a.source, 'resources/sample/immunogen-8k-2007-06-04.txt'), second)
        corpus = os.path.join(a.shared, 'corpus')
        have_corpus = os.path.isdir(corpus)
        drug_files = []
        if have_corpus:
            for rel in ('10k/bmy-10-k-fy2023-0000014272-24-000044.html',
                        'more/MRK-10-Q-0001628280-23-027770.stripped.htm',
                        '8k/0000912057-00-002128.txt'):
                src = os.path.join(corpus, rel)
                if os.path.exists(src):
                    dst = os.path.join(ws, 'sub', os.path.basename(rel))
                    shutil.copy(src, dst)
                    os.chmod(dst, 0o644)
                    if 'bmy' in rel or 'MRK' in rel:
                        drug_files.append(dst)
        else:
            print('SKIP (corpus checks): no corpus at ' + corpus)
        # Not a filing: a binary file.
        with open(os.path.join(ws, 'picture.bin'), 'wb') as f:
            f.write(bytes(range(256)) * 4)
        # A damaged filing.
        broken = os.path.join(ws, 'sub', 'broken.pdf')
        with open(broken, 'wb') as f:
            f.write(b'%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntruncated')

        # Decisions on the sample, made from what extract reports.
        code, out, err = run(a.binary, ['extract', '--json', '-', sample], env)
        check(code == 0, f'extract of the sample exits 0 ({code}): {err}')
        exported = json.loads(out)
        ents = [e for e in exported['entities'] if e['page'] is not None]
        sha = exported['files'][0]['sha256']
        people = [e for e in ents if e['type'] == 'person']
        dates = [e for e in ents if e['type'] == 'date']
        others = [e for e in ents if e['type'] not in ('form_type', 'registrant', 'report_date', 'person', 'date')]
        decisions = [decision(people[0], 'confirmed', 'ann', '2026-01-02T10:00:00Z'),
                     decision(dates[0], 'confirmed', 'ann', '2026-01-02T10:01:00Z'),
                     decision(dates[1], 'corrected', 'bob', '2026-01-02T10:02:00Z', value='2001-01-01'),
                     decision(others[0], 'rejected', 'cyd', '2026-01-02T11:30:00Z')]
        write_review(sample, sha, decisions)
        # The plain-text copy: marked done, one decision.
        code, out, err = run(a.binary, ['extract', '--json', '-', second], env)
        exported2 = json.loads(out)
        e2 = [e for e in exported2['entities'] if e['page'] is not None]
        write_review(second, exported2['files'][0]['sha256'],
                     [decision(e2[0], 'confirmed', 'dee', '2026-01-03T09:00:00Z')],
                     done={'by': 'dee', 'at': '2026-01-03T09:05:00Z'})
        reviews_before = {p: open(p, 'rb').read() for p in (sample + '.review.json', second + '.review.json')}
        # What an analyst exports beside the filings, under the names the window offers:
        # none of it is a filing to review.
        exports = {'immunogen.csv': ['extract', '--csv', os.path.join(ws, 'immunogen.csv'), sample],
                   'immunogen.json': ['extract', '--json', os.path.join(ws, 'immunogen.json'), sample],
                   'immunogen.tables.csv': ['tables', '--csv', os.path.join(ws, 'immunogen.tables.csv'), sample],
                   'immunogen-summary.pdf': ['summary', sample, '--pdf', os.path.join(ws, 'immunogen-summary.pdf')]}
        for name, args in exports.items():
            code, out, err = run(a.binary, args, env)
            check(code == 0 and os.path.getsize(os.path.join(ws, name)) > 0, f'{name} exported ({code}): {err}')

        code, out, err = run(a.binary, ['status', ws], env)
        check(code == 1, f'status exits 1 with a damaged filing in the folder (got {code})')
        check('broken.pdf' in err, f'status names the damaged filing on stderr: {err!r}')
        rows = parse_csv(out, STATUS_COLUMNS, 'status')
        by_file = {os.path.basename(r['file']): r for r in rows}
        check('broken.pdf' not in by_file and 'picture.bin' not in by_file,
              f'status lists filings only: {sorted(by_file)}')
        check(not any('.review.json' in f for f in by_file), 'review files are not filings')
        check(not set(exports) & set(by_file), f'exports are not filings: {sorted(by_file)}')
        expected = 2 + (3 if have_corpus else 0)
        check(len(rows) == expected, f'status lists {expected} filings, got {len(rows)}: {sorted(by_file)}')
        check([r['file'] for r in rows] == sorted(r['file'] for r in rows), 'rows in path order')
        check(all(r['file'].startswith(ws + '/') for r in rows), 'file is the folder as given plus the path below it')
        s = by_file.get('immunogen.pdf', {})
        check(s.get('confirmed') == '2' and s.get('corrected') == '1' and s.get('rejected') == '1'
              and s.get('added') == '0' and s.get('reviewed') == '4' and s.get('orphans') == '0',
              f'sample counts equal its review file: {s}')
        check(s.get('entities') == str(len(exported['entities'])),
              f'entities equal extract\'s rows ({len(exported["entities"])}): {s.get("entities")}')
        check(s.get('state') == 'in progress', f'sample is in progress: {s.get("state")}')
        check(s.get('reviewer') == 'cyd' and s.get('changed') == '2026-01-02T11:30:00Z',
              f'reviewer and changed are the last decision\'s: {s.get("reviewer")} {s.get("changed")}')
        check(s.get('form') == '8-K' and s.get('registrant') == 'ImmunoGen, Inc.'
              and s.get('report_date') == '2007-06-04' and s.get('pages') == '7',
              f'cover facts of the sample: {s}')
        t = by_file.get('immunogen.txt', {})
        check(t.get('state') == 'done' and t.get('reviewed') == '1' and t.get('reviewer') == 'dee'
              and t.get('changed') == '2026-01-03T09:05:00Z', f'the done filing: {t}')
        for path, data in reviews_before.items():
            check(open(path, 'rb').read() == data, f'status leaves {os.path.basename(path)} as it was')
        for name, r in by_file.items():
            if name not in ('immunogen.pdf', 'immunogen.txt'):
                check(r['state'] == 'not started' and r['reviewed'] == '0' and r['reviewer'] == '',
                      f'{name} is not started: {r}')

        # find: a person in one filing.
        code, out, err = run(a.binary, ['find', 'Sayare', ws], env)
        rows = parse_csv(out, FIND_COLUMNS, 'find')
        files = {os.path.basename(r['file']) for r in rows}
        check(code == 1 and 'broken.pdf' in err, f'find names the damaged filing and exits 1 ({code})')
        check(any(r['type'] == 'person' and r['value'] == 'Mitchel Sayare' for r in rows),
              f'find Sayare finds the person: {rows}')
        check(files <= {'immunogen.pdf', 'immunogen.txt'} and 'immunogen.pdf' in files,
              f'find Sayare finds only the sample filings: {files}')
        # The page/start/end are those of extract.
        by_id = {e['id']: e for e in exported['entities']}
        for r in rows:
            if os.path.basename(r['file']) == 'immunogen.pdf':
                e = by_id.get(r['id'])
                check(e is not None and str(e['page']) == r['page'] and str(e['start']) == r['start']
                      and str(e['end']) == r['end'] and e['text'] == r['text'],
                      f'find row {r["id"]} equals extract\'s entity')
        code, out, err = run(a.binary, ['find', '--type', 'money', 'Sayare', ws], env)
        check(parse_csv(out, FIND_COLUMNS, 'find --type') == [], 'find --type money Sayare finds nothing')

        # A decision made after the index was built shows in the next find.
        person = people[0]
        status_of = lambda rows, i: [r['status'] for r in rows if r['id'] == i and r['file'] == sample]
        code, out, err = run(a.binary, ['find', '--type', 'person', person['value'], ws], env)
        check(status_of(parse_csv(out, FIND_COLUMNS, 'find'), person['id']) == ['confirmed'],
              f'find reports the confirmed decision on {person["id"]}')
        decisions[0]['status'] = 'rejected'
        decisions[0]['at'] = '2026-01-04T00:00:00Z'
        write_review(sample, sha, decisions)
        code, out, err = run(a.binary, ['find', '--type', 'person', person['value'], ws], env)
        check(status_of(parse_csv(out, FIND_COLUMNS, 'find'), person['id']) == ['rejected'],
              'find follows a changed review file')

        if drug_files:
            code, out, err = run(a.binary, ['find', '--type', 'drug', 'keytruda', ws], env)
            rows = parse_csv(out, FIND_COLUMNS, 'find drug')
            files = {r['file'] for r in rows}
            check(files == set(drug_files), f'find keytruda finds the drug in {drug_files}: {files}')
            check(all(r['type'] == 'drug' and 'keytruda' in (r['value'] + r['text']).lower() for r in rows),
                  'every row is the drug')

        # Table cells: find returns a data cell of `tables` as type table_cell, its id the
        # table's with the cell's grid row and column, at the same place.
        tabled = [f for f in drug_files if 'MRK' in f]
        if tabled:
            code, out, err = run(a.binary, ['tables', '--csv', '-', tabled[0]], env)
            cells = list(csv.DictReader(io.StringIO(out.decode('utf-8'), newline='')))
            numbers = [c for c in cells if len(c['value']) >= 6 and c['value'].isdigit()]
            check(bool(numbers), f'the 10-Q has numeric table cells ({len(cells)} cells)')
            if numbers:
                cell = numbers[len(numbers) // 2]
                code, out, err = run(a.binary, ['find', '--type', 'table_cell', cell['value'], ws], env)
                rows = parse_csv(out, FIND_COLUMNS, 'find table_cell')
                want = f"{cell['table']}#r{cell['row']}c{cell['column']}"
                hit = [r for r in rows if r['id'] == want and r['file'] == tabled[0]]
                check(len(hit) == 1 and hit[0]['type'] == 'table_cell' and hit[0]['value'] == cell['value']
                      and hit[0]['text'] == cell['text'] and hit[0]['page'] == cell['page']
                      and hit[0]['start'] == cell['start'] and hit[0]['end'] == cell['end']
                      and hit[0]['status'] == 'auto',
                      f'find {cell["value"]} returns the table cell {want}: {hit or rows[:3]}')
                check(all(r['type'] == 'table_cell' for r in rows), 'find --type table_cell returns only cells')

        # Deleting the index loses nothing.
        code, before, err = run(a.binary, ['find', 'ImmunoGen', ws], env)
        for root, _, names in os.walk(env['XDG_CACHE_HOME']):
            for n in names:
                if n.startswith('workspace.sqlite'):
                    os.remove(os.path.join(root, n))
        code, after, err = run(a.binary, ['find', 'ImmunoGen', ws], env)
        check(before == after and len(before.splitlines()) > 5, 'find after deleting the index gives the same rows')

        # A damaged review file: named, its filing listed, the file left as it is.
        damaged = second + '.review.json'
        with open(damaged, 'wb') as f:
            f.write(b'{"schema": "filing-lens/review@1", "decisions": [ {"id": ')
        code, out, err = run(a.binary, ['status', ws], env)
        rows = {os.path.basename(r['file']): r for r in parse_csv(out, STATUS_COLUMNS, 'status')}
        check('immunogen.txt.review.json' in err, f'status names the damaged review file: {err!r}')
        check('immunogen.txt' in rows and rows['immunogen.txt']['reviewed'] == '0',
              'the filing of a damaged review file is listed')
        check(rows.get('immunogen.pdf', {}).get('state') == 'in progress', 'the other filings are listed as before')
        check(open(damaged, 'rb').read().endswith(b'"id": '), 'status leaves the damaged review file alone')

        # extract --files-from and --jsonl.
        filings = sorted([sample, second] + [os.path.join(ws, 'sub', n) for n in os.listdir(os.path.join(ws, 'sub'))
                                             if n.endswith('.txt') and n != 'immunogen.txt'])
        listing = ''.join(f + '\n' for f in filings).encode()
        code, one, err = run(a.binary, ['extract', '--jsonl', '-', '--files-from', '-'], env, stdin=listing)
        check(code == 0, f'extract --files-from - --jsonl - exits 0 ({code}): {err}')
        code, whole, err = run(a.binary, ['extract', '--json', '-'] + filings, env)
        objects = [json.loads(line) for line in one.decode('utf-8').splitlines()]
        check(objects == json.loads(whole)['entities'],
              f'--jsonl objects equal the JSON export\'s entities ({len(objects)})')
        list_file = os.path.join(tmp, 'list.txt')
        with open(list_file, 'wb') as f:
            f.write(listing.replace(b'\n', b'\r\n') + b'\n')
        code, from_file, err = run(a.binary, ['extract', '--csv', '-', '--files-from', list_file], env)
        code2, direct, err2 = run(a.binary, ['extract', '--csv', '-'] + filings, env)
        check(code == 0 and from_file == direct, '--files-from LIST (CRLF, blank lines) equals the files on the command line')
        with open(list_file + '.lf', 'wb') as f:
            f.write(listing)
        p = subprocess.run(['sh', '-c', 'xargs -P 2 -n 1 "$0" extract --jsonl - < "$1"', a.binary, list_file + '.lf'],
                           capture_output=True, env=env, timeout=600)
        check(p.returncode == 0, f'xargs -P 2 batch exits 0: {p.stderr!r}')
        check(sorted(p.stdout.splitlines()) == sorted(one.splitlines()) and len(one.splitlines()) > 100,
              'the split batch gives the same rows as one run')
        code, out, err = run(a.binary, ['extract', '--files-from', os.path.join(tmp, 'missing.txt')], env)
        check(code == 1 and 'missing.txt' in err, f'a missing --files-from list is named ({code}, {err!r})')
        code, out, err = run(a.binary, ['extract', '--jsonl', '-', '--csv', '-', sample], env)
        check(code == 2, 'two outputs on standard output is a usage error')
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    if failures:
        print(f'{len(failures)} check(s) failed')
        return 1
    print('workspace: all checks passed' + ('' if have_corpus else ' (corpus checks skipped)'))
    return 0


if __name__ == '__main__':
    sys.exit(main())
