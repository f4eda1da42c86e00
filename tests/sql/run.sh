#!/usr/bin/env bash
# SQL tests through the sqlite3 shell: each tests/sql/*.test is a script whose output must equal
# the .expected file beside it. Under MODE=asan the shell runs with the sanitizer runtime preloaded.
set -uo pipefail
so=$1 mode=${2:-release}
cd "$(dirname "$0")/../.."
pre=()
if [ "$mode" = asan ]; then
  pre=(env LD_PRELOAD="$(cc -print-file-name=libasan.so):$(cc -print-file-name=libubsan.so)" ASAN_OPTIONS=detect_leaks=0)
fi
pass=0 fail=0
for t in tests/sql/*.test; do
  [ -e "$t" ] || continue
  exp=${t%.test}.expected
  got=$("${pre[@]}" /usr/bin/sqlite3 -batch -bail :memory: -cmd ".load $(realpath "${so%.so}")" < "$t" 2>&1)
  if [ "$got" == "$(cat "$exp")" ]; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAILED: $t"; diff <(echo "$got") "$exp" | head -n 40; fi
done
echo "sql ($mode): $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
