#!/usr/bin/env python3
"""The workspace index on a folder of many filings, made by copying small filings (the
bundled sample's text version and the small EDGAR .txt 8-Ks of the corpus when present),
each copy given a line of its own so that every copy is a new filing to the caches.

Measures, with the program's wall time and CPU time (user + system of the child):
  1. the first `find` (load, extract, index every filing): filings per second;
  2. `find` again with nothing changed (the incremental check only);
  3. `find` after one review file changed;
  4. query latency of the index itself (the SQL `find` runs, through Python's sqlite3 on
     the same database): median and p95 over a set of queries;
  5. `status` over the folder (caches warm).

Usage: workspace_bench.py --binary build/release/filing-lens [--count 1000] [--shared ../shared]
Figures are meaningful only with a Release build.
"""
import argparse
import glob
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import tempfile
import time


def timed(cmd, env):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, env=env)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--binary', required=True)
    ap.add_argument('--count', type=int, default=1000)
    ap.add_argument('--shared', default=os.path.join(os.path.dirname(__file__), '../../../shared'))
    ap.add_argument('--source', default=os.path.join(os.path.dirname(__file__), '../..'))
    a = ap.parse_args()

    sources = [os.path.join(a.source, 'resources/sample/immunogen-8k-2007-06-04.txt')]
    small = sorted(f for f in glob.glob(os.path.join(a.shared, 'corpus/8k/*.txt'))
                   if os.path.getsize(f) < 100_000)
    sources += small
    tmp = tempfile.mkdtemp(prefix='filinglens-wsbench-')
    try:
        env = dict(os.environ, QT_QPA_PLATFORM='offscreen', XDG_CACHE_HOME=os.path.join(tmp, 'cache'),
                   XDG_DATA_HOME=os.path.join(tmp, 'data'), XDG_CONFIG_HOME=os.path.join(tmp, 'config'))
        ws = os.path.join(tmp, 'ws')
        for i in range(a.count):
            src = sources[i % len(sources)]
            folder = os.path.join(ws, f'{i // 100:03d}')
            os.makedirs(folder, exist_ok=True)
            with open(src, 'rb') as f:
                data = f.read()
            with open(os.path.join(folder, f'{i:05d}-{os.path.basename(src)}'), 'wb') as f:
                f.write(data + f'\ncopy {i}\n'.encode())
        print(f'{a.count} filings from {len(sources)} sources, {os.cpu_count()} cores')

        wall, cpu, p = timed([a.binary, 'find', 'Sayare', ws], env)
        assert p.returncode == 0, p.stderr
        print(f'first index (load, extract, index): {wall:.1f} s wall, {cpu:.1f} s CPU, '
              f'{a.count / wall:.1f} filings/s')
        wall, cpu, p = timed([a.binary, 'find', 'Sayare', ws], env)
        print(f'find, nothing changed: {wall * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU '
              f'({len(p.stdout.splitlines()) - 1} rows)')
        first = sorted(glob.glob(os.path.join(ws, '*', '*')))[0]
        shutil.copy(first, first + '.tmp')
        with open(first + '.review.json', 'w') as f:
            f.write('{"schema": "filing-lens/review@1", "decisions": [], "history": []}\n')
        os.remove(first + '.tmp')
        wall, cpu, p = timed([a.binary, 'find', 'Sayare', ws], env)
        print(f'find, one review file changed: {wall * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU')
        wall, cpu, p = timed([a.binary, 'status', ws], env)
        print(f'status (caches warm): {wall:.1f} s wall, {cpu:.1f} s CPU')

        db = glob.glob(os.path.join(env['XDG_CACHE_HOME'], '**', 'workspace.sqlite'), recursive=True)[0]
        con = sqlite3.connect(db)
        con.execute('CREATE TEMP TABLE current (path TEXT PRIMARY KEY)')
        con.executemany('INSERT INTO temp.current VALUES (?)', [(r[0],) for r in con.execute('SELECT path FROM filings')])
        queries = ['"sayare"*', '"immunogen"*', '"apple"*', '"june"* "2007"*', '"8"* "01"*', '"inc"*',
                   '"president"*', '"chief"* "executive"*', '"cambridge"*', '"exhibit"*']
        times = []
        for _ in range(5):
            for q in queries:
                t = time.perf_counter()
                rows = con.execute('SELECT path, id, type, value, text, page, start, finish, status FROM entities '
                                   'WHERE path IN (SELECT path FROM temp.current) AND entities MATCH ?', (q,)).fetchall()
                times.append((time.perf_counter() - t) * 1000)
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        n = con.execute('SELECT count(*) FROM entities').fetchone()[0]
        print(f'index: {n} entities, {os.path.getsize(db) / 1e6:.1f} MB; query median {statistics.median(times):.1f} ms, '
              f'p95 {p95:.1f} ms over {len(times)} queries')
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main()
