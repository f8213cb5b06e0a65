"""Loads a CorpusKit token table (--table tokens) in pandas as-is and compares a
lemma-by-document count with the same count made from a CoNLL-U file by Python's
`conllu`. Exit 0 when they agree, 1 with the differences."""
import collections
import sys

import conllu
import pandas as pd

table_path, conllu_path = sys.argv[1], sys.argv[2]
sep = "\t" if table_path.endswith(".tsv") else ","
df = pd.read_csv(table_path, sep=sep)
problems = []
expected_columns = ["doc_id", "block_id", "sentence_id", "n", "form", "lemma", "upos", "xpos", "feats", "head",
                    "deprel", "space_after", "speaker"]
if list(df.columns[:13]) != expected_columns:
    problems.append(f"columns: {list(df.columns)}")
if str(df["n"].dtype) != "int64":
    problems.append(f"n is {df['n'].dtype}, not int64")
if str(df["space_after"].dtype) != "bool":
    problems.append(f"space_after is {df['space_after'].dtype}, not bool")
ours = collections.Counter({k: int(v) for k, v in df.groupby(["doc_id", "lemma"]).size().items()})

theirs = collections.Counter()
doc = None
with open(conllu_path, encoding="utf-8") as f:
    for sentence in conllu.parse_incr(f):
        doc = sentence.metadata.get("newdoc id", doc)
        for token in sentence:
            if isinstance(token["id"], int) and token["lemma"] != "_":
                theirs[(doc, token["lemma"])] += 1
if None in {d for d, _ in theirs} and df["doc_id"].nunique() == 1:
    # A file without `# newdoc` is one document, named after the file.
    only = df["doc_id"].iloc[0]
    theirs = collections.Counter({(only if d is None else d, l): c for (d, l), c in theirs.items()})
if ours != theirs:
    problems.append(f"lemma counts differ: only ours {list((ours - theirs).items())[:5]}, "
                    f"only theirs {list((theirs - ours).items())[:5]}")
if len(df) != sum(1 for _ in open(conllu_path, encoding="utf-8") if _[:1].isdigit() and _.split("\t")[0].isdigit()):
    problems.append(f"{len(df)} rows, not one per word line")
if problems:
    print("\n".join(problems))
    sys.exit(1)
print(f"ok: {len(df)} tokens, {len(ours)} (document, lemma) pairs")
