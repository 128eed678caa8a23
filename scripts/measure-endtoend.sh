#!/usr/bin/env bash
# Measures "annalist code" end to end on the Reuters-21578 corpus, as
# docs/performance.md reports it: wall time, CPU time, peak resident memory
# and the --stats record, for 1 and 2 workers, alternating runs, and peak
# memory on the first 1,000 stories against all 19,043 (memory must stay
# flat as the input grows).
#
# Usage: scripts/measure-endtoend.sh [ROUNDS] [CORPUS]
#   ROUNDS  runs per configuration (default 3); medians are what to quote
#   CORPUS  JSON Lines corpus (default ../shared/corpus/reuters21578.jsonl;
#           research use only: it is read in place, never copied here)
# Needs GNU time (/usr/bin/time). Writes nothing but temporary files.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
corpus=${2:-../shared/corpus/reuters21578.jsonl}
[ -r "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/annalist" ./cmd/annalist
head -n 1000 "$corpus" >"$tmp/first1000.jsonl"

run() { # label workers input
	local label=$1 workers=$2 input=$3
	/usr/bin/time -f '%e %U %S %M' -o "$tmp/time" \
		"$tmp/annalist" code --quiet --stats --workers "$workers" "$input" >/dev/null 2>"$tmp/stats"
	read -r wall user sys rss <"$tmp/time"
	local stats
	stats=$(grep '^{' "$tmp/stats" | tail -n 1)
	printf '%s\tworkers=%s\twall=%ss\tcpu=%.1fs\tmaxrss=%dMB\t%s\n' "$label" "$workers" "$wall" \
		"$(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}')" "$((rss / 1024))" "$stats"
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg), $(go version | cut -d' ' -f3)"
for r in $(seq "$rounds"); do
	run reuters 1 "$corpus"
	run reuters 2 "$corpus"
	run first1000 2 "$tmp/first1000.jsonl"
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
