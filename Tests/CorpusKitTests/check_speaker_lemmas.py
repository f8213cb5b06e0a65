"""A lemma-by-speaker count from a CorpusKit token table (read by pandas as-is) must equal
the same count made from ParlaMint's .conllu with Python's `conllu`, speakers taken from
the .ana.xml (`u/@who` without '#', by the `u/@xml:id` that the .conllu's `# newdoc id` names).
Usage: check_speaker_lemmas.py TOKENS.csv SESSION.conllu SESSION.ana.xml"""
import collections
import sys
import xml.etree.ElementTree as ET

import conllu
import pandas as pd

table_path, conllu_path, tei_path = sys.argv[1:4]
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
speakers = {u.get(XML_ID): u.get("who", "").lstrip("#")
            for u in ET.parse(tei_path).iter() if u.tag.endswith("}u") or u.tag == "u"}

df = pd.read_csv(table_path)
ours = collections.Counter({k: int(v) for k, v in df.groupby(["speaker", "lemma"]).size().items()})

theirs = collections.Counter()
doc = None
with open(conllu_path, encoding="utf-8") as f:
    for sentence in conllu.parse_incr(f):
        doc = sentence.metadata.get("newdoc id", doc)
        for token in sentence:
            if isinstance(token["id"], int):
                theirs[(speakers[doc], token["lemma"])] += 1
if ours != theirs:
    print(f"lemma-by-speaker counts differ: only ours {list((ours - theirs).items())[:8]}, "
          f"only theirs {list((theirs - ours).items())[:8]}")
    sys.exit(1)
print(f"ok: {sum(ours.values())} words, {len(ours)} (speaker, lemma) pairs, {len(set(s for s, _ in ours))} speakers")
