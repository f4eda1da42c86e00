#!/usr/bin/env bash
# Run every cmocka unit test binary in DIR; print one closing summary line.
set -uo pipefail
dir=$1 mode=${2:-release}
cd "$(dirname "$0")/.."
pass=0 fail=0
for t in "$dir"/test_*; do
  [ -x "$t" ] || continue
  if out=$("$t" 2>&1); then pass=$((pass + 1)); else fail=$((fail + 1)); echo "$out" | tail -n 30; echo "FAILED: $t"; fi
done
echo "unit-$mode: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
