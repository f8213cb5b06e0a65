#!/usr/bin/env bash
# What CI runs for the examples (a few minutes on 2 cores, most of it the
# example package's own build of CorpusKit):
#   1. Examples/CustomFormat: a format added in Swift, its own corpuskit
#      (mycorpuskit) built and run: text → sents → csv keeps every sentence;
#   2. the SwiftPM command plugin, run from that package on its own files:
#      swift package --allow-writing-to-package-directory corpuskit convert …
#      and the TEI it wrote validated;
#   3. the Python plugins of Examples/plugins through the root corpuskit.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
say() { printf '\n== %s\n' "$*"; }

say "1. Examples/CustomFormat: build mycorpuskit"
cd "$root/Examples/CustomFormat"
swift build
mine=$(swift build --show-bin-path)/mycorpuskit
"$mine" formats | grep -E '^sents +yes +yes' >/dev/null || { echo "mycorpuskit does not list the sents format"; exit 1; }
"$mine" convert Resources/texts/004_d576930189d3d379.txt --to sents -o "$tmp/004.sents"
"$mine" convert "$tmp/004.sents" --to csv --columns sentence_id,text -o "$tmp/via-sents.csv"
"$mine" convert Resources/texts/004_d576930189d3d379.txt --to csv --columns sentence_id,text -o "$tmp/direct.csv"
cmp "$tmp/via-sents.csv" "$tmp/direct.csv" || { echo "text → sents → csv lost or changed sentences"; exit 1; }
echo "ok: $(($(wc -l < "$tmp/direct.csv") - 1)) sentences survive text → sents → csv"

say "2. the command plugin: swift package corpuskit convert Resources/texts --to tei -o Resources/tei/"
rm -rf Resources/tei
swift package --allow-writing-to-package-directory corpuskit convert Resources/texts --to tei -o Resources/tei/
ls Resources/tei/*.xml
"$mine" validate Resources/tei/*.xml
rm -rf Resources/tei

say "3. the Python plugins through the root corpuskit"
cd "$root"
swift build --product corpuskit
ck=$(swift build --show-bin-path)/corpuskit
"$ck" formats --plugin Examples/plugins | grep -E 'corpuskit-(html|sentlen|markdown)' 
"$ck" convert samples/004_d576930189d3d379.txt --to html -o "$tmp/view.html" --plugin Examples/plugins \
    --transform sentlen --explain
grep -c '<span class="s" id=' "$tmp/view.html"
echo "all examples ran"
