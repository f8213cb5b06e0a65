#!/usr/bin/env bash
# Converting a corpus past one machine with the engines users already have.
#
# As a Slurm array job: task K of N converts its shard of the input folder;
# the N tasks together convert every file exactly once (--shard K/N hashes
# each input path, FNV-1a; see README "Past one machine").
#
#   sbatch --array=1-16 Examples/cluster/slurm_array.sh /scratch/corpus /scratch/tei/
#
# Without Slurm (a workstation, or inside one big allocation), GNU parallel
# runs the N shards side by side, the same command per shard:
#
#   Examples/cluster/slurm_array.sh --local 4 samples/ out/tei/
#
#SBATCH --job-name=corpuskit
#SBATCH --cpus-per-task=4
#SBATCH --mem=2G
#SBATCH --time=01:00:00
#SBATCH --output=corpuskit-%A_%a.log
set -euo pipefail

# The static binary (scripts/build-static.sh) copied next to the job, or one on PATH.
corpuskit=${CORPUSKIT:-$(command -v corpuskit || echo ./corpuskit)}
target=${TARGET_FORMAT:-tei}

if [[ ${1:-} == --local ]]; then
    shards=${2:?usage: slurm_array.sh --local N INPUT OUTPUT/}
    input=${3:?usage: slurm_array.sh --local N INPUT OUTPUT/}
    output=${4:?usage: slurm_array.sh --local N INPUT OUTPUT/}
    # One shard per job slot; each shard's progress goes to its own log as JSON lines.
    parallel --will-cite --jobs "$shards" --halt soon,fail=1 \
        CORPUSKIT="$corpuskit" SLURM_ARRAY_TASK_ID={} SLURM_ARRAY_TASK_COUNT="$shards" SLURM_CPUS_PER_TASK=1 \
        "$0" "$input" "$output" ::: $(seq 1 "$shards")
    exit
fi

input=${1:?usage: slurm_array.sh INPUT OUTPUT/}
output=${2:?usage: slurm_array.sh INPUT OUTPUT/}
k=${SLURM_ARRAY_TASK_ID:-1}
n=${SLURM_ARRAY_TASK_COUNT:-1}
cores=${SLURM_CPUS_PER_TASK:-1}
mkdir -p "$output"
# Every task runs the same command but for --shard; outputs mirror the input tree,
# so shards never write the same file. --progress=json lines land in the task's log.
"$corpuskit" convert "$input" --to "$target" -o "${output%/}/" --shard "$k/$n" --jobs "$cores" \
    --no-plugin-search --progress=json 2> "${output%/}/.shard-$k-of-$n.log" \
    || { cat "${output%/}/.shard-$k-of-$n.log" >&2; exit 1; }
echo "shard $k/$n: $(grep '"done":true' "${output%/}/.shard-$k-of-$n.log" || echo "no files")"
