#!/usr/bin/env bash
# CorpusKit side by side with its peers: every path against the tool a user
# would run instead, on the same deterministic corpus, in one run.
#
# Each row runs A (corpuskit) and B (the peer) alternately, A B A B …, PAIRS
# times; the ratio of a pair is B's time / A's time (above 1: corpuskit is
# faster), and the table gives the median ratio with its range, the median
# times, and the peak RSS of each side (GNU time's %M, the largest of the runs).
# Times are whole-process wall-clock seconds; on a shared machine compare the
# ratios, not the times.
#
# usage: Benchmarks/compare.sh [SIZE_MB=100] [PAIRS=3]
#   CORPUSKIT_SHARED   the shared material (default ../shared)
#   CORPUSKIT_BENCH_DIR  where the corpus and outputs go (default .build/bench)
#   COMPARE_ONLY       a regex: run only the rows whose label matches
#   COMPARE_NO_INSTALL=1  do not install the peers
#   COMPARE_CPU=1      compare CPU seconds (user + system) instead of wall-clock
#   COMPARE_DYNAMIC=1  measure only the plain `swift build -c release` binary
# installs (unless present): python3 venv .venv-bench with lxml; apt packages
# pandoc, libxml2-utils (xmllint), jing, time (GNU time).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:-100}
PAIRS=${2:-3}
SHARED=${CORPUSKIT_SHARED:-../shared}
WORK=${CORPUSKIT_BENCH_DIR:-.build/bench}
ONLY=${COMPARE_ONLY:-.}
mkdir -p "$WORK"

