#!/usr/bin/env bash
# Builds the fuzz targets (release, libFuzzer + AddressSanitizer) and runs each
# one for SECONDS_PER_TARGET seconds, one after the other, on one core.
#
#   Fuzz/run.sh [SECONDS_PER_TARGET=60]     fuzz every target
#   TARGETS="FuzzCSVReader" Fuzz/run.sh 600 fuzz one target
#   Fuzz/run.sh --replay                     replay Fuzz/Findings/*/ (regressions)
#   FUZZ_ARGS="-max_len=4096" Fuzz/run.sh    extra libFuzzer flags (later ones win)
#
# Seeds in Fuzz/Corpus/<target>/ are copied into a scratch corpus under
# Fuzz/.build-work/ (gitignored), which keeps growing across runs; the
# committed seeds never change. Crashes, hangs (-timeout) and OOMs
# (-rss_limit_mb) land in Fuzz/.build-work/artifacts/<target>/; minimise one
# with `SWIFT_BACKTRACE=enable=no .build/release/<target> -minimize_crash=1
# -max_total_time=60 FILE`, then
# keep it in Fuzz/Findings/<target>/. The exit status is 1 if any target
# found something.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"

replay=0
seconds=60
case "${1:-}" in
    --replay) replay=1 ;;
    "") ;;
    *) seconds="$1" ;;
esac

all_targets="FuzzJSONReader FuzzCSVReader FuzzTextReader FuzzCoNLLUReader"
# The TEI target exists once CorpusTEI has a TEIReader.
[ -d Sources/FuzzTEIReader ] && all_targets="$all_targets FuzzTEIReader"
[ -d Sources/FuzzVRTReader ] && all_targets="$all_targets FuzzVRTReader"
targets="${TARGETS:-$all_targets}"

flags=(-c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
for t in $targets; do
    echo "== building $t" >&2
    swift build "${flags[@]}" --product "$t" 2>&1 | grep -v "Cannot export local symbol" >&2
    [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "build of $t failed" >&2; exit 2; }
done
bin="$(swift build "${flags[@]}" --show-bin-path)"

# The Swift runtime's backtracer and ASan fight over a crashing process (the
# backtracer hangs and keeps the output open); libFuzzer prints the stack itself.
export SWIFT_BACKTRACE=enable=no

status=0
if [ "$replay" -eq 1 ]; then
    for t in $targets; do
        files=(Findings/"$t"/*)
        [ -e "${files[0]}" ] || continue
        echo "== replaying ${#files[@]} finding(s) of $t" >&2
        "$bin/$t" -rss_limit_mb=2048 -timeout=10 "${files[@]}" || status=1
    done
    exit "$status"
fi

work="$here/.build-work"
# No allocation stack traces: 2-3x faster on these allocation-heavy readers.
# Replay a finding without it to see where freed or overflowed memory came from.
export ASAN_OPTIONS="${ASAN_OPTIONS:-malloc_context_size=0}"
for t in $targets; do
    corpus="$work/corpus/$t"
    artifacts="$work/artifacts/$t"
    mkdir -p "$corpus" "$artifacts" "$work/logs"
    cp -n Corpus/"$t"/* "$corpus"/ 2>/dev/null || true
    log="$work/logs/$t.log"
    echo "== fuzzing $t for ${seconds}s (log: $log)" >&2
    "$bin/$t" "$corpus" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$artifacts/" \
        ${FUZZ_ARGS:-} >"$log" 2>&1
    rc=$?
    # Summary: the last status line (coverage, executions, speed) and the final stats.
    grep -E '^#[0-9]+' "$log" | tail -n 1 >&2
    grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" >&2
    if [ "$rc" -ne 0 ]; then
        status=1
        echo "!! $t: finding (exit $rc); see $log and $artifacts" >&2
        grep -E 'FUZZ FINDING|ERROR: (libFuzzer|AddressSanitizer)|Fatal error|SUMMARY' "$log" | head -n 5 >&2
    fi
done
exit "$status"
