#!/usr/bin/env python3
"""Writes N unsegmented CorpusKit JSON Lines documents built from the
paragraphs of the Kazakh samples (deterministic), for the cluster examples.

    python3 make_documents.py 200 > docs.jsonl
"""
import json
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parents[2]
paragraphs = []
for path in sorted((root / "samples").glob("*.txt")):
    for chunk in path.read_text(encoding="utf-8").split("\n\n"):
        text = " ".join(chunk.split())
        if len(text) > 40:
            paragraphs.append(text)

count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
for i in range(count):
    blocks = []
    for j in range(3):
        text = paragraphs[(i * 3 + j) % len(paragraphs)]
        blocks.append({"id": f"d{i:04d}.p{j + 1}", "kind": "paragraph", "text": text})
    doc = {"version": 1, "id": f"d{i:04d}", "metadata": {"language": "kk", "title": f"Document {i}"}, "blocks": blocks}
    print(json.dumps(doc, ensure_ascii=False, separators=(",", ":")))