# ---- peers -----------------------------------------------------------------
install_peers() {
  local missing=()
  command -v pandoc >/dev/null || missing+=(pandoc)
  command -v xmllint >/dev/null || missing+=(libxml2-utils)
  command -v jing >/dev/null || missing+=(jing)
  [ -x /usr/bin/time ] || missing+=(time)
  if [ ${#missing[@]} -gt 0 ]; then
    local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    echo "installing ${missing[*]}" >&2
    $sudo apt-get install -y "${missing[@]}" >&2 || { $sudo apt-get update >&2 && $sudo apt-get install -y "${missing[@]}" >&2; }
  fi
  if [ ! -x .venv-bench/bin/python ] || ! .venv-bench/bin/python -c 'import lxml' 2>/dev/null; then
    python3 -m venv .venv-bench && .venv-bench/bin/pip -q install lxml >&2
  fi
}
[ "${COMPARE_NO_INSTALL:-0}" = 1 ] || install_peers
PY=.venv-bench/bin/python

# ---- corpuskit and the corpus ------------------------------------------------
# CK is the build corpuskit ships to run at scale (scripts/build-static.sh: the
# Swift runtime linked in, which starts in ~12 ms less than the dynamic build);
# CKD, the plain `swift build -c release`, is measured beside it on the pandoc
# row, where start-up is a visible share of the run. Both write the same bytes.
swift build -c release --product corpuskit >&2
CKD=$(swift build -c release --show-bin-path)/corpuskit
if [ "${COMPARE_DYNAMIC:-0}" = 1 ]; then CK=$CKD; else
  swift build -c release --static-swift-stdlib --build-path .build-static --product corpuskit >&2
  CK=$(swift build -c release --static-swift-stdlib --build-path .build-static --show-bin-path)/corpuskit
fi

C="$WORK/c$SIZE"
[ -f "$C/corpus.txt" ] || python3 "$SHARED/bench/make_corpus.py" "$SIZE" "$C" --files 200 >&2
TXT="$C/corpus.txt"
XML="$C/corpus.xml"
[ -f "$XML" ] || python3 "$SHARED/bench/make_tei.py" "$TXT" "$XML" >&2
# pandoc runs at ~1.4 MiB/s: it gets the first 10 MiB of the corpus, cut at a paragraph.
SMALL="$C/first10.txt"
[ -f "$SMALL" ] || python3 - "$TXT" "$SMALL" <<'EOF'
import sys
data = open(sys.argv[1], "rb").read(10 << 20)
open(sys.argv[2], "wb").write(data[: data.rfind(b"\n\n") + 2])
EOF
# One small TEI file for schema validation (a sample converted by corpuskit; jing finds it valid).
ONE="$WORK/one.xml"
"$CK" convert --force "$SHARED/samples/004_d576930189d3d379.txt" --to tei -o "$ONE"
RNG="$SHARED/schemas/tei_all.rng"
O="$WORK/out"
mkdir -p "$O"

# ---- measuring -----------------------------------------------------------------
# run_once CMD… : runs it with output discarded; sets T (seconds) and M (peak KiB).
# COMPARE_CPU=1: T is CPU seconds (user + system) instead of wall-clock, steadier on a loaded machine.
# The command's outputs (its arguments under $O) are removed first, outside the timing:
# writing over the last run's 100 MiB output made the file system free its blocks inside
# the timed run (ext4 mounted with `discard` here: ~35 ms in `rename`, the same for every
# command, so it narrowed every ratio).
run_once() {
  local arg
  for arg in "$@"; do case "$arg" in "$O"/*) rm -f "$arg" ;; esac; done
  if ! /usr/bin/time -f "%e %M %U %S" -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/err.txt"; then
    echo "FAILED: $*" >&2; tail -3 "$WORK/err.txt" >&2; return 1
  fi
  local u s
  read -r T M u s < "$WORK/time.txt"
  if [ "${COMPARE_CPU:-0}" = 1 ]; then T=$(echo "$u + $s" | bc); fi
}

median() { sort -g | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2 }'; }

ROWS=()
# pair LABEL TARGET SIDE_A_WORDS -- SIDE_B_WORDS : A B A B … PAIRS times.
pair() {
  local label=$1 target=$2; shift 2
  [[ $label =~ $ONLY ]] || return 0
  local a=() b=()
  while [ "$1" != "--" ]; do a+=("$1"); shift; done; shift
  b=("$@")
  local ta=() tb=() ratios=() ma=0 mb=0
  for _ in $(seq "$PAIRS"); do
    run_once "${a[@]}" || return 0; ta+=("$T"); [ "$M" -gt "$ma" ] && ma=$M
    run_once "${b[@]}" || return 0; tb+=("$T"); [ "$M" -gt "$mb" ] && mb=$M
    if [ "${INVERT:-0}" = 1 ]; then ratios+=("$(echo "scale=4; ${ta[-1]} / $T" | bc)")
    else ratios+=("$(echo "scale=4; $T / ${ta[-1]}" | bc)"); fi
  done
  local med lo hi
  med=$(printf '%s\n' "${ratios[@]}" | median)
  lo=$(printf '%s\n' "${ratios[@]}" | sort -g | head -1)
  hi=$(printf '%s\n' "${ratios[@]}" | sort -g | tail -1)
  ROWS+=("$(printf '| %s | %.2f× (%.2f–%.2f) | %s | %s s, %s MiB | %s s, %s MiB |' "$label" "$med" "$lo" "$hi" "$target" \
    "$(printf '%s\n' "${ta[@]}" | median)" "$((ma / 1024))" "$(printf '%s\n' "${tb[@]}" | median)" "$((mb / 1024))")")
  echo "${ROWS[-1]}" >&2
}

pair "text → TEI (segmented, ids) vs lxml txt2tei_lxml.py" "≥ 4×" \
  "$CK" convert --force "$TXT" --to tei -o "$O/ck.xml" -- "$PY" "$SHARED/bench/txt2tei_lxml.py" "$TXT" "$O/lx.xml"
pair "text → TEI, --jobs 1 vs lxml txt2tei_lxml.py" "≥ 2.5×" \
  "$CK" convert --force "$TXT" --to tei --jobs 1 -o "$O/ck1.xml" -- "$PY" "$SHARED/bench/txt2tei_lxml.py" "$TXT" "$O/lx.xml"
pair "text → TEI vs pandoc markdown → TEI (10 MiB)" "≥ 80×" \
  "$CK" convert --force "$SMALL" --to tei -o "$O/ck10.xml" -- pandoc -f markdown -t tei "$SMALL" -o "$O/pandoc.xml"
[ "$CK" = "$CKD" ] || pair "text → TEI vs pandoc (10 MiB), dynamic-stdlib build" "(≥ 80×)" \
  "$CKD" convert --force "$SMALL" --to tei -o "$O/ckd10.xml" -- pandoc -f markdown -t tei "$SMALL" -o "$O/pandoc.xml"
pair "text → CSV vs Python csv txt2csv.py" "≥ 4×" \
  "$CK" convert --force "$TXT" --to csv -o "$O/ck.csv" -- python3 "$SHARED/bench/txt2csv.py" "$TXT" "$O/py.csv"
# Issue 13: the quality report over the same text at least at the speed of a sentence table (both default jobs).
pair "stats --json vs text → CSV (corpuskit both)" "≥ 1×" \
  "$CK" stats "$TXT" --json -- "$CK" convert --force "$TXT" --to csv -o "$O/ck3.csv"
pair "TEI → CSV vs lxml iterparse" "≥ 3×" \
  "$CK" convert --force "$XML" --to csv -o "$O/ck2.csv" -- "$PY" "$SHARED/bench/tei2csv_iterparse.py" --lxml "$XML" "$O/lx2.csv"
# Scaling: the same corpus at a tenth of the size; the ratio here is time(A) / time(B) (target ≤ 11).
TENTH=$(( SIZE / 10 ))
if [ "$TENTH" -ge 1 ] && [[ "TEI → CSV scaling" =~ $ONLY ]]; then
  CT="$WORK/c$TENTH"
  [ -f "$CT/corpus.txt" ] || python3 "$SHARED/bench/make_corpus.py" "$TENTH" "$CT" --files 20 >&2
  [ -f "$CT/corpus.xml" ] || python3 "$SHARED/bench/make_tei.py" "$CT/corpus.txt" "$CT/corpus.xml" >&2
  INVERT=1 pair "TEI → CSV scaling: ${SIZE} MiB vs ${TENTH} MiB (time ratio A/B)" "≤ 11" \
    "$CK" convert --force "$XML" --to csv -o "$O/ck2.csv" -- "$CK" convert --force "$CT/corpus.xml" --to csv -o "$O/ck2t.csv"
fi
pair "validate --schema tei_all, one small file vs jing" "≥ 0.67× (≤ 1.5× jing's time)" \
  "$CK" validate -q --schema tei_all "$ONE" -- jing "$RNG" "$ONE"
pair "one ${SIZE} MiB file: default --jobs vs --jobs 1" "≥ 1.6×" \
  "$CK" convert --force "$TXT" --to tei -o "$O/ckd.xml" -- "$CK" convert --force "$TXT" --to tei --jobs 1 -o "$O/ck1.xml"
if [[ "default jobs" =~ $ONLY ]] && [ -f "$O/ckd.xml" ] && [ -f "$O/ck1.xml" ]; then
  cmp -s "$O/ckd.xml" "$O/ck1.xml" && echo "default jobs and --jobs 1: identical bytes" >&2 \
    || echo "WARNING: default jobs and --jobs 1 outputs differ" >&2
fi

# JSON round trip: one process times CorpusKit's writer + streaming reader (A) against
# Foundation's JSONEncoder + JSONDecoder on the same model values (B), A B A B, thread CPU
# seconds; inputs are the corpus (text blocks), its first 10 MiB tokenized, and the shared
# annotated CoNLL-U and TEI, each converted to JSON by corpuskit. Peak RSS is not comparable
# (one process), so those cells hold the median seconds only.
if [[ "JSON round trip vs Codable" =~ $ONLY ]]; then
  swift build -c release --product corpuskit-json-bench >&2
  JB=$(swift build -c release --show-bin-path)/corpuskit-json-bench
  J="$WORK/json"; mkdir -p "$J"
  [ -f "$J/corpus.json" ] || "$CK" convert "$TXT" --to json -o "$J/corpus.json"
  [ -f "$J/tokens10.json" ] || "$CK" convert "$SMALL" --to json --tokens -o "$J/tokens10.json"
  for f in "$SHARED"/annotated/*.conllu "$SHARED"/annotated/*.ana.xml; do
    [ -f "$J/$(basename "$f").json" ] || "$CK" convert "$f" --to json -o "$J/$(basename "$f").json"
  done
  "$JB" --pairs "$PAIRS" "$J"/*.json > "$WORK/json-bench.txt"
  grep '^|' "$WORK/json-bench.txt" >&2
  read -r _ med lo hi ta tb < <(grep '^total' "$WORK/json-bench.txt")
  ROWS+=("$(printf '| %s | %.2f× (%.2f–%.2f) | %s | %s s CPU | %s s CPU |' "JSON round trip vs Codable (JSONEncoder + JSONDecoder)" \
    "$med" "$lo" "$hi" "≥ 2×" "$ta" "$tb")")
  echo "${ROWS[-1]}" >&2
fi
# Peak RSS of the streaming json reader on the whole corpus as one JSON document.
if [[ "json → CSV" =~ $ONLY ]]; then
  J="$WORK/json"; mkdir -p "$J"
  [ -f "$J/corpus.json" ] || "$CK" convert "$TXT" --to json -o "$J/corpus.json"
  INVERT=0 pair "json → CSV vs text → CSV (same corpus; time ratio B/A)" "RSS ≤ 48 MiB" \
    "$CK" convert --force "$J/corpus.json" --to csv -o "$O/ckj.csv" -- "$CK" convert --force "$TXT" --to csv -o "$O/ckt.csv"
fi

echo
echo "corpus: $(stat -Lc %s "$TXT") bytes of text, $(stat -Lc %s "$XML") bytes of TEI; $(nproc) cores; $PAIRS pairs; $(date -u +%FT%TZ)"
echo
echo "| path (A = corpuskit vs B = peer) | speed-up B/A: median (range) | target | A: median time, peak RSS | B: median time, peak RSS |"
echo "| --- | ---: | --- | --- | --- |"
printf '%s\n' "${ROWS[@]}"
