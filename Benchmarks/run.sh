#!/usr/bin/env bash
# CorpusKit benchmark suite: whole-process throughput and peak memory of the
# release `corpuskit` against the tools a user would run instead, on the same
# deterministic corpus, in one run, pair by pair (A B A B …), median of N.
#
# usage: Benchmarks/run.sh [SIZE_MB=100] [RUNS=3]
# needs: python3, GNU time (apt-get install -y time), xmllint (libxml2-utils);
# lxml for the lxml peers (a venv is made in .venv-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:-100}
RUNS=${2:-3}
SHARED=${CORPUSKIT_SHARED:-../shared}
WORK=${CORPUSKIT_BENCH_DIR:-.build/bench}
mkdir -p "$WORK"

swift build -c release --product corpuskit >&2
CK=$(swift build -c release --show-bin-path)/corpuskit

if [ ! -f "$WORK/c$SIZE/corpus.txt" ]; then
  python3 "$SHARED/bench/make_corpus.py" "$SIZE" "$WORK/c$SIZE" --files 200 >&2
fi
C="$WORK/c$SIZE"
[ -f "$C/corpus.xml" ] || python3 "$SHARED/bench/make_tei.py" "$C/corpus.txt" "$C/corpus.xml" >&2
if [ ! -x .venv-bench/bin/python ]; then
  python3 -m venv .venv-bench && .venv-bench/bin/pip -q install lxml >&2 || true
fi
PY=.venv-bench/bin/python
[ -x "$PY" ] || PY=python3

mib() { echo "scale=1; $(stat -c %s "$1") / 1048576" | bc; }

# measure LABEL INPUT CMD…: prints "LABEL  MiB/s  peakRSS" (median seconds of RUNS)
declare -A SECS RSS
measure() {
  local label=$1 input=$2; shift 2
  local t m
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/err.txt" || { echo "$label: FAILED"; tail -3 "$WORK/err.txt"; return 0; }
  read -r t m < "$WORK/time.txt"
  SECS[$label]="${SECS[$label]:-} $t"
  RSS[$label]=$m
  SIZEOF[$label]=$(mib "$input")
}
declare -A SIZEOF
report() {
  local label=$1
  local med
  med=$(tr ' ' '\n' <<<"${SECS[$label]}" | grep -v '^$' | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
  printf "%-44s %8s MiB/s  %6s MiB peak  (%s s median of %s)\n" "$label" \
    "$(echo "scale=1; ${SIZEOF[$label]} / $med" | bc)" "$((${RSS[$label]} / 1024))" "$med" "$RUNS"
}

TXT="$C/corpus.txt"; XML="$C/corpus.xml"
for i in $(seq "$RUNS"); do
  measure "text→TEI   corpuskit (segment, ids)" "$TXT" "$CK" convert --force "$TXT" --to tei -o "$WORK/ck.xml"
  measure "text→TEI   lxml txt2tei_lxml.py" "$TXT" "$PY" "$SHARED/bench/txt2tei_lxml.py" "$TXT" "$WORK/lx.xml"
  measure "text→TEI   plain Python make_tei.py" "$TXT" python3 "$SHARED/bench/make_tei.py" "$TXT" "$WORK/py.xml"
  measure "text→CSV   corpuskit" "$TXT" "$CK" convert --force "$TXT" --to csv -o "$WORK/ck.csv"
  measure "text→CSV   Python csv txt2csv.py" "$TXT" python3 "$SHARED/bench/txt2csv.py" "$TXT" "$WORK/py.csv"
  measure "TEI→CSV    corpuskit" "$XML" "$CK" convert --force "$XML" --to csv -o "$WORK/ck2.csv"
  measure "TEI→CSV    lxml iterparse" "$XML" "$PY" "$SHARED/bench/tei2csv_iterparse.py" --lxml "$XML" "$WORK/lx2.csv"
  measure "TEI parse  corpuskit validate (no schema)" "$XML" "$CK" validate -q "$XML"
  measure "TEI parse  xmllint --stream --noout" "$XML" xmllint --stream --noout "$XML"
  measure "text→JSON  corpuskit" "$TXT" "$CK" convert --force "$TXT" --to json -o "$WORK/ck.json"
  measure "JSON→CSV   corpuskit (streamed)" "$WORK/ck.json" "$CK" convert --force "$WORK/ck.json" --to csv -o "$WORK/ck4.csv"
  measure "JSON parse corpuskit validate" "$WORK/ck.json" "$CK" validate -q "$WORK/ck.json"
  measure "CSV→JSONL  corpuskit" "$WORK/ck.csv" "$CK" convert --force "$WORK/ck.csv" --to jsonl -o "$WORK/ck.jsonl"
  measure "JSONL→CSV  corpuskit" "$WORK/ck.jsonl" "$CK" convert --force "$WORK/ck.jsonl" --to csv -o "$WORK/ck3.csv"
done
echo "corpus: $(mib "$TXT") MiB text, $(mib "$XML") MiB TEI; $(nproc) cores; runs: $RUNS"
for label in "${!SECS[@]}"; do report "$label"; done | sort
