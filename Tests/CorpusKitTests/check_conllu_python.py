"""Reads a CoNLL-U file with Python's `conllu` and with `udapi`, and checks that both
see exactly the gold paragraphs and sentences (gold: one sentence per line, a blank
line between paragraphs). Exit 0 when everything matches, 1 with the differences."""
import logging
import sys

import conllu
import udapi

logging.disable(logging.WARNING)  # udapi warns once per word that HEAD is `_`


def gold_paragraphs(path):
    text = open(path, encoding="utf-8").read()
    return [[s for s in p.split("\n") if s] for p in text.split("\n\n") if p.strip()]


def rebuild(tokens):
    """The sentence text from FORM and SpaceAfter=No, ranges honoured (conllu keeps range lines)."""
    out, skip_until = [], 0
    for t in tokens:
        tid = t["id"]
        if isinstance(tid, tuple) and tid[1] == "-":
            skip_until = tid[2]
        elif isinstance(tid, tuple):
            continue  # empty node
        elif tid <= skip_until:
            continue
        out.append(t["form"])
        misc = t["misc"] or {}
        if misc.get("SpaceAfter") != "No":
            out.append(" ")
    return "".join(out).rstrip(" ")


def from_conllu(path):
    paragraphs, problems = [], []
    with open(path, encoding="utf-8") as f:
        for sentence in conllu.parse_incr(f):
            if "newpar id" in sentence.metadata or not paragraphs:
                paragraphs.append([])
            text = sentence.metadata.get("text")
            if text != rebuild(sentence):
                problems.append(f"{sentence.metadata.get('sent_id')}: # text differs from the words: {text!r}")
            paragraphs[-1].append(text)
    return paragraphs, problems


def from_udapi(path):
    doc = udapi.Document(path)
    paragraphs = []
    for bundle in doc.bundles:
        for tree in bundle.trees:
            if tree.newpar or not paragraphs:
                paragraphs.append([])
            paragraphs[-1].append(tree.compute_text())
    return paragraphs


def main():
    conllu_path, gold_path = sys.argv[1], sys.argv[2]
    gold = gold_paragraphs(gold_path)
    ours, problems = from_conllu(conllu_path)
    if ours != gold:
        problems.append(f"conllu: {sum(map(len, ours))} sentences in {len(ours)} paragraphs; "
                        f"gold {sum(map(len, gold))} in {len(gold)}")
        for p, (a, b) in enumerate(zip(ours, gold)):
            if a != b:
                problems.append(f"first different paragraph {p + 1}: {a[:2]} vs gold {b[:2]}")
                break
    via_udapi = from_udapi(conllu_path)
    if via_udapi != gold:
        problems.append(f"udapi: {sum(map(len, via_udapi))} sentences in {len(via_udapi)} paragraphs; "
                        f"gold {sum(map(len, gold))} in {len(gold)}")
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print(f"ok: {sum(map(len, gold))} sentences in {len(gold)} paragraphs")


main()
