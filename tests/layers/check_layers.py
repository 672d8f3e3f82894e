#!/usr/bin/env python3
"""Fails when an include points up the layer list, or names another folder's header
without its folder. The layers, each allowed to include only those listed for it
(and itself):

    model     plain values
    document  -> model
    extract   -> model, document
    review    -> model
    export    -> model, review
    session   -> model, document, extract, review, export
    cli, ui   -> session and everything below it

Only app/ (and ui/ for ui) is an include directory: an include from another folder
is written "folder/name.h". Usage: check_layers.py PROJECT_ROOT
"""
import os
import re
import sys

ALLOWED = {
    'model': set(),
    'document': {'model'},
    'extract': {'model', 'document'},
    'review': {'model'},
    'export': {'model', 'review'},
    'session': {'model', 'document', 'extract', 'review', 'export'},
}
ALLOWED['cli'] = set(ALLOWED['session']) | {'session'}
ALLOWED['ui'] = set(ALLOWED['cli'])

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
# The rule packs are read and the extractor made in session/ only (extract/ defines them).
PIPELINE = re.compile(r'RuleSet::loadDefault|\bExtractor\s+\w+\s*[({]|\bExtractor\s*\(|<(const )?Extractor>\(')


def check(root):
    app = os.path.join(root, 'app')
    folders = {d for d in os.listdir(app) if os.path.isdir(os.path.join(app, d))}
    unknown = folders - set(ALLOWED)
    problems = [f'app/{d}/: a folder the layer list does not name' for d in sorted(unknown)]
    places = [(os.path.join(app, d), d) for d in folders] + [(os.path.join(root, 'ui'), 'ui')]
    for top, layer in places:
        for dirpath, _, files in os.walk(top):
            for name in sorted(files):
                if not name.endswith(('.h', '.cpp')):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                text = open(path, encoding='utf-8').read()
                for number, line in enumerate(text.splitlines(), 1):
                    if layer not in ('session', 'extract') and PIPELINE.search(line.split('//')[0]):
                        problems.append(f'{rel}:{number}: the extractor and the rule packs are '
                                        f'made in session/ only (FilingSession)')
                    m = INCLUDE.match(line)
                    if not m:
                        continue
                    target = m.group(1)
                    if '/' not in target:
                        # Bare: only a header of the same folder.
                        if not os.path.exists(os.path.join(dirpath, target)):
                            problems.append(f'{rel}:{number}: "{target}" is not in this folder; '
                                            f'name its folder')
                        continue
                    folder = target.split('/')[0]
                    if folder not in folders:
                        problems.append(f'{rel}:{number}: "{target}": no folder app/{folder}')
                    elif folder != layer and folder not in ALLOWED.get(layer, set()):
                        problems.append(f'{rel}:{number}: {layer}/ may not include {folder}/ '
                                        f'("{target}" points up the layers)')
    return problems


def self_test():
    """The check must be able to fail: a small tree with one of each mistake."""
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        files = {
            'app/model/a.h': '#pragma once\n',
            'app/document/b.h': '#include "model/a.h"\n',
            'app/review/c.cpp': '#include "document/b.h"\n',            # up the layers
            'app/export/d.cpp': '#include "a.h"\n',                     # not qualified
            'app/cli/e.cpp': 'RuleSet rules = RuleSet::loadDefault();\n',  # outside session
            'app/session/f.cpp': '#include "review/g.h"\nExtractor x(RuleSet::loadDefault());\n',
            'app/review/g.h': '#pragma once\n',
            'ui/h.cpp': '#include "session/f.h"\n#include "i.h"\n',
            'ui/i.h': '#pragma once\n',
            'app/session/f.h': '#pragma once\n',
        }
        for rel, text in files.items():
            path = os.path.join(tmp, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            open(path, 'w').write(text)
        found = check(tmp)
        expected = ['app/review/c.cpp:1', 'app/export/d.cpp:1', 'app/cli/e.cpp:1']
        ok = len(found) == 3 and all(any(f.startswith(e) for f in found) for e in expected)
        print('self-test', 'passed' if ok else 'FAILED', found)
        return ok


def main():
    if not self_test():
        return 1
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..')
    problems = check(os.path.abspath(root))
    for p in problems:
        print(p)
    print(f'{len(problems)} layer problems')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
