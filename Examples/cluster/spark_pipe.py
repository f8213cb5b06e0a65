#!/usr/bin/env python3
"""Spark RDD.pipe in local mode: corpuskit as a streaming mapper.

Each partition of a JSON Lines RDD goes through ONE corpuskit process
(`convert - --from jsonl --to jsonl`), which segments and tokenizes every
document; `--on-error record` turns a bad line into an error record instead
of failing the task. The result is compared with one direct conversion of
the same file: the same documents, in the same order.

    pip install pyspark          # Java 17 must be on PATH
    python3 Examples/cluster/spark_pipe.py [CORPUSKIT] [DOCS] [PARTITIONS]

On a cluster, ship the static binary (scripts/build-static.sh) with
`spark-submit --files corpuskit` and pipe to `./corpuskit`.
"""
import json
import os
import pathlib
import shlex
import subprocess
import sys
import tempfile
import time

root = pathlib.Path(__file__).resolve().parents[2]
corpuskit = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else root / ".build/release/corpuskit")
count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
partitions = int(sys.argv[3]) if len(sys.argv) > 3 else 4
mapper = [corpuskit, "convert", "-", "--from", "jsonl", "--to", "jsonl", "--tokens",
          "--transform", "segment", "--on-error", "record", "--quiet", "--no-plugin-search"]

with tempfile.TemporaryDirectory() as tmp:
    docs = pathlib.Path(tmp) / "docs.jsonl"
    docs.write_bytes(subprocess.run([sys.executable, str(root / "Examples/cluster/make_documents.py"), str(count)],
                                    check=True, capture_output=True).stdout)
    # The reference: one direct conversion of the whole file.
    direct = subprocess.run(mapper[:2] + [str(docs)] + mapper[3:], check=True, capture_output=True).stdout
    direct_lines = direct.decode("utf-8").splitlines()

    from pyspark import SparkConf, SparkContext
    conf = SparkConf().setMaster(f"local[{partitions}]").setAppName("corpuskit-pipe").set("spark.ui.enabled", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    start = time.time()
    lines = sc.textFile(str(docs), minPartitions=partitions).coalesce(partitions)
    # PySpark splits the command with shlex: quote each argument.
    piped = lines.pipe(shlex.join(mapper), env={"LC_ALL": "C.UTF-8"})
    result = piped.collect()
    seconds = time.time() - start
    used = lines.getNumPartitions()
    sc.stop()

errors = [l for l in result if l.startswith('{"error"')]
same = result == direct_lines
ids = [json.loads(l)["id"] for l in result if not l.startswith('{"error"')]
sentences = sum(len(b.get("sentences", [])) for l in result for b in json.loads(l).get("blocks", []))
print(f"spark local[{partitions}]: {used} partitions, {len(result)} documents back, {sentences} sentences, "
      f"{len(errors)} error records, {seconds:.1f} s")
print(f"same documents as one direct conversion: {same}; ids unique: {len(set(ids)) == count}")
sys.exit(0 if same and len(result) == count and not errors else 1)
