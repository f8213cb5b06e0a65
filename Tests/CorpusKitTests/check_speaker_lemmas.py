"""Loads a CorpusKit token table made from a ParlaMint .ana.xml (--table tokens) in pandas
as-is, builds a lemma-by-speaker count from it, and compares it with the same count made
independently: lemmas from ParlaMint's own .conllu (Python's `conllu`), speakers from the
TEI's <u who> of the utterance each sentence belongs to (`# newdoc id` is the u's xml:id),
read with ElementTree. Exit 0 when the counts agree, 1 with the differences.

usage: check_speaker_lemmas.py TABLE.csv SESSION.conllu SESSION.ana.xml"""
import collections
import sys
import xml.etree.ElementTree as ET

import conllu
import pandas as pd

table_path, conllu_path, tei_path = sys.argv[1:4]
df = pd.read_csv(table_path, sep="\t" if table_path.endswith(".tsv") else ",")
problems = []
for column in ("speaker", "lemma", "sentence_id"):
    if column not in df.columns:
        problems.append(f"no {column} column: {list(df.columns)}")
if problems:
    print("\n".join(problems))
    sys.exit(1)
words = df[df["speaker"].notna() & df["lemma"].notna()]
ours = collections.Counter({k: int(v) for k, v in words.groupby(["speaker", "lemma"]).size().items()})

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
who = {u.get(XML_ID): u.get("who", "").lstrip("#") for u in ET.parse(tei_path).iter(TEI + "u")}
theirs = collections.Counter()
utterance = None
with open(conllu_path, encoding="utf-8") as f:
    for sentence in conllu.parse_incr(f):
        utterance = sentence.metadata.get("newdoc id", utterance)
        for token in sentence:
            if isinstance(token["id"], int) and token["lemma"] != "_":
                theirs[(who[utterance], token["lemma"])] += 1

if ours != theirs:
    problems.append(f"lemma-by-speaker counts differ: only ours {sorted((ours - theirs).items())[:8]}, "
                    f"only theirs {sorted((theirs - ours).items())[:8]}")
if problems:
    print("\n".join(problems))
    sys.exit(1)
speakers = sorted({s for s, _ in ours})
print(f"ok: {sum(ours.values())} words, {len(ours)} (speaker, lemma) pairs, speakers {speakers}")
