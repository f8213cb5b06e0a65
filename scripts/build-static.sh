#!/usr/bin/env bash
# Builds a corpuskit that copies to cluster workers (Spark executors, Slurm
# nodes): the Swift runtime is linked in statically, so a worker needs only
# glibc, libstdc++ and the system libxml2 (Debian/Ubuntu: libxml2, with its
# ICU, zlib and lzma; RHEL: libxml2).
#
#   scripts/build-static.sh [OUT_DIR]      # default: dist/
#   scp -r dist/corpuskit dist/CorpusKit_CorpusTEI.resources node:~/bin/
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/dist}
cd "$root"
swift build -c release --static-swift-stdlib --build-path .build-static --product corpuskit
bin=$(swift build -c release --static-swift-stdlib --build-path .build-static --show-bin-path)/corpuskit
mkdir -p "$out"
cp "$bin" "$out/corpuskit"
# The abbreviation lists are compiled in; tei_all.rng (for validate --schema
# tei_all) is a folder that must sit beside the binary: copy both to workers.
rm -rf "$out/CorpusKit_CorpusTEI.resources"
cp -R "$(dirname "$bin")/CorpusKit_CorpusTEI.resources" "$out/"
strip "$out/corpuskit" 2>/dev/null || true
echo "$out/corpuskit: $(du -h "$out/corpuskit" | cut -f1)"
echo "shared libraries it still needs:"
ldd "$out/corpuskit" | awk '{print "  " $1}' | grep -v -e linux-vdso -e ld-linux
"$out/corpuskit" --version
