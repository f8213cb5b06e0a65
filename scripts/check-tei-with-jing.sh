#!/bin/sh
# Validates every *.xml under DIR against the bundled TEI P5 tei_all.rng with jing.
# CI sets CORPUSKIT_TEI_OUT=DIR for `swift test` (the TEI tests save what they
# write there) and then runs this script on DIR. Exit status 1 if any file is invalid.
set -eu
dir=${1:?usage: scripts/check-tei-with-jing.sh DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
schema="$root/Sources/CorpusTEI/Resources/tei_all.rng"
command -v jing >/dev/null 2>&1 || { echo "check-tei-with-jing: jing not found (apt-get install jing)" >&2; exit 2; }
count=$(find "$dir" -type f -name '*.xml' | wc -l)
if [ "$count" -eq 0 ]; then
    echo "check-tei-with-jing: no .xml files under $dir" >&2
    exit 2
fi
# jing takes many files at once: one JVM start for the whole batch.
# Debian's wrapper prints "[warning] … Unable to locate …" about optional jars: not about the files.
status=0
output=$(find "$dir" -type f -name '*.xml' -print0 | xargs -0 jing "$schema" 2>&1) || status=1
printf '%s\n' "$output" | grep -v '^\[warning\]' | grep -v '^$' || true
if [ "$status" -eq 0 ]; then
    echo "check-tei-with-jing: $count file(s) valid against tei_all.rng"
else
    echo "check-tei-with-jing: invalid TEI found (see above)" >&2
fi
exit "$status"
