#!/usr/bin/env bash
# Regenerates the committed seed corpora under Fuzz/Corpus/ from the samples
# and the CLI's own output (so seeds match what the writers produce today).
# Needs a debug build of the CLI: `swift build` in the package root.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
cli="$root/.build/debug/corpuskit"
[ -x "$cli" ] || { echo "build the CLI first: (cd $root && swift build)" >&2; exit 1; }
corpus="$here/Corpus"
rm -rf "$corpus"/{FuzzTextReader,FuzzJSONReader,FuzzCSVReader}
mkdir -p "$corpus"/{FuzzTextReader,FuzzJSONReader,FuzzCSVReader,FuzzTEIReader}
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Text: the two samples whole, their first lines, and small hand-made layouts.
t="$corpus/FuzzTextReader"
for f in "$root"/samples/*.txt; do
    base="$(basename "$f" .txt)"
    cp "$f" "$t/$base.txt"
    head -c 2500 "$f" | head -n -1 > "$work/$base.small.txt"   # whole lines only
    cp "$work/$base.small.txt" "$t/$base.head.txt"
    "$cli" convert "$work/$base.small.txt" --to text --text-style sentences -o "$t/$base.sentences.txt"
    "$cli" convert "$work/$base.small.txt" --to text -o "$t/$base.paragraphs.txt"
done
printf 'Бұл бірінші сөйлем. Бұл екінші сөйлем!\nОл т.б. 5 млн. адам.\n' > "$t/two-sentences.txt"
printf 'Тақырып\tБірінші абзац\nекінші жол\tЕкінші абзац.\r\n' > "$t/tabbed-crlf.txt"
printf '\xef\xbb\xbf    Indented para one.\nwrapped line.\n    Para two (see [9], p. 5)...\n\n- item one;\n- item two.\n' > "$t/bom-indented.txt"
printf 'Hello, world.\n' | iconv -f UTF-8 -t UTF-16 > "$t/utf16.txt"
printf 'Mr. Smith went to http://example.com/a?b=1 at 3.14 p.m. «Quoted» — ok… 沈伯明.\n' > "$t/mixed.txt"

# JSON and JSON Lines, with and without tokens, pretty and compact.
j="$corpus/FuzzJSONReader"
c="$corpus/FuzzCSVReader"
for f in "$work"/*.small.txt; do
    base="$(basename "$f" .small.txt)"
    "$cli" convert "$f" --to json -o "$j/$base.json"
    "$cli" convert "$f" --to jsonl -o "$j/$base.jsonl"
    "$cli" convert "$f" --to json --compact --tokens -o "$j/$base.tokens.json"
    "$cli" convert "$f" --to jsonl --tokens -o "$j/$base.tokens.jsonl"
    "$cli" convert "$f" --to csv -o "$c/$base.csv"
    "$cli" convert "$f" --to tsv -o "$c/$base.tsv"
    "$cli" convert "$f" --to csv --crlf --bom -o "$c/$base.crlf-bom.csv"
done
"$cli" convert "$t/two-sentences.txt" --to json --tokens -o "$j/two-sentences.tokens.json"
"$cli" convert "$t/two-sentences.txt" --to jsonl --compact -o "$j/two-sentences.jsonl"
"$cli" convert "$t/two-sentences.txt" "$t/mixed.txt" --to jsonl -o "$j/two-docs.jsonl"
"$cli" convert "$t/two-sentences.txt" "$t/mixed.txt" --to csv -o "$c/two-docs.csv"
"$cli" convert "$t/mixed.txt" --to tsv -o "$c/mixed.tsv"
"$cli" convert "$t/two-sentences.txt" --to csv --columns sentence_id,text -o "$c/two-columns.csv"
printf 'text\n"a ""quoted"" sentence, with comma"\nplain\n' > "$c/minimal.csv"
printf 'text\tlang\nБір.\tkk\n' > "$c/minimal.tsv"

# TEI: the small shared samples (the bigger ones exceed -max_len=65536); the
# hand-written minimal.xml, laughs.xml and external-entity.xml stay as committed.
tei=/work/shared/tei-samples
if [ -d "$tei" ]; then
    for f in ParlaMint-TR_T27-tbmm-2020-05-27.xml ParlaMint-TR_T27-tbmm-2020-05-27.ana.xml kfb_01419_g_pp_1875_06_25.xml; do
        install -m 644 "$tei/$f" "$corpus/FuzzTEIReader/$f"
    done
fi

# CoNLL-U: the spec cases, the first two KTB sentences (CC BY-SA 4.0, see
# Tests/CorpusCoNLLUTests/Fixtures/SOURCES.md), the first ParlaMint sentence (CC BY 4.0)
# and the CLI's own text → CoNLL-U.
u="$corpus/FuzzCoNLLUReader"
rm -rf "$u" && mkdir -p "$u"
cp "$root/Tests/CorpusCoNLLUTests/Fixtures/empty-nodes.conllu" "$u/"
awk 'BEGIN{RS="";ORS="\n\n"} NR<=2' "$root/Tests/CorpusCoNLLUTests/Fixtures/kk_ktb-ud-train.conllu" > "$u/ktb-head.conllu"
[ -f /work/shared/annotated/ParlaMint-FR_2018-07-11-E1009.conllu ] &&
    awk 'BEGIN{RS="";ORS="\n\n"} NR<=1' /work/shared/annotated/ParlaMint-FR_2018-07-11-E1009.conllu > "$u/parlamint-head.conllu"
printf 'Бұл сөйлем. Екіншісі, міне!\n\nЖаңа абзац.\n' | "$cli" convert - --from text --to conllu -o "$u/from-text.conllu"

du -sh "$corpus"
