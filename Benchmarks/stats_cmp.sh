#!/bin/bash
# usage: stats_cmp.sh NEWBIN [quick]
# Compares `corpuskit stats` of NEWBIN against BASE (default /tmp/base/corpuskit) byte for byte (stdout,
# stderr, exit status; --json, the table, --html; --lang, --jobs) on the benchmark corpora /tmp/c10 and
# /tmp/c100, the samples, the shared TEI and annotated files, and the hostile text HOSTILE (made by
# make_hostile_text.py). Prints each difference and a count; `quick` leaves out the 100 MiB runs.
BASE=${BASE:-/tmp/base/corpuskit}
NEW=$1
QUICK=$2
out=${CMP_OUT:-/tmp/stats-cmp}; rm -rf $out; mkdir -p $out
n=0; bad=0
run() { # name args...
  local name=$1; shift
  n=$((n+1))
  "$BASE" stats "$@" > $out/$name.a 2>$out/$name.ae; echo "rc=$?" >> $out/$name.a
  "$NEW" stats "$@" > $out/$name.b 2>$out/$name.be; echo "rc=$?" >> $out/$name.b
  if ! cmp -s $out/$name.a $out/$name.b; then echo "DIFF stdout: $name ($*)"; bad=$((bad+1)); fi
  if ! cmp -s $out/$name.ae $out/$name.be; then echo "DIFF stderr: $name ($*)"; bad=$((bad+1)); fi
}
runhtml() { # name args...
  local name=$1; shift
  n=$((n+1))
  "$BASE" stats "$@" --html $out/$name.a.html > $out/$name.a 2>&1
  "$NEW" stats "$@" --html $out/$name.b.html > $out/$name.b 2>&1
  if ! cmp -s $out/$name.a $out/$name.b || ! cmp -s $out/$name.a.html $out/$name.b.html; then echo "DIFF html: $name ($*)"; bad=$((bad+1)); fi
}
H=${HOSTILE:-/tmp/s4/h/hostile.txt}
for lang in kk ru en; do run host_json_$lang $H --json --lang $lang; done
run host_table $H; runhtml host_html $H --lang ru
run c10_json /tmp/c10/corpus.txt --json
for lang in ru en; do run c10_json_$lang /tmp/c10/corpus.txt --json --lang $lang; done
run c10_xml /tmp/c10/corpus.xml --json
run samples_dir /work/main/samples --json; run samples_table /work/main/samples; runhtml samples_html /work/main/samples
for f in /work/main/samples/*; do b=$(basename $f); run s_$b "$f" --json; run s_t_$b "$f"; done
for f in /work/shared/tei-samples/* /work/shared/annotated/*; do b=$(basename $f); run t_$b "$f" --json; done
run tei_dir /work/shared/tei-samples --json --jobs 2; run tei_table /work/shared/tei-samples; runhtml tei_html /work/shared/tei-samples
run ann_dir /work/shared/annotated --json
if [ -z "$QUICK" ]; then
  run c10_batch1 /tmp/c10/batch --json --jobs 1; run c10_batch2 /tmp/c10/batch --json --jobs 2; run c10_batchd /tmp/c10/batch --json
  run c100_json /tmp/c100/corpus.txt --json; run c100_table /tmp/c100/corpus.txt; runhtml c100_html /tmp/c100/corpus.txt
  run c100_xml /tmp/c100/corpus.xml --json
  run c100_batch1 /tmp/c100/batch --json --jobs 1; run c100_batch2 /tmp/c100/batch --json --jobs 2; run c100_batchd /tmp/c100/batch; 
  run c100_kk_j2 /tmp/c100/corpus.txt --json --jobs 2 --lang kk
  run host_j2 $H --json --jobs 2; run host_j1 $H --json --jobs 1
  run all_dir /work/main/samples /work/shared/tei-samples $H --json --jobs 2
fi
echo "compared $n, differ $bad"
