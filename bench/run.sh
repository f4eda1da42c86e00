#!/usr/bin/env bash
# make bench: every figure is a ratio against a baseline run in the same process tree, on the
# same input, so that it holds when the machine's speed drifts.
#  1. the parser alone (bench_parse): gipr_parse vs one validating pass over the same bytes;
#  2. SQL over a folder of reports: gipr_indicators(dir) vs reading the same files with fsdir();
#  3. parse-once: a join of gipr_reports and gipr_indicators over the same folder vs
#     gipr_indicators alone (1.0 means each file was parsed once for both).
set -euo pipefail
so=$(realpath "${1:-./gipr.so}")
cd "$(dirname "$0")/.."
copies=${BENCH_COPIES:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fixtures=(tests/fixtures/*.txt tests/fixtures/real/*.txt)

cc -std=c11 -O2 -Icore -o "$work/bench_parse" bench/bench_parse.c build/release/libgipr.a \
   $(pkg-config --libs libxml-2.0) -lm
"$work/bench_parse" 200 "${fixtures[@]}"

for ((i = 0; i < copies; i++)); do
  mkdir -p "$work/corpus/$((i % 20))"
  for f in "${fixtures[@]}"; do cp "$f" "$work/corpus/$((i % 20))/$i-$(basename "$f")"; done
done
nfiles=$(find "$work/corpus" -type f | wc -l)

# Median of 5 runs of a query, in seconds.
time_query() {
  local q=$1 t=()
  for _ in 1 2 3 4 5; do
    local s=$(date +%s%N)
    /usr/bin/sqlite3 -batch :memory: -cmd ".load ${so%.so}" "$q" >/dev/null
    t+=($(( $(date +%s%N) - s )))
  done
  printf '%s\n' "${t[@]}" | sort -n | sed -n 3p
}
base=$(time_query "SELECT count(*), sum(length(data)) FROM fsdir('$work/corpus') WHERE name LIKE '%.txt'")
ind=$(time_query "SELECT count(*) FROM gipr_indicators('$work/corpus')")
join=$(time_query "SELECT count(*) FROM gipr_reports('$work/corpus') r JOIN gipr_indicators('$work/corpus') i ON i.path = r.path")
awk -v n="$nfiles" -v b="$base" -v i="$ind" -v j="$join" 'BEGIN {
  printf "sql: %d files\n", n
  printf "  baseline fsdir read:          %8.1f ms\n", b / 1e6
  printf "  gipr_indicators(dir):         %8.1f ms  %.0f reports/s  ratio %.1f\n", i / 1e6, n / (i / 1e9), i / b
  printf "  reports JOIN indicators:      %8.1f ms  ratio to indicators alone %.2f\n", j / 1e6, j / i
}'
