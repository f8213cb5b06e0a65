#!/usr/bin/env python3
"""Check that a sentence table loads the same in Python's csv module and in pandas.

Usage: check_csv_python.py TABLE EXPECTED.jsonl [--tsv]

EXPECTED.jsonl holds one JSON object per expected row (header name -> string
value, in table order). The table is read with csv.DictReader and with
pandas.read_csv (all columns as strings, no NA conversion); both must give
exactly the expected rows: same count, same columns, same texts, character
for character. With --tsv the table is CorpusKit's TSV (no quoting,
backslash escapes \\t \\n \\r \\\\), read with QUOTE_NONE and unescaped.

Exit status: 0 all equal, 1 a difference (the first one is printed),
2 bad usage, 3 pandas is not installed (callers may skip).
"""
import csv
import json
import sys

TSV_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}


def unescape_tsv(value):
    out = []
    i = 0
    while i < len(value):
        c = value[i]
        if c == "\\" and i + 1 < len(value) and value[i + 1] in TSV_ESCAPES:
            out.append(TSV_ESCAPES[value[i + 1]])
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def load_expected(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def read_with_csv(path, tsv):
    with open(path, newline="", encoding="utf-8-sig") as f:
        if tsv:
            reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            return [{k: unescape_tsv(v) for k, v in row.items()} for row in reader]
        return [dict(row) for row in csv.DictReader(f)]


def read_with_pandas(path, tsv):
    import pandas as pd

    options = dict(dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8-sig")
    if tsv:
        frame = pd.read_csv(path, sep="\t", quoting=csv.QUOTE_NONE, escapechar=None, **options)
        frame = frame.map(unescape_tsv) if hasattr(frame, "map") else frame.applymap(unescape_tsv)
    else:
        frame = pd.read_csv(path, **options)
    return frame.to_dict(orient="records")


def compare(name, rows, expected):
    if len(rows) != len(expected):
        print(f"{name}: {len(rows)} rows, expected {len(expected)}")
        return False
    for n, (got, want) in enumerate(zip(rows, expected), start=2):
        if list(got.keys()) != list(want.keys()):
            print(f"{name}: row {n}: columns {list(got.keys())}, expected {list(want.keys())}")
            return False
        for key, value in want.items():
            if got[key] != value:
                print(f"{name}: row {n}, column {key}: {got[key]!r}, expected {value!r}")
                return False
        meta = got.get("doc_meta", "")
        if meta:
            try:
                json.loads(meta)
            except ValueError as e:
                print(f"{name}: row {n}, column doc_meta: not JSON ({e})")
                return False
    print(f"{name}: {len(rows)} rows equal")
    return True


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    tsv = "--tsv" in argv
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    table, expected_path = args
    expected = load_expected(expected_path)
    ok = compare("csv module", read_with_csv(table, tsv), expected)
    try:
        import pandas  # noqa: F401
    except ImportError:
        print("pandas is not installed (pip install pandas)")
        return 3 if ok else 1
    ok = compare("pandas", read_with_pandas(table, tsv), expected) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
